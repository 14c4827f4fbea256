// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "HistoryTestData.h"
#include "UnprivilegedChild.h"
#include "history/History.h"
#include "history/HistoryConnection.h"
#include "history/HistoryReader.h"

#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>

using namespace fedmsg;

class TestHistoryReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void missingFileIsAnErrorAndNotCreated();
    void olderSchemaNeedsMigration();
    void emptyFileIsNotSetUp();
    void readsWhileWriterWrites();
    void queryOnlyConnection();
    void openModeForReadOnlyFolder();
    void readsFromReadOnlyFolder();
    void searchWithoutBodiesLeavesOnlyThemOut();
    void scanReadsWhatSearchReads_data();
    void scanReadsWhatSearchReads();
    void scanStopsWhenTheVisitorSaysSo();

private:
    /// A database with `rows` messages in dir, written and closed (no -wal or -shm left).
    static QString makeDatabase(const QTemporaryDir &dir, int rows);
};

QString TestHistoryReader::makeDatabase(const QTemporaryDir &dir, int rows)
{
    HistoryOptions options;
    options.databasePath = dir.filePath(QStringLiteral("h.sqlite"));
    options.commitDelay = std::chrono::milliseconds(0);
    History history(options);
    qint64 stored = 0;
    QObject::connect(&history, &History::stored, &history, [&](const QList<StoreResult> &r) {
        stored += r.size();
    });
    QList<HistoryRecord> records;
    for (int i = 0; i < rows; ++i)
        records.append(testdata::makeRecord(
            QStringLiteral("ro-dir-%1").arg(i), QStringLiteral("t"), QStringLiteral("x")));
    history.store(records);
    [&] {
        QTRY_COMPARE(stored, qint64(rows));
    }();
    return options.databasePath;
}

// HistoryQuery::withBody = false (a rule preview without body conditions): the same rows, every
// other column the same, body, headers and long form not read.
void TestHistoryReader::searchWithoutBodiesLeavesOnlyThemOut()
{
    QTemporaryDir dir;
    HistoryReader reader(makeDatabase(dir, 3));
    HistoryQuery whole;
    QString error;
    const QList<StoredMessage> full = reader.search(whole, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    HistoryQuery lean = whole;
    lean.withBody = false;
    const QList<StoredMessage> light = reader.search(lean, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(light.size(), 3);
    QCOMPARE(light.size(), full.size());
    for (qsizetype i = 0; i < full.size(); ++i) {
        QVERIFY(!full[i].body.isEmpty());
        QVERIFY(light[i].body.isEmpty());
        QVERIFY(light[i].headers.isEmpty());
        QVERIFY(light[i].rendering.longForm.isEmpty());
        QCOMPARE(light[i].id, full[i].id);
        QCOMPARE(light[i].msgId, full[i].msgId);
        QCOMPARE(light[i].topic, full[i].topic);
        QCOMPARE(light[i].busName, full[i].busName);
        QCOMPARE(light[i].trust, full[i].trust);
        QCOMPARE(light[i].rendering.title, full[i].rendering.title);
        QCOMPARE(light[i].rendering.serviceName, full[i].rendering.serviceName);
        QCOMPARE(light[i].rendering.usernames, full[i].rendering.usernames);
        QCOMPARE(light[i].receivedAt, full[i].receivedAt);
        QCOMPARE(light[i].read, full[i].read);
    }
}

void TestHistoryReader::scanReadsWhatSearchReads_data()
{
    QTest::addColumn<bool>("qtSql");
    QTest::newRow("on the sqlite3 handle") << false;
    QTest::newRow("through QSqlQuery") << true;
}

// scan() with every column gives what search() gives, field by field, in the same order (UTF-8
// text beyond Latin-1, AMQP headers, lists, a NULL sent time, a query that narrows); with fewer
// columns, only those are left empty. Both ways of reading: on the driver's sqlite3 handle and
// through QSqlQuery (FEDMSG_HISTORY_QT_SQL=1, the way taken when Qt's SQLite is another one).
void TestHistoryReader::scanReadsWhatSearchReads()
{
    QFETCH(bool, qtSql);
    const QByteArray previous = qgetenv("FEDMSG_HISTORY_QT_SQL");
    qputenv("FEDMSG_HISTORY_QT_SQL", qtSql ? "1" : "0");
    const auto restore = qScopeGuard([&] {
        qputenv("FEDMSG_HISTORY_QT_SQL", previous);
    });
    QTemporaryDir dir;
    HistoryOptions options;
    options.databasePath = dir.filePath(QStringLiteral("h.sqlite"));
    options.commitDelay = std::chrono::milliseconds(0);
    {
        History history(options);
        QSignalSpy stored(&history, &History::stored);
        QList<HistoryRecord> records;
        for (int i = 0; i < 6; ++i) {
            HistoryRecord r = testdata::makeRecord(QStringLiteral("scan-%1").arg(i),
                QStringLiteral("org.fedoraproject.prod.bodhi.update.comment"),
                QStringLiteral("Grüße %1 — 漢字 \U0001F600").arg(i),
                { QStringLiteral("kalev"), QStringLiteral("ñandú") },
                { QStringLiteral("python-foo") },
                i % 2 != 0 ? QStringLiteral("bodhi") : QStringLiteral("koji"),
                1700000000 + i);
            if (i == 3) {
                r.envelope = Envelope(Envelope::Transport::Amqp, r.envelope.body());
                JsonValue::Object headers;
                headers.emplace_back("fedora_messaging_schema", JsonValue("bodhi.update.comment"));
                r.envelope.setHeaders(JsonValue(std::move(headers)));
                r.envelope.setBusName(QStringLiteral("fedora-messaging"));
                r.envelope.setTrust(TrustState::BrokerUnsigned, QStringLiteral("über TLS"));
            }
            r.rendering.longForm = QStringLiteral("long form ") + QString::number(i);
            r.rendering.agentName = i == 2 ? QStringLiteral("kalev") : QString();
            records.append(r);
        }
        history.store(records);
        QTRY_COMPARE(stored.size(), 1);
    }
    HistoryReader reader(options.databasePath);
    for (const bool narrowed : { false, true }) {
        HistoryQuery query;
        query.limit = 0;
        if (narrowed) {
            query.services = { QStringLiteral("bodhi") };
            query.oldestFirst = true;
        }
        QString error;
        const QList<StoredMessage> expected = reader.search(query, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(expected.size(), narrowed ? 3 : 6);
        const HistoryColumns every =
            HistoryColumn::Body | HistoryColumn::Extra | HistoryColumn::Details;
        for (const HistoryColumns columns : { every, HistoryColumns() }) {
            QList<StoredMessage> got;
            QVERIFY2(reader.scan(
                         query,
                         columns,
                         [&](const StoredMessage &m) {
                             got.append(m);
                             return true;
                         },
                         &error),
                qPrintable(error));
            QCOMPARE(got.size(), expected.size());
            const bool all = columns == every;
            for (qsizetype i = 0; i < got.size(); ++i) {
                const StoredMessage &a = got[i];
                const StoredMessage &b = expected[i];
                QCOMPARE(a.id, b.id);
                QCOMPARE(a.topic, b.topic);
                QCOMPARE(a.busName, b.busName);
                QCOMPARE(a.transport, b.transport);
                QCOMPARE(a.trust, b.trust);
                QCOMPARE(a.trustReason, b.trustReason);
                QCOMPARE(a.rendering.title, b.rendering.title);
                QCOMPARE(a.rendering.subtitle, b.rendering.subtitle);
                QCOMPARE(a.rendering.serviceName, b.rendering.serviceName);
                QVERIFY(!b.body.isEmpty());
                QVERIFY(!b.rendering.usernames.isEmpty());
                QCOMPARE(a.body, all ? b.body : QByteArray());
                QCOMPARE(a.headers, all ? b.headers : QByteArray());
                QCOMPARE(a.rendering.usernames, all ? b.rendering.usernames : QStringList());
                QCOMPARE(a.rendering.packages, all ? b.rendering.packages : QStringList());
                QCOMPARE(a.rendering.agentName, all ? b.rendering.agentName : QString());
                QCOMPARE(a.rendering.severity, b.rendering.severity);
                QCOMPARE(a.msgId, all ? b.msgId : QString());
                QCOMPARE(a.endpoint, all ? b.endpoint : QString());
                QCOMPARE(a.receivedAt, all ? b.receivedAt : QDateTime());
                QCOMPARE(a.sentAt, all ? b.sentAt : QDateTime());
                QCOMPARE(a.rendering.longForm, all ? b.rendering.longForm : QString());
                QCOMPARE(a.rendering.link, all ? b.rendering.link : QString());
                QCOMPARE(a.rendering.icon, all ? b.rendering.icon : QString());
                QCOMPARE(a.rendering.serviceLabel, all ? b.rendering.serviceLabel : QString());
                QCOMPARE(a.decision, all ? b.decision : QString());
                QCOMPARE(a.read, b.read);
            }
            QVERIFY(std::any_of(got.cbegin(), got.cend(), [&](const StoredMessage &m) {
                return m.transport == Envelope::Transport::Amqp && (!all || !m.headers.isEmpty());
            }));
        }
    }
}

// The visitor returning false ends the scan after that row; no error.
void TestHistoryReader::scanStopsWhenTheVisitorSaysSo()
{
    QTemporaryDir dir;
    HistoryReader reader(makeDatabase(dir, 5));
    HistoryQuery query;
    query.limit = 0;
    int visited = 0;
    QString error;
    QVERIFY(reader.scan(
        query,
        {},
        [&](const StoredMessage &) {
            return ++visited < 2;
        },
        &error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(visited, 2);
}

void TestHistoryReader::missingFileIsAnErrorAndNotCreated()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("none.sqlite"));
    HistoryReader reader(path);
    QString error;
    QVERIFY(reader.search({}, &error).isEmpty());
    QVERIFY2(error.contains(QStringLiteral("no history database")) && error.contains(path),
        qPrintable(error));
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(!reader.isOpen());
}

void TestHistoryReader::olderSchemaNeedsMigration()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v1.sqlite"));
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("make"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE messages (id INTEGER PRIMARY KEY)")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 1")));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("make"));
    HistoryReader reader(path);
    QString error;
    QCOMPARE(reader.count({}, &error), 0);
    QVERIFY2(error.contains(QStringLiteral("schema version 1"))
            && error.contains(QStringLiteral("migrate")),
        qPrintable(error));
}

void TestHistoryReader::emptyFileIsNotSetUp()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("empty.sqlite"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    HistoryReader reader(path);
    QString error;
    QVERIFY(!reader.open(&error));
    QVERIFY2(error.contains(QStringLiteral("not set up")), qPrintable(error));
}

// A reader on another thread (as a CLI or a worker would use it) sees each committed batch.
void TestHistoryReader::readsWhileWriterWrites()
{
    QTemporaryDir dir;
    HistoryOptions options;
    options.databasePath = dir.filePath(QStringLiteral("h.sqlite"));
    options.commitDelay = std::chrono::milliseconds(10); // each batch its own commit
    History history(options);
    QTRY_VERIFY(history.isReady());
    qint64 storedTotal = 0;
    QList<qint64> seenByReader;
    HistoryReader reader(options.databasePath);
    connect(&history, &History::stored, this, [&](const QList<StoreResult> &results) {
        storedTotal += results.size();
        seenByReader.append(reader.count({}));
    });
    for (int batch = 0; batch < 5; ++batch) {
        QList<HistoryRecord> records;
        for (int i = 0; i < 100; ++i)
            records.append(testdata::makeRecord(QStringLiteral("b%1-%2").arg(batch).arg(i),
                QStringLiteral("t"),
                QStringLiteral("x")));
        history.store(records);
        QTRY_COMPARE(storedTotal, qint64(batch + 1) * 100);
    }
    QCOMPARE(seenByReader, (QList<qint64> { 100, 200, 300, 400, 500 }));

    // Another thread with its own reader.
    qint64 countOnThread = -1;
    QThread *thread = QThread::create([&] {
        HistoryReader threadReader(options.databasePath);
        countOnThread = threadReader.count({});
    });
    thread->start();
    QVERIFY(thread->wait(20000));
    delete thread;
    QCOMPARE(countOnThread, 500);
}

void TestHistoryReader::queryOnlyConnection()
{
    QTemporaryDir dir;
    HistoryOptions options;
    options.databasePath = dir.filePath(QStringLiteral("h.sqlite"));
    {
        History history(options);
        QTRY_VERIFY(history.isReady());
    }
    HistoryReader reader(options.databasePath);
    QString error;
    QVERIFY2(reader.open(&error), qPrintable(error));
    QCOMPARE(reader.count({}), 0);
    // The reader's connection refuses writes.
    QString readerName;
    for (const QString &name : QSqlDatabase::connectionNames()) {
        if (name.startsWith(QStringLiteral("fedmsg-history-reader-")))
            readerName = name;
    }
    QVERIFY(!readerName.isEmpty());
    QSqlDatabase db = QSqlDatabase::database(readerName, false);
    QSqlQuery q(db);
    QVERIFY(!q.exec(QStringLiteral("DELETE FROM messages")));
    QVERIFY2(q.lastError().text().contains(QStringLiteral("readonly"), Qt::CaseInsensitive)
            || q.lastError().text().contains(QStringLiteral("read-only"), Qt::CaseInsensitive),
        qPrintable(q.lastError().text()));
}

// Issue 13 item 8: the reader opens read-only, and in a folder where SQLite cannot make the
// -shm file (read-only folder, no -shm yet) it opens the file as immutable instead of failing.
void TestHistoryReader::openModeForReadOnlyFolder()
{
    QTemporaryDir dir;
    const QString path = makeDatabase(dir, 3);
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-shm")));
    // A writable folder: a read-only connection with the usual WAL locking.
    QCOMPARE(HistoryReader::openModeFor(path, true), HistoryConnection::Mode::ReadOnly);
    // A read-only folder without -shm: immutable (no locks, no -shm needed).
    QCOMPARE(HistoryReader::openModeFor(path, false), HistoryConnection::Mode::Immutable);
    // A read-only folder where a writer left a -shm: the shared memory is used (read-only if
    // need be) with its locks.
    QFile shm(path + QStringLiteral("-shm"));
    QVERIFY(shm.open(QIODevice::WriteOnly));
    shm.close();
    QFile wal(path + QStringLiteral("-wal"));
    QVERIFY(wal.open(QIODevice::WriteOnly));
    wal.close();
    QCOMPARE(HistoryReader::openModeFor(path, false), HistoryConnection::Mode::ReadOnly);
}

// End to end in a folder that is really read-only (as nobody when the test runs as root).
void TestHistoryReader::readsFromReadOnlyFolder()
{
    if (testdata::mustDropPrivileges()) {
        QString output;
        const int code =
            testdata::runUnprivileged(QStringLiteral("readsFromReadOnlyFolder"), &output);
        if (code != 0)
            qWarning("child running as nobody:\n%s", qPrintable(output));
        QCOMPARE(code, 0);
        return;
    }
    QTemporaryDir dir;
    const QString path = makeDatabase(dir, 7);
    QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    const auto restore = qScopeGuard([&] {
        QFile::setPermissions(
            dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    });
    HistoryReader reader(path);
    QString error;
    QCOMPARE(reader.count({}, &error), 7);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    HistoryQuery q;
    q.msgId = QStringLiteral("ro-dir-4");
    QCOMPARE(reader.search(q, &error).size(), 1);
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-shm")));
}

QTEST_GUILESS_MAIN(TestHistoryReader)
#include "TestHistoryReader.moc"
