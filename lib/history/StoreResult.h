// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "message/TrustState.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace fedmsg {

/**
 * @brief What History did with one HistoryRecord, reported by History::stored() after COMMIT.
 *
 * At-least-once sources acknowledge deliveryTag when (and only when) they receive this.
 */
struct StoreResult
{
    qint64 rowId = 0; ///< the row holding the message (the existing row for duplicates)
    quint64 deliveryTag = 0; ///< Envelope::deliveryTag() of the input (0 for ZeroMQ)
    bool duplicate = false; ///< true when the message was already stored; not an error
    QString msgId; ///< Envelope::msgId() of the input (may be empty)
    /// Envelope::trust() of the input. A copy that is more trusted than the stored row with its
    /// msg_id replaces that row and is reported new (duplicate false, a new rowId); a copy that
    /// is not is a duplicate.
    TrustState trust = TrustState::Unchecked;

    bool operator==(const StoreResult &) const = default;
};

} // namespace fedmsg

Q_DECLARE_METATYPE(fedmsg::StoreResult)
