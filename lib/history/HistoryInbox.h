// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "history/HistoryRecord.h"

#include <QList>
#include <QMutex>

namespace fedmsg {

/**
 * @brief The bounded queue between History::store() (the caller's thread) and the writer
 * thread (internal).
 *
 * put() adds records and drops the oldest beyond the bound (drop-oldest: a source that is
 * acknowledged only on stored() gets the dropped ones again); the writer takes everything at
 * once with take(). Only the first put() after a take() asks for a wake-up, so a burst costs
 * one queued call to the writer, not one per store().
 */
class HistoryInbox
{
public:
    explicit HistoryInbox(qsizetype maxRecords);

    /// Adds records (oldest first). *dropped = how many queued records were dropped to keep
    /// the bound. Returns true when the writer must be woken to take().
    bool put(QList<HistoryRecord> records, qsizetype *dropped);
    /// Everything queued, oldest first; the next put() wakes the writer again.
    QList<HistoryRecord> take();
    qsizetype maxRecords() const { return m_max; }

private:
    mutable QMutex m_mutex;
    QList<HistoryRecord> m_records;
    const qsizetype m_max;
    bool m_wakeupPending = false;
};

} // namespace fedmsg
