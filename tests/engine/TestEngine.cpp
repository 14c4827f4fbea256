// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "demo/DemoBus.h"
#include "engine/Engine.h"
#include "history/History.h"
#include "render/Renderer.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fedmsg;

namespace {
// A transport that delivers what the test gives it and records acknowledgements, standing in
// for an at-least-once broker connection (the real AMQP source has its own broker tests).
class ScriptedSource : public Source
{
public:
    explicit ScriptedSource(BusConfig config)
        : m_config(std::move(config))
    {}
    void start() override { ++m_starts; }
    void stop() override { ++m_stops; }
    void reconfigure(const BusConfig &config) override
    {
        m_config = config;
        ++m_reconfigures;
    }
    BusConfig config() const override { return m_config; }
    void reconnectNow() override { ++m_reconnects; }
    void acknowledge(const QList<quint64> &tags) override { m_acked.append(tags); }
    bool isAtLeastOnce() const override { return true; }
    void deliver(const QList<Envelope> &batch) { Q_EMIT envelopesReceived(batch); }

    int starts() const { return m_starts; }
    int stops() const { return m_stops; }
    int reconfigures() const { return m_reconfigures; }
    int reconnects() const { return m_reconnects; }
    const QList<quint64> &acked() const { return m_acked; }

private:
    BusConfig m_config;
    int m_starts = 0;
    int m_stops = 0;
    int m_reconfigures = 0;
    int m_reconnects = 0;
    QList<quint64> m_acked;
};

Envelope amqpEnvelope(const QString &id,
    quint64 tag,
    const QString &topic,
    Envelope::Transport transport = Envelope::Transport::Amqp)
{
    JsonValue::Object body;
    body.emplace_back("topic", JsonValue(topic));
    body.emplace_back("msg_id", JsonValue(id));
    body.emplace_back("timestamp", JsonValue(std::int64_t(1700000000)));
    JsonValue::Object msg;
    msg.emplace_back("agent", JsonValue("ralph"));
    body.emplace_back("msg", JsonValue(std::move(msg)));
    Envelope e(transport, JsonValue(std::move(body)));
    e.setBusName(QStringLiteral("scripted"));
    e.setDeliveryTag(tag);
    e.setTrust(TrustState::BrokerUnsigned, QStringLiteral("broker"));
    return e;
}

BusConfig scriptedBus()
{
    BusConfig bus;
    bus.name = QStringLiteral("scripted");
    bus.enabled = true;
    bus.transport = BusConfig::Transport::Amqp;
    bus.endpoints = { BusEndpoint { QStringLiteral("amqps://localhost/%2Fpublic_pubsub"), {} } };
    return bus;
}
} // namespace

/// An Engine over a fresh History whose sources are ScriptedSources (made[] in start order).
struct ScriptedEngine
{
    /// commitDelay: short unless a test is about the commit window.
    explicit ScriptedEngine(std::chrono::milliseconds commitDelay = std::chrono::milliseconds(10))
        : history([this, commitDelay] {
            HistoryOptions options;
            options.databasePath = dir.filePath(QStringLiteral("history.sqlite"));
            options.commitDelay = commitDelay;
            return options;
        }())
        , engine(&history, &renderer)
    {
        engine.setSourceFactory([this](const BusConfig &bus) {
            auto s = std::make_unique<ScriptedSource>(bus);
            made.append(s.get());
            return s;
        });
    }
    ScriptedSource *source() const { return made.isEmpty() ? nullptr : made.last(); }

    QTemporaryDir dir;
    History history;
    Renderer renderer;
    Engine engine;
    QList<ScriptedSource *> made;
};

class TestEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void demoBusMessagesAreRenderedValidatedAndStored();
    void acknowledgesOnlyAfterStoreAndDropsDuplicates();
    void handsOnBeforeCommitAndAcknowledgesAfter();
    void busyAtLeastOnceSourceEndsTheWindowEarly();
    void disabledServicesAreStoredButNotNotified();
    void rulesDecideAndTheDecisionIsStoredWithTheMessage();
    void trustedOriginalIsShownAfterUntrustedCopy();
    void busesStartStopAndReconfigure();
    void silentBusIsReconnected();
};

void TestEngine::demoBusMessagesAreRenderedValidatedAndStored()
{
    QTemporaryDir dir;
    HistoryOptions options;
    options.databasePath = dir.filePath(QStringLiteral("history.sqlite"));
    History history(options);
    Renderer renderer;
    Engine engine(&history, &renderer);
    DemoBus demo;
    demo.setInterval(50);
    demo.setUnsignedEvery(4);
    QVERIFY(demo.start());
    QList<EngineMessage> got;
    connect(&engine, &Engine::messagesStored, this, [&](const QList<EngineMessage> &m) {
        got.append(m);
    });
    engine.setBuses({ demo.busConfig() });
    QCOMPARE(engine.sourceCount(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(got.size() >= 5, 15000);
    engine.stop();
    demo.stop();
    // Every message passed on is stored once the commit window ends (now: the test does not
    // wait for it; records still on their way are handed on first).
    history.commitNow();
    HistoryQuery all;
    all.limit = 0;
    QTRY_COMPARE(history.count(all), qint64(got.size()));

    bool sawTrusted = false;
    bool sawUntrusted = false;
    for (const EngineMessage &m : std::as_const(got)) {
        QVERIFY(m.historyId > 0);
        QVERIFY(!m.record.rendering.title.isEmpty());
        QVERIFY(!m.record.rendering.serviceName.isEmpty());
        if (m.record.envelope.trust() == TrustState::Trusted) {
            sawTrusted = true;
        } else {
            QCOMPARE(m.record.envelope.trust(), TrustState::Untrusted);
            // An unverified message is kept but never popped up.
            QCOMPARE(m.record.decision, Engine::decisionHistoryOnly());
            sawUntrusted = true;
        }
        const auto stored = history.message(m.historyId);
        QVERIFY(stored.has_value());
        QCOMPARE(stored->msgId, m.record.envelope.msgId());
    }
    QVERIFY(sawTrusted);
    QVERIFY(sawUntrusted);
}

void TestEngine::acknowledgesOnlyAfterStoreAndDropsDuplicates()
{
    ScriptedEngine fixture;
    History &history = fixture.history;
    Engine &engine = fixture.engine;
    engine.setBuses({ scriptedBus() });
    ScriptedSource *source = fixture.source();
    QVERIFY(source);
    QCOMPARE(source->starts(), 1);

    QSignalSpy storedSpy(&history, &History::stored);
    QSignalSpy messages(&engine, &Engine::messagesStored);
    const QString topic = QStringLiteral("org.fedoraproject.prod.bodhi.update.comment");
    source->deliver({ amqpEnvelope(QStringLiteral("a"), 1, topic),
        amqpEnvelope(QStringLiteral("b"), 2, topic) });
    QVERIFY(source->acked().isEmpty()); // nothing is acknowledged before History committed
    QVERIFY(messages.wait(5000));
    QTRY_COMPARE(source->acked(), (QList<quint64> { 1, 2 }));
    QCOMPARE(messages.at(0).at(0).value<QList<EngineMessage>>().size(), 2);

    // A redelivery of "a" (new tag) is acknowledged again but not passed on.
    source->deliver({ amqpEnvelope(QStringLiteral("a"), 3, topic) });
    QTRY_COMPARE(source->acked(), (QList<quint64> { 1, 2, 3 }));
    QCOMPARE(messages.count(), 1);
    QCOMPARE(engine.duplicateCount(), 1U);
}

// Issue 13 defect 11: the history commits over a long window (10 s at low rates) so that a
// message a second does not cost a transaction each, but the notifier and the UI get each
// message with its history id at once, and an at-least-once source is acknowledged only after
// the COMMIT. A message marked read before its commit ends up read.
void TestEngine::handsOnBeforeCommitAndAcknowledgesAfter()
{
    using namespace std::chrono_literals;
    ScriptedEngine fixture(10min); // longer than the test: only retry() ends the window
    History &history = fixture.history;
    Engine &engine = fixture.engine;
    engine.setBuses({ scriptedBus() });
    ScriptedSource *source = fixture.source();
    QVERIFY(source);
    QSignalSpy storedSpy(&history, &History::stored);
    QSignalSpy messages(&engine, &Engine::messagesStored);
    const QString topic = QStringLiteral("org.fedoraproject.prod.bodhi.update.comment");
    source->deliver({ amqpEnvelope(QStringLiteral("h1"), 1, topic),
        amqpEnvelope(QStringLiteral("h2"), 2, topic) });
    QVERIFY(messages.wait(5000)); // handed on within the window, not after it
    const auto list = messages.at(0).at(0).value<QList<EngineMessage>>();
    QCOMPARE(list.size(), 2);
    QVERIFY(list[0].historyId > 0);
    QVERIFY(list[1].historyId > list[0].historyId);
    QCOMPARE(storedSpy.size(), 0);
    QVERIFY(source->acked().isEmpty()); // not committed: not acknowledged
    QVERIFY(!history.message(list[0].historyId).has_value()); // not committed yet
    history.markRead({ list[0].historyId }); // the user clicked it before the commit
    // A redelivery within the window is a duplicate of the uncommitted copy.
    source->deliver({ amqpEnvelope(QStringLiteral("h1"), 3, topic) });
    QTRY_COMPARE(engine.duplicateCount(), 1U);
    QCOMPARE(messages.size(), 1);
    QVERIFY(source->acked().isEmpty());
    history.retry(); // ends the window now
    QTRY_COMPARE(source->acked(), (QList<quint64> { 1, 2, 3 }));
    QCOMPARE(storedSpy.size(), 1);
    const auto first = history.message(list[0].historyId);
    QVERIFY(first.has_value());
    QCOMPARE(first->msgId, QStringLiteral("h1"));
    QVERIFY(first->read);
    const auto second = history.message(list[1].historyId);
    QVERIFY(second.has_value());
    QCOMPARE(second->msgId, QStringLiteral("h2"));
    QVERIFY(!second->read);
}

// An at-least-once source holds at most its prefetch count of unacknowledged messages: the
// engine ends the commit window once half of that waits, so a busy broker is never stalled.
void TestEngine::busyAtLeastOnceSourceEndsTheWindowEarly()
{
    using namespace std::chrono_literals;
    ScriptedEngine fixture(10min);
    Engine &engine = fixture.engine;
    BusConfig bus = scriptedBus();
    bus.amqp.prefetch = 4;
    engine.setBuses({ bus });
    ScriptedSource *source = fixture.source();
    QVERIFY(source);
    const QString topic = QStringLiteral("org.fedoraproject.prod.bodhi.update.comment");
    QSignalSpy messages(&engine, &Engine::messagesStored);
    source->deliver({ amqpEnvelope(QStringLiteral("p1"), 1, topic) });
    QVERIFY(messages.wait(5000));
    QVERIFY(source->acked().isEmpty()); // one of four: the window stays open
    source->deliver({ amqpEnvelope(QStringLiteral("p2"), 2, topic) });
    QTRY_COMPARE(source->acked(), (QList<quint64> { 1, 2 })); // two of four: committed
}

// Issue 13 item 3: an untrusted copy carrying a genuine message's msg_id, arriving first, must
// not make the genuine message disappear: the trusted one is passed on (to be notified).
void TestEngine::trustedOriginalIsShownAfterUntrustedCopy()
{
    ScriptedEngine fixture;
    Engine &engine = fixture.engine;
    engine.setBuses({ scriptedBus() });
    ScriptedSource *source = fixture.source();
    QVERIFY(source);
    const QString topic = QStringLiteral("org.fedoraproject.prod.bodhi.update.comment");
    Envelope forged = amqpEnvelope(QStringLiteral("same-id"), 1, topic);
    forged.setTrust(TrustState::Untrusted, QStringLiteral("signature invalid"));
    Envelope genuine = amqpEnvelope(QStringLiteral("same-id"), 2, topic);
    genuine.setTrust(TrustState::Trusted, QStringLiteral("signature valid"));
    QList<EngineMessage> got;
    connect(&engine, &Engine::messagesStored, this, [&](const QList<EngineMessage> &m) {
        got.append(m);
    });
    source->deliver({ forged });
    QTRY_COMPARE(got.size(), 1);
    QCOMPARE(got[0].record.decision, Engine::decisionHistoryOnly());
    source->deliver({ genuine });
    QTRY_COMPARE(source->acked(), (QList<quint64> { 1, 2 }));
    QTRY_COMPARE(got.size(), 2);
    QCOMPARE(got[1].record.envelope.trust(), TrustState::Trusted);
    QCOMPARE(got[1].record.decision, Engine::decisionNotify());
    QVERIFY(got[1].historyId > 0);
    const auto stored = fixture.history.message(got[1].historyId);
    QVERIFY(stored.has_value());
    QCOMPARE(stored->trust, TrustState::Trusted);
    QCOMPARE(engine.duplicateCount(), 0U);
    // A replayed untrusted copy afterwards is a duplicate, acknowledged, not passed on.
    forged.setDeliveryTag(3);
    source->deliver({ forged });
    QTRY_COMPARE(source->acked(), (QList<quint64> { 1, 2, 3 }));
    QCOMPARE(got.size(), 2);
    QCOMPARE(engine.duplicateCount(), 1U);
}

void TestEngine::disabledServicesAreStoredButNotNotified()
{
    ScriptedEngine fixture;
    Renderer &renderer = fixture.renderer;
    Engine &engine = fixture.engine;
    engine.setBuses({ scriptedBus() });
    ScriptedSource *source = fixture.source();
    const Envelope e = amqpEnvelope(
        QStringLiteral("c"), 1, QStringLiteral("org.fedoraproject.prod.bodhi.update.comment"));
    const QString service = renderer.render(e).serviceName;
    QVERIFY(!service.isEmpty());
    engine.setMessageTypesOff({ service });
    QSignalSpy messages(&engine, &Engine::messagesStored);
    source->deliver({ e });
    QVERIFY(messages.wait(5000));
    const auto list = messages.at(0).at(0).value<QList<EngineMessage>>();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].record.decision, Engine::decisionHistoryOnly());
    QCOMPARE(list[0].decision.why, rules::RuleDecision::Why::TypeOff);
    engine.setMessageTypesOff({});
    QCOMPARE(engine.decide(e, renderer.render(e)).decisionName(), Engine::decisionNotify());
}

// Issue 15: every message goes through the rules; the decision (action, rule id and revision,
// each condition's outcome) is stored with it and answers "why" later.
void TestEngine::rulesDecideAndTheDecisionIsStoredWithTheMessage()
{
    ScriptedEngine fixture;
    Engine &engine = fixture.engine;
    QList<rules::RuleError> errors;
    const auto set = rules::RuleSet::fromJson(R"({"format":"fedmsg-notify-rules","version":1,
        "default":{"action":"history"},"rules":[
        {"id":"ralph","revision":7,"name":"Ralph's comments","when":{"all":[
          {"field":"topic","op":"glob","value":"*.bodhi.update.comment"},
          {"field":"body","path":"msg.agent","op":"==","value":"ralph"}]},
         "then":{"action":"notify","urgency":"critical"}},
        {"name":"Karma","when":{"field":"topic","op":"glob","value":"*.karma.*"},
         "then":{"action":"digest"}}]})",
        &engine.rulesStage().catalog(),
        &errors);
    QVERIFY(set && errors.isEmpty());
    engine.setRules(*set);
    engine.setBuses({ scriptedBus() });
    ScriptedSource *source = fixture.source();
    QSignalSpy messages(&engine, &Engine::messagesStored);
    source->deliver({ amqpEnvelope(QStringLiteral("r1"),
                          1,
                          QStringLiteral("org.fedoraproject.prod.bodhi.update.comment")),
        amqpEnvelope(QStringLiteral("r2"),
            2,
            QStringLiteral("org.fedoraproject.prod.bodhi.update.karma.threshold")),
        amqpEnvelope(
            QStringLiteral("r3"), 3, QStringLiteral("org.fedoraproject.prod.copr.build.end")) });
    QVERIFY(messages.wait(5000));
    const auto list = messages.at(0).at(0).value<QList<EngineMessage>>();
    QCOMPARE(list.size(), 3);
    QCOMPARE(list[0].decision.ruleId, QStringLiteral("ralph"));
    QCOMPARE(list[0].decision.action.urgency, rules::RuleAction::Urgency::Critical);
    QCOMPARE(list[0].record.decision, Engine::decisionNotify());
    QCOMPARE(list[1].record.decision, Engine::decisionDigest());
    QCOMPARE(list[2].record.decision, Engine::decisionHistoryOnly());
    QCOMPARE(list[2].decision.why, rules::RuleDecision::Why::Default);
    QTRY_COMPARE(source->acked(), (QList<quint64> { 1, 2, 3 }));
    const auto stored = fixture.history.message(list[0].historyId);
    QVERIFY(stored.has_value());
    QCOMPARE(stored->decision, Engine::decisionNotify());
    const auto back = rules::RuleDecision::fromCompactJson(stored->decisionRule);
    QVERIFY2(back.has_value(), qPrintable(stored->decisionRule));
    QCOMPARE(*back, list[0].decision);
    QCOMPARE(back->revision, 7);
    QCOMPARE(back->outcomes, std::string("+++"));
    HistoryQuery digests;
    digests.decisions = { Engine::decisionDigest() };
    QCOMPARE(fixture.history.count(digests), qint64(1));
}

void TestEngine::busesStartStopAndReconfigure()
{
    ScriptedEngine fixture;
    Engine &engine = fixture.engine;
    const QList<ScriptedSource *> &made = fixture.made;
    BusConfig bus = scriptedBus();
    BusConfig off = scriptedBus();
    off.name = QStringLiteral("off");
    off.enabled = false;
    engine.setBuses({ bus, off });
    QCOMPARE(engine.sourceCount(), 1); // a disabled bus gets no source
    bus.topics = { QStringLiteral("org.fedoraproject.prod.bodhi") };
    engine.setBuses({ bus, off });
    QCOMPARE(made.size(), 1);
    QCOMPARE(made[0]->reconfigures(), 1);
    engine.setBuses({});
    QCOMPARE(engine.sourceCount(), 0);
}

void TestEngine::silentBusIsReconnected()
{
    ScriptedEngine fixture;
    Engine &engine = fixture.engine;
    const QList<ScriptedSource *> &made = fixture.made;
    QSignalSpy silent(&engine, &Engine::busSilent);
    BusConfig bus = scriptedBus();
    bus.silenceReconnectMs = 1000;
    engine.setBuses({ bus });
    QCOMPARE(made.size(), 1);
    // messages keep the watchdog quiet...
    for (int i = 0; i < 8; ++i) {
        made[0]->deliver({ amqpEnvelope(QStringLiteral("w%1").arg(i),
            100 + quint64(i),
            QStringLiteral("org.fedoraproject.prod.bodhi.update.comment")) });
        QTest::qWait(50);
    }
    QCOMPARE(made[0]->reconnects(), 0);
    // ...silence makes the engine reconnect the source and say so
    QTRY_COMPARE_WITH_TIMEOUT(made[0]->reconnects(), 1, 5000);
    QCOMPARE(silent.count(), 1);
    QCOMPARE(silent.first().at(0).toString(), bus.name);
    QCOMPARE(silent.first().at(1).toLongLong(), 1000);
    // switched off: no more reconnects
    bus.silenceReconnectMs = 0;
    engine.setBuses({ bus });
    QTest::qWait(2500); // the next interval would have been 2 s (doubled after a silence)
    QCOMPARE(made[0]->reconnects(), 1);
    // automatic: only a fedora-messaging bus that takes every topic is watched
    BusConfig firehose;
    firehose.transport = BusConfig::Transport::Amqp;
    QCOMPARE(firehose.effectiveSilenceReconnectMs(), 15 * 60 * 1000);
    firehose.topics = { QStringLiteral("org.fedoraproject.prod.bodhi") };
    QCOMPARE(firehose.effectiveSilenceReconnectMs(), 0);
    BusConfig zeromq;
    QCOMPARE(zeromq.effectiveSilenceReconnectMs(), 0);
}

QTEST_GUILESS_MAIN(TestEngine)
#include "TestEngine.moc"
