// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "history/HistoryInbox.h"

#include <QMutexLocker>

#include <algorithm>
#include <utility>

namespace fedmsg {

HistoryInbox::HistoryInbox(qsizetype maxRecords, qint64 maxBytes)
    : m_max(std::max<qsizetype>(1, maxRecords))
    , m_maxBytes(maxBytes)
{}

int HistoryInbox::put(QList<HistoryRecord> records, const std::function<void()> &wake)
{
    int waits = 0;
    qsizetype next = 0;
    const qsizetype total = records.size();
    QMutexLocker lock(&m_mutex);
    while (next < total) {
        // Full: a wake-up is pending (the inbox is not empty), so take() comes.
        const auto full = [this] {
            return m_count >= m_max || (m_maxBytes > 0 && m_count > 0 && m_bytes >= m_maxBytes);
        };
        while (full()) {
            ++waits;
            m_room.wait(&m_mutex);
        }
        qsizetype n = std::min(m_max - m_count, total - next);
        qint64 bytes = 0;
        if (m_maxBytes > 0) {
            // As many as fit in the byte bound, at least one (an empty inbox takes any record).
            qsizetype fit = 0;
            while (fit < n) {
                const qint64 size = records.at(next + fit).envelope.wireSize();
                if (fit > 0 && m_bytes + bytes + size > m_maxBytes)
                    break;
                bytes += size;
                ++fit;
            }
            n = fit;
        }
        // The common case: the list itself, no copy (records is not read again: next == total).
        m_lists.append(next == 0 && n == total ? std::exchange(records, {}) : records.mid(next, n));
        next += n;
        m_count += n;
        m_bytes += bytes;
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
        m_bytes = 0;
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
