// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "rules/RuleError.h"
#include "rules/RuleSet.h"

#include <QList>
#include <QString>

#include <optional>

namespace fedmsg::rules {

class MessageTypeCatalog;

/// @brief Rule files on disk: what export writes, import and `fedmsg-tail --rules FILE` read
/// (RuleSet's JSON format).
class RuleFile
{
public:
    /// A rule file larger than this is refused unread.
    static constexpr qint64 MaxBytes = qint64(4) * 1024 * 1024;
    /// Reads a whole rule file. All or nothing: a file with any rule that fails validation is
    /// refused, *errors naming every problem (file, rule, field), so that an import never
    /// loses rules silently.
    static std::optional<RuleSet> read(
        const QString &path, const MessageTypeCatalog *catalog, QList<RuleError> *errors);
    /// Writes atomically (a crash leaves the old file or the new one, never half of one).
    static bool write(const QString &path, const RuleSet &rules, QString *error);
};

} // namespace fedmsg::rules
