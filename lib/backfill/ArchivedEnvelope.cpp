// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "backfill/ArchivedEnvelope.h"

#include "trust/Validator.h"

#include <cmath>

namespace fedmsg {

namespace {

std::optional<Envelope> amqpEnvelope(const JsonValue &archived, QString *error)
{
    JsonValue headers =
        archived["headers"].isObject() ? archived["headers"] : JsonValue::emptyObject();
    JsonValue::Object members;
    members.emplace_back("topic", archived["topic"]);
    members.emplace_back("msg", archived["msg"]);
    if (const JsonValue *id = archived.find("msg_id"); id && id->isString())
        members.emplace_back("msg_id", *id);
    // As AmqpMessageMapper: the sent-at header when there is one, else the archive's time.
    QDateTime sent;
    if (const JsonValue *s = headers.find("sent-at"); s && s->isString())
        sent = QDateTime::fromString(s->toQString(), Qt::ISODateWithMs);
    if (sent.isValid()) {
        const qint64 ms = sent.toMSecsSinceEpoch();
        if (ms % 1000 == 0)
            members.emplace_back("timestamp", JsonValue(static_cast<std::int64_t>(ms / 1000)));
        else
            members.emplace_back("timestamp", JsonValue(static_cast<double>(ms) / 1000.0));
    } else if (const JsonValue *t = archived.find("timestamp"); t && t->isNumber()) {
        const double d = t->toDouble();
        if (!std::isfinite(d) || std::fabs(d) > 1e15) {
            if (error)
                *error = QStringLiteral("timestamp cannot be made an integer");
            return std::nullopt;
        }
        members.emplace_back("timestamp", JsonValue(static_cast<std::int64_t>(d)));
    }
    Envelope env(Envelope::Transport::Amqp, JsonValue(std::move(members)));
    env.setHeaders(std::move(headers));
    env.setTrust(TrustState::BrokerUnsigned,
        QStringLiteral("archived by datagrepper from the broker; fedora-messaging messages "
                       "carry no signature"));
    return env;
}

std::optional<Envelope> refuse(QString *error, const QString &why)
{
    if (error)
        *error = why;
    return std::nullopt;
}

void finishEnvelope(Envelope &env, const BusConfig &bus, const QString &archiveUrl)
{
    env.setBusName(bus.name);
    env.setEndpoint(archiveUrl);
    env.setReceivedAt(QDateTime::currentDateTimeUtc());
}

} // namespace

std::optional<Envelope> ArchivedEnvelope::fromSearch(
    const JsonValue &entry, const BusConfig &bus, const QString &archiveUrl, QString *error)
{
    if (!entry.isObject())
        return refuse(error, QStringLiteral("an archived message is not a JSON object"));
    const JsonValue *topic = entry.find("topic");
    if (!topic || !topic->isString())
        return refuse(error, QStringLiteral("an archived message has no string \"topic\""));
    if (bus.transport != BusConfig::Transport::Amqp)
        return refuse(error,
            QStringLiteral("a /v2/search entry carries no fedmsg signature; a fedmsg bus is "
                           "caught up from /raw"));
    const JsonValue *body = entry.find("body");
    if (!body || !body->isObject())
        return refuse(error, QStringLiteral("an archived message's \"body\" is not a JSON object"));
    // The /raw entry of the same message, as far as amqpEnvelope reads one: the same envelope.
    JsonValue::Object members;
    members.emplace_back("headers", entry["headers"]);
    members.emplace_back("msg", *body);
    if (const JsonValue *id = entry.find("id"); id && id->isString())
        members.emplace_back("msg_id", *id);
    members.emplace_back("topic", *topic);
    std::optional<Envelope> env = amqpEnvelope(JsonValue(std::move(members)), error);
    if (env)
        finishEnvelope(*env, bus, archiveUrl);
    return env;
}

std::optional<Envelope> ArchivedEnvelope::fromArchive(
    const JsonValue &archived, const BusConfig &bus, const QString &archiveUrl, QString *error)
{
    if (!archived.isObject()) {
        if (error)
            *error = QStringLiteral("an archived message is not a JSON object");
        return std::nullopt;
    }
    const JsonValue *topic = archived.find("topic");
    if (!topic || !topic->isString()) {
        if (error)
            *error = QStringLiteral("an archived message has no string \"topic\"");
        return std::nullopt;
    }
    std::optional<Envelope> env;
    if (bus.transport == BusConfig::Transport::Amqp) {
        env = amqpEnvelope(archived, error);
    } else {
        std::optional<JsonValue> fixed = Validator::fixDatagrepperMessage(archived, error);
        if (!fixed)
            return std::nullopt;
        env = Envelope(Envelope::Transport::ZeroMq, std::move(*fixed));
    }
    if (!env)
        return std::nullopt;
    finishEnvelope(*env, bus, archiveUrl);
    return env;
}

} // namespace fedmsg
