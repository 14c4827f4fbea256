// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "rules/Rule.h"

#include <QStringList>

namespace fedmsg::rules {

QString Rule::idFromName(const QString &name)
{
    QString id;
    for (const QChar c : name.toLower()) {
        if (c.isLetterOrNumber())
            id += c;
        else if (!id.isEmpty() && !id.endsWith(QLatin1Char('-')))
            id += QLatin1Char('-');
    }
    while (id.endsWith(QLatin1Char('-')))
        id.chop(1);
    return id;
}

void Rule::renumber()
{
    if (when)
        when->assignIndices(0);
}

std::optional<Rule> Rule::fromJson(
    const QJsonValue &json, int position, const MessageTypeCatalog *catalog, RuleError *error)
{
    Rule rule;
    const QJsonObject o = json.toObject();
    rule.name = o.value(QStringLiteral("name")).toString().trimmed();
    error->rule = rule.name.isEmpty() ? QStringLiteral("#%1").arg(position + 1) : rule.name;
    auto fail = [&](const QString &field, const QString &problem) -> std::optional<Rule> {
        error->field = field;
        error->problem = problem;
        return std::nullopt;
    };
    if (!json.isObject())
        return fail({}, QStringLiteral("a rule must be a JSON object"));
    static const QStringList keys { QStringLiteral("id"),
        QStringLiteral("revision"),
        QStringLiteral("name"),
        QStringLiteral("enabled"),
        QStringLiteral("when"),
        QStringLiteral("then") };
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!keys.contains(it.key()))
            return fail(it.key(),
                QStringLiteral("unknown key (one of id, revision, name, enabled, when, then)"));
    if (rule.name.isEmpty())
        return fail(QStringLiteral("name"), QStringLiteral("missing or empty"));
    const QJsonValue id = o.value(QStringLiteral("id"));
    if (!id.isUndefined() && (!id.isString() || id.toString().trimmed().isEmpty()))
        return fail(QStringLiteral("id"), QStringLiteral("must be a non-empty string"));
    rule.id = id.isUndefined() ? idFromName(rule.name) : id.toString().trimmed();
    if (rule.id.isEmpty())
        rule.id = QStringLiteral("rule-%1").arg(position + 1);
    const QJsonValue revision = o.value(QStringLiteral("revision"));
    if (!revision.isUndefined()) {
        const double r = revision.toDouble(-1);
        if (!revision.isDouble() || r < 1 || r > 1e9 || r != double(qint64(r)))
            return fail(QStringLiteral("revision"), QStringLiteral("must be a whole number >= 1"));
        rule.revision = int(r);
    }
    const QJsonValue enabled = o.value(QStringLiteral("enabled"));
    if (!enabled.isUndefined() && !enabled.isBool())
        return fail(QStringLiteral("enabled"), QStringLiteral("must be true or false"));
    rule.enabled = enabled.toBool(true);
    const QJsonValue when = o.value(QStringLiteral("when"));
    if (!when.isUndefined()) {
        QString field;
        QString problem;
        rule.when =
            RuleCondition::fromJson(when, QStringLiteral("when"), catalog, &field, &problem);
        if (!rule.when)
            return fail(field, problem);
    }
    const QJsonValue then = o.value(QStringLiteral("then"));
    if (!then.isObject())
        return fail(QStringLiteral("then"),
            QStringLiteral("missing: the action, e.g. {\"action\": \"notify\"}"));
    QString field;
    QString problem;
    const std::optional<RuleAction> action =
        RuleAction::fromJson(then.toObject(), &field, &problem);
    if (!action)
        return fail(QStringLiteral("then.") + field, problem);
    rule.action = *action;
    rule.renumber();
    return rule;
}

QJsonObject Rule::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("revision"), revision);
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("enabled"), enabled);
    if (when)
        o.insert(QStringLiteral("when"), when->toJson());
    o.insert(QStringLiteral("then"), action.toJson());
    return o;
}

} // namespace fedmsg::rules
