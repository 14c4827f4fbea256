// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "json/JsonParser.h"

#include "json/Swar.h"
#include "json/Utf8.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <vector>

namespace fedmsg {

std::string JsonParseError::toString() const
{
    if (kind != Kind::Syntax)
        return reason;
    return reason + ": line " + std::to_string(line) + " column " + std::to_string(column)
        + " (char " + std::to_string(charIndex) + ")";
}

std::string JsonParseError::pythonText() const
{
    switch (kind) {
    case Kind::Syntax:
        return "JSONDecodeError: " + toString();
    case Kind::Utf8:
        return "UnicodeDecodeError: " + toString();
    case Kind::IntegerDigits:
        return "ValueError: " + toString();
    case Kind::Depth:
        return "RecursionError: " + toString();
    case Kind::Cost:
        return "MemoryError: " + toString();
    }
    return toString();
}

namespace {

constexpr std::size_t MaxIntegerDigits = 4300; // Python's sys.get_int_max_str_digits() default

// What one heap block of n bytes costs with glibc malloc: its header, rounded up to 16 bytes.
constexpr std::size_t heapBlock(std::size_t n)
{
    return (n + 8 + 15) & ~std::size_t(15);
}
// A string value: "" and one-byte strings are shared (free); others are a make_shared block
// (control block + std::string) and, past the small-string buffer, their characters.
constexpr std::size_t stringCost(std::size_t length)
{
    if (length <= 1)
        return 0;
    return heapBlock(16 + sizeof(std::string)) + (length > 15 ? heapBlock(length + 1) : 0);
}
// A non-empty container: the make_shared block holding the vector, and the vector's elements.
template <typename T>
constexpr std::size_t containerCost(std::size_t count)
{
    return count == 0 ? 0 : heapBlock(16 + sizeof(std::vector<T>)) + heapBlock(count * sizeof(T));
}

inline bool isWs(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

inline int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Length of the valid UTF-8 sequence at p (lead byte >= 0x80), or 0 if invalid.
inline int utf8SequenceLength(const char *p, std::size_t avail)
{
    const auto byte = [p](int k) {
        return static_cast<unsigned char>(p[k]);
    };
    const Utf8Lead lead = utf8Lead(byte(0));
    if (lead.length == 0 || avail < static_cast<std::size_t>(lead.length))
        return 0;
    if (byte(1) < lead.secondMin || byte(1) > lead.secondMax)
        return 0;
    for (int k = 2; k < lead.length; ++k) {
        if ((byte(k) & 0xC0) != 0x80)
            return 0;
    }
    return lead.length;
}

class Parser
{
public:
    Parser(std::string_view text, int maxDepth)
        : m_s(text.data())
        , m_n(text.size())
        , m_maxDepth(maxDepth)
        , m_budget(JsonParser::CostAllowance + JsonParser::CostPerByte * text.size())
    {}

    std::optional<JsonValue> run()
    {
        if (m_n >= 3 && static_cast<unsigned char>(m_s[0]) == 0xEF
            && static_cast<unsigned char>(m_s[1]) == 0xBB
            && static_cast<unsigned char>(m_s[2]) == 0xBF) {
            fail(0, "Unexpected UTF-8 BOM (decode using utf-8-sig)");
            return std::nullopt;
        }
        std::size_t i = skipWs(0);
        JsonValue v;
        if (!parseValue(i, v, 0))
            return std::nullopt;
        i = skipWs(i);
        if (i != m_n) {
            fail(i, "Extra data");
            return std::nullopt;
        }
        return v;
    }

    JsonParseError takeError() { return std::move(m_error); }

private:
    std::size_t skipWs(std::size_t i) const
    {
        while (i < m_n && isWs(m_s[i]))
            ++i;
        return i;
    }

    bool fail(std::size_t at,
        const char *reason,
        JsonParseError::Kind kind = JsonParseError::Kind::Syntax)
    {
        m_error = {};
        // Python decodes the whole body before parsing, so a UTF-8 error anywhere comes first.
        if (auto u = firstUtf8Error(std::string_view(m_s, m_n))) {
            m_error.kind = JsonParseError::Kind::Utf8;
            m_error.offset = u->start;
            m_error.reason = u->toString();
            fillPosition();
            return false;
        }
        m_error.kind = kind;
        m_error.offset = at;
        m_error.reason = reason;
        fillPosition();
        return false;
    }

    void fillPosition()
    {
        std::size_t chars = 0;
        std::size_t lastNewlineChar = 0;
        bool sawNewline = false;
        std::size_t line = 1;
        const std::size_t end = std::min(m_error.offset, m_n);
        for (std::size_t i = 0; i < end; ++i) {
            const auto c = static_cast<unsigned char>(m_s[i]);
            if ((c & 0xC0) == 0x80)
                continue;
            if (c == '\n') {
                ++line;
                lastNewlineChar = chars;
                sawNewline = true;
            }
            ++chars;
        }
        m_error.charIndex = chars;
        m_error.line = line;
        m_error.column = sawNewline ? chars - lastNewlineChar : chars + 1;
    }

    // Adds what was just allocated; false (and the error) once the value would cost more than
    // the budget. The work stacks count by capacity: they are live until the parse ends.
    bool charge(std::size_t at, std::size_t bytes)
    {
        m_cost += bytes;
        return withinBudget(at, 0);
    }

    // Whether `extra` more bytes still fit; false (and the error) when they do not.
    bool withinBudget(std::size_t at, std::size_t extra)
    {
        if (m_cost + extra + m_elementStack.capacity() * sizeof(JsonValue)
                + m_memberStack.capacity() * sizeof(JsonValue::Member)
            <= m_budget)
            return true;
        const std::string reason = "JSON structure too costly to hold: more than "
            + std::to_string(m_budget) + " bytes of memory for " + std::to_string(m_n)
            + " bytes of text (limit " + std::to_string(JsonParser::CostPerByte)
            + " bytes per byte), refused at byte " + std::to_string(at);
        fail(at, "", JsonParseError::Kind::Cost);
        if (m_error.kind == JsonParseError::Kind::Cost)
            m_error.reason = reason;
        return false;
    }

    // Bytes a full work stack allocates when it grows (the new buffer; libstdc++ doubles).
    template <typename T>
    static std::size_t growth(const std::vector<T> &stack)
    {
        return std::max<std::size_t>(1, 2 * stack.capacity()) * sizeof(T);
    }

    bool match(std::size_t i, std::string_view word) const
    {
        return m_n - i >= word.size() && std::string_view(m_s + i, word.size()) == word;
    }

    bool parseValue(std::size_t &i, JsonValue &out, int depth)
    {
        if (i >= m_n)
            return fail(i, "Expecting value");
        switch (m_s[i]) {
        case '"': {
            std::string s;
            const std::size_t at = i;
            if (!parseString(i, s))
                return false;
            const std::size_t cost = stringCost(s.size());
            out = JsonValue(std::move(s));
            return cost == 0 || charge(at, cost);
        }
        case '{':
            return parseObject(i, out, depth + 1);
        case '[':
            return parseArray(i, out, depth + 1);
        case 'n':
            if (match(i, "null")) {
                out = JsonValue();
                i += 4;
                return true;
            }
            break;
        case 't':
            if (match(i, "true")) {
                out = JsonValue(true);
                i += 4;
                return true;
            }
            break;
        case 'f':
            if (match(i, "false")) {
                out = JsonValue(false);
                i += 5;
                return true;
            }
            break;
        case 'N':
            if (match(i, "NaN")) {
                out = JsonValue(std::nan(""));
                i += 3;
                return true;
            }
            break;
        case 'I':
            if (match(i, "Infinity")) {
                out = JsonValue(HUGE_VAL);
                i += 8;
                return true;
            }
            break;
        case '-':
            if (match(i, "-Infinity")) {
                out = JsonValue(-HUGE_VAL);
                i += 9;
                return true;
            }
            break;
        default:
            break;
        }
        return parseNumber(i, out);
    }

    // Mirrors CPython's _match_number_unicode, including its backtracking.
    bool parseNumber(std::size_t &i, JsonValue &out)
    {
        const std::size_t start = i;
        std::size_t j = i;
        if (j < m_n && m_s[j] == '-')
            ++j;
        if (j < m_n && m_s[j] >= '1' && m_s[j] <= '9') {
            ++j;
            while (j < m_n && isDigit(m_s[j]))
                ++j;
        } else if (j < m_n && m_s[j] == '0') {
            ++j;
        } else {
            return fail(start, "Expecting value");
        }
        const std::size_t intEnd = j;
        j = skipFractionAndExponent(j);
        const bool isFloat = j != intEnd;
        const std::string_view token(m_s + start, j - start);
        if (isFloat) {
            double d = 0;
            auto res = std::from_chars(token.data(), token.data() + token.size(), d);
            if (res.ec == std::errc::result_out_of_range)
                d = outOfRangeValue(token);
            out = JsonValue(d);
        } else if (!parseInteger(start, token, out)) {
            return false;
        }
        i = j;
        return true;
    }

    // j is past a number's integer part: past its ".digits" and "e[+-]digits" when it has them.
    std::size_t skipFractionAndExponent(std::size_t j) const
    {
        if (j + 1 < m_n && m_s[j] == '.' && isDigit(m_s[j + 1])) {
            j += 2;
            while (j < m_n && isDigit(m_s[j]))
                ++j;
        }
        if (j + 1 < m_n && (m_s[j] == 'e' || m_s[j] == 'E')) {
            std::size_t k = j + 1;
            if (k + 1 < m_n && (m_s[k] == '-' || m_s[k] == '+'))
                ++k;
            const std::size_t digitsStart = k;
            while (k < m_n && isDigit(m_s[k]))
                ++k;
            if (k > digitsStart)
                j = k;
        }
        return j;
    }

    bool parseInteger(std::size_t start, std::string_view token, JsonValue &out)
    {
        const std::size_t digits = token.size() - (token.front() == '-' ? 1 : 0);
        if (digits > MaxIntegerDigits) {
            const std::string reason = "Exceeds the limit (4300 digits) for integer string "
                                       "conversion: value has "
                + std::to_string(digits)
                + " digits; use sys.set_int_max_str_digits() to increase the limit";
            fail(start, "", JsonParseError::Kind::IntegerDigits);
            if (m_error.kind == JsonParseError::Kind::IntegerDigits)
                m_error.reason = reason;
            return false;
        }
        out = JsonValue::fromIntegerText(token);
        return !out.isBigInteger() || charge(start, stringCost(token.size()));
    }

    // from_chars reports overflow and underflow the same way; Python gives +-inf or +-0.0.
    static double outOfRangeValue(std::string_view token)
    {
        const bool negative = token.front() == '-';
        if (negative)
            token.remove_prefix(1);
        long long magnitude = 0; // decimal exponent of the first significant digit, roughly
        std::size_t p = 0;
        long long intDigits = 0;
        bool seenNonZero = false;
        long long leadingFractionZeros = 0;
        while (p < token.size() && isDigit(token[p])) {
            if (token[p] != '0' || seenNonZero) {
                seenNonZero = true;
                ++intDigits;
            }
            ++p;
        }
        if (p < token.size() && token[p] == '.') {
            ++p;
            while (p < token.size() && isDigit(token[p])) {
                if (!seenNonZero) {
                    if (token[p] == '0')
                        ++leadingFractionZeros;
                    else
                        seenNonZero = true;
                }
                ++p;
            }
        }
        const long long exp = exponentValue(token.substr(p));
        magnitude = (intDigits > 0 ? intDigits : -leadingFractionZeros) + exp;
        const double v = magnitude > 0 ? HUGE_VAL : 0.0;
        return negative ? -v : v;
    }

    // The exponent part ("e-12") of a number's token, capped; 0 when there is none.
    static long long exponentValue(std::string_view rest)
    {
        long long exp = 0;
        if (rest.empty() || (rest.front() != 'e' && rest.front() != 'E'))
            return exp;
        std::size_t p = 1;
        bool expNeg = false;
        if (p < rest.size() && (rest[p] == '+' || rest[p] == '-'))
            expNeg = rest[p++] == '-';
        while (p < rest.size() && isDigit(rest[p])) {
            if (exp < 100000000)
                exp = exp * 10 + (rest[p] - '0');
            ++p;
        }
        return expNeg ? -exp : exp;
    }

    // The character a one-letter escape (\n, \", ...) stands for; nullopt for an invalid one.
    static std::optional<char> simpleEscape(char e)
    {
        switch (e) {
        case '"':
            return '"';
        case '\\':
            return '\\';
        case '/':
            return '/';
        case 'b':
            return '\b';
        case 'f':
            return '\f';
        case 'n':
            return '\n';
        case 'r':
            return '\r';
        case 't':
            return '\t';
        default:
            return std::nullopt;
        }
    }

    // j points at the backslash of "\\uXXXX"; on success j is past it (and its low surrogate).
    bool parseUnicodeEscape(std::size_t &j, std::string &out)
    {
        const std::size_t uPos = j + 1;
        const std::size_t hex = j + 2;
        char32_t cp = 0;
        if (!readHex4(hex, cp))
            return fail(uPos, "Invalid \\uXXXX escape");
        j = hex + 4;
        if (cp >= 0xD800 && cp <= 0xDBFF && j + 6 < m_n && m_s[j] == '\\' && m_s[j + 1] == 'u') {
            char32_t low = 0;
            if (!readHex4(j + 2, low))
                return fail(j + 1, "Invalid \\uXXXX escape");
            if (low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                j += 6;
            }
        }
        appendWtf8(out, cp);
        return true;
    }

    // i points at the opening quote; on success i is past the closing quote.
    bool parseString(std::size_t &i, std::string &out)
    {
        const std::size_t begin = i; // Python reports unterminated strings at the quote
        std::size_t j = i + 1;
        std::size_t chunk = j;
        while (true) {
            // Fast scan to the next quote, backslash, control or non-ASCII byte.
            j = swar::skipParserPlain(m_s, j, m_n);
            if (j >= m_n)
                return fail(begin, "Unterminated string starting at");
            const auto c = static_cast<unsigned char>(m_s[j]);
            if (c >= 0x80) {
                const int len = utf8SequenceLength(m_s + j, m_n - j);
                if (len == 0)
                    return fail(j, "invalid UTF-8"); // fail() reports the UnicodeDecodeError
                j += static_cast<std::size_t>(len);
                continue;
            }
            if (c < 0x20)
                return fail(j, "Invalid control character at");
            if (c == '"') {
                if (out.empty())
                    out.assign(m_s + chunk, j - chunk);
                else
                    out.append(m_s + chunk, j - chunk);
                i = j + 1;
                return true;
            }
            // Backslash escape.
            out.append(m_s + chunk, j - chunk);
            const std::size_t backslash = j;
            if (j + 1 >= m_n)
                return fail(begin, "Unterminated string starting at");
            const char e = m_s[j + 1];
            if (e != 'u') {
                const std::optional<char> decoded = simpleEscape(e);
                if (!decoded)
                    return fail(backslash, "Invalid \\escape");
                out.push_back(*decoded);
                j += 2;
                chunk = j;
                continue;
            }
            if (!parseUnicodeEscape(j, out))
                return false;
            chunk = j;
        }
    }

    // Needs 4 hex digits at h and at least one more byte after them (CPython's "end >= len").
    bool readHex4(std::size_t h, char32_t &cp) const
    {
        if (h + 4 >= m_n)
            return false;
        char32_t v = 0;
        for (std::size_t k = 0; k < 4; ++k) {
            const int d = hexValue(m_s[h + k]);
            if (d < 0)
                return false;
            v = (v << 4) | static_cast<char32_t>(d);
        }
        cp = v;
        return true;
    }

    bool parseObject(std::size_t &i, JsonValue &out, int depth)
    {
        if (depth > m_maxDepth) {
            return fail(i,
                "maximum recursion depth exceeded while decoding a JSON object from a unicode "
                "string",
                JsonParseError::Kind::Depth);
        }
        const std::size_t base = m_memberStack.size();
        std::size_t j = skipWs(i + 1);
        if (j < m_n && m_s[j] == '}') {
            i = j + 1;
            out = JsonValue(JsonValue::Object {});
            return true;
        }
        while (true) {
            if (!parseMember(j, depth))
                return false;
            j = skipWs(j);
            if (j < m_n && m_s[j] == '}')
                break;
            if (j >= m_n || m_s[j] != ',')
                return fail(j, "Expecting ',' delimiter");
            j = skipWs(j + 1);
        }
        i = j + 1;
        return finishObject(i, base, out);
    }

    // j points at a member's key; on success j is past its value, and the member on the stack.
    bool parseMember(std::size_t &j, int depth)
    {
        if (j >= m_n || m_s[j] != '"')
            return fail(j, "Expecting property name enclosed in double quotes");
        std::string key;
        const std::size_t keyAt = j;
        if (!parseString(j, key))
            return false;
        if (key.size() > 15 && !charge(keyAt, heapBlock(key.size() + 1)))
            return false;
        j = skipWs(j);
        if (j >= m_n || m_s[j] != ':')
            return fail(j, "Expecting ':' delimiter");
        j = skipWs(j + 1);
        JsonValue value; // not into the stack: nested objects may reallocate it
        if (!parseValue(j, value, depth))
            return false;
        if (m_memberStack.size() == m_memberStack.capacity()
            && !withinBudget(j, growth(m_memberStack)))
            return false;
        m_memberStack.emplace_back(std::move(key), std::move(value));
        return true;
    }

    // Moves the members parsed since base out of the work stack into out.
    bool finishObject(std::size_t i, std::size_t base, JsonValue &out)
    {
        // Sorting members that are not in order borrows a buffer of half their number.
        const std::size_t count = m_memberStack.size() - base;
        if (!withinBudget(
                i, containerCost<JsonValue::Member>(count) + count / 2 * sizeof(JsonValue::Member)))
            return false;
        if (!charge(i, containerCost<JsonValue::Member>(count)))
            return false;
        JsonValue::Object members(
            std::make_move_iterator(m_memberStack.begin() + static_cast<std::ptrdiff_t>(base)),
            std::make_move_iterator(m_memberStack.end()));
        m_memberStack.resize(base);
        out = JsonValue(std::move(members)); // sorts; the last duplicate key wins
        return true;
    }

    bool parseArray(std::size_t &i, JsonValue &out, int depth)
    {
        if (depth > m_maxDepth) {
            return fail(i,
                "maximum recursion depth exceeded while decoding a JSON array from a unicode "
                "string",
                JsonParseError::Kind::Depth);
        }
        const std::size_t base = m_elementStack.size();
        std::size_t j = skipWs(i + 1);
        if (j < m_n && m_s[j] == ']') {
            i = j + 1;
            out = JsonValue(JsonValue::Array {});
            return true;
        }
        while (true) {
            JsonValue value; // not into the stack: nested arrays may reallocate it
            if (!parseValue(j, value, depth))
                return false;
            if (m_elementStack.size() == m_elementStack.capacity()
                && !withinBudget(j, growth(m_elementStack)))
                return false;
            m_elementStack.push_back(std::move(value));
            j = skipWs(j);
            if (j < m_n && m_s[j] == ']')
                break;
            if (j >= m_n || m_s[j] != ',')
                return fail(j, "Expecting ',' delimiter");
            j = skipWs(j + 1);
        }
        i = j + 1;
        if (!charge(i, containerCost<JsonValue>(m_elementStack.size() - base)))
            return false;
        JsonValue::Array items(
            std::make_move_iterator(m_elementStack.begin() + static_cast<std::ptrdiff_t>(base)),
            std::make_move_iterator(m_elementStack.end()));
        m_elementStack.resize(base);
        out = JsonValue(std::move(items));
        return true;
    }

    const char *m_s;
    std::size_t m_n;
    int m_maxDepth;
    std::size_t m_budget; ///< bytes the value and the work stacks may take
    std::size_t m_cost = 0; ///< bytes allocated for the value so far (work stacks apart)
    // Members and elements of the containers being parsed, innermost last; each container is
    // built from its exact range, so there is one allocation per container.
    std::vector<JsonValue::Member> m_memberStack;
    std::vector<JsonValue> m_elementStack;
    JsonParseError m_error;
};

} // namespace

std::optional<JsonValue> JsonParser::parse(
    std::string_view utf8, JsonParseError *error, int maxDepth)
{
    Parser p(utf8, maxDepth);
    auto v = p.run();
    if (!v && error)
        *error = p.takeError();
    return v;
}

} // namespace fedmsg
