// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// lib/message: the Envelope, the one value every stage passes on. It is built from two ZeroMQ
// frames or from an AMQP delivery, and it knows nothing about sockets, signatures or rendering.

#include "message/TrustState.h"
#include "json/JsonValue.h"

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace fedmsg {

/**
 * @brief One message from a bus, as a value.
 *
 * For fedmsg, body() is the whole JSON envelope (topic, msg, timestamp, msg_id, i, username,
 * crypto, signature, certificate and any unknown fields, all kept). For fedora-messaging the AMQP
 * source synthesizes the same shape: topic = routing key, msg = body, msg_id = message_id,
 * timestamp = sent-at, and puts the AMQP headers in headers().
 */
class Envelope
{
public:
    enum class Transport { ZeroMq, Amqp };

    Envelope() = default;
    Envelope(Transport transport, JsonValue body);

    /**
     * Builds an envelope from a ZeroMQ multipart message. Checks: exactly two frames, both strict
     * UTF-8, frame 2 parses as JSON (Python rules) into an object with a string "topic" equal to
     * frame 1. On failure returns std::nullopt and sets *error to a one-line reason.
     */
    static std::optional<Envelope> fromZmqFrames(
        const std::vector<std::string> &frames, QString *error = nullptr);

    Transport transport() const { return m_transport; }
    const JsonValue &body() const { return m_body; }

    QString topic() const; ///< body.topic
    const JsonValue &msg() const; ///< body.msg (any JSON value)
    const JsonValue &timestampValue() const; ///< body.timestamp as sent (int or float or null)
    double timestamp() const; ///< seconds since epoch, 0 when absent
    QDateTime sentAt() const; ///< from timestamp, UTC; invalid when absent
    QString msgId() const; ///< body.msg_id, or the AMQP message_id
    std::int64_t index() const; ///< body.i, 0 when absent
    QString username() const; ///< body.username (publisher's Unix user)
    QString crypto() const; ///< body.crypto ("x509", "gpg" or empty)
    QString signature() const;
    QString certificate() const;
    const JsonValue &headers() const; ///< AMQP headers (object) or body.headers for fedmsg

    /// The canonical JSON bytes of the whole body (what history stores and --json prints).
    std::string canonicalBody() const;

    // Where it came from, filled by the source.
    QString busName() const { return m_busName; }
    void setBusName(const QString &name) { m_busName = name; }
    QString endpoint() const { return m_endpoint; }
    void setEndpoint(const QString &url) { m_endpoint = url; }
    /// Bytes the message had on the wire (frames or AMQP body), set by the source; 0 = unknown.
    /// Queues between threads bound their memory with it.
    qint64 wireSize() const { return m_wireSize; }
    void setWireSize(qint64 bytes) { m_wireSize = bytes; }
    QDateTime receivedAt() const { return m_receivedAt; }
    void setReceivedAt(const QDateTime &t) { m_receivedAt = t; }
    /// Opaque transport handle for at-least-once sources (AMQP delivery tag); 0 for ZeroMQ.
    quint64 deliveryTag() const { return m_deliveryTag; }
    void setDeliveryTag(quint64 tag) { m_deliveryTag = tag; }
    void setHeaders(JsonValue headers) { m_headers = std::move(headers); }

    // Filled by validation.
    TrustState trust() const { return m_trust; }
    QString trustReason() const { return m_trustReason; }
    void setTrust(TrustState state, const QString &reason = {});

private:
    Transport m_transport = Transport::ZeroMq;
    JsonValue m_body;
    JsonValue m_headers;
    QString m_busName;
    QString m_endpoint;
    QDateTime m_receivedAt;
    qint64 m_wireSize = 0;
    quint64 m_deliveryTag = 0;
    TrustState m_trust = TrustState::Unchecked;
    QString m_trustReason;
};

} // namespace fedmsg

Q_DECLARE_METATYPE(fedmsg::Envelope)
