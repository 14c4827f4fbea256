// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "bus/BusConfig.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace fedmsg {

/**
 * @brief Plugs the transports above lib/bus into it: the AMQP source into SourceFactory, and the
 * fedora-messaging presets and an imported fedora-messaging config.toml into BusPresets.
 * Idempotent; call once at start-up (Engine's constructor does).
 */
class Transports
{
public:
    static void registerAll();
    /**
     * The bus called name as the applet would use it: the user's settings (opened read-only:
     * a reader never moves the applet's files) merged with every preset, the fedmsg.d one read
     * from /etc/fedmsg.d, ~/.fedmsg.d and then fedmsgDirectories. nullopt with *error naming
     * the buses there are.
     */
    static std::optional<BusConfig> configuredBus(
        const QString &name, const QStringList &fedmsgDirectories = {}, QString *error = nullptr);
};

} // namespace fedmsg
