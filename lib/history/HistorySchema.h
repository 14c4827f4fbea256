// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "render/Rendering.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

#include <string>
#include <string_view>

namespace fedmsg {

/**
 * @brief History's table layout, its version (PRAGMA user_version) and the migrations from every
 * earlier version (internal; used by the writer).
 *
 * Version 1 (the first release) was one table:
 *   messages(id INTEGER PRIMARY KEY, msg_id TEXT UNIQUE, topic TEXT NOT NULL, body TEXT NOT NULL,
 *            received_at INTEGER NOT NULL -- seconds since the epoch,
 *            title TEXT, subtitle TEXT, link TEXT, read INTEGER NOT NULL DEFAULT 0)
 * Version 2 added de-duplication keys, the envelope's transport facts, trust, the whole
 * rendering, rule decisions, millisecond times, the FTS5 index and user/package lookup tables.
 * Version 3 drops the topic and msg_id indexes and the user/package lookup tables
 * (random-order keys that made every write batch rewrite most of their pages); those filters use
 * the FTS index and dedup_key instead.
 * Version 4 indexes a 64-bit hash of dedup_key instead of the key itself (no UNIQUE
 * constraint: the writer checks the key on a hash match) and puts the small columns that filters
 * read before the large ones; the table is copied once, with the same ids.
 * Version 5 (current) replaces the three indexes ordered by id (id with service, bus with id,
 * unread ids) by one, messages_id_state(id, service_name, bus_name, is_read).
 */
class HistorySchema
{
public:
    static constexpr int CurrentVersion = 5;
    /// PRAGMA auto_vacuum value of every database prepare() leaves behind.
    static constexpr int IncrementalVacuum = 2;

    enum class Result { Ok, TooNew, Failed };

    /// user_version of the open database, or -1 with *error.
    static int version(const QSqlDatabase &db, QSqlError *error = nullptr);
    /// Puts the database in WAL mode with incremental auto-vacuum and 512-byte pages (an older
    /// file gets one VACUUM) and creates or migrates the schema to CurrentVersion,
    /// each migration in one transaction. TooNew: made by a newer program; left untouched.
    static Result prepare(const QSqlDatabase &db, QSqlError *error, QString *reason);

    /// The unique key a message is de-duplicated by: its msg_id, else a hash of its canonical body.
    static QString deduplicationKey(const QString &msgId, const QByteArray &canonicalBody);
    /// The indexed hash of a de-duplication key (its UTF-8 bytes): the first 64 bits of its
    /// SHA-256. Equal hashes say nothing: the key itself is compared.
    static qint64 deduplicationHash(std::string_view utf8Key);
    /// Appends the extra column's JSON (UTF-8) to extra: an object with the exact usernames and
    /// packages lists (always) and the Rendering fields that have no column of their own.
    static void appendExtraJson(std::string &extra, const Rendering &r);
    /// s as a JSON string literal exactly as appendExtraJson() writes it (control characters as
    /// \u00XX, a lone surrogate as U+FFFD).
    static QString jsonString(const QString &s);

private:
    static bool createCurrent(const QSqlDatabase &db, QSqlError *error);
    static bool createV3(const QSqlDatabase &db, QSqlError *error); ///< for migrateFrom1
    static bool migrateOneVersion(const QSqlDatabase &db, int from, QSqlError *error);
    static bool migrateFrom1(const QSqlDatabase &db, QSqlError *error);
    static bool migrateFrom2(const QSqlDatabase &db, QSqlError *error);
    static bool migrateFrom3(const QSqlDatabase &db, QSqlError *error);
    static bool migrateFrom4(const QSqlDatabase &db, QSqlError *error);
    /// Switches an older file to auto_vacuum = INCREMENTAL and 512-byte pages (one VACUUM,
    /// logged with its cost; the page size waits for a start where no other connection has
    /// the file open).
    static bool ensureFileLayout(const QSqlDatabase &db, QSqlError *error);
};

} // namespace fedmsg
