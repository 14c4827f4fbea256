// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "amqp/AmqpDelivery.h"
#include "message/Envelope.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace fedmsg {

/**
 * @brief A fedora-messaging delivery -> an Envelope, without a broker (unit-testable).
 *
 * The envelope body gets fedmsg's shape: {"topic": routing key, "msg": the JSON body,
 * "msg_id": message_id, "timestamp": sent-at as integer seconds since the epoch}; every AMQP
 * header is kept in Envelope::headers() (schema, severity, sent-at, priority and the object
 * headers fedora_messaging_user_*, _group_*, _rpm_*, _container_*, _module_*, _flatpak_*).
 * Trust is TrustState::BrokerUnsigned: the broker authenticated the publisher, the message
 * carries no signature.
 *
 * Dropped (std::nullopt with a one-line reason): a body over maxBodySize, a content_encoding
 * other than UTF-8, a body that is not strict UTF-8, not JSON, or not a JSON object.
 * Missing pieces are tolerated like fedora-messaging's consumer does: no content_encoding means
 * UTF-8, no headers means none, no severity means INFO (20), no message_id gets a stable id
 * derived from the routing key and body ("sha256-<hex>") so redeliveries still de-duplicate.
 */
class AmqpMessageMapper
{
public:
    struct Options
    {
        QString busName;
        QString endpoint; ///< URL shown to the user (no credentials)
        QString brokerHost; ///< for the trust reason
        bool tls = true; ///< whether the broker connection was TLS with a verified peer
        qint64 maxBodySize = qint64 { 16 } * 1024 * 1024;
    };

    AmqpMessageMapper() = default;
    explicit AmqpMessageMapper(Options options);

    const Options &options() const { return m_options; }
    void setOptions(const Options &options) { m_options = options; }

    /// The envelope, or std::nullopt and *error (why it was dropped).
    std::optional<Envelope> map(const AmqpDelivery &delivery,
        QString *error = nullptr,
        const QDateTime &receivedAt = {}) const;

    /// "2024-06-01T12:00:00+00:00" (ISO 8601, any offset, optional fraction) -> UTC.
    static QDateTime parseSentAt(const QString &text);
    /// The fedora_messaging_schema header, empty when absent.
    static QString schemaName(const Envelope &envelope);
    /// The fedora_messaging_severity header (10/20/30/40), 20 when absent or not an integer.
    static int severity(const Envelope &envelope);
    /// Names rebuilt from the object headers: kind = "user", "group", "rpm", "container",
    /// "module" or "flatpak" (fedora_messaging_<kind>_<name>: true), sorted.
    static QStringList objectNames(const Envelope &envelope, const QString &kind);

private:
    Options m_options;
};

} // namespace fedmsg
