// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// fedmsg-tail --rules FILE / --explain: the built program on a real ZeroMQ socket on 127.0.0.1,
// fed real sample envelopes (resources/demo) by a real publisher.
#include "JsonLines.h"
#include "LoopbackEndpoint.h"
#include "TestData.h"
#include "packages/PackageSetCache.h"
#include "zeromq/Publisher.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace fedmsg;

namespace {
QString tailBin()
{
    return qEnvironmentVariable("FEDMSG_TAIL_BIN");
}
QString rulesFile()
{
    return test::sourcePath("tests/rules/data/acceptance-rules.json");
}
} // namespace

class TestTailRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void explainPrintsEachDecision();
    void rulesShowOnlyWhatWouldPopUp();
    void badRuleFileIsRefusedNamingRuleFieldAndProblem();
    void packagesIMaintainComeFromTheAppletsCache();

private:
    /// The sample envelope whose topic ends with @p suffix.
    JsonValue sample(const char *suffix) const
    {
        for (const JsonValue &v : m_samples)
            if (v["topic"].toQString().endsWith(QLatin1String(suffix)))
                return v;
        return {};
    }
    /// Starts fedmsg-tail with @p args on a fresh publisher, sends @p bodies once it is
    /// subscribed (then a last message to show the end), and returns what it printed.
    QStringList run(const QStringList &args,
        const QList<JsonValue> &bodies,
        int expectedLines,
        int *exitCode = nullptr,
        const QProcessEnvironment &extraEnv = {});

    std::vector<JsonValue> m_samples;
    QTemporaryDir m_config; ///< XDG_CONFIG_HOME: no applet settings
};

void TestTailRules::initTestCase()
{
    QVERIFY2(QFile::exists(tailBin()), "FEDMSG_TAIL_BIN must name the built fedmsg-tail");
    QString error;
    m_samples = test::readJsonLines(test::sampleEnvelopesPath(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

QStringList TestTailRules::run(const QStringList &args,
    const QList<JsonValue> &bodies,
    int expectedLines,
    int *exitCode,
    const QProcessEnvironment &extraEnv)
{
    PublisherOptions options;
    options.mode = PublisherOptions::Mode::Bind;
    options.url = test::freeLoopbackEndpoint();
    Publisher publisher(options);
    QString error;
    if (!publisher.open(&error)) {
        qWarning() << error;
        return {};
    }
    QProcess tail;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path());
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_config.filePath(QStringLiteral("cache")));
    env.insert(extraEnv);
    tail.setProcessEnvironment(env);
    tail.start(tailBin(),
        QStringList {
            QStringLiteral("--no-default-config"), QStringLiteral("--endpoint"), options.url }
            + args);
    if (!tail.waitForStarted(5000) || !publisher.waitForSubscriber(QString(), 15000, 100))
        return {};
    for (const JsonValue &body : bodies)
        if (!publisher.sendBody(body, &error))
            qWarning() << error;
    QByteArray out;
    QElapsedTimer t;
    t.start();
    while (QString::fromUtf8(out).count(QLatin1Char('\n')) < expectedLines && t.elapsed() < 20000
        && tail.state() == QProcess::Running) {
        tail.waitForReadyRead(200);
        out += tail.readAllStandardOutput();
    }
    if (tail.state() == QProcess::Running) {
        tail.terminate();
        tail.waitForFinished(5000);
    }
    out += tail.readAllStandardOutput();
    if (exitCode)
        *exitCode = tail.exitCode();
    return QString::fromUtf8(out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

void TestTailRules::explainPrintsEachDecision()
{
    const QList<JsonValue> bodies { sample("prod.bodhi.update.comment"),
        sample("stg.wiki.article.edit"),
        sample("prod.copr.build.end"),
        sample("prod.logger.log") };
    for (const JsonValue &b : bodies)
        QVERIFY(b.isObject());
    const QStringList lines = run({ QStringLiteral("--terse"),
                                      QStringLiteral("--rules"),
                                      rulesFile(),
                                      QStringLiteral("--explain"),
                                      QStringLiteral("--account"),
                                      QStringLiteral("spot") },
        bodies,
        8);
    QCOMPARE(lines.size(), 8);
    QVERIFY2(lines[0].contains(QStringLiteral("kalev")), qPrintable(lines[0]));
    QCOMPARE(lines[1],
        QStringLiteral("  => notify: rule 'Comments on my updates': topic matches "
                       "*.bodhi.update.comment ✓, msg.comment.update.user.name == kalev ✓ (kalev) "
                       "→ notify (critical)"));
    QCOMPARE(lines[3],
        QStringLiteral("  => drop: rule 'Nothing from the wiki': service is wiki ✓ → drop"));
    QCOMPARE(lines[5],
        QStringLiteral(
            "  => digest: rule 'Copr builds in a digest': service is copr ✓, topic matches "
            "*.copr.build.* ✓ → digest"));
    QCOMPARE(lines[7], QStringLiteral("  => history: no rule matched, default → history only"));
}

void TestTailRules::rulesShowOnlyWhatWouldPopUp()
{
    // The wiki edit is dropped, the log message stays in the history: only the comment and the
    // copr build (digest) are shown, in that order.
    const QStringList lines = run({ QStringLiteral("--terse"),
                                      QStringLiteral("--rules"),
                                      rulesFile(),
                                      QStringLiteral("--count"),
                                      QStringLiteral("2") },
        { sample("stg.wiki.article.edit"),
            sample("prod.logger.log"),
            sample("prod.bodhi.update.comment"),
            sample("prod.copr.build.end") },
        2);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines[0].contains(QStringLiteral("bodhi.update.comment")), qPrintable(lines[0]));
    QVERIFY2(lines[1].contains(QStringLiteral("copr.build.end")), qPrintable(lines[1]));
}

void TestTailRules::badRuleFileIsRefusedNamingRuleFieldAndProblem()
{
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("bad.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"format":"fedmsg-notify-rules","version":1,"rules":[{"name":"Oops",
        "when":{"field":"topic","op":"regex","value":"(bodhi"},"then":{"action":"notify"}}]})");
    f.close();
    QProcess tail;
    tail.start(tailBin(),
        { QStringLiteral("--no-default-config"),
            QStringLiteral("--endpoint"),
            test::freeLoopbackEndpoint(),
            QStringLiteral("--rules"),
            f.fileName() });
    QVERIFY(tail.waitForFinished(10000));
    QCOMPARE(tail.exitCode(), 2);
    const QString err = QString::fromUtf8(tail.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("rule 'Oops', field when.value: "))
            && err.contains(QStringLiteral("bad regex")),
        qPrintable(err));
    QVERIFY(tail.readAllStandardOutput().isEmpty());
}

void TestTailRules::packagesIMaintainComeFromTheAppletsCache()
{
    // The applet's package cache says kalev maintains eclipse-ptp (fetched an hour ago, so not
    // fetched again): fedmsg-tail --rules reads the same cache, and the koji build of it by
    // someone else is "a build of a package I maintain, not mine". Before, fedmsg-tail had no
    // package sources and the condition stayed unknown ("history only").
    QTemporaryDir cache;
    QVERIFY(cache.isValid());
    const packages::PackageSetCache store(cache.filePath(QStringLiteral("fedmsg-notify/packages")));
    QVERIFY(store.save(QStringLiteral("distgit"),
        QStringLiteral("kalev"),
        QStringLiteral("https://src.fedoraproject.org"),
        { std::make_shared<const QSet<QString>>(QSet<QString> { QStringLiteral("eclipse-ptp") }),
            QDateTime::currentDateTimeUtc().addSecs(-3600) }));
    const JsonValue build = sample("prod.buildsys.build.state.change");
    QVERIFY(build.isObject());
    QProcessEnvironment env;
    env.insert(QStringLiteral("XDG_CACHE_HOME"), cache.path());
    const QStringList lines = run({ QStringLiteral("--terse"),
                                      QStringLiteral("--rules"),
                                      rulesFile(),
                                      QStringLiteral("--explain"),
                                      QStringLiteral("--account"),
                                      QStringLiteral("kalev") },
        { build },
        2,
        nullptr,
        env);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines[1].startsWith(
                 QStringLiteral("  => notify: rule 'Builds of packages I maintain, not mine'")),
        qPrintable(lines[1]));
    QVERIFY2(lines[1].contains(QStringLiteral("(eclipse-ptp)")), qPrintable(lines[1]));
}

QTEST_GUILESS_MAIN(TestTailRules)
#include "TestTailRules.moc"
