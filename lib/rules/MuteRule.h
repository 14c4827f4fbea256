// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "rules/Rule.h"

#include <QDateTime>
#include <QString>

#include <chrono>
#include <optional>

namespace fedmsg::rules {

class MessageTypeCatalog;

/**
 * @brief The rule a notification's "Mute…" makes: messages of the same type ("bodhi/update.
 * comment", MessageTypeCatalog::typeOf) stay in the history without popping up, for a while
 * (a mute rule, passed over once its time is up) or always (history only). An ordinary rule:
 * the user sees, edits and deletes it with the others.
 *
 * Its id is made from the type ("mute-bodhi-update-comment"), so muting the same type again
 * replaces the rule instead of adding another (RuleStorage::addFirst).
 */
class MuteRule
{
public:
    /// @p duration zero: always. @p now: the time the duration counts from. nullopt with
    /// *error when the catalog refuses the type (an unknown service).
    static std::optional<Rule> make(const MessageTypeCatalog &catalog,
        const QString &typeId,
        std::chrono::seconds duration,
        const QDateTime &now,
        RuleError *error);
    static QString idFor(const QString &typeId);
};

} // namespace fedmsg::rules
