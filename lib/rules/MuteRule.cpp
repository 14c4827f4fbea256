// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "rules/MuteRule.h"

#include "rules/MessageTypeCatalog.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace fedmsg::rules {

QString MuteRule::idFor(const QString &typeId)
{
    return QStringLiteral("mute-") + Rule::idFromName(typeId);
}

std::optional<Rule> MuteRule::make(const MessageTypeCatalog &catalog,
    const QString &typeId,
    std::chrono::seconds duration,
    const QDateTime &now,
    RuleError *error)
{
    const MessageType type = catalog.type(typeId);
    const QString service = catalog.type(type.service.isEmpty() ? typeId : type.service).label;
    QString label = type.kind.isEmpty() ? service : service + QStringLiteral(" — ") + type.label;
    if (label.trimmed().isEmpty())
        label = typeId;
    const RuleAction action = duration.count() > 0
        ? RuleAction::mute(now.toUTC().addSecs(duration.count()))
        : RuleAction::historyOnly();
    const QJsonObject json {
        { QStringLiteral("id"), idFor(typeId) },
        { QStringLiteral("name"),
            QCoreApplication::translate("fedmsg::rules::MuteRule", "Mute %1")
                .arg(label.trimmed()) },
        { QStringLiteral("when"),
            QJsonObject { { QStringLiteral("field"), QStringLiteral("type") },
                { QStringLiteral("value"), typeId } } },
        { QStringLiteral("then"), action.toJson() },
    };
    // Through the same validation as a rule the user writes.
    return Rule::fromJson(json, 0, &catalog, error);
}

} // namespace fedmsg::rules
