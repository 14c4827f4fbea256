// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "rules/RuleDecision.h"
#include "rules/RuleTrace.h"

#include <QList>

namespace fedmsg::rules {

/// @brief RuleSet::explain(): the decision and, for every rule tried up to the one that
/// decided, each condition's outcome. RuleExplainer turns it into words.
struct RuleExplanation
{
    RuleDecision decision;
    QList<RuleTrace> traces; ///< in rule order, ending with the deciding rule (if any)
};

} // namespace fedmsg::rules
