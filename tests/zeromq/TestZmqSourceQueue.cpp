// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "zeromq/Publisher.h"
#include "zeromq/ZmqSource.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <memory>

using namespace fedmsg;

namespace {

/// A bound publisher on 127.0.0.1 that keeps everything (only the subscriber may drop).
PublisherOptions keepAllPublisher()
{
    PublisherOptions o;
    o.mode = PublisherOptions::Mode::Bind;
    o.url = QStringLiteral("tcp://127.0.0.1:*");
    o.lingerMs = 0;
    o.sendHighWaterMark = 0;
    o.environment = QStringLiteral("prod");
    return o;
}

/// An unvalidated bus subscribed to that publisher.
BusConfig busFor(const Publisher &pub)
{
    BusConfig bus;
    bus.name = QStringLiteral("queue");
    bus.enabled = true;
    bus.endpoints = { BusEndpoint { pub.boundEndpoint(), {} } };
    bus.trust.validateSignatures = false;
    return bus;
}

} // namespace

// The queue between the ZeroMQ worker and the thread that consumes its envelopes is bounded:
// while the consumer does not come back to its event loop, a flood costs at most the bound.
class TestZmqSourceQueue : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stalledConsumerCostsAtMostTheBound();
    void smallMessagesWaitInsteadOfBeingDropped();
};

void TestZmqSourceQueue::stalledConsumerCostsAtMostTheBound()
{
    Publisher pub(keepAllPublisher());
    QString error;
    QVERIFY2(pub.open(&error), qPrintable(error));

    BusConfig bus = busFor(pub);
    constexpr qint64 KiB = 1024;
    constexpr qint64 MiB = 1024 * KiB;
    bus.maxMessageSize = 2 * MiB;
    constexpr qint64 Bound = 8 * MiB;
    ZmqTuning tuning;
    tuning.maxQueuedBytes = Bound;
    ZmqSource src(bus);
    src.setTuning(tuning);

    const auto publish = [&](std::int64_t n, qsizetype padding) {
        const JsonValue msg(JsonValue::Object {
            { "n", JsonValue(n) }, { "pad", JsonValue(std::string(std::size_t(padding), 'x')) } });
        return pub.publish(QStringLiteral("logger"), QStringLiteral("log"), msg);
    };
    constexpr int Flood = 64; // 64 MiB, eight times the bound
    QList<std::int64_t> numbers;
    bool stalled = false;
    bool floodRead = false;
    connect(&src, &Source::envelopesReceived, this, [&](const QList<Envelope> &batch) {
        for (const Envelope &e : batch)
            numbers << e.msg()["n"].toInt64();
        if (stalled)
            return;
        stalled = true;
        // The consumer is busy and does not return to its event loop while a flood arrives;
        // it waits (up to 60 s) until the worker has read all of it from the socket.
        for (int i = 2; i <= Flood + 1; ++i)
            QVERIFY(publish(i, MiB));
        QDeadlineTimer deadline(60000);
        while (src.queueStats().received < quint64(Flood) + 1 && !deadline.hasExpired())
            QThread::msleep(5);
        floodRead = src.queueStats().received == quint64(Flood) + 1;
    });
    src.start();
    QVERIFY(pub.waitForSubscriber(QStringLiteral("org.fedoraproject.prod.logger.log"), 5000));
    QVERIFY(publish(1, 0));
    QTRY_VERIFY_WITH_TIMEOUT(stalled, 5000);
    QVERIFY(floodRead);
    // Every message read is delivered or counted as dropped (the last one read may still be
    // on its way from the worker when the consumer resumes).
    QTRY_COMPARE_WITH_TIMEOUT(
        quint64(numbers.size()) + src.queueStats().overflowDropped, quint64(Flood) + 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(src.queueStats().inFlightBytes, qint64(0), 10000);

    const ZmqQueueStats stats = src.queueStats();
    qInfo("in flight at most %lld bytes (bound %lld); %llu of %d dropped",
        stats.peakInFlightBytes,
        stats.maxInFlightBytes,
        stats.overflowDropped,
        Flood);
    QCOMPARE(stats.maxInFlightBytes, Bound);
    QVERIFY(stats.peakInFlightBytes <= Bound);
    QVERIFY(stats.peakInFlightBytes > Bound / 2); // the bound was reached, not avoided
    QVERIFY(stats.overflowDropped > 0);
    // Oldest dropped first: what arrived is in order and ends with the newest.
    for (qsizetype i = 1; i < numbers.size(); ++i)
        QVERIFY(numbers.at(i) > numbers.at(i - 1));
    QCOMPARE(numbers.last(), std::int64_t(Flood + 1));
    // The status reports the drops.
    QTRY_COMPARE(src.endpointStatuses().value(0).overflowDropped, stats.overflowDropped);

    // After the consumer is back, everything arrives.
    const qsizetype before = numbers.size();
    for (int i = Flood + 2; i <= Flood + 101; ++i)
        QVERIFY(publish(i, 1000));
    QTRY_COMPARE_WITH_TIMEOUT(numbers.size(), before + 100, 10000);
    for (qsizetype i = before; i < numbers.size(); ++i)
        QCOMPARE(numbers.at(i), std::int64_t(Flood + 2 + (i - before)));
    QCOMPARE(src.queueStats().overflowDropped, stats.overflowDropped);
}

// Many small messages hit the message bound, not the byte bound: the worker stops reading (the
// messages wait in libzmq and at the publisher) instead of dropping, and all of them arrive once
// the consumer is back. (The hostile flood of 50 000 signed messages lost 40 000 to drop-oldest.)
void TestZmqSourceQueue::smallMessagesWaitInsteadOfBeingDropped()
{
    Publisher pub(keepAllPublisher());
    QString error;
    QVERIFY2(pub.open(&error), qPrintable(error));

    const BusConfig bus = busFor(pub);
    ZmqTuning tuning;
    tuning.maxQueuedMessages = 100;
    tuning.batchSize = 10;
    ZmqSource src(bus);
    src.setTuning(tuning);

    constexpr int Flood = 5000;
    QList<std::int64_t> numbers;
    bool stalled = false;
    quint64 readWhileStalled = 0;
    connect(&src, &Source::envelopesReceived, this, [&](const QList<Envelope> &batch) {
        for (const Envelope &e : batch)
            numbers << e.msg()["n"].toInt64();
        if (stalled)
            return;
        stalled = true;
        for (int i = 2; i <= Flood + 1; ++i)
            QVERIFY(pub.publish(QStringLiteral("logger"),
                QStringLiteral("log"),
                JsonValue(JsonValue::Object { { "n", JsonValue(std::int64_t(i)) } })));
        // Busy until the worker has paused (or 30 s): it must not read the whole flood.
        QDeadlineTimer deadline(30000);
        while (src.queueStats().readPauses == 0 && !deadline.hasExpired())
            QThread::msleep(5);
        QThread::msleep(200); // a paused worker reads nothing more meanwhile
        readWhileStalled = src.queueStats().received;
    });
    src.start();
    QVERIFY(pub.waitForSubscriber(QStringLiteral("org.fedoraproject.prod.logger.log"), 5000));
    QVERIFY(pub.publish(QStringLiteral("logger"),
        QStringLiteral("log"),
        JsonValue(JsonValue::Object { { "n", JsonValue(std::int64_t(1)) } })));
    QTRY_VERIFY_WITH_TIMEOUT(stalled, 5000);
    QVERIFY(src.queueStats().readPauses >= 1);
    // The bound plus what one drain round may add beyond it, plus the worker's read-ahead (read
    // from the socket, not parsed yet: at most a round's worth).
    QVERIFY2(readWhileStalled <= quint64(1 + tuning.maxQueuedMessages + 2 * tuning.batchSize),
        qPrintable(QString::number(readWhileStalled)));
    QTRY_COMPARE_WITH_TIMEOUT(numbers.size(), qsizetype(Flood + 1), 30000);
    QCOMPARE(src.queueStats().overflowDropped, quint64(0));
    for (qsizetype i = 0; i < numbers.size(); ++i)
        QCOMPARE(numbers.at(i), std::int64_t(i + 1));
    qInfo("%d small messages, %llu pauses, none dropped", Flood + 1, src.queueStats().readPauses);
}

QTEST_GUILESS_MAIN(TestZmqSourceQueue)
#include "TestZmqSourceQueue.moc"
