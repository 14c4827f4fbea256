// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "message/Envelope.h"

#include "json/JsonParser.h"
#include "json/JsonWriter.h"
#include "json/Utf8.h"

#include <cmath>

namespace fedmsg {

namespace {

QString stringMember(const JsonValue &body, std::string_view key)
{
    const JsonValue *v = body.find(key);
    return v && v->isString() ? v->toQString() : QString();
}

QString shortened(std::string_view s)
{
    constexpr std::size_t Max = 120;
    QString q = QString::fromUtf8(s.data(), static_cast<qsizetype>(std::min(s.size(), Max)));
    if (s.size() > Max)
        q += QStringLiteral("...");
    return q;
}

} // namespace

Envelope::Envelope(Transport transport, JsonValue body)
    : m_transport(transport)
    , m_body(std::move(body))
{}

std::optional<Envelope> Envelope::fromZmqFrames(
    const std::vector<std::string> &frames, QString *error)
{
    auto fail = [error](QString why) -> std::optional<Envelope> {
        if (error)
            *error = std::move(why);
        return std::nullopt;
    };
    if (frames.size() != 2)
        return fail(QStringLiteral("expected 2 frames, got %1").arg(frames.size()));
    const std::string &topic = frames[0];
    if (auto e = firstUtf8Error(topic))
        return fail(QStringLiteral("topic frame is not UTF-8: %1")
                        .arg(QString::fromStdString(e->toString())));
    JsonParseError parseError;
    auto body = JsonParser::parse(frames[1], &parseError);
    if (!body)
        return fail(QStringLiteral("body is not JSON: %1")
                        .arg(QString::fromStdString(parseError.pythonText())));
    if (!body->isObject())
        return fail(QStringLiteral("body is not a JSON object"));
    const JsonValue *bodyTopic = body->find("topic");
    if (!bodyTopic || !bodyTopic->isString())
        return fail(QStringLiteral("body has no string \"topic\""));
    if (bodyTopic->toStdString() != topic) {
        return fail(QStringLiteral("Topic envelope mismatch: frame \"%1\" but body \"%2\"")
                        .arg(shortened(topic), bodyTopic->toQString()));
    }
    return Envelope(Transport::ZeroMq, std::move(*body));
}

QString Envelope::topic() const
{
    return stringMember(m_body, "topic");
}

const JsonValue &Envelope::msg() const
{
    return m_body["msg"];
}

const JsonValue &Envelope::timestampValue() const
{
    return m_body["timestamp"];
}

double Envelope::timestamp() const
{
    const JsonValue &t = timestampValue();
    if (!t.isNumber())
        return 0.0;
    const double d = t.toDouble();
    return std::isfinite(d) ? d : 0.0;
}

QDateTime Envelope::sentAt() const
{
    const JsonValue &t = timestampValue();
    if (!t.isNumber())
        return {};
    const double d = t.toDouble();
    // QDateTime's range is far larger than this; the bound only keeps the cast defined.
    if (!std::isfinite(d) || std::fabs(d) > 1e14)
        return {};
    return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(std::llround(d * 1000.0)), Qt::UTC);
}

QString Envelope::msgId() const
{
    return stringMember(m_body, "msg_id");
}

std::int64_t Envelope::index() const
{
    return m_body["i"].toInt64(0);
}

QString Envelope::username() const
{
    return stringMember(m_body, "username");
}

QString Envelope::crypto() const
{
    return stringMember(m_body, "crypto");
}

QString Envelope::signature() const
{
    return stringMember(m_body, "signature");
}

QString Envelope::certificate() const
{
    return stringMember(m_body, "certificate");
}

const JsonValue &Envelope::headers() const
{
    if (!m_headers.isNull())
        return m_headers;
    return m_body["headers"];
}

std::string Envelope::canonicalBody() const
{
    return JsonWriter::canonical(m_body);
}

void Envelope::setTrust(TrustState state, const QString &reason)
{
    m_trust = state;
    m_trustReason = reason;
}

} // namespace fedmsg
