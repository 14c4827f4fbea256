// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace fedmsg {

/**
 * @brief Turns a bus's fedmsg-style topic subscriptions into AMQP topic binding patterns, and
 * matches routing keys against such patterns the way RabbitMQ's topic exchange does.
 *
 * The rule (BusConfig::topics -> queue.bind routing keys on amq.topic):
 * - no subscriptions, or one empty subscription -> "#" (everything);
 * - a subscription that is a plain dotted prefix of whole words, "org.fedoraproject.prod.bodhi",
 *   -> the exact key "org.fedoraproject.prod.bodhi" and "org.fedoraproject.prod.bodhi.#"
 *   (the topic itself and everything below it); a trailing dot ("org.fedoraproject.prod.")
 *   gives only "org.fedoraproject.prod.#";
 * - a subscription that already contains an AMQP wildcard word ("*" or "#", e.g.
 *   "org.fedoraproject.*.bodhi.#" or "#.git.receive", as imported from a fedora-messaging
 *   config) is used as it is;
 * - the last word counts as a whole word: AMQP cannot express fedmsg's byte prefixes, so
 *   "org.fedoraproject.prod.bod" does NOT match "org.fedoraproject.prod.bodhi.update";
 * - invalid subscriptions (empty words as in "a..b", a word mixing a wildcard with text as in
 *   "bod*", more than 255 bytes) are left out and reported.
 * Duplicates are removed; if "#" is among the patterns it is the only one.
 */
class AmqpTopicPatterns
{
public:
    /// Binding patterns for subscriptions; *rejected gets "subscription: reason" lines.
    static QStringList fromSubscriptions(
        const QStringList &topics, QStringList *rejected = nullptr);
    /// Whether pattern is a valid AMQP topic binding key (words separated by '.', '*', '#').
    static bool isValidPattern(const QString &pattern, QString *reason = nullptr);
    /// RabbitMQ topic matching: '*' = exactly one word, '#' = zero or more words.
    static bool matches(const QString &pattern, const QString &routingKey);
    static bool matchesAny(const QStringList &patterns, const QString &routingKey);
};

} // namespace fedmsg
