// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// Builders for HistoryRecord values in history tests and benchmarks: real Envelopes built
// through their public constructor from a fedmsg-shaped JSON body.

#include "history/HistoryRecord.h"
#include "json/JsonValue.h"

#include <QDateTime>
#include <QStringList>

namespace fedmsg::testdata {

inline HistoryRecord makeRecord(const QString &msgId,
    const QString &topic,
    const QString &title,
    const QStringList &users = {},
    const QStringList &packages = {},
    const QString &service = QString(),
    qint64 sentSeconds = 1700000000,
    int paddingBytes = 0)
{
    JsonValue::Object msg;
    msg.emplace_back("comment", JsonValue(title));
    JsonValue::Array agents;
    for (const QString &u : users)
        agents.emplace_back(u);
    msg.emplace_back("agents", JsonValue(std::move(agents)));
    if (paddingBytes > 0)
        msg.emplace_back(
            "padding", JsonValue(std::string(static_cast<std::size_t>(paddingBytes), 'x')));
    JsonValue::Object body;
    body.emplace_back("topic", JsonValue(topic));
    if (!msgId.isEmpty())
        body.emplace_back("msg_id", JsonValue(msgId));
    body.emplace_back("timestamp", JsonValue(static_cast<std::int64_t>(sentSeconds)));
    body.emplace_back("i", JsonValue(1));
    body.emplace_back("username", JsonValue("apache"));
    body.emplace_back("msg", JsonValue(std::move(msg)));

    HistoryRecord record;
    record.envelope = Envelope(Envelope::Transport::ZeroMq, JsonValue(std::move(body)));
    record.envelope.setBusName(QStringLiteral("fedora"));
    record.envelope.setEndpoint(QStringLiteral("tcp://hub.fedoraproject.org:9940"));
    record.envelope.setReceivedAt(QDateTime::currentDateTimeUtc());
    record.envelope.setTrust(TrustState::Trusted, QStringLiteral("signature valid"));
    record.rendering.title = title;
    record.rendering.subtitle = title + QStringLiteral(" subtitle");
    record.rendering.link = QStringLiteral("https://example.org/") + msgId;
    record.rendering.icon = QStringLiteral("https://apps.fedoraproject.org/img/icons/") + service
        + QStringLiteral(".png");
    record.rendering.usernames = users;
    record.rendering.packages = packages;
    record.rendering.serviceName = service;
    record.rendering.serviceLabel =
        service.isEmpty() ? QString() : service.left(1).toUpper() + service.mid(1);
    return record;
}

} // namespace fedmsg::testdata
