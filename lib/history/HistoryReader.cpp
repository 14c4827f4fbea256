// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "history/HistoryReader.h"

#include "history/FtsQuery.h"
#include "history/HistoryConnection.h"
#include "history/HistoryLogging.h"
#include "history/HistoryOptions.h"
#include "history/HistorySchema.h"
#include "history/HistoryStatement.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <sqlite3.h>

#include <cstring>
#include <functional>

#include <optional>
#include <tuple>

namespace fedmsg {

namespace {

const QLatin1String Columns(
    "m.id, m.msg_id, m.topic, m.body, m.headers, m.bus_name, m.endpoint, m.transport, m.trust,"
    " m.trust_reason, m.received_at, m.sent_at, m.title, m.subtitle, m.long_form, m.link, m.icon,"
    " m.secondary_icon, m.service_name, m.service_label, m.extra, m.decision, m.decision_rule,"
    " m.is_read");

// The same columns, in the same places, without the large ones (HistoryQuery::withBody).
const QLatin1String ColumnsWithoutBody(
    "m.id, m.msg_id, m.topic, NULL, NULL, m.bus_name, m.endpoint, m.transport, m.trust,"
    " m.trust_reason, m.received_at, m.sent_at, m.title, m.subtitle, NULL, m.link, m.icon,"
    " m.secondary_icon, m.service_name, m.service_label, m.extra, m.decision, m.decision_rule,"
    " m.is_read");

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    list.reserve(array.size());
    for (const auto &v : array)
        list.append(v.toString());
    return list;
}

// One result row read through QSqlQuery (values as QVariants, text as UTF-16).
class QtRow
{
public:
    explicit QtRow(const QSqlQuery &q)
        : m_q(q)
    {}
    [[nodiscard]] qint64 int64(int i) const { return m_q.value(i).toLongLong(); }
    [[nodiscard]] QString text(int i) const { return m_q.value(i).toString(); }
    [[nodiscard]] QByteArray bytes(int i) const { return m_q.value(i).toByteArray(); }
    [[nodiscard]] bool isNull(int i) const { return m_q.value(i).isNull(); }
    [[nodiscard]] bool textIs(int i, QLatin1String s) const { return text(i) == s; }

private:
    const QSqlQuery &m_q;
};

// One result row of a statement stepped on the sqlite3 handle itself: text read as the UTF-8
// it is stored as, no QVariant per value (the writer stores valid UTF-8: HistoryStatement).
class NativeRow
{
public:
    explicit NativeRow(sqlite3_stmt *s)
        : m_s(s)
    {}
    [[nodiscard]] qint64 int64(int i) const { return sqlite3_column_int64(m_s, i); }
    [[nodiscard]] QString text(int i) const
    {
        const char *utf8 = textAt(i);
        return utf8 != nullptr ? QString::fromUtf8(utf8, sqlite3_column_bytes(m_s, i)) : QString();
    }
    [[nodiscard]] QByteArray bytes(int i) const
    {
        const auto *data = static_cast<const char *>(sqlite3_column_blob(m_s, i));
        return data != nullptr ? QByteArray(data, sqlite3_column_bytes(m_s, i)) : QByteArray();
    }
    [[nodiscard]] bool isNull(int i) const { return sqlite3_column_type(m_s, i) == SQLITE_NULL; }
    [[nodiscard]] bool textIs(int i, QLatin1String s) const
    {
        const char *utf8 = textAt(i);
        return utf8 != nullptr && sqlite3_column_bytes(m_s, i) == s.size()
            && std::memcmp(utf8, s.data(), std::size_t(s.size())) == 0;
    }

private:
    [[nodiscard]] const char *textAt(int i) const
    {
        return static_cast<const char *>(static_cast<const void *>(sqlite3_column_text(m_s, i)));
    }

    sqlite3_stmt *m_s;
};

template <typename Row>
QDateTime fromMs(const Row &row, int i)
{
    if (row.isNull(i))
        return {};
    return QDateTime::fromMSecsSinceEpoch(row.int64(i), Qt::UTC);
}

// The rendering's lists and names, from the extra column's JSON (HistoryWriter).
void readExtra(const QByteArray &json, Rendering *r)
{
    if (json.isEmpty()) { // not read (a NULL in its place): what an empty object gives
        r->severity = 20;
        r->fallback = false;
        return;
    }
    const QJsonObject extra = QJsonDocument::fromJson(json).object();
    r->usernames = stringList(extra.value(QStringLiteral("usernames")));
    r->packages = stringList(extra.value(QStringLiteral("packages")));
    r->objects = stringList(extra.value(QStringLiteral("objects")));
    r->appName = extra.value(QStringLiteral("appName")).toString();
    r->agentName = extra.value(QStringLiteral("agentName")).toString();
    r->containers = stringList(extra.value(QStringLiteral("containers")));
    r->modules = stringList(extra.value(QStringLiteral("modules")));
    r->flatpaks = stringList(extra.value(QStringLiteral("flatpaks")));
    r->groups = stringList(extra.value(QStringLiteral("groups")));
    r->severity = extra.value(QStringLiteral("severity")).toInt(20);
    r->fallback = extra.value(QStringLiteral("fallback")).toBool(false);
}

// A row of Columns (or of a selection of them with NULL in the others' places: every
// StoredMessage field read from a NULL is empty).
template <typename Row>
StoredMessage fromRow(const Row &q)
{
    StoredMessage m;
    m.id = q.int64(0);
    m.msgId = q.text(1);
    m.topic = q.text(2);
    m.body = q.bytes(3);
    m.headers = q.bytes(4);
    m.busName = q.text(5);
    m.endpoint = q.text(6);
    m.transport = q.textIs(7, QLatin1String("amqp")) ? Envelope::Transport::Amqp
                                                     : Envelope::Transport::ZeroMq;
    m.trust = trustStateFromName(q.text(8));
    m.trustReason = q.text(9);
    m.receivedAt = fromMs(q, 10);
    m.sentAt = fromMs(q, 11);
    Rendering &r = m.rendering;
    r.title = q.text(12);
    r.subtitle = q.text(13);
    r.longForm = q.text(14);
    r.link = q.text(15);
    r.icon = q.text(16);
    r.secondaryIcon = q.text(17);
    r.serviceName = q.text(18);
    r.serviceLabel = q.text(19);
    readExtra(q.bytes(20), &r);
    m.decision = q.text(21);
    m.decisionRule = q.text(22);
    m.read = q.int64(23) != 0;
    return m;
}

// The columns of Columns a scan reads (HistoryColumns), NULL in the places of the others.
QString scanColumns(HistoryColumns columns)
{
    const bool body = columns.testFlag(HistoryColumn::Body);
    const bool extra = columns.testFlag(HistoryColumn::Extra);
    const bool details = columns.testFlag(HistoryColumn::Details);
    const std::initializer_list<std::pair<const char *, bool>> all = { { "m.id", true },
        { "m.msg_id", details },
        { "m.topic", true },
        { "m.body", body },
        { "m.headers", body },
        { "m.bus_name", true },
        { "m.endpoint", details },
        { "m.transport", true },
        { "m.trust", true },
        { "m.trust_reason", true },
        { "m.received_at", details },
        { "m.sent_at", details },
        { "m.title", true },
        { "m.subtitle", true },
        { "m.long_form", details },
        { "m.link", details },
        { "m.icon", details },
        { "m.secondary_icon", details },
        { "m.service_name", true },
        { "m.service_label", details },
        { "m.extra", extra },
        { "m.decision", details },
        { "m.decision_rule", details },
        { "m.is_read", details } };
    QStringList out;
    for (const auto &[name, read] : all)
        out.append(read ? QLatin1String(name) : QLatin1String("NULL"));
    return out.join(QStringLiteral(", "));
}

QString placeholders(qsizetype n)
{
    QStringList marks;
    marks.reserve(n);
    for (qsizetype i = 0; i < n; ++i)
        marks.append(QStringLiteral("?"));
    return QStringLiteral("(") + marks.join(QLatin1Char(',')) + QStringLiteral(")");
}

bool runQuery(QSqlQuery &q, const QString &sql, const QVariantList &binds, QString *error)
{
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        setError(error,
            QStringLiteral("history query failed: ") + HistoryConnection::describe(q.lastError()));
        return false;
    }
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec()) {
        setError(error,
            QStringLiteral("history query failed: ") + HistoryConnection::describe(q.lastError()));
        return false;
    }
    return true;
}

// HistoryReader::scan on the sqlite3 handle of the connection (HistoryStatement::nativeHandle).
bool scanNative(sqlite3 *handle,
    const QString &sql,
    const QVariantList &binds,
    const std::function<bool(const StoredMessage &)> &visit,
    QString *error)
{
    const auto failed = [&] {
        setError(error,
            QStringLiteral("history query failed: ") + QString::fromUtf8(sqlite3_errmsg(handle)));
        return false;
    };
    sqlite3_stmt *statement = nullptr;
    const QByteArray sqlUtf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(handle, sqlUtf8.constData(), int(sqlUtf8.size()), &statement, nullptr)
        != SQLITE_OK) {
        sqlite3_finalize(statement);
        return failed();
    }
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)> owned(statement, sqlite3_finalize);
    int index = 1;
    for (const QVariant &v : binds) {
        int rc = SQLITE_OK;
        if (v.typeId() == QMetaType::QString) {
            const QByteArray utf8 = v.toString().toUtf8();
            rc = sqlite3_bind_text64(statement,
                index,
                utf8.constData(),
                quint64(utf8.size()),
                SQLITE_TRANSIENT,
                SQLITE_UTF8);
        } else if (v.typeId() == QMetaType::QByteArray) {
            const QByteArray bytes = v.toByteArray();
            rc = sqlite3_bind_blob64(
                statement, index, bytes.constData(), quint64(bytes.size()), SQLITE_TRANSIENT);
        } else {
            rc = sqlite3_bind_int64(statement, index, v.toLongLong());
        }
        if (rc != SQLITE_OK)
            return failed();
        ++index;
    }
    for (;;) {
        const int rc = sqlite3_step(statement);
        if (rc == SQLITE_DONE)
            return true;
        if (rc != SQLITE_ROW)
            return failed();
        if (!visit(fromRow(NativeRow(statement))))
            return true;
    }
}

} // namespace

HistoryReader::HistoryReader(const QString &databasePath)
    : m_path(databasePath.isEmpty() ? HistoryOptions::defaultDatabasePath() : databasePath)
{}

HistoryReader::~HistoryReader()
{
    close();
}

bool HistoryReader::open(QString *error)
{
    if (m_open)
        return true;
    if (!QFileInfo::exists(m_path)) {
        setError(error, QStringLiteral("no history database at %1").arg(m_path));
        return false;
    }
    const QFileInfo file(m_path);
    HistoryConnection::Mode mode = openModeFor(m_path, QFileInfo(file.absolutePath()).isWritable());
    QSqlError sqlError;
    const auto connect = [&] {
        close();
        m_connectionName = HistoryConnection::uniqueName(QStringLiteral("reader"));
        m_db = HistoryConnection::open(m_path, m_connectionName, mode, &sqlError);
        return m_db.isValid() && m_db.isOpen();
    };
    bool opened = connect();
    if (!opened && mode == HistoryConnection::Mode::ReadOnly
        && HistoryConnection::classify(sqlError) == HistoryConnection::Failure::CannotOpen
        && !QFileInfo(file.absolutePath()).isWritable()) {
        mode = HistoryConnection::Mode::Immutable; // the -shm file cannot be made after all
        opened = connect();
    }
    if (opened && mode == HistoryConnection::Mode::Immutable) {
        qCWarning(lcHistory).noquote()
            << QStringLiteral("history database %1 is in a read-only folder: reading it without "
                              "locks (immutable)%2")
                   .arg(m_path,
                       QFileInfo(m_path + QStringLiteral("-wal")).size() > 0
                           ? QStringLiteral("; changes still in its -wal file are not seen")
                           : QString());
    }
    if (!opened) {
        setError(error,
            QStringLiteral("cannot open history database %1: %2")
                .arg(m_path, HistoryConnection::describe(sqlError)));
        close();
        return false;
    }
    const int version = HistorySchema::version(m_db, &sqlError);
    if (version != HistorySchema::CurrentVersion) {
        if (version < 0) {
            setError(error,
                QStringLiteral("cannot read history database %1: %2")
                    .arg(m_path, HistoryConnection::describe(sqlError)));
        } else if (version == 0) {
            setError(error, QStringLiteral("history database %1 is not set up yet").arg(m_path));
        } else {
            setError(error,
                QStringLiteral("history database %1 has schema version %2, this program reads "
                               "version %3%4")
                    .arg(m_path)
                    .arg(version)
                    .arg(HistorySchema::CurrentVersion)
                    .arg(version < HistorySchema::CurrentVersion
                            ? QStringLiteral(" (start fedmsg-notify once to migrate it)")
                            : QString()));
        }
        close();
        return false;
    }
    m_open = true;
    return true;
}

HistoryConnection::Mode HistoryReader::openModeFor(const QString &path, bool folderWritable)
{
    if (folderWritable)
        return HistoryConnection::Mode::ReadOnly;
    // An existing -shm (a writer is or was at work) is used even when it is read-only to us:
    // SQLite reads through a read-only -shm, with the locks that keep a running writer's
    // changes consistent. Immutable (no locks) only when there is none and none can be made.
    return QFileInfo::exists(path + QStringLiteral("-shm")) ? HistoryConnection::Mode::ReadOnly
                                                            : HistoryConnection::Mode::Immutable;
}

void HistoryReader::close()
{
    m_open = false;
    if (!m_connectionName.isEmpty()) {
        m_db = QSqlDatabase();
        HistoryConnection::close(m_connectionName);
        m_connectionName.clear();
    }
}

namespace {

// The FTS5 MATCH conditions of a query (to be joined by AND): none when it has no text, user,
// package or topic prefix; nullopt with *error when the text is not a valid search.
std::optional<QStringList> ftsConditions(const HistoryQuery &query, QString *error)
{
    // Text, user, package and topic-prefix conditions are narrowed by one FTS5 MATCH; the last
    // three are also checked exactly below (the index ignores case and separators).
    QStringList match;
    if (!query.text.trimmed().isEmpty()) {
        const auto expression = FtsQuery::toMatchExpression(query.text, error);
        if (!expression)
            return std::nullopt;
        match.append(QStringLiteral("(") + *expression + QStringLiteral(")"));
    }
    for (const auto &[column, value, initial, prefix] :
        { std::tuple { QStringLiteral("usernames"), query.user, false, false },
            std::tuple { QStringLiteral("packages"), query.package, false, false },
            std::tuple { QStringLiteral("topic"), query.topicPrefix, true, true } }) {
        if (value.isEmpty())
            continue;
        if (const auto phrase = FtsQuery::columnPhrase(column, value, initial, prefix))
            match.append(*phrase);
    }
    return match;
}

} // namespace

bool HistoryReader::select(
    const HistoryQuery &query, bool withKeyset, Selection *selection, QString *error)
{
    QStringList clauses;
    QVariantList *binds = &selection->binds;
    selection->from = QStringLiteral("messages m");
    selection->idColumn = QStringLiteral("m.id");
    const std::optional<QStringList> match = ftsConditions(query, error);
    if (!match)
        return false;
    if (!match->isEmpty()) {
        // Driven by the FTS index, which yields row ids in order, so LIMIT stops early.
        selection->from =
            QStringLiteral("messages_fts CROSS JOIN messages m ON m.id = messages_fts.rowid");
        selection->idColumn = QStringLiteral("messages_fts.rowid");
        clauses.append(QStringLiteral("messages_fts MATCH ?"));
        binds->append(match->join(QStringLiteral(" AND ")));
    }
    const auto inList = [&](const QString &column, const QStringList &values) {
        if (values.isEmpty())
            return;
        clauses.append(column + QStringLiteral(" IN ") + placeholders(values.size()));
        for (const QString &v : values)
            binds->append(v.isNull() ? QStringLiteral("") : v); // a null QString binds as NULL
    };
    inList(QStringLiteral("m.bus_name"), query.buses);
    inList(QStringLiteral("m.service_name"), query.services);
    if (!query.topicPrefix.isEmpty()) {
        clauses.append(QStringLiteral("substr(m.topic, 1, ?) = ?"));
        binds->append(static_cast<qint64>(query.topicPrefix.toUcs4().size()));
        binds->append(query.topicPrefix);
    }
    // The exact lists are in the extra JSON (written by HistoryWriter; '{}' for migrated rows).
    // SQLite's JSON functions end a string at \u0000, so json_each compares the name up to its
    // first NUL and the JSON text must also hold the whole name exactly as the writer encoded it.
    for (const auto &[key, value] : { std::pair { QLatin1String("$.usernames"), query.user },
             std::pair { QLatin1String("$.packages"), query.package } }) {
        if (value.isEmpty())
            continue;
        clauses.append(
            QStringLiteral("EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(m.extra)"
                           " THEN m.extra ELSE '{}' END, '")
            + key + QStringLiteral("') WHERE json_each.value = ?) AND instr(m.extra, ?) > 0"));
        const QString beforeNul = value.left(value.indexOf(QChar(u'\0')));
        binds->append(beforeNul.isNull() ? QStringLiteral("") : beforeNul);
        binds->append(HistorySchema::jsonString(value));
    }
    QStringList trustNames;
    for (TrustState t : query.trust)
        trustNames.append(trustStateName(t));
    inList(QStringLiteral("m.trust"), trustNames);
    inList(QStringLiteral("m.decision"), query.decisions);
    if (!query.msgId.isEmpty()) {
        // msg_id has no index of its own: a message with one is keyed "id:<msg_id>" (its hash
        // indexed), written as UTF-8 by HistoryWriter (bound the same way here, so even a lone
        // surrogate matches).
        std::string key("id:");
        HistoryStatement::appendUtf8(key, query.msgId);
        clauses.append(QStringLiteral("m.dedup_hash = ? AND m.dedup_key = CAST(? AS TEXT)"));
        binds->append(HistorySchema::deduplicationHash(key));
        binds->append(QByteArray::fromStdString(key));
    }
    if (query.from.isValid()) {
        clauses.append(QStringLiteral("m.received_at >= ?"));
        binds->append(query.from.toMSecsSinceEpoch());
    }
    if (query.to.isValid()) {
        clauses.append(QStringLiteral("m.received_at < ?"));
        binds->append(query.to.toMSecsSinceEpoch());
    }
    if (query.unreadOnly)
        clauses.append(QStringLiteral("m.is_read = 0"));
    if (withKeyset && query.afterRowId > 0) {
        clauses.append(selection->idColumn
            + (query.oldestFirst ? QStringLiteral(" > ?") : QStringLiteral(" < ?")));
        binds->append(query.afterRowId);
    }
    selection->where = clauses.isEmpty()
        ? QString()
        : QStringLiteral(" WHERE ") + clauses.join(QStringLiteral(" AND "));
    return true;
}

QList<StoredMessage> HistoryReader::search(const HistoryQuery &query, QString *error)
{
    QList<StoredMessage> messages;
    Selection sel;
    if (!open(error) || !select(query, true, &sel, error))
        return messages;
    const QString order = query.oldestFirst ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    // Pick the page's row ids first (narrow rows to sort), then read those rows.
    const QString sql = QStringLiteral("SELECT ") + (query.withBody ? Columns : ColumnsWithoutBody)
        + QStringLiteral(" FROM messages m WHERE m.id IN (SELECT ") + sel.idColumn
        + QStringLiteral(" FROM ") + sel.from + sel.where + QStringLiteral(" ORDER BY ")
        + sel.idColumn + order + QStringLiteral(" LIMIT ? OFFSET ?) ORDER BY m.id") + order;
    sel.binds.append(query.limit > 0 ? query.limit : -1);
    sel.binds.append(std::max(0, query.offset));
    QSqlQuery q(m_db);
    if (!runQuery(q, sql, sel.binds, error))
        return messages;
    while (q.next())
        messages.append(fromRow(QtRow(q)));
    if (q.lastError().isValid()) {
        setError(error,
            QStringLiteral("history query failed: ") + HistoryConnection::describe(q.lastError()));
        messages.clear();
    }
    return messages;
}

bool HistoryReader::scan(const HistoryQuery &query,
    HistoryColumns columns,
    const std::function<bool(const StoredMessage &)> &visit,
    QString *error)
{
    Selection sel;
    if (!open(error) || !select(query, true, &sel, error))
        return false;
    const QString order = query.oldestFirst ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    // As search(): the row ids first (narrow rows to sort), then those rows, in one statement.
    const QString sql = QStringLiteral("SELECT ") + scanColumns(columns)
        + QStringLiteral(" FROM messages m WHERE m.id IN (SELECT ") + sel.idColumn
        + QStringLiteral(" FROM ") + sel.from + sel.where + QStringLiteral(" ORDER BY ")
        + sel.idColumn + order + QStringLiteral(" LIMIT ? OFFSET ?) ORDER BY m.id") + order;
    sel.binds.append(query.limit > 0 ? query.limit : -1);
    sel.binds.append(std::max(0, query.offset));
    sqlite3 *handle = HistoryStatement::nativeHandle(m_db);
    if (handle == nullptr) {
        QSqlQuery q(m_db);
        if (!runQuery(q, sql, sel.binds, error))
            return false;
        while (q.next())
            if (!visit(fromRow(QtRow(q))))
                return true;
        if (q.lastError().isValid()) {
            setError(error,
                QStringLiteral("history query failed: ")
                    + HistoryConnection::describe(q.lastError()));
            return false;
        }
        return true;
    }
    // On the connection's own handle: no QVariant per value, text read as the UTF-8 it is.
    return scanNative(handle, sql, sel.binds, visit, error);
}

qint64 HistoryReader::count(const HistoryQuery &query, QString *error)
{
    Selection sel;
    if (!open(error) || !select(query, false, &sel, error))
        return 0;
    QSqlQuery q(m_db);
    if (!runQuery(
            q, QStringLiteral("SELECT count(*) FROM ") + sel.from + sel.where, sel.binds, error)
        || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

QList<ServiceCount> HistoryReader::countsPerService(const HistoryQuery &query, QString *error)
{
    QList<ServiceCount> counts;
    Selection sel;
    if (!open(error) || !select(query, false, &sel, error))
        return counts;
    QSqlQuery q(m_db);
    // Counted from the (received_at, service_name) index alone; labels are looked up afterwards.
    if (!runQuery(q,
            QStringLiteral("SELECT m.service_name, count(*) FROM ") + sel.from + sel.where
                + QStringLiteral(" GROUP BY m.service_name ORDER BY 2 DESC, 1 ASC"),
            sel.binds,
            error))
        return counts;
    while (q.next())
        counts.append(ServiceCount { q.value(0).toString(), QString(), q.value(1).toLongLong() });
    q.finish();
    QSqlQuery label(m_db);
    label.prepare(QStringLiteral("SELECT service_label FROM messages WHERE service_name = ?"
                                 " ORDER BY received_at DESC LIMIT 1"));
    for (ServiceCount &c : counts) {
        label.addBindValue(c.serviceName.isNull() ? QStringLiteral("") : c.serviceName);
        if (label.exec() && label.next())
            c.serviceLabel = label.value(0).toString();
        label.finish();
    }
    return counts;
}

QList<TopicCount> HistoryReader::countsPerTopic(const HistoryQuery &query, QString *error)
{
    QList<TopicCount> counts;
    Selection sel;
    if (!open(error) || !select(query, false, &sel, error))
        return counts;
    QSqlQuery q(m_db);
    if (!runQuery(q,
            QStringLiteral("SELECT m.service_name, m.topic, count(*) FROM ") + sel.from + sel.where
                + QStringLiteral(" GROUP BY m.service_name, m.topic ORDER BY 3 DESC, 1 ASC, 2 ASC"),
            sel.binds,
            error))
        return counts;
    while (q.next())
        counts.append(
            TopicCount { q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong() });
    return counts;
}

std::optional<StoredMessage> HistoryReader::message(qint64 id, QString *error)
{
    if (error)
        error->clear();
    if (!open(error))
        return std::nullopt;
    QSqlQuery q(m_db);
    if (!runQuery(q,
            QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM messages m WHERE m.id = ?"),
            { id },
            error)
        || !q.next())
        return std::nullopt;
    return fromRow(QtRow(q));
}

} // namespace fedmsg
