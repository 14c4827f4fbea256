// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "rules/ConditionOutcome.h"

#include <QString>

#include <vector>

namespace fedmsg::rules {

/// @brief How one rule fared for one message in RuleSet::explain().
struct RuleTrace
{
    enum class Status { Disabled, MuteEnded, Matched, NotMatched, Unknown };
    int index = 0; ///< position in the rule set
    Status status = Status::NotMatched;
    std::vector<ConditionOutcome> outcomes; ///< one per condition node, preorder, with details
};

} // namespace fedmsg::rules
