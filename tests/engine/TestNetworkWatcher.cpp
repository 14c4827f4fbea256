// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// NetworkWatcher as the applet builds it, on the harness's private session bus, which this test
// also makes its system bus (DBUS_SYSTEM_BUS_ADDRESS, set before Qt opens it). There this test
// plays logind and NetworkManager: it owns their names, emits their signals and exports
// NetworkManager's State property, which Qt's real "networkmanager" QNetworkInformation backend
// reads.
#include "LoopbackEndpoint.h"
#include "engine/NetworkWatcher.h"
#include "zeromq/Publisher.h"
#include "zeromq/ZmqSource.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QNetworkInformation>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace fedmsg;
using fedmsg::test::freeLoopbackPort;

// NetworkManager's manager object with its State property. It lives in its own thread: Qt's
// backend reads the property with a blocking call from the main thread.
class FakeNetworkManager : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.NetworkManager")
    Q_PROPERTY(uint State READ state)

public:
    uint state() const { return m_state.load(); }
    void setState(uint state) { m_state.store(state); }

private:
    std::atomic<uint> m_state { 70 }; // NM_STATE_CONNECTED_GLOBAL
};

class TestNetworkWatcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void resumeReconnectsAtOnce();
    void networkBackTriggersOnlyOnTransition();
    void noBusIsHarmless();

private:
    void emitSignal(
        const QString &path, const QString &iface, const QString &name, const QVariantList &args);
    void setNmState(uint state);
    static void roundTrip(const QDBusConnection &bus);
    QDBusConnection m_fake { QStringLiteral("unset") };
    QThread m_nmThread;
    std::unique_ptr<FakeNetworkManager> m_nm;
};

void TestNetworkWatcher::initTestCase()
{
    if (!QDBusConnection::sessionBus().isConnected())
        QSKIP("needs a D-Bus session bus (run under tests/run-headless.sh)");
    QCOMPARE(qgetenv("DBUS_SYSTEM_BUS_ADDRESS"), qgetenv("DBUS_SESSION_BUS_ADDRESS"));
    m_fake = QDBusConnection::connectToBus(
        QDBusConnection::SessionBus, QStringLiteral("fake-system-services"));
    QVERIFY(m_fake.isConnected());
    m_nm = std::make_unique<FakeNetworkManager>();
    m_nm->moveToThread(&m_nmThread);
    m_nmThread.start();
    QVERIFY(m_fake.registerObject(QStringLiteral("/org/freedesktop/NetworkManager"),
        m_nm.get(),
        QDBusConnection::ExportAllProperties));
    QVERIFY(m_fake.registerService(QStringLiteral("org.freedesktop.login1")));
    QVERIFY(m_fake.registerService(QStringLiteral("org.freedesktop.NetworkManager")));
}

void TestNetworkWatcher::cleanupTestCase()
{
    m_fake.unregisterObject(QStringLiteral("/org/freedesktop/NetworkManager"));
    m_nmThread.quit();
    m_nmThread.wait();
    m_nm.reset(); // its thread has ended
}

void TestNetworkWatcher::emitSignal(
    const QString &path, const QString &iface, const QString &name, const QVariantList &args)
{
    QDBusMessage m = QDBusMessage::createSignal(path, iface, name);
    m.setArguments(args);
    QVERIFY(m_fake.send(m));
}

void TestNetworkWatcher::setNmState(uint state)
{
    // What NetworkManager does: the property changes, then PropertiesChanged says so.
    m_nm->setState(state);
    const QString nm = QStringLiteral("org.freedesktop.NetworkManager");
    emitSignal(QStringLiteral("/org/freedesktop/NetworkManager"),
        QStringLiteral("org.freedesktop.DBus.Properties"),
        QStringLiteral("PropertiesChanged"),
        { nm, QVariantMap { { QStringLiteral("State"), state } }, QStringList {} });
}

// Match rules are added without waiting for the bus daemon; one call answered on the same
// connection means every rule sent before it is in place.
void TestNetworkWatcher::roundTrip(const QDBusConnection &bus)
{
    QVERIFY(bus.interface()->isServiceRegistered(QStringLiteral("org.freedesktop.DBus")).value());
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
    NetworkWatcher watcher;
    QVERIFY(watcher.watchesSleep());
    roundTrip(QDBusConnection::systemBus());
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
    using Reachability = QNetworkInformation::Reachability;
    NetworkWatcher watcher;
    QVERIFY(watcher.watchesNetwork());
    QNetworkInformation *info = QNetworkInformation::instance();
    QVERIFY(info);
    // The real backend, reading this test's NetworkManager.
    QCOMPARE(info->backendName(), QStringLiteral("networkmanager"));
    QCOMPARE(info->reachability(), Reachability::Online);
    roundTrip(QDBusConnection::systemBus());
    QSignalSpy requested(&watcher, &NetworkWatcher::reconnectRequested);

    setNmState(20); // NM_STATE_DISCONNECTED
    QTRY_COMPARE(info->reachability(), Reachability::Disconnected);
    QCOMPARE(requested.size(), 0);
    setNmState(70); // back
    QTRY_COMPARE(requested.size(), 1);
    QCOMPARE(requested.last().at(0).toString(), QStringLiteral("network connected"));

    // Online -> Site (the connectivity check fails) is no reason; Site -> Online is.
    setNmState(60); // NM_STATE_CONNECTED_SITE
    QTRY_COMPARE(info->reachability(), Reachability::Site);
    QCOMPARE(requested.size(), 1);
    setNmState(70);
    QTRY_COMPARE(requested.size(), 2);
    QCOMPARE(requested.last().at(0).toString(), QStringLiteral("network connectivity back"));

    // Asleep (Unknown) -> Online after a resume is a transition; Local is not up.
    setNmState(10); // NM_STATE_ASLEEP
    QTRY_COMPARE(info->reachability(), Reachability::Unknown);
    setNmState(50); // NM_STATE_CONNECTED_LOCAL
    QTRY_COMPARE(info->reachability(), Reachability::Local);
    QCOMPARE(requested.size(), 2);
    setNmState(70);
    QTRY_COMPARE(requested.size(), 3);
    QCOMPARE(requested.last().at(0).toString(), QStringLiteral("network connected"));
}

void TestNetworkWatcher::noBusIsHarmless()
{
    const QDBusConnection none = QDBusConnection::connectToBus(
        QStringLiteral("unix:path=/nonexistent/bus"), QStringLiteral("no-bus"));
    QVERIFY(!none.isConnected());
    NetworkWatcher watcher(none, nullptr);
    QVERIFY(!watcher.watchesSleep());
    QVERIFY(!watcher.watchesNetwork());
    BusConfig bus;
    bus.name = QStringLiteral("x");
    ZmqSource src(bus);
    watcher.addSource(&src); // nothing to do, nothing breaks
}

int main(int argc, char **argv)
{
    // Before anything opens the system bus: the harness's private bus plays it.
    const QByteArray session = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    if (!session.isEmpty())
        qputenv("DBUS_SYSTEM_BUS_ADDRESS", session);
    QCoreApplication app(argc, argv);
    TestNetworkWatcher test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestNetworkWatcher.moc"
