// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "demo/DemoBus.h"
#include "zeromq/ZmqSource.h"

#include <QSignalSpy>
#include <QTest>

using namespace fedmsg;

// The demo bus is a real ZeroMQ publisher; a real ZmqSource validates what it sends.
class TestDemoBus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void publishesSignedAndUnsignedSamples();
};

void TestDemoBus::publishesSignedAndUnsignedSamples()
{
    DemoBus demo;
    demo.setInterval(50);
    demo.setUnsignedEvery(3);
    QString error;
    QVERIFY2(demo.start(&error), qPrintable(error));
    QVERIFY(demo.sampleCount() >= 40);
    QVERIFY(demo.endpoint().startsWith(QStringLiteral("tcp://127.0.0.1:")));

    const BusConfig bus = demo.busConfig();
    QCOMPARE(bus.name, QStringLiteral("demo"));
    QVERIFY(bus.trust.validateSignatures);
    ZmqSource source(bus);
    QList<Envelope> received;
    connect(&source, &Source::envelopesReceived, this, [&](const QList<Envelope> &batch) {
        received.append(batch);
    });
    source.start();
    QTRY_VERIFY_WITH_TIMEOUT(received.size() >= 6, 15000);
    source.stop();
    demo.stop();

    int trusted = 0;
    int untrusted = 0;
    for (const Envelope &e : std::as_const(received)) {
        QCOMPARE(e.busName(), QStringLiteral("demo"));
        QVERIFY(!e.msgId().isEmpty());
        QVERIFY(e.timestamp() > 1.7e9); // fresh timestamps, not the samples' old ones
        if (e.trust() == TrustState::Trusted)
            ++trusted;
        else if (e.trust() == TrustState::Untrusted)
            ++untrusted;
        else
            QFAIL(qPrintable(QStringLiteral("unexpected trust state %1: %2")
                                 .arg(trustStateName(e.trust()), e.trustReason())));
    }
    // Every third message goes out unsigned; the rest are signed by the demo CA's publisher.
    QVERIFY2(trusted >= 3, qPrintable(QString::number(trusted)));
    QVERIFY2(untrusted >= 1, qPrintable(QString::number(untrusted)));
}

QTEST_GUILESS_MAIN(TestDemoBus)
#include "TestDemoBus.moc"
