// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "CaseTally.h"
#include "JsonLines.h"
#include "TestData.h"
#include "json/JsonParser.h"
#include "json/JsonWriter.h"
#include "json/Utf8.h"

#include <QTest>

#include <cmath>

using namespace fedmsg;

namespace {

QString canonicalVectorsPath()
{
    return test::testDataOverride("FEDMSG_CANONICAL_VECTORS", "vectors/canonical-public.jsonl");
}

std::string fromB64(const JsonValue &v)
{
    const QByteArray b = QByteArray::fromBase64(QByteArray::fromStdString(v.toStdString()));
    return b.toStdString();
}

std::string canon(std::string_view text)
{
    JsonParseError err;
    auto v = JsonParser::parse(text, &err);
    if (!v)
        return "ERROR " + err.pythonText();
    return JsonWriter::canonical(*v);
}

} // namespace

class TestJsonParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void canonicalVectors()
    {
        QString error;
        const auto vectors = test::readJsonLines(canonicalVectorsPath(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        test::CaseTally tally;
        for (const JsonValue &vec : vectors) {
            const QString name = vec["name"].toQString();
            const std::string input = fromB64(vec["input_b64"]);
            JsonParseError err;
            auto parsed = JsonParser::parse(input, &err);
            const JsonValue &pyError = vec["python_error"];
            if (pyError.isString()) {
                if (parsed)
                    tally.fail(name,
                        QStringLiteral("expected error '%1', got %2")
                            .arg(pyError.toQString(),
                                QString::fromStdString(JsonWriter::canonical(*parsed))));
                else if (err.pythonText() != pyError.toStdString())
                    tally.fail(name,
                        QStringLiteral("expected error '%1', got '%2'")
                            .arg(pyError.toQString(), QString::fromStdString(err.pythonText())));
                else
                    tally.pass();
                continue;
            }
            const std::string expected = fromB64(vec["canonical_b64"]);
            if (!parsed) {
                tally.fail(name,
                    QStringLiteral("unexpected error '%1'")
                        .arg(QString::fromStdString(err.pythonText())));
                continue;
            }
            const std::string got = JsonWriter::canonical(*parsed);
            if (got != expected)
                tally.fail(name,
                    QStringLiteral("expected %1 got %2")
                        .arg(QString::fromStdString(expected), QString::fromStdString(got)));
            else if (canon(got) != got) // the canonical form is a fixed point
                tally.fail(name, QStringLiteral("canonical form is not stable"));
            else
                tally.pass();
        }
        tally.print();
        QVERIFY(tally.passed > 0);
        QCOMPARE(tally.failed, 0);
    }

    void pythonRules_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected"); // canonical text or "ERROR <python text>"
        auto row = [](const char *name, const QByteArray &in, const QByteArray &out) {
            QTest::newRow(name) << in << out;
        };
        row("int", "42", "42");
        row("minus zero int", "-0", "0");
        row("minus zero float", "-0.0", "-0.0");
        row("int64 max", "9223372036854775807", "9223372036854775807");
        row("int64 min", "-9223372036854775808", "-9223372036854775808");
        row("past int64", "9223372036854775808", "9223372036854775808");
        row("uint64 max", "18446744073709551615", "18446744073709551615");
        row("2^53+1", "9007199254740993", "9007199254740993");
        row("2^53+1 float", "9007199254740993.0", "9007199254740992.0");
        row("1e400", "[1e400,-1e400,1e-400,-1e-400]", "[Infinity,-Infinity,0.0,-0.0]");
        row("huge mantissa", "1000000000000000000000000000000000000e-30", "1000000.0");
        row("tiny", "0.00000000000000000000000000000000000000000000000000001e400", "Infinity");
        row("nan inf", "[NaN,Infinity,-Infinity]", "[NaN,Infinity,-Infinity]");
        row("dup last wins nested", R"({"a":{"x":1,"x":[2]},"a":{"y":3}})", R"({"a":{"y":3}})");
        row("lone high", R"("\ud800")", R"("\ud800")");
        row("high then non-low", R"("\ud800\u0041")", R"("\ud800A")");
        row("high at end-ish",
            R"("\ud83d\ude0")",
            "ERROR JSONDecodeError: Invalid \\uXXXX escape: line 1 column 9 (char 8)");
        row("whitespace", " \t\r\n[ 1 , 2 ]\n ", "[1,2]");
        row("raw utf8", "\"\xc3\xa9\"", R"("\u00e9")");
        row("trailing comma array",
            "[1,]",
            "ERROR JSONDecodeError: Expecting value: line 1 column 4 (char 3)");
        row("single quotes",
            "{'a':1}",
            "ERROR JSONDecodeError: Expecting property name enclosed in double quotes: line 1 "
            "column 2 (char 1)");
        row("leading zero", "01", "ERROR JSONDecodeError: Extra data: line 1 column 2 (char 1)");
        row("plus", "+1", "ERROR JSONDecodeError: Expecting value: line 1 column 1 (char 0)");
        row("dot five", ".5", "ERROR JSONDecodeError: Expecting value: line 1 column 1 (char 0)");
        row("minus alone", "-", "ERROR JSONDecodeError: Expecting value: line 1 column 1 (char 0)");
        row("exp backtrack", "1e", "ERROR JSONDecodeError: Extra data: line 1 column 2 (char 1)");
        row("exp sign backtrack",
            "[1e+]",
            "ERROR JSONDecodeError: Expecting ',' delimiter: line 1 column 3 (char 2)");
        row("unterminated",
            "\"abc",
            "ERROR JSONDecodeError: Unterminated string starting at: line 1 column 1 (char 0)");
        row("unterminated escape",
            "\"abc\\",
            "ERROR JSONDecodeError: Unterminated string starting at: line 1 column 1 (char 0)");
        row("short u",
            R"("\u12")",
            "ERROR JSONDecodeError: Invalid \\uXXXX escape: line 1 column 3 (char 2)");
        row("missing colon",
            R"({"a" 1})",
            "ERROR JSONDecodeError: Expecting ':' delimiter: line 1 column 6 (char 5)");
        row("missing comma",
            R"({"a":1 "b":2})",
            "ERROR JSONDecodeError: Expecting ',' delimiter: line 1 column 8 (char 7)");
        row("open brace",
            "{",
            "ERROR JSONDecodeError: Expecting property name enclosed in double quotes: line 1 "
            "column 2 (char 1)");
        row("open bracket",
            "[",
            "ERROR JSONDecodeError: Expecting value: line 1 column 2 (char 1)");
        row("nul partial",
            "nul",
            "ERROR JSONDecodeError: Expecting value: line 1 column 1 (char 0)");
        row("NaN extra", "NaNx", "ERROR JSONDecodeError: Extra data: line 1 column 4 (char 3)");
        row("char index counts code points",
            "[1, 2\n, \"\xc3\xa9\xc3\xa9\", x]",
            "ERROR JSONDecodeError: Expecting value: line 2 column 9 (char 14)");
        row("invalid start byte",
            "[\"\xff\"]",
            "ERROR UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 2: invalid "
            "start byte");
        row("utf8 error beats json error",
            "x\xe2\x82",
            "ERROR UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 1-2: "
            "unexpected end of data");
        row("encoded surrogate",
            "\"\xed\xa0\x80\"",
            "ERROR UnicodeDecodeError: 'utf-8' codec can't decode byte 0xed in position 1: invalid "
            "continuation byte");
        row("overlong",
            "\"\xc0\x80\"",
            "ERROR UnicodeDecodeError: 'utf-8' codec can't decode byte 0xc0 in position 1: invalid "
            "start byte");
        row("bad continuation",
            "\"\xf0\x9f\x98x\"",
            "ERROR UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 1-3: invalid "
            "continuation byte");
        row("bom",
            "\xef\xbb\xbf{}",
            "ERROR JSONDecodeError: Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 "
            "(char 0)");
        row("DEL is allowed raw", "\"\x7f\"", R"("\u007f")");
        row("tab raw rejected",
            "\"\t\"",
            "ERROR JSONDecodeError: Invalid control character at: line 1 column 2 (char 1)");
        row("bad escape",
            R"("\x41")",
            "ERROR JSONDecodeError: Invalid \\escape: line 1 column 2 (char 1)");
        // NOLINTBEGIN(modernize-raw-string-literal): moc's lexer trips over \" inside raw strings
        row("all escapes",
            "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0001\\u001F\"",
            "\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0001\\u001f\"");
        // NOLINTEND(modernize-raw-string-literal)
        row("extra data", "{} {}", "ERROR JSONDecodeError: Extra data: line 1 column 4 (char 3)");
        row("empty", "", "ERROR JSONDecodeError: Expecting value: line 1 column 1 (char 0)");
        row("only spaces",
            "   ",
            "ERROR JSONDecodeError: Expecting value: line 1 column 4 (char 3)");
    }

    void pythonRules()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QCOMPARE(QByteArray::fromStdString(canon(input.toStdString())), expected);
    }

    void integerDigitLimit()
    {
        const std::string ok(4300, '7');
        QCOMPARE(canon(ok), ok);
        QCOMPARE(canon("-" + ok), "-" + ok);
        const std::string tooMany(4301, '7');
        JsonParseError err;
        QVERIFY(!JsonParser::parse(tooMany, &err));
        QCOMPARE(err.kind, JsonParseError::Kind::IntegerDigits);
        QCOMPARE(QByteArray::fromStdString(err.pythonText()),
            QByteArray(
                "ValueError: Exceeds the limit (4300 digits) for integer string conversion: "
                "value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit"));
        // Floats have no digit limit.
        QCOMPARE(canon(tooMany + ".0e-4300"), std::string("7.777777777777778"));
    }

    void depthLimit()
    {
        const int depth = 500;
        const std::string nested = std::string(depth, '[') + std::string(depth, ']');
        QCOMPARE(canon(nested), nested);
        JsonParseError err;
        QVERIFY(!JsonParser::parse(nested, &err, 100));
        QCOMPARE(err.kind, JsonParseError::Kind::Depth);
        // Far too deep input is an error, not a stack overflow.
        const std::string deep = std::string(200000, '[') + std::string(200000, ']');
        QVERIFY(!JsonParser::parse(deep, &err));
        QCOMPARE(err.kind, JsonParseError::Kind::Depth);
    }

    void typesAreKept()
    {
        auto v = JsonParser::parse(R"({"i":1,"f":1.0,"b":123456789012345678901234567890,"s":"x"})");
        QVERIFY(v);
        QVERIFY((*v)["i"].isInteger());
        QVERIFY(!(*v)["i"].isBigInteger());
        QVERIFY((*v)["f"].isFloat());
        QVERIFY((*v)["b"].isBigInteger());
        QCOMPARE((*v)["b"].integerText(), std::string("123456789012345678901234567890"));
        QVERIFY((*v)["i"] != (*v)["f"]);
        QCOMPARE((*v)["s"].toQString(), QStringLiteral("x"));
    }

    void utf8LeadTable()
    {
        // Python's strict decoder: the second byte's range after each special lead byte.
        QCOMPARE(utf8Lead(0x80).length, 0);
        QCOMPARE(utf8Lead(0xC1).length, 0);
        QCOMPARE(utf8Lead(0xC2).length, 2);
        QCOMPARE(utf8Lead(0xDF).length, 2);
        QCOMPARE(utf8Lead(0xE0).secondMin, 0xA0);
        QCOMPARE(utf8Lead(0xED).secondMax, 0x9F);
        QCOMPARE(utf8Lead(0xEF).length, 3);
        QCOMPARE(utf8Lead(0xF0).secondMin, 0x90);
        QCOMPARE(utf8Lead(0xF4).secondMax, 0x8F);
        QCOMPARE(utf8Lead(0xF4).length, 4);
        QCOMPARE(utf8Lead(0xF5).length, 0);
        QCOMPARE(utf8Lead(0xFF).length, 0);
    }

    void parserAndDecoderAgreeOnEveryLeadAndSecondByte()
    {
        // Every lead byte >= 0x80 followed by every second byte (and valid continuations): the
        // parser accepts the JSON string exactly when strict UTF-8 decoding accepts its bytes.
        int accepted = 0;
        for (int lead = 0x80; lead <= 0xFF; ++lead) {
            for (int second = 0; second <= 0xFF; ++second) {
                std::string bytes { char(lead), char(second), '\x80', '\x80' };
                bytes.resize(static_cast<std::size_t>(std::max(2, utf8Lead(lead).length)));
                if (second == '"' || second == '\\' || second < 0x20)
                    continue; // not a string body byte on its own
                const bool valid = !firstUtf8Error(bytes);
                const bool parsed = JsonParser::parse('"' + bytes + '"').has_value();
                if (valid != parsed)
                    QFAIL(qPrintable(QStringLiteral("lead %1 second %2: decoder %3, parser %4")
                                         .arg(lead, 2, 16)
                                         .arg(second, 2, 16)
                                         .arg(valid)
                                         .arg(parsed)));
                accepted += valid ? 1 : 0;
            }
        }
        // 2-byte: 30 leads x 64; 3-byte: 16 leads x 64 less E0 and ED's 32 each; 4-byte: F0 48,
        // F1..F3 64 each, F4 16.
        QCOMPARE(accepted, 30 * 64 + 16 * 64 - 64 + 48 + 3 * 64 + 16);
    }

    void loneSurrogateSurvives()
    {
        auto v = JsonParser::parse(R"({"k\udc00":"\ud800x"})");
        QVERIFY(v);
        QCOMPARE(JsonWriter::canonical(*v), std::string(R"({"k\udc00":"\ud800x"})"));
        // As QString a lone surrogate is replaced.
        QCOMPARE(
            v->object().front().second.toQString(), QString(QChar(0xFFFD)) + QStringLiteral("x"));
    }
};

QTEST_GUILESS_MAIN(TestJsonParser)
#include "TestJsonParser.moc"
