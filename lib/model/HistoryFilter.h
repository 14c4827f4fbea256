// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "history/HistoryQuery.h"
#include "message/TrustState.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace fedmsg {

/**
 * @brief What the history window shows: the search text and the filter controls' values, turned
 * into a HistoryQuery by toQuery(). Empty strings and unset optionals do not filter.
 */
struct HistoryFilter
{
    QString text; ///< the history's query language (HistoryQuery::text, FtsQuery)
    QString service; ///< Rendering::serviceName
    QString bus; ///< Envelope::busName
    QString user;
    QString package;
    bool unreadOnly = false;
    std::optional<TrustState> trust;
    QDateTime from; ///< received at or after; invalid = no bound
    QDateTime to; ///< received before; invalid = no bound
    std::optional<QString> decision; ///< rule decision; "" = rows without one

    /// The query for one page: newest first, limit rows after afterRowId (0 = from the newest),
    /// or, with oldestFirst, the rows newer than afterRowId.
    HistoryQuery toQuery(int limit, qint64 afterRowId = 0, bool oldestFirst = false) const;

    bool operator==(const HistoryFilter &) const = default;
};

} // namespace fedmsg
