// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "PrivateHome.h"
#include "engine/Transports.h"
#include "settings/Settings.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusReply>
#include <QDBusServiceWatcher>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace fedmsg;

namespace {
const QString AppId = QStringLiteral("org.fedoraproject.FedmsgNotify");
const QString AppPath = QStringLiteral("/org/fedoraproject/FedmsgNotify");
const QString AppInterface = QStringLiteral("org.freedesktop.Application");
const QString LegacyName = QStringLiteral("org.fedoraproject.fedmsg.notify");
} // namespace

// DBusActivatable=true in the desktop entry: a launcher calls org.freedesktop.Application on the
// application ID, and the session bus starts the program from the .service file we install
// (packaging/linux/*.service.in) when it is not running. Here a private dbus-daemon whose service
// folder holds that file (pointing at the built fedmsg-notify) does exactly that.
class TestDBusActivation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void activationStartsTheAppletInTheBackground();
    void unknownActionIsAnError();
    void quitActionEndsIt();
    void legacyNameStartsTheAppletToo();

private:
    QDBusMessage call(const QString &method, const QVariantList &args);
    void quit();
    QTemporaryDir m_home;
    QProcess m_daemon;
    QString m_address;
    qint64 m_appletPid = 0;
};

void TestDBusActivation::initTestCase()
{
    const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
    if (daemon.isEmpty())
        QSKIP("dbus-daemon is not installed (packaging/install-deps.sh installs it)");
    const QString applet = qEnvironmentVariable("FEDMSG_NOTIFY_BIN");
    QVERIFY2(QFile::exists(applet), "FEDMSG_NOTIFY_BIN");
    QVERIFY(m_home.isValid());
    const QString home = m_home.path();
    QVERIFY(test::makePrivateHome(home, { "services", "fedmsg.d" }));

    // Every bus off, so the activated applet reaches nothing beyond this machine.
    {
        QList<BusConfig> buses = Transports::presets({ home + QStringLiteral("/fedmsg.d") });
        for (BusConfig &bus : buses)
            bus.enabled = false;
        Settings settings(home + QStringLiteral("/config/fedmsg-notify/fedmsg-notify.conf"));
        settings.setBuses(buses);
        settings.sync();
    }

    // The .service files exactly as installed, with the built program in place of the bindir.
    for (const QString &name : { AppId, LegacyName }) {
        QFile in(QStringLiteral(FEDMSG_SOURCE_DIR "/packaging/linux/") + name
            + QStringLiteral(".service.in"));
        QVERIFY2(in.open(QIODevice::ReadOnly), qPrintable(in.fileName()));
        QByteArray service = in.readAll();
        QVERIFY(service.contains("@CMAKE_INSTALL_FULL_BINDIR@/fedmsg-notify"));
        service.replace("@CMAKE_INSTALL_FULL_BINDIR@/fedmsg-notify", applet.toUtf8());
        QFile out(home + QStringLiteral("/services/") + name + QStringLiteral(".service"));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(service);
    }

    const QString socket = home + QStringLiteral("/bus");
    QFile config(home + QStringLiteral("/session.conf"));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(QStringLiteral(
        R"(<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=%1</listen>
  <servicedir>%2</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
)")
                     .arg(socket, home + QStringLiteral("/services"))
                     .toUtf8());
    config.close();

    // What the daemon's environment holds, the applet it starts inherits.
    QProcessEnvironment env = test::privateHomeEnvironment(home);
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=") + socket);
    m_daemon.setProcessEnvironment(env);
    m_daemon.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_daemon.start(daemon,
        { QStringLiteral("--config-file=") + config.fileName(),
            QStringLiteral("--nofork"),
            QStringLiteral("--print-address") });
    QVERIFY2(m_daemon.waitForStarted(), qPrintable(m_daemon.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(m_daemon.canReadLine(), 20000);
    m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    QVERIFY(!m_address.isEmpty());
    QDBusConnection bus = QDBusConnection::connectToBus(m_address, QStringLiteral("activation"));
    QVERIFY2(bus.isConnected(), qPrintable(bus.lastError().message()));
    QVERIFY(!bus.interface()->isServiceRegistered(AppId));
}

void TestDBusActivation::cleanupTestCase()
{
    if (m_appletPid > 0 && QFile::exists(QStringLiteral("/proc/%1").arg(m_appletPid)))
        ::kill(pid_t(m_appletPid), SIGTERM);
    QDBusConnection::disconnectFromBus(QStringLiteral("activation"));
    if (m_daemon.state() != QProcess::NotRunning) {
        m_daemon.terminate();
        m_daemon.waitForFinished(10000);
    }
}

QDBusMessage TestDBusActivation::call(const QString &method, const QVariantList &args)
{
    QDBusMessage message = QDBusMessage::createMethodCall(AppId, AppPath, AppInterface, method);
    message.setArguments(args);
    // The reply (or the daemon's error, or a timeout error) ends the wait.
    return QDBusConnection(QStringLiteral("activation")).call(message, QDBus::Block, 60000);
}

void TestDBusActivation::activationStartsTheAppletInTheBackground()
{
    // Activate(a{sv}) on a name nobody owns yet: the daemon starts the program, waits for the
    // name, and delivers the call to it.
    const QDBusMessage reply = call(QStringLiteral("Activate"),
        { QVariantMap { { QStringLiteral("activation-token"), QStringLiteral("t1") } } });
    QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));

    QDBusConnectionInterface *bus = QDBusConnection(QStringLiteral("activation")).interface();
    QVERIFY(bus->isServiceRegistered(AppId));
    const QDBusReply<uint> pid = bus->servicePid(AppId);
    QVERIFY(pid.isValid());
    m_appletPid = pid.value();
    // The owner is our program, started as the .service file says: with --background.
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(m_appletPid));
    QVERIFY(cmdline.open(QIODevice::ReadOnly));
    const QList<QByteArray> argv = cmdline.readAll().split('\0');
    QCOMPARE(argv.value(0), qEnvironmentVariable("FEDMSG_NOTIFY_BIN").toUtf8());
    QVERIFY(argv.contains("--background"));

    // Open(as, a{sv}) reaches the same running instance.
    const QDBusMessage open = call(QStringLiteral("Open"), { QStringList {}, QVariantMap {} });
    QVERIFY2(open.type() == QDBusMessage::ReplyMessage, qPrintable(open.errorMessage()));
    QCOMPARE(bus->servicePid(AppId).value(), uint(m_appletPid));
}

void TestDBusActivation::unknownActionIsAnError()
{
    const QDBusMessage reply = call(QStringLiteral("ActivateAction"),
        { QStringLiteral("no-such-action"), QVariant::fromValue(QVariantList {}), QVariantMap {} });
    QCOMPARE(reply.type(), QDBusMessage::ErrorMessage);
    QCOMPARE(reply.errorName(), QStringLiteral("org.freedesktop.DBus.Error.InvalidArgs"));
}

void TestDBusActivation::quit()
{
    QVERIFY(m_appletPid > 0);
    QDBusServiceWatcher watcher(AppId,
        QDBusConnection(QStringLiteral("activation")),
        QDBusServiceWatcher::WatchForUnregistration);
    QSignalSpy gone(&watcher, &QDBusServiceWatcher::serviceUnregistered);
    const QDBusMessage reply = call(QStringLiteral("ActivateAction"),
        { QStringLiteral("quit"), QVariant::fromValue(QVariantList {}), QVariantMap {} });
    QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));
    QVERIFY(gone.wait(30000));
    // The process ends, too (gone, or a zombie until the daemon reaps it; /proc files report
    // size 0, so the state letter in stat is what tells).
    const auto ended = [pid = m_appletPid] {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        return !stat.open(QIODevice::ReadOnly) || stat.readAll().contains(") Z ");
    };
    QTRY_VERIFY_WITH_TIMEOUT(ended(), 30000);
    m_appletPid = 0;
}

void TestDBusActivation::quitActionEndsIt()
{
    quit();
}

void TestDBusActivation::legacyNameStartsTheAppletToo()
{
    // The old applet's GNOME Shell extension calls Enable() on its bus name; with nothing
    // running, the session bus starts our applet from the legacy .service file.
    QDBusConnection bus(QStringLiteral("activation"));
    QVERIFY(!bus.interface()->isServiceRegistered(LegacyName));
    const QDBusMessage reply = bus.call(QDBusMessage::createMethodCall(LegacyName,
                                            QStringLiteral("/org/fedoraproject/fedmsg/notify"),
                                            LegacyName,
                                            QStringLiteral("Enable")),
        QDBus::Block,
        60000);
    QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));
    const QDBusReply<uint> pid = bus.interface()->servicePid(LegacyName);
    QVERIFY(pid.isValid());
    m_appletPid = pid.value();
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(m_appletPid));
    QVERIFY(cmdline.open(QIODevice::ReadOnly));
    const QList<QByteArray> argv = cmdline.readAll().split('\0');
    QCOMPARE(argv.value(0), qEnvironmentVariable("FEDMSG_NOTIFY_BIN").toUtf8());
    QVERIFY(argv.contains("--background"));
    // One applet: it owns the application ID as well.
    QCOMPARE(bus.interface()->servicePid(AppId).value(), uint(m_appletPid));
    quit();
}

QTEST_GUILESS_MAIN(TestDBusActivation)
#include "TestDBusActivation.moc"
