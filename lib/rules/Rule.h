// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "rules/RuleAction.h"
#include "rules/RuleCondition.h"
#include "rules/RuleError.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace fedmsg::rules {

class MessageTypeCatalog;

/**
 * @brief One filter rule: a name, an on/off switch, a condition tree and an action.
 *
 * JSON: {"id": "my-builds", "revision": 3, "name": "My builds", "enabled": true,
 * "when": {condition}, "then": {action}}. "when" may be left out (every message); "id" is made
 * from the name when absent; "revision" counts edits (History stores it with each decision).
 */
struct Rule
{
    QString id;
    int revision = 1;
    QString name;
    bool enabled = true;
    std::optional<RuleCondition> when; ///< none: matches every message
    RuleAction action;

    /// Reads and compiles a rule; @p position (0-based) names it in errors when it has no name.
    static std::optional<Rule> fromJson(
        const QJsonValue &json, int position, const MessageTypeCatalog *catalog, RuleError *error);
    [[nodiscard]] QJsonObject toJson() const;

    /// Nodes of the condition tree (0 without one): the length of a decision's outcomes.
    [[nodiscard]] int conditionCount() const { return when ? when->nodeCount() : 0; }
    /// Only a rule that names untrusted messages may pop one up (RuleCondition::namesUntrusted).
    [[nodiscard]] bool namesUntrusted() const { return when && when->namesUntrusted(); }
    /// Numbers the condition nodes (call after changing @c when by hand).
    void renumber();
    /// A lower-case id made of the name's letters and digits ("My builds" -> "my-builds").
    static QString idFromName(const QString &name);
};

} // namespace fedmsg::rules
