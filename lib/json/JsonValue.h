// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// lib/json: the JSON value every stage passes around. It keeps what Python's json module keeps
// (int vs float, integers of any size, lone surrogates, last duplicate key wins), because the
// fedmsg signature covers the Python canonical form. It must never depend on Qt Widgets or
// on anything above it in the message path.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <QString>

namespace fedmsg {

/**
 * @brief An immutable-by-default JSON value with Python json semantics.
 *
 * Strings are stored as WTF-8 (UTF-8 that may also encode lone surrogates U+D800..U+DFFF as
 * 3-byte sequences), so sorting the raw bytes gives Python's code point order and the
 * canonical writer can reproduce lone surrogates exactly.
 *
 * Integers are kept exactly: values that fit in int64 are stored as such; larger ones keep
 * their decimal digits (isBigInteger()). Floats are doubles and are never confused with integers.
 *
 * Objects keep their members sorted by key bytes with unique keys (last duplicate wins on parse),
 * so lookups are binary searches and canonical serialization needs no sorting.
 */
class JsonValue
{
public:
    enum class Type { Null, Bool, Integer, Float, String, Array, Object };
    using Array = std::vector<JsonValue>;
    using Member = std::pair<std::string, JsonValue>;
    using Object = std::vector<Member>; ///< sorted by key bytes, unique keys

    JsonValue() = default; ///< null
    JsonValue(std::nullptr_t) {}
    JsonValue(bool b);
    JsonValue(int v);
    JsonValue(std::int64_t v);
    JsonValue(double v);
    JsonValue(const char *utf8);
    JsonValue(std::string utf8);
    JsonValue(std::string_view utf8);
    JsonValue(const QString &s);
    JsonValue(Array a);
    /// Takes members in any order; sorts them and keeps the last of duplicate keys.
    JsonValue(Object o);

    /// An integer given by its decimal digits (optional leading '-'); normalised ("-0" -> 0).
    static JsonValue fromIntegerText(std::string_view digits);
    static JsonValue emptyObject();
    static JsonValue emptyArray();

    Type type() const;
    bool isNull() const { return type() == Type::Null; }
    bool isBool() const { return type() == Type::Bool; }
    bool isInteger() const { return type() == Type::Integer; }
    bool isFloat() const { return type() == Type::Float; }
    bool isNumber() const { return isInteger() || isFloat(); }
    bool isString() const { return type() == Type::String; }
    bool isArray() const { return type() == Type::Array; }
    bool isObject() const { return type() == Type::Object; }
    /// An integer too large for int64 (kept as decimal digits).
    bool isBigInteger() const;

    /// Python's bool(value), the one definition of truthiness in the tree: None, False, 0 and -0,
    /// 0.0 and -0.0, "", [] and {} are false; everything else (big integers, NaN, "0", [[]])
    /// is true.
    bool pythonTruth() const;

    bool toBool(bool fallback = false) const;
    /// Integer value; for a big integer or a non-integer returns fallback and sets *ok = false.
    std::int64_t toInt64(std::int64_t fallback = 0, bool *ok = nullptr) const;
    /// Numeric value as double (integers converted, big ones approximately); fallback otherwise.
    double toDouble(double fallback = 0.0) const;
    /// Decimal digits of an integer (exact, also for big integers); empty if not an integer.
    std::string integerText() const;
    /// The string's WTF-8 bytes; empty for non-strings.
    const std::string &toStdString() const;
    /// The string as QString (lone surrogates become U+FFFD); empty for non-strings.
    QString toQString() const;

    const Array &array() const; ///< empty array for non-arrays
    const Object &object() const; ///< empty object for non-objects
    Array &mutableArray(); ///< converts null to an empty array first; precondition: array or null
    Object &
    mutableObject(); ///< converts null to an empty object first; precondition: object or null

    /// Number of elements of an array or members of an object; 0 otherwise.
    std::size_t size() const;
    bool contains(std::string_view key) const;
    /// Member by key; a shared null value when missing or when this is not an object.
    const JsonValue &operator[](std::string_view key) const;
    /// Element by index; a shared null value when out of range or when this is not an array.
    const JsonValue &operator[](std::size_t index) const;
    const JsonValue &operator[](int index) const
    {
        return (*this)[static_cast<std::size_t>(index)];
    }
    /// Pointer to the member value, nullptr when missing.
    const JsonValue *find(std::string_view key) const;

    /// Inserts or replaces a member, keeping the order sorted. Converts null to an object first.
    void insert(std::string_view key, JsonValue value);
    /// Removes a member; returns whether it existed.
    bool remove(std::string_view key);
    /// Appends to an array. Converts null to an array first.
    void append(JsonValue value);

    /// Structural equality: 1 != 1.0, NaN == NaN (same as canonical bytes being equal).
    bool operator==(const JsonValue &other) const;
    bool operator!=(const JsonValue &other) const { return !(*this == other); }

private:
    struct BigInt
    {
        std::shared_ptr<const std::string> digits; // never null
        bool operator==(const BigInt &o) const { return *digits == *o.digits; }
    };
    // Arrays and objects live behind shared_ptr with copy-on-write, so copying an envelope
    // between threads and stages is cheap; mutation detaches. What a parsed value costs is
    // bounded by its size (JsonParser refuses bodies that would cost more): a value is 24 bytes,
    // and empty arrays, empty objects, empty and one-byte strings allocate nothing (a null
    // container pointer; strings shared from a static table, held without a reference count).
    using Data = std::variant<std::monostate,
        bool,
        std::int64_t,
        BigInt,
        double,
        std::shared_ptr<const std::string>,
        std::shared_ptr<const Array>,
        std::shared_ptr<const Object>>;
    Data m_data;
};

} // namespace fedmsg
