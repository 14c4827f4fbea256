// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "model/HistoryFilter.h"

namespace fedmsg {

HistoryQuery HistoryFilter::toQuery(int limit, qint64 afterRowId, bool oldestFirst) const
{
    HistoryQuery query;
    query.text = text.trimmed();
    if (!service.isEmpty())
        query.services = { service };
    if (!bus.isEmpty())
        query.buses = { bus };
    query.user = user.trimmed();
    query.package = package.trimmed();
    query.unreadOnly = unreadOnly;
    if (trust)
        query.trust = { *trust };
    query.from = from;
    query.to = to;
    if (decision)
        query.decisions = { *decision };
    query.limit = limit;
    query.afterRowId = afterRowId;
    query.oldestFirst = oldestFirst;
    return query;
}

} // namespace fedmsg
