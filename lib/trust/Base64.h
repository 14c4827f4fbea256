// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace fedmsg {

/// @brief Base64 as fedmsg's Python code reads and writes it.
class Base64
{
public:
    /**
     * Python's base64.b64decode(s) (non-validating): characters outside the alphabet (the "\n"
     * wrapping, spaces, ...) are skipped, decoding stops at a complete "=" padding, leftover
     * bits are an error ("Incorrect padding"). Non-ASCII input is an error, as for a Python str.
     */
    static std::optional<std::string> decode(std::string_view text, std::string *error = nullptr);
    /// Plain base64 without line breaks.
    static std::string encode(std::string_view bytes);
    /// Python 2's str.encode('base64'): 76-column lines joined by "\n", plus a trailing "\n".
    static std::string encodeWrapped76(std::string_view bytes);
};

} // namespace fedmsg
