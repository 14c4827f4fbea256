// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "history/HistoryOptions.h"
#include "history/HistoryRecord.h"
#include "history/StoreResult.h"

#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <QStringList>

#include <array>
#include <chrono>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>

class QSqlQuery;
class QTimer;

namespace fedmsg {

class HistoryStatement;

/**
 * @brief History's writer: the worker object that owns the read-write connection and lives on
 * History's writer thread (internal; use History).
 *
 * Each record queued with enqueue() gets its row id at once (the next id above every row, kept
 * in memory and inserted explicitly) and is de-duplicated against the database and the records
 * not yet committed; assigned() reports that before any write. The writes are grouped: a
 * trickle waits up to HistoryOptions::commitDelay for company, and every enqueue already in the
 * event queue joins the same flush, which writes up to maxBatch records per transaction with
 * the ids assigned. stored() is emitted only after COMMIT succeeded. Read state and decisions
 * set for a record before its commit are written with it. When a write fails (disk full,
 * read-only, locked) the records stay queued (bounded by maxPending), storingChanged(false,
 * reason) is emitted once, and the write is retried with the next enqueue and by a backoff timer
 * (1 s doubling to 60 s) while records wait. A corrupt file is moved aside and a new database
 * created (ids keep growing).
 */
class HistoryWriter : public QObject
{
    Q_OBJECT
public:
    explicit HistoryWriter(HistoryOptions options);
    ~HistoryWriter() override;
    Q_DISABLE_COPY_MOVE(HistoryWriter)

    // Called on the writer thread (History queues them).
    void open();
    void enqueue(QList<HistoryRecord> records);
    void markRead(const QList<qint64> &ids, bool read);
    void markAllRead();
    void clearAll();
    void setDecision(qint64 id, const QString &decision, const QString &rule);
    void setRetention(std::chrono::seconds maxAge, qint64 maxCount, qint64 maxBytes);
    void retryNow();
    /// Test hook: runs "PRAGMA <pragma>" on the writer connection; only query_only and
    /// max_page_count are accepted.
    void applyPragma(const QString &pragma);
    /// Last attempt to write what is queued, then closes the connection.
    void shutdown();

Q_SIGNALS:
    void ready();
    /// Ids assigned, before the commit (one result per record, in input order).
    void assigned(const QList<fedmsg::StoreResult> &results);
    /// After COMMIT (one result per record, in input order; the ids assigned() reported).
    void stored(const QList<fedmsg::StoreResult> &results);
    void storingChanged(bool storing, const QString &reason);
    void updated(const QList<qint64> &ids);
    void pruned(int rows);
    void cleared(bool ok, const QString &reason);
    void databaseReset(const QString &movedAsidePath, const QString &reason);

private:
    enum class Outcome { Ok, Failed, Corrupt, Poison };

    /// A record waiting for its commit, with what assignPending() decided for it.
    struct Entry
    {
        HistoryRecord record;
        StoreResult result; ///< rowId and duplicate once assigned
        std::string key; ///< the de-duplication key (UTF-8), once assigned
        qint64 replaces = 0; ///< a less trusted row of the same key this one replaces
        bool read = false; ///< marked read before the commit
    };
    /// A de-duplication key of a record not yet committed.
    struct UncommittedKey
    {
        qint64 rowId = 0;
        qint64 rank = 0; ///< trust rank of that record
    };

    bool ensureOpen();
    bool openOnce(QSqlError *error, QString *reason, bool *corrupt);
    void closeConnection();
    bool recoverCorrupt(const QString &reason);
    bool prepareStatements(QSqlError *error);
    void scheduleFlush();
    /// Gives every pending record without an id one (emitting assigned()); false when the
    /// database cannot be read now (the rest waits for the next flush).
    bool assignPending();
    /// Removes the first n pending records (committed or dropped).
    void forgetPending(qsizetype n);
    void flush();
    void scheduleCheckpoint();
    void scheduleIdleRelease();
    void checkpoint();
    void releaseMemory(); ///< PRAGMA shrink_memory once the writer is idle
    qint64 pendingWireBytes() const; ///< Envelope::wireSize of m_pending

    Outcome writeBatch(std::span<const Entry> batch, QList<StoreResult> *results, QSqlError *error);
    /// Rolls the batch's transaction back after cause (*error = cause): how flush() goes on.
    Outcome abandonBatch(const QSqlError &cause, QSqlError *error);
    /// The row holding key now (this transaction included); *rowId 0 when none.
    bool findStoredRow(const std::string &key, qint64 *rowId, QSqlError *error);
    /// Writes one record of a batch inside its transaction (or finds the row that stands for
    /// it): *result gets the row id, *inserted counts rows added (minus rows replaced),
    /// *bodyBytes the body's size when a row was written. False with *error on failure.
    bool writeEntry(const Entry &entry,
        qint64 now,
        StoreResult *result,
        qint64 *inserted,
        qint64 *bodyBytes,
        QSqlError *error);
    /// Deletes the less trusted row (and its FTS entry) entry replaces.
    bool deleteReplacedRow(
        const Entry &entry, const StoreResult &result, qint64 *inserted, QSqlError *error);
    /// Binds every parameter of m_insert for entry (headers: nullptr for SQL NULL).
    void bindInsert(const Entry &entry,
        const StoreResult &result,
        qint64 rowId,
        const std::string &body,
        const std::string *headers,
        qint64 now);
    /// m_text[column] set to the UTF-8 of s (or of list's items joined by spaces).
    const std::string &textParameter(int column, QStringView s);
    const std::string &joinedParameter(int column, const QStringList &list);
    /// The insert stored nothing: another writer stored key; its row stands for this record.
    bool adoptConcurrentRow(
        const std::string &key, qint64 rowId, StoreResult *result, QSqlError *error);
    /// The FTS entry of the row just inserted (from the text bindInsert() left in m_text).
    bool insertFtsRow(qint64 rowId, QSqlError *error);
    void dropConnectionAfter(const QSqlError &error);
    void reportFailure(const QString &reason, bool retry);
    void reportSuccess();
    void schedulePrune();
    void pruneStep();
    /// One retention step's deletes and its COMMIT (after BEGIN); *deleted counts the rows.
    bool pruneInTransaction(
        qint64 maxAgeMs, int limit, bool overSize, qint64 *deleted, QSqlError *error);
    /// Deletes up to limit rows received more than maxAgeMs ago.
    bool pruneExpired(qint64 maxAgeMs, int limit, qint64 *deleted, QSqlError *error);
    /// Deletes the oldest `rows` rows.
    bool pruneOldest(qint64 rows, qint64 *deleted, QSqlError *error);
    /// After a retention step committed: counters, signals, and the next step or the shrink.
    void finishPruneStep(qint64 deleted, int limit, bool overSize);
    bool deleteSelected(qint64 *deleted, QSqlError *error);
    /// Bytes of the database's pages in use (free pages not counted); -1 and *error on failure.
    qint64 usedBytes(QSqlError *error);
    /// The database and its WAL on disk are larger than HistoryOptions::maxBytes.
    bool overSizeCap() const;
    void shrinkFile();
    void scheduleAgeTimer();
    void trimPending();
    bool runUpdate(const std::function<bool(QSqlError *)> &body);

    HistoryOptions m_options;
    QString m_connectionName;
    QSqlDatabase m_db;
    bool m_open = false;
    bool m_tooNew = false;
    std::unique_ptr<HistoryStatement> m_insert;
    std::unique_ptr<HistoryStatement> m_findKey;
    std::unique_ptr<HistoryStatement> m_deleteFts;
    std::unique_ptr<HistoryStatement> m_deleteRow;
    std::unique_ptr<HistoryStatement> m_insertFts;
    std::array<std::string, 25> m_text; ///< UTF-8 of m_insert's text parameters (reused)

    QList<Entry> m_pending; ///< oldest first; the first m_assigned have their ids
    qsizetype m_assigned = 0;
    std::unordered_map<std::string, UncommittedKey> m_uncommittedKeys;
    qint64 m_nextId = 1; ///< never goes down, also across a replaced database
    bool m_flushScheduled = false;
    bool m_pruneScheduled = false;
    bool m_shrinkPending = false; ///< retention deleted rows since the last shrinkFile()
    bool m_singleStep = false;
    bool m_storing = true;
    QString m_reason;
    qint64 m_count = 0;
    int m_retryDelayMs = 1000;
    QTimer *m_retryTimer = nullptr;
    QTimer *m_ageTimer = nullptr;
    QTimer *m_commitTimer = nullptr; ///< the group commit window (HistoryOptions::commitDelay)
    QTimer *m_checkpointTimer = nullptr; ///< PASSIVE checkpoint once idle
};

} // namespace fedmsg
