// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QString>

namespace fedmsg::rules {

/// @brief Why a rule was refused: which rule, which field (a path into its JSON object, e.g.
/// "when.all[1].value") and what is wrong with it, for the user to fix.
struct RuleError
{
    QString rule; ///< the rule's name (or "#N" when it has none); empty for the file itself
    QString field; ///< e.g. "when.any[0].op"; empty when the whole document is at fault
    QString problem; ///< e.g. "bad regex: missing closing parenthesis at offset 4"

    /// "rule 'My builds', field when.any[0].value: bad regex: ..."
    [[nodiscard]] QString toString() const;
    bool operator==(const RuleError &) const = default;
};

} // namespace fedmsg::rules
