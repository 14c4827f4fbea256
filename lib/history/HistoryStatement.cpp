// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "history/HistoryStatement.h"

#include "history/HistoryLogging.h"

#include <QSqlDriver>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

#include <cstdint>
#include <cstring>

namespace fedmsg {

sqlite3 *HistoryStatement::nativeHandle(const QSqlDatabase &db)
{
    if (qEnvironmentVariableIntValue("FEDMSG_HISTORY_QT_SQL") == 1 || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    sqlite3 *native = *static_cast<sqlite3 *const *>(handle.constData());
    if (!native)
        return nullptr;
    // The handle belongs to the SQLite library Qt's driver was built with: only use it with
    // ours when both are the very same SQLite (a bundled copy of another version is not).
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT sqlite_source_id()")) || !query.next())
        return nullptr;
    const QByteArray theirs = query.value(0).toString().toUtf8();
    query.finish();
    if (theirs != QByteArray(sqlite3_sourceid())) {
        qCInfo(lcHistory) << "Qt's SQLite driver uses SQLite" << theirs << "not"
                          << sqlite3_sourceid() << "; history writes go through QSqlQuery";
        return nullptr;
    }
    return native;
}

void HistoryStatement::appendUtf8(std::string &out, QStringView s)
{
    const char16_t *in = s.utf16();
    const char16_t *const end = in + s.size();
    const std::size_t start = out.size();
    out.resize(start + 3 * static_cast<std::size_t>(s.size())); // a UTF-16 unit: <= 3 bytes
    char *o = out.data() + start;
    while (in != end) {
        // ASCII, four code units at a time (most of what is stored).
        while (end - in >= 4) {
            std::uint64_t units = 0;
            std::memcpy(&units, in, sizeof units);
            if ((units & 0xff80ff80ff80ff80ULL) != 0)
                break;
            o[0] = static_cast<char>(in[0]);
            o[1] = static_cast<char>(in[1]);
            o[2] = static_cast<char>(in[2]);
            o[3] = static_cast<char>(in[3]);
            o += 4;
            in += 4;
        }
        if (in == end)
            break;
        char32_t c = *in++;
        if (c < 0x80) {
            *o++ = static_cast<char>(c);
            continue;
        }
        if (QChar::isHighSurrogate(c) && in != end && QChar::isLowSurrogate(*in))
            c = QChar::surrogateToUcs4(static_cast<char16_t>(c), *in++);
        else if (QChar::isSurrogate(c))
            c = QChar::ReplacementCharacter;
        if (c < 0x800) {
            *o++ = static_cast<char>(0xc0 | (c >> 6));
        } else if (c < 0x10000) {
            *o++ = static_cast<char>(0xe0 | (c >> 12));
            *o++ = static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        } else {
            *o++ = static_cast<char>(0xf0 | (c >> 18));
            *o++ = static_cast<char>(0x80 | ((c >> 12) & 0x3f));
            *o++ = static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        }
        *o++ = static_cast<char>(0x80 | (c & 0x3f));
    }
    out.resize(static_cast<std::size_t>(o - out.data()));
}

HistoryStatement::HistoryStatement(const QSqlDatabase &db, sqlite3 *handle)
    : m_db(db)
    , m_handle(handle)
{}

HistoryStatement::~HistoryStatement()
{
    if (m_statement)
        sqlite3_finalize(m_statement);
}

bool HistoryStatement::prepare(const char *sql, QSqlError *error)
{
    if (m_handle) {
        const int rc =
            sqlite3_prepare_v3(m_handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr);
        if (rc != SQLITE_OK) {
            *error = nativeError(rc);
            if (m_statement)
                sqlite3_finalize(m_statement);
            m_statement = nullptr;
            return false;
        }
        return true;
    }
    m_query = std::make_unique<QSqlQuery>(m_db);
    if (!m_query->prepare(QString::fromUtf8(sql))) {
        *error = m_query->lastError();
        return false;
    }
    return true;
}

void HistoryStatement::bindText(int index, std::string_view utf8)
{
    if (m_statement) {
        // "" rather than NULL for an empty view: the text columns are NOT NULL.
        sqlite3_bind_text64(m_statement,
            index + 1,
            utf8.empty() ? "" : utf8.data(),
            utf8.size(),
            SQLITE_STATIC,
            SQLITE_UTF8);
    } else {
        m_query->bindValue(index,
            utf8.empty() ? QStringLiteral("")
                         : QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size())));
    }
}

void HistoryStatement::bindBlob(int index, std::string_view bytes)
{
    if (m_statement) {
        sqlite3_bind_blob64(m_statement, index + 1, bytes.data(), bytes.size(), SQLITE_STATIC);
    } else {
        m_query->bindValue(index, QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size())));
    }
}

void HistoryStatement::bindInt64(int index, qint64 value)
{
    if (m_statement)
        sqlite3_bind_int64(m_statement, index + 1, value);
    else
        m_query->bindValue(index, value);
}

void HistoryStatement::bindNull(int index)
{
    if (m_statement)
        sqlite3_bind_null(m_statement, index + 1);
    else
        m_query->bindValue(index, QVariant(QMetaType::fromType<qint64>()));
}

bool HistoryStatement::exec(QSqlError *error, bool *row)
{
    if (row)
        *row = false;
    if (!m_statement) {
        if (!m_query->exec()) {
            *error = m_query->lastError();
            return false;
        }
        if (m_query->isSelect()) {
            const bool hasRow = m_query->next();
            if (row)
                *row = hasRow;
        } else {
            m_changes = m_query->numRowsAffected();
            m_lastInsertId = m_query->lastInsertId().toLongLong();
        }
        return true;
    }
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW) {
        if (row)
            *row = true;
        return true; // finish() resets
    }
    if (rc == SQLITE_DONE) {
        m_changes = sqlite3_changes64(m_handle);
        m_lastInsertId = sqlite3_last_insert_rowid(m_handle);
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement); // nothing keeps pointing at the caller's buffers
        return true;
    }
    *error = nativeError(rc);
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    return false;
}

bool HistoryStatement::execToEnd(QSqlError *error, qint64 runs)
{
    if (!m_statement) {
        for (qint64 i = 0; i < runs; ++i) {
            if (!m_query->exec()) {
                *error = m_query->lastError();
                return false;
            }
        }
        m_query->finish();
        return true;
    }
    int rc = SQLITE_ROW;
    while (rc == SQLITE_ROW)
        rc = sqlite3_step(m_statement);
    sqlite3_reset(m_statement);
    if (rc != SQLITE_DONE) {
        *error = nativeError(rc);
        return false;
    }
    return true;
}

qint64 HistoryStatement::int64Value(int column) const
{
    if (m_statement)
        return sqlite3_column_int64(m_statement, column);
    return m_query->value(column).toLongLong();
}

void HistoryStatement::finish()
{
    if (m_statement) {
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
    } else if (m_query) {
        m_query->finish();
    }
}

QSqlError HistoryStatement::nativeError(int code) const
{
    const int extended = m_handle ? sqlite3_extended_errcode(m_handle) : code;
    return { QStringLiteral("Unable to execute statement"),
        m_handle ? QString::fromUtf8(sqlite3_errmsg(m_handle)) : QString(),
        QSqlError::StatementError,
        QString::number((extended & 0xff) == (code & 0xff) ? extended : code) };
}

} // namespace fedmsg
