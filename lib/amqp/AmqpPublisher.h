// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "amqp/AmqpConnection.h"
#include "json/JsonValue.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace fedmsg {

/// @brief A message as fedora-messaging's publisher sends it (see AmqpPublisher).
struct AmqpOutgoingMessage
{
    QString topic; ///< the full routing key
    JsonValue body = JsonValue::emptyObject(); ///< must be an object
    QString schema { QStringLiteral("base.message") };
    QString schemaPackage; ///< optional fedora_messaging_schema_package
    int severity = 20; ///< 10, 20, 30, 40
    std::optional<int> priority; ///< AMQP priority; header "priority" is 0 when unset
    QString messageId; ///< empty: a new UUID v4
    QDateTime sentAt; ///< invalid: now
    QStringList usernames, groups, packages, containers, modules, flatpaks; ///< object headers
    JsonValue extraHeaders; ///< more headers (object), merged last
};

/**
 * @brief Publishes fedora-messaging style messages (for tests and fedmsg-logger). Blocking,
 * one thread; not for the GUI thread.
 *
 * Properties: content_type application/json, content_encoding utf-8, delivery_mode 2,
 * message_id (UUID v4), priority only when set. Headers: fedora_messaging_schema[_package],
 * sent-at (ISO 8601 UTC without microseconds, "+00:00"), fedora_messaging_severity (int32),
 * priority (int32), fedora_messaging_{user,group,rpm,container,module,flatpak}_<name> = true.
 * Publisher confirms are on: waitForConfirms() returns once the broker took everything.
 */
class AmqpPublisher
{
public:
    explicit AmqpPublisher(AmqpConnectOptions options);
    ~AmqpPublisher();
    AmqpPublisher(const AmqpPublisher &) = delete;
    AmqpPublisher &operator=(const AmqpPublisher &) = delete;
    AmqpPublisher(AmqpPublisher &&) = delete;
    AmqpPublisher &operator=(AmqpPublisher &&) = delete;

    bool connect(QString *error = nullptr);
    void disconnect();
    bool isConnected() const { return m_conn.isOpen(); }

    /// Returns the message id used, or an empty string and *error.
    QString publish(const AmqpOutgoingMessage &message,
        QString *error = nullptr,
        const QString &exchange = QStringLiteral("amq.topic"));
    /// Any bytes with the given headers (object or null) and encoding (nullopt = no property).
    bool publishRaw(const QString &routingKey,
        const QByteArray &body,
        const JsonValue &headers,
        const std::optional<QString> &contentEncoding,
        const QString &messageId,
        QString *error = nullptr,
        const QString &exchange = QStringLiteral("amq.topic"));
    /// Waits until the broker confirmed every publish so far (or timeoutMs passed).
    bool waitForConfirms(int timeoutMs = 10000, QString *error = nullptr);

    /// The full header table fedora-messaging would send for message (without extras' order).
    static JsonValue headersFor(const AmqpOutgoingMessage &message, const QString &messageId);
    /// "2024-06-01T12:00:00+00:00"
    static QString formatSentAt(const QDateTime &t);

    /// The connection, for test set-up (delete a queue, ...). Valid while connected.
    AmqpConnection &connection() { return m_conn; }
    static int channel() { return 1; }

private:
    AmqpConnectOptions m_options;
    AmqpConnection m_conn;
    quint64 m_published = 0;
    quint64 m_confirmed = 0;
};

} // namespace fedmsg
