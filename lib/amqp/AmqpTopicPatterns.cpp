// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "amqp/AmqpTopicPatterns.h"

#include <QList>
#include <QStringView>

#include <algorithm>

namespace fedmsg {

namespace {

constexpr qsizetype MaxKeyBytes = 255;

bool isWildcardWord(QStringView word)
{
    return word == u"*" || word == u"#";
}

// Classic backtracking-free matcher over words: positions in a (pattern, key) grid.
bool matchWords(const QList<QStringView> &pattern, const QList<QStringView> &key)
{
    // reachable[j] = pattern prefix processed so far can consume exactly key[0..j)
    QList<bool> reachable(key.size() + 1, false);
    reachable[0] = true;
    for (const QStringView &p : pattern) {
        QList<bool> next(key.size() + 1, false);
        if (p == u"#") {
            bool any = false;
            for (qsizetype j = 0; j <= key.size(); ++j) {
                any = any || reachable[j];
                next[j] = any;
            }
        } else {
            for (qsizetype j = 0; j < key.size(); ++j) {
                if (reachable[j] && (p == u"*" || p == key[j])) {
                    next[j + 1] = true;
                }
            }
        }
        reachable = std::move(next);
    }
    return reachable[key.size()];
}

QList<QStringView> words(QStringView s)
{
    return s.split(u'.');
}

} // namespace

bool AmqpTopicPatterns::isValidPattern(const QString &pattern, QString *reason)
{
    auto fail = [&](const QString &why) {
        if (reason) {
            *reason = why;
        }
        return false;
    };
    if (pattern.isEmpty()) {
        return fail(QStringLiteral("empty pattern"));
    }
    if (pattern.toUtf8().size() > MaxKeyBytes) {
        return fail(QStringLiteral("longer than 255 bytes"));
    }
    for (QStringView w : words(pattern)) {
        if (w.isEmpty()) {
            return fail(QStringLiteral("empty word (leading, trailing or double dot)"));
        }
        if (!isWildcardWord(w) && (w.contains(u'*') || w.contains(u'#'))) {
            return fail(QStringLiteral("'*' and '#' must be whole words"));
        }
    }
    return true;
}

QStringList AmqpTopicPatterns::fromSubscriptions(const QStringList &topics, QStringList *rejected)
{
    QStringList out;
    auto add = [&out](const QString &p) {
        if (!out.contains(p)) {
            out.append(p);
        }
    };
    bool everything = topics.isEmpty();
    for (const QString &raw : topics) {
        const QString t = raw.trimmed();
        if (t.isEmpty() || t == QStringLiteral("#")) {
            everything = true;
            continue;
        }
        const bool hasWildcard = std::ranges::any_of(words(t), isWildcardWord);
        QString why;
        if (hasWildcard) {
            if (isValidPattern(t, &why)) {
                add(t);
            } else if (rejected) {
                rejected->append(t + QStringLiteral(": ") + why);
            }
            continue;
        }
        const QString base = t.endsWith(u'.') ? t.chopped(1) : t;
        const QString below = base + QStringLiteral(".#");
        if (!isValidPattern(below, &why)) {
            if (rejected) {
                rejected->append(t + QStringLiteral(": ") + why);
            }
            continue;
        }
        if (!t.endsWith(u'.')) {
            add(base);
        }
        add(below);
    }
    if (everything) {
        return { QStringLiteral("#") };
    }
    return out;
}

bool AmqpTopicPatterns::matches(const QString &pattern, const QString &routingKey)
{
    return matchWords(words(pattern), words(routingKey));
}

bool AmqpTopicPatterns::matchesAny(const QStringList &patterns, const QString &routingKey)
{
    const QList<QStringView> key = words(routingKey);
    return std::ranges::any_of(patterns, [&](const QString &p) {
        return matchWords(words(p), key);
    });
}

} // namespace fedmsg
