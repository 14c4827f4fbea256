// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QDBusAbstractInterface>

namespace fedmsg {

/**
 * @brief Proxy for logind's org.freedesktop.login1.Manager: the one signal NetworkWatcher uses.
 *
 * A hand-written QDBusAbstractInterface: connecting to its signal by member pointer adds the
 * D-Bus match rule, and the signal arrives from whichever connection owns
 * org.freedesktop.login1, also one that appears later. It makes no calls; constructing it asks
 * the bus daemon once who owns the name.
 */
class Login1Manager : public QDBusAbstractInterface
{
    Q_OBJECT
public:
    explicit Login1Manager(const QDBusConnection &bus, QObject *parent = nullptr);

Q_SIGNALS:
    /// true: about to suspend or hibernate; false: resumed.
    // NOLINTNEXTLINE(readability-identifier-naming): the D-Bus member name, which the relay matches
    void PrepareForSleep(bool start);
};

} // namespace fedmsg
