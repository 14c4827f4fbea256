// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "engine/Login1Manager.h"

namespace fedmsg {

Login1Manager::Login1Manager(const QDBusConnection &bus, QObject *parent)
    : QDBusAbstractInterface(QStringLiteral("org.freedesktop.login1"),
        QStringLiteral("/org/freedesktop/login1"),
        "org.freedesktop.login1.Manager",
        bus,
        parent)
{}

} // namespace fedmsg
