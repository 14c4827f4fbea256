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

#include <array>
#include <chrono>
#include <functional>
#include <memory>
#include <span>
#include <string>

class QSqlQuery;
class QTimer;

namespace fedmsg {

class HistoryStatement;

/**
 * @brief History's writer: the worker object that owns the read-write connection and lives on
 * History's writer thread (internal; use History).
 *
 * Records queued with enqueue() are grouped: a trickle waits up to HistoryOptions::commitDelay
 * for company, and every enqueue already in the event queue joins the same flush, which writes
 * up to maxBatch records per transaction. stored() is emitted
 * only after COMMIT succeeded. When a write fails (disk full, read-only, locked) the records stay
 * queued (bounded by maxPending), storingChanged(false, reason) is emitted once, and the write is
 * retried with the next enqueue and by a backoff timer (1 s doubling to 60 s) while records wait.
 * A corrupt file is moved aside and a new database created.
 */
class HistoryWriter : public QObject
{
    Q_OBJECT
public:
    explicit HistoryWriter(const HistoryOptions &options);
    ~HistoryWriter() override;

    // Called on the writer thread (History queues them).
    void open();
    void enqueue(QList<HistoryRecord> records);
    void markRead(const QList<qint64> &ids, bool read);
    void markAllRead();
    void setDecision(qint64 id, const QString &decision, const QString &rule);
    void setRetention(std::chrono::seconds maxAge, qint64 maxCount);
    void retryNow();
    /// Test hook: runs "PRAGMA <pragma>" on the writer connection; only query_only and
    /// max_page_count are accepted.
    void applyPragma(const QString &pragma);
    /// Last attempt to write what is queued, then closes the connection.
    void shutdown();

Q_SIGNALS:
    void ready();
    void stored(const QList<fedmsg::StoreResult> &results);
    void storingChanged(bool storing, const QString &reason);
    void updated(const QList<qint64> &ids);
    void pruned(int rows);
    void databaseReset(const QString &movedAsidePath, const QString &reason);

private:
    enum class Outcome { Ok, Failed, Corrupt, Poison };

    bool ensureOpen();
    bool openOnce(QSqlError *error, QString *reason, bool *corrupt);
    void closeConnection();
    bool recoverCorrupt(const QString &reason);
    bool prepareStatements(QSqlError *error);
    void scheduleFlush();
    void flush();
    void scheduleCheckpoint();
    void checkpoint();
    void releaseMemory(); ///< PRAGMA shrink_memory once the writer is idle
    qint64 pendingWireBytes() const; ///< Envelope::wireSize of m_pending

    Outcome writeBatch(
        std::span<const HistoryRecord> batch, QList<StoreResult> *results, QSqlError *error);
    void dropConnectionAfter(const QSqlError &error);
    void reportFailure(const QString &reason, bool retry);
    void reportSuccess();
    void schedulePrune();
    void pruneStep();
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

    QList<HistoryRecord> m_pending;
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
