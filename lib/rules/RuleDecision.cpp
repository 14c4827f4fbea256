// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "rules/RuleDecision.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <utility>

namespace fedmsg::rules {

namespace {
constexpr std::array<std::pair<RuleDecision::Why, const char *>, 4> WhyNames { {
    { RuleDecision::Why::Rule, "rule" },
    { RuleDecision::Why::Default, "default" },
    { RuleDecision::Why::TypeOff, "type-off" },
    { RuleDecision::Why::Untrusted, "untrusted" },
} };
} // namespace

QString RuleDecision::toCompactJson() const
{
    QJsonObject o;
    for (const auto &[w, name] : WhyNames)
        if (w == why)
            o.insert(QStringLiteral("w"), QString::fromLatin1(name));
    if (!ruleId.isEmpty()) {
        o.insert(QStringLiteral("r"), ruleId);
        o.insert(QStringLiteral("v"), revision);
        o.insert(QStringLiteral("n"), ruleName);
        o.insert(QStringLiteral("i"), ruleIndex);
        o.insert(
            QStringLiteral("c"), QString::fromLatin1(outcomes.data(), qsizetype(outcomes.size())));
    }
    o.insert(QStringLiteral("a"), action.toJson());
    o.insert(QStringLiteral("k"), RuleAction::kindName(asked));
    if (!type.isEmpty())
        o.insert(QStringLiteral("t"), type);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

std::optional<RuleDecision> RuleDecision::fromCompactJson(const QString &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    RuleDecision d;
    bool whyKnown = false;
    for (const auto &[w, name] : WhyNames)
        if (o.value(QStringLiteral("w")).toString() == QLatin1String(name)) {
            d.why = w;
            whyKnown = true;
        }
    QString field;
    QString problem;
    const std::optional<RuleAction> action =
        RuleAction::fromJson(o.value(QStringLiteral("a")).toObject(), &field, &problem);
    const std::optional<RuleAction::Kind> asked =
        RuleAction::kindFromName(o.value(QStringLiteral("k")).toString());
    if (!whyKnown || !action || !asked)
        return std::nullopt;
    d.action = *action;
    d.asked = *asked;
    d.ruleId = o.value(QStringLiteral("r")).toString();
    d.revision = o.value(QStringLiteral("v")).toInt();
    d.ruleName = o.value(QStringLiteral("n")).toString();
    d.ruleIndex = o.value(QStringLiteral("i")).toInt(-1);
    d.outcomes = o.value(QStringLiteral("c")).toString().toStdString();
    d.type = o.value(QStringLiteral("t")).toString();
    return d;
}

} // namespace fedmsg::rules
