// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "json/JsonValue.h"

#include <string>
#include <string_view>

namespace fedmsg {

/// @brief Serializers: the canonical form that fedmsg signs, and a pretty form for humans.
class JsonWriter
{
public:
    /**
     * Python `json.dumps(v, sort_keys=True, separators=(',',':'), ensure_ascii=True)` byte for
     * byte: float repr rules, lowercase \\uXXXX escapes with surrogate pairs, NaN/Infinity bare.
     */
    static std::string canonical(const JsonValue &value);
    /// Appends the canonical form to out (no allocation churn in hot loops).
    static void appendCanonical(std::string &out, const JsonValue &value);
    /// Appends one WTF-8 string (a key or a value) in canonical form, quotes included.
    static void appendCanonicalString(std::string &out, std::string_view wtf8);
    /// Indented, sorted, UTF-8 (not ASCII-escaped) form for display; same number formatting.
    static std::string pretty(const JsonValue &value, int indent = 2);
    /// Python float repr of d ("1.0", "1e-05", "1.5e+300", "inf" -> "Infinity").
    static std::string formatDouble(double d);
};

} // namespace fedmsg
