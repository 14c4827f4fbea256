// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "bus/BusConfig.h"

#include <QList>
#include <QStringList>

#include <functional>

namespace fedmsg {

/**
 * @brief The buses the applet knows out of the box.
 *
 * ZeroMQ presets live here. Other transports (the fedora-messaging AMQP presets of lib/amqp)
 * add theirs with registerProvider() at start-up, so all() is the one list the UI shows.
 */
class BusPresets
{
public:
    using Provider = std::function<QList<BusConfig>()>;

    /// Fedora's historical public gateway; off: Fedora retired fedmsg in 2024.
    static BusConfig fedoraFedmsg();
    /// Debian's fedmsg gateway (fedmsg.olasd.eu); off.
    static BusConfig debianFedmsg();
    /// The ZeroMQ presets above.
    static QList<BusConfig> zeroMqPresets();
    /**
     * The bus imported from fedmsg.d folders (enabled), or none when they have no endpoints and
     * were read whole. When a file could not be read whole the bus carries a configError (and
     * is listed even without endpoints) so the UI can show why it does not connect. *problems
     * receives the error diagnostics ("file:line: error: ...") for the user to see.
     */
    static QList<BusConfig> fromFedmsgD(
        const QStringList &directories, QStringList *problems = nullptr);

    /// Adds presets of another transport (called once per provider at start-up).
    static void registerProvider(Provider provider);
    /// zeroMqPresets() + every registered provider + fromFedmsgD(directories); names are unique
    /// (a later preset with a name already listed is dropped).
    /// *problems: see fromFedmsgD(). Pass FedmsgConfigReader::withDefaults(extra) to read the
    /// same folders as fedmsg-tail.
    static QList<BusConfig> all(
        const QStringList &fedmsgDirectories, QStringList *problems = nullptr);
    /// all() over the default fedmsg.d folders (/etc/fedmsg.d, ~/.fedmsg.d).
    static QList<BusConfig> all();
};

} // namespace fedmsg
