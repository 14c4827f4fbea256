// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "history/HistoryInbox.h"

#include <QMutexLocker>

#include <algorithm>

namespace fedmsg {

HistoryInbox::HistoryInbox(qsizetype maxRecords)
    : m_max(std::max<qsizetype>(1, maxRecords))
{}

int HistoryInbox::put(QList<HistoryRecord> records, const std::function<void()> &wake)
{
    int waits = 0;
    qsizetype next = 0;
    const qsizetype total = records.size();
    QMutexLocker lock(&m_mutex);
    while (next < total) {
        // Full: a wake-up is pending (the inbox is not empty), so take() comes.
        while (m_count >= m_max) {
            ++waits;
            m_room.wait(&m_mutex);
        }
        const qsizetype n = std::min(m_max - m_count, total - next);
        if (next == 0 && n == total)
            m_lists.append(std::move(records)); // the common case: the list itself, no copy
        else
            m_lists.append(records.mid(next, n));
        next += n;
        m_count += n;
        m_peak = std::max(m_peak, m_count);
        if (!m_wakeupPending) {
            m_wakeupPending = true;
            wake();
        }
    }
    return waits;
}

QList<HistoryRecord> HistoryInbox::take()
{
    QList<QList<HistoryRecord>> lists;
    {
        QMutexLocker lock(&m_mutex);
        m_wakeupPending = false;
        lists = std::exchange(m_lists, {});
        m_count = 0;
        m_room.wakeAll();
    }
    if (lists.size() == 1)
        return std::move(lists.first());
    QList<HistoryRecord> taken;
    for (QList<HistoryRecord> &list : lists) {
        if (taken.isEmpty())
            taken = std::move(list);
        else
            taken.append(std::move(list)); // moves the records once the caller let go
    }
    return taken;
}

qsizetype HistoryInbox::peak() const
{
    QMutexLocker lock(&m_mutex);
    return m_peak;
}

} // namespace fedmsg
