// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QDBusAbstractInterface>

namespace fedmsg {

/**
 * @brief Proxy for the signals of org.freedesktop.Notifications that DBusNotifier listens to.
 *
 * A hand-written QDBusAbstractInterface: connecting to a signal by member pointer adds its D-Bus
 * match rule, and it arrives from whichever connection owns org.freedesktop.Notifications now
 * (a restarted server too). DBusNotifier makes its calls itself.
 */
class NotificationServer : public QDBusAbstractInterface
{
    Q_OBJECT
public:
    explicit NotificationServer(const QDBusConnection &connection, QObject *parent = nullptr);

Q_SIGNALS:
    // NOLINTNEXTLINE(readability-identifier-naming): the D-Bus member name, which the relay matches
    void ActionInvoked(uint id, const QString &action);
    // NOLINTNEXTLINE(readability-identifier-naming): the D-Bus member name, which the relay matches
    void NotificationClosed(uint id, uint reason);
};

} // namespace fedmsg
