// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "history/HistoryColumns.h"
#include "history/HistoryConnection.h"
#include "history/HistoryQuery.h"
#include "history/ServiceCount.h"
#include "history/StoredMessage.h"
#include "history/TopicCount.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <functional>
#include <optional>

namespace fedmsg {

/**
 * @brief Synchronous, read-only queries over a History database, for GUIs and CLIs
 * (`fedmsg-tail --history`).
 *
 * It opens its own read-only SQLite connection (SQLITE_OPEN_READONLY) on first use, on the
 * calling thread, and must then be used from that thread only. In a read-only folder without a
 * usable -shm file it opens the file as immutable (no locks; says so in a warning). WAL mode lets
 * it read while History's writer thread writes; it sees every transaction committed before each
 * query starts. It never creates a database: a missing file, or one with an older or newer schema,
 * is an error (History migrates on open). Errors are returned through the optional QString *error
 * (empty result then).
 */
class HistoryReader
{
public:
    /// databasePath empty = HistoryOptions::defaultDatabasePath().
    explicit HistoryReader(const QString &databasePath = QString());
    ~HistoryReader();
    HistoryReader(const HistoryReader &) = delete;
    HistoryReader &operator=(const HistoryReader &) = delete;
    HistoryReader(HistoryReader &&) = delete;
    HistoryReader &operator=(HistoryReader &&) = delete;

    /// How a reader opens path: read-only with WAL shared memory, or immutable when the
    /// folder is not writable (folderWritable false) and no -shm file exists there (SQLite
    /// could not create one).
    static HistoryConnection::Mode openModeFor(const QString &path, bool folderWritable);

    QString databasePath() const { return m_path; }
    bool open(QString *error = nullptr);
    bool isOpen() const { return m_open; }
    void close();

    /// Matching messages, ordered and paged as the query says.
    QList<StoredMessage> search(const HistoryQuery &query, QString *error = nullptr);
    /// The matching messages one at a time, ordered and limited as the query says, with only
    /// @p columns read besides the few always read (HistoryColumns): a single statement, no
    /// list kept (a rule preview over every stored message). @p visit returns false to stop
    /// early. False and *error when the query fails (after the rows already visited).
    bool scan(const HistoryQuery &query,
        HistoryColumns columns,
        const std::function<bool(const StoredMessage &)> &visit,
        QString *error = nullptr);
    /// Number of matching messages; limit, offset and afterRowId are ignored.
    qint64 count(const HistoryQuery &query, QString *error = nullptr);
    /// Matching messages per service, most first (e.g. query.from/to as the time window);
    /// paging fields are ignored.
    QList<ServiceCount> countsPerService(const HistoryQuery &query, QString *error = nullptr);
    /// Matching messages per service and topic (the preferences' message-type counts); paging
    /// fields are ignored.
    QList<TopicCount> countsPerTopic(const HistoryQuery &query, QString *error = nullptr);
    /// One message by row id; nullopt (and *error empty) when there is no such row.
    std::optional<StoredMessage> message(qint64 id, QString *error = nullptr);

private:
    /// FROM ... WHERE ... for a query, and the row id column to order by.
    struct Selection
    {
        QString from;
        QString where;
        QString idColumn;
        QVariantList binds;
    };
    static bool select(
        const HistoryQuery &query, bool withKeyset, Selection *selection, QString *error);

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    bool m_open = false;
};

} // namespace fedmsg
