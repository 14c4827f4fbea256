// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QFlags>

namespace fedmsg {

/**
 * @brief Which parts of a stored message HistoryReader::scan reads (the rest of the
 * StoredMessage is left empty). Always read: id, topic, bus name, transport, trust and its
 * reason, title, subtitle, service name — what rules and a rule preview look at.
 */
enum class HistoryColumn : unsigned {
    Body = 0x1, ///< body and headers (large: the file's pages they fill are read too)
    Extra = 0x2, ///< the rendering's lists and names (usernames, packages, agent, ...): JSON
    /// msg id, endpoint, times, long form, link, icons, service label, decision, read state
    Details = 0x4,
};
Q_DECLARE_FLAGS(HistoryColumns, HistoryColumn)
Q_DECLARE_OPERATORS_FOR_FLAGS(HistoryColumns)

} // namespace fedmsg
