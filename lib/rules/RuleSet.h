// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "rules/Rule.h"
#include "rules/RuleAction.h"
#include "rules/RuleDecision.h"
#include "rules/RuleError.h"
#include "rules/RuleExplanation.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <optional>

namespace fedmsg::rules {

class MessageTypeCatalog;
struct RuleContext;
struct RuleSubject;

/**
 * @brief The user's ordered rules and the default action: the first enabled rule whose
 * condition holds decides; when none does, the default action applies.
 *
 * The one format, for rule files (import/export, `fedmsg-tail --rules FILE`) and the settings:
 * @code
 * {"format": "fedmsg-notify-rules", "version": 1,
 *  "default": {"action": "history"},
 *  "rules": [{"name": "My builds", "when": {...}, "then": {"action": "notify"}}, ...]}
 * @endcode
 * An untrusted message (its fedmsg signature failed) pops up only through a rule that names
 * untrusted messages in a trust condition; otherwise it is kept in the history only.
 */
class RuleSet
{
public:
    static constexpr int Version = 1;
    static QString formatName() { return QStringLiteral("fedmsg-notify-rules"); }

    QList<Rule> rules;
    RuleAction defaultAction; ///< history only unless set

    /// Reads a rule document. A rule that fails validation is left out and described in
    /// *errors (rule, field, problem); the others are kept. A document that is not this
    /// format at all (not JSON, wrong "format" or "version", no "rules" list) gives nullopt
    /// with its reason in *errors.
    static std::optional<RuleSet> fromJson(
        const QByteArray &json, const MessageTypeCatalog *catalog, QList<RuleError> *errors);
    [[nodiscard]] QByteArray toJson(bool indented = true) const;

    /// The rule with this id, or nullptr.
    [[nodiscard]] const Rule *rule(const QString &id) const;
    /// Every maintainer (account or @group) the rules ask about, for PackageSets::track().
    [[nodiscard]] QStringList maintainers() const;

    /// The decision for one message (fast path; the outcomes of the deciding rule only).
    [[nodiscard]] RuleDecision decide(const RuleSubject &subject, const RuleContext &context) const;
    /// The decision with every rule tried and every condition's outcome and detail.
    [[nodiscard]] RuleExplanation explain(
        const RuleSubject &subject, const RuleContext &context) const;

private:
    RuleDecision decideWith(
        const RuleSubject &subject, const RuleContext &context, QList<RuleTrace> *traces) const;
};

} // namespace fedmsg::rules
