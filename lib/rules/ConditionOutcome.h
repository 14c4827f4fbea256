// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QString>

namespace fedmsg::rules {

/// @brief How one condition of a rule came out for one message.
struct ConditionOutcome
{
    enum class State : char {
        Skipped = '.', ///< not evaluated (an earlier condition already decided)
        Matched = '+',
        NotMatched = '-',
        Unknown = '?', ///< could not be known (package set not ready, account unknown)
    };
    State state = State::Skipped;
    QString detail; ///< explain() only: what matched ("python-foo") or why it is unknown

    bool operator==(const ConditionOutcome &) const = default;
};

} // namespace fedmsg::rules
