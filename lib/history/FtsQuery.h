// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QString>

#include <optional>

namespace fedmsg {

/**
 * @brief Turns what a user typed into a safe SQLite FTS5 MATCH expression.
 *
 * The user's text is never passed through as FTS syntax: every term becomes a quoted FTS5 string,
 * so no input can produce an FTS syntax error or reach a column filter. Understood:
 *   word        a word (all words must match)
 *   wor*        any word starting with "wor"
 *   "a b c"     the phrase; "a b"* makes the last word a prefix; an unclosed quote runs to the end
 *   a OR b      either (OR in capitals, between two terms)
 *   -word       excluded (also NOT word); at least one term must not be excluded
 * Terms without any letter or digit (e.g. "-" or "!!") are ignored, as the tokenizer would.
 */
class FtsQuery
{
public:
    static constexpr int MaxTerms = 64;
    static constexpr int MaxLength = 2000;

    /// The MATCH expression, or nullopt with a one-line *error saying why the text cannot be
    /// searched.
    static std::optional<QString> toMatchExpression(const QString &text, QString *error = nullptr);

    /// A MATCH expression for rows whose `column` holds the tokens of `value` as a phrase: a
    /// superset of "the column contains value" (case, diacritics and separators are ignored), so
    /// callers check the exact condition as well. initial: the phrase starts the column; prefix:
    /// its last token may continue. nullopt when value has no token (nothing to narrow by).
    /// `column` must be a plain column name.
    static std::optional<QString> columnPhrase(
        const QString &column, const QString &value, bool initial, bool prefix);
};

} // namespace fedmsg
