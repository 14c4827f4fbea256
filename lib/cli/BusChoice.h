// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "bus/BusConfig.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace fedmsg {

/**
 * @brief The bus a command-line tool was asked for with --bus NAME or --amqp-url URL, and the
 * AMQP client files given with --ca-cert, --cert and --key: read once for fedmsg-tail and
 * fedmsg-logger alike.
 */
struct BusChoice
{
    QString busName; ///< --bus: a configured bus (settings, presets, fedmsg.d)
    QString amqpUrl; ///< --amqp-url: a fedora-messaging broker with Fedora's public settings
    QString caCertFile; ///< --ca-cert (AMQP: the broker's CA)
    QString certFile; ///< --cert (AMQP: client certificate)
    QString keyFile; ///< --key (AMQP: client key)

    /// Whether --bus or --amqp-url was given (otherwise the tool uses fedmsg.d / --endpoint).
    bool isSet() const { return !busName.isEmpty() || !amqpUrl.isEmpty(); }
    /**
     * The bus: the configured one named busName (its own AMQP queue, or a transient one when it
     * has none: a tool never leaves a queue behind on the broker), or Fedora's production broker
     * settings at amqpUrl with a transient queue, named program. An AMQP bus gets the client
     * files given and no signature validation (the broker vouches). nullopt with *error when no
     * bus has that name. fedmsgDirectories: the --config folders and files.
     */
    std::optional<BusConfig> resolve(
        const QString &program, const QStringList &fedmsgDirectories, QString *error) const;
};

} // namespace fedmsg
