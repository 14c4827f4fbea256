// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "rules/Rule.h"
#include "rules/RulesStage.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace fedmsg {

class History;
class Renderer;

/// @brief What preview() found: how many stored messages a rule would match, and which.
struct RulePreviewResult
{
    qint64 examined = 0; ///< stored messages in the time range
    qint64 matched = 0;
    QList<qint64> ids; ///< history ids of matches, newest first, at most the limit asked for
    QStringList titles; ///< the rendered title of each of ids
    QString error; ///< the history could not be read ("" when fine)
};

/**
 * @brief Runs one rule over the stored history, as a rule editor does on every keystroke: how
 * many and which messages of the last days it would match (its condition only; the rules before
 * it, its on/off switch and a mute's end are left out).
 *
 * Reads through History::scan on the calling thread, in one statement, only the columns the
 * rule's conditions read (extra: users, packages, agent; body: body and by-me conditions). Each
 * row is evaluated first without parsing its body (body conditions Unknown, but a string's ==,
 * != or contains decided on the body's text when it has no escape and no trace of the string);
 * only a row left undecided, or matched, has its body parsed (a body that no longer parses
 * matches nothing).
 */
class RulePreview
{
public:
    RulePreview(const History &history, const Renderer &renderer, const rules::RulesStage &stage);

    /// @p from: invalid = the last 7 days; @p keepIds: how many matching ids to return.
    [[nodiscard]] RulePreviewResult run(
        const rules::Rule &rule, const QDateTime &from = {}, int keepIds = 100) const;
    /// Why @p rule matches the stored message @p id or not, one line per rule tried and the
    /// decision (RuleExplainer::lines, the rule taken as switched on); *error when it cannot
    /// be read.
    [[nodiscard]] QStringList explain(
        const rules::Rule &rule, qint64 id, QString *error = nullptr) const;
    /// The user names of the messages stored in the last 7 days, sorted (at most @p max).
    [[nodiscard]] QStringList usersSeen(int max = 2000) const;
    /// The packages the user's account maintains, when the account is known and the list is
    /// loaded (else none), sorted.
    [[nodiscard]] QStringList myPackages() const;

private:
    const History &m_history;
    const Renderer &m_renderer;
    const rules::RulesStage &m_stage;
};

} // namespace fedmsg
