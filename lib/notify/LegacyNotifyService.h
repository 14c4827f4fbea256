// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QString>

namespace fedmsg {

/**
 * @brief The old Python applet's D-Bus interface, for its GNOME Shell extension and scripts:
 * bus name org.fedoraproject.fedmsg.notify, object /org/fedoraproject/fedmsg/notify, interface
 * org.fedoraproject.fedmsg.notify (adaptor LegacyNotifyAdaptor, generated from resources/dbus).
 * Enable() and Disable() become enableRequested() / disableRequested(); relay() sends
 * MessageReceived(topic, json) only while the relay is on (a setting, off by default, as in the
 * old applet).
 */
class LegacyNotifyService : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *ServiceName = "org.fedoraproject.fedmsg.notify";
    static constexpr const char *ObjectPath = "/org/fedoraproject/fedmsg/notify";

    explicit LegacyNotifyService(QObject *parent = nullptr);
    ~LegacyNotifyService() override;
    Q_DISABLE_COPY_MOVE(LegacyNotifyService)

    /// Exports the object and owns the old name (not queued: another owner keeps it).
    bool registerOn(const QDBusConnection &connection, QString *error = nullptr);
    void setRelayEnabled(bool on) { m_relay = on; }
    bool relayEnabled() const { return m_relay; }
    /// Emits MessageReceived when the relay is on.
    void relay(const QString &topic, const QString &json);

public Q_SLOTS:
    // NOLINTBEGIN(readability-identifier-naming): the D-Bus member names
    void Enable();
    void Disable();
    // NOLINTEND(readability-identifier-naming)

Q_SIGNALS:
    // NOLINTNEXTLINE(readability-identifier-naming): relayed to D-Bus under this name
    void MessageReceived(const QString &topic, const QString &json);
    void enableRequested();
    void disableRequested();

private:
    QDBusConnection m_connection;
    bool m_registered = false;
    bool m_ownsName = false;
    bool m_relay = false;
};

} // namespace fedmsg
