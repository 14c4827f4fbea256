// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "history/HistoryRecord.h"

#include <QList>
#include <QMutex>
#include <QWaitCondition>

#include <functional>

namespace fedmsg {

/**
 * @brief The bounded queue between History::store() (the caller's thread) and the writer
 * thread (internal).
 *
 * put() adds records, and when maxRecords (or maxBytes of wire size, Envelope::wireSize) are
 * already waiting it blocks the caller until the
 * writer took them (backpressure: nothing is dropped, and a burst is held in memory once, not
 * twice; the writer takes everything between transactions, so a wait lasts at most one
 * transaction). The writer takes everything at once with take(). Only the first put() after a
 * take() wakes the writer, so a burst costs one queued call, not one per store().
 */
class HistoryInbox
{
public:
    explicit HistoryInbox(
        qsizetype maxRecords, qint64 maxBytes = 0); ///< maxBytes 0 = no byte bound

    /// Adds records (oldest first), calling wake() (from put's thread) whenever the writer must
    /// be told to take(). Returns how many times it waited for room.
    int put(QList<HistoryRecord> records, const std::function<void()> &wake);
    /// Everything queued, oldest first; wakes a put() waiting for room.
    QList<HistoryRecord> take();
    qsizetype maxRecords() const { return m_max; }
    /// The most records ever held at once (never above maxRecords()).
    qsizetype peak() const;

private:
    mutable QMutex m_mutex;
    QWaitCondition m_room;
    // The lists as put() got them (implicitly shared with the caller's until it lets go):
    // joined by take() on the writer thread, so store() copies no record.
    QList<QList<HistoryRecord>> m_lists;
    qsizetype m_count = 0; ///< records in m_lists
    qint64 m_bytes = 0; ///< their wire size
    const qsizetype m_max;
    const qint64 m_maxBytes;
    qsizetype m_peak = 0;
    bool m_wakeupPending = false;
};

} // namespace fedmsg
