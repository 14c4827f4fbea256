// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QString>

#include <optional>

namespace fedmsg {

/**
 * @brief An AMQP URI (amqp://, amqps://) taken apart.
 *
 * "amqps://fedora:@rabbitmq.fedoraproject.org/%2Fpublic_pubsub" -> tls, host
 * rabbitmq.fedoraproject.org, port 5671, vhost "/public_pubsub", user "fedora". The path is
 * the percent-encoded vhost (RabbitMQ's URI spec); no path means defaultVhost, or "/".
 */
struct AmqpAddress
{
    bool tls = true;
    QString host;
    int port = 5671;
    QString vhost;
    QString user;
    QString password;

    static std::optional<AmqpAddress> parse(
        const QString &url, const QString &defaultVhost = {}, QString *error = nullptr);
    /// The URL without credentials, for display and logs.
    QString displayUrl() const;
};

} // namespace fedmsg
