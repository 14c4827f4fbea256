// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace fedmsg {

/// @brief How far a backfill got (BackfillClient::progress), e.g. for a tooltip:
/// "Catching up on fedora: page 3 of 12, 250 messages".
struct BackfillProgress
{
    QString busName;
    int page = 0; ///< pages fetched so far
    int pages = 0; ///< pages to fetch in all (known after the first page; 0 before)
    int messages = 0; ///< messages handed on so far
    qint64 total = 0; ///< messages the archive holds for the window (before local filtering)

    bool operator==(const BackfillProgress &) const = default;
};

} // namespace fedmsg

Q_DECLARE_METATYPE(fedmsg::BackfillProgress)
