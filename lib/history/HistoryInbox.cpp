// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "history/HistoryInbox.h"

#include <QMutexLocker>

#include <algorithm>

namespace fedmsg {

HistoryInbox::HistoryInbox(qsizetype maxRecords)
    : m_max(std::max<qsizetype>(1, maxRecords))
{}

bool HistoryInbox::put(QList<HistoryRecord> records, qsizetype *dropped)
{
    *dropped = 0;
    QMutexLocker lock(&m_mutex);
    if (m_records.isEmpty())
        m_records = std::move(records);
    else
        m_records.append(std::move(records));
    const qsizetype excess = m_records.size() - m_max;
    if (excess > 0) {
        m_records.remove(0, excess);
        *dropped = excess;
    }
    if (m_wakeupPending || m_records.isEmpty())
        return false;
    m_wakeupPending = true;
    return true;
}

QList<HistoryRecord> HistoryInbox::take()
{
    QMutexLocker lock(&m_mutex);
    m_wakeupPending = false;
    return std::exchange(m_records, {});
}

} // namespace fedmsg
