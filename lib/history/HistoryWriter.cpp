// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "history/HistoryWriter.h"

#include "history/HistoryConnection.h"
#include "history/HistoryLogging.h"
#include "history/HistorySchema.h"
#include "history/HistoryStatement.h"
#include "json/JsonWriter.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTimer>
#include <QVariant>

#include <array>
#include <type_traits>
#include <utility>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace fedmsg {

namespace {

// enqueue() moves records into m_pending instead of copying them.
static_assert(std::is_nothrow_move_constructible_v<HistoryRecord>);
static_assert(std::is_nothrow_move_constructible_v<StoreResult>);

constexpr int MaxRetryDelayMs = 60 * 1000;
constexpr qint64 MaxAgeTimerMs = 24LL * 60 * 60 * 1000;
// The WAL is checkpointed (PASSIVE) after a commit that left it larger than this, or when the
// writer has been idle for HistoryOptions::idleRelease; never by SQLite inside a COMMIT
// (wal_autocheckpoint = 0).
constexpr qint64 WalCheckpointBytes = 32LL * 1024 * 1024;
constexpr qint64 WalSizeLimit = 64LL * 1024 * 1024;
// Pending records that end the commit window early (once the enqueues already waiting in the
// event queue joined them): enough rows per transaction that the pages it rewrites are shared.
constexpr int EarlyCommitRows = 256;
// Bodies per transaction at most (beside HistoryOptions::maxBatch): a burst of large messages
// is written, and held in the WAL, in steps the size cap can follow.
constexpr qint64 MaxBatchBytes = 16LL * 1024 * 1024;

// Qt binds a null QString as SQL NULL; the text columns are NOT NULL with '' for "none".
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

// The de-duplication key of an envelope: "id:<msg_id>", or "sha256:<hex>" of the canonical
// body when it has no msg_id.
void appendDedupKey(std::string &key, const Envelope &e)
{
    key.clear();
    const QString msgId = e.msgId();
    if (!msgId.isEmpty()) {
        key.append("id:");
        HistoryStatement::appendUtf8(key, msgId);
        return;
    }
    const std::string body = e.canonicalBody();
    key.append("sha256:");
    key.append(
        QCryptographicHash::hash(QByteArrayView(body.data(), static_cast<qsizetype>(body.size())),
            QCryptographicHash::Sha256)
            .toHex()
            .toStdString());
}

} // namespace

HistoryWriter::HistoryWriter(HistoryOptions options)
    : m_options(std::move(options))
    , m_retryTimer(new QTimer(this))
    , m_ageTimer(new QTimer(this))
    , m_commitTimer(new QTimer(this))
    , m_checkpointTimer(new QTimer(this))
{
    if (m_options.databasePath.isEmpty())
        m_options.databasePath = HistoryOptions::defaultDatabasePath();
    m_options.pruneBatch = std::max(1, m_options.pruneBatch);
    m_options.maxBatch = std::max(1, m_options.maxBatch);
    m_options.maxPending = std::max(1, m_options.maxPending);
    m_retryTimer->setSingleShot(true);
    m_ageTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &HistoryWriter::flush);
    connect(m_ageTimer, &QTimer::timeout, this, &HistoryWriter::schedulePrune);
    m_commitTimer->setSingleShot(true);
    m_commitTimer->setTimerType(Qt::PreciseTimer);
    connect(m_commitTimer, &QTimer::timeout, this, &HistoryWriter::flush);
    m_checkpointTimer->setSingleShot(true);
    connect(m_checkpointTimer, &QTimer::timeout, this, [this] {
        if (!m_pending.isEmpty())
            return; // a commit window is open: not idle (the next flush starts this again)
        checkpoint();
        releaseMemory();
    });
}

HistoryWriter::~HistoryWriter()
{
    closeConnection();
}

void HistoryWriter::open()
{
    ensureOpen();
}

bool HistoryWriter::ensureOpen()
{
    if (m_open)
        return true;
    if (m_tooNew)
        return false;
    QSqlError error;
    QString reason;
    bool corrupt = false;
    if (openOnce(&error, &reason, &corrupt))
        return true;
    if (corrupt && recoverCorrupt(reason) && openOnce(&error, &reason, &corrupt))
        return true;
    reportFailure(reason, !m_tooNew);
    return false;
}

bool HistoryWriter::openOnce(QSqlError *error, QString *reason, bool *corrupt)
{
    closeConnection();
    const QString path = m_options.databasePath;
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        *reason = QStringLiteral("cannot create the directory %1").arg(info.absolutePath());
        return false;
    }
    HistoryConnection::repairSidecarPermissions(path);
    // The history holds what the user subscribed to: a new file is created readable by its
    // owner only (SQLite gives the -wal and -shm files the database file's mode).
    if (!QFileInfo::exists(path)) {
        QFile file(path);
        if (!file.open(
                QIODevice::WriteOnly | QIODevice::NewOnly, QFile::ReadOwner | QFile::WriteOwner))
            qCWarning(lcHistory) << "cannot create" << path << "mode 0600:" << file.errorString();
    }
    m_connectionName = HistoryConnection::uniqueName(QStringLiteral("writer"));
    m_db =
        HistoryConnection::open(path, m_connectionName, HistoryConnection::Mode::ReadWrite, error);
    if (!m_db.isValid() || !m_db.isOpen()) {
        *corrupt = HistoryConnection::classify(*error) == HistoryConnection::Failure::Corrupt;
        *reason =
            QStringLiteral("cannot open %1: %2").arg(path, HistoryConnection::describe(*error));
        closeConnection();
        return false;
    }
    QString schemaReason;
    const HistorySchema::Result result = HistorySchema::prepare(m_db, error, &schemaReason);
    if (result != HistorySchema::Result::Ok) {
        m_tooNew = result == HistorySchema::Result::TooNew;
        *corrupt =
            !m_tooNew && HistoryConnection::classify(*error) == HistoryConnection::Failure::Corrupt;
        *reason = QStringLiteral("%1: %2").arg(path, schemaReason);
        closeConnection();
        return false;
    }
    if (!prepareStatements(error)) {
        *corrupt = HistoryConnection::classify(*error) == HistoryConnection::Failure::Corrupt;
        *reason = QStringLiteral("%1: %2").arg(path, HistoryConnection::describe(*error));
        closeConnection();
        return false;
    }
    QSqlQuery count(m_db);
    if (!count.exec(QStringLiteral("SELECT count(*), coalesce(max(id), 0) FROM messages"))
        || !count.next()) {
        *error = count.lastError();
        *corrupt = HistoryConnection::classify(*error) == HistoryConnection::Failure::Corrupt;
        *reason = QStringLiteral("%1: %2").arg(path, HistoryConnection::describe(*error));
        count.finish();
        closeConnection();
        return false;
    }
    m_count = count.value(0).toLongLong();
    // Ids handed out are never given again: not after a reopen, nor to a replaced database.
    m_nextId = std::max(m_nextId, count.value(1).toLongLong() + 1);
    count.finish();
    // No checkpoint inside COMMIT (SQLite's default runs one in the committing statement every
    // 1000 pages, a 16-26 ms stall on the insert path): checkpoint() runs between batches,
    // after stored() was emitted, once the WAL is WalCheckpointBytes large or the writer is
    // idle. Copying a hot page back once per 32 MiB of WAL instead of once per 4 MiB also
    // writes each page fewer times. The WAL is cut back to WalSizeLimit when it restarts.
    HistoryConnection::exec(m_db, QStringLiteral("PRAGMA wal_autocheckpoint = 0"));
    HistoryConnection::exec(
        m_db, QStringLiteral("PRAGMA journal_size_limit = %1").arg(WalSizeLimit));
    // Free pages beyond an eighth of the file (the copy a migration to schema version 4 left
    // behind, a shrink cut short): given back by the first retention step (shrinkFile()).
    QSqlQuery pages(m_db);
    if (pages.exec(QStringLiteral("SELECT (SELECT freelist_count FROM pragma_freelist_count()),"
                                  " (SELECT page_count FROM pragma_page_count())"))
        && pages.next() && pages.value(0).toLongLong() * 8 > pages.value(1).toLongLong())
        m_shrinkPending = true;
    pages.finish();
    m_open = true;
    qCInfo(lcHistory) << "history database" << path << "open with" << m_count << "messages;"
                      << (m_insert->isNative() ? "writes on the sqlite3 handle"
                                               : "writes through QSqlQuery");
    Q_EMIT ready();
    schedulePrune();
    return true;
}

void HistoryWriter::closeConnection()
{
    m_insert.reset();
    m_findKey.reset();
    m_deleteFts.reset();
    m_deleteRow.reset();
    m_insertFts.reset();
    m_open = false;
    if (!m_connectionName.isEmpty()) {
        m_db = QSqlDatabase();
        HistoryConnection::close(m_connectionName);
        m_connectionName.clear();
    }
}

bool HistoryWriter::recoverCorrupt(const QString &reason)
{
    closeConnection();
    QString moveError;
    const QString movedTo = HistoryConnection::moveAside(m_options.databasePath, &moveError);
    if (movedTo.isEmpty()) {
        reportFailure(moveError, true);
        return false;
    }
    Q_EMIT databaseReset(movedTo, reason);
    return true;
}

bool HistoryWriter::prepareStatements(QSqlError *error)
{
    // Schema changes (even of TEMP) come before preparing: they would expire prepared statements.
    if (!HistoryConnection::exec(m_db,
            QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS prune_ids (id INTEGER PRIMARY KEY)"),
            error))
        return false;
    sqlite3 *handle = HistoryStatement::nativeHandle(m_db);
    m_insert = std::make_unique<HistoryStatement>(m_db, handle);
    m_findKey = std::make_unique<HistoryStatement>(m_db, handle);
    m_deleteFts = std::make_unique<HistoryStatement>(m_db, handle);
    m_deleteRow = std::make_unique<HistoryStatement>(m_db, handle);
    m_insertFts = std::make_unique<HistoryStatement>(m_db, handle);
    // The id is the one assignPending() handed out (parameter 25), with the read state set
    // before the commit (26) and the key's hash (27). Nothing is inserted when a row holds the
    // key already (hash 28 and key 29: the same two again; only the hash is indexed).
    return m_insert->prepare(
               "INSERT INTO messages (dedup_key, msg_id, topic, body, headers, bus_name, endpoint,"
               " transport, trust, trust_reason, received_at, sent_at, title, subtitle, long_form,"
               " link, icon, secondary_icon, service_name, service_label, usernames, packages,"
               " extra, decision, decision_rule, id, is_read, dedup_hash) SELECT ?, ?, ?, ?, ?, ?,"
               " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
               " WHERE NOT EXISTS (SELECT 1 FROM messages WHERE dedup_hash = ? AND dedup_key = ?)",
               error)
        // The existing row and how much its trust is worth (trustRank()).
        && m_findKey->prepare("SELECT id, CASE trust WHEN 'trusted' THEN 3"
                              " WHEN 'broker-unsigned' THEN 2 WHEN 'unchecked' THEN 1 ELSE 0 END"
                              " FROM messages WHERE dedup_hash = ? AND dedup_key = ?",
            error)
        && m_deleteFts->prepare("INSERT INTO messages_fts (messages_fts, rowid, title, subtitle,"
                                " topic, usernames, packages) SELECT 'delete', id, title,"
                                " subtitle, topic, usernames, packages FROM messages WHERE id = ?",
            error)
        && m_deleteRow->prepare("DELETE FROM messages WHERE id = ?", error)
        && m_insertFts->prepare("INSERT INTO messages_fts (rowid, title, subtitle, topic,"
                                " usernames, packages) VALUES (?, ?, ?, ?, ?, ?)",
            error);
}

void HistoryWriter::enqueue(QList<HistoryRecord> records)
{
    if (records.isEmpty())
        return;
    m_pending.reserve(m_pending.size() + records.size());
    for (HistoryRecord &record : records)
        m_pending.append(Entry { std::move(record), {}, {}, 0, false });
    records.clear();
    // Ids and duplicates now, before any write: the records go on to the notifier and the UI
    // at once, whatever the commit window.
    assignPending();
    if (!m_storing) {
        trimPending(); // held because writes fail: bounded
        scheduleFlush();
    } else if (m_pending.size() >= m_options.maxBatch) {
        flush(); // a burst: write full batches now instead of collecting the whole burst
    } else if (m_options.commitDelay.count() <= 0 || m_pending.size() >= EarlyCommitRows
        || pendingWireBytes() >= std::min(MaxBatchBytes, m_options.maxQueuedBytes)) {
        // Enough rows, or enough bytes (big messages: store() may be waiting for room), for a
        // transaction of their own: no reason to wait for more.
        scheduleFlush();
    } else if (!m_commitTimer->isActive()) {
        // A trickle: wait up to commitDelay for more, so that they share one transaction.
        m_commitTimer->start(m_options.commitDelay);
    }
}

qint64 HistoryWriter::pendingWireBytes() const
{
    qint64 bytes = 0;
    for (const Entry &entry : m_pending) // fewer than EarlyCommitRows when asked
        bytes += entry.record.envelope.wireSize();
    return bytes;
}

void HistoryWriter::trimPending()
{
    const qsizetype excess = m_pending.size() - m_options.maxPending;
    if (excess > 0) {
        qCWarning(lcHistory) << "history cannot store; dropping" << excess
                             << "queued messages beyond the limit of" << m_options.maxPending;
        forgetPending(excess);
    }
}

void HistoryWriter::forgetPending(qsizetype n)
{
    n = std::min(n, m_pending.size());
    for (qsizetype i = 0; i < std::min(n, m_assigned); ++i) {
        const Entry &entry = m_pending.at(i);
        if (entry.result.duplicate)
            continue;
        // Committed (or dropped): from now on the database answers for this key, unless a
        // later record took it over (it replaces this one).
        const auto it = m_uncommittedKeys.find(entry.key);
        if (it != m_uncommittedKeys.end() && it->second.rowId == entry.result.rowId)
            m_uncommittedKeys.erase(it);
    }
    m_pending.remove(0, n);
    m_assigned = std::max<qsizetype>(0, m_assigned - n);
}

bool HistoryWriter::assignPending()
{
    if (m_assigned >= m_pending.size())
        return true;
    if (!ensureOpen())
        return false;
    QList<StoreResult> results;
    results.reserve(m_pending.size() - m_assigned);
    bool ok = true;
    QSqlError error;
    for (; m_assigned < m_pending.size(); ++m_assigned) {
        Entry &entry = m_pending[m_assigned];
        const Envelope &e = entry.record.envelope;
        appendDedupKey(entry.key, e);
        const qint64 rank = trustRank(e.trust());
        qint64 existing = 0;
        qint64 existingRank = 0;
        const auto uncommitted = m_uncommittedKeys.find(entry.key);
        if (uncommitted != m_uncommittedKeys.end()) {
            existing = uncommitted->second.rowId;
            existingRank = uncommitted->second.rank;
        } else {
            bool found = false;
            m_findKey->bindInt64(0, HistorySchema::deduplicationHash(entry.key));
            m_findKey->bindText(1, entry.key);
            if (!m_findKey->exec(&error, &found)) {
                ok = false;
                break;
            }
            if (found) {
                existing = m_findKey->int64Value(0);
                existingRank = m_findKey->int64Value(1);
            }
            m_findKey->finish();
        }
        StoreResult &result = entry.result;
        result.deliveryTag = e.deliveryTag();
        result.msgId = e.msgId();
        result.trust = e.trust();
        if (existing != 0 && rank <= existingRank) {
            result.duplicate = true;
            result.rowId = existing;
        } else {
            // New, or a more trusted copy of a stored one (unsigned, forged, replayed copies
            // must not hide it): it replaces that row when written and is reported new.
            result.rowId = m_nextId++;
            entry.replaces = existing;
            m_uncommittedKeys[entry.key] = UncommittedKey { result.rowId, rank };
        }
        results.append(result);
    }
    if (!results.isEmpty())
        Q_EMIT assigned(results);
    if (!ok) {
        m_findKey->finish();
        dropConnectionAfter(error);
        reportFailure(HistoryConnection::describe(error), true);
    }
    return ok;
}

void HistoryWriter::scheduleFlush()
{
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    // Queued: every enqueue already waiting in the event queue joins this flush.
    QMetaObject::invokeMethod(this, &HistoryWriter::flush, Qt::QueuedConnection);
}

void HistoryWriter::retryNow()
{
    m_retryTimer->stop();
    flush();
}

void HistoryWriter::flush()
{
    m_flushScheduled = false;
    m_retryTimer->stop();
    m_commitTimer->stop();
    int corruptRecoveries = 0;
    while (!m_pending.isEmpty()) {
        if (!ensureOpen() || !assignPending())
            return; // reportFailure scheduled the retry
        const int size = m_singleStep
            ? 1
            : static_cast<int>(std::min<qsizetype>(m_options.maxBatch, m_pending.size()));
        // Written straight from m_pending (no copy); removed only once committed.
        const std::span<const Entry> batch(m_pending.constData(), size);
        QList<StoreResult> results;
        QSqlError error;
        switch (writeBatch(batch, &results, &error)) {
        case Outcome::Ok:
            forgetPending(results.size()); // a byte-limited batch may end early
            reportSuccess();
            Q_EMIT stored(results);
            if (overSizeCap())
                pruneStep(); // a long burst of large messages: keep the cap between batches
            break;
        case Outcome::Corrupt:
            if (++corruptRecoveries > 1 || !recoverCorrupt(HistoryConnection::describe(error))) {
                reportFailure(HistoryConnection::describe(error), true);
                return;
            }
            break;
        case Outcome::Poison:
            if (size > 1) {
                m_singleStep = true; // find the record that fails, write the others
            } else {
                qCWarning(lcHistory) << "dropping a message history cannot store:"
                                     << HistoryConnection::describe(error) << "msg_id"
                                     << batch.front().record.envelope.msgId();
                forgetPending(1);
            }
            break;
        case Outcome::Failed:
            dropConnectionAfter(error);
            reportFailure(HistoryConnection::describe(error), true);
            return;
        }
    }
    m_singleStep = false;
    schedulePrune();
    scheduleCheckpoint();
}

void HistoryWriter::scheduleCheckpoint()
{
    // After the commit was acknowledged: a large WAL is checkpointed now (between batches),
    // a small one once the writer has been idle for a while.
    const qint64 walSize = QFileInfo(m_options.databasePath + QStringLiteral("-wal")).size();
    if (walSize >= WalCheckpointBytes)
        checkpoint();
    scheduleIdleRelease();
}

void HistoryWriter::scheduleIdleRelease()
{
    // Once idle: a checkpoint of what is left and the page cache given back. Restarted by every
    // write and retention step, so it runs after the last of them (a retention step refills the
    // page cache too).
    m_checkpointTimer->start(m_options.idleRelease);
}

void HistoryWriter::checkpoint()
{
    m_checkpointTimer->stop();
    if (!m_open)
        return;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")))
        qCDebug(lcHistory) << "WAL checkpoint failed:" << q.lastError().text();
    q.finish();
}

void HistoryWriter::releaseMemory()
{
    if (!m_open)
        return;
    // Idle after writing: give the page cache back (it refills on the next batch).
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA shrink_memory")))
        qCDebug(lcHistory) << "shrink_memory failed:" << q.lastError().text();
    q.finish();
#if defined(__GLIBC__)
    malloc_trim(0); // glibc keeps what SQLite freed in its arenas otherwise
#endif
}

HistoryWriter::Outcome HistoryWriter::writeBatch(
    std::span<const Entry> batch, QList<StoreResult> *results, QSqlError *error)
{
    QSqlError beginError;
    if (!HistoryConnection::exec(m_db, QStringLiteral("BEGIN IMMEDIATE"), &beginError)) {
        *error = beginError;
        return HistoryConnection::classify(beginError) == HistoryConnection::Failure::Corrupt
            ? Outcome::Corrupt
            : Outcome::Failed; // never treat a failed BEGIN as a poison record
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    results->reserve(static_cast<qsizetype>(batch.size()));
    qint64 inserted = 0;
    qint64 batchBytes = 0;
    for (const Entry &entry : batch) {
        StoreResult result = entry.result;
        qint64 bodyBytes = 0;
        QSqlError rowError;
        if (!writeEntry(entry, now, &result, &inserted, &bodyBytes, &rowError))
            return abandonBatch(rowError, error);
        results->append(result);
        batchBytes += bodyBytes;
        if (batchBytes >= MaxBatchBytes)
            break; // large messages: the rest goes in the next transaction
    }
    for (std::string &buffer : m_text) {
        if (buffer.capacity() > std::size_t { 1024 } * 1024)
            std::string().swap(buffer); // one huge message does not keep its buffers forever
    }
    QSqlError commitError;
    if (!HistoryConnection::exec(m_db, QStringLiteral("COMMIT"), &commitError)) {
        results->clear();
        const Outcome outcome = abandonBatch(commitError, error);
        return outcome == Outcome::Poison ? Outcome::Failed : outcome;
    }
    m_count += inserted;
    return Outcome::Ok;
}

HistoryWriter::Outcome HistoryWriter::abandonBatch(const QSqlError &cause, QSqlError *error)
{
    *error = cause;
    m_findKey->finish();
    m_deleteFts->finish();
    m_deleteRow->finish();
    m_insert->finish();
    m_insertFts->finish();
    HistoryConnection::exec(m_db, QStringLiteral("ROLLBACK"));
    switch (HistoryConnection::classify(cause)) {
    case HistoryConnection::Failure::Corrupt:
        return Outcome::Corrupt;
    case HistoryConnection::Failure::Other:
        return Outcome::Poison;
    default:
        return Outcome::Failed;
    }
}

bool HistoryWriter::findStoredRow(const std::string &key, qint64 *rowId, QSqlError *error)
{
    bool found = false;
    m_findKey->bindInt64(0, HistorySchema::deduplicationHash(key));
    m_findKey->bindText(1, key);
    if (!m_findKey->exec(error, &found))
        return false;
    *rowId = found ? m_findKey->int64Value(0) : 0;
    m_findKey->finish();
    return true;
}

bool HistoryWriter::writeEntry(const Entry &entry,
    qint64 now,
    StoreResult *result,
    qint64 *inserted,
    qint64 *bodyBytes,
    QSqlError *error)
{
    qint64 rowId = result->rowId;
    if (result->duplicate) {
        // Its original is written (earlier in this batch or before) unless it was dropped
        // while storing failed or the database was replaced: then this copy is stored.
        qint64 existing = 0;
        if (!findStoredRow(entry.key, &existing, error))
            return false;
        if (existing != 0) {
            result->rowId = existing;
            return true;
        }
        rowId = m_nextId++;
        qCInfo(lcHistory) << "storing a copy of msg_id" << result->msgId
                          << "whose original was never stored, as row" << rowId;
        result->rowId = rowId;
    }
    const Envelope &e = entry.record.envelope;
    const std::string body = e.canonicalBody();
    std::string headers;
    const bool hasHeaders = e.transport() == Envelope::Transport::Amqp && !e.headers().isNull();
    if (hasHeaders)
        headers = JsonWriter::canonical(e.headers());
    if (entry.replaces != 0 && !deleteReplacedRow(entry, *result, inserted, error))
        return false;
    bindInsert(entry, *result, rowId, body, hasHeaders ? &headers : nullptr, now);
    if (!m_insert->exec(error))
        return false;
    *bodyBytes = static_cast<qint64>(body.size());
    if (m_insert->changes() == 0)
        return adoptConcurrentRow(entry.key, rowId, result, error);
    ++*inserted;
    return insertFtsRow(rowId, error);
}

bool HistoryWriter::deleteReplacedRow(
    const Entry &entry, const StoreResult &result, qint64 *inserted, QSqlError *error)
{
    // A less trusted copy of this message is stored: it goes (its FTS entry with it).
    qCWarning(lcHistory) << "replacing a less trusted copy of msg_id" << result.msgId
                         << "with one that is" << trustStateName(entry.record.envelope.trust());
    m_deleteFts->bindInt64(0, entry.replaces);
    if (!m_deleteFts->exec(error))
        return false;
    m_deleteRow->bindInt64(0, entry.replaces);
    if (!m_deleteRow->exec(error))
        return false;
    *inserted -= m_deleteRow->changes();
    return true;
}

const std::string &HistoryWriter::textParameter(int column, QStringView s)
{
    // UTF-8 of each text parameter of m_insert, reused from row to row; m_insertFts binds the
    // same buffers. They stay unchanged until the row's statements ran.
    std::string &out = m_text[static_cast<std::size_t>(column)];
    out.clear();
    HistoryStatement::appendUtf8(out, s);
    return out;
}

const std::string &HistoryWriter::joinedParameter(int column, const QStringList &list)
{
    std::string &out = m_text[static_cast<std::size_t>(column)];
    out.clear();
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (i > 0)
            out.push_back(' ');
        HistoryStatement::appendUtf8(out, list.at(i));
    }
    return out;
}

void HistoryWriter::bindInsert(const Entry &entry,
    const StoreResult &result,
    qint64 rowId,
    const std::string &body,
    const std::string *headers,
    qint64 now)
{
    const HistoryRecord &record = entry.record;
    const Envelope &e = record.envelope;
    const Rendering &r = record.rendering;
    const std::string &key = entry.key;
    HistoryStatement &q = *m_insert;
    q.bindText(0, key);
    q.bindText(1, textParameter(1, result.msgId));
    q.bindText(2, textParameter(2, e.topic()));
    q.bindBlob(3, body);
    if (headers)
        q.bindBlob(4, *headers);
    else
        q.bindNull(4);
    q.bindText(5, textParameter(5, e.busName()));
    q.bindText(6, textParameter(6, e.endpoint()));
    q.bindText(7, e.transport() == Envelope::Transport::Amqp ? "amqp" : "zeromq");
    q.bindText(8, textParameter(8, trustStateName(e.trust())));
    q.bindText(9, textParameter(9, e.trustReason()));
    q.bindInt64(10, e.receivedAt().isValid() ? e.receivedAt().toMSecsSinceEpoch() : now);
    if (e.sentAt().isValid())
        q.bindInt64(11, e.sentAt().toMSecsSinceEpoch());
    else
        q.bindNull(11);
    q.bindText(12, textParameter(12, r.title));
    q.bindText(13, textParameter(13, r.subtitle));
    q.bindText(14, textParameter(14, r.longForm));
    q.bindText(15, textParameter(15, r.link));
    q.bindText(16, textParameter(16, r.icon));
    q.bindText(17, textParameter(17, r.secondaryIcon));
    q.bindText(18, textParameter(18, r.serviceName));
    q.bindText(19, textParameter(19, r.serviceLabel));
    q.bindText(20, joinedParameter(20, r.usernames));
    q.bindText(21, joinedParameter(21, r.packages));
    std::string &extra = m_text[22];
    extra.clear();
    HistorySchema::appendExtraJson(extra, r);
    q.bindText(22, extra);
    q.bindText(23, textParameter(23, record.decision));
    q.bindText(24, textParameter(24, record.decisionRule));
    q.bindInt64(25, rowId);
    q.bindInt64(26, entry.read ? 1 : 0);
    const qint64 hash = HistorySchema::deduplicationHash(key);
    q.bindInt64(27, hash);
    q.bindInt64(28, hash);
    q.bindText(29, key);
}

bool HistoryWriter::adoptConcurrentRow(
    const std::string &key, qint64 rowId, StoreResult *result, QSqlError *error)
{
    // Only another writer of this file can have stored the key since the id was assigned: that
    // row stands for this message.
    qint64 existing = 0;
    if (!findStoredRow(key, &existing, error))
        return false;
    if (existing == 0) {
        *error = QSqlError(QStringLiteral("duplicate message row vanished"),
            QStringLiteral("no row for key %1").arg(QString::fromStdString(key)),
            QSqlError::StatementError);
        return false;
    }
    qCWarning(lcHistory) << "msg_id" << result->msgId << "was stored as row" << existing
                         << "by another writer; row" << rowId << "stays unused";
    result->rowId = existing;
    result->duplicate = true;
    return true;
}

bool HistoryWriter::insertFtsRow(qint64 rowId, QSqlError *error)
{
    // The text bindInsert() wrote into m_text for this row.
    HistoryStatement &fts = *m_insertFts;
    fts.bindInt64(0, rowId);
    fts.bindText(1, m_text[12]); // title
    fts.bindText(2, m_text[13]); // subtitle
    fts.bindText(3, m_text[2]); // topic
    fts.bindText(4, m_text[20]); // usernames
    fts.bindText(5, m_text[21]); // packages
    return fts.exec(error);
}

void HistoryWriter::dropConnectionAfter(const QSqlError &error)
{
    switch (HistoryConnection::classify(error)) {
    case HistoryConnection::Failure::ReadOnly:
    case HistoryConnection::Failure::CannotOpen:
    case HistoryConnection::Failure::Io:
        // SQLite opens a file it may not write (chmod 444, a read-only mount) read-only, and
        // that connection stays read-only after the file became writable again: the retry
        // opens a new one.
        closeConnection();
        break;
    default:
        break; // busy or full: the same connection works once the lock or space is back
    }
}

void HistoryWriter::reportFailure(const QString &reason, bool retry)
{
    if (m_storing || reason != m_reason) {
        qCWarning(lcHistory) << "history stopped storing:" << reason;
        m_storing = false;
        m_reason = reason;
        Q_EMIT storingChanged(false, reason);
    }
    if (retry && !m_pending.isEmpty() && !m_retryTimer->isActive()) {
        m_retryTimer->start(m_retryDelayMs);
        m_retryDelayMs = std::min(m_retryDelayMs * 2, MaxRetryDelayMs);
    }
}

void HistoryWriter::reportSuccess()
{
    m_retryDelayMs = 1000;
    if (!m_storing) {
        qCInfo(lcHistory) << "history is storing again";
        m_storing = true;
        m_reason.clear();
        Q_EMIT storingChanged(true, QString());
    }
}

void HistoryWriter::schedulePrune()
{
    if (m_pruneScheduled)
        return;
    m_pruneScheduled = true;
    QMetaObject::invokeMethod(this, &HistoryWriter::pruneStep, Qt::QueuedConnection);
}

void HistoryWriter::pruneStep()
{
    m_pruneScheduled = false;
    if (!m_open || !m_storing)
        return;
    const qint64 maxAgeMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(m_options.maxAge).count();
    if (maxAgeMs <= 0 && m_options.maxCount <= 0 && m_options.maxBytes <= 0)
        return;
    const int limit = m_options.pruneBatch;
    qint64 deleted = 0;
    const bool overSize = overSizeCap();
    QSqlError error;
    const bool ok = HistoryConnection::exec(m_db, QStringLiteral("BEGIN IMMEDIATE"), &error)
        && pruneInTransaction(maxAgeMs, limit, overSize, &deleted, &error);
    if (!ok) {
        HistoryConnection::exec(m_db, QStringLiteral("ROLLBACK"));
        qCWarning(lcHistory) << "history retention step failed:"
                             << HistoryConnection::describe(error);
        if (HistoryConnection::classify(error) == HistoryConnection::Failure::Corrupt
            && recoverCorrupt(HistoryConnection::describe(error)))
            ensureOpen();
        return;
    }
    finishPruneStep(deleted, limit, overSize);
}

bool HistoryWriter::pruneInTransaction(
    qint64 maxAgeMs, int limit, bool overSize, qint64 *deleted, QSqlError *error)
{
    if (maxAgeMs > 0 && !pruneExpired(maxAgeMs, limit, deleted, error))
        return false;
    const qint64 excess = m_options.maxCount > 0 ? m_count - *deleted - m_options.maxCount : 0;
    if (excess > 0 && *deleted < limit
        && !pruneOldest(std::min<qint64>(excess, limit - *deleted), deleted, error))
        return false;
    // The size cap: once the files on disk exceed maxBytes, the oldest rows go until the pages
    // in use fit in 7/8 of it (the rest is room for the WAL and free pages, given back by
    // shrinkFile()); the count is estimated from the average row size, and the next step
    // checks again.
    const qint64 used = overSize ? usedBytes(error) : 0;
    if (used < 0)
        return false;
    const qint64 target = m_options.maxBytes - m_options.maxBytes / 8;
    const qint64 rows = m_count - *deleted;
    if (used > target && rows > 0 && *deleted < limit) {
        const qint64 perRow = std::max<qint64>(1, used / rows);
        const qint64 n =
            std::clamp<qint64>((used - target + perRow - 1) / perRow, 1, limit - *deleted);
        if (!pruneOldest(n, deleted, error))
            return false;
    }
    return HistoryConnection::exec(m_db, QStringLiteral("COMMIT"), error);
}

bool HistoryWriter::pruneExpired(qint64 maxAgeMs, int limit, qint64 *deleted, QSqlError *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO prune_ids (id) SELECT id FROM messages"
                             " WHERE received_at < ? ORDER BY received_at LIMIT ?"));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch() - maxAgeMs);
    q.addBindValue(limit);
    if (!q.exec()) {
        *error = q.lastError();
        return false;
    }
    return deleteSelected(deleted, error);
}

bool HistoryWriter::pruneOldest(qint64 rows, qint64 *deleted, QSqlError *error)
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("INSERT INTO prune_ids (id) SELECT id FROM messages ORDER BY id LIMIT ?"));
    q.addBindValue(rows);
    if (!q.exec()) {
        *error = q.lastError();
        return false;
    }
    return deleteSelected(deleted, error);
}

void HistoryWriter::finishPruneStep(qint64 deleted, int limit, bool overSize)
{
    m_count -= deleted;
    if (overSize)
        m_shrinkPending = true; // free pages or a large WAL: give the space back
    if (deleted > 0) {
        m_shrinkPending = true;
        qCDebug(lcHistory) << "retention removed" << deleted << "messages;" << m_count << "left";
        Q_EMIT pruned(static_cast<int>(deleted));
    }
    if (deleted >= limit || (overSize && deleted > 0)) {
        schedulePrune(); // more to do: continue after whatever is queued (inserts first)
    } else {
        if (m_shrinkPending)
            shrinkFile();
        scheduleAgeTimer();
        if (deleted > 0)
            scheduleIdleRelease();
    }
}

qint64 HistoryWriter::usedBytes(QSqlError *error)
{
    std::array<qint64, 3> values = {};
    const std::array<const char *, 3> pragmas = {
        "PRAGMA page_count", "PRAGMA freelist_count", "PRAGMA page_size"
    };
    for (std::size_t i = 0; i < pragmas.size(); ++i) {
        QSqlQuery q(m_db);
        if (!q.exec(QString::fromLatin1(pragmas[i])) || !q.next()) {
            *error = q.lastError();
            return -1;
        }
        values[i] = q.value(0).toLongLong();
    }
    return (values[0] - values[1]) * values[2];
}

bool HistoryWriter::overSizeCap() const
{
    if (m_options.maxBytes <= 0)
        return false;
    return QFileInfo(m_options.databasePath).size()
        + QFileInfo(m_options.databasePath + QStringLiteral("-wal")).size()
        > m_options.maxBytes;
}

void HistoryWriter::shrinkFile()
{
    // Retention freed pages: give them back to the file system (auto_vacuum = INCREMENTAL,
    // HistorySchema) and truncate the WAL, which holds a copy of every page the deletes
    // touched, so the file really shrinks.
    m_shrinkPending = false;
    const qint64 before = QFileInfo(m_options.databasePath).size()
        + QFileInfo(m_options.databasePath + QStringLiteral("-wal")).size();
    QSqlError error;
    qint64 freePages = 0;
    {
        QSqlQuery count(m_db);
        if (count.exec(QStringLiteral("PRAGMA freelist_count")) && count.next())
            freePages = count.value(0).toLongLong();
    }
    if (freePages > 0) {
        HistoryStatement vacuum(m_db, HistoryStatement::nativeHandle(m_db));
        if (!vacuum.prepare("PRAGMA incremental_vacuum", &error)
            || !vacuum.execToEnd(&error, freePages))
            qCWarning(lcHistory) << "incremental vacuum failed:"
                                 << HistoryConnection::describe(error);
    }
    QSqlQuery checkpoint(m_db);
    if (!checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")))
        qCDebug(lcHistory) << "WAL truncate failed:" << checkpoint.lastError().text();
    checkpoint.finish();
    const qint64 after = QFileInfo(m_options.databasePath).size()
        + QFileInfo(m_options.databasePath + QStringLiteral("-wal")).size();
    qCDebug(lcHistory) << "history files shrank from" << before << "to" << after << "bytes";
}

// Deletes the rows listed in the temp table prune_ids with their FTS entries (one statement
// each: cheap for FTS5), then empties prune_ids.
bool HistoryWriter::deleteSelected(qint64 *deleted, QSqlError *error)
{
    static const std::array<const char *, 3> statements = {
        "INSERT INTO messages_fts (messages_fts, rowid, title, subtitle, topic, usernames, "
        "packages)"
        " SELECT 'delete', id, title, subtitle, topic, usernames, packages FROM messages"
        " WHERE id IN (SELECT id FROM prune_ids)",
        "DELETE FROM messages WHERE id IN (SELECT id FROM prune_ids)",
        "DELETE FROM prune_ids",
    };
    for (const char *statement : statements) {
        QSqlQuery q(m_db);
        if (!q.exec(QString::fromLatin1(statement))) {
            *error = q.lastError();
            return false;
        }
        if (QLatin1String(statement).startsWith(QLatin1String("DELETE FROM messages ")))
            *deleted += q.numRowsAffected();
    }
    return true;
}

void HistoryWriter::scheduleAgeTimer()
{
    m_ageTimer->stop();
    const qint64 maxAgeMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(m_options.maxAge).count();
    if (maxAgeMs <= 0 || !m_open)
        return;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT min(received_at) FROM messages")) || !q.next()
        || q.value(0).isNull())
        return;
    const qint64 due = q.value(0).toLongLong() + maxAgeMs - QDateTime::currentMSecsSinceEpoch();
    q.finish();
    // Wake when the oldest message expires (not a periodic poll); capped so a clock change heals.
    m_ageTimer->start(static_cast<int>(std::clamp<qint64>(due + 1000, 1000, MaxAgeTimerMs)));
}

void HistoryWriter::setRetention(std::chrono::seconds maxAge, qint64 maxCount, qint64 maxBytes)
{
    m_options.maxAge = maxAge;
    m_options.maxCount = maxCount;
    m_options.maxBytes = maxBytes;
    schedulePrune();
}

bool HistoryWriter::runUpdate(const std::function<bool(QSqlError *)> &body)
{
    if (!ensureOpen())
        return false;
    QSqlError error;
    if (HistoryConnection::exec(m_db, QStringLiteral("BEGIN IMMEDIATE"), &error) && body(&error)
        && HistoryConnection::exec(m_db, QStringLiteral("COMMIT"), &error))
        return true;
    HistoryConnection::exec(m_db, QStringLiteral("ROLLBACK"));
    qCWarning(lcHistory) << "history update failed:" << HistoryConnection::describe(error);
    if (HistoryConnection::classify(error) == HistoryConnection::Failure::Corrupt) {
        if (recoverCorrupt(HistoryConnection::describe(error)))
            ensureOpen();
    } else {
        dropConnectionAfter(error);
        reportFailure(HistoryConnection::describe(error), true);
    }
    return false;
}

void HistoryWriter::markRead(const QList<qint64> &ids, bool read)
{
    if (ids.isEmpty())
        return;
    // Records not committed yet are written with this state; the UPDATE covers the others.
    for (qsizetype i = 0; i < m_assigned; ++i) {
        Entry &entry = m_pending[i];
        if (!entry.result.duplicate && ids.contains(entry.result.rowId))
            entry.read = read;
    }
    const bool ok = runUpdate([&](QSqlError *error) {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE messages SET is_read = ? WHERE id = ?"));
        for (qint64 id : ids) {
            q.bindValue(0, read ? 1 : 0);
            q.bindValue(1, id);
            if (!q.exec()) {
                *error = q.lastError();
                return false;
            }
        }
        return true;
    });
    if (ok)
        Q_EMIT updated(ids);
}

void HistoryWriter::markAllRead()
{
    for (qsizetype i = 0; i < m_assigned; ++i)
        m_pending[i].read = true;
    const bool ok = runUpdate([&](QSqlError *error) {
        // The unread ids from the narrow messages_id_state index (the rows themselves are only
        // read to be changed).
        return HistoryConnection::exec(m_db,
            QStringLiteral("UPDATE messages SET is_read = 1 WHERE id IN"
                           " (SELECT id FROM messages"
                           " WHERE is_read = 0)"),
            error);
    });
    if (ok)
        Q_EMIT updated({});
}

void HistoryWriter::clearAll()
{
    flush(); // what waits is stored (and acknowledged) first, then removed with the rest
    if (!m_pending.isEmpty()) {
        Q_EMIT cleared(false, m_reason);
        return;
    }
    const bool ok = runUpdate([&](QSqlError *error) {
        return HistoryConnection::exec(m_db,
                   QStringLiteral("INSERT INTO messages_fts(messages_fts) VALUES ('delete-all')"),
                   error)
            && HistoryConnection::exec(m_db, QStringLiteral("DELETE FROM messages"), error);
    });
    if (!ok) {
        Q_EMIT cleared(false, m_reason);
        return;
    }
    m_count = 0;
    Q_EMIT updated({});
    // The deleted rows' bytes stay in free pages and in the WAL until the file is rewritten.
    QSqlError error;
    const bool vacuumed = HistoryConnection::exec(m_db, QStringLiteral("VACUUM"), &error);
    if (!vacuumed)
        qCWarning(lcHistory) << "VACUUM after clearing failed:"
                             << HistoryConnection::describe(error);
    QSqlQuery truncate(m_db);
    if (!truncate.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")))
        qCWarning(lcHistory) << "WAL truncate after clearing failed:"
                             << truncate.lastError().text();
    truncate.finish();
    qCInfo(lcHistory) << "history cleared";
    Q_EMIT cleared(vacuumed, vacuumed ? QString() : HistoryConnection::describe(error));
}

void HistoryWriter::setDecision(qint64 id, const QString &decision, const QString &rule)
{
    for (qsizetype i = 0; i < m_assigned; ++i) {
        Entry &entry = m_pending[i];
        if (!entry.result.duplicate && entry.result.rowId == id) {
            entry.record.decision = decision;
            entry.record.decisionRule = rule;
        }
    }
    const bool ok = runUpdate([&](QSqlError *error) {
        QSqlQuery q(m_db);
        q.prepare(
            QStringLiteral("UPDATE messages SET decision = ?, decision_rule = ? WHERE id = ?"));
        q.addBindValue(text(decision));
        q.addBindValue(text(rule));
        q.addBindValue(id);
        if (!q.exec()) {
            *error = q.lastError();
            return false;
        }
        return true;
    });
    if (ok)
        Q_EMIT updated({ id });
}

void HistoryWriter::applyPragma(const QString &pragma)
{
    static const QRegularExpression allowed(
        QStringLiteral("^(query_only|max_page_count)\\s*=\\s*\\d+$"));
    if (!allowed.match(pragma).hasMatch()) {
        qCWarning(lcHistory) << "refusing test pragma" << pragma;
        return;
    }
    if (!ensureOpen())
        return;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA ") + pragma))
        qCWarning(lcHistory) << "test pragma failed:" << q.lastError().text();
    q.finish();
}

void HistoryWriter::shutdown()
{
    if (!m_pending.isEmpty())
        flush();
    m_retryTimer->stop();
    m_ageTimer->stop();
    m_commitTimer->stop();
    m_checkpointTimer->stop();
    if (!m_pending.isEmpty())
        qCWarning(lcHistory) << "history closing with" << m_pending.size()
                             << "messages not stored:" << m_reason;
    closeConnection();
}

} // namespace fedmsg
