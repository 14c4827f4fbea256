// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "json/JsonWriter.h"

#include "json/Swar.h"

#include <array>
#include <charconv>
#include <cmath>

namespace fedmsg {

namespace {

constexpr std::string_view HexDigits = "0123456789abcdef";

inline void appendU16Escape(std::string &out, unsigned v)
{
    const std::array<char, 6> buf = { '\\',
        'u',
        HexDigits[(v >> 12) & 0xF],
        HexDigits[(v >> 8) & 0xF],
        HexDigits[(v >> 4) & 0xF],
        HexDigits[v & 0xF] };
    out.append(buf.data(), buf.size());
}

// Decodes one WTF-8 sequence at s[i] (lead byte >= 0x80). Returns its length, or 1 for a stray
// byte (then cp = U+FFFD; cannot happen for parsed or constructed-from-valid-UTF-8 values).
inline int decodeWtf8(const char *p, std::size_t avail, char32_t &cp)
{
    const auto byte = [p](int k) {
        return static_cast<unsigned char>(p[k]);
    };
    const unsigned char c = byte(0);
    int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (len == 0 || avail < static_cast<std::size_t>(len)) {
        cp = 0xFFFD;
        return 1;
    }
    char32_t v = len == 4 ? (c & 0x07) : len == 3 ? (c & 0x0F) : (c & 0x1F);
    for (int k = 1; k < len; ++k) {
        if ((byte(k) & 0xC0) != 0x80) {
            cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (byte(k) & 0x3F);
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
    const char *p = s.data();
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
        const auto c = static_cast<unsigned char>(p[i]);
        if (c < 0x80) {
            if (!appendShortEscape(out, c))
                appendU16Escape(out, c); // other controls and DEL
            ++i;
            continue;
        }
        char32_t cp = 0;
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
    const char *p = s.data();
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        const auto c = static_cast<unsigned char>(p[i]);
        if (c < 0x80) {
            if (plainAscii(c))
                out.push_back(static_cast<char>(c));
            else if (!appendShortEscape(out, c))
                appendU16Escape(out, c);
            ++i;
            continue;
        }
        char32_t cp = 0;
        const int len = decodeWtf8(p + i, n - i, cp);
        if ((cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFD || (cp >= 0x80 && cp < 0xA0))
            appendU16Escape(out, cp);
        else
            out.append(s.data() + i, static_cast<std::size_t>(len));
        i += static_cast<std::size_t>(len);
    }
    out.push_back('"');
}

// Python's repr of d in exponent form: "1e-05", "1.5e+16".
void appendExponentForm(std::string &out, std::string_view digits, int exponent)
{
    out.push_back(digits.front());
    if (digits.size() > 1) {
        out.push_back('.');
        out.append(digits.substr(1));
    }
    out.push_back('e');
    out.push_back(exponent < 0 ? '-' : '+');
    const int a = exponent < 0 ? -exponent : exponent;
    if (a < 10)
        out.push_back('0');
    std::array<char, 8> eb {};
    auto er = std::to_chars(eb.data(), eb.data() + eb.size(), a);
    out.append(eb.data(), er.ptr);
}

// Python's repr of d in positional form (-4 <= exponent < 16): "0.001", "12.0", "1.25".
void appendPositionalForm(std::string &out, std::string_view digits, int exponent)
{
    if (exponent < 0) {
        out.append("0.");
        out.append(static_cast<std::size_t>(-exponent - 1), '0');
        out.append(digits);
        return;
    }
    // 0 <= exponent < 16: integer part has exponent+1 digits.
    const auto intDigits = static_cast<std::size_t>(exponent) + 1;
    if (digits.size() <= intDigits) {
        out.append(digits);
        out.append(intDigits - digits.size(), '0');
        out.append(".0");
    } else {
        out.append(digits.substr(0, intDigits));
        out.push_back('.');
        out.append(digits.substr(intDigits));
    }
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
    std::array<char, 40> buf {};
    auto res = std::to_chars(buf.data(), buf.data() + buf.size(), d, std::chars_format::scientific);
    // buf holds "[-]d[.ddd]e(+|-)XX[X]": shortest round-trip digits.
    std::string_view text(buf.data(), static_cast<std::size_t>(res.ptr - buf.data()));
    const bool negative = text.front() == '-';
    if (negative)
        text.remove_prefix(1);
    const std::size_t e = text.find('e');
    std::array<char, 24> digitBuf {};
    std::size_t nd = 0;
    for (const char c : text.substr(0, e)) {
        if (c != '.')
            digitBuf[nd++] = c;
    }
    int exponent = 0;
    if (e != std::string_view::npos) {
        const std::string_view exp = text.substr(e + 1);
        const std::size_t sign = exp.front() == '+' ? 1 : 0;
        std::from_chars(exp.data() + sign, exp.data() + exp.size(), exponent);
    }
    // Python repr drops trailing zeros (to_chars shortest has none except for "0e+00").
    while (nd > 1 && digitBuf[nd - 1] == '0')
        --nd;
    if (negative)
        out.push_back('-');
    const std::string_view digits(digitBuf.data(), nd);
    if (exponent < -4 || exponent >= 16)
        appendExponentForm(out, digits, exponent);
    else
        appendPositionalForm(out, digits, exponent);
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
            std::array<char, 24> buf {};
            auto res = std::to_chars(buf.data(), buf.data() + buf.size(), i);
            out.append(buf.data(), res.ptr);
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
