// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "LoopbackEndpoint.h"
#include "zeromq/ZmqSource.h"

#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace fedmsg;

// Fault suite: the publisher — the built fedmsg-logger, a real process binding a real ZeroMQ PUB
// socket on 127.0.0.1 — is killed (SIGKILL) and started again 20 times on the same endpoint while
// a ZmqSource stays subscribed. Each logger waits for the subscription before it sends, so every
// line it publishes is sent while connected: every one must arrive, exactly once. Each kill shows
// as a disconnection with a reason, and the source reconnects every time by itself.
class TestPublisherRestart : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void killedAndRestartedTwentyTimes();
};

void TestPublisherRestart::initTestCase()
{
    QVERIFY2(QFile::exists(qEnvironmentVariable("FEDMSG_LOGGER_BIN")),
        "FEDMSG_LOGGER_BIN must name the built fedmsg-logger");
}

void TestPublisherRestart::killedAndRestartedTwentyTimes()
{
    constexpr int Rounds = 20;
    constexpr int PerRound = 25;
    const QString url = test::freeLoopbackEndpoint();

    BusConfig bus;
    bus.name = QStringLiteral("faults");
    bus.enabled = true;
    bus.endpoints = { BusEndpoint { url, {} } };
    bus.trust.validateSignatures = false;
    ZmqSource source(bus);
    QSet<QString> received;
    int duplicates = 0;
    connect(&source, &Source::envelopesReceived, this, [&](const QList<Envelope> &batch) {
        for (const Envelope &e : batch) {
            const QString line = e.body()["msg"]["log"].toQString();
            if (received.contains(line))
                ++duplicates;
            received.insert(line);
        }
    });
    using S = EndpointStatus::State;
    QList<EndpointStatus> states;
    connect(&source, &Source::endpointStatusChanged, this, [&](const EndpointStatus &s) {
        states.append(s);
    });
    source.start();

    int connections = 0;
    for (int round = 0; round < Rounds; ++round) {
        QProcess logger;
        logger.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        logger.start(qEnvironmentVariable("FEDMSG_LOGGER_BIN"),
            { QStringLiteral("--no-default-config"),
                QStringLiteral("--bind"),
                url,
                QStringLiteral("--wait"),
                QStringLiteral("60000"),
                QStringLiteral("--settle"),
                QStringLiteral("0") });
        QVERIFY(logger.waitForStarted());
        // Lines wait in the pipe until the logger has its subscriber, then go out while connected.
        QByteArray lines;
        for (int i = 0; i < PerRound; ++i)
            lines += QStringLiteral("round %1 line %2\n").arg(round).arg(i).toUtf8();
        logger.write(lines);
        const qsizetype expected = qsizetype(round + 1) * PerRound;
        QTRY_VERIFY2_WITH_TIMEOUT(received.size() == expected,
            qPrintable(QStringLiteral("round %1: %2 of %3 lines arrived")
                           .arg(round)
                           .arg(received.size())
                           .arg(expected)),
            30000);
        QCOMPARE(source.endpointStatuses().value(0).state, S::Connected);
        ++connections;

        // Killed with the pipe still open: no goodbye, as when it crashes or its host goes away.
        const qsizetype before = states.size();
        ::kill(static_cast<pid_t>(logger.processId()), SIGKILL);
        QVERIFY(logger.waitForFinished(10000));
        QTRY_VERIFY_WITH_TIMEOUT(source.endpointStatuses().value(0).state != S::Connected, 30000);
        // The status says the endpoint is down, and why.
        bool saidDown = false;
        for (qsizetype i = before; i < states.size(); ++i) {
            const EndpointStatus &s = states.at(i);
            if (s.state == S::Disconnected || s.state == S::Retrying || s.state == S::Connecting) {
                saidDown = true;
                QVERIFY2(!s.detail.isEmpty() || s.state == S::Retrying,
                    qPrintable(QStringLiteral("round %1: state %2 without a reason")
                                   .arg(round)
                                   .arg(EndpointStatus::stateName(s.state))));
            }
        }
        QVERIFY2(
            saidDown, qPrintable(QStringLiteral("round %1: no disconnected status").arg(round)));
    }
    QCOMPARE(duplicates, 0);
    QCOMPARE(received.size(), qsizetype(Rounds * PerRound));
    QCOMPARE(connections, Rounds);

    // Reconnects counted: one Connected per publisher, each between two disconnections.
    int connectedTransitions = 0;
    S last = S::Stopped;
    for (const EndpointStatus &s : std::as_const(states)) {
        if (s.state == S::Connected && last != S::Connected)
            ++connectedTransitions;
        if (s.state == S::Connected || s.state == S::Disconnected)
            last = s.state;
    }
    QCOMPARE(connectedTransitions, Rounds);
    const EndpointStatus final = source.endpointStatuses().value(0);
    QCOMPARE(final.received, quint64(Rounds * PerRound));
    QCOMPARE(final.dropped, quint64(0));
    source.stop();
}

QTEST_GUILESS_MAIN(TestPublisherRestart)
#include "TestPublisherRestart.moc"
