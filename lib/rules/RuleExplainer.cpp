// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "rules/RuleExplainer.h"

#include "rules/RuleCondition.h"
#include "rules/RuleSet.h"

#include <QCoreApplication>

#include <vector>

namespace fedmsg::rules {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("fedmsg::rules::RuleExplainer", text);
}

QString mark(ConditionOutcome::State state)
{
    switch (state) {
    case ConditionOutcome::State::Matched:
        return QStringLiteral("✓");
    case ConditionOutcome::State::NotMatched:
        return QStringLiteral("✗");
    case ConditionOutcome::State::Unknown:
        return QStringLiteral("?");
    case ConditionOutcome::State::Skipped:
        break;
    }
    return QCoreApplication::translate("fedmsg::rules::RuleExplainer", "(not checked)");
}

std::vector<ConditionOutcome> fromStates(const std::string &states)
{
    std::vector<ConditionOutcome> out(states.size());
    for (std::size_t i = 0; i < states.size(); ++i)
        out[i].state = ConditionOutcome::State(states[i]);
    return out;
}
} // namespace

QString RuleExplainer::actionText(const RuleAction &action)
{
    switch (action.kind) {
    case RuleAction::Kind::Notify: {
        QStringList notes;
        if (action.urgency != RuleAction::Urgency::Normal)
            notes << (action.urgency == RuleAction::Urgency::Critical ? tr("critical") : tr("low"));
        if (action.sticky)
            notes << tr("sticky");
        else if (action.timeoutMs >= 0)
            notes << tr("%1 s").arg(double(action.timeoutMs) / 1000.0);
        return notes.isEmpty() ? tr("notify")
                               : tr("notify (%1)").arg(notes.join(QStringLiteral(", ")));
    }
    case RuleAction::Kind::HistoryOnly:
        return tr("history only");
    case RuleAction::Kind::Drop:
        return tr("drop");
    case RuleAction::Kind::Digest:
        return tr("digest");
    case RuleAction::Kind::Mute:
        return tr("mute until %1")
            .arg(action.muteUntil.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
    }
    return {};
}

QString RuleExplainer::conditions(
    const RuleCondition &node, const ConditionOutcome *outcomes, bool top)
{
    const ConditionOutcome &own = outcomes[node.index()];
    if (node.kind() == RuleCondition::Kind::All || node.kind() == RuleCondition::Kind::Any
        || node.kind() == RuleCondition::Kind::Not) {
        QStringList parts;
        for (const RuleCondition &c : node.children())
            parts << conditions(c, outcomes, false);
        QString list = parts.join(QStringLiteral(", "));
        if (top && node.kind() == RuleCondition::Kind::All)
            return list;
        return QStringLiteral("%1 (%2) %3").arg(node.describe(), list, mark(own.state));
    }
    QString text = node.describe() + QLatin1Char(' ') + mark(own.state);
    if (!own.detail.isEmpty())
        text += QStringLiteral(" (%1)").arg(own.detail);
    return text;
}

QString RuleExplainer::ending(const RuleDecision &decision)
{
    RuleAction asked = decision.action;
    if (decision.why == RuleDecision::Why::TypeOff || decision.why == RuleDecision::Why::Untrusted)
        asked.kind = decision.asked;
    switch (decision.why) {
    case RuleDecision::Why::TypeOff:
        return tr("→ %1, but message type %2 is switched off → %3")
            .arg(actionText(asked), decision.type, actionText(decision.action));
    case RuleDecision::Why::Untrusted:
        return tr("→ %1, but the message is untrusted and the rule does not ask for untrusted "
                  "messages → %2")
            .arg(actionText(asked), actionText(decision.action));
    default:
        return QStringLiteral("→ %1").arg(actionText(asked));
    }
}

QString RuleExplainer::sentence(const RuleSet &rules, const RuleExplanation &explanation)
{
    const RuleDecision &d = explanation.decision;
    if (d.ruleIndex < 0 || explanation.traces.isEmpty())
        return tr("no rule matched, default %1").arg(ending(d));
    const Rule &rule = rules.rules.at(d.ruleIndex);
    const RuleTrace &trace = explanation.traces.constLast();
    QString text = tr("rule '%1'").arg(rule.name);
    if (rule.when)
        text += QStringLiteral(": ") + conditions(*rule.when, trace.outcomes.data(), true);
    return text + QLatin1Char(' ') + ending(d);
}

QString RuleExplainer::sentence(const RuleSet &rules, const RuleDecision &decision)
{
    if (decision.ruleId.isEmpty())
        return tr("no rule matched, default %1").arg(ending(decision));
    const Rule *rule = rules.rule(decision.ruleId);
    QString text = tr("rule '%1'").arg(decision.ruleName);
    if (!rule)
        return text + QLatin1Char(' ') + tr("(since removed)") + QLatin1Char(' ')
            + ending(decision);
    if (rule->revision != decision.revision
        || rule->conditionCount() != int(decision.outcomes.size()))
        return text + QLatin1Char(' ') + tr("(revision %1; changed since)").arg(decision.revision)
            + QLatin1Char(' ') + ending(decision);
    if (rule->when) {
        const std::vector<ConditionOutcome> outcomes = fromStates(decision.outcomes);
        text += QStringLiteral(": ") + conditions(*rule->when, outcomes.data(), true);
    }
    return text + QLatin1Char(' ') + ending(decision);
}

QStringList RuleExplainer::lines(const RuleSet &rules, const RuleExplanation &explanation)
{
    QStringList out;
    for (const RuleTrace &trace : explanation.traces) {
        const Rule &rule = rules.rules.at(trace.index);
        if (trace.index == explanation.decision.ruleIndex)
            break; // the sentence below says it
        switch (trace.status) {
        case RuleTrace::Status::Disabled:
            out << tr("rule '%1': switched off").arg(rule.name);
            continue;
        case RuleTrace::Status::MuteEnded:
            out << tr("rule '%1': its mute has ended").arg(rule.name);
            continue;
        default:
            break;
        }
        QString text = tr("rule '%1'").arg(rule.name);
        if (rule.when)
            text += QStringLiteral(": ") + conditions(*rule.when, trace.outcomes.data(), true);
        out << text + QLatin1Char(' ')
                + (trace.status == RuleTrace::Status::Unknown ? tr("→ not known, passed over")
                                                              : tr("→ no match"));
    }
    out << sentence(rules, explanation);
    return out;
}

} // namespace fedmsg::rules
