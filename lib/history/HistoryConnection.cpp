// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "history/HistoryConnection.h"

#include "history/HistoryLogging.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QUrl>

namespace fedmsg {

namespace {

// SQLite primary result codes (sqlite3.h); QSqlError carries them as nativeErrorCode().
constexpr int SqlitePerm = 3;
constexpr int SqliteBusy = 5;
constexpr int SqliteLocked = 6;
constexpr int SqliteReadOnly = 8;
constexpr int SqliteIoErr = 10;
constexpr int SqliteCorrupt = 11;
constexpr int SqliteFull = 13;
constexpr int SqliteCantOpen = 14;
constexpr int SqliteAuth = 23;
constexpr int SqliteNotADb = 26;

// Numbers connection names across threads (QSqlDatabase names are process-wide).
quint64 nextConnectionNumber()
{
    static QAtomicInteger<quint64> counter;
    return ++counter;
}
} // namespace

QString HistoryConnection::uniqueName(const QString &role)
{
    return QStringLiteral("fedmsg-history-%1-%2").arg(role).arg(nextConnectionNumber());
}

QSqlDatabase HistoryConnection::open(
    const QString &path, const QString &connectionName, Mode mode, QSqlError *error)
{
    const bool queryOnly = mode != Mode::ReadWrite;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    if (!db.isValid()) {
        if (error)
            *error = QSqlError(QStringLiteral("the Qt SQLite driver (QSQLITE) is not available"),
                {},
                QSqlError::ConnectionError);
        return {};
    }
    switch (mode) {
    case Mode::ReadWrite:
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        break;
    case Mode::ReadOnly:
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_READONLY"));
        break;
    case Mode::Immutable:
        db.setDatabaseName(QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded)
            + QStringLiteral("?immutable=1"));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
        break;
    }
    if (!db.open()) {
        if (error)
            *error = db.lastError();
        return {};
    }
    // The first statement reads the header: a file that is not a database fails here.
    QSqlError pragmaError;
    const bool ok = exec(db, QStringLiteral("PRAGMA foreign_keys = OFF"), &pragmaError)
        && exec(db, QStringLiteral("PRAGMA synchronous = NORMAL"), &pragmaError)
        && exec(db, QStringLiteral("PRAGMA temp_store = MEMORY"), &pragmaError)
        // The writer: fewer read syscalls for index maintenance and FTS merges (given back when
        // it is idle, HistoryWriter::releaseMemory). Readers keep a small cache: the kernel's
        // page cache holds the file, and what a reader's cache held stayed in the applet's heap.
        && exec(db,
            mode == Mode::ReadWrite ? QStringLiteral("PRAGMA cache_size = -16000")
                                    : QStringLiteral("PRAGMA cache_size = -2000"),
            &pragmaError)
        // No connection maps the file: every page a mapping touched stays in the applet's
        // resident memory until it exits (after a 10 000-message burst, the reader's counts
        // and reads had mapped 30 MiB of history.sqlite: RSS 46 -> 84 MiB a minute later,
        // 53 without). Reads go through the kernel's page cache instead; bench_history's
        // search p50/p99 and bench_rules' preview were no slower without the mapping.
        && exec(db, QStringLiteral("PRAGMA mmap_size = 0"), &pragmaError)
        && (!queryOnly || exec(db, QStringLiteral("PRAGMA query_only = ON"), &pragmaError));
    if (!ok) {
        if (error)
            *error = pragmaError;
        db.close();
        return {};
    }
    return db;
}

void HistoryConnection::close(const QString &connectionName)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

bool HistoryConnection::exec(const QSqlDatabase &db, const QString &sql, QSqlError *error)
{
    QSqlQuery query(db);
    if (!query.exec(sql)) {
        if (error)
            *error = query.lastError();
        return false;
    }
    return true;
}

int HistoryConnection::sqliteCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

HistoryConnection::Failure HistoryConnection::classify(const QSqlError &error)
{
    if (!error.isValid())
        return Failure::None;
    switch (sqliteCode(error)) {
    case SqliteCorrupt:
    case SqliteNotADb:
        return Failure::Corrupt;
    case SqliteFull:
        return Failure::Full;
    case SqliteReadOnly:
    case SqlitePerm:
    case SqliteAuth:
        return Failure::ReadOnly;
    case SqliteBusy:
    case SqliteLocked:
        return Failure::Busy;
    case SqliteCantOpen:
        return Failure::CannotOpen;
    case SqliteIoErr:
        return Failure::Io;
    default:
        return Failure::Other;
    }
}

QString HistoryConnection::describe(const QSqlError &error)
{
    QString what;
    switch (classify(error)) {
    case Failure::None:
        return {};
    case Failure::Corrupt:
        what = QStringLiteral("database file is corrupt");
        break;
    case Failure::Full:
        what = QStringLiteral("disk is full");
        break;
    case Failure::ReadOnly:
        what = QStringLiteral("database is read-only");
        break;
    case Failure::Busy:
        what = QStringLiteral("database is locked by another process");
        break;
    case Failure::CannotOpen:
        what = QStringLiteral("cannot open database file");
        break;
    case Failure::Io:
        what = QStringLiteral("I/O error");
        break;
    case Failure::Other:
        what = QStringLiteral("database error");
        break;
    }
    QString detail = error.databaseText();
    if (detail.isEmpty())
        detail = error.driverText();
    return detail.isEmpty() ? what : what + QStringLiteral(": ") + detail;
}

QStringList HistoryConnection::repairSidecarPermissions(const QString &path)
{
    const QFileInfo database(path);
    if (!database.exists() || !database.isWritable())
        return {};
    QStringList repaired;
    for (const QLatin1String suffix : { QLatin1String("-wal"), QLatin1String("-shm") }) {
        const QFileInfo sidecar(path + suffix);
        if (!sidecar.exists() || sidecar.isWritable() || sidecar.ownerId() != database.ownerId())
            continue;
        if (QFile::setPermissions(sidecar.filePath(), database.permissions())) {
            qCWarning(lcHistory) << "made" << sidecar.filePath()
                                 << "writable again (left read-only while the database was)";
            repaired.append(sidecar.filePath());
        }
    }
    return repaired;
}

QString HistoryConnection::moveAside(const QString &path, QString *error)
{
    const QString stamp =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    QString target = path + QStringLiteral(".corrupt-") + stamp;
    for (int n = 1; QFileInfo::exists(target); ++n)
        target = path + QStringLiteral(".corrupt-") + stamp + QLatin1Char('-') + QString::number(n);
    if (QFileInfo::exists(path) && !QFile::rename(path, target)) {
        if (error)
            *error =
                QStringLiteral("cannot move corrupt database %1 aside to %2").arg(path, target);
        return {};
    }
    const QString wal = path + QStringLiteral("-wal");
    if (QFileInfo::exists(wal) && !QFile::rename(wal, target + QStringLiteral("-wal")))
        QFile::remove(wal);
    QFile::remove(path + QStringLiteral("-shm"));
    qCWarning(lcHistory) << "moved corrupt history database" << path << "aside to" << target;
    return target;
}

} // namespace fedmsg
