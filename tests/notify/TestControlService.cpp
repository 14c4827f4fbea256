// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "ControlProxy.h"
#include "LegacyNotifyProxy.h"
#include "notify/ControlService.h"
#include "notify/LegacyNotifyService.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusReply>
#include <QDBusVariant>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace fedmsg;

namespace {
const QString Path = QLatin1String(ControlService::ObjectPath);
const QString Iface = QLatin1String(ControlService::Interface);
} // namespace

// Both D-Bus interfaces over the private session bus of tests/run-headless.sh, called from a
// second connection as another program would.
class TestControlService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void methodsBecomeRequests();
    void propertiesAndTheirSignals();
    void explainAnswersOrFails();
    void legacyInterfaceFromGdbus();
    void legacyRelayOnlyWhenEnabled();

private:
    QDBusMessage call(const QString &method, const QVariantList &args = {}) const;
    QVariant property(const QString &name) const;
    QDBusConnection m_client { QStringLiteral("none") };
    QString m_service;
};

void TestControlService::initTestCase()
{
    if (!QDBusConnection::sessionBus().isConnected())
        QSKIP("needs a session bus: run under tests/run-headless.sh");
    m_client = QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("client"));
    QVERIFY(m_client.isConnected());
    m_service = QDBusConnection::sessionBus().baseService();
}

QDBusMessage TestControlService::call(const QString &method, const QVariantList &args) const
{
    QDBusMessage m = QDBusMessage::createMethodCall(m_service, Path, Iface, method);
    m.setArguments(args);
    // The service lives in this thread: an asynchronous call, waited for with the event loop.
    QDBusPendingCall pending = m_client.asyncCall(m);
    QDBusPendingCallWatcher watcher(pending);
    QSignalSpy done(&watcher, &QDBusPendingCallWatcher::finished);
    if (!pending.isFinished())
        done.wait(5000);
    return pending.reply();
}

QVariant TestControlService::property(const QString &name) const
{
    QDBusMessage m = QDBusMessage::createMethodCall(
        m_service, Path, QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    m << Iface << name;
    QDBusPendingCall pending = m_client.asyncCall(m);
    QDBusPendingCallWatcher watcher(pending);
    QSignalSpy done(&watcher, &QDBusPendingCallWatcher::finished);
    if (!pending.isFinished())
        done.wait(5000);
    const QDBusMessage reply = pending.reply();
    if (reply.type() != QDBusMessage::ReplyMessage)
        return {};
    return reply.arguments().value(0).value<QDBusVariant>().variant();
}

void TestControlService::methodsBecomeRequests()
{
    ControlService control;
    QVERIFY(control.registerOn(QDBusConnection::sessionBus()));
    QSignalSpy pause(&control, &ControlService::pauseRequested);
    QSignalSpy resume(&control, &ControlService::resumeRequested);
    QSignalSpy markAll(&control, &ControlService::markAllReadRequested);
    QCOMPARE(call(QStringLiteral("Pause"), { 3600U }).type(), QDBusMessage::ReplyMessage);
    QCOMPARE(pause.size(), 1);
    QCOMPARE(pause.first().first().toUInt(), 3600U);
    QCOMPARE(call(QStringLiteral("Resume")).type(), QDBusMessage::ReplyMessage);
    QCOMPARE(resume.size(), 1);
    QCOMPARE(call(QStringLiteral("MarkAllRead")).type(), QDBusMessage::ReplyMessage);
    QCOMPARE(markAll.size(), 1);
    // A wrong signature is refused by the adaptor, and nothing happens.
    QCOMPARE(call(QStringLiteral("Pause"), { QStringLiteral("soon") }).type(),
        QDBusMessage::ErrorMessage);
    QCOMPARE(pause.size(), 1);
}

void TestControlService::propertiesAndTheirSignals()
{
    ControlService control;
    QVERIFY(control.registerOn(QDBusConnection::sessionBus()));
    // The signals as another program receives them: through a proxy on a second connection.
    ControlProxy proxy(m_service, Path, m_client);
    QSignalSpy unread(&proxy, &ControlProxy::UnreadCountChanged);
    QSignalSpy paused(&proxy, &ControlProxy::PausedChanged);
    QCOMPARE(property(QStringLiteral("Paused")).toBool(), false);
    QCOMPARE(property(QStringLiteral("UnreadCount")).toUInt(), 0U);
    control.setUnreadCount(12);
    QTRY_COMPARE(unread.size(), 1);
    QCOMPARE(unread.last().first().toUInt(), 12U);
    QCOMPARE(property(QStringLiteral("UnreadCount")).toUInt(), 12U);
    control.setUnreadCount(12); // no change, no signal
    control.setPaused(true);
    QTRY_COMPARE(paused.size(), 1);
    QCOMPARE(paused.last().first().toBool(), true);
    QCOMPARE(unread.size(), 1);
    QCOMPARE(property(QStringLiteral("Paused")).toBool(), true);
}

void TestControlService::explainAnswersOrFails()
{
    ControlService control;
    QVERIFY(control.registerOn(QDBusConnection::sessionBus()));
    control.setExplainer([](const QString &msgId) -> std::optional<QString> {
        if (msgId == QStringLiteral("2019-abc"))
            return QStringLiteral("rule \"my packages\": notify");
        return std::nullopt;
    });
    const QDBusMessage known = call(QStringLiteral("Explain"), { QStringLiteral("2019-abc") });
    QCOMPARE(known.type(), QDBusMessage::ReplyMessage);
    QCOMPARE(known.arguments().value(0).toString(), QStringLiteral("rule \"my packages\": notify"));
    const QDBusMessage unknown = call(QStringLiteral("Explain"), { QStringLiteral("nope") });
    QCOMPARE(unknown.type(), QDBusMessage::ErrorMessage);
    QCOMPARE(unknown.errorName(), QStringLiteral("org.freedesktop.DBus.Error.InvalidArgs"));
}

// The old GNOME Shell extension calls Enable/Disable by name; gdbus does the same here.
void TestControlService::legacyInterfaceFromGdbus()
{
    LegacyNotifyService legacy;
    QString error;
    QVERIFY2(legacy.registerOn(QDBusConnection::sessionBus(), &error), qPrintable(error));
    QSignalSpy enabled(&legacy, &LegacyNotifyService::enableRequested);
    QSignalSpy disabled(&legacy, &LegacyNotifyService::disableRequested);
    for (const char *method : { "Disable", "Enable" }) {
        QProcess gdbus;
        gdbus.start(QStringLiteral("gdbus"),
            { QStringLiteral("call"),
                QStringLiteral("--session"),
                QStringLiteral("--dest"),
                QStringLiteral("org.fedoraproject.fedmsg.notify"),
                QStringLiteral("--object-path"),
                QStringLiteral("/org/fedoraproject/fedmsg/notify"),
                QStringLiteral("--method"),
                QStringLiteral("org.fedoraproject.fedmsg.notify.") + QLatin1String(method) });
        QVERIFY(gdbus.waitForStarted());
        QSignalSpy finished(&gdbus, &QProcess::finished);
        QVERIFY(finished.wait(10000)); // the event loop runs: the service answers meanwhile
        QCOMPARE(gdbus.exitCode(), 0);
    }
    QCOMPARE(disabled.size(), 1);
    QCOMPARE(enabled.size(), 1);
    // A second owner (another instance, the old applet) does not take the name.
    QDBusConnection other =
        QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("other"));
    LegacyNotifyService second;
    QVERIFY(!second.registerOn(other, &error));
    QVERIFY2(error.contains(QStringLiteral("owned by another program")), qPrintable(error));
}

void TestControlService::legacyRelayOnlyWhenEnabled()
{
    LegacyNotifyService legacy;
    QVERIFY(legacy.registerOn(QDBusConnection::sessionBus()));
    LegacyNotifyProxy proxy(QLatin1String(LegacyNotifyService::ServiceName),
        QLatin1String(LegacyNotifyService::ObjectPath),
        m_client);
    QSignalSpy received(&proxy, &LegacyNotifyProxy::MessageReceived);
    // A round trip on the client connection: its match rule is in place before anything is sent.
    QVERIFY(
        m_client.interface()->isServiceRegistered(QLatin1String(LegacyNotifyService::ServiceName)));
    legacy.relay(QStringLiteral("org.fedoraproject.prod.bodhi.update.comment"),
        QStringLiteral("{\"a\": 1}"));
    legacy.setRelayEnabled(true);
    legacy.relay(QStringLiteral("org.fedoraproject.prod.buildsys.build.state.change"),
        QStringLiteral("{\"b\": 2}"));
    QTRY_COMPARE(received.size(), 1);
    // Only the message relayed while enabled arrived.
    QCOMPARE(received.first().at(0).toString(),
        QStringLiteral("org.fedoraproject.prod.buildsys.build.state.change"));
    QCOMPARE(received.first().at(1).toString(), QStringLiteral("{\"b\": 2}"));
}

QTEST_GUILESS_MAIN(TestControlService)
#include "TestControlService.moc"
