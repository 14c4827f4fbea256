// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The built fedmsg-tail with --since against a local datagrepper (DatagrepperTestServer) and a
// live ZeroMQ bus (DemoBus): the archive's messages first, oldest first, in the same format as
// the live lines that follow; a failing page is reported on stderr and asked again.

#include "DatagrepperTestServer.h"

#include "demo/DemoBus.h"
#include "json/JsonParser.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace fedmsg;
using fedmsg::test::DatagrepperTestServer;

class TestTailSince : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void archiveFirstThenLive();
    void noArchiveIsRefused();
};

namespace {

QString tailBinary()
{
    return qEnvironmentVariable("FEDMSG_TAIL_BIN");
}

QProcessEnvironment environment(const QTemporaryDir &home, const QString &archiveUrl)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    if (!archiveUrl.isEmpty())
        env.insert(QStringLiteral("FEDMSG_ARCHIVE_URL"), archiveUrl);
    return env;
}

} // namespace

void TestTailSince::archiveFirstThenLive()
{
    QVERIFY2(!tailBinary().isEmpty(), "FEDMSG_TAIL_BIN is not set");
    DatagrepperTestServer server;
    server.setMessages(DatagrepperTestServer::demoMessages(130));
    server.addFault(2, DatagrepperTestServer::Fault::Status, 503);
    DemoBus demo;
    demo.setInterval(100);
    QString error;
    QVERIFY2(demo.start(&error), qPrintable(error));

    QTemporaryDir home;
    QProcess tail;
    tail.setProcessEnvironment(environment(home, server.archiveUrl()));
    tail.start(tailBinary(),
        { QStringLiteral("--no-default-config"),
            QStringLiteral("--endpoint"),
            demo.endpoint(),
            QStringLiteral("--no-validate"),
            QStringLiteral("--json"),
            QStringLiteral("--since"),
            QStringLiteral("2h"),
            QStringLiteral("--count"),
            QStringLiteral("133") });
    QVERIFY(tail.waitForStarted());
    // A QProcess's waitFor* would block the local servers: the event loop runs instead.
    QTRY_VERIFY_WITH_TIMEOUT(tail.state() == QProcess::NotRunning, 60000);
    const QByteArray err = tail.readAllStandardError();
    QCOMPARE(tail.exitCode(), 0);
    const QList<QByteArray> lines = tail.readAllStandardOutput().split('\n');
    QVERIFY2(lines.size() >= 133, err.constData());
    QStringList ids;
    for (qsizetype i = 0; i < 133; ++i) {
        auto body =
            JsonParser::parse(std::string_view(lines[i].constData(), std::size_t(lines[i].size())));
        QVERIFY2(body && body->isObject(), lines[i].constData());
        ids.append((*body)["msg_id"].toQString());
        // The archive's lines are the envelopes live ones would be: no datagrepper fields.
        QVERIFY(!body->contains("source_name"));
        QVERIFY((*body)["timestamp"].isInteger());
    }
    for (int i = 0; i < 130; ++i)
        QCOMPARE(ids[i], QStringLiteral("2026-archived-%1").arg(i, 5, 10, QLatin1Char('0')));
    for (int i = 130; i < 133; ++i)
        QVERIFY2(!ids[i].startsWith(QStringLiteral("2026-archived-")), qPrintable(ids[i]));
    QVERIFY2(err.contains("archive: the archive answered HTTP 503; asking again in 1 s"),
        err.constData());
    // Every page asked once more at most: page 2 twice, the others once.
    QCOMPARE(server.requestsOfPage(1), 1);
    QCOMPARE(server.requestsOfPage(2), 2);
    demo.stop();
}

void TestTailSince::noArchiveIsRefused()
{
    QTemporaryDir home;
    QProcess tail;
    tail.setProcessEnvironment(environment(home, {}));
    tail.start(tailBinary(),
        { QStringLiteral("--no-default-config"),
            QStringLiteral("--endpoint"),
            QStringLiteral("tcp://127.0.0.1:1"),
            QStringLiteral("--since"),
            QStringLiteral("2h") });
    QVERIFY(tail.waitForFinished(30000));
    QCOMPARE(tail.exitCode(), 2);
    QVERIFY(tail.readAllStandardError().contains("has no archive; give --archive-url URL"));
}

QTEST_GUILESS_MAIN(TestTailSince)
#include "TestTailSince.moc"
