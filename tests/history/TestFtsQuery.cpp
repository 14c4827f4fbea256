// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "CaseTally.h"
#include "history/FtsQuery.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace fedmsg;

class TestFtsQuery : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void expression_data();
    void expression();
    void refused_data();
    void refused();
    void hostileInputIsValidFts5();
};

void TestFtsQuery::expression_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("word") << QStringLiteral("bodhi") << QStringLiteral("\"bodhi\"");
    QTest::newRow("two words AND")
        << QStringLiteral("bodhi  update") << QStringLiteral("\"bodhi\" AND \"update\"");
    QTest::newRow("prefix") << QStringLiteral("bod*") << QStringLiteral("\"bod\"*");
    QTest::newRow("many stars") << QStringLiteral("bod***") << QStringLiteral("\"bod\"*");
    QTest::newRow("phrase") << QStringLiteral("\"new update\"") << QStringLiteral("\"new update\"");
    QTest::newRow("phrase prefix")
        << QStringLiteral("\"new upd\"*") << QStringLiteral("\"new upd\"*");
    QTest::newRow("unclosed phrase")
        << QStringLiteral("koji \"build fin") << QStringLiteral("\"koji\" AND \"build fin\"");
    QTest::newRow("OR") << QStringLiteral("koji OR bodhi")
                        << QStringLiteral("(\"koji\" OR \"bodhi\")");
    QTest::newRow("OR binds tighter than AND") << QStringLiteral(
        "ralph koji OR bodhi") << QStringLiteral("\"ralph\" AND (\"koji\" OR \"bodhi\")");
    QTest::newRow("leading OR ignored") << QStringLiteral("OR koji") << QStringLiteral("\"koji\"");
    QTest::newRow("lowercase or is a word")
        << QStringLiteral("koji or bodhi") << QStringLiteral("\"koji\" AND \"or\" AND \"bodhi\"");
    QTest::newRow("exclude") << QStringLiteral("koji -scratch")
                             << QStringLiteral("(\"koji\") NOT (\"scratch\")");
    QTest::newRow("NOT keyword") << QStringLiteral("koji NOT scratch")
                                 << QStringLiteral("(\"koji\") NOT (\"scratch\")");
    QTest::newRow("quote inside word")
        << QStringLiteral("ab\"cd") << QStringLiteral("\"ab\" AND \"cd\"");
    QTest::newRow("double quote escaped") << QStringLiteral("\"say \"\"hi\"\" now\"")
                                          << QStringLiteral("\"say\" AND \"hi\" AND \"now\"");
    QTest::newRow("fts operators are words")
        << QStringLiteral("NEAR(a b)") << QStringLiteral("\"NEAR(a\" AND \"b)\"");
    QTest::newRow("column filter is a word")
        << QStringLiteral("title:koji") << QStringLiteral("\"title:koji\"");
    QTest::newRow("punctuation only dropped")
        << QStringLiteral("koji - !!") << QStringLiteral("\"koji\"");
    QTest::newRow("unicode") << QStringLiteral("Überprüfung") << QStringLiteral("\"Überprüfung\"");
    QTest::newRow("dashed package")
        << QStringLiteral("python-requests") << QStringLiteral("\"python-requests\"");
}

void TestFtsQuery::expression()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QString error;
    const auto result = FtsQuery::toMatchExpression(input, &error);
    QVERIFY2(result.has_value(), qPrintable(error));
    QCOMPARE(*result, expected);
}

void TestFtsQuery::refused_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("empty") << QStringLiteral("") << QStringLiteral("no words");
    QTest::newRow("star") << QStringLiteral("*") << QStringLiteral("no words");
    QTest::newRow("operators only") << QStringLiteral("AND OR NOT") << QStringLiteral("no words");
    QTest::newRow("only excluded") << QStringLiteral("-koji") << QStringLiteral("only excludes");
    QTest::newRow("too long") << QString(FtsQuery::MaxLength + 1, u'a')
                              << QStringLiteral("too long");
    QTest::newRow("too many terms") << QStringLiteral("a ").repeated(FtsQuery::MaxTerms + 1)
                                    << QStringLiteral("too many terms");
}

void TestFtsQuery::refused()
{
    QFETCH(QString, input);
    QFETCH(QString, errorPart);
    QString error;
    QVERIFY(!FtsQuery::toMatchExpression(input, &error).has_value());
    QVERIFY2(error.contains(errorPart), qPrintable(error));
}

// Every expression FtsQuery produces must be accepted by SQLite's FTS5 parser.
void TestFtsQuery::hostileInputIsValidFts5()
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fts"));
    db.setDatabaseName(QStringLiteral(":memory:"));
    QVERIFY(db.open());
    {
        QSqlQuery q(db);
        QVERIFY2(q.exec(QStringLiteral("CREATE VIRTUAL TABLE t USING fts5(a)")),
            qPrintable(q.lastError().text()));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO t VALUES ('koji build \"quoted\" NEAR(x)')")));
        const QStringList inputs = {
            QStringLiteral("\""),
            QStringLiteral("\"\""),
            QStringLiteral("a\"b\"c\""),
            QStringLiteral("(koji"),
            QStringLiteral("koji)"),
            QStringLiteral("NEAR(koji, 2)"),
            QStringLiteral("a:b c:"),
            QStringLiteral("^koji"),
            QStringLiteral("koji*build"),
            QStringLiteral("- -- ---x"),
            QStringLiteral("x OR OR y"),
            QStringLiteral("x NOT"),
            QStringLiteral("{a b}: c"),
            QStringLiteral("+koji"),
            QString(QChar(0)) + QStringLiteral("koji"),
            QStringLiteral("\"quoted\""),
            QStringLiteral("\xf0\x9f\x98\x80 koji"),
            QStringLiteral("koji\tbuild\n"),
        };
        test::CaseTally tally;
        for (const QString &input : inputs) {
            QString error;
            const auto expression = FtsQuery::toMatchExpression(input, &error);
            if (!expression) {
                tally.pass(); // a clear refusal is fine
                QVERIFY(!error.isEmpty());
                continue;
            }
            q.prepare(QStringLiteral("SELECT count(*) FROM t WHERE t MATCH ?"));
            q.addBindValue(*expression);
            if (q.exec() && q.next())
                tally.pass();
            else
                tally.fail(input, *expression + QStringLiteral(": ") + q.lastError().text());
            q.finish();
        }
        tally.print();
        QCOMPARE(tally.failed, 0);
        // And they still find what they should.
        q.prepare(QStringLiteral("SELECT count(*) FROM t WHERE t MATCH ?"));
        q.addBindValue(*FtsQuery::toMatchExpression(QStringLiteral("\"quoted\" bui*")));
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("fts"));
}

QTEST_GUILESS_MAIN(TestFtsQuery)
#include "TestFtsQuery.moc"
