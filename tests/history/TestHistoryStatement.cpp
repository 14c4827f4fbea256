// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "CaseTally.h"
#include "history/HistoryStatement.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <array>

using namespace fedmsg;

class TestHistoryStatement : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void utf8MatchesQt();
    void loneSurrogatesBecomeReplacementCharacters();
    void nativeAndQtPathsStoreTheSame();
};

// Every length 0..12 with one non-ASCII character (2-, 3- and 4-byte) at every position, so the
// four-at-a-time ASCII loop meets it at each offset.
void TestHistoryStatement::utf8MatchesQt()
{
    const std::array specials = { QStringLiteral("\u00e9"),
        QStringLiteral("\u4e2d"),
        QStringLiteral("\U0001F600"),
        QStringLiteral("\u007f") };
    test::CaseTally tally;
    for (const QString &special : specials) {
        for (int length = 0; length <= 12; ++length) {
            for (int at = 0; at <= length; ++at) {
                QString s = QString(length, QLatin1Char('a'));
                s.insert(at, special);
                std::string out = "prefix";
                HistoryStatement::appendUtf8(out, s);
                if (out != "prefix" + s.toUtf8().toStdString())
                    tally.fail(s, QStringLiteral("differs from QString::toUtf8"));
                else
                    tally.pass();
            }
        }
    }
    tally.print();
    QCOMPARE(tally.failed, 0);
}

void TestHistoryStatement::loneSurrogatesBecomeReplacementCharacters()
{
    const QString high = QStringLiteral("ab") + QChar(char16_t(0xd800)) + QStringLiteral("cdef");
    const QString low = QChar(char16_t(0xdc00)) + QStringLiteral("x");
    const QString swapped = QString(QChar(char16_t(0xdc00))) + QChar(char16_t(0xd800));
    for (const QString &s : { high, low, swapped }) {
        std::string out;
        HistoryStatement::appendUtf8(out, s);
        QString expected = s;
        for (QChar &c : expected) {
            if (c.isSurrogate())
                c = QChar(QChar::ReplacementCharacter);
        }
        QCOMPARE(QByteArray::fromStdString(out), expected.toUtf8());
    }
}

void TestHistoryStatement::nativeAndQtPathsStoreTheSame()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("s"));
    db.setDatabaseName(dir.filePath(QStringLiteral("s.sqlite")));
    QVERIFY(db.open());
    {
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT UNIQUE,"
                                      " b BLOB, n INTEGER)")));
    }
    sqlite3 *native = HistoryStatement::nativeHandle(db);
    if (!native && qEnvironmentVariableIntValue("FEDMSG_HISTORY_QT_SQL") != 1)
        QSKIP("Qt's SQLite driver is not the SQLite library fedmsg_history links");
    for (sqlite3 *handle : { native, static_cast<sqlite3 *>(nullptr) }) {
        const std::string key = handle ? "native \xc3\xa9" : "qt \xc3\xa9";
        HistoryStatement insert(db, handle);
        QSqlError error;
        QVERIFY(insert.prepare(
            "INSERT INTO t (k, b, n) VALUES (?, ?, ?) ON CONFLICT(k) DO NOTHING", &error));
        QCOMPARE(insert.isNative(), handle != nullptr);
        insert.bindText(0, key);
        insert.bindBlob(1, std::string_view("\0x", 2));
        insert.bindNull(2);
        QVERIFY2(insert.exec(&error), qPrintable(error.text()));
        QCOMPARE(insert.changes(), 1);
        const qint64 id = insert.lastInsertId();
        QVERIFY(id > 0);
        insert.bindText(0, key);
        insert.bindBlob(1, "y");
        insert.bindInt64(2, 5);
        QVERIFY(insert.exec(&error));
        QCOMPARE(insert.changes(), 0); // the conflict did nothing

        HistoryStatement find(db, handle);
        QVERIFY(find.prepare("SELECT id FROM t WHERE k = ?", &error));
        bool row = false;
        find.bindText(0, key);
        QVERIFY(find.exec(&error, &row));
        QVERIFY(row);
        QCOMPARE(find.int64Value(0), id);
        find.finish();

        QSqlQuery check(db);
        QVERIFY(
            check.exec(
                QStringLiteral("SELECT k, b, n IS NULL, typeof(k) FROM t WHERE id = %1").arg(id))
            && check.next());
        QCOMPARE(check.value(0).toString(), QString::fromUtf8(key.c_str()));
        QCOMPARE(check.value(1).toByteArray(), QByteArray("\0x", 2));
        QVERIFY(check.value(2).toBool());
        QCOMPARE(check.value(3).toString(), QStringLiteral("text"));
        check.finish();
    }
    {
        // Errors carry SQLite's code, as HistoryConnection::classify expects.
        HistoryStatement bad(db, native);
        QSqlError error;
        QVERIFY(bad.prepare("INSERT INTO t (id, k) VALUES (1, 'dup')", &error));
        QVERIFY(!bad.exec(&error));
        QCOMPARE(error.nativeErrorCode().toInt() & 0xff, 19); // SQLITE_CONSTRAINT
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("s"));
}

QTEST_GUILESS_MAIN(TestHistoryStatement)
#include "TestHistoryStatement.moc"
