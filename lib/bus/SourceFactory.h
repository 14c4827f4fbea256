// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "bus/BusConfig.h"

#include <QObject>

#include <functional>

namespace fedmsg {

class Source;

/**
 * @brief The one place that maps a bus's transport to a Source implementation.
 *
 * ZeroMQ is built in. Transports above lib/bus (lib/amqp) register themselves at start-up:
 * @code
 * SourceFactory::registerTransport(BusConfig::Transport::Amqp,
 *     [](const BusConfig &c, QObject *parent) -> Source * { return new AmqpSource(c, parent); });
 * @endcode
 */
class SourceFactory
{
public:
    using Creator = std::function<Source *(const BusConfig &config, QObject *parent)>;

    static void registerTransport(BusConfig::Transport transport, Creator creator);
    static bool supports(BusConfig::Transport transport);
    /// A new, not yet started source; nullptr with *error when the transport is not available
    /// or the bus has a configError.
    static Source *create(const BusConfig &config, QObject *parent, QString *error = nullptr);
};

} // namespace fedmsg
