// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QString>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace fedmsg {

/// @brief Where and why a byte string is not strict UTF-8, in the terms of Python's decoder.
struct Utf8Error
{
    std::size_t start = 0; ///< first offending byte
    std::size_t end = 0; ///< one past the last offending byte
    const char *reason =
        ""; ///< "invalid start byte", "invalid continuation byte", "unexpected end of data"
    unsigned char byte = 0; ///< the byte at start
    /// Python's text: "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte".
    std::string toString() const;
};

/// What strict UTF-8 allows after a byte >= 0x80 at the start of a sequence: the sequence's
/// length (0: not a lead byte, i.e. a continuation byte, the overlong leads C0/C1, or F5..FF)
/// and the range of its second byte, narrower after E0 and F0 (no overlongs), ED (no
/// surrogates) and F4 (nothing above U+10FFFF). Later bytes are always 80..BF. The one table of
/// lead bytes; JsonParser's string scan and firstUtf8Error both read it.
struct Utf8Lead
{
    int length = 0;
    unsigned char secondMin = 0x80;
    unsigned char secondMax = 0xBF;
};

constexpr Utf8Lead utf8Lead(unsigned char lead)
{
    if (lead < 0xC2)
        return {};
    Utf8Lead out;
    if (lead < 0xE0) {
        out.length = 2;
    } else if (lead < 0xF0) {
        out.length = 3;
        if (lead == 0xE0)
            out.secondMin = 0xA0;
        else if (lead == 0xED)
            out.secondMax = 0x9F;
    } else if (lead < 0xF5) {
        out.length = 4;
        if (lead == 0xF0)
            out.secondMin = 0x90;
        else if (lead == 0xF4)
            out.secondMax = 0x8F;
    }
    return out;
}

/// The first strict UTF-8 error (no surrogates, no overlongs, max U+10FFFF), or nullopt.
std::optional<Utf8Error> firstUtf8Error(std::string_view bytes);
/// UTF-16 (may hold lone surrogates) to WTF-8.
std::string utf16ToWtf8(const QString &s);
/// WTF-8 to UTF-16; lone surrogates and any invalid byte become U+FFFD.
QString wtf8ToUtf16(std::string_view wtf8);
/// Appends code point cp (0..0x10FFFF, surrogates allowed) as WTF-8.
void appendWtf8(std::string &out, char32_t cp);

} // namespace fedmsg
