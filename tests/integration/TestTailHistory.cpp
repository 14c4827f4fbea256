// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "history/History.h"
#include "render/Renderer.h"
#include "json/JsonParser.h"

#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fedmsg;

// `fedmsg-tail --history` (the built program) reading a store written by the real History.
class TestTailHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void printsMatchesOldestFirst();
    void filtersByTopicPrefixAndCount();
    void badQueryAndMissingDatabaseAreClearErrors();
    void readsTheAppletsHistoryByDefault();
    void storedControlSequencesAreShownEscaped();

private:
    static bool writeStore(const QString &path);
    QStringList tail(
        const QStringList &args, int *exitCode = nullptr, QString *stderrText = nullptr);
    QTemporaryDir m_dir;
    QString m_db;
};

namespace {
HistoryRecord record(
    const Renderer &renderer, const QString &topic, const QString &id, const char *msgJson)
{
    JsonValue::Object body;
    body.emplace_back("topic", JsonValue(topic));
    body.emplace_back("msg_id", JsonValue(id));
    body.emplace_back("timestamp", JsonValue(std::int64_t(1700000000)));
    body.emplace_back("msg", *JsonParser::parse(msgJson));
    Envelope e(Envelope::Transport::ZeroMq, JsonValue(std::move(body)));
    e.setBusName(QStringLiteral("test"));
    e.setTrust(TrustState::Trusted);
    HistoryRecord r;
    r.envelope = e;
    r.rendering = renderer.render(e);
    return r;
}
} // namespace

void TestTailHistory::initTestCase()
{
    m_db = m_dir.filePath(QStringLiteral("history.sqlite"));
    QVERIFY(writeStore(m_db));
}

bool TestTailHistory::writeStore(const QString &path)
{
    HistoryOptions options;
    options.databasePath = path;
    options.commitDelay = std::chrono::milliseconds(10); // read back at once
    History history(options);
    Renderer renderer;
    QSignalSpy stored(&history, &History::stored);
    history.store({
        record(renderer,
            QStringLiteral("org.fedoraproject.prod.git.branch"),
            QStringLiteral("2026-1"),
            R"({"agent":"limburgher","name":"valgrind","branch":"master"})"),
        record(renderer,
            QStringLiteral("org.fedoraproject.prod.bodhi.update.comment"),
            QStringLiteral("2026-2"),
            R"({"agent":"ralph","comment":{"author":"ralph","text":"works for me","karma":1,"update":{"alias":"FEDORA-2026-1","title":"valgrind-3.22-1.fc40","builds":[{"nvr":"valgrind-3.22-1.fc40"}],"user":{"name":"limburgher"}}}})"),
        record(renderer,
            QStringLiteral("org.fedoraproject.prod.git.branch"),
            QStringLiteral("2026-3"),
            R"({"agent":"pingou","name":"pagure","branch":"f40"})"),
    });
    return stored.wait(10000) && stored.at(0).at(0).value<QList<StoreResult>>().size() == 3;
}

QStringList TestTailHistory::tail(const QStringList &args, int *exitCode, QString *stderrText)
{
    QProcess p;
    p.start(qEnvironmentVariable("FEDMSG_TAIL_BIN"),
        QStringList { QStringLiteral("--history"), QStringLiteral("--history-db"), m_db } + args);
    if (!p.waitForFinished(30000))
        return { QStringLiteral("<timeout>") };
    if (exitCode)
        *exitCode = p.exitCode();
    if (stderrText)
        *stderrText = QString::fromUtf8(p.readAllStandardError());
    return QString::fromUtf8(p.readAllStandardOutput())
        .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

void TestTailHistory::printsMatchesOldestFirst()
{
    if (qEnvironmentVariableIsEmpty("FEDMSG_TAIL_BIN"))
        QSKIP("FEDMSG_TAIL_BIN is set by ctest");
    const QStringList all = tail({ QStringLiteral("--json") });
    QCOMPARE(all.size(), 3);
    QVERIFY(all[0].contains(QStringLiteral("\"msg_id\":\"2026-1\"")));
    QVERIFY(all[2].contains(QStringLiteral("\"msg_id\":\"2026-3\"")));
    // Each line is the canonical JSON of the stored envelope.
    QVERIFY(JsonParser::parse(all[1].toStdString()).has_value());

    const QStringList terse = tail({ QStringLiteral("--terse"), QStringLiteral("valgrind") });
    QCOMPARE(terse.size(), 2);
    QVERIFY2(
        terse[0].startsWith(QStringLiteral("git.branch -- limburgher created branch 'master'")),
        qPrintable(terse[0]));
    QVERIFY2(terse[1].startsWith(QStringLiteral("bodhi.update.comment -- ")), qPrintable(terse[1]));
}

void TestTailHistory::filtersByTopicPrefixAndCount()
{
    if (qEnvironmentVariableIsEmpty("FEDMSG_TAIL_BIN"))
        QSKIP("FEDMSG_TAIL_BIN is set by ctest");
    const QStringList git = tail({ QStringLiteral("--json"),
        QStringLiteral("--topic"),
        QStringLiteral("org.fedoraproject.prod.git") });
    QCOMPARE(git.size(), 2);
    const QStringList newest =
        tail({ QStringLiteral("--json"), QStringLiteral("--count"), QStringLiteral("1") });
    QCOMPARE(newest.size(), 1);
    QVERIFY(newest[0].contains(QStringLiteral("\"msg_id\":\"2026-3\"")));
}

void TestTailHistory::badQueryAndMissingDatabaseAreClearErrors()
{
    if (qEnvironmentVariableIsEmpty("FEDMSG_TAIL_BIN"))
        QSKIP("FEDMSG_TAIL_BIN is set by ctest");
    int code = 0;
    QString errors;
    QProcess p;
    p.start(qEnvironmentVariable("FEDMSG_TAIL_BIN"),
        { QStringLiteral("--history"),
            QStringLiteral("--history-db"),
            m_dir.filePath(QStringLiteral("missing.sqlite")) });
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(QString::fromUtf8(p.readAllStandardError())
                .contains(QStringLiteral("no history database")));
    const QStringList none = tail({ QStringLiteral("\"") }, &code, &errors);
    QVERIFY(none.isEmpty());
    QCOMPARE(code, 2);
    QVERIFY(!errors.isEmpty());
}

void TestTailHistory::readsTheAppletsHistoryByDefault()
{
    if (qEnvironmentVariableIsEmpty("FEDMSG_TAIL_BIN"))
        QSKIP("FEDMSG_TAIL_BIN is set by ctest");
    // The applet (application name fedmsg-notify) stores in $XDG_DATA_HOME/fedmsg-notify/; --help
    // says --history reads the applet's history, so that is where it must look without
    // --history-db.
    QTemporaryDir home;
    const QString dataHome = home.filePath(QStringLiteral("data"));
    QVERIFY(QDir().mkpath(dataHome + QStringLiteral("/fedmsg-notify")));
    QVERIFY(writeStore(dataHome + QStringLiteral("/fedmsg-notify/history.sqlite")));
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
    p.setProcessEnvironment(env);
    p.start(qEnvironmentVariable("FEDMSG_TAIL_BIN"),
        { QStringLiteral("--history"), QStringLiteral("--json"), QStringLiteral("pagure") });
    QVERIFY(p.waitForFinished(30000));
    const QString errors = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(p.exitCode() == 0, qPrintable(errors));
    const QStringList lines =
        QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1);
    QVERIFY(lines.first().contains(QStringLiteral("\"msg_id\":\"2026-3\"")));
}

void TestTailHistory::storedControlSequencesAreShownEscaped()
{
    if (qEnvironmentVariableIsEmpty("FEDMSG_TAIL_BIN"))
        QSKIP("FEDMSG_TAIL_BIN is set by ctest");
    // A hostile message stored by the applet is as hostile when printed from the history.
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("hostile.sqlite"));
    {
        HistoryOptions options;
        options.databasePath = db;
        options.commitDelay = std::chrono::milliseconds(10); // read back at once
        History history(options);
        Renderer renderer;
        QSignalSpy stored(&history, &History::stored);
        history.store({ record(renderer,
            QStringLiteral("org.fedoraproject.prod.logger.log"),
            QStringLiteral("evil-1"),
            R"({"log":"clear\u001b[2J\u001b]0;pwned\u0007\u009b31m\u202egnp.exe"})") });
        QVERIFY(stored.wait(10000));
    }
    for (const QStringList &mode : { QStringList { QStringLiteral("--terse") },
             QStringList {},
             QStringList { QStringLiteral("--query"), QStringLiteral("msg.log") } }) {
        QProcess p;
        p.start(qEnvironmentVariable("FEDMSG_TAIL_BIN"),
            QStringList { QStringLiteral("--history"), QStringLiteral("--history-db"), db } + mode);
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("gnp.exe")), qPrintable(out));
        for (const QChar c : out) {
            const char16_t u = c.unicode();
            QVERIFY2(
                u == u'\n' || (u >= 0x20 && u != 0x7F && !(u >= 0x80 && u < 0xA0) && u != 0x202E),
                qPrintable(QStringLiteral("U+%1 in %2").arg(int(u), 4, 16).arg(out)));
        }
    }
}

QTEST_GUILESS_MAIN(TestTailHistory)
#include "TestTailHistory.moc"
