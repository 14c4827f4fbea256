// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "json/JsonValue.h"
#include "json/JsonWriter.h"

#include <QTest>

using namespace fedmsg;

class TestJsonValue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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
