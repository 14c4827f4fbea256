// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "history/StoredMessage.h"
#include "model/HistoryFilter.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QPointer>
#include <QString>

#include <optional>

namespace fedmsg {

class History;

/**
 * @brief The stored history as a table, newest first, read lazily in pages.
 *
 * Rows are read from History with keyset paging (HistoryQuery::afterRowId): setFilter() reads
 * the first page, fetchMore() (called by the view as it scrolls) one more; nothing else is
 * read. Messages committed later (History::stored) that match the filter are inserted at the
 * top with rowsInserted, so views keep their selection and scroll position. Read state and
 * decisions follow History::updated; History::cleared empties the model.
 *
 * Unread rows report true for UnreadRole (the view shows them in bold).
 */
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        ServiceColumn,
        SummaryColumn,
        TrustColumn,
        DecisionColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1, ///< qint64 row id in History
        UnreadRole, ///< bool
        LinkRole, ///< QString, the rendering's link (unchecked: openers check the scheme)
        DecisionRuleRole, ///< QString, the rule that decided
    };

    explicit HistoryModel(History *history, int pageSize = 200, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    HistoryFilter filter() const { return m_filter; }
    /// Reads the first page for filter (a model reset). False with lastError() when the search
    /// text does not parse or the query fails; the model is then empty.
    bool setFilter(const HistoryFilter &filter);
    /// Reads the first page again with the current filter.
    bool reload() { return setFilter(m_filter); }
    QString lastError() const { return m_error; }

    int pageSize() const { return m_pageSize; }
    /// Rows read from History since construction (what paging costs; tests check it).
    qint64 rowsRead() const { return m_rowsRead; }

    qint64 idAt(int row) const;
    /// The row showing id, or -1 when it is not loaded.
    int rowOf(qint64 id) const;
    /// The whole stored message (body, headers, decision) for row, read on demand.
    std::optional<StoredMessage> message(int row) const;
    /// Marks the rows read in History (and here at once); rows already read are skipped.
    void markRead(const QList<int> &rows);

    /// Reads what was committed since the newest row and inserts what matches at the top (also
    /// called on History::stored).
    void fetchNewer();

    /// The plain words the Trust column shows.
    static QString trustText(TrustState trust);
    /// The plain words the Decision column shows for a stored decision ("notify" -> "notified").
    static QString decisionText(const QString &decision);

Q_SIGNALS:
    /// setFilter() or a later read failed (a search text that does not parse).
    void queryFailed(const QString &error);

private:
    struct Row
    {
        qint64 id = 0;
        QDateTime receivedAt;
        QString service;
        QString summary; ///< the rendering's subtitle, else its title
        QString title; ///< the rendering's title (tooltip)
        QString link;
        TrustState trust = TrustState::Unchecked;
        QString decision;
        QString decisionRule;
        bool read = false;
    };
    static Row rowFrom(const StoredMessage &message);
    QList<Row> read(const HistoryQuery &query);
    void onUpdated(const QList<qint64> &ids);
    void onCleared();

    QPointer<History> m_history;
    int m_pageSize;
    HistoryFilter m_filter;
    QList<Row> m_rows; ///< newest first
    bool m_atEnd = true;
    bool m_changing = false; ///< inside a reset or insert of our own
    qint64 m_rowsRead = 0;
    QString m_error;
};

} // namespace fedmsg
