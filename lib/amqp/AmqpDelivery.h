// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "json/JsonValue.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace fedmsg {

/// @brief One basic.deliver as plain values (no rabbitmq-c types), what AmqpMessageMapper reads.
struct AmqpDelivery
{
    QString exchange;
    QString routingKey;
    quint64 deliveryTag = 0;
    bool redelivered = false;
    std::optional<QString> contentType;
    std::optional<QString> contentEncoding;
    std::optional<QString> messageId;
    std::optional<int> deliveryMode;
    std::optional<int> priority;
    std::optional<qint64> timestamp; ///< AMQP timestamp property (seconds), rarely set
    JsonValue headers; ///< object, or null when the table was absent
    QByteArray body;
    qint64 bodySize = 0; ///< size announced by the content header
};

} // namespace fedmsg
