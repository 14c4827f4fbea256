// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "rules/RuleSet.h"

#include "rules/RuleContext.h"
#include "rules/RuleSubject.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <optional>
#include <string>
#include <vector>

namespace fedmsg::rules {

namespace {
// "line L, column C" of a byte offset, for a document that does not parse.
QString position(const QByteArray &json, qsizetype offset)
{
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset && i < json.size(); ++i)
        if (json.at(i) == '\n') {
            ++line;
            lineStart = i + 1;
        }
    return QStringLiteral("line %1, column %2").arg(line).arg(offset - lineStart + 1);
}

using Result = RuleCondition::Result;

// Disabled, or a mute whose time is up: the rule takes no part (explain() says which).
std::optional<RuleTrace::Status> idleStatus(const Rule &rule, const QDateTime &now)
{
    if (!rule.enabled)
        return RuleTrace::Status::Disabled;
    if (rule.action.kind == RuleAction::Kind::Mute && now >= rule.action.muteUntil)
        return RuleTrace::Status::MuteEnded;
    return std::nullopt;
}

RuleTrace::Status traceStatus(Result result)
{
    switch (result) {
    case Result::True:
        return RuleTrace::Status::Matched;
    case Result::False:
        return RuleTrace::Status::NotMatched;
    case Result::Unknown:
        break;
    }
    return RuleTrace::Status::Unknown;
}

// A rule's conditions for one message; with a trace, every node's outcome and detail go to it.
Result evaluateRule(
    const Rule &rule, const RuleSubject &subject, const RuleContext &context, RuleTrace *trace)
{
    if (!rule.when)
        return Result::True;
    if (!trace)
        return rule.when->evaluate(subject, context, nullptr, false);
    trace->outcomes.resize(std::size_t(rule.conditionCount()));
    return rule.when->evaluate(subject, context, trace->outcomes.data(), true);
}

// The deciding rule's outcomes, kept with the message: the trace's, or evaluated again,
// recording (only for the one rule that decided, so the other rules cost no bookkeeping).
std::string decidingOutcomes(const Rule &rule,
    const RuleSubject &subject,
    const RuleContext &context,
    const RuleTrace *trace)
{
    std::vector<ConditionOutcome> outcomes =
        trace ? trace->outcomes : std::vector<ConditionOutcome>(std::size_t(rule.conditionCount()));
    if (!trace && rule.when)
        rule.when->evaluate(subject, context, outcomes.data(), false);
    std::string states;
    states.reserve(outcomes.size());
    for (const ConditionOutcome &o : outcomes)
        states.push_back(char(o.state));
    return states;
}
} // namespace

std::optional<RuleSet> RuleSet::fromJson(
    const QByteArray &json, const MessageTypeCatalog *catalog, QList<RuleError> *errors)
{
    auto fail = [&](const QString &field, const QString &problem) -> std::optional<RuleSet> {
        errors->append(RuleError { {}, field, problem });
        return std::nullopt;
    };
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail({},
            QStringLiteral("not JSON: %1 at %2")
                .arg(parseError.errorString(), position(json, parseError.offset)));
    if (!doc.isObject())
        return fail({}, QStringLiteral("the document must be a JSON object"));
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("format")).toString() != formatName())
        return fail(QStringLiteral("format"), QStringLiteral("must be \"%1\"").arg(formatName()));
    const int version = o.value(QStringLiteral("version")).toInt(0);
    if (version < 1 || version > Version)
        return fail(QStringLiteral("version"),
            QStringLiteral("version %1 is not one this program reads (1 to %2)")
                .arg(o.value(QStringLiteral("version")).toVariant().toString())
                .arg(Version));
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!QStringList { QStringLiteral("format"),
                QStringLiteral("version"),
                QStringLiteral("default"),
                QStringLiteral("rules") }
                 .contains(it.key()))
            return fail(
                it.key(), QStringLiteral("unknown key (one of format, version, default, rules)"));
    RuleSet set;
    const QJsonValue defaultValue = o.value(QStringLiteral("default"));
    if (!defaultValue.isUndefined()) {
        QString field;
        QString problem;
        const std::optional<RuleAction> action =
            RuleAction::fromJson(defaultValue.toObject(), &field, &problem);
        if (!action)
            return fail(QStringLiteral("default.") + field, problem);
        set.defaultAction = *action;
    }
    const QJsonValue rules = o.value(QStringLiteral("rules"));
    if (!rules.isArray())
        return fail(QStringLiteral("rules"), QStringLiteral("must be a list of rules"));
    QSet<QString> ids;
    const QJsonArray list = rules.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        RuleError error;
        std::optional<Rule> rule = Rule::fromJson(list.at(i), int(i), catalog, &error);
        if (rule && ids.contains(rule->id)) {
            error.field = QStringLiteral("id");
            error.problem = QStringLiteral("another rule already has the id '%1'").arg(rule->id);
            rule.reset();
        }
        if (!rule) {
            errors->append(error);
            continue;
        }
        ids.insert(rule->id);
        set.rules.append(std::move(*rule));
    }
    return set;
}

QByteArray RuleSet::toJson(bool indented) const
{
    QJsonObject o;
    o.insert(QStringLiteral("format"), formatName());
    o.insert(QStringLiteral("version"), Version);
    o.insert(QStringLiteral("default"), defaultAction.toJson());
    QJsonArray list;
    for (const Rule &rule : rules)
        list.append(rule.toJson());
    o.insert(QStringLiteral("rules"), list);
    return QJsonDocument(o).toJson(indented ? QJsonDocument::Indented : QJsonDocument::Compact);
}

const Rule *RuleSet::rule(const QString &id) const
{
    for (const Rule &r : rules)
        if (r.id == id)
            return &r;
    return nullptr;
}

QStringList RuleSet::maintainers() const
{
    QStringList out;
    for (const Rule &r : rules)
        if (r.when)
            r.when->collectMaintainers(&out);
    return out;
}

RuleDecision RuleSet::decide(const RuleSubject &subject, const RuleContext &context) const
{
    return decideWith(subject, context, nullptr);
}

RuleExplanation RuleSet::explain(const RuleSubject &subject, const RuleContext &context) const
{
    RuleExplanation e;
    e.decision = decideWith(subject, context, &e.traces);
    return e;
}

RuleDecision RuleSet::decideWith(
    const RuleSubject &subject, const RuleContext &context, QList<RuleTrace> *traces) const
{
    const bool explain = traces != nullptr;
    const QDateTime now = context.now.isValid() ? context.now : QDateTime::currentDateTimeUtc();
    RuleDecision d;
    d.type = subject.type;
    d.action = defaultAction;
    d.why = RuleDecision::Why::Default;
    const Rule *decider = nullptr;
    for (int i = 0; i < rules.size(); ++i) {
        const Rule &rule = rules.at(i);
        RuleTrace trace;
        trace.index = i;
        if (const std::optional<RuleTrace::Status> idle = idleStatus(rule, now)) {
            if (explain) {
                trace.status = *idle;
                traces->append(std::move(trace));
            }
            continue;
        }
        const Result result = evaluateRule(rule, subject, context, explain ? &trace : nullptr);
        if (explain) {
            trace.status = traceStatus(result);
            traces->append(trace);
        }
        if (result != Result::True)
            continue;
        decider = &rule;
        d.why = RuleDecision::Why::Rule;
        d.action = rule.action;
        d.ruleId = rule.id;
        d.ruleName = rule.name;
        d.revision = rule.revision;
        d.ruleIndex = i;
        d.outcomes = decidingOutcomes(rule, subject, context, explain ? &trace : nullptr);
        break;
    }
    d.asked = d.action.kind;
    if (subject.envelope.trust() == TrustState::Untrusted
        && !(decider && decider->namesUntrusted())) {
        // The user's policy (Settings::untrustedPolicy): history only unless told otherwise.
        if (context.untrusted == UntrustedPolicy::Hide && d.action.kind != RuleAction::Kind::Drop) {
            RuleAction hidden;
            hidden.kind = RuleAction::Kind::Drop;
            d.action = hidden;
            d.why = RuleDecision::Why::Untrusted;
        } else if (context.untrusted == UntrustedPolicy::HistoryOnly && d.action.popsUp()) {
            d.action = RuleAction::historyOnly();
            d.why = RuleDecision::Why::Untrusted;
        }
    }
    return d;
}

} // namespace fedmsg::rules
