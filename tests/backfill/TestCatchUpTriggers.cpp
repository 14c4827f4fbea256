// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The gaps that start a catch-up, each made for real: a ZeroMQ publisher restarted (the
// subscriber connects again; PUB/SUB kept nothing meanwhile) and an AMQP queue deleted under its
// consumer on the test RabbitMQ (re-declared: Engine::gapDetected). The archive is a local
// datagrepper; everything goes through the real Engine and History.

#include "AmqpTestBroker.h"
#include "DatagrepperTestServer.h"
#include "LoopbackEndpoint.h"

#include "amqp/AmqpPublisher.h"
#include "backfill/CatchUp.h"
#include "engine/Engine.h"
#include "history/History.h"
#include "history/HistoryQuery.h"
#include "render/Renderer.h"
#include "zeromq/Publisher.h"
#include "json/JsonWriter.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace fedmsg;
using fedmsg::test::DatagrepperTestServer;

namespace {

// The engine, its history and the catch-up, as the applet wires them (destroyed in reverse).
struct Pipeline
{
    explicit Pipeline(const QString &dir)
        : history(historyOptions(dir))
        , engine(&history, &renderer)
        , catchUp(&engine, &history)
    {
        QObject::connect(&engine,
            &Engine::messagesStored,
            &catchUp,
            [this](const QList<EngineMessage> &messages) {
                for (const EngineMessage &m : messages)
                    if (!catchUp.absorb(m, true))
                        ++live;
            });
    }

    static HistoryOptions historyOptions(const QString &dir)
    {
        HistoryOptions options;
        options.databasePath = dir + QStringLiteral("/history.sqlite");
        options.commitDelay = std::chrono::milliseconds(10);
        return options;
    }
    void setBus(const BusConfig &bus)
    {
        engine.setBuses({ bus });
        catchUp.setBuses({ bus });
    }
    qint64 stored() const
    {
        HistoryQuery all;
        all.limit = 0;
        return history.count(all);
    }
    EndpointStatus::State state() const { return engine.endpointStatuses().value(0).state; }

    Renderer renderer;
    History history;
    Engine engine;
    CatchUp catchUp;
    int live = 0;
};

// fedora-messaging's shape as datagrepper serves it (tests/data/datagrepper/README.md).
QList<QByteArray> amqpArchive(const QString &topic, int count)
{
    QList<QByteArray> out;
    for (int i = 0; i < count; ++i) {
        JsonValue body = JsonValue::emptyObject();
        body.insert("topic", JsonValue(topic));
        JsonValue msg = JsonValue::emptyObject();
        msg.insert("n", JsonValue(i));
        body.insert("msg", msg);
        body.insert("msg_id", JsonValue(QStringLiteral("amqp-archived-%1").arg(i)));
        body.insert("timestamp", JsonValue(double(1764900000 + i)));
        JsonValue headers = JsonValue::emptyObject();
        headers.insert("fedora_messaging_schema", JsonValue("base.message"));
        body.insert("headers", headers);
        body.insert("source_name", JsonValue("datanommer"));
        body.insert("source_version", JsonValue("1.0.3"));
        out.append(QByteArray::fromStdString(JsonWriter::canonical(body)));
    }
    return out;
}

} // namespace

class TestCatchUpTriggers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void publisherRestartCatchesUp();
    void amqpQueueRedeclaredCatchesUp();
};

void TestCatchUpTriggers::publisherRestartCatchesUp()
{
    QTemporaryDir dir;
    Pipeline p(dir.path());
    QSignalSpy caughtUp(&p.catchUp, &CatchUp::caughtUp);
    DatagrepperTestServer server;
    const QString url = QStringLiteral("tcp://127.0.0.1:%1").arg(test::freeLoopbackPort());
    PublisherOptions o;
    o.mode = PublisherOptions::Mode::Bind;
    o.url = url;
    o.lingerMs = 0;
    auto publisher = std::make_unique<Publisher>(o);
    QVERIFY(publisher->open());

    BusConfig bus;
    bus.name = QStringLiteral("restart");
    bus.enabled = true;
    bus.endpoints = { BusEndpoint { url, {} } };
    bus.trust.validateSignatures = false;
    bus.archiveUrl = server.archiveUrl();
    p.setBus(bus);
    QTRY_COMPARE_WITH_TIMEOUT(p.state(), EndpointStatus::State::Connected, 20000);
    const QString topic = publisher->fullTopic(QStringLiteral("bodhi"), QStringLiteral("x"));
    QVERIFY(publisher->waitForSubscriber(topic, 10000));
    JsonValue sent;
    QVERIFY(publisher->publish(QStringLiteral("bodhi"),
        QStringLiteral("update.comment"),
        JsonValue::emptyObject(),
        nullptr,
        &sent));
    QTRY_COMPARE_WITH_TIMEOUT(p.live, 1, 20000);
    QTRY_VERIFY(p.catchUp.lastSeen(bus.name).isValid());
    QCOMPARE(caughtUp.count(), 0); // the first connection is no gap

    // The publisher goes away; what it sent meanwhile only the archive has.
    publisher.reset();
    QTRY_VERIFY_WITH_TIMEOUT(p.state() != EndpointStatus::State::Connected, 20000);
    QList<QByteArray> archive { DatagrepperTestServer::archived(sent) };
    archive.append(DatagrepperTestServer::demoMessages(30));
    server.setMessages(archive);
    QVERIFY(!p.catchUp.isRunning());

    // Back on the same address: the subscriber connects again, and that is a gap.
    publisher = std::make_unique<Publisher>(o);
    QVERIFY(publisher->open());
    QTRY_COMPARE_WITH_TIMEOUT(caughtUp.count(), 1, 30000);
    QCOMPARE(caughtUp.at(0).at(0).toString(), bus.name);
    QCOMPARE(caughtUp.at(0).at(1).toInt(), 30); // the live one is not stored again
    QCOMPARE(p.engine.endpointStatuses().value(0).reconnects, quint64(1));
    QTRY_COMPARE(p.stored(), 31); // the COMMIT follows the ids
    // From the last stored message (whole seconds, rounded down), not from a fixed time back.
    const QUrlQuery first = server.queries().constFirst();
    const qint64 start = first.queryItemValue(QStringLiteral("start")).toLongLong();
    const qint64 last = p.catchUp.lastSeen(bus.name).toSecsSinceEpoch();
    QVERIFY2(start <= last && start >= last - 1,
        qPrintable(QStringLiteral("%1 vs %2").arg(start).arg(last)));
}

void TestCatchUpTriggers::amqpQueueRedeclaredCatchesUp()
{
    test::AmqpTestBroker broker;
    FEDMSG_REQUIRE_BROKER(broker);
    AmqpPublisher publisher(broker.publisherOptions());
    QString error;
    QVERIFY2(publisher.connect(&error), qPrintable(error));

    QTemporaryDir dir;
    Pipeline p(dir.path());
    QSignalSpy caughtUp(&p.catchUp, &CatchUp::caughtUp);
    QSignalSpy gaps(&p.engine, &Engine::gapDetected);
    DatagrepperTestServer server;
    const QString topic = QStringLiteral("org.fedoraproject.prod.gaptest.thing");
    BusConfig bus = broker.bus({ QStringLiteral("org.fedoraproject.prod.gaptest.#") });
    bus.archiveUrl = server.archiveUrl();
    p.setBus(bus);
    QTRY_COMPARE_WITH_TIMEOUT(p.state(), EndpointStatus::State::Connected, 20000);
    // The queue name was new to the broker: a gap of unknown start, but nothing was stored
    // for the bus yet, so nothing was missed that the user had seen.
    QTRY_COMPARE_WITH_TIMEOUT(gaps.count(), 1, 20000);
    QVERIFY(!p.catchUp.isRunning());

    AmqpOutgoingMessage m;
    m.topic = topic;
    m.body.insert("n", JsonValue(-1));
    QVERIFY2(!publisher.publish(m, &error).isEmpty(), qPrintable(error));
    QVERIFY2(publisher.waitForConfirms(20000, &error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(p.live, 1, 20000);
    QTRY_VERIFY(p.catchUp.lastSeen(bus.name).isValid());

    // The queue expires (deleted under the consumer): re-declared, and a gap.
    server.setMessages(amqpArchive(topic, 25));
    AmqpError e;
    QVERIFY(publisher.connection().deleteQueue(AmqpPublisher::channel(), bus.amqp.queueName, &e));
    QTRY_COMPARE_WITH_TIMEOUT(gaps.count(), 2, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(caughtUp.count(), 1, 30000);
    QCOMPARE(caughtUp.at(0).at(1).toInt(), 25);
    QTRY_COMPARE(p.stored(), 26);
    QCOMPARE(p.live, 1);
    QCOMPARE(server.queries().size(), 1); // 25 rows: one page
}

QTEST_GUILESS_MAIN(TestCatchUpTriggers)
#include "TestCatchUpTriggers.moc"
