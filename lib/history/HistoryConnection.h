// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <QStringList>

namespace fedmsg {

/**
 * @brief Opening, classifying and moving aside History's SQLite connections (internal).
 *
 * A QSqlDatabase connection belongs to the thread that opened it: the writer opens its own on
 * its thread, each reader opens one on the caller's thread.
 */
class HistoryConnection
{
public:
    /// What a failed statement means for the store.
    enum class Failure {
        None,
        Corrupt, ///< SQLITE_CORRUPT / SQLITE_NOTADB: move the file aside, start a new one
        Full, ///< SQLITE_FULL: disk (or max_page_count) full
        ReadOnly, ///< SQLITE_READONLY / SQLITE_PERM / SQLITE_AUTH
        Busy, ///< SQLITE_BUSY / SQLITE_LOCKED: another process holds the lock
        CannotOpen, ///< SQLITE_CANTOPEN
        Io, ///< SQLITE_IOERR
        Other,
    };

    /// How a connection opens its file.
    enum class Mode {
        ReadWrite, ///< the writer: creates the file if needed
        ReadOnly, ///< readers: SQLITE_OPEN_READONLY, WAL with shared memory (-shm)
        /// Read-only without locks or shared memory (URI immutable=1), for a file in a folder
        /// where the -shm file cannot be created: changes still in a -wal file are not seen.
        Immutable,
    };

    /// A new, unique connection name with the given role ("writer", "reader").
    static QString uniqueName(const QString &role);
    /// Opens the file with WAL-friendly settings (only ReadWrite creates it); the read modes
    /// cannot write. On failure returns an invalid database and fills *error.
    static QSqlDatabase open(
        const QString &path, const QString &connectionName, Mode mode, QSqlError *error);
    /// Closes and removes the named connection (all its queries must be gone).
    static void close(const QString &connectionName);

    /// Runs one statement; false and *error on failure.
    static bool exec(const QSqlDatabase &db, const QString &sql, QSqlError *error = nullptr);
    /// SQLite primary result code of an error (-1 when unknown).
    static int sqliteCode(const QSqlError &error);
    static Failure classify(const QSqlError &error);
    /// A one-line reason for humans ("disk is full: database or disk is full").
    static QString describe(const QSqlError &error);

    /// SQLite creates the -wal and -shm files with the database file's mode: made while the
    /// database was read-only (chmod 444), they stay read-only after the database is writable
    /// again, and every connection is then read-only. When path is writable, gives such files
    /// path's permissions back (only files this user owns) and returns the ones it changed.
    static QStringList repairSidecarPermissions(const QString &path);

    /// Renames path (and its -wal file) to "<path>.corrupt-<UTC timestamp>", removes -shm.
    /// Returns the new name, or an empty string with *error.
    static QString moveAside(const QString &path, QString *error);
};

} // namespace fedmsg
