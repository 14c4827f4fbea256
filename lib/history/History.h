// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// lib/history: the durable, searchable, de-duplicated store of every received message (SQLite with
// FTS5 through Qt Sql). Writes happen on History's own writer thread, never on the caller's;
// reads are synchronous on the caller's thread through a separate query-only connection.
// It must never use a transport, never render, never block the GUI thread with writes, and never
// report a message as stored (the signal acknowledgements wait for) before its transaction
// committed.

#include "history/HistoryColumns.h"
#include "history/HistoryOptions.h"
#include "history/HistoryQuery.h"
#include "history/HistoryRecord.h"
#include "history/ServiceCount.h"
#include "history/StoreResult.h"
#include "history/StoredMessage.h"
#include "history/TopicCount.h"

#include <QList>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QThread;

namespace fedmsg {

class HistoryInbox;
class HistoryReader;
class HistoryWriter;

/**
 * @brief The message store.
 *
 * Writing: store() queues records to the writer thread, which de-duplicates each one and gives
 * it its row id at once, emitting assigned() (one StoreResult per record, in input order,
 * duplicates included and flagged) before anything is written: the notifier and the UI go on
 * from there. The writes follow in batched transactions, and stored() is emitted after each
 * COMMIT with the same results. Records arriving within HistoryOptions::commitDelay share one
 * transaction (one stored()); commitNow() writes what waits at once. At-least-once sources
 * acknowledge on stored() only. An id reported by assigned() is the row's id once committed
 * (reads see the row from then on); markRead() and setDecision() on it before the commit are
 * kept. Ids only grow, also across restarts. A clean shutdown (the destructor) writes
 * everything; a crash loses what was not committed yet. If storing fails (disk full, read-only,
 * locked)
 * storingChanged(false, reason) is emitted, no stored() is emitted for the affected records, and
 * they are retried with the next store() and by a backoff timer; storingChanged(true, {}) follows
 * the first successful commit. A corrupt file is moved aside ("<file>.corrupt-<UTC time>",
 * databaseReset()) and a new one created. Retention (age, count) runs in small delete transactions
 * between write batches.
 *
 * Reading: search(), count(), countsPerService() and message() run synchronously on the calling
 * thread (the thread that created the History; other threads should use their own HistoryReader).
 * They use a query-only connection that sees committed data while the writer writes (WAL).
 * They return nothing with *error set until ready() has been emitted.
 */
class History : public QObject
{
    Q_OBJECT
public:
    /// The database at HistoryOptions::defaultDatabasePath() with default retention.
    explicit History(QObject *parent = nullptr);
    explicit History(HistoryOptions options, QObject *parent = nullptr);
    /// Writes what is still queued (one attempt), closes the database and stops the writer thread.
    ~History() override;
    Q_DISABLE_COPY_MOVE(History)

    QString databasePath() const { return m_options.databasePath; }
    /// True once the database is open with the current schema (after ready()).
    bool isReady() const { return m_ready; }
    /// False while writes fail; statusReason() says why.
    bool isStoring() const { return m_storing; }
    QString statusReason() const { return m_reason; }
    /// How often store() waited because HistoryOptions::maxQueued records were already
    /// waiting for the writer (backpressure), since start.
    quint64 inputWaits() const { return m_inputWaits; }
    /// The most records ever waiting for the writer at once (never above maxQueued).
    qsizetype inputQueuePeak() const;

    // Writes: asynchronous, on the writer thread. store() blocks only while
    // HistoryOptions::maxQueued records already wait for the writer (backpressure).
    void store(const QList<HistoryRecord> &records);
    void store(const HistoryRecord &record);
    void markRead(const QList<qint64> &ids, bool read = true);
    void markAllRead(); ///< updated() is then emitted with an empty list
    /// Removes every stored message for real: what waits is written first (so at-least-once
    /// sources are acknowledged), then all rows and their search index are deleted, the file is
    /// rewritten (VACUUM) and the WAL truncated. cleared() reports the outcome. Ids keep growing.
    void clear();
    void setDecision(qint64 id, const QString &decision, const QString &rule = QString());
    /// maxAge 0 = no age limit; maxCount 0 = no count limit. Applies from now on, incrementally.
    void setRetention(std::chrono::seconds maxAge, qint64 maxCount);
    /// The three limits of HistoryOptions (maxBytes 0 = no size limit), applied at once: a
    /// lower limit starts retention on the writer thread now (pruned() reports the rows).
    void setLimits(std::chrono::seconds maxAge, qint64 maxCount, qint64 maxBytes);
    /// Retries queued records now instead of waiting for the backoff timer; also ends the
    /// commit window (as commitNow()).
    void retry();
    /// Writes what waits now instead of at the end of the commit window (an at-least-once
    /// source with many messages waiting for their acknowledgement).
    void commitNow();
    /// Test hook: "query_only = 1" or "max_page_count = N" on the writer connection (only these).
    void applyPragmaForTesting(const QString &pragma);

    // Reads: synchronous, on the calling thread (see the class comment).
    QList<StoredMessage> search(const HistoryQuery &query, QString *error = nullptr) const;
    /// HistoryReader::scan: the matching messages one at a time, only @p columns read.
    bool scan(const HistoryQuery &query,
        HistoryColumns columns,
        const std::function<bool(const StoredMessage &)> &visit,
        QString *error = nullptr) const;
    qint64 count(const HistoryQuery &query, QString *error = nullptr) const;
    QList<ServiceCount> countsPerService(const HistoryQuery &query, QString *error = nullptr) const;
    QList<TopicCount> countsPerTopic(const HistoryQuery &query, QString *error = nullptr) const;
    std::optional<StoredMessage> message(qint64 id, QString *error = nullptr) const;

Q_SIGNALS:
    /// The database is open with the current schema (also after a corrupt file was replaced).
    void ready();
    /// Ids assigned and duplicates found, before the commit: one result per record, in input
    /// order (the ids stay the rows' ids; nothing may be acknowledged on this).
    void assigned(const QList<fedmsg::StoreResult> &results);
    /// After COMMIT: one result per stored record, in input order.
    void stored(const QList<fedmsg::StoreResult> &results);
    void storingChanged(bool storing, const QString &reason);
    /// Rows whose read state or decision changed; empty = possibly all rows.
    void updated(const QList<qint64> &ids);
    /// clear() finished: ok false when the delete or the VACUUM failed (reason says why).
    void cleared(bool ok, const QString &reason);
    /// Retention removed this many rows.
    void pruned(int rows);
    /// The database file was corrupt, moved to movedAsidePath and replaced by a new, empty one.
    void databaseReset(const QString &movedAsidePath, const QString &reason);

private:
    HistoryReader *reader(QString *error) const;

    HistoryOptions m_options;
    QThread *m_thread = nullptr;
    HistoryWriter *m_writer = nullptr;
    std::shared_ptr<HistoryInbox> m_inbox;
    quint64 m_inputWaits = 0;
    mutable std::unique_ptr<HistoryReader> m_reader;
    bool m_ready = false;
    bool m_storing = true;
    QString m_reason;
};

} // namespace fedmsg
