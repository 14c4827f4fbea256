// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "rules/RuleAction.h"

#include <QString>

#include <optional>
#include <string>

namespace fedmsg::rules {

/**
 * @brief What the rules stage decided for one message, as data: History keeps it (compact
 * JSON) so that "why" can be answered later; the sentence is built from it when shown
 * (RuleExplainer).
 */
struct RuleDecision
{
    enum class Why : char {
        Rule, ///< a rule matched and its action stands
        Default, ///< no rule matched: the default action
        TypeOff, ///< would have popped up, but its message type is switched off
        Untrusted, ///< would have popped up, but it is untrusted and the rule did not ask for it
    };
    RuleAction action; ///< what happens (after TypeOff / Untrusted demotion)
    RuleAction::Kind asked = RuleAction::Kind::HistoryOnly; ///< what the rule or default said
    Why why = Why::Default;
    QString ruleId; ///< the deciding rule, empty for the default
    QString ruleName;
    int revision = 0;
    int ruleIndex = -1; ///< position in the rule set, -1 for the default
    /// One ConditionOutcome::State character per condition node of the deciding rule, in
    /// preorder ("+-." ...).
    std::string outcomes;
    QString type; ///< the message type ("bodhi/update.comment")

    /// The value of History's decision column: "notify", "history", "drop", "digest", "mute".
    [[nodiscard]] QString decisionName() const { return RuleAction::kindName(action.kind); }
    /// {"w":"rule","r":"my-builds","v":3,"n":"My builds","i":0,"c":"+-+","a":{...},"k":"notify",
    /// "t":"koji/build.state.change"}: History's decision_rule column.
    [[nodiscard]] QString toCompactJson() const;
    static std::optional<RuleDecision> fromCompactJson(const QString &json);

    bool operator==(const RuleDecision &) const = default;
};

} // namespace fedmsg::rules
