// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "notify/DBusNotifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace fedmsg;

// Fault suite: the notification server (the real dunst on the private session bus of
// tests/run-headless.sh) is killed and comes back (D-Bus activation, as on a desktop). While it is
// gone the notifier says so (isServerAvailable(), serverAvailableChanged(false)) and hands each
// notification to the fallback; its notifications died with the server; when it is back,
// notifications are shown again, with the new server's capabilities.
class TestNotificationServerRestart : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void serverKilledAndRestarted();

private:
    static QString dunstctl(const QStringList &args);
    static QDBusConnectionInterface *bus() { return QDBusConnection::sessionBus().interface(); }
    static bool serverRegistered() { return bus()->isServiceRegistered(Service).value(); }
    static Notification notification(int i);

    static inline const QString Service = QStringLiteral("org.freedesktop.Notifications");
};

QString TestNotificationServerRestart::dunstctl(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("dunstctl"), args);
    if (!p.waitForFinished(5000))
        return {};
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

Notification TestNotificationServerRestart::notification(int i)
{
    Notification n;
    n.summary = QStringLiteral("restart %1").arg(i);
    n.body = QStringLiteral("body %1").arg(i);
    n.link = QStringLiteral("https://example.org/%1").arg(i);
    n.historyId = i;
    return n;
}

void TestNotificationServerRestart::initTestCase()
{
    if (!bus() || !serverRegistered())
        QSKIP("needs a notification server (dunst) on the session bus: run under "
              "tests/run-headless.sh");
    if (!bus()->activatableServiceNames().value().contains(Service))
        QSKIP("needs org.freedesktop.Notifications to be D-Bus activatable (dunst's service file)");
}

void TestNotificationServerRestart::cleanupTestCase()
{
    // Leave a server for the tests after this one, whatever happened here.
    if (bus() && !serverRegistered())
        bus()->startService(Service);
    dunstctl({ QStringLiteral("close-all") });
}

void TestNotificationServerRestart::serverKilledAndRestarted()
{
    DBusNotifier notifier;
    QSignalSpy shown(&notifier, &DBusNotifier::shown);
    QSignalSpy unavailable(&notifier, &DBusNotifier::serverUnavailable);
    QSignalSpy availability(&notifier, &DBusNotifier::serverAvailableChanged);
    QVERIFY(notifier.isServerAvailable());

    notifier.show(notification(1));
    notifier.show(notification(2));
    QTRY_COMPARE(shown.size(), 2);
    QCOMPARE(notifier.openCount(), 2);
    QVERIFY(notifier.capabilitiesKnown());

    // Kill the server (SIGKILL: no goodbye, as when it crashes).
    const uint pid = bus()->servicePid(Service).value();
    QVERIFY(pid > 0);
    QCOMPARE(::kill(static_cast<pid_t>(pid), SIGKILL), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!serverRegistered(), 10000);

    // The status says so, and the notifications died with the server.
    QTRY_VERIFY(!notifier.isServerAvailable());
    QTRY_COMPARE(availability.size(), 1);
    QCOMPARE(availability.first().first().toBool(), false);
    QCOMPARE(notifier.openCount(), 0);
    QVERIFY(!notifier.capabilitiesKnown()); // the next server may differ

    // While it is gone every notification goes to the fallback, none is lost silently.
    notifier.show(notification(3));
    QCOMPARE(unavailable.size(), 1);
    QCOMPARE(
        unavailable.first().first().value<Notification>().summary, QStringLiteral("restart 3"));
    QCOMPARE(shown.size(), 2);

    // The server comes back (bus activation starts a new dunst).
    QVERIFY(bus()->startService(Service).isValid());
    QTRY_VERIFY_WITH_TIMEOUT(serverRegistered(), 10000);
    QTRY_COMPARE(availability.size(), 2);
    QCOMPARE(availability.last().first().toBool(), true);
    QVERIFY(notifier.isServerAvailable());

    notifier.show(notification(4));
    QTRY_COMPARE(shown.size(), 3);
    QCOMPARE(shown.last().at(1).toLongLong(), 4);
    QVERIFY(notifier.capabilitiesKnown());
    QVERIFY(notifier.capabilities().contains(QStringLiteral("actions")));
    QCOMPARE(notifier.openCount(), 1);
    QCOMPARE(unavailable.size(), 1);
    QTRY_COMPARE(
        dunstctl({ QStringLiteral("count"), QStringLiteral("displayed") }), QStringLiteral("1"));
}

QTEST_GUILESS_MAIN(TestNotificationServerRestart)
#include "TestNotificationServerRestart.moc"
