// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "json/JsonValue.h"

#include <optional>
#include <string>
#include <string_view>

namespace fedmsg {

/// @brief Why a text is not JSON, as Python's json.loads would refuse it.
struct JsonParseError
{
    /// The Python exception json.loads would raise for this input.
    enum class Kind {
        Syntax, ///< json.JSONDecodeError
        Utf8, ///< UnicodeDecodeError (bytes.decode('utf-8') fails before parsing)
        IntegerDigits, ///< ValueError: integer with more than 4300 digits
        Depth, ///< RecursionError: nesting deeper than maxDepth
        /// MemoryError: the parsed value would cost more memory than the budget allows for a
        /// body of this size (Python has no such limit; it runs out of memory instead)
        Cost,
    };
    Kind kind = Kind::Syntax;
    std::size_t offset = 0; ///< byte offset into the input
    std::size_t charIndex = 0; ///< code point index into the decoded text (Python's "char N")
    std::size_t line = 1;
    std::size_t column = 1;
    std::string
        reason; ///< e.g. "Expecting value", "Invalid control character at", "Invalid \\escape"
    /// Python's str(exception): "<reason>: line L column C (char N)" for syntax errors,
    /// the bare reason for the other kinds.
    std::string toString() const;
    /// "JSONDecodeError: ..." / "UnicodeDecodeError: ..." / "ValueError: ..." / "RecursionError:
    /// ..." / "MemoryError: ..."
    std::string pythonText() const;
};

/**
 * @brief Single-pass parser that accepts exactly what Python's json.loads accepts (after a strict
 * UTF-8 decode of the bytes): NaN/Infinity/-Infinity, last duplicate key wins, lone surrogates
 * kept (as WTF-8), integers of any size, floats correctly rounded (1e400 -> inf).
 * Rejects a UTF-8 BOM, invalid UTF-8, raw control characters in strings, trailing commas,
 * leading zeros, "+1", ".5", "1.", bad escapes, trailing garbage, nesting deeper than maxDepth.
 *
 * Messages are untrusted, so what a parsed value may cost in memory is bounded by the size of
 * the text: a body whose structure would take more than CostPerByte bytes of memory per byte of
 * input (plus CostAllowance), counting the parser's own work stacks, is refused with a
 * JsonParseError::Kind::Cost error as soon as it passes the budget (16 MiB of "[[],[],..." or
 * of small numbers), instead of growing to many times its size. Real messages stay far below.
 */
class JsonParser
{
public:
    static constexpr int DefaultMaxDepth = 1000;
    /// Budget of the parsed value: bytes of memory per byte of input, plus a fixed allowance.
    static constexpr std::size_t CostPerByte = 8;
    static constexpr std::size_t CostAllowance = std::size_t { 64 } * 1024;
    /// Parses; on failure returns std::nullopt and fills *error when given.
    static std::optional<JsonValue> parse(
        std::string_view utf8, JsonParseError *error = nullptr, int maxDepth = DefaultMaxDepth);
};

} // namespace fedmsg
