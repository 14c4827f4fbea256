// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "history/History.h"
#include "render/Renderer.h"
#include "json/JsonParser.h"

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

private:
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
    HistoryOptions options;
    options.databasePath = m_db;
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
    QVERIFY(stored.wait(10000));
    QCOMPARE(stored.at(0).at(0).value<QList<StoreResult>>().size(), 3);
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

QTEST_GUILESS_MAIN(TestTailHistory)
#include "TestTailHistory.moc"
