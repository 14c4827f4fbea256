// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "AmqpTestBroker.h"

#include "amqp/AmqpPublisher.h"
#include "amqp/AmqpSource.h"
#include "history/History.h"
#include "history/HistoryRecord.h"

#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace fedmsg;
using fedmsg::test::AmqpTestBroker;

// Fault suite: the RabbitMQ broker of the harness (tests/rabbitmq/broker.sh) stops, its queue is
// gone (the source's queue is not durable, like fedora-messaging's, and is deleted outright when
// the broker comes back), and it starts again. The source, wired as in the applet (acknowledging
// only what the History committed), says the bus is down while it is, reconnects by itself (its
// backoff, no reconnectNow()), re-declares and re-binds the queue, reports the gap from the last
// message it had, and everything published after that arrives and is stored exactly once.
class TestBrokerRestart : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void restartedWithQueueDeleted();

private:
    QString publish(const QString &topic, int n);

    AmqpTestBroker m_broker;
    std::unique_ptr<AmqpPublisher> m_publisher;
};

void TestBrokerRestart::initTestCase()
{
    FEDMSG_REQUIRE_BROKER(m_broker);
}

QString TestBrokerRestart::publish(const QString &topic, int n)
{
    QString error;
    if (!m_publisher || !m_publisher->isConnected()) {
        m_publisher = std::make_unique<AmqpPublisher>(m_broker.publisherOptions());
        if (!m_publisher->connect(&error)) {
            qWarning().noquote() << "publisher:" << error;
            return {};
        }
    }
    AmqpOutgoingMessage m;
    m.topic = topic;
    m.body.insert("n", JsonValue(n));
    m.schema = QStringLiteral("faults.v1");
    QString id = m_publisher->publish(m, &error);
    if (id.isEmpty() || !m_publisher->waitForConfirms(30000, &error))
        qWarning().noquote() << "publish failed:" << error;
    return id;
}

void TestBrokerRestart::restartedWithQueueDeleted()
{
    constexpr int Timeout = 30000;
    const BusConfig bus = m_broker.bus({ QStringLiteral("faults.restart") });
    QTemporaryDir dir;
    HistoryOptions options;
    options.databasePath = dir.filePath(QStringLiteral("history.sqlite"));
    // Acknowledges on stored() itself: a short window (the applet's Engine ends the window once
    // half the prefetch waits for acknowledgement).
    options.commitDelay = std::chrono::milliseconds(10);
    History history(options);
    QTRY_VERIFY_WITH_TIMEOUT(history.isReady(), 20000);

    AmqpSource source(bus);
    QList<EndpointStatus> statuses;
    QList<QDateTime> gaps;
    QSet<QString> receivedIds;
    int receivedTotal = 0;
    QSet<QString> ackedIds;
    connect(&source, &Source::envelopesReceived, this, [&](const QList<Envelope> &batch) {
        QList<HistoryRecord> records;
        for (const Envelope &e : batch) {
            ++receivedTotal;
            receivedIds.insert(e.msgId());
            records.append(HistoryRecord { e, {}, {}, {} });
        }
        history.store(records);
    });
    connect(&history, &History::stored, this, [&](const QList<StoreResult> &results) {
        QList<quint64> tags;
        for (const StoreResult &r : results) {
            tags.append(r.deliveryTag);
            ackedIds.insert(r.msgId);
        }
        source.acknowledge(tags);
    });
    connect(&source, &Source::endpointStatusChanged, this, [&](const EndpointStatus &s) {
        statuses.append(s);
    });
    connect(&source, &AmqpSource::gapDetected, this, [&](const QString &, const QDateTime &since) {
        gaps.append(since);
    });
    auto state = [&] {
        return statuses.isEmpty() ? EndpointStatus::State::Stopped : statuses.last().state;
    };
    using S = EndpointStatus::State;

    source.start();
    QTRY_COMPARE_WITH_TIMEOUT(state(), S::Connected, Timeout);
    gaps.clear(); // a fresh queue name at the first connection is reported as a gap too

    QSet<QString> before;
    for (int i = 0; i < 20; ++i)
        before.insert(publish(QStringLiteral("faults.restart.before"), i));
    QVERIFY(!before.contains(QString()));
    QTRY_COMPARE_WITH_TIMEOUT(ackedIds, before, Timeout);
    const QDateTime lastBefore = QDateTime::currentDateTimeUtc();

    // The broker stops: the status says the bus is down, with a reason.
    statuses.clear();
    m_publisher.reset();
    QString out;
    QCOMPARE(m_broker.script({ QStringLiteral("ctl"), QStringLiteral("stop_app") }, &out), 0);
    QTRY_VERIFY_WITH_TIMEOUT(state() == S::Disconnected || state() == S::Retrying, Timeout);
    const QDateTime seenDown = QDateTime::currentDateTimeUtc();
    for (const EndpointStatus &s : std::as_const(statuses))
        if (s.state == S::Disconnected || s.state == S::Retrying)
            QVERIFY2(!s.detail.isEmpty(),
                qPrintable(
                    EndpointStatus::stateName(s.state) + QStringLiteral(" without a reason")));
    QVERIFY(gaps.isEmpty());

    // It comes back without the queue. Deleting it by name as well makes the test independent of
    // whether the broker kept it; if the source was quicker and re-declared it, the deletion
    // cancels its consumer, which must be handled the same way.
    QCOMPARE(m_broker.script({ QStringLiteral("ctl"), QStringLiteral("start_app") }, &out), 0);
    m_broker.script({ QStringLiteral("ctl"),
                        QStringLiteral("delete_queue"),
                        QStringLiteral("-p"),
                        bus.amqp.vhost,
                        bus.amqp.queueName },
        &out);
    QTRY_COMPARE_WITH_TIMEOUT(state(), S::Connected, 180000); // the backoff alone
    QTRY_VERIFY_WITH_TIMEOUT(!gaps.isEmpty(), Timeout);
    // The gap covers the whole outage: it starts after the last message the source had and no
    // later than the moment the bus was seen down.
    QVERIFY(gaps.first().isValid());
    QVERIFY2(gaps.first() >= lastBefore.addSecs(-5) && gaps.first() <= seenDown,
        qPrintable(gaps.first().toString(Qt::ISODateWithMs) + QStringLiteral(" not in ")
            + lastBefore.toString(Qt::ISODateWithMs) + QStringLiteral(" .. ")
            + seenDown.toString(Qt::ISODateWithMs)));
    QTRY_COMPARE_WITH_TIMEOUT(state(), S::Connected, Timeout);
    // The deletion was done when its script returned, but the source may have re-declared the
    // queue before it: then the deletion cancelled that consumer and the source declares the
    // queue once more. Once the broker lists the queue with one consumer, it is the last one,
    // and what is published from now on reaches it.
    const auto consumers = [&]() {
        QString listing;
        m_broker.script({ QStringLiteral("ctl"),
                            QStringLiteral("list_queues"),
                            QStringLiteral("-p"),
                            bus.amqp.vhost,
                            QStringLiteral("name"),
                            QStringLiteral("consumers") },
            &listing);
        for (const QString &line : listing.split(QLatin1Char('\n')))
            if (line.startsWith(bus.amqp.queueName + QLatin1Char('\t')))
                return line.section(QLatin1Char('\t'), 1).trimmed().toInt();
        return 0;
    };
    QTRY_COMPARE_WITH_TIMEOUT(consumers(), 1, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(state(), S::Connected, Timeout);

    // The queue is declared and bound again: what is published now arrives and is stored.
    QSet<QString> after;
    for (int i = 0; i < 20; ++i)
        after.insert(publish(QStringLiteral("faults.restart.after"), i));
    QVERIFY(!after.contains(QString()));
    QTRY_COMPARE_WITH_TIMEOUT(ackedIds, before + after, Timeout);
    QCOMPARE(receivedIds, before + after);
    QCOMPARE(receivedTotal, before.size() + after.size()); // nothing twice
    QCOMPARE(history.count({}), qint64(before.size() + after.size()));
    source.stop();
}

QTEST_GUILESS_MAIN(TestBrokerRestart)
#include "TestBrokerRestart.moc"
