// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// What a parsed body costs in memory, against hostile bodies whose structure explodes (16 MiB of
// empty arrays, tiny strings, small numbers, deep nesting...). Every allocation of this process
// goes through the counting operator new below, so the parser's peak is measured exactly: the
// peak of live heap bytes during JsonParser::parse, minus what was live before. A body either
// costs at most MaxRatio times its size or is refused with a clear error, and the next message
// parses as usual.

#include "json/JsonParser.h"
#include "json/JsonWriter.h"

#include "JsonLines.h"
#include "TestData.h"

#include <QTest>

#include <atomic>
#include <cstdlib>
#include <malloc.h>
#include <new>

namespace {

// NOLINTBEGIN(cppcoreguidelines-avoid-non-const-global-variables): operator new's counters
std::atomic<std::size_t> g_live { 0 };
std::atomic<std::size_t> g_peak { 0 };
// NOLINTEND(cppcoreguidelines-avoid-non-const-global-variables)

void *countedAlloc(std::size_t n)
{
    // NOLINTNEXTLINE(cppcoreguidelines-no-malloc): the allocator behind operator new
    void *p = std::malloc(n == 0 ? 1 : n);
    if (!p)
        throw std::bad_alloc();
    const std::size_t live = g_live.fetch_add(malloc_usable_size(p)) + malloc_usable_size(p);
    std::size_t peak = g_peak.load();
    while (live > peak && !g_peak.compare_exchange_weak(peak, live)) {}
    return p;
}

void countedFree(void *p) noexcept
{
    if (!p)
        return;
    g_live.fetch_sub(malloc_usable_size(p));
    std::free(p); // NOLINT(cppcoreguidelines-no-malloc): backs operator delete
}

} // namespace

void *operator new(std::size_t n)
{
    return countedAlloc(n);
}
void *operator new[](std::size_t n)
{
    return countedAlloc(n);
}
void operator delete(void *p) noexcept
{
    countedFree(p);
}
void operator delete[](void *p) noexcept
{
    countedFree(p);
}
void operator delete(void *p, std::size_t /*size*/) noexcept
{
    countedFree(p);
}
void operator delete[](void *p, std::size_t /*size*/) noexcept
{
    countedFree(p);
}
// The nothrow forms too (std::stable_sort's temporary buffer uses them): every allocation is
// counted, and none is freed by an allocator that did not make it (AddressSanitizer checks).
void *operator new(std::size_t n, const std::nothrow_t & /*tag*/) noexcept
{
    try {
        return countedAlloc(n);
    } catch (...) {
        return nullptr;
    }
}
void *operator new[](std::size_t n, const std::nothrow_t & /*tag*/) noexcept
{
    try {
        return countedAlloc(n);
    } catch (...) {
        return nullptr;
    }
}
void operator delete(void *p, const std::nothrow_t & /*tag*/) noexcept
{
    countedFree(p);
}
void operator delete[](void *p, const std::nothrow_t & /*tag*/) noexcept
{
    countedFree(p);
}

using namespace fedmsg;

class TestJsonParserMemory : public QObject
{
    Q_OBJECT

    static constexpr double MaxRatio = 10.0;
    static constexpr std::size_t BodySize = 16U << 20;

    struct Cost
    {
        bool parsed = false;
        std::string error;
        double peakRatio = 0; ///< peak live bytes during the parse / body size
        double keptRatio = 0; ///< bytes the parsed value keeps / body size
    };

    // Parses body with the counter armed; the value is kept alive for keptRatio.
    static Cost measure(const std::string &body)
    {
        Cost cost;
        const std::size_t before = g_live.load();
        g_peak.store(before);
        {
            JsonParseError error;
            std::optional<JsonValue> value = JsonParser::parse(body, &error);
            cost.peakRatio = double(g_peak.load() - before) / double(body.size());
            cost.parsed = value.has_value();
            if (value)
                cost.keptRatio = double(g_live.load() - before) / double(body.size());
            else
                cost.error = error.pythonText();
        }
        return cost;
    }

    // "[" + item + "," + item ... + "]" filling about BodySize bytes.
    static std::string repeated(std::string_view open,
        std::string_view item,
        std::string_view close,
        std::size_t size = BodySize)
    {
        std::string s;
        s.reserve(size + 64);
        s.append(open);
        while (s.size() + item.size() + 1 + close.size() < size) {
            s.append(item);
            s.push_back(',');
        }
        s.append(item);
        s.append(close);
        return s;
    }

    static std::string distinctKeys(std::string_view value)
    {
        std::string s = "{";
        s.reserve(BodySize + 64);
        for (std::size_t n = 0; s.size() < BodySize - 32; ++n) {
            s += '"';
            s += std::to_string(n);
            s += "\":";
            s.append(value);
            s += ',';
        }
        s += "\"end\":0}";
        return s;
    }

private Q_SLOTS:
    void hostileBodies_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::newRow("empty arrays") << QByteArray("[[],[],...]");
        QTest::newRow("empty objects") << QByteArray("[{},{},...]");
        QTest::newRow("arrays of empty arrays") << QByteArray("[[[],[]],[[],[]],...]");
        // NOLINTBEGIN(modernize-raw-string-literal): moc's lexer trips over \" inside raw strings
        QTest::newRow("object of empty arrays") << QByteArray("{\"0\":[],\"1\":[],...}");
        QTest::newRow("object, one key repeated") << QByteArray("{\"a\":[],\"a\":[],...}");
        QTest::newRow("one-char strings") << QByteArray("[\"a\",\"a\",...]");
        QTest::newRow("empty strings") << QByteArray("[\"\",\"\",...]");
        // NOLINTEND(modernize-raw-string-literal)
        QTest::newRow("small ints") << QByteArray("[0,0,...]");
        QTest::newRow("nulls") << QByteArray("[null,...]");
        QTest::newRow("NaN") << QByteArray("[NaN,...]");
        QTest::newRow("floats") << QByteArray("[0.5,...]");
        QTest::newRow("big ints") << QByteArray("[99999999999999999999,...]");
        QTest::newRow("10000-digit floats") << QByteArray("[1.000...0001,...]");
        QTest::newRow("10000-digit ints") << QByteArray("[1000...0001,...]");
        QTest::newRow("deep nesting") << QByteArray("[[[[...]]]]");
        QTest::newRow("1000000 nested [") << QByteArray("[[[[ (1 000 000, unclosed)");
        QTest::newRow("deep nesting inside a flat array")
            << QByteArray("[[[[...1000]]]],[[[[...]]]]");
        QTest::newRow("one long string") << QByteArray("[\"aaaa...\"]");
    }

    void hostileBodies()
    {
        QFETCH(QByteArray, name);
        const QByteArray tag = QTest::currentDataTag();
        std::string body;
        if (tag == "empty arrays")
            body = repeated("[", "[]", "]");
        else if (tag == "empty objects")
            body = repeated("[", "{}", "]");
        else if (tag == "arrays of empty arrays")
            body = repeated("[", "[[],[]]", "]");
        else if (tag == "object of empty arrays")
            body = distinctKeys("[]");
        else if (tag == "object, one key repeated")
            body = repeated("{", "\"a\":[]", "}");
        else if (tag == "one-char strings")
            body = repeated("[", "\"a\"", "]");
        else if (tag == "empty strings")
            body = repeated("[", "\"\"", "]");
        else if (tag == "small ints")
            body = repeated("[", "0", "]");
        else if (tag == "nulls")
            body = repeated("[", "null", "]");
        else if (tag == "NaN")
            body = repeated("[", "NaN", "]");
        else if (tag == "floats")
            body = repeated("[", "0.5", "]");
        else if (tag == "big ints")
            body = repeated("[", "99999999999999999999", "]");
        else if (tag == "10000-digit floats")
            body = repeated("[", "1." + std::string(9998, '0') + "1", "]");
        else if (tag == "10000-digit ints")
            body = repeated("[", "1" + std::string(9998, '0') + "1", "]");
        else if (tag == "deep nesting")
            body = std::string(BodySize / 2, '[') + std::string(BodySize / 2, ']');
        else if (tag == "1000000 nested [")
            body = std::string(1000000, '[');
        else if (tag == "deep nesting inside a flat array")
            body = repeated("[", std::string(900, '[') + std::string(900, ']'), "]");
        else if (tag == "one long string")
            body = "[\"" + std::string(BodySize - 4, 'a') + "\"]";
        QVERIFY(!body.empty());

        const Cost cost = measure(body);
        qInfo("%-34s %9zu bytes: %s, peak %6.2fx, kept %6.2fx %s",
            tag.constData(),
            body.size(),
            cost.parsed ? "parsed " : "refused",
            cost.peakRatio,
            cost.keptRatio,
            cost.error.substr(0, 120).c_str());
        QVERIFY2(cost.peakRatio <= MaxRatio,
            qPrintable(QStringLiteral("%1: peak %2x its size (limit %3x)")
                           .arg(QString::fromLatin1(name))
                           .arg(cost.peakRatio)
                           .arg(MaxRatio)));
        if (!cost.parsed)
            QVERIFY2(!cost.error.empty(), "a refused body must say why");

        // The next message flows: the parser keeps no state from the refused or huge body.
        const auto next = JsonParser::parse(R"({"i":1,"msg":{"a":[1,2,{}]}})");
        QVERIFY(next.has_value());
        QCOMPARE((*next)["msg"]["a"][2].size(), std::size_t(0));
        QVERIFY((*next)["msg"]["a"][2].isObject());
    }

    // Python-compatible verdicts for the classic hostile inputs, independent of memory.
    void hostileVerdicts()
    {
        JsonParseError error;
        QVERIFY(!JsonParser::parse(std::string(1000000, '['), &error));
        QCOMPARE(error.pythonText(),
            std::string("RecursionError: maximum recursion depth exceeded while decoding a JSON "
                        "array from a unicode string"));
        QVERIFY(!JsonParser::parse("[" + std::string(10000, '7') + "]", &error));
        QCOMPARE(error.kind, JsonParseError::Kind::IntegerDigits);
        QVERIFY(error.pythonText().starts_with(
            "ValueError: Exceeds the limit (4300 digits) for integer string conversion: value "
            "has 10000 digits"));
        const auto longFloat = JsonParser::parse("0." + std::string(10000, '3'));
        QVERIFY(longFloat && longFloat->isFloat());
        QCOMPARE(JsonWriter::canonical(*longFloat), std::string("0.3333333333333333"));
        const auto nan = JsonParser::parse("[NaN,-Infinity]");
        QVERIFY(nan);
        QCOMPARE(JsonWriter::canonical(*nan), std::string("[NaN,-Infinity]"));
    }

    // Real messages are far from the limit: none of the public samples comes near it, so the
    // budget never refuses a genuine message.
    void realMessagesParse()
    {
        for (const char *file :
            { "samples/meta-corpus-public.jsonl", "samples/fm-corpus-public.jsonl" }) {
            QString error;
            const auto bodies = test::readJsonLineBytes(test::testDataPath(file), &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            int lines = 0;
            double worst = 0;
            double worstPeak = 0;
            for (const QByteArray &line : bodies) {
                const Cost cost = measure(line.toStdString());
                QVERIFY2(cost.parsed, cost.error.c_str());
                worst = std::max(worst, cost.keptRatio);
                worstPeak = std::max(worstPeak, cost.peakRatio);
                ++lines;
            }
            QVERIFY(lines > 10);
            qInfo("%s: %d messages parsed, the costliest keeps %.2fx its size (peak %.2fx)",
                file,
                lines,
                worst,
                worstPeak);
        }
    }
};

QTEST_GUILESS_MAIN(TestJsonParserMemory)
#include "TestJsonParserMemory.moc"
