// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "notify/NotificationServer.h"

namespace fedmsg {

NotificationServer::NotificationServer(const QDBusConnection &connection, QObject *parent)
    : QDBusAbstractInterface(QStringLiteral("org.freedesktop.Notifications"),
        QStringLiteral("/org/freedesktop/Notifications"),
        "org.freedesktop.Notifications",
        connection,
        parent)
{}

} // namespace fedmsg
