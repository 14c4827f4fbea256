// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "zeromq/ZmqTuning.h"

#include <QTest>

using namespace fedmsg;

class TestZmqTuning : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultsAreWithinLibzmq();
    void ttlOverTheWireLimitIsClamped();
    void intervalMustBeShorterThanTtl();
    void heartbeatOffStaysOff();
    void reconnectIntervalStaysPositive();
};

void TestZmqTuning::defaultsAreWithinLibzmq()
{
    const ZmqTuning t;
    QStringList warnings;
    QCOMPARE(t.clamped(&warnings), t);
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
    QVERIFY(t.heartbeatTtlMs < 65536);
    QVERIFY(t.heartbeatIntervalMs < t.heartbeatTtlMs);
    // Idle, no thread of ours wakes: no ZMTP heartbeat; the kernel's TCP keepalive finds a
    // dead peer.
    QCOMPARE(t.heartbeatIntervalMs, 0);
    QCOMPARE(t.tcpKeepalive, 1);
}

void TestZmqTuning::ttlOverTheWireLimitIsClamped()
{
    for (const int ttl : { 65536, 65600, 90000, 1000000 }) {
        ZmqTuning t;
        t.heartbeatIntervalMs = 30000;
        t.heartbeatTtlMs = ttl;
        QStringList warnings;
        const ZmqTuning c = t.clamped(&warnings);
        QCOMPARE(c.heartbeatTtlMs, ZmqTuning::MaxHeartbeatTtlMs);
        // What the publisher reads back: deciseconds times 100, in 16 bits.
        const auto deciseconds = quint16(c.heartbeatTtlMs / 100);
        QCOMPARE(int(quint16(deciseconds * 100)), c.heartbeatTtlMs);
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().contains(QString::number(ttl)), qPrintable(warnings.first()));
        QCOMPARE(c.heartbeatIntervalMs, t.heartbeatIntervalMs); // 30 s < 65.5 s: kept
    }
    ZmqTuning fits;
    fits.heartbeatTtlMs = ZmqTuning::MaxHeartbeatTtlMs;
    QStringList warnings;
    QCOMPARE(fits.clamped(&warnings), fits);
    QVERIFY(warnings.isEmpty());
}

void TestZmqTuning::intervalMustBeShorterThanTtl()
{
    ZmqTuning t;
    t.heartbeatIntervalMs = 120000;
    t.heartbeatTtlMs = 200000;
    QStringList warnings;
    const ZmqTuning c = t.clamped(&warnings);
    QCOMPARE(c.heartbeatTtlMs, ZmqTuning::MaxHeartbeatTtlMs);
    QVERIFY(c.heartbeatIntervalMs < c.heartbeatTtlMs);
    QVERIFY(c.heartbeatIntervalMs > 0);
    QVERIFY(c.heartbeatTimeoutMs >= c.heartbeatIntervalMs);
    QCOMPARE(warnings.size(), 2);
}

void TestZmqTuning::heartbeatOffStaysOff()
{
    ZmqTuning t;
    t.heartbeatIntervalMs = 0;
    t.heartbeatTtlMs = 90000; // not sent when heartbeats are off
    QStringList warnings;
    QCOMPARE(t.clamped(&warnings).heartbeatIntervalMs, 0);
    QVERIFY(warnings.isEmpty());
}

void TestZmqTuning::reconnectIntervalStaysPositive()
{
    ZmqTuning t;
    t.reconnectIntervalMs = -1;
    QStringList warnings;
    QVERIFY(t.clamped(&warnings).reconnectIntervalMs > 0);
    QCOMPARE(warnings.size(), 1);
}

QTEST_GUILESS_MAIN(TestZmqTuning)
#include "TestZmqTuning.moc"
