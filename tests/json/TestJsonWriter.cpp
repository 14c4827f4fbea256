// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "CaseTally.h"
#include "JsonLines.h"
#include "TestData.h"
#include "json/JsonParser.h"
#include "json/JsonWriter.h"

#include <QTest>

#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <random>

using namespace fedmsg;

namespace {

struct FloatCase
{
    double value;
    const char *repr; // Python 3.11 repr(value), generated once with CPython
};

// Bit patterns chosen at random plus boundaries; expectations come from CPython's repr().
const auto PythonFloatReprs = std::to_array<FloatCase>({
    { 0x0.0p+0, "0.0" },
    { -0x0.0p+0, "-0.0" },
    { 0x1.0000000000000p+0, "1.0" },
    { 0x1.999999999999ap-4, "0.1" },
    { 0x1.0000000000000p-1, "0.5" },
    { 0x1.1c37937e08000p+53, "1e+16" },
    { 0x1.c6bf526340000p+49, "1000000000000000.0" },
    { 0x1.1c37937e07fffp+53, "9999999999999998.0" },
    { 0x1.a36e2eb1c432dp-14, "0.0001" },
    { 0x1.4f8b588e368f1p-17, "1e-05" },
    { 0x1.1eb2d66005835p+997, "1.5e+300" },
    { 0x0.0000000000001p-1022, "5e-324" },
    { 0x1.fffffffffffffp+1023, "1.7976931348623157e+308" },
    { 0x1.0000000000000p-1022, "2.2250738585072014e-308" },
    { 0x1.d6f3454800000p+26, "123456789.125" },
    { 0x1.0f0cf064dd592p+73, "1e+22" },
    { 0x1.b1ae4d6e2ef50p+69, "1e+21" },
    { 0x1.3333333333334p-2, "0.30000000000000004" },
    { 0x1.440097cf7f5e4p+30, "1358964211.874383" },
    { -0x1.421f5f40d8376p-23, "-1.5e-07" },
    { 0x1.9000000000000p+6, "100.0" },
    { 0x1.56a95319d63e1p+63, "1.2345678901234567e+19" },
    { 0x1.5ee2a2eb5a5c4p+53, "1.2345678901234568e+16" },
    { -0x1.74de452e6b438p+811, "-1.989032661366619e+244" },
    { 0x1.3270e269e0d37p+594, "7.761117632285041e+178" },
    { 0x1.c7fd0a6a3a450p-826, "3.980498358697587e-249" },
    { -0x1.f0824128b2f33p+292, "-1.5432835417340557e+88" },
    { 0x1.8e811892f902bp-638, "1.3647584518757569e-192" },
    { -0x1.1985d5d9dc9f8p-684, "-1.3701135617873088e-206" },
    { -0x1.25d940ed90475p+655, "-1.7160537630466207e+197" },
    { 0x1.675cc81e74ef5p-144, "6.294675241195386e-44" },
    { 0x1.0a35a099950d8p-671, "1.0613447212142254e-202" },
    { 0x1.d549b6f03675ap+689, "4.708325160387546e+207" },
    { 0x1.c172411e20b8fp-38, "6.387016158513563e-12" },
    { -0x1.16ece1738f7d9p-814, "-9.973130378568733e-246" },
    { 0x1.1ddb66cad4a26p-781, "8.779753225680271e-236" },
    { -0x1.192cfd3ac94afp-755, "-5.795503248498993e-228" },
    { -0x1.c105d1fb17c23p+809, "-5.988180159386011e+243" },
    { -0x1.0b33839263059p-488, "-1.306052388527796e-147" },
    { -0x1.f48f1a09f76b5p-684, "-2.436117699484841e-206" },
    { 0x1.630f1f29d0da9p-770, "2.233386999150174e-232" },
    { -0x1.60af593bd04cfp-673, "-3.51527970626667e-203" },
    { 0x1.1e29c658cda14p-820, "1.5987381841032883e-247" },
    { 0x1.8d190f9ebdaccp-118, "4.6678633181812096e-36" },
    { -0x1.1973e0becd7b0p-791, "-8.441872792105456e-239" },
    { 0x1.7beaddbc496cbp-478, "1.9015657400796622e-144" },
    { 0x1.cb2424a23d596p+693, "7.370437700706684e+208" },
    { -0x1.a63ec24ede6a4p-857, "-1.7163996725272777e-258" },
    { -0x1.766581e27a1c0p-733, "-3.2367190832119987e-221" },
    { -0x1.d05584ef8aa38p-777, "-2.2818334634712625e-234" },
    { -0x1.7ba94d0eda82fp-278, "-3.0536383926309363e-84" },
    { 0x1.1dbe22e44158bp-601, "1.3449551894627777e-181" },
    { -0x1.a736994e3bf91p-732, "-7.317495976062606e-221" },
    { 0x1.850c5a38fd547p-254, "5.249822308814304e-77" },
    { 0x1.135d25f557203p-624, "1.5450754142984396e-188" },
    { -0x1.ce4228c38fb29p-155, "-3.953625698224792e-47" },
    { -0x1.a70c31012f037p-760, "-2.72491267476498e-229" },
    { -0x1.769b10f4205b4p-536, "-6.505141861548772e-162" },
    { 0x1.5052434b9b5dfp+1010, "1.441484839555994e+304" },
    { -0x1.ed162ae2eb154p-894, "-1.4583679262758548e-269" },
    { -0x1.877186d76b07ep+112, "-7.939416668807721e+33" },
    { 0x1.1af10506bf2efp+884, "1.4255183989699612e+266" },
    { -0x1.6a78795e761d1p+711, "-1.525315701232403e+214" },
    { 0x1.0a9587403e430p+458, "7.750545741548908e+137" },
    { 0x1.8e2774cbd87adp-6, "0.024301399287089676" },
    { 0x1.5319acb5c7427p-287, "5.326960081783017e-87" },
    { -0x1.2ea20b2f14c94p+123, "-1.2570882301712172e+37" },
    { 0x1.4733f3e7d1bfbp-688, "9.952684009002448e-208" },
    { 0x1.d2055930d6eafp+206, "1.8721667527122837e+62" },
    { 0x1.ff20686734721p+1004, "3.422978398947072e+302" },
    { 0x1.e05cde00902c7p+383, "3.6967297937384553e+115" },
    { 0x1.6cc3ababced20p+815, "3.113284956169447e+245" },
    { -0x1.4bcfc49b64a08p-577, "-2.6202582260546103e-174" },
    { 0x1.d4acefaecbd38p-724, "2.0745096302730225e-218" },
    { -0x1.e07bc1e398f10p-975, "-5.877500503097409e-294" },
    { 0x1.af4d46b0a18e8p-348, "2.938345597354166e-105" },
    { 0x1.0f82ec1d3fcffp+378, "6.529598674765832e+113" },
    { -0x1.acbe226e87555p+751, "-1.9837344250050814e+226" },
    { 0x1.46c697d2caf82p+704, "1.0743030475716402e+212" },
    { -0x1.6e1f40a097c97p+869, "-5.629271400715247e+261" },
    { 0x1.eef86ab1031d0p-706, "5.743310614918485e-213" },
    { -0x1.e0d7ac3baea9ep-786, "-4.61515470702556e-237" },
    { -0x1.2135e92b1d3f2p+161, "-3.302201168194502e+48" },
    { 0x1.6ead73f5098acp+19, "750955.6236617765" },
    { -0x1.6bc63e5afe5a4p+18, "-372504.97430380643" },
    { 0x1.7d6faee20e260p+18, "390590.73254731856" },
    { 0x1.70a1e089f4598p+17, "188739.75421003695" },
    { 0x1.3817344bdb7f0p+17, "159790.40856498433" },
    { -0x1.5625565fa9438p+16, "-87589.33739717386" },
    { 0x1.4bfff1f3eadfep+19, "679935.5610250828" },
    { 0x1.b24246163f9a4p+19, "889362.1902158749" },
    { -0x1.94b6a67b76f80p+15, "-51803.32516071107" },
    { 0x1.409c1a4cfe7f8p+18, "328304.41094934894" },
    { -0x1.ad08a4a23f456p+19, "-878661.1448055606" },
    { 0x1.898a02ba1a760p+18, "402984.04260884784" },
    { 0x1.1f5c6d6129a38p+18, "294257.7090553376" },
    { 0x1.e189fc2038a94p+19, "986191.8789332681" },
    { 0x1.3a613257d0460p+19, "643849.5732194297" },
    { -0x1.a4b63be456c36p+18, "-430808.9358117016" },
    { -0x1.be208ebbcff6cp+17, "-228417.11510657833" },
    { 0x1.49665ba217d40p+18, "337305.4317683764" },
    { -0x1.d23f449abcbb9p+19, "-954874.1438888229" },
    { -0x1.2b416d6a1df98p+16, "-76609.42740046827" },
    { -0x1.442be7bffec3cp+19, "-663903.2421869109" },
    { -0x1.75ee0d2736181p+19, "-765808.4110365362" },
    { -0x1.aeb56529ad01ep+19, "-882091.1613373791" },
    { 0x1.05f23f43223f6p+19, "536465.9769450414" },
    { -0x1.69f8f1ca72250p+19, "-741319.5559626315" },
    { -0x1.ecf095496b653p+18, "-504770.33260617143" },
    { -0x1.a9fa4bff75f90p+17, "-218100.59373354586" },
    { 0x1.6ab77e5815d58p+19, "742843.9482525988" },
    { -0x1.9996acb9230dcp+19, "-838837.3975997227" },
    { -0x1.8cf932b6c4f08p+16, "-101625.19810133812" },
    { 0x1.823fd17b53c80p+16, "98879.8182880748" },
    { 0x1.7665f4e46af10p+19, "766767.6528830249" },
    { 0x1.37cbf59f19cd2p+19, "638559.6756714827" },
    { 0x1.63741e0f8a5c6p+19, "727968.9393970303" },
    { -0x1.b0c577be0234ep+18, "-443157.87097220577" },
    { -0x1.4adf7b98039d8p+17, "-169406.96557660284" },
    { -0x1.13d66ad669cf4p+18, "-282457.6693367504" },
    { 0x1.773034f0d0ca6p+19, "768385.6543964341" },
    { 0x1.bf00cd0dbefc0p+19, "915462.4079279825" },
    { -0x1.54e5c60784ba8p+19, "-698158.1884177821" },
    { 0x1.ad7f29abcaf48p-27, "1.25e-08" },
    { 0x1.0c6f7a0b5ed8dp-23, "1.25e-07" },
    { 0x1.4f8b588e368f1p-20, "1.25e-06" },
    { 0x1.a36e2eb1c432dp-17, "1.25e-05" },
    { 0x1.0624dd2f1a9fcp-13, "0.000125" },
    { 0x1.47ae147ae147bp-10, "0.00125" },
    { 0x1.999999999999ap-7, "0.0125" },
    { 0x1.0000000000000p-3, "0.125" },
    { 0x1.4000000000000p+0, "1.25" },
    { 0x1.9000000000000p+3, "12.5" },
    { 0x1.f400000000000p+6, "125.0" },
    { 0x1.3880000000000p+10, "1250.0" },
    { 0x1.86a0000000000p+13, "12500.0" },
    { 0x1.e848000000000p+16, "125000.0" },
    { 0x1.312d000000000p+20, "1250000.0" },
    { 0x1.7d78400000000p+23, "12500000.0" },
    { 0x1.dcd6500000000p+26, "125000000.0" },
    { 0x1.2a05f20000000p+30, "1250000000.0" },
    { 0x1.74876e8000000p+33, "12500000000.0" },
    { 0x1.d1a94a2000000p+36, "125000000000.0" },
    { 0x1.2309ce5400000p+40, "1250000000000.0" },
    { 0x1.6bcc41e900000p+43, "12500000000000.0" },
    { 0x1.c6bf526340000p+46, "125000000000000.0" },
    { 0x1.1c37937e08000p+50, "1250000000000000.0" },
    { 0x1.6345785d8a000p+53, "1.25e+16" },
    { 0x1.bc16d674ec800p+56, "1.25e+17" },
    { 0x1.158e460913d00p+60, "1.25e+18" },
    { 0x1.5af1d78b58c40p+63, "1.25e+19" },
});

QString canonicalVectorsPath()
{
    return test::testDataOverride("FEDMSG_CANONICAL_VECTORS", "vectors/canonical-public.jsonl");
}

} // namespace

class TestJsonWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void floatReprTable()
    {
        test::CaseTally tally;
        for (const FloatCase &c : PythonFloatReprs) {
            const std::string got = JsonWriter::formatDouble(c.value);
            if (got != c.repr)
                tally.fail(QString::asprintf("%a", c.value),
                    QStringLiteral("expected %1 got %2")
                        .arg(QLatin1String(c.repr), QString::fromStdString(got)));
            else
                tally.pass();
        }
        tally.print();
        QCOMPARE(tally.failed, 0);
    }

    void floatSpecials()
    {
        QCOMPARE(JsonWriter::formatDouble(std::numeric_limits<double>::infinity()),
            std::string("Infinity"));
        QCOMPARE(JsonWriter::formatDouble(-std::numeric_limits<double>::infinity()),
            std::string("-Infinity"));
        QCOMPARE(JsonWriter::formatDouble(std::nan("")), std::string("NaN"));
        QCOMPARE(JsonWriter::formatDouble(1e-5), std::string("1e-05"));
        QCOMPARE(JsonWriter::formatDouble(1e16), std::string("1e+16"));
        QCOMPARE(JsonWriter::formatDouble(1e15), std::string("1000000000000000.0"));
        QCOMPARE(JsonWriter::formatDouble(1.5e300), std::string("1.5e+300"));
        QCOMPARE(JsonWriter::formatDouble(-0.0), std::string("-0.0"));
    }

    // Every formatted double reads back to the same bits and has no more digits than needed.
    void floatRoundTripRandom()
    {
        std::mt19937_64 rng(20261128);
        int failed = 0;
        for (int i = 0; i < 200000; ++i) {
            const std::uint64_t bits = rng();
            double d = 0;
            std::memcpy(&d, &bits, sizeof d);
            if (!std::isfinite(d))
                continue;
            const std::string s = JsonWriter::formatDouble(d);
            auto v = JsonParser::parse(s);
            if (!v || !v->isFloat() || !(*v == JsonValue(d))) {
                if (++failed < 10)
                    qWarning("FAIL %a -> %s", d, s.c_str());
            }
        }
        QCOMPARE(failed, 0);
    }

    void strings_data()
    {
        QTest::addColumn<QByteArray>("utf8");
        QTest::addColumn<QByteArray>("canonical");
        QTest::newRow("plain") << QByteArray("abc / xyz") << QByteArray(R"("abc / xyz")");
        // NOLINTBEGIN(modernize-raw-string-literal): moc's lexer trips over \" inside raw strings
        QTest::newRow("short escapes")
            << QByteArray("\"\\\b\f\n\r\t") << QByteArray("\"\\\"\\\\\\b\\f\\n\\r\\t\"");
        // NOLINTEND(modernize-raw-string-literal)
        QTest::newRow("controls") << QByteArray("\x01\x1f\x7f", 3)
                                  << QByteArray(R"("\u0001\u001f\u007f")");
        QTest::newRow("nul") << QByteArray("\0", 1) << QByteArray(R"("\u0000")");
        QTest::newRow("bmp") << QByteArray("\xc3\xa9\xe2\x80\xa8\xef\xbb\xbf")
                             << QByteArray(R"("\u00e9\u2028\ufeff")");
        QTest::newRow("non-bmp") << QByteArray("\xf0\x9f\x98\x80")
                                 << QByteArray(R"("\ud83d\ude00")");
        QTest::newRow("max") << QByteArray("\xf4\x8f\xbf\xbf") << QByteArray(R"("\udbff\udfff")");
        QTest::newRow("nfd") << QByteArray("e\xcc\x81") << QByteArray(R"("e\u0301")");
    }

    void strings()
    {
        QFETCH(QByteArray, utf8);
        QFETCH(QByteArray, canonical);
        QCOMPARE(QByteArray::fromStdString(JsonWriter::canonical(JsonValue(utf8.toStdString()))),
            canonical);
    }

    // The 16/8-byte scanners must find a special character at every offset of every length.
    void specialCharacterAtEveryOffset()
    {
        const std::array<std::string, 8> specials = {
            "\"", "\\", "\x01", "\x1f", "\x7f", "\xc3\xa9", "\xf0\x9f\x98\x80", "\n"
        };
        const std::array<std::string, 8> expected = {
            "\\\"", "\\\\", "\\u0001", "\\u001f", "\\u007f", "\\u00e9", "\\ud83d\\ude00", "\\n"
        };
        int failed = 0;
        for (std::size_t len = 0; len < 40; ++len) {
            for (std::size_t pos = 0; pos <= len; ++pos) {
                for (std::size_t k = 0; k < std::size(specials); ++k) {
                    // Built with append(): GCC 12 -O3 warns falsely (-Wrestrict) on operator+
                    // chains.
                    std::string text(pos, 'a');
                    text.append(specials[k]).append(len - pos, 'b');
                    const std::string canon = JsonWriter::canonical(JsonValue(text));
                    std::string want = "\"";
                    want.append(pos, 'a').append(expected[k]).append(len - pos, 'b').append("\"");
                    auto back = JsonParser::parse(canon);
                    std::string quoted = "\"";
                    quoted.append(text).append("\"");
                    auto raw = JsonParser::parse(quoted);
                    const bool rawOk =
                        k == 2 || k == 3 || k == 7 ? !raw : (raw && raw->toStdString() == text);
                    const bool quoteOrBackslash = k < 2;
                    if (canon != want || !back || back->toStdString() != text
                        || (!quoteOrBackslash && !rawOk)) {
                        if (++failed < 5)
                            qWarning(
                                "FAIL len %zu pos %zu special %zu: %s", len, pos, k, canon.c_str());
                    }
                }
            }
        }
        QCOMPARE(failed, 0);
    }

    void keyOrderIsCodePoint()
    {
        JsonValue o;
        const std::array keys = { "\xf0\x9f\x98\x80",
            "\xef\xbf\xbf",
            "\xee\x80\x80",
            "\xc3\xa9",
            "a",
            "_",
            "Z",
            "9",
            "10",
            "-",
            "" };
        int n = 0;
        for (const char *k : keys)
            o.insert(k, JsonValue(n++));
        QCOMPARE(JsonWriter::canonical(o),
            std::string(
                R"({"":10,"-":9,"10":8,"9":7,"Z":6,"_":5,"a":4,"\u00e9":3,"\ue000":2,"\uffff":1,"\ud83d\ude00":0})"));
    }

    void integers()
    {
        QCOMPARE(JsonWriter::canonical(JsonValue(std::int64_t(-9223372036854775807LL - 1))),
            std::string("-9223372036854775808"));
        QCOMPARE(JsonWriter::canonical(JsonValue::fromIntegerText("-000123")), std::string("-123"));
        QCOMPARE(JsonWriter::canonical(JsonValue::fromIntegerText("-0")), std::string("0"));
        QCOMPARE(
            JsonWriter::canonical(JsonValue::fromIntegerText("1000000000000000000000000000000")),
            std::string("1000000000000000000000000000000"));
        QVERIFY(!JsonValue::fromIntegerText("9223372036854775807").isBigInteger());
        QVERIFY(JsonValue::fromIntegerText("9223372036854775808").isBigInteger());
        QVERIFY(!JsonValue::fromIntegerText("-9223372036854775808").isBigInteger());
        QVERIFY(JsonValue::fromIntegerText("-9223372036854775809").isBigInteger());
    }

    void pretty()
    {
        auto v = JsonParser::parse(R"({"b":[1,2.0,{}],"a":"caf\u00e9","c":[],"d":{"x":null}})");
        QVERIFY(v);
        const std::string expected = "{\n"
                                     "  \"a\": \"caf\xc3\xa9\",\n"
                                     "  \"b\": [\n"
                                     "    1,\n"
                                     "    2.0,\n"
                                     "    {}\n"
                                     "  ],\n"
                                     "  \"c\": [],\n"
                                     "  \"d\": {\n"
                                     "    \"x\": null\n"
                                     "  }\n"
                                     "}";
        QCOMPARE(JsonWriter::pretty(*v), expected);
        // Controls and lone surrogates stay escaped for humans too.
        auto s = JsonParser::parse(R"("a\u0007\ud800")");
        QVERIFY(s);
        QCOMPARE(JsonWriter::pretty(*s), std::string(R"("a\u0007\ud800")"));
    }

    // Every standard vector: canonical(parse(canonical)) is a fixed point and pretty output
    // parses back to the same value.
    void prettyRoundTripsVectors()
    {
        QString error;
        const auto vectors = test::readJsonLines(canonicalVectorsPath(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        test::CaseTally tally;
        for (const JsonValue &vec : vectors) {
            if (vec["python_error"].isString())
                continue;
            const std::string input =
                QByteArray::fromBase64(QByteArray::fromStdString(vec["input_b64"].toStdString()))
                    .toStdString();
            auto v = JsonParser::parse(input);
            if (!v) {
                tally.fail(vec["name"].toQString(), QStringLiteral("does not parse"));
                continue;
            }
            auto back = JsonParser::parse(JsonWriter::pretty(*v));
            if (!back || !(*back == *v))
                tally.fail(
                    vec["name"].toQString(), QStringLiteral("pretty form does not round-trip"));
            else
                tally.pass();
        }
        tally.print();
        QVERIFY(tally.passed > 0);
        QCOMPARE(tally.failed, 0);
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "TestJsonWriter.moc"
