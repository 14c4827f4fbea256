// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "json/Utf8.h"

#include <cstdio>

namespace fedmsg {

std::string Utf8Error::toString() const
{
    char buf[160];
    if (end - start <= 1) {
        std::snprintf(buf,
            sizeof buf,
            "'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
            static_cast<unsigned>(byte),
            start,
            reason);
    } else {
        std::snprintf(buf,
            sizeof buf,
            "'utf-8' codec can't decode bytes in position %zu-%zu: %s",
            start,
            end - 1,
            reason);
    }
    return buf;
}

std::optional<Utf8Error> firstUtf8Error(std::string_view bytes)
{
    const auto *s = reinterpret_cast<const unsigned char *>(bytes.data());
    const std::size_t n = bytes.size();
    std::size_t i = 0;
    auto fail = [&](std::size_t start, std::size_t end, const char *reason) {
        return Utf8Error { start, end, reason, s[start] };
    };
    while (i < n) {
        const unsigned char c = s[i];
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
            const unsigned char cc = s[i + k];
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
    const auto *p = reinterpret_cast<const char16_t *>(s.utf16());
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        char32_t c = p[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && p[i + 1] >= 0xDC00 && p[i + 1] <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (p[i + 1] - 0xDC00);
            ++i;
        }
        appendWtf8(out, c);
    }
    return out;
}

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
    const auto *s = reinterpret_cast<const unsigned char *>(wtf8.data());
    const std::size_t n = wtf8.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            out.append(QChar(char16_t(c)));
            ++i;
            continue;
        }
        int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
        char32_t cp = len == 4 ? (c & 0x07) : len == 3 ? (c & 0x0F) : (c & 0x1F);
        bool ok = len != 0 && i + len <= n;
        for (int k = 1; ok && k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                ok = false;
            else
                cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (ok
            && ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800)
                || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))))
            ok = false;
        if (!ok) {
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
