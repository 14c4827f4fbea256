// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "amqp/AmqpMessageMapper.h"

#include "json/JsonParser.h"
#include "json/Utf8.h"

#include <QCryptographicHash>
#include <QTimeZone>

namespace fedmsg {

namespace {

const char *typeName(JsonValue::Type t)
{
    switch (t) {
    case JsonValue::Type::Null:
        return "null";
    case JsonValue::Type::Bool:
        return "boolean";
    case JsonValue::Type::Integer:
    case JsonValue::Type::Float:
        return "number";
    case JsonValue::Type::String:
        return "string";
    case JsonValue::Type::Array:
        return "array";
    case JsonValue::Type::Object:
        return "object";
    }
    return "value";
}

bool isUtf8Encoding(const QString &encoding)
{
    const QString e = encoding.trimmed().toLower();
    return e.isEmpty() || e == QStringLiteral("utf-8") || e == QStringLiteral("utf8");
}

} // namespace

AmqpMessageMapper::AmqpMessageMapper(Options options)
    : m_options(std::move(options))
{}

QDateTime AmqpMessageMapper::parseSentAt(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty()) {
        return {};
    }
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid()) {
        dt = QDateTime::fromString(t, Qt::ISODate);
    }
    if (!dt.isValid()) {
        return {};
    }
    // A time without an offset is UTC (fedora-messaging always writes +00:00).
    if (dt.timeSpec() == Qt::LocalTime) {
        dt.setTimeZone(QTimeZone::utc());
    }
    return dt.toUTC();
}

std::optional<Envelope> AmqpMessageMapper::map(
    const AmqpDelivery &d, QString *error, const QDateTime &receivedAt) const
{
    auto fail = [error](const QString &why) -> std::optional<Envelope> {
        if (error) {
            *error = why;
        }
        return std::nullopt;
    };
    const qint64 size = std::max<qint64>(d.bodySize, d.body.size());
    if (m_options.maxBodySize > 0 && size > m_options.maxBodySize) {
        return fail(QStringLiteral("body of %1 bytes exceeds the limit of %2 bytes")
                        .arg(size)
                        .arg(m_options.maxBodySize));
    }
    if (d.contentEncoding && !isUtf8Encoding(*d.contentEncoding)) {
        return fail(QStringLiteral("unsupported content_encoding '%1' (fedora-messaging bodies "
                                   "are UTF-8)")
                        .arg(d.contentEncoding->left(64)));
    }
    const std::string_view raw(d.body.constData(), static_cast<std::size_t>(d.body.size()));
    if (const auto bad = firstUtf8Error(raw)) {
        return fail(
            QStringLiteral("body is not UTF-8: ") + QString::fromStdString(bad->toString()));
    }
    JsonParseError parseError;
    std::optional<JsonValue> body = JsonParser::parse(raw, &parseError);
    if (!body) {
        return fail(
            QStringLiteral("body is not JSON: ") + QString::fromStdString(parseError.toString()));
    }
    if (!body->isObject()) {
        return fail(QStringLiteral("body is a JSON %1, not an object")
                        .arg(QLatin1String(typeName(body->type()))));
    }

    JsonValue headers = d.headers.isObject() ? d.headers : JsonValue::emptyObject();

    QString msgId = d.messageId.value_or(QString()).trimmed();
    if (msgId.isEmpty()) {
        QCryptographicHash h(QCryptographicHash::Sha256);
        h.addData(d.routingKey.toUtf8());
        h.addData(QByteArrayView("\n", 1));
        h.addData(d.body);
        msgId = QStringLiteral("sha256-") + QString::fromLatin1(h.result().toHex());
    }

    JsonValue::Object members;
    members.emplace_back("topic", JsonValue(d.routingKey));
    members.emplace_back("msg", std::move(*body));
    members.emplace_back("msg_id", JsonValue(msgId));
    QDateTime sent;
    if (const JsonValue *s = headers.find("sent-at"); s && s->isString()) {
        sent = parseSentAt(s->toQString());
    }
    if (sent.isValid()) {
        const qint64 ms = sent.toMSecsSinceEpoch();
        if (ms % 1000 == 0) {
            members.emplace_back("timestamp", JsonValue(static_cast<std::int64_t>(ms / 1000)));
        } else {
            members.emplace_back("timestamp", JsonValue(static_cast<double>(ms) / 1000.0));
        }
    } else if (d.timestamp) {
        members.emplace_back("timestamp", JsonValue(static_cast<std::int64_t>(*d.timestamp)));
    }

    Envelope env(Envelope::Transport::Amqp, JsonValue(std::move(members)));
    env.setHeaders(std::move(headers));
    env.setBusName(m_options.busName);
    env.setEndpoint(m_options.endpoint);
    env.setDeliveryTag(d.deliveryTag);
    env.setWireSize(d.body.size());
    env.setReceivedAt(receivedAt.isValid() ? receivedAt.toUTC() : QDateTime::currentDateTimeUtc());
    const QString host =
        m_options.brokerHost.isEmpty() ? QStringLiteral("the broker") : m_options.brokerHost;
    env.setTrust(TrustState::BrokerUnsigned,
        m_options.tls ? QStringLiteral("delivered by %1 over TLS with a verified broker "
                                       "certificate; fedora-messaging messages carry no signature")
                            .arg(host)
                      : QStringLiteral("delivered by %1 over an unencrypted connection; "
                                       "fedora-messaging messages carry no signature")
                            .arg(host));
    return env;
}

QString AmqpMessageMapper::schemaName(const Envelope &envelope)
{
    const JsonValue *s = envelope.headers().find("fedora_messaging_schema");
    return s && s->isString() ? s->toQString() : QString();
}

int AmqpMessageMapper::severity(const Envelope &envelope)
{
    const JsonValue *s = envelope.headers().find("fedora_messaging_severity");
    bool ok = false;
    const std::int64_t v = s ? s->toInt64(20, &ok) : 20;
    if (!ok || (v != 10 && v != 20 && v != 30 && v != 40)) {
        return 20;
    }
    return static_cast<int>(v);
}

QStringList AmqpMessageMapper::objectNames(const Envelope &envelope, const QString &kind)
{
    const std::string prefix = "fedora_messaging_" + kind.toStdString() + "_";
    QStringList names;
    for (const JsonValue::Member &m : envelope.headers().object()) {
        if (m.first.size() > prefix.size() && m.first.compare(0, prefix.size(), prefix) == 0
            && m.second.toBool(false)) {
            names.append(QString::fromStdString(m.first.substr(prefix.size())));
        }
    }
    names.sort();
    return names;
}

} // namespace fedmsg
