// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QtGlobal>

namespace fedmsg {

/// @brief Counters of the queue between a ZmqSource's worker and its owner.
struct ZmqQueueStats
{
    qint64 inFlightBytes = 0; ///< handed over and not yet processed by the owner (wire bytes)
    qint64 peakInFlightBytes = 0; ///< the most inFlightBytes ever was
    qint64 maxInFlightBytes = 0; ///< the bound
    quint64 received = 0; ///< messages the worker read from its sockets
    quint64 overflowDropped = 0; ///< dropped, oldest first, because the owner fell behind
    /// times the worker stopped reading because maxQueuedMessages were waiting (backpressure)
    quint64 readPauses = 0;
};

} // namespace fedmsg
