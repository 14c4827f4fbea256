// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "json/Utf8.h"

#include <array>
#include <cstdio>

namespace fedmsg {

std::string Utf8Error::toString() const
{
    std::array<char, 160> buf {};
    if (end - start <= 1) {
        std::snprintf(buf.data(),
            buf.size(),
            "'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
            static_cast<unsigned>(byte),
            start,
            reason);
    } else {
        std::snprintf(buf.data(),
            buf.size(),
            "'utf-8' codec can't decode bytes in position %zu-%zu: %s",
            start,
            end - 1,
            reason);
    }
    return buf.data();
}

std::optional<Utf8Error> firstUtf8Error(std::string_view bytes)
{
    const auto s = [bytes](std::size_t k) {
        return static_cast<unsigned char>(bytes[k]);
    };
    const std::size_t n = bytes.size();
    std::size_t i = 0;
    auto fail = [&](std::size_t start, std::size_t end, const char *reason) {
        return Utf8Error { start, end, reason, s(start) };
    };
    while (i < n) {
        const unsigned char c = s(i);
        if (c < 0x80) {
            ++i;
            continue;
        }
        const Utf8Lead lead = utf8Lead(c);
        if (lead.length == 0)
            return fail(i, i + 1, "invalid start byte");
        const int len = lead.length;
        // Walk the continuation bytes like CPython: the error range covers the valid prefix.
        for (int k = 1; k < len; ++k) {
            if (i + k >= n)
                return fail(i, n, "unexpected end of data");
            const unsigned char cc = s(i + k);
            const bool ok = k == 1 ? (cc >= lead.secondMin && cc <= lead.secondMax)
                                   : (cc >= 0x80 && cc <= 0xBF);
            if (!ok)
                return fail(i, i + k, "invalid continuation byte");
        }
        i += len;
    }
    return std::nullopt;
}

void appendWtf8(std::string &out, char32_t cp)
{
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string utf16ToWtf8(const QString &s)
{
    std::string out;
    out.reserve(static_cast<std::size_t>(s.size()));
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        char32_t c = s[i].unicode();
        const char32_t next = i + 1 < n ? s[i + 1].unicode() : 0;
        if (c >= 0xD800 && c <= 0xDBFF && next >= 0xDC00 && next <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (next - 0xDC00);
            ++i;
        }
        appendWtf8(out, c);
    }
    return out;
}

namespace {

// The WTF-8 sequence at the start of s (lead byte >= 0x80): its length, with its code point in
// cp (surrogates included), or 0 when it is cut short, overlong or above U+10FFFF.
int decodeWtf8Sequence(std::string_view s, char32_t &cp)
{
    const auto byte = [s](std::size_t k) {
        return static_cast<unsigned char>(s[k]);
    };
    const unsigned char c = byte(0);
    const int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (len == 0 || static_cast<std::size_t>(len) > s.size())
        return 0;
    cp = len == 4 ? (c & 0x07) : len == 3 ? (c & 0x0F) : (c & 0x1F);
    for (std::size_t k = 1; k < static_cast<std::size_t>(len); ++k) {
        if ((byte(k) & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (byte(k) & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800)
        || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    return len;
}

} // namespace

QString wtf8ToUtf16(std::string_view wtf8)
{
    // Fast path: without an encoded surrogate (ED A0..BF ..) WTF-8 is UTF-8, and Qt's decoder
    // already replaces anything invalid.
    bool surrogate = false;
    for (std::size_t k = wtf8.find('\xED'); k != std::string_view::npos;
         k = wtf8.find('\xED', k + 1)) {
        if (k + 1 < wtf8.size() && static_cast<unsigned char>(wtf8[k + 1]) >= 0xA0) {
            surrogate = true;
            break;
        }
    }
    if (!surrogate)
        return QString::fromUtf8(wtf8.data(), static_cast<qsizetype>(wtf8.size()));
    QString out;
    out.reserve(static_cast<qsizetype>(wtf8.size()));
    const std::size_t n = wtf8.size();
    std::size_t i = 0;
    while (i < n) {
        const auto c = static_cast<unsigned char>(wtf8[i]);
        if (c < 0x80) {
            out.append(QChar(char16_t(c)));
            ++i;
            continue;
        }
        char32_t cp = 0;
        const int len = decodeWtf8Sequence(wtf8.substr(i), cp);
        if (len == 0) {
            out.append(QChar(0xFFFD));
            ++i;
            continue;
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            out.append(QChar(0xFFFD)); // lone surrogate
        } else if (cp >= 0x10000) {
            out.append(QChar(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10))));
            out.append(QChar(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF))));
        } else {
            out.append(QChar(static_cast<char16_t>(cp)));
        }
        i += len;
    }
    return out;
}

} // namespace fedmsg
