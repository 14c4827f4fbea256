// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "json/JsonParser.h"
#include "json/JsonValue.h"
#include "json/JsonWriter.h"

#include <QTest>

using namespace fedmsg;

class TestJsonValue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pythonTruth_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<bool>("truth");
        // Python's bool(json.loads(text)) for each.
        QTest::newRow("null") << "null" << false;
        QTest::newRow("false") << "false" << false;
        QTest::newRow("true") << "true" << true;
        QTest::newRow("0") << "0" << false;
        QTest::newRow("-0") << "-0" << false;
        QTest::newRow("1") << "1" << true;
        QTest::newRow("-1") << "-1" << true;
        QTest::newRow("int64 min") << "-9223372036854775808" << true;
        QTest::newRow("big int") << "123456789012345678901234567890" << true;
        QTest::newRow("big negative int") << "-123456789012345678901234567890" << true;
        QTest::newRow("0.0") << "0.0" << false;
        QTest::newRow("-0.0") << "-0.0" << false;
        QTest::newRow("0e10") << "0e10" << false;
        QTest::newRow("tiny float") << "1e-320" << true;
        QTest::newRow("float overflow (inf)") << "1e400" << true;
        QTest::newRow("NaN") << "NaN" << true;
        QTest::newRow("empty string") << "\"\"" << false;
        QTest::newRow("string 0") << "\"0\"" << true;
        QTest::newRow("string False") << "\"False\"" << true;
        QTest::newRow("space") << "\" \"" << true;
        QTest::newRow("empty list") << "[]" << false;
        QTest::newRow("empty dict") << "{}" << false;
        QTest::newRow("list of falsy") << "[0, null, \"\", [], {}]" << true;
        QTest::newRow("nested empty list") << "[[]]" << true;
        QTest::newRow("dict with null") << "{\"a\": null}" << true;
        QTest::newRow("dict of empty dict") << "{\"a\": {}}" << true;
    }

    void pythonTruth()
    {
        QFETCH(QString, json);
        QFETCH(bool, truth);
        const auto v = JsonParser::parse(json.toStdString());
        QVERIFY(v);
        QCOMPARE(v->pythonTruth(), truth);
    }

    void pythonTruthOfBuiltValues()
    {
        QVERIFY(!JsonValue().pythonTruth());
        QVERIFY(!JsonValue(0).pythonTruth());
        QVERIFY(!JsonValue(std::int64_t(0)).pythonTruth());
        QVERIFY(!JsonValue::fromIntegerText("-0").pythonTruth());
        QVERIFY(JsonValue::fromIntegerText("-99999999999999999999999").pythonTruth());
        QVERIFY(!JsonValue(-0.0).pythonTruth());
        QVERIFY(!JsonValue(std::string()).pythonTruth());
        QVERIFY(!JsonValue::emptyArray().pythonTruth());
        QVERIFY(!JsonValue::emptyObject().pythonTruth());
        QVERIFY(JsonValue(JsonValue::Array { JsonValue() }).pythonTruth());
    }

    void objectConstructorSortsAndLastWins()
    {
        JsonValue::Object members;
        members.emplace_back("b", JsonValue(1));
        members.emplace_back("a", JsonValue(2));
        members.emplace_back("b", JsonValue(3));
        const JsonValue v(std::move(members));
        QCOMPARE(v.size(), std::size_t(2));
        QCOMPARE(JsonWriter::canonical(v), std::string(R"({"a":2,"b":3})"));
    }

    void accessors()
    {
        JsonValue v;
        QVERIFY(v.isNull());
        v.insert("n", JsonValue(5));
        v.insert("s", JsonValue("t"));
        QVERIFY(v.isObject());
        QCOMPARE(v["n"].toInt64(), std::int64_t(5));
        QVERIFY(v["missing"].isNull());
        QVERIFY(v["s"][0].isNull());
        QVERIFY(v.contains("s"));
        QVERIFY(v.remove("s"));
        QVERIFY(!v.remove("s"));
        QVERIFY(!v.contains("s"));
        bool ok = true;
        QCOMPARE(JsonValue(1.5).toInt64(7, &ok), std::int64_t(7));
        QVERIFY(!ok);
        QCOMPARE(JsonValue(std::int64_t(3)).toDouble(), 3.0);
    }

    void copyOnWrite()
    {
        JsonValue a;
        a.insert("k", JsonValue(1));
        JsonValue b = a;
        b.insert("k", JsonValue(2));
        QCOMPARE(a["k"].toInt64(), std::int64_t(1));
        QCOMPARE(b["k"].toInt64(), std::int64_t(2));
        JsonValue arr;
        arr.append(JsonValue(1));
        JsonValue arr2 = arr;
        arr2.append(JsonValue(2));
        QCOMPARE(arr.size(), std::size_t(1));
        QCOMPARE(arr2.size(), std::size_t(2));
    }

    void equalityKeepsTypes()
    {
        QVERIFY(JsonValue(1) != JsonValue(1.0));
        QVERIFY(JsonValue(std::nan("")) == JsonValue(std::nan("")));
        QVERIFY(JsonValue(0.0) != JsonValue(-0.0));
        QVERIFY(JsonValue("a") == JsonValue(std::string("a")));
        QVERIFY(JsonValue::emptyArray() != JsonValue::emptyObject());
    }

    void qstringConversion()
    {
        const QString s = QStringLiteral("caf\u00e9 ") + QString::fromUcs4(U"\U0001F600");
        const JsonValue v(s);
        QCOMPARE(v.toStdString(), std::string("caf\xc3\xa9 \xf0\x9f\x98\x80"));
        QCOMPARE(v.toQString(), s);
        // A lone surrogate in a QString is kept as WTF-8 and written like Python does.
        const JsonValue lone(QString(QChar(0xD800)));
        QCOMPARE(JsonWriter::canonical(lone), std::string(R"("\ud800")"));
    }
};

QTEST_GUILESS_MAIN(TestJsonValue)
#include "TestJsonValue.moc"
