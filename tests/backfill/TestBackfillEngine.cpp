// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "DatagrepperTestServer.h"

#include "backfill/BackfillClient.h"
#include "demo/DemoBus.h"
#include "engine/Engine.h"
#include "history/History.h"
#include "render/Renderer.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace fedmsg;
using fedmsg::test::DatagrepperTestServer;

namespace {

// A real Engine over a real History in a temporary folder.
struct Pipeline
{
    Pipeline()
        : history([this] {
            HistoryOptions options;
            options.databasePath = dir.filePath(QStringLiteral("history.sqlite"));
            options.commitDelay = std::chrono::milliseconds(10);
            return options;
        }())
        , engine(&history, &renderer)
    {
        QObject::connect(&engine, &Engine::messagesStored, [this](const QList<EngineMessage> &m) {
            stored.append(m);
        });
    }
    qint64 rows(const QString &msgId = {}) const
    {
        HistoryQuery q;
        q.msgId = msgId;
        q.limit = 0;
        return history.count(q);
    }
    TrustState trustOf(const QString &msgId) const
    {
        HistoryQuery q;
        q.msgId = msgId;
        const QList<StoredMessage> found = history.search(q);
        return found.isEmpty() ? TrustState::Unchecked : found.first().trust;
    }

    QTemporaryDir dir;
    History history;
    Renderer renderer;
    Engine engine;
    QList<EngineMessage> stored;
};

JsonValue withoutSignature(const JsonValue &body)
{
    JsonValue copy = body;
    copy.remove("signature");
    copy.remove("certificate");
    return copy;
}

} // namespace

class TestBackfillEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void liveAndArchivedMessagesAreStoredOnce();
    void signedArchivedCopyReplacesAnUnsignedOne();
};

void TestBackfillEngine::liveAndArchivedMessagesAreStoredOnce()
{
    Pipeline p;
    DemoBus demo;
    demo.setInterval(50);
    demo.setUnsignedEvery(1000000); // every live message signed
    QString error;
    QVERIFY2(demo.start(&error), qPrintable(error));
    p.engine.setBuses({ demo.busConfig() });
    QTRY_VERIFY_WITH_TIMEOUT(p.stored.size() >= 6, 20000);
    demo.setInterval(3600 * 1000); // now only when the test says
    QList<JsonValue> live;
    for (const EngineMessage &m : std::as_const(p.stored)) {
        QCOMPARE(m.record.envelope.trust(), TrustState::Trusted);
        live.append(m.record.envelope.body());
    }

    // The archive: an unsigned copy of the first live message, then datagrepper's copies of
    // every live one, then 20 messages only the archive has.
    DatagrepperTestServer server;
    QList<QByteArray> archive;
    archive.append(DatagrepperTestServer::archived(withoutSignature(live.first())));
    for (const JsonValue &body : std::as_const(live))
        archive.append(DatagrepperTestServer::archived(body));
    const QList<QByteArray> onlyArchived = DatagrepperTestServer::demoMessages(20);
    archive.append(onlyArchived);
    server.setMessages(archive);
    server.addFault(2, DatagrepperTestServer::Fault::Held);

    BusConfig bus = demo.busConfig();
    bus.archiveUrl = server.archiveUrl();
    BackfillClient backfill(bus);
    BackfillOptions options;
    options.rowsPerPage = 10;
    backfill.setOptions(options);
    connect(&backfill, &BackfillClient::envelopesReceived, &p.engine, &Engine::takeEnvelopes);
    QList<BackfillResult> results;
    connect(&backfill, &BackfillClient::finished, this, [&](const BackfillResult &r) {
        results.append(r);
    });
    const qsizetype storedBefore = p.stored.size();
    const quint64 duplicatesBefore = p.engine.duplicateCount();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(backfill.start(now.addSecs(-3600), now));

    // While page 2 is slow, a message arrives live; the archive has it too by the time it is
    // asked for the rest.
    QTRY_COMPARE(server.http().heldCount(), 1);
    demo.publishNext();
    auto lateArrival = [&]() -> const EngineMessage * {
        for (qsizetype i = storedBefore; i < p.stored.size(); ++i)
            if (p.stored[i].record.envelope.endpoint() == demo.endpoint())
                return &p.stored[i];
        return nullptr;
    };
    QTRY_VERIFY_WITH_TIMEOUT(lateArrival() != nullptr, 20000);
    const JsonValue lateLive = lateArrival()->record.envelope.body();
    const QString lateId = lateArrival()->record.envelope.msgId();
    server.appendMessage(DatagrepperTestServer::archived(lateLive));
    server.http().releaseAll();
    QTRY_VERIFY_WITH_TIMEOUT(!results.isEmpty(), 20000);
    QCOMPARE(results.first().outcome, BackfillResult::Outcome::Complete);
    QCOMPARE(results.first().messages, int(archive.size()) + 1);

    // Everything once: the live messages, the late one and the 20 only archived (a live
    // message still on its way when the snapshot was taken counts too: it is in stored).
    QTRY_COMPARE(p.engine.duplicateCount() - duplicatesBefore, quint64(live.size() + 2));
    QSet<QString> ids;
    for (const EngineMessage &m : std::as_const(p.stored))
        ids.insert(m.record.envelope.msgId());
    QCOMPARE(ids.size(), p.stored.size()); // no msg_id handed on twice
    for (const JsonValue &body : std::as_const(live))
        QVERIFY(ids.contains(body["msg_id"].toQString()));
    QVERIFY(ids.contains(lateId));
    for (int i = 0; i < 20; ++i)
        QVERIFY(ids.contains(QStringLiteral("2026-archived-%1").arg(i, 5, 10, QLatin1Char('0'))));
    QTRY_COMPARE(p.rows(), qint64(ids.size()));
    for (const QString &id : std::as_const(ids))
        QCOMPARE(p.rows(id), qint64(1));
    // The archived copies of live messages (and the unsigned one) were duplicates; the first
    // live message is still the signed copy.
    QTRY_COMPARE(p.engine.duplicateCount() - duplicatesBefore, quint64(live.size() + 2));
    QCOMPARE(p.trustOf(live.first()["msg_id"].toQString()), TrustState::Trusted);
    QCOMPARE(p.trustOf(lateId), TrustState::Trusted);
    // The archive's own messages went through rendering and the rules like live ones.
    int fromArchive = 0;
    for (const EngineMessage &m : std::as_const(p.stored)) {
        if (m.record.envelope.endpoint() != server.archiveUrl())
            continue;
        ++fromArchive;
        QVERIFY(!m.record.rendering.title.isEmpty());
        QVERIFY(!m.record.decision.isEmpty());
    }
    QCOMPARE(fromArchive, 20);
    p.engine.stop();
    demo.stop();
}

void TestBackfillEngine::signedArchivedCopyReplacesAnUnsignedOne()
{
    // One signed live message from the demo bus, kept as the archive's copy.
    Pipeline source;
    DemoBus demo;
    demo.setInterval(50);
    demo.setUnsignedEvery(1000000);
    QVERIFY(demo.start());
    source.engine.setBuses({ demo.busConfig() });
    QTRY_VERIFY_WITH_TIMEOUT(!source.stored.isEmpty(), 20000);
    source.engine.stop();
    demo.stop();
    const Envelope signedLive = source.stored.first().record.envelope;
    QCOMPARE(signedLive.trust(), TrustState::Trusted);

    // Another history got only an unsigned copy (a forged or stripped one) of it.
    Pipeline p;
    Envelope stripped(Envelope::Transport::ZeroMq, withoutSignature(signedLive.body()));
    stripped.setBusName(signedLive.busName());
    stripped.setTrust(TrustState::Untrusted, QStringLiteral("no signature"));
    p.engine.takeEnvelopes({ stripped });
    QTRY_COMPARE(p.rows(signedLive.msgId()), qint64(1));
    QCOMPARE(p.trustOf(signedLive.msgId()), TrustState::Untrusted);

    DatagrepperTestServer server;
    server.setMessages({ DatagrepperTestServer::archived(signedLive.body()) });
    BusConfig bus = demo.busConfig();
    bus.archiveUrl = server.archiveUrl();
    BackfillClient backfill(bus);
    connect(&backfill, &BackfillClient::envelopesReceived, &p.engine, &Engine::takeEnvelopes);
    const qsizetype before = p.stored.size();
    QVERIFY(backfill.start(
        QDateTime::currentDateTimeUtc().addSecs(-60), QDateTime::currentDateTimeUtc()));
    // The archive's signed copy takes the row's place and is handed on as new.
    QTRY_COMPARE(p.trustOf(signedLive.msgId()), TrustState::Trusted);
    QCOMPARE(p.rows(signedLive.msgId()), qint64(1));
    QTRY_COMPARE(p.stored.size(), before + 1);
    QCOMPARE(p.stored.last().record.envelope.trust(), TrustState::Trusted);
}

QTEST_GUILESS_MAIN(TestBackfillEngine)
#include "TestBackfillEngine.moc"
