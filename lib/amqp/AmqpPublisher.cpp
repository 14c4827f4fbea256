// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "amqp/AmqpPublisher.h"

#include "amqp/AmqpTable.h"
#include "json/JsonWriter.h"

#include <QDeadlineTimer>
#include <QUuid>

#include <sys/time.h>

namespace fedmsg {

AmqpPublisher::AmqpPublisher(AmqpConnectOptions options)
    : m_options(std::move(options))
{}

AmqpPublisher::~AmqpPublisher()
{
    disconnect();
}

bool AmqpPublisher::connect(QString *error)
{
    AmqpError e;
    if (!m_conn.open(m_options, &e) || !m_conn.openChannel(channel(), &e)
        || !m_conn.confirmSelect(channel(), &e)) {
        if (error) {
            *error = e.text;
        }
        m_conn.abort();
        return false;
    }
    m_published = m_confirmed = 0;
    return true;
}

void AmqpPublisher::disconnect()
{
    m_conn.close(2000);
}

QString AmqpPublisher::formatSentAt(const QDateTime &t)
{
    const QDateTime utc = (t.isValid() ? t : QDateTime::currentDateTimeUtc()).toUTC();
    return utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + QStringLiteral("+00:00");
}

JsonValue AmqpPublisher::headersFor(const AmqpOutgoingMessage &m, const QString &messageId)
{
    Q_UNUSED(messageId)
    JsonValue h = JsonValue::emptyObject();
    h.insert("fedora_messaging_schema", JsonValue(m.schema));
    if (!m.schemaPackage.isEmpty()) {
        h.insert("fedora_messaging_schema_package", JsonValue(m.schemaPackage));
    }
    h.insert("sent-at", JsonValue(formatSentAt(m.sentAt)));
    h.insert("fedora_messaging_severity", JsonValue(m.severity));
    h.insert("priority", JsonValue(m.priority.value_or(0)));
    auto objects = [&h](const char *kind, const QStringList &names) {
        for (const QString &n : names) {
            h.insert(
                "fedora_messaging_" + std::string(kind) + "_" + n.toStdString(), JsonValue(true));
        }
    };
    objects("user", m.usernames);
    objects("group", m.groups);
    objects("rpm", m.packages);
    objects("container", m.containers);
    objects("module", m.modules);
    objects("flatpak", m.flatpaks);
    for (const JsonValue::Member &extra : m.extraHeaders.object()) {
        h.insert(extra.first, extra.second);
    }
    return h;
}

QString AmqpPublisher::publish(
    const AmqpOutgoingMessage &m, QString *error, const QString &exchange)
{
    if (!m.body.isObject()) {
        if (error) {
            *error = QStringLiteral("fedora-messaging bodies are JSON objects");
        }
        return {};
    }
    QString id =
        m.messageId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : m.messageId;
    const QByteArray body = QByteArray::fromStdString(JsonWriter::canonical(m.body));
    const JsonValue headers = headersFor(m, id);
    if (!publishRaw(m.topic, body, headers, QStringLiteral("utf-8"), id, error, exchange)) {
        return {};
    }
    return id;
}

bool AmqpPublisher::publishRaw(const QString &routingKey,
    const QByteArray &body,
    const JsonValue &headers,
    const std::optional<QString> &contentEncoding,
    const QString &messageId,
    QString *error,
    const QString &exchange)
{
    if (!m_conn.isOpen() && !connect(error)) {
        return false;
    }
    amqp_basic_properties_t props {};
    const QByteArray contentType = QByteArrayLiteral("application/json");
    const QByteArray encoding = contentEncoding.value_or(QString()).toUtf8();
    const QByteArray id = messageId.toUtf8();
    AmqpTable table;
    props._flags = AMQP_BASIC_CONTENT_TYPE_FLAG | AMQP_BASIC_DELIVERY_MODE_FLAG;
    props.content_type = AmqpConnection::bytes(contentType);
    props.delivery_mode = 2;
    if (contentEncoding) {
        props._flags |= AMQP_BASIC_CONTENT_ENCODING_FLAG;
        props.content_encoding = AmqpConnection::bytes(encoding);
    }
    if (!messageId.isEmpty()) {
        props._flags |= AMQP_BASIC_MESSAGE_ID_FLAG;
        props.message_id = AmqpConnection::bytes(id);
    }
    if (headers.isObject()) {
        props._flags |= AMQP_BASIC_HEADERS_FLAG;
        props.headers = table.build(headers);
        const JsonValue *priority = headers.find("priority");
        bool ok = false;
        const std::int64_t p = priority ? priority->toInt64(0, &ok) : 0;
        if (ok && p > 0 && p <= 255) {
            props._flags |= AMQP_BASIC_PRIORITY_FLAG;
            props.priority = static_cast<uint8_t>(p);
        }
    }
    AmqpError e;
    if (!m_conn.publish(channel(), exchange, routingKey, props, body, &e)) {
        if (error) {
            *error = e.text;
        }
        m_conn.abort();
        return false;
    }
    ++m_published;
    return true;
}

namespace {

/// Sets *error (when asked for) and returns false.
bool failWith(QString *error, const QString &text)
{
    if (error) {
        *error = text;
    }
    return false;
}

} // namespace

bool AmqpPublisher::waitForConfirms(int timeoutMs, QString *error)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_confirmed < m_published) {
        if (!m_conn.isOpen()) {
            return failWith(error, QStringLiteral("not connected"));
        }
        const qint64 left = std::max<qint64>(0, deadline.remainingTime());
        timeval tv { static_cast<time_t>(left / 1000),
            static_cast<suseconds_t>((left % 1000) * 1000) };
        amqp_frame_t frame;
        const int rc = amqp_simple_wait_frame_noblock(m_conn.state(), &frame, &tv);
        if (rc == AMQP_STATUS_TIMEOUT) {
            return failWith(error,
                QStringLiteral("timed out waiting for publisher confirms (%1 of %2)")
                    .arg(m_confirmed)
                    .arg(m_published));
        }
        AmqpError e;
        if (!AmqpConnection::checkStatus(rc, "waiting for confirms", &e)) {
            m_conn.abort();
            return failWith(error, e.text);
        }
        if (frame.frame_type != AMQP_FRAME_METHOD) {
            continue;
        }
        switch (frame.payload.method.id) {
        case AMQP_BASIC_ACK_METHOD: {
            const auto *ack = static_cast<const amqp_basic_ack_t *>(frame.payload.method.decoded);
            // RabbitMQ confirms in publish order; "multiple" covers everything up to the tag.
            m_confirmed = std::max<quint64>(m_confirmed, ack->delivery_tag);
            break;
        }
        case AMQP_BASIC_NACK_METHOD:
            return failWith(error, QStringLiteral("the broker refused a message (basic.nack)"));
        case AMQP_CHANNEL_CLOSE_METHOD:
        case AMQP_CONNECTION_CLOSE_METHOD:
            e = m_conn.handleServerClose(frame);
            m_conn.abort();
            return failWith(error, e.text);
        default:
            break; // basic.return and others: not routed is not an error here
        }
    }
    return true;
}

} // namespace fedmsg
