// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "rules/ConditionOutcome.h"
#include "rules/RuleAction.h"
#include "rules/RuleDecision.h"
#include "rules/RuleExplanation.h"

#include <QString>
#include <QStringList>

namespace fedmsg::rules {

class RuleCondition;
class RuleSet;

/**
 * @brief Words for decisions, built when shown (translatable; History stores only data):
 * "rule 'My builds': topic matches *.buildsys.build.state.change ✓, package in packages I
 * maintain ✓ (python-foo), user is me ✗ → notify".
 */
class RuleExplainer
{
public:
    /// The deciding rule (or the default) and the action, from a fresh explanation.
    static QString sentence(const RuleSet &rules, const RuleExplanation &explanation);
    /// The same from a stored decision (no details: History keeps each outcome, not its why).
    /// A rule changed or removed since is said so.
    static QString sentence(const RuleSet &rules, const RuleDecision &decision);
    /// One line per rule tried, in order, then the decision.
    static QStringList lines(const RuleSet &rules, const RuleExplanation &explanation);
    /// "notify (critical, sticky)", "history only", "mute until 2026-12-06 00:00 UTC", ...
    static QString actionText(const RuleAction &action);

private:
    static QString conditions(
        const RuleCondition &node, const ConditionOutcome *outcomes, bool top);
    static QString ending(const RuleDecision &decision);
};

} // namespace fedmsg::rules
