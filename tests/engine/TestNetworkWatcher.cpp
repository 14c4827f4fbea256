// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// NetworkWatcher on the harness's private session bus, where this test plays logind and
// NetworkManager (it owns their names and emits their signals).
#include "LoopbackEndpoint.h"
#include "engine/NetworkWatcher.h"
#include "zeromq/Publisher.h"
#include "zeromq/ZmqSource.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QSignalSpy>
#include <QTest>

#include <zmq.h>

using namespace fedmsg;
using fedmsg::test::freeLoopbackPort;

class TestNetworkWatcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void resumeReconnectsAtOnce();
    void networkBackTriggersOnlyOnTransition();
    void noBusIsHarmless();

private:
    void emitSignal(
        const QString &path, const QString &iface, const QString &name, const QVariantList &args);
    QDBusConnection m_fake { QStringLiteral("unset") };
};

void TestNetworkWatcher::initTestCase()
{
    if (!QDBusConnection::sessionBus().isConnected())
        QSKIP("needs a D-Bus session bus (run under tests/run-headless.sh)");
    m_fake = QDBusConnection::connectToBus(
        QDBusConnection::SessionBus, QStringLiteral("fake-system-services"));
    QVERIFY(m_fake.isConnected());
    QVERIFY(m_fake.registerService(QStringLiteral("org.freedesktop.login1")));
    QVERIFY(m_fake.registerService(QStringLiteral("org.freedesktop.NetworkManager")));
}

void TestNetworkWatcher::emitSignal(
    const QString &path, const QString &iface, const QString &name, const QVariantList &args)
{
    QDBusMessage m = QDBusMessage::createSignal(path, iface, name);
    m.setArguments(args);
    QVERIFY(m_fake.send(m));
}

void TestNetworkWatcher::resumeReconnectsAtOnce()
{
    // Nothing listens yet: the source backs off to long retry intervals.
    const QString url = QStringLiteral("tcp://127.0.0.1:%1").arg(freeLoopbackPort());
    BusConfig bus;
    bus.name = QStringLiteral("resume");
    bus.endpoints = { BusEndpoint { url, {} } };
    bus.trust.validateSignatures = false;
    ZmqSource src(bus);
    ZmqTuning tuning;
    tuning.reconnectIntervalMs = 20000; // so only reconnectNow() can connect within the test
    tuning.reconnectIntervalMaxMs = 60000;
    src.setTuning(tuning);
    QSignalSpy states(&src, &Source::endpointStatusChanged);
    NetworkWatcher watcher(QDBusConnection::sessionBus());
    QVERIFY(watcher.isWatching());
    watcher.addSource(&src);
    QSignalSpy requested(&watcher, &NetworkWatcher::reconnectRequested);
    src.start();
    QTRY_VERIFY(!states.isEmpty()
        && states.last().at(0).value<EndpointStatus>().state == EndpointStatus::State::Retrying);

    PublisherOptions o;
    o.mode = PublisherOptions::Mode::Bind;
    o.url = url;
    o.lingerMs = 0;
    Publisher pub(o);
    QVERIFY(pub.open());
    QVERIFY(!pub.waitForSubscriber(QStringLiteral("x"), 300)); // still in back-off

    emitSignal(QStringLiteral("/org/freedesktop/login1"),
        QStringLiteral("org.freedesktop.login1.Manager"),
        QStringLiteral("PrepareForSleep"),
        { true }); // going to sleep: nothing happens
    emitSignal(QStringLiteral("/org/freedesktop/login1"),
        QStringLiteral("org.freedesktop.login1.Manager"),
        QStringLiteral("PrepareForSleep"),
        { false });
    QVERIFY(requested.wait(5000));
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().at(0).toString(), QStringLiteral("resumed from sleep"));
    QVERIFY(pub.waitForSubscriber(QStringLiteral("x"), 5000));
    QTRY_COMPARE(src.endpointStatuses().value(0).state, EndpointStatus::State::Connected);
}

void TestNetworkWatcher::networkBackTriggersOnlyOnTransition()
{
    NetworkWatcher watcher(QDBusConnection::sessionBus());
    QSignalSpy requested(&watcher, &NetworkWatcher::reconnectRequested);
    const QString path = QStringLiteral("/org/freedesktop/NetworkManager");
    const QString nm = QStringLiteral("org.freedesktop.NetworkManager");
    emitSignal(path,
        nm,
        QStringLiteral("StateChanged"),
        { uint(NetworkWatcher::NmStateConnectedGlobal) }); // already online
    emitSignal(path, nm, QStringLiteral("StateChanged"), { uint(20) }); // disconnected
    emitSignal(path,
        nm,
        QStringLiteral("StateChanged"),
        { uint(NetworkWatcher::NmStateConnectedGlobal) }); // back
    QVERIFY(requested.wait(5000));
    QCOMPARE(requested.last().at(0).toString(), QStringLiteral("network connected"));
    // Connectivity property: LIMITED->NONE->FULL is a transition too.
    QVariantMap none { { QStringLiteral("Connectivity"), uint(1) } };
    QVariantMap full { { QStringLiteral("Connectivity"),
        uint(NetworkWatcher::NmConnectivityFull) } };
    emitSignal(path,
        QStringLiteral("org.freedesktop.DBus.Properties"),
        QStringLiteral("PropertiesChanged"),
        { nm, none, QStringList {} });
    emitSignal(path,
        QStringLiteral("org.freedesktop.DBus.Properties"),
        QStringLiteral("PropertiesChanged"),
        { nm, full, QStringList {} });
    QTRY_COMPARE(requested.size(), 2);
    QCOMPARE(requested.last().at(0).toString(), QStringLiteral("network connectivity back"));
    QTest::qWait(100);
    QCOMPARE(requested.size(), 2);
}

void TestNetworkWatcher::noBusIsHarmless()
{
    const QDBusConnection none = QDBusConnection::connectToBus(
        QStringLiteral("unix:path=/nonexistent/bus"), QStringLiteral("no-bus"));
    QVERIFY(!none.isConnected());
    NetworkWatcher watcher(none);
    QVERIFY(!watcher.isWatching());
    BusConfig bus;
    bus.name = QStringLiteral("x");
    ZmqSource src(bus);
    watcher.addSource(&src); // nothing to do, nothing breaks
}

QTEST_GUILESS_MAIN(TestNetworkWatcher)
#include "TestNetworkWatcher.moc"
