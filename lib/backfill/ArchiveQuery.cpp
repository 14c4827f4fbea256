// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "backfill/ArchiveQuery.h"

#include "amqp/AmqpTopicPatterns.h"

#include <algorithm>

namespace fedmsg {

namespace {

// datagrepper reads start/end with float(); whole seconds keep the URL short, and rounding
// start down and end up never leaves a message of the window out.
QString unixSeconds(const QDateTime &t, bool roundUp)
{
    const qint64 ms = t.toMSecsSinceEpoch();
    qint64 s = ms / 1000;
    if (roundUp && ms % 1000 != 0)
        ++s;
    return QString::number(s);
}

void addAll(QUrlQuery &q, const char *key, const QStringList &values)
{
    for (const QString &v : values)
        q.addQueryItem(QLatin1String(key), v);
}

} // namespace

QString ArchiveQuery::categoryOf(const QString &topic)
{
    const QStringList words = topic.split(QLatin1Char('.'));
    return words.size() >= 4 ? words.at(3) : QString();
}

ArchiveQuery ArchiveQuery::forSubscriptions(
    const QStringList &prefixes, BusConfig::Transport transport)
{
    ArchiveQuery q;
    if (transport == BusConfig::Transport::Amqp) {
        q.amqpPatterns = AmqpTopicPatterns::fromSubscriptions(prefixes);
        if (q.amqpPatterns == QStringList { QStringLiteral("#") })
            q.amqpPatterns.clear(); // everything
    }
    for (const QString &p : prefixes)
        if (!p.isEmpty() && !q.prefixes.contains(p))
            q.prefixes.append(p);
    if (q.prefixes.size() < prefixes.size())
        q.prefixes.clear(); // an empty prefix subscribes to everything
    QStringList categories;
    for (const QString &p : std::as_const(q.prefixes)) {
        // The fourth word is taken whole, as fedora-messaging's whole-word prefixes are (a
        // fedmsg prefix "...prod.bod" would also take "...prod.bodhi": few write such).
        const QStringList words = p.split(QLatin1Char('.'));
        QString category = words.size() >= 4 ? words.at(3) : QString();
        // An AMQP wildcard word up to there leaves the category unknown.
        for (qsizetype w = 0; w < std::min<qsizetype>(4, words.size()); ++w)
            if (words.at(w) == u"#" || (w == 3 && words.at(w) == u"*"))
                category.clear();
        if (category.isEmpty()) {
            categories.clear();
            break;
        }
        if (!categories.contains(category))
            categories.append(category);
    }
    q.categories = categories;
    return q;
}

bool ArchiveQuery::accepts(const QString &topic) const
{
    if (!amqpPatterns.isEmpty())
        return AmqpTopicPatterns::matchesAny(amqpPatterns, topic);
    if (prefixes.isEmpty())
        return true;
    return std::ranges::any_of(prefixes, [&topic](const QString &p) {
        return topic.startsWith(p);
    });
}

QUrlQuery ArchiveQuery::urlQuery(
    const QDateTime &start, const QDateTime &end, int page, int rowsPerPage) const
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("start"), unixSeconds(start, false));
    q.addQueryItem(QStringLiteral("end"), unixSeconds(end, true));
    q.addQueryItem(QStringLiteral("page"), QString::number(page));
    q.addQueryItem(QStringLiteral("rows_per_page"), QString::number(rowsPerPage));
    q.addQueryItem(QStringLiteral("order"), QStringLiteral("asc"));
    addAll(q, "topic", topics);
    addAll(q, "category", categories);
    addAll(q, "user", users);
    addAll(q, "package", packages);
    addAll(q, "not_topic", notTopics);
    addAll(q, "not_category", notCategories);
    addAll(q, "not_user", notUsers);
    addAll(q, "not_package", notPackages);
    return q;
}

} // namespace fedmsg
