// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "history/HistoryWriter.h"

#include "history/HistoryConnection.h"
#include "history/HistoryLogging.h"
#include "history/HistorySchema.h"
#include "json/JsonWriter.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTimer>
#include <QVariant>

namespace fedmsg {

namespace {

constexpr int MaxRetryDelayMs = 60 * 1000;
constexpr qint64 MaxAgeTimerMs = 24LL * 60 * 60 * 1000;

QJsonArray toJsonArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QString extraJson(const Rendering &r)
{
    QJsonObject extra;
    extra.insert(QStringLiteral("usernames"), toJsonArray(r.usernames));
    extra.insert(QStringLiteral("packages"), toJsonArray(r.packages));
    if (!r.objects.isEmpty())
        extra.insert(QStringLiteral("objects"), toJsonArray(r.objects));
    if (!r.appName.isEmpty())
        extra.insert(QStringLiteral("appName"), r.appName);
    if (!r.agentName.isEmpty())
        extra.insert(QStringLiteral("agentName"), r.agentName);
    if (!r.containers.isEmpty())
        extra.insert(QStringLiteral("containers"), toJsonArray(r.containers));
    if (!r.modules.isEmpty())
        extra.insert(QStringLiteral("modules"), toJsonArray(r.modules));
    if (!r.flatpaks.isEmpty())
        extra.insert(QStringLiteral("flatpaks"), toJsonArray(r.flatpaks));
    if (!r.groups.isEmpty())
        extra.insert(QStringLiteral("groups"), toJsonArray(r.groups));
    extra.insert(QStringLiteral("severity"), r.severity);
    if (r.fallback)
        extra.insert(QStringLiteral("fallback"), true);
    return QString::fromUtf8(QJsonDocument(extra).toJson(QJsonDocument::Compact));
}

// Qt binds a null QString as SQL NULL; the text columns are NOT NULL with '' for "none".
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QVariant nullableMs(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

} // namespace

HistoryWriter::HistoryWriter(const HistoryOptions &options)
    : m_options(options)
    , m_retryTimer(new QTimer(this))
    , m_ageTimer(new QTimer(this))
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
    m_connectionName = HistoryConnection::uniqueName(QStringLiteral("writer"));
    m_db = HistoryConnection::open(path, m_connectionName, false, error);
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
    if (!count.exec(QStringLiteral("SELECT count(*) FROM messages")) || !count.next()) {
        *error = count.lastError();
        *corrupt = HistoryConnection::classify(*error) == HistoryConnection::Failure::Corrupt;
        *reason = QStringLiteral("%1: %2").arg(path, HistoryConnection::describe(*error));
        count.finish();
        closeConnection();
        return false;
    }
    m_count = count.value(0).toLongLong();
    count.finish();
    m_open = true;
    qCInfo(lcHistory) << "history database" << path << "open with" << m_count << "messages";
    Q_EMIT ready();
    schedulePrune();
    return true;
}

void HistoryWriter::closeConnection()
{
    m_insert.reset();
    m_findKey.reset();
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
    m_insert = std::make_unique<QSqlQuery>(m_db);
    m_findKey = std::make_unique<QSqlQuery>(m_db);
    m_insertFts = std::make_unique<QSqlQuery>(m_db);
    const bool ok =
        m_insert->prepare(QStringLiteral(
            "INSERT INTO messages (dedup_key, msg_id, topic, body, headers, bus_name, endpoint,"
            " transport, trust, trust_reason, received_at, sent_at, title, subtitle, long_form, "
            "link,"
            " icon, secondary_icon, service_name, service_label, usernames, packages, extra, "
            "decision,"
            " decision_rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?,"
            " ?, ?, ?) ON CONFLICT(dedup_key) DO NOTHING"))
        && m_findKey->prepare(QStringLiteral("SELECT id FROM messages WHERE dedup_key = ?"))
        && m_insertFts->prepare(
            QStringLiteral("INSERT INTO messages_fts (rowid, title, subtitle,"
                           " topic, usernames, packages) VALUES (?, ?, ?, ?, ?, ?)"));
    if (!ok) {
        for (const auto *q : { m_insert.get(), m_findKey.get(), m_insertFts.get() }) {
            if (q->lastError().isValid()) {
                *error = q->lastError();
                break;
            }
        }
    }
    return ok;
}

void HistoryWriter::enqueue(const QList<HistoryRecord> &records)
{
    if (records.isEmpty())
        return;
    m_pending.append(records);
    if (!m_storing) {
        trimPending(); // held because writes fail: bounded
        scheduleFlush();
    } else if (m_pending.size() >= m_options.maxBatch) {
        flush(); // a burst: write full batches now instead of collecting the whole burst
    } else {
        scheduleFlush();
    }
}

void HistoryWriter::trimPending()
{
    const qsizetype excess = m_pending.size() - m_options.maxPending;
    if (excess > 0) {
        qCWarning(lcHistory) << "history cannot store; dropping" << excess
                             << "queued messages beyond the limit of" << m_options.maxPending;
        m_pending.remove(0, excess);
    }
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
    int corruptRecoveries = 0;
    while (!m_pending.isEmpty()) {
        if (!ensureOpen())
            return; // reportFailure scheduled the retry
        const int size = m_singleStep ? 1 : std::min<int>(m_options.maxBatch, m_pending.size());
        const QList<HistoryRecord> batch = m_pending.mid(0, size);
        QList<StoreResult> results;
        QSqlError error;
        switch (writeBatch(batch, &results, &error)) {
        case Outcome::Ok:
            m_pending.remove(0, size);
            reportSuccess();
            Q_EMIT stored(results);
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
                                     << batch.first().envelope.msgId();
                m_pending.remove(0, 1);
            }
            break;
        case Outcome::Failed:
            reportFailure(HistoryConnection::describe(error), true);
            return;
        }
    }
    m_singleStep = false;
    schedulePrune();
}

HistoryWriter::Outcome HistoryWriter::writeBatch(
    const QList<HistoryRecord> &batch, QList<StoreResult> *results, QSqlError *error)
{
    const auto failed = [&](const QSqlError &e) {
        *error = e;
        m_findKey->finish();
        HistoryConnection::exec(m_db, QStringLiteral("ROLLBACK"));
        switch (HistoryConnection::classify(e)) {
        case HistoryConnection::Failure::Corrupt:
            return Outcome::Corrupt;
        case HistoryConnection::Failure::Other:
            return Outcome::Poison;
        default:
            return Outcome::Failed;
        }
    };
    QSqlError beginError;
    if (!HistoryConnection::exec(m_db, QStringLiteral("BEGIN IMMEDIATE"), &beginError)) {
        *error = beginError;
        return HistoryConnection::classify(beginError) == HistoryConnection::Failure::Corrupt
            ? Outcome::Corrupt
            : Outcome::Failed; // never treat a failed BEGIN as a poison record
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    results->reserve(batch.size());
    qint64 inserted = 0;
    for (const HistoryRecord &record : batch) {
        const Envelope &e = record.envelope;
        const Rendering &r = record.rendering;
        const QByteArray body = QByteArray::fromStdString(e.canonicalBody());
        const QString msgId = e.msgId();
        const QString key = HistorySchema::deduplicationKey(msgId, body);
        QVariant headers(QMetaType::fromType<QByteArray>());
        if (e.transport() == Envelope::Transport::Amqp && !e.headers().isNull())
            headers = QByteArray::fromStdString(JsonWriter::canonical(e.headers()));
        QSqlQuery &q = *m_insert;
        q.bindValue(0, key);
        q.bindValue(1, text(msgId));
        q.bindValue(2, text(e.topic()));
        q.bindValue(3, body);
        q.bindValue(4, headers);
        q.bindValue(5, text(e.busName()));
        q.bindValue(6, text(e.endpoint()));
        q.bindValue(7,
            e.transport() == Envelope::Transport::Amqp ? QStringLiteral("amqp")
                                                       : QStringLiteral("zeromq"));
        q.bindValue(8, trustStateName(e.trust()));
        q.bindValue(9, text(e.trustReason()));
        q.bindValue(10, e.receivedAt().isValid() ? e.receivedAt().toMSecsSinceEpoch() : now);
        q.bindValue(11, nullableMs(e.sentAt()));
        q.bindValue(12, text(r.title));
        q.bindValue(13, text(r.subtitle));
        q.bindValue(14, text(r.longForm));
        q.bindValue(15, text(r.link));
        q.bindValue(16, text(r.icon));
        q.bindValue(17, text(r.secondaryIcon));
        q.bindValue(18, text(r.serviceName));
        q.bindValue(19, text(r.serviceLabel));
        q.bindValue(20, text(r.usernames.join(QLatin1Char(' '))));
        q.bindValue(21, text(r.packages.join(QLatin1Char(' '))));
        q.bindValue(22, extraJson(r));
        q.bindValue(23, text(record.decision));
        q.bindValue(24, text(record.decisionRule));
        if (!q.exec())
            return failed(q.lastError());
        StoreResult result;
        result.deliveryTag = e.deliveryTag();
        result.msgId = msgId;
        if (q.numRowsAffected() > 0) {
            result.rowId = q.lastInsertId().toLongLong();
            ++inserted;
            QSqlQuery &fts = *m_insertFts;
            fts.bindValue(0, result.rowId);
            fts.bindValue(1, q.boundValue(12)); // title
            fts.bindValue(2, q.boundValue(13)); // subtitle
            fts.bindValue(3, q.boundValue(2)); // topic
            fts.bindValue(4, q.boundValue(20)); // usernames
            fts.bindValue(5, q.boundValue(21)); // packages
            if (!fts.exec())
                return failed(fts.lastError());
        } else {
            m_findKey->bindValue(0, key);
            if (!m_findKey->exec())
                return failed(m_findKey->lastError());
            if (!m_findKey->next()) {
                return failed(QSqlError(QStringLiteral("duplicate message row vanished"),
                    QStringLiteral("no row for key %1").arg(key),
                    QSqlError::StatementError));
            }
            result.rowId = m_findKey->value(0).toLongLong();
            result.duplicate = true;
            m_findKey->finish();
        }
        results->append(result);
    }
    QSqlError commitError;
    if (!HistoryConnection::exec(m_db, QStringLiteral("COMMIT"), &commitError)) {
        results->clear();
        const Outcome outcome = failed(commitError);
        return outcome == Outcome::Poison ? Outcome::Failed : outcome;
    }
    m_count += inserted;
    return Outcome::Ok;
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
    if (maxAgeMs <= 0 && m_options.maxCount <= 0)
        return;
    const int limit = m_options.pruneBatch;
    qint64 deleted = 0;
    QSqlError error;
    const bool ok =
        HistoryConnection::exec(m_db, QStringLiteral("BEGIN IMMEDIATE"), &error) && [&] {
            if (maxAgeMs > 0) {
                QSqlQuery q(m_db);
                q.prepare(QStringLiteral("INSERT INTO prune_ids (id) SELECT id FROM messages"
                                         " WHERE received_at < ? ORDER BY received_at LIMIT ?"));
                q.addBindValue(QDateTime::currentMSecsSinceEpoch() - maxAgeMs);
                q.addBindValue(limit);
                if (!q.exec()) {
                    error = q.lastError();
                    return false;
                }
                if (!deleteSelected(&deleted, &error))
                    return false;
            }
            const qint64 excess =
                m_options.maxCount > 0 ? m_count - deleted - m_options.maxCount : 0;
            if (excess > 0 && deleted < limit) {
                QSqlQuery q(m_db);
                q.prepare(QStringLiteral(
                    "INSERT INTO prune_ids (id) SELECT id FROM messages ORDER BY id LIMIT ?"));
                q.addBindValue(std::min<qint64>(excess, limit - deleted));
                if (!q.exec()) {
                    error = q.lastError();
                    return false;
                }
                if (!deleteSelected(&deleted, &error))
                    return false;
            }
            return HistoryConnection::exec(m_db, QStringLiteral("COMMIT"), &error);
        }();
    if (!ok) {
        HistoryConnection::exec(m_db, QStringLiteral("ROLLBACK"));
        qCWarning(lcHistory) << "history retention step failed:"
                             << HistoryConnection::describe(error);
        if (HistoryConnection::classify(error) == HistoryConnection::Failure::Corrupt
            && recoverCorrupt(HistoryConnection::describe(error)))
            ensureOpen();
        return;
    }
    m_count -= deleted;
    if (deleted > 0) {
        qCDebug(lcHistory) << "retention removed" << deleted << "messages;" << m_count << "left";
        Q_EMIT pruned(static_cast<int>(deleted));
    }
    if (deleted >= limit)
        schedulePrune(); // more to do: continue after whatever is queued (inserts first)
    else
        scheduleAgeTimer();
}

// Deletes the rows listed in the temp table prune_ids with their FTS entries (one statement
// each: cheap for FTS5), then empties prune_ids.
bool HistoryWriter::deleteSelected(qint64 *deleted, QSqlError *error)
{
    static const char *const statements[] = {
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

void HistoryWriter::setRetention(std::chrono::seconds maxAge, qint64 maxCount)
{
    m_options.maxAge = maxAge;
    m_options.maxCount = maxCount;
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
    } else
        reportFailure(HistoryConnection::describe(error), true);
    return false;
}

void HistoryWriter::markRead(const QList<qint64> &ids, bool read)
{
    if (ids.isEmpty())
        return;
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
    const bool ok = runUpdate([&](QSqlError *error) {
        return HistoryConnection::exec(
            m_db, QStringLiteral("UPDATE messages SET is_read = 1 WHERE is_read = 0"), error);
    });
    if (ok)
        Q_EMIT updated({});
}

void HistoryWriter::setDecision(qint64 id, const QString &decision, const QString &rule)
{
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
    if (!m_pending.isEmpty())
        qCWarning(lcHistory) << "history closing with" << m_pending.size()
                             << "messages not stored:" << m_reason;
    closeConnection();
}

} // namespace fedmsg
