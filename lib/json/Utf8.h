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

/// The first strict UTF-8 error (no surrogates, no overlongs, max U+10FFFF), or nullopt.
std::optional<Utf8Error> firstUtf8Error(std::string_view bytes);
/// UTF-16 (may hold lone surrogates) to WTF-8.
std::string utf16ToWtf8(const QString &s);
/// WTF-8 to UTF-16; lone surrogates and any invalid byte become U+FFFD.
QString wtf8ToUtf16(std::string_view wtf8);
/// Appends code point cp (0..0x10FFFF, surrogates allowed) as WTF-8.
void appendWtf8(std::string &out, char32_t cp);

} // namespace fedmsg
