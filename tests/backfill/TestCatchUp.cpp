// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// CatchUp: after a gap, the bus's archive (a local datagrepper) goes through the real Engine and
// History; the archived messages are told apart (no popup each) and one summary follows.

#include "DatagrepperTestServer.h"

#include "backfill/CatchUp.h"
#include "demo/DemoBus.h"
#include "engine/Engine.h"
#include "history/History.h"
#include "render/Renderer.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fedmsg;
using fedmsg::test::DatagrepperTestServer;

class TestCatchUp : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void archiveAfterAGapGivesOneSummary();
};

void TestCatchUp::archiveAfterAGapGivesOneSummary()
{
    QTemporaryDir dir;
    HistoryOptions options;
    options.databasePath = dir.filePath(QStringLiteral("history.sqlite"));
    options.commitDelay = std::chrono::milliseconds(10);
    History history(options);
    Renderer renderer;
    Engine engine(&history, &renderer);
    CatchUp catchUp(&engine, &history);

    DemoBus demo;
    demo.setInterval(3600 * 1000); // only when the test says
    demo.setUnsignedEvery(1000000);
    QString error;
    QVERIFY2(demo.start(&error), qPrintable(error));
    DatagrepperTestServer server;
    BusConfig bus = demo.busConfig();
    bus.archiveUrl = server.archiveUrl();

    int live = 0;
    int absorbed = 0;
    int absorbedPopsUp = 0;
    QList<JsonValue> liveBodies;
    connect(&engine, &Engine::messagesStored, this, [&](const QList<EngineMessage> &messages) {
        for (const EngineMessage &m : messages) {
            const bool popsUp = m.record.decision == Engine::decisionNotify();
            if (catchUp.absorb(m, popsUp)) {
                ++absorbed;
                absorbedPopsUp += popsUp ? 1 : 0;
            } else {
                ++live;
                liveBodies.append(m.record.envelope.body());
            }
        }
    });
    QSignalSpy caughtUp(&catchUp, &CatchUp::caughtUp);
    engine.setBuses({ bus });
    catchUp.setBuses({ bus });

    // Nothing stored for the bus yet: nothing was missed that the user had seen.
    catchUp.catchUpAll();
    QVERIFY(!catchUp.isRunning());

    QTRY_VERIFY_WITH_TIMEOUT(
        engine.endpointStatuses().value(0).state == EndpointStatus::State::Connected, 20000);
    demo.publishNext();
    QTRY_VERIFY_WITH_TIMEOUT(live >= 1, 20000); // (the demo bus may have sent one of its own)
    QTRY_VERIFY(catchUp.lastSeen(bus.name).isValid());

    // The gap: the archive has the live message and 20 more.
    QList<QByteArray> archive { DatagrepperTestServer::archived(liveBodies.first()) };
    archive.append(DatagrepperTestServer::demoMessages(20));
    server.setMessages(archive);
    catchUp.catchUpAll();
    QVERIFY(catchUp.isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(caughtUp.count(), 1, 30000);
    QCOMPARE(caughtUp.at(0).at(0).toString(), bus.name);
    QCOMPARE(caughtUp.at(0).at(1).toInt(), 20); // the live one is not stored again
    QCOMPARE(absorbed, 20);
    QCOMPARE(caughtUp.at(0).at(2).toInt(), absorbedPopsUp);
    QVERIFY(!catchUp.isRunning());

    // A lost queue (Engine::gapDetected) starts one too; everything is already stored.
    Q_EMIT engine.gapDetected(bus.name, QDateTime::currentDateTimeUtc().addSecs(-600));
    QVERIFY(catchUp.isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(caughtUp.count(), 2, 30000);
    QCOMPARE(caughtUp.at(1).at(1).toInt(), 0);
    QCOMPARE(absorbed, 20);
    HistoryQuery all;
    all.limit = 0;
    // Each message once: the live ones and the 20 only the archive had, none taken for live.
    QCOMPARE(history.count(all), live + 20);
}

QTEST_GUILESS_MAIN(TestCatchUp)
#include "TestCatchUp.moc"
