// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QStringView>

#include <memory>
#include <string>
#include <string_view>

class QSqlQuery;
struct sqlite3;
struct sqlite3_stmt;

namespace fedmsg {

/**
 * @brief One prepared statement on the history writer's hot path (internal).
 *
 * It runs on the connection's own sqlite3 handle when Qt's SQLite driver uses the same SQLite
 * library fedmsg-notify is linked with (checked by source id), binding UTF-8 text and blobs
 * directly: QSqlQuery spends more time per bound value (QVariant, a QString::arg per
 * placeholder, UTF-16 text SQLite converts back to UTF-8) than SQLite spends on the insert.
 * Otherwise the same calls go through QSqlQuery. Parameter and column indexes are 0-based.
 * Bound text and blobs must stay alive until exec() returns; exec() clears the bindings.
 */
class HistoryStatement
{
public:
    /// The sqlite3 handle behind db when it may be used directly, else nullptr. The environment
    /// variable FEDMSG_HISTORY_QT_SQL=1 forces nullptr (tests of the QSqlQuery path).
    static sqlite3 *nativeHandle(const QSqlDatabase &db);
    /// Appends s as UTF-8 to out (a lone surrogate becomes U+FFFD, as in QString::toUtf8()).
    static void appendUtf8(std::string &out, QStringView s);

    HistoryStatement(const QSqlDatabase &db, sqlite3 *handle);
    ~HistoryStatement();
    HistoryStatement(const HistoryStatement &) = delete;
    HistoryStatement &operator=(const HistoryStatement &) = delete;
    HistoryStatement(HistoryStatement &&) = delete;
    HistoryStatement &operator=(HistoryStatement &&) = delete;

    bool prepare(const char *sql, QSqlError *error);
    bool isNative() const { return m_statement != nullptr; }

    void bindText(int index, std::string_view utf8);
    void bindBlob(int index, std::string_view bytes);
    void bindInt64(int index, qint64 value);
    void bindNull(int index);

    /// Runs the statement. For a query, *row tells whether a first row can be read with
    /// int64Value(); call finish() when done with it.
    bool exec(QSqlError *error, bool *row = nullptr);
    qint64 int64Value(int column) const;
    /// Steps until the statement is done (a PRAGMA incremental_vacuum frees one page per
    /// step and yields an empty row for each); on the QSqlQuery path, runs it up to `runs`
    /// times instead (one step each). False and *error on failure.
    bool execToEnd(QSqlError *error, qint64 runs);
    void finish();
    /// Rows changed and the last inserted row id of the last successful exec().
    qint64 changes() const { return m_changes; }
    qint64 lastInsertId() const { return m_lastInsertId; }

private:
    QSqlError nativeError(int code) const;

    QSqlDatabase m_db;
    sqlite3 *m_handle = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    std::unique_ptr<QSqlQuery> m_query;
    qint64 m_changes = 0;
    qint64 m_lastInsertId = 0;
};

} // namespace fedmsg
