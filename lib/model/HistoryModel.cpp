// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "model/HistoryModel.h"

#include "history/History.h"
#include "message/TrustState.h"

#include <QLocale>
#include <QScopedValueRollback>

#include <algorithm>

namespace fedmsg {

HistoryModel::HistoryModel(History *history, int pageSize, QObject *parent)
    : QAbstractTableModel(parent)
    , m_history(history)
    , m_pageSize(std::max(1, pageSize))
{
    connect(history, &History::stored, this, &HistoryModel::fetchNewer);
    // History writes arrivals in groups (HistoryOptions::commitDelay, 10 s by default) to spare
    // the disk; someone looking at the history wants what arrived now: what waits is written
    // when the model is made and at each arrival while it exists (fetchNewer() follows stored()).
    connect(history, &History::assigned, this, [history] {
        history->commitNow();
    });
    history->commitNow();
    connect(history, &History::updated, this, &HistoryModel::onUpdated);
    connect(history, &History::cleared, this, &HistoryModel::onCleared);
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString HistoryModel::decisionText(const QString &decision)
{
    if (decision == QLatin1String("notify"))
        return tr("notified");
    if (decision == QLatin1String("digest"))
        return tr("in a digest");
    if (decision == QLatin1String("history"))
        return tr("history only");
    if (decision == QLatin1String("drop"))
        return tr("dropped");
    if (decision == QLatin1String("mute"))
        return tr("muted");
    return decision.isEmpty() ? tr("no decision") : decision;
}

QString HistoryModel::trustText(TrustState trust)
{
    return trustLabel(trust); // the wording of popups, the tray menu and fedmsg-tail
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return row.id;
    case UnreadRole:
        return !row.read;
    case LinkRole:
        return row.link;
    case DecisionRuleRole:
        return row.decisionRule;
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(row.receivedAt.toLocalTime(), QLocale::ShortFormat);
        case ServiceColumn:
            return row.service;
        case SummaryColumn:
            return row.summary;
        case TrustColumn:
            return trustText(row.trust);
        case DecisionColumn:
            return decisionText(row.decision);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == SummaryColumn)
            return row.title.isEmpty() || row.title == row.summary
                ? row.summary
                : row.title + QLatin1Char('\n') + row.summary;
        if (index.column() == TimeColumn)
            return QLocale().toString(row.receivedAt.toLocalTime(), QLocale::LongFormat);
        return {};
    default:
        return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ServiceColumn:
        return tr("Service");
    case SummaryColumn:
        return tr("Summary");
    case TrustColumn:
        return tr("Trust");
    case DecisionColumn:
        return tr("Decision");
    default:
        return {};
    }
}

HistoryModel::Row HistoryModel::rowFrom(const StoredMessage &message)
{
    Row row;
    row.id = message.id;
    row.receivedAt = message.receivedAt;
    const Rendering &r = message.rendering;
    row.service = !r.serviceLabel.isEmpty() ? r.serviceLabel : r.serviceName;
    // The sentence (fedmsg.meta's subtitle); its title, mostly the topic in other words
    // ("bodhi.update.comment"), goes to the tooltip: the Service column names the service.
    row.summary = r.subtitle.isEmpty() ? r.title : r.subtitle;
    row.title = r.title;
    row.link = r.link;
    row.trust = message.trust;
    row.decision = message.decision;
    row.decisionRule = message.decisionRule;
    row.read = message.read;
    return row;
}

QList<HistoryModel::Row> HistoryModel::read(const HistoryQuery &query)
{
    QList<Row> rows;
    if (!m_history)
        return rows;
    QString error;
    const QList<StoredMessage> messages = m_history->search(query, &error);
    if (!error.isEmpty()) {
        m_error = error;
        Q_EMIT queryFailed(error);
        return rows;
    }
    rows.reserve(messages.size());
    for (const StoredMessage &message : messages)
        rows.append(rowFrom(message));
    m_rowsRead += rows.size();
    return rows;
}

bool HistoryModel::setFilter(const HistoryFilter &filter)
{
    const QScopedValueRollback changing(m_changing, true);
    beginResetModel();
    m_filter = filter;
    m_error.clear();
    m_rows = read(m_filter.toQuery(m_pageSize));
    m_atEnd = !m_error.isEmpty() || m_rows.size() < m_pageSize;
    endResetModel();
    return m_error.isEmpty();
}

bool HistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_changing;
}

void HistoryModel::fetchMore(const QModelIndex &parent)
{
    // Views (and QAbstractItemModelTester) may ask for more from inside our own change signals.
    if (parent.isValid() || m_atEnd || m_changing)
        return;
    const QScopedValueRollback changing(m_changing, true);
    const qint64 after = m_rows.isEmpty() ? 0 : m_rows.constLast().id;
    const QList<Row> page = read(m_filter.toQuery(m_pageSize, after));
    m_atEnd = page.size() < m_pageSize;
    if (page.isEmpty())
        return;
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(page.size()) - 1);
    m_rows.append(page);
    endInsertRows();
}

void HistoryModel::fetchNewer()
{
    if (!m_error.isEmpty() || m_changing)
        return;
    const QScopedValueRollback changing(m_changing, true);
    // Every match newer than the top row is new (all older matches are loaded or below it).
    qint64 newest = m_rows.isEmpty() ? 0 : m_rows.constFirst().id;
    QList<Row> fresh; // oldest first
    for (;;) {
        const QList<Row> page = read(m_filter.toQuery(m_pageSize, newest, true));
        fresh.append(page);
        if (page.size() < m_pageSize)
            break;
        newest = page.constLast().id;
    }
    if (fresh.isEmpty())
        return;
    std::reverse(fresh.begin(), fresh.end());
    beginInsertRows({}, 0, static_cast<int>(fresh.size()) - 1);
    m_rows = fresh + m_rows;
    endInsertRows();
}

qint64 HistoryModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

int HistoryModel::rowOf(qint64 id) const
{
    // Newest first: ids descend, so a binary search finds the row.
    const auto it =
        std::lower_bound(m_rows.cbegin(), m_rows.cend(), id, [](const Row &row, qint64 value) {
            return row.id > value;
        });
    return it != m_rows.cend() && it->id == id ? static_cast<int>(it - m_rows.cbegin()) : -1;
}

std::optional<StoredMessage> HistoryModel::message(int row) const
{
    if (!m_history || row < 0 || row >= m_rows.size())
        return std::nullopt;
    return m_history->message(m_rows.at(row).id);
}

void HistoryModel::markRead(const QList<int> &rows)
{
    QList<qint64> ids;
    for (int row : rows) {
        if (row < 0 || row >= m_rows.size() || m_rows.at(row).read)
            continue;
        m_rows[row].read = true;
        ids.append(m_rows.at(row).id);
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1), { UnreadRole });
    }
    if (!ids.isEmpty() && m_history)
        m_history->markRead(ids);
}

void HistoryModel::onUpdated(const QList<qint64> &ids)
{
    if (!m_history || m_rows.isEmpty())
        return;
    QList<int> rows;
    if (ids.isEmpty()) {
        rows.reserve(m_rows.size());
        for (int row = 0; row < m_rows.size(); ++row)
            rows.append(row);
    } else {
        for (qint64 id : ids) {
            const int row = rowOf(id);
            if (row >= 0)
                rows.append(row);
        }
    }
    for (int row : rows) {
        const std::optional<StoredMessage> stored = m_history->message(m_rows.at(row).id);
        if (!stored)
            continue;
        Row &mine = m_rows[row];
        if (mine.read == stored->read && mine.decision == stored->decision
            && mine.decisionRule == stored->decisionRule)
            continue;
        mine.read = stored->read;
        mine.decision = stored->decision;
        mine.decisionRule = stored->decisionRule;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

void HistoryModel::onCleared()
{
    const QScopedValueRollback changing(m_changing, true);
    beginResetModel();
    m_rows.clear();
    m_atEnd = true;
    endResetModel();
}

} // namespace fedmsg
