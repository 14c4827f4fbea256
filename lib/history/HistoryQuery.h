// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "message/TrustState.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace fedmsg {

/**
 * @brief A search over stored messages. Every set field narrows the result (AND); list fields
 * match any of their entries (OR). A default query returns the newest messages.
 *
 * text is user input, never FTS syntax: words are ANDed, `foo*` is a prefix, "two words" is a
 * phrase, OR between two terms makes an alternative, -word excludes. It searches title,
 * subtitle, topic, usernames and packages. See FtsQuery.
 */
struct HistoryQuery
{
    QString text; ///< full-text search (see above); empty = no text condition
    QStringList buses; ///< bus names (Envelope::busName)
    QStringList services; ///< Rendering::serviceName values
    QString topicPrefix; ///< topic starts with this (plain string, case-sensitive)
    QString user; ///< one of Rendering::usernames equals this
    QString package; ///< one of Rendering::packages equals this
    QList<TrustState> trust; ///< trust states
    QStringList decisions; ///< rule decisions ("" matches rows without one)
    QString msgId; ///< exact msg_id / AMQP message_id
    QDateTime from; ///< received at or after (inclusive); invalid = no bound
    QDateTime to; ///< received before (exclusive); invalid = no bound
    bool unreadOnly = false;

    // Paging. Results are ordered by row id (= arrival order), newest first unless oldestFirst.
    int limit = 100; ///< <= 0 means no limit
    int offset = 0; ///< rows to skip (simple paging)
    qint64 afterRowId = 0; ///< keyset paging: > 0 continues after this row in the chosen order
    bool oldestFirst = false;

    /// false: StoredMessage::body, headers and the rendering's long form are left empty (not
    /// read from the file), for callers that do not need them (a rule preview without body
    /// conditions).
    bool withBody = true;
};

} // namespace fedmsg

Q_DECLARE_METATYPE(fedmsg::HistoryQuery)
