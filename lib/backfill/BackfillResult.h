// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace fedmsg {

/// @brief How a backfill ended (BackfillClient::finished).
struct BackfillResult
{
    enum class Outcome {
        Complete, ///< every page of the window was fetched
        Cancelled, ///< cancel() was called
        Failed, ///< a page still failed after every retry (reason says why); what came before
                ///< was handed on
    };
    QString busName;
    Outcome outcome = Outcome::Complete;
    QString reason; ///< Failed: the last failure, in plain words
    QDateTime since; ///< the window asked for, after the maxAge bound
    QDateTime until;
    bool sinceClamped = false; ///< the asked-for start was older than maxAge allows
    int messages = 0; ///< envelopes handed on (after local filtering and de-duplication)
    int filtered = 0; ///< archived messages the subscriptions do not take
    int duplicates = 0; ///< the same msg_id again within this backfill (overlapping pages)
    int dropped = 0; ///< archived entries that could not become envelopes
    qint64 skipped = 0; ///< older messages left out to stay within maxMessages
    int retries = 0; ///< pages asked again
    /// The archive's endpoint the pages came from: "v2/search" or "raw" (ArchiveEndpoints).
    QString endpoint;
    qint64 elapsedMs = 0;
};

} // namespace fedmsg

Q_DECLARE_METATYPE(fedmsg::BackfillResult)
