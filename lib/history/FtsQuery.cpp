// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "history/FtsQuery.h"

#include <QList>
#include <QStringList>

#include <algorithm>

namespace fedmsg {

namespace {

struct Term
{
    QString text;
    bool prefix = false;
    bool negated = false;
    bool orBefore = false; // an OR stood between this term and the previous one
};

bool hasTokenCharacter(const QString &text)
{
    const auto codePoints = text.toUcs4();
    return std::ranges::any_of(codePoints, [](char32_t c) {
        return QChar::isLetterOrNumber(c) || QChar::category(c) == QChar::Other_PrivateUse;
    });
}

QString quoted(const Term &term)
{
    QString body = term.text;
    body.remove(QChar(u'\0'));
    body.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return QStringLiteral("\"") + body
        + (term.prefix ? QStringLiteral("\"*") : QStringLiteral("\""));
}

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

/// Reads the term at text[*i] (not a space): an optional '-', then a quoted phrase (an unclosed
/// quote runs to the end) or a bare word, then trailing stars. *isBareWord: it was not quoted.
Term readTerm(const QString &text, qsizetype *i, bool *isBareWord)
{
    const qsizetype n = text.size();
    Term term;
    if (text.at(*i) == u'-' && *i + 1 < n && !text.at(*i + 1).isSpace()) {
        term.negated = true;
        ++*i;
    }
    *isBareWord = false;
    if (text.at(*i) == u'"') {
        const qsizetype close = text.indexOf(u'"', *i + 1);
        const qsizetype end = close < 0 ? n : close;
        term.text = text.mid(*i + 1, end - *i - 1).simplified();
        *i = close < 0 ? n : close + 1;
    } else {
        const qsizetype start = *i;
        while (*i < n && !text.at(*i).isSpace() && text.at(*i) != u'"')
            ++*i;
        term.text = text.mid(start, *i - start);
        *isBareWord = true;
    }
    while (*i < n && text.at(*i) == u'*') { // "phrase"* or a bare word's trailing stars
        term.prefix = true;
        ++*i;
    }
    while (term.text.endsWith(u'*')) {
        term.text.chop(1);
        term.prefix = true;
    }
    return term;
}

/// The user's text as terms (operators applied to them, token-less terms left out); nullopt
/// and *error when there are more than FtsQuery::MaxTerms.
std::optional<QList<Term>> parseTerms(const QString &text, QString *error)
{
    QList<Term> terms;
    bool pendingNot = false;
    bool pendingOr = false;
    qsizetype i = 0;
    while (i < text.size()) {
        if (text.at(i).isSpace()) {
            ++i;
            continue;
        }
        bool isBareWord = false;
        Term term = readTerm(text, &i, &isBareWord);
        term.negated = term.negated || pendingNot;
        if (isBareWord && !term.negated && !term.prefix) {
            if (term.text == QLatin1String("OR")) {
                pendingOr = !terms.isEmpty();
                continue;
            }
            if (term.text == QLatin1String("AND"))
                continue;
            if (term.text == QLatin1String("NOT")) {
                pendingNot = true;
                continue;
            }
        }
        pendingNot = false;
        term.orBefore = pendingOr && !term.negated;
        pendingOr = false;
        if (!hasTokenCharacter(term.text))
            continue;
        terms.append(term);
        if (terms.size() > FtsQuery::MaxTerms) {
            setError(error,
                QStringLiteral("search text has too many terms (at most %1)")
                    .arg(FtsQuery::MaxTerms));
            return std::nullopt;
        }
    }
    return terms;
}

/// The MATCH expression of terms: ANDed groups of ORed terms, then NOT the excluded ones;
/// nullopt and *error when no term is left to look for.
std::optional<QString> expressionOf(const QList<Term> &terms, QString *error)
{
    QList<QStringList> groups; // ANDed groups of ORed terms
    QStringList excluded;
    for (const Term &term : terms) {
        if (term.negated) {
            excluded.append(quoted(term));
        } else if (term.orBefore && !groups.isEmpty()) {
            groups.last().append(quoted(term));
        } else {
            groups.append(QStringList { quoted(term) });
        }
    }
    if (groups.isEmpty()) {
        setError(error,
            excluded.isEmpty()
                ? QStringLiteral("search text contains no words to search for")
                : QStringLiteral(
                    "search text only excludes words; add at least one word to look for"));
        return std::nullopt;
    }

    QStringList parts;
    for (const QStringList &group : std::as_const(groups)) {
        parts.append(group.size() == 1
                ? group.first()
                : QStringLiteral("(") + group.join(QStringLiteral(" OR ")) + QStringLiteral(")"));
    }
    QString expression = parts.join(QStringLiteral(" AND "));
    if (!excluded.isEmpty()) {
        expression = QStringLiteral("(") + expression + QStringLiteral(") NOT (")
            + excluded.join(QStringLiteral(" OR ")) + QStringLiteral(")");
    }
    return expression;
}

} // namespace

std::optional<QString> FtsQuery::toMatchExpression(const QString &text, QString *error)
{
    if (text.size() > MaxLength) {
        setError(error,
            QStringLiteral("search text is too long (%1 characters, at most %2)")
                .arg(text.size())
                .arg(MaxLength));
        return std::nullopt;
    }
    const std::optional<QList<Term>> terms = parseTerms(text, error);
    if (!terms)
        return std::nullopt;
    return expressionOf(*terms, error);
}

std::optional<QString> FtsQuery::columnPhrase(
    const QString &column, const QString &value, bool initial, bool prefix)
{
    if (!hasTokenCharacter(value))
        return std::nullopt;
    Term term;
    term.text = value;
    term.text.replace(QChar(u'\0'), QChar(u' ')); // a separator either way; never joins tokens
    term.prefix = prefix;
    return QStringLiteral("(") + column + QStringLiteral(" : ")
        + (initial ? QStringLiteral("^ ") : QString()) + quoted(term) + QStringLiteral(")");
}

} // namespace fedmsg
