// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// lib/backfill: which messages to ask a datagrepper archive for, and which of its answers to
// keep. datagrepper's /raw filters (fedora-infra/datagrepper, datagrepper/app.py raw() and
// docs/reference.rst): topic, category, user, package and their not_ forms; values of one
// filter are ORed, different filters ANDed; topic and category match exactly (SQL IN), never
// by prefix.

#include "bus/BusConfig.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

namespace fedmsg {

/**
 * @brief A planned /raw query: the server-side filters plus the local filter for the rest.
 *
 * The bus's subscriptions are topic prefixes (lib/bus BusConfig::topics), which datagrepper
 * cannot express: a `topic` filter is an exact topic. So a prefix reaching at least the
 * category ("org.fedoraproject.prod.bodhi", "...bodhi.update") becomes `category=bodhi` (the
 * fourth word taken whole), a superset, and accepts() keeps only what the prefixes subscribe to.
 * When one prefix cannot be narrowed to a category (shorter than four words, e.g.
 * "org.fedoraproject.prod") no category filter is sent at all (the filters are ORed, so one
 * unnarrowed prefix means everything).
 * @code
 * ArchiveQuery q = ArchiveQuery::forSubscriptions(bus.topics);
 * q.users = {"alice"}; // optional: only what involves alice
 * url.setQuery(q.urlQuery(since, until, 1, 100));
 * @endcode
 */
struct ArchiveQuery
{
    QStringList prefixes; ///< the subscriptions, checked locally; empty = everything
    /// An AMQP bus's subscriptions as its source binds them (AmqpTopicPatterns: whole words,
    /// '*' and '#'); when set, accepts() matches these instead of the byte prefixes.
    QStringList amqpPatterns;
    QStringList topics; ///< exact topics (server-side `topic`)
    QStringList categories; ///< server-side `category` (the topic's fourth word)
    QStringList users; ///< server-side `user` (FAS accounts)
    QStringList packages; ///< server-side `package`
    QStringList notTopics; ///< `not_topic`
    QStringList notCategories; ///< `not_category`
    QStringList notUsers; ///< `not_user`
    QStringList notPackages; ///< `not_package`

    /// The query for subscriptions (prefixes), narrowed to categories where they allow it. An
    /// AMQP bus's subscriptions are matched as its broker binding would (amqpPatterns).
    static ArchiveQuery forSubscriptions(
        const QStringList &prefixes, BusConfig::Transport transport = BusConfig::Transport::ZeroMq);
    /// The category datagrepper files a topic under: its fourth dotted word
    /// (org.fedoraproject.prod.bodhi.update.comment -> bodhi); empty when it has fewer.
    static QString categoryOf(const QString &topic);

    /// Whether a topic the archive returned is one the subscriptions take (prefix match, as a
    /// ZeroMQ SUB socket does, or the AMQP binding patterns; the exact topics and categories
    /// were already matched upstream).
    bool accepts(const QString &topic) const;

    /// The /raw query of one page: start and end both pinned (Unix seconds), so offset paging
    /// stays stable while new messages arrive; order=asc (oldest first).
    QUrlQuery urlQuery(
        const QDateTime &start, const QDateTime &end, int page, int rowsPerPage) const;
};

} // namespace fedmsg
