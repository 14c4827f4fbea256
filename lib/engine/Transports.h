// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "bus/BusConfig.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace fedmsg {

class Source;

/**
 * @brief The one place that knows every transport: makes the Source for a bus (ZeroMQ or
 * AMQP) and lists every preset bus (ZeroMQ, fedora-messaging, and those imported from fedmsg.d
 * and fedora-messaging's config.toml). Plain functions: nothing to register first.
 * @code
 * QString error;
 * std::unique_ptr<Source> source(Transports::createSource(bus, nullptr, &error));
 * const QList<BusConfig> buses = settings.buses(Transports::presets());
 * @endcode
 */
class Transports
{
public:
    /// A new, not yet started source for config; nullptr with *error when the bus has a
    /// configError (trust fails closed: a bus whose configuration was not read whole never
    /// connects).
    static Source *createSource(const BusConfig &config, QObject *parent, QString *error = nullptr);
    /**
     * BusPresets::zeroMqPresets(), the fedora-messaging presets and the bus imported from
     * fedora-messaging's config.toml (when there is one), then
     * FedmsgConfigReader::importedBuses(fedmsgDirectories); names are unique (a later preset
     * with a name already listed is dropped). *problems: the fedmsg.d file errors. Pass
     * FedmsgConfigReader::withDefaults(extra) to read the same folders as fedmsg-tail.
     */
    static QList<BusConfig> presets(
        const QStringList &fedmsgDirectories, QStringList *problems = nullptr);
    /// presets() over the default fedmsg.d folders (/etc/fedmsg.d, ~/.fedmsg.d).
    static QList<BusConfig> presets();
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
