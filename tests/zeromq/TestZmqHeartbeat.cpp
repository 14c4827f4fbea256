// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "zeromq/Publisher.h"
#include "zeromq/ZmqSource.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace fedmsg;

// A subscriber with a short heartbeat interval and a TTL that wraps around in libzmq 4.3
// (65 600 ms arrives at the publisher as 64 ms): unclamped, the publisher drops it 64 ms after
// every PING. Over 15 heartbeat periods nothing may be dropped and no message lost.
class TestZmqHeartbeat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void overflowingTtlDoesNotDropTheSubscription();
};

void TestZmqHeartbeat::overflowingTtlDoesNotDropTheSubscription()
{
    PublisherOptions o;
    o.mode = PublisherOptions::Mode::Bind;
    o.url = QStringLiteral("tcp://127.0.0.1:*");
    o.lingerMs = 0;
    o.environment = QStringLiteral("prod");
    Publisher pub(o);
    QString error;
    QVERIFY2(pub.open(&error), qPrintable(error));

    BusConfig bus;
    bus.name = QStringLiteral("heartbeat");
    bus.enabled = true;
    bus.endpoints = { BusEndpoint { pub.boundEndpoint(), {} } };
    bus.trust.validateSignatures = false;
    ZmqTuning tuning;
    tuning.heartbeatIntervalMs = 2000;
    tuning.heartbeatTtlMs = 65600;
    ZmqSource src(bus);
    src.setTuning(tuning);
    QList<qint64> numbers;
    connect(&src, &Source::envelopesReceived, this, [&](const QList<Envelope> &batch) {
        for (const Envelope &e : batch)
            numbers << qint64(e.msg()["n"].toInt64());
    });
    src.start();
    QVERIFY(pub.waitForSubscriber(QStringLiteral("org.fedoraproject.prod.logger.log"), 5000));
    QTRY_COMPARE_WITH_TIMEOUT(
        src.endpointStatuses().value(0).state, EndpointStatus::State::Connected, 5000);

    // 20 messages a second for 30 s: 15 heartbeat periods.
    constexpr int Count = 600;
    int sent = 0;
    QTimer pace;
    pace.setInterval(50);
    connect(&pace, &QTimer::timeout, this, [&] {
        const JsonValue msg(JsonValue::Object { { "n", JsonValue(std::int64_t(sent + 1)) } });
        if (pub.publish(QStringLiteral("logger"), QStringLiteral("log"), msg))
            ++sent;
        if (sent == Count)
            pace.stop();
    });
    pace.start();
    QTRY_COMPARE_WITH_TIMEOUT(sent, Count, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(numbers.size(), Count, 10000);
    for (int i = 0; i < Count; ++i)
        QCOMPARE(numbers.at(i), qint64(i + 1));
    const EndpointStatus s = src.endpointStatuses().value(0);
    QCOMPARE(s.reconnects, quint64(0));
    QCOMPARE(s.state, EndpointStatus::State::Connected);
}

QTEST_GUILESS_MAIN(TestZmqHeartbeat)
#include "TestZmqHeartbeat.moc"
