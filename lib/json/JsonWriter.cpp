// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "json/JsonWriter.h"

#include "json/Swar.h"

#include <charconv>
#include <cmath>
#include <cstring>

namespace fedmsg {

namespace {

constexpr char HexDigits[] = "0123456789abcdef";

inline void appendU16Escape(std::string &out, unsigned v)
{
    char buf[6] = { '\\',
        'u',
        HexDigits[(v >> 12) & 0xF],
        HexDigits[(v >> 8) & 0xF],
        HexDigits[(v >> 4) & 0xF],
        HexDigits[v & 0xF] };
    out.append(buf, 6);
}

// Decodes one WTF-8 sequence at s[i] (lead byte >= 0x80). Returns its length, or 1 for a stray
// byte (then cp = U+FFFD; cannot happen for parsed or constructed-from-valid-UTF-8 values).
inline int decodeWtf8(const unsigned char *s, std::size_t avail, char32_t &cp)
{
    const unsigned char c = s[0];
    int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (len == 0 || avail < static_cast<std::size_t>(len)) {
        cp = 0xFFFD;
        return 1;
    }
    char32_t v = len == 4 ? (c & 0x07) : len == 3 ? (c & 0x0F) : (c & 0x1F);
    for (int k = 1; k < len; ++k) {
        if ((s[k] & 0xC0) != 0x80) {
            cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (s[k] & 0x3F);
    }
    cp = v;
    return len;
}

// Short escapes shared by both writers; returns false when c needs no short escape.
inline bool appendShortEscape(std::string &out, unsigned char c)
{
    switch (c) {
    case '"':
        out.append("\\\"", 2);
        return true;
    case '\\':
        out.append("\\\\", 2);
        return true;
    case '\b':
        out.append("\\b", 2);
        return true;
    case '\f':
        out.append("\\f", 2);
        return true;
    case '\n':
        out.append("\\n", 2);
        return true;
    case '\r':
        out.append("\\r", 2);
        return true;
    case '\t':
        out.append("\\t", 2);
        return true;
    default:
        return false;
    }
}

inline bool plainAscii(unsigned char c)
{
    return c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
}

void appendCanonicalStringImpl(std::string &out, std::string_view s)
{
    out.push_back('"');
    const auto *p = reinterpret_cast<const unsigned char *>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        const std::size_t run = swar::skipWriterPlain(s.data(), i, n);
        if (run > i) {
            out.append(s.data() + i, run - i);
            i = run;
            if (i >= n)
                break;
        }
        const unsigned char c = p[i];
        if (c < 0x80) {
            if (!appendShortEscape(out, c))
                appendU16Escape(out, c); // other controls and DEL
            ++i;
            continue;
        }
        char32_t cp;
        i += static_cast<std::size_t>(decodeWtf8(p + i, n - i, cp));
        if (cp >= 0x10000) {
            const char32_t v = cp - 0x10000;
            appendU16Escape(out, 0xD800 + (v >> 10));
            appendU16Escape(out, 0xDC00 + (v & 0x3FF));
        } else {
            appendU16Escape(out, cp); // includes lone surrogates, as Python writes them
        }
    }
    out.push_back('"');
}

// Human-readable: UTF-8 kept, only controls, DEL, lone surrogates and quotes escaped.
void appendPrettyString(std::string &out, const std::string &s)
{
    out.push_back('"');
    const auto *p = reinterpret_cast<const unsigned char *>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            if (plainAscii(c))
                out.push_back(static_cast<char>(c));
            else if (!appendShortEscape(out, c))
                appendU16Escape(out, c);
            ++i;
            continue;
        }
        char32_t cp;
        const int len = decodeWtf8(p + i, n - i, cp);
        if ((cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFD || (cp >= 0x80 && cp < 0xA0))
            appendU16Escape(out, cp);
        else
            out.append(s.data() + i, static_cast<std::size_t>(len));
        i += static_cast<std::size_t>(len);
    }
    out.push_back('"');
}

void appendDouble(std::string &out, double d)
{
    if (std::isnan(d)) {
        out.append("NaN");
        return;
    }
    if (std::isinf(d)) {
        out.append(d < 0 ? "-Infinity" : "Infinity");
        return;
    }
    char buf[40];
    auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    // buf holds "[-]d[.ddd]e(+|-)XX[X]": shortest round-trip digits.
    const char *p = buf;
    const char *end = res.ptr;
    bool negative = false;
    if (*p == '-') {
        negative = true;
        ++p;
    }
    char digits[24];
    int nd = 0;
    while (p < end && *p != 'e') {
        if (*p != '.')
            digits[nd++] = *p;
        ++p;
    }
    int exponent = 0;
    if (p < end) {
        ++p; // 'e'
        std::from_chars(p + (*p == '+' ? 1 : 0), end, exponent);
    }
    // Python repr drops trailing zeros (to_chars shortest has none except for "0e+00").
    while (nd > 1 && digits[nd - 1] == '0')
        --nd;
    if (negative)
        out.push_back('-');
    if (exponent < -4 || exponent >= 16) {
        out.push_back(digits[0]);
        if (nd > 1) {
            out.push_back('.');
            out.append(digits + 1, static_cast<std::size_t>(nd - 1));
        }
        out.push_back('e');
        out.push_back(exponent < 0 ? '-' : '+');
        const int a = exponent < 0 ? -exponent : exponent;
        if (a < 10)
            out.push_back('0');
        char eb[8];
        auto er = std::to_chars(eb, eb + sizeof eb, a);
        out.append(eb, er.ptr);
        return;
    }
    if (exponent < 0) {
        out.append("0.");
        out.append(static_cast<std::size_t>(-exponent - 1), '0');
        out.append(digits, static_cast<std::size_t>(nd));
        return;
    }
    // 0 <= exponent < 16: integer part has exponent+1 digits.
    const int intDigits = exponent + 1;
    if (nd <= intDigits) {
        out.append(digits, static_cast<std::size_t>(nd));
        out.append(static_cast<std::size_t>(intDigits - nd), '0');
        out.append(".0");
    } else {
        out.append(digits, static_cast<std::size_t>(intDigits));
        out.push_back('.');
        out.append(digits + intDigits, static_cast<std::size_t>(nd - intDigits));
    }
}

void appendScalar(std::string &out, const JsonValue &v)
{
    switch (v.type()) {
    case JsonValue::Type::Null:
        out.append("null");
        break;
    case JsonValue::Type::Bool:
        out.append(v.toBool() ? "true" : "false");
        break;
    case JsonValue::Type::Integer: {
        bool ok = false;
        const std::int64_t i = v.toInt64(0, &ok);
        if (ok) {
            char buf[24];
            auto res = std::to_chars(buf, buf + sizeof buf, i);
            out.append(buf, res.ptr);
        } else {
            out.append(v.integerText());
        }
        break;
    }
    case JsonValue::Type::Float:
        appendDouble(out, v.toDouble());
        break;
    default:
        break;
    }
}

void writeCanonical(std::string &out, const JsonValue &v)
{
    switch (v.type()) {
    case JsonValue::Type::String:
        appendCanonicalStringImpl(out, v.toStdString());
        return;
    case JsonValue::Type::Array: {
        out.push_back('[');
        bool first = true;
        for (const JsonValue &e : v.array()) {
            if (!first)
                out.push_back(',');
            first = false;
            writeCanonical(out, e);
        }
        out.push_back(']');
        return;
    }
    case JsonValue::Type::Object: {
        out.push_back('{');
        bool first = true;
        for (const JsonValue::Member &m : v.object()) {
            if (!first)
                out.push_back(',');
            first = false;
            appendCanonicalStringImpl(out, m.first);
            out.push_back(':');
            writeCanonical(out, m.second);
        }
        out.push_back('}');
        return;
    }
    default:
        appendScalar(out, v);
        return;
    }
}

void writePretty(std::string &out, const JsonValue &v, int indent, int level)
{
    auto newline = [&](int lvl) {
        out.push_back('\n');
        out.append(static_cast<std::size_t>(indent) * static_cast<std::size_t>(lvl), ' ');
    };
    switch (v.type()) {
    case JsonValue::Type::String:
        appendPrettyString(out, v.toStdString());
        return;
    case JsonValue::Type::Array: {
        if (v.array().empty()) {
            out.append("[]");
            return;
        }
        out.push_back('[');
        bool first = true;
        for (const JsonValue &e : v.array()) {
            if (!first)
                out.push_back(',');
            first = false;
            newline(level + 1);
            writePretty(out, e, indent, level + 1);
        }
        newline(level);
        out.push_back(']');
        return;
    }
    case JsonValue::Type::Object: {
        if (v.object().empty()) {
            out.append("{}");
            return;
        }
        out.push_back('{');
        bool first = true;
        for (const JsonValue::Member &m : v.object()) {
            if (!first)
                out.push_back(',');
            first = false;
            newline(level + 1);
            appendPrettyString(out, m.first);
            out.append(": ");
            writePretty(out, m.second, indent, level + 1);
        }
        newline(level);
        out.push_back('}');
        return;
    }
    default:
        appendScalar(out, v);
        return;
    }
}

} // namespace

std::string JsonWriter::canonical(const JsonValue &value)
{
    std::string out;
    appendCanonical(out, value);
    return out;
}

void JsonWriter::appendCanonical(std::string &out, const JsonValue &value)
{
    writeCanonical(out, value);
}

void JsonWriter::appendCanonicalString(std::string &out, std::string_view wtf8)
{
    appendCanonicalStringImpl(out, wtf8);
}

std::string JsonWriter::pretty(const JsonValue &value, int indent)
{
    std::string out;
    writePretty(out, value, indent < 0 ? 0 : indent, 0);
    return out;
}

std::string JsonWriter::formatDouble(double d)
{
    std::string out;
    appendDouble(out, d);
    return out;
}

} // namespace fedmsg
