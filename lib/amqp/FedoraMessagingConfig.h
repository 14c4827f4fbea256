// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "bus/BusConfig.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace fedmsg {

/**
 * @brief Imports a fedora-messaging config.toml as an AMQP bus.
 *
 * Read: amqp_url (credentials dropped when a client certificate is configured), [tls] ca_cert /
 * certfile / keyfile, [[bindings]] routing_keys (all bindings' keys become the bus's topics; a
 * "#" means everything; keys are used as AMQP patterns, see AmqpTopicPatterns), the exchange of
 * the bindings, [queues] (a UUID name other than the all-zero sample becomes the queue name),
 * [qos] prefetch_count. Everything else (callback, consumer_config, log_config, ...) is
 * ignored. Syntax and type errors are reported as "<file>:<line>:<column>: <what>".
 */
class FedoraMessagingConfig
{
public:
    /// Larger files are refused before they are read (a config.toml is a few KiB; toml++ costs
    /// several times a file's size in memory).
    static constexpr qint64 MaxFileSize = qint64 { 4 } * 1024 * 1024;

    struct Import
    {
        BusConfig bus;
        QStringList warnings; ///< "<file>:<line>: <what>" for things that were not imported
    };

    /// ~/.config/fedora-messaging/config.toml ($XDG_CONFIG_HOME) then /etc/fedora-messaging/...
    static QStringList defaultPaths();
    /// The first of defaultPaths() that exists, or empty.
    static QString findExisting();

    static std::optional<Import> load(const QString &path,
        QString *error = nullptr,
        const QString &busName = QStringLiteral("fedora-messaging-imported"));
    static std::optional<Import> parse(const QByteArray &toml,
        const QString &sourceName,
        QString *error = nullptr,
        const QString &busName = QStringLiteral("fedora-messaging-imported"));
};

} // namespace fedmsg
