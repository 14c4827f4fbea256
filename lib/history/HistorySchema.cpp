// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "history/HistorySchema.h"

#include "history/HistoryConnection.h"
#include "history/HistoryLogging.h"
#include "history/HistoryStatement.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QVariant>
#include <QtEndian>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

namespace fedmsg {

namespace {

// The FTS index is written by HistoryWriter in the same transaction as the row (not by AFTER
// INSERT/DELETE triggers: a trigger makes FTS5 flush its pending terms to disk once per row, five
// times slower). Only the rare update of an indexed column is left to a trigger.
//
// Every index costs each insert a B-tree descent, and one whose keys arrive in random order (topic,
// user, package, msg_id) dirties most of its leaf pages in every batch, all of which are written to
// the WAL at COMMIT and again at checkpoint. Version 3 therefore kept only indexes whose keys grow
// with arrival (received_at, id) or have few distinct leading values (service, bus), plus the
// dedup_key the writer needs: topic-prefix, user and package filters are narrowed by the FTS index
// (topic, usernames and packages columns) and checked exactly; msg_id is found by dedup_key.
// Version 4 goes further (see CreateMessages and IndexesV4): only a hash of dedup_key is indexed
// and the service is no longer the leading column of an index.
// External-content FTS5 over the row's columns. columnsize=0: no per-row size record (only bm25
// ranking would read it, and nothing ranks), one B-tree insert less per message.
// Page size of every history file (see the PRAGMA where a file is made; an older file is
// converted once by ensureFileLayout()).
constexpr int PageSize = 512;

constexpr const char *CreateFts =
    "CREATE VIRTUAL TABLE messages_fts USING fts5(title, subtitle, topic, usernames, packages,"
    " content='messages', content_rowid='id', tokenize='unicode61 remove_diacritics 2',"
    " columnsize=0)";

// Version 4: the row's columns that filters and scans read (time, service, bus, trust,
// decision, read state) come first, the large ones (body, headers, long form, extra) last, so
// that a scan reads them from the row's first page and not from its overflow pages. Messages
// are de-duplicated by dedup_key exactly; only a 64-bit hash of it is indexed (deduplicationHash):
// an index of random keys dirties one leaf per message and every split, and a leaf holds about
// five times more hashes than UUID texts. Uniqueness is the writer's (the insert checks the key).
constexpr const char *CreateMessages =
    "CREATE TABLE %1 ("
    " id INTEGER PRIMARY KEY,"
    " dedup_hash INTEGER NOT NULL,"
    " dedup_key TEXT NOT NULL,"
    " received_at INTEGER NOT NULL," // ms since the epoch, UTC
    " service_name TEXT NOT NULL DEFAULT '',"
    " bus_name TEXT NOT NULL DEFAULT '',"
    " trust TEXT NOT NULL DEFAULT 'unchecked',"
    " decision TEXT NOT NULL DEFAULT '',"
    " is_read INTEGER NOT NULL DEFAULT 0,"
    " msg_id TEXT NOT NULL DEFAULT '',"
    " topic TEXT NOT NULL DEFAULT '',"
    " transport TEXT NOT NULL DEFAULT 'zeromq',"
    " sent_at INTEGER," // ms since the epoch; NULL: not sent
    " title TEXT NOT NULL DEFAULT '',"
    " subtitle TEXT NOT NULL DEFAULT '',"
    " link TEXT NOT NULL DEFAULT '',"
    " icon TEXT NOT NULL DEFAULT '',"
    " secondary_icon TEXT NOT NULL DEFAULT '',"
    " service_label TEXT NOT NULL DEFAULT '',"
    " usernames TEXT NOT NULL DEFAULT ''," // space-joined (FTS)
    " packages TEXT NOT NULL DEFAULT ''," // space-joined (FTS)
    " trust_reason TEXT NOT NULL DEFAULT '',"
    " endpoint TEXT NOT NULL DEFAULT '',"
    " decision_rule TEXT NOT NULL DEFAULT '',"
    " long_form TEXT NOT NULL DEFAULT '',"
    " extra TEXT NOT NULL DEFAULT '{}'," // JSON (appendExtraJson)
    " headers BLOB,"
    " body BLOB NOT NULL)";

// Every column of version 3 and 4 but dedup_hash (the migration copies them by name).
constexpr const char *CommonColumns =
    "id, dedup_key, received_at, service_name, bus_name, trust, decision, is_read, msg_id, topic,"
    " transport, sent_at, title, subtitle, link, icon, secondary_icon, service_label, usernames,"
    " packages, trust_reason, endpoint, decision_rule, long_form, extra, headers, body";

// The indexes and trigger of version 4 (after CreateMessages and, in a new file, CreateFts).
// Version 3's (service_name, received_at) index had a place of insertion per service, so that a
// batch dirtied a leaf per service it held (bench_history: a third of the pages a commit wrote).
// Version 4 carries the service in two indexes that grow at their end only: by time (counts per
// service over a time range, retention, the latest label of a service) and by id (the newest
// messages of a service, read backwards until the page is full).
const std::array IndexesV4 = {
    "CREATE INDEX messages_dedup ON messages(dedup_hash)",
    "CREATE INDEX messages_time_service ON messages(received_at, service_name)",
    "CREATE INDEX messages_id_service ON messages(id, service_name)",
    "CREATE INDEX messages_bus ON messages(bus_name, id)",
    "CREATE INDEX messages_unread ON messages(id) WHERE is_read = 0",
    "CREATE TRIGGER messages_after_update AFTER UPDATE OF title, subtitle, topic, usernames, "
    "packages"
    " ON messages BEGIN"
    " INSERT INTO messages_fts(messages_fts, rowid, title, subtitle, topic, usernames, packages)"
    " VALUES ('delete', old.id, old.title, old.subtitle, old.topic, old.usernames, old.packages);"
    " INSERT INTO messages_fts(rowid, title, subtitle, topic, usernames, packages)"
    " VALUES (new.id, new.title, new.subtitle, new.topic, new.usernames, new.packages);"
    " END",
};

// Version 4 -> 5: the three indexes ordered by id become one. Each index that grows at its end
// costs every commit its last leaf (and, when that leaf fills, its siblings and parent), so at
// one message a second three of them cost about 530 bytes per message (bench_history, 512-byte
// pages); one index holding the id with the service, bus and read state serves the same
// filters (newest messages of a service or bus, unread ones: read backwards from its end,
// covering) and counting or marking unread (a scan of this narrow index).
const std::array MigrateFrom4 = {
    "DROP INDEX IF EXISTS messages_id_service",
    "DROP INDEX IF EXISTS messages_bus",
    "DROP INDEX IF EXISTS messages_unread",
    "CREATE INDEX messages_id_state ON messages(id, service_name, bus_name, is_read)",
};

// Version 3, as it was: a version 1 database is migrated by creating these and then passes
// through every later migration.
const std::array SchemaV3 = {
    "CREATE TABLE messages ("
    " id INTEGER PRIMARY KEY,"
    " dedup_key TEXT NOT NULL UNIQUE,"
    " msg_id TEXT NOT NULL DEFAULT '',"
    " topic TEXT NOT NULL DEFAULT '',"
    " body BLOB NOT NULL,"
    " headers BLOB,"
    " bus_name TEXT NOT NULL DEFAULT '',"
    " endpoint TEXT NOT NULL DEFAULT '',"
    " transport TEXT NOT NULL DEFAULT 'zeromq',"
    " trust TEXT NOT NULL DEFAULT 'unchecked',"
    " trust_reason TEXT NOT NULL DEFAULT '',"
    " received_at INTEGER NOT NULL," // ms since the epoch, UTC
    " sent_at INTEGER," // ms since the epoch, UTC; NULL when not sent
    " title TEXT NOT NULL DEFAULT '',"
    " subtitle TEXT NOT NULL DEFAULT '',"
    " long_form TEXT NOT NULL DEFAULT '',"
    " link TEXT NOT NULL DEFAULT '',"
    " icon TEXT NOT NULL DEFAULT '',"
    " secondary_icon TEXT NOT NULL DEFAULT '',"
    " service_name TEXT NOT NULL DEFAULT '',"
    " service_label TEXT NOT NULL DEFAULT '',"
    " usernames TEXT NOT NULL DEFAULT ''," // space-joined, for the FTS index
    " packages TEXT NOT NULL DEFAULT ''," // space-joined, for the FTS index
    " extra TEXT NOT NULL DEFAULT '{}'," // JSON: exact lists and the remaining Rendering fields
    " decision TEXT NOT NULL DEFAULT '',"
    " decision_rule TEXT NOT NULL DEFAULT '',"
    " is_read INTEGER NOT NULL DEFAULT 0)",
    "CREATE INDEX messages_received_at ON messages(received_at)",
    "CREATE INDEX messages_service ON messages(service_name, received_at)",
    "CREATE INDEX messages_bus ON messages(bus_name, id)",
    "CREATE INDEX messages_unread ON messages(id) WHERE is_read = 0",
    CreateFts,
    "CREATE TRIGGER messages_after_update AFTER UPDATE OF title, subtitle, topic, usernames, "
    "packages"
    " ON messages BEGIN"
    " INSERT INTO messages_fts(messages_fts, rowid, title, subtitle, topic, usernames, packages)"
    " VALUES ('delete', old.id, old.title, old.subtitle, old.topic, old.usernames, old.packages);"
    " INSERT INTO messages_fts(rowid, title, subtitle, topic, usernames, packages)"
    " VALUES (new.id, new.title, new.subtitle, new.topic, new.usernames, new.packages);"
    " END",
};

// Version 2 -> 3: the indexes and lookup tables version 3 does without (IF EXISTS: a version 1
// database is migrated by creating the current tables and then passes through here); the FTS
// table is made again without column sizes (migrateFrom2).
const std::array DropFrom2 = {
    "DROP INDEX IF EXISTS messages_topic",
    "DROP INDEX IF EXISTS messages_msg_id",
    "DROP TABLE IF EXISTS message_users",
    "DROP TABLE IF EXISTS message_packages",
};

// JSON text (UTF-8) for the extra column, written directly (QJsonObject/QJsonDocument cost more
// than the SQLite insert of the row). Control characters are escaped; a lone surrogate becomes
// U+FFFD (HistoryStatement::appendUtf8).
void appendJsonStringTo(std::string &out, QStringView s)
{
    constexpr std::string_view hex = "0123456789abcdef";
    out.push_back('"');
    qsizetype run = 0; // start of the characters not yet written
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t c = s.at(i).unicode();
        if (c != u'"' && c != u'\\' && c >= 0x20)
            continue;
        HistoryStatement::appendUtf8(out, s.sliced(run, i - run));
        run = i + 1;
        if (c == u'"' || c == u'\\') {
            out.push_back('\\');
            out.push_back(static_cast<char>(c));
        } else {
            const std::array<char, 6> escaped = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf] };
            out.append(escaped.data(), escaped.size());
        }
    }
    HistoryStatement::appendUtf8(out, s.sliced(run));
    out.push_back('"');
}

void appendMember(std::string &out, std::string_view key)
{
    out.push_back('"');
    out.append(key);
    out.append("\":");
}

bool setVersion(const QSqlDatabase &db, int version, QSqlError *error)
{
    return HistoryConnection::exec(
        db, QStringLiteral("PRAGMA user_version = %1").arg(version), error);
}

// Runs body inside BEGIN IMMEDIATE ... COMMIT, rolling back on failure.
template <typename Body>
bool inTransaction(const QSqlDatabase &db, QSqlError *error, Body body)
{
    if (!HistoryConnection::exec(db, QStringLiteral("BEGIN IMMEDIATE"), error))
        return false;
    if (!body() || !HistoryConnection::exec(db, QStringLiteral("COMMIT"), error)) {
        HistoryConnection::exec(db, QStringLiteral("ROLLBACK"));
        return false;
    }
    return true;
}

} // namespace

int HistorySchema::version(const QSqlDatabase &db, QSqlError *error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        if (error)
            *error = query.lastError();
        return -1;
    }
    return query.value(0).toInt();
}

// Migrates from version `from` to from + 1 in one transaction.
bool HistorySchema::migrateOneVersion(const QSqlDatabase &db, int from, QSqlError *error)
{
    switch (from) {
    case 1:
        return inTransaction(db, error, [&] {
            return migrateFrom1(db, error) && setVersion(db, 2, error);
        });
    case 2:
        return inTransaction(db, error, [&] {
            return migrateFrom2(db, error) && setVersion(db, 3, error);
        });
    case 3:
        return inTransaction(db, error, [&] {
            return migrateFrom3(db, error) && setVersion(db, 4, error);
        });
    case 4:
        return inTransaction(db, error, [&] {
            return migrateFrom4(db, error) && setVersion(db, 5, error);
        });
    default:
        return false;
    }
}

HistorySchema::Result HistorySchema::prepare(
    const QSqlDatabase &db, QSqlError *error, QString *reason)
{
    const auto fail = [&](const QString &what) {
        if (reason)
            *reason = what + QStringLiteral(": ") + HistoryConnection::describe(*error);
        return Result::Failed;
    };
    int current = version(db, error);
    if (current < 0)
        return fail(QStringLiteral("cannot read the schema version"));
    if (current > CurrentVersion) {
        if (reason)
            *reason =
                QStringLiteral("history database has schema version %1, newer than this program "
                               "understands (%2); it is left untouched")
                    .arg(current)
                    .arg(CurrentVersion);
        return Result::TooNew;
    }
    // A new file: small pages. Each commit writes every page it touched to the WAL; a message
    // touches a leaf of the dedup index at a random place and the last leaf of every other
    // index, so the page size is most of what a message costs on disk (bench_history,
    // 1 message/s: 9.3 KB per message with 4 KiB pages, 5.1 KB with 1 KiB, 4.3 KB with 512
    // bytes, schema 4). First of all: SQLite ignores it after PRAGMA auto_vacuum.
    if (current == 0
        && !HistoryConnection::exec(
            db, QStringLiteral("PRAGMA page_size = %1").arg(PageSize), error))
        return fail(QStringLiteral("cannot set the page size"));
    // A new file: before WAL mode writes its header and before the first table, so that
    // deleted rows' pages can be given back to the file system (PRAGMA incremental_vacuum
    // after retention) without a VACUUM.
    if (current == 0
        && !HistoryConnection::exec(db, QStringLiteral("PRAGMA auto_vacuum = INCREMENTAL"), error))
        return fail(QStringLiteral("cannot enable incremental vacuum"));
    {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL"))) {
            *error = query.lastError();
            return fail(QStringLiteral("cannot switch to WAL mode"));
        }
    }
    if (current == 0) {
        if (!inTransaction(db, error, [&] {
                return createCurrent(db, error) && setVersion(db, CurrentVersion, error);
            }))
            return fail(QStringLiteral("cannot create the history tables"));
        qCInfo(lcHistory) << "created history database, schema version" << CurrentVersion;
        if (!ensureFileLayout(db, error)) // a no-op unless the file was not empty
            return fail(QStringLiteral("cannot switch the history database to incremental vacuum"));
        return Result::Ok;
    }
    while (current < CurrentVersion) {
        if (!migrateOneVersion(db, current, error))
            return fail(
                QStringLiteral("cannot migrate history from schema version %1").arg(current));
        qCInfo(lcHistory) << "migrated history database from schema version" << current << "to"
                          << current + 1;
        ++current;
    }
    if (!ensureFileLayout(db, error))
        return fail(QStringLiteral("cannot switch the history database to incremental vacuum"));
    return Result::Ok;
}

bool HistorySchema::ensureFileLayout(const QSqlDatabase &db, QSqlError *error)
{
    QSqlQuery layout(db);
    if (!layout.exec(QStringLiteral("SELECT (SELECT auto_vacuum FROM pragma_auto_vacuum()),"
                                    " (SELECT page_size FROM pragma_page_size())"))
        || !layout.next()) {
        *error = layout.lastError();
        return false;
    }
    const bool incremental = layout.value(0).toInt() == IncrementalVacuum;
    const int pageSize = layout.value(1).toInt();
    layout.finish();
    if (incremental && pageSize == PageSize)
        return true;
    // A database made before the size cap has auto_vacuum = NONE: deleting rows never shrank
    // it; one made before version 5 has larger pages. Both only change with a VACUUM, which
    // rewrites the whole file once (through a temporary file, not memory). WAL mode keeps the
    // page size through a VACUUM: the file leaves it for the VACUUM, which needs this to be
    // the only connection; if another one (fedmsg-tail --history) has it open, the page size
    // is left for the next start.
    const QString path = db.databaseName();
    const qint64 before = QFileInfo(path).size();
    QElapsedTimer timer;
    timer.start();
    bool resize = false;
    if (pageSize != PageSize) {
        QSqlQuery mode(db);
        resize = mode.exec(QStringLiteral("PRAGMA journal_mode = DELETE")) && mode.next()
            && mode.value(0).toString() == QLatin1String("delete");
        mode.finish();
        if (!resize)
            qCInfo(lcHistory).nospace() << "history database " << path << " keeps its " << pageSize
                                        << "-byte pages for now (another connection has it open)";
    }
    if (incremental && !resize)
        return true;
    const bool vacuumed = (!resize
                              || HistoryConnection::exec(
                                  db, QStringLiteral("PRAGMA page_size = %1").arg(PageSize), error))
        && HistoryConnection::exec(db, QStringLiteral("PRAGMA auto_vacuum = INCREMENTAL"), error)
        && HistoryConnection::exec(db, QStringLiteral("PRAGMA temp_store = FILE"), error)
        && HistoryConnection::exec(db, QStringLiteral("VACUUM"), error);
    HistoryConnection::exec(db, QStringLiteral("PRAGMA temp_store = MEMORY"));
    if (resize) {
        QSqlQuery mode(db);
        if (!mode.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !mode.next()
            || mode.value(0).toString() != QLatin1String("wal")) {
            *error = mode.lastError().isValid()
                ? mode.lastError()
                : QSqlError(QStringLiteral("cannot switch back to WAL mode"),
                    QString(),
                    QSqlError::StatementError);
            return false;
        }
    }
    if (!vacuumed && incremental) {
        // Only the page size was to change and the VACUUM failed (a full disk: it needs room
        // for a copy of the file): the file works as it is; tried again at the next start.
        qCWarning(lcHistory).nospace() << "history database " << path << " keeps its " << pageSize
                                       << "-byte pages: " << HistoryConnection::describe(*error);
        *error = QSqlError();
        return true;
    }
    if (!vacuumed)
        return false;
    HistoryConnection::exec(db, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    qCInfo(lcHistory).nospace() << "history database " << path
                                << " rewritten with incremental vacuum and " << PageSize
                                << "-byte pages (a one-time VACUUM, " << timer.elapsed()
                                << " ms): " << before << " -> " << QFileInfo(path).size()
                                << " bytes";
    return true;
}

QString HistorySchema::deduplicationKey(const QString &msgId, const QByteArray &canonicalBody)
{
    if (!msgId.isEmpty())
        return QStringLiteral("id:") + msgId;
    return QStringLiteral("sha256:")
        + QString::fromLatin1(
            QCryptographicHash::hash(canonicalBody, QCryptographicHash::Sha256).toHex());
}

void HistorySchema::appendExtraJson(std::string &extra, const Rendering &r)
{
    const std::size_t start = extra.size();
    extra.push_back('{');
    const auto member = [&](std::string_view key) {
        if (extra.size() > start + 1)
            extra.push_back(',');
        appendMember(extra, key);
    };
    const auto list = [&](std::string_view key, const QStringList &values, bool always = false) {
        if (values.isEmpty() && !always)
            return;
        member(key);
        extra.push_back('[');
        for (qsizetype i = 0; i < values.size(); ++i) {
            if (i > 0)
                extra.push_back(',');
            appendJsonStringTo(extra, values.at(i));
        }
        extra.push_back(']');
    };
    list("usernames", r.usernames, true);
    list("packages", r.packages, true);
    list("objects", r.objects);
    if (!r.appName.isEmpty()) {
        member("appName");
        appendJsonStringTo(extra, r.appName);
    }
    if (!r.agentName.isEmpty()) {
        member("agentName");
        appendJsonStringTo(extra, r.agentName);
    }
    list("containers", r.containers);
    list("modules", r.modules);
    list("flatpaks", r.flatpaks);
    list("groups", r.groups);
    member("severity");
    extra.append(std::to_string(r.severity));
    if (r.fallback) {
        member("fallback");
        extra.append("true");
    }
    extra.push_back('}');
}

QString HistorySchema::jsonString(const QString &s)
{
    std::string out;
    appendJsonStringTo(out, s);
    return QString::fromStdString(out);
}

bool HistorySchema::createCurrent(const QSqlDatabase &db, QSqlError *error)
{
    return HistoryConnection::exec(
               db, QString::fromLatin1(CreateMessages).arg(QLatin1String("messages")), error)
        && HistoryConnection::exec(db, QString::fromLatin1(CreateFts), error)
        && std::ranges::all_of(IndexesV4,
            [&](const char *statement) {
                return HistoryConnection::exec(db, QString::fromLatin1(statement), error);
            })
        && migrateFrom4(db, error);
}

bool HistorySchema::migrateFrom4(const QSqlDatabase &db, QSqlError *error)
{
    return std::ranges::all_of(MigrateFrom4, [&](const char *statement) {
        return HistoryConnection::exec(db, QString::fromLatin1(statement), error);
    });
}

bool HistorySchema::createV3(const QSqlDatabase &db, QSqlError *error)
{
    return std::ranges::all_of(SchemaV3, [&](const char *statement) {
        return HistoryConnection::exec(db, QString::fromLatin1(statement), error);
    });
}

bool HistorySchema::migrateFrom3(const QSqlDatabase &db, QSqlError *error)
{
    // The table is copied into the version 4 layout with the same ids (the external-content
    // FTS index stays valid: it refers to the table by name and rowid). The hashes are computed
    // here, not by an SQL function: the connection may be Qt's alone (HistoryStatement).
    QElapsedTimer timer;
    timer.start();
    if (!HistoryConnection::exec(db,
            QStringLiteral("CREATE TEMP TABLE dedup_hashes (id INTEGER PRIMARY KEY,"
                           " hash INTEGER NOT NULL)"),
            error))
        return false;
    const auto dropTemp = qScopeGuard([&db] {
        HistoryConnection::exec(db, QStringLiteral("DROP TABLE IF EXISTS temp.dedup_hashes"));
    });
    {
        QSqlQuery insert(db);
        if (!insert.prepare(
                QStringLiteral("INSERT INTO temp.dedup_hashes (id, hash) VALUES (?, ?)"))) {
            *error = insert.lastError();
            return false;
        }
        QSqlQuery rows(db);
        rows.setForwardOnly(true);
        if (!rows.exec(QStringLiteral("SELECT id, CAST(dedup_key AS BLOB) FROM messages"))) {
            *error = rows.lastError();
            return false;
        }
        while (rows.next()) {
            const QByteArray key = rows.value(1).toByteArray();
            insert.addBindValue(rows.value(0).toLongLong());
            insert.addBindValue(
                deduplicationHash(std::string_view(key.constData(), std::size_t(key.size()))));
            if (!insert.exec()) {
                *error = insert.lastError();
                return false;
            }
        }
        if (rows.lastError().isValid()) {
            *error = rows.lastError();
            return false;
        }
    }
    const QString columns = QString::fromLatin1(CommonColumns);
    qint64 before = 0;
    {
        QSqlQuery count(db);
        if (!count.exec(QStringLiteral("SELECT count(*) FROM messages")) || !count.next()) {
            *error = count.lastError();
            return false;
        }
        before = count.value(0).toLongLong();
    }
    if (!HistoryConnection::exec(
            db, QString::fromLatin1(CreateMessages).arg(QLatin1String("messages_v4")), error)
        || !HistoryConnection::exec(db,
            QStringLiteral("INSERT INTO messages_v4 (dedup_hash, %1) SELECT h.hash, %2"
                           " FROM messages m JOIN temp.dedup_hashes h ON h.id = m.id"
                           " ORDER BY m.id")
                .arg(columns,
                    QStringLiteral("m.")
                        + columns.split(QStringLiteral(", ")).join(QStringLiteral(", m."))),
            error))
        return false;
    QSqlQuery count(db);
    if (!count.exec(QStringLiteral("SELECT count(*) FROM messages_v4")) || !count.next()) {
        *error = count.lastError();
        return false;
    }
    if (count.value(0).toLongLong() != before) {
        *error = QSqlError(QStringLiteral("migration to schema version 4 lost rows"),
            QStringLiteral("%1 rows before, %2 after").arg(before).arg(count.value(0).toLongLong()),
            QSqlError::StatementError);
        return false;
    }
    count.finish();
    if (!HistoryConnection::exec(db, QStringLiteral("DROP TABLE messages"), error)
        || !HistoryConnection::exec(
            db, QStringLiteral("ALTER TABLE messages_v4 RENAME TO messages"), error)
        || !std::ranges::all_of(IndexesV4, [&](const char *statement) {
               return HistoryConnection::exec(db, QString::fromLatin1(statement), error);
           }))
        return false;
    qCInfo(lcHistory) << "history: copied" << before << "messages into schema version 4 in"
                      << timer.elapsed() << "ms";
    return true;
}

qint64 HistorySchema::deduplicationHash(std::string_view utf8Key)
{
    const QByteArray digest = QCryptographicHash::hash(
        QByteArrayView(utf8Key.data(), static_cast<qsizetype>(utf8Key.size())),
        QCryptographicHash::Sha256);
    return qFromBigEndian<qint64>(digest.constData());
}

bool HistorySchema::migrateFrom2(const QSqlDatabase &db, QSqlError *error)
{
    for (const char *statement : DropFrom2) {
        if (!HistoryConnection::exec(db, QString::fromLatin1(statement), error))
            return false;
    }
    QSqlQuery fts(db);
    if (!fts.exec(QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'messages_fts'"))) {
        *error = fts.lastError();
        return false;
    }
    const bool current = fts.next() && fts.value(0).toString() == QLatin1String(CreateFts);
    fts.finish();
    if (current)
        return true; // a version 1 database: created as version 3 a moment ago
    return HistoryConnection::exec(db, QStringLiteral("DROP TABLE IF EXISTS messages_fts"), error)
        && HistoryConnection::exec(db, QString::fromLatin1(CreateFts), error)
        && HistoryConnection::exec(
            db, QStringLiteral("INSERT INTO messages_fts(messages_fts) VALUES ('rebuild')"), error);
}

bool HistorySchema::migrateFrom1(const QSqlDatabase &db, QSqlError *error)
{
    if (!HistoryConnection::exec(
            db, QStringLiteral("ALTER TABLE messages RENAME TO messages_v1"), error)
        || !createV3(db, error))
        return false;

    QSqlQuery insert(db);
    if (!insert.prepare(QStringLiteral(
            "INSERT OR IGNORE INTO messages (dedup_key, msg_id, topic, body, received_at, sent_at,"
            " title, subtitle, link, is_read) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))) {
        *error = insert.lastError();
        return false;
    }
    QSqlQuery rows(db);
    rows.setForwardOnly(true);
    if (!rows.exec(
            QStringLiteral("SELECT msg_id, topic, body, received_at, title, subtitle, link, read"
                           " FROM messages_v1 ORDER BY id"))) {
        *error = rows.lastError();
        return false;
    }
    while (rows.next()) {
        // Qt binds a null QString as NULL; v2 text columns are NOT NULL.
        const auto text = [&rows](int column) {
            const QString s = rows.value(column).toString();
            return s.isNull() ? QStringLiteral("") : s;
        };
        const QString msgId = text(0);
        const QByteArray body = rows.value(2).toString().toUtf8();
        // v1 kept no sent time: take the envelope's "timestamp" (seconds) from the body.
        QVariant sentAt(QMetaType::fromType<qint64>());
        const QJsonDocument document = QJsonDocument::fromJson(body);
        const QJsonValue timestamp = document.object().value(QStringLiteral("timestamp"));
        if (timestamp.isDouble())
            sentAt = static_cast<qint64>(timestamp.toDouble() * 1000.0);
        insert.addBindValue(deduplicationKey(msgId, body));
        insert.addBindValue(msgId);
        insert.addBindValue(text(1));
        insert.addBindValue(body);
        insert.addBindValue(rows.value(3).toLongLong() * 1000);
        insert.addBindValue(sentAt);
        insert.addBindValue(text(4));
        insert.addBindValue(text(5));
        insert.addBindValue(text(6));
        insert.addBindValue(rows.value(7).toInt() != 0 ? 1 : 0);
        if (!insert.exec()) {
            *error = insert.lastError();
            return false;
        }
    }
    if (rows.lastError().isValid()) {
        *error = rows.lastError();
        return false;
    }
    rows.finish();
    insert.finish();
    return HistoryConnection::exec(db, QStringLiteral("DROP TABLE messages_v1"), error)
        && HistoryConnection::exec(
            db, QStringLiteral("INSERT INTO messages_fts(messages_fts) VALUES ('rebuild')"), error);
}

} // namespace fedmsg
