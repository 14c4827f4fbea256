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
    QMutexLocker lock(&m_mutex);
    while (next < records.size()) {
        // Full: a wake-up is pending (the inbox is not empty), so take() comes.
        while (m_records.size() >= m_max) {
            ++waits;
            m_room.wait(&m_mutex);
        }
        const qsizetype n = std::min(m_max - m_records.size(), records.size() - next);
        if (next == 0 && n == records.size() && m_records.isEmpty())
            m_records = std::move(records); // the common case: no copy
        else
            m_records.append(records.mid(next, n));
        next += n;
        m_peak = std::max(m_peak, m_records.size());
        if (!m_wakeupPending) {
            m_wakeupPending = true;
            wake();
        }
    }
    return waits;
}

QList<HistoryRecord> HistoryInbox::take()
{
    QMutexLocker lock(&m_mutex);
    m_wakeupPending = false;
    QList<HistoryRecord> taken = std::exchange(m_records, {});
    m_room.wakeAll();
    return taken;
}

qsizetype HistoryInbox::peak() const
{
    QMutexLocker lock(&m_mutex);
    return m_peak;
}

} // namespace fedmsg
