// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "json/JsonValue.h"

#include "json/Utf8.h"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>

namespace fedmsg {

namespace {

const JsonValue &sharedNull()
{
    static const JsonValue null;
    return null;
}

const JsonValue::Array &sharedEmptyArray()
{
    static const JsonValue::Array a;
    return a;
}

const JsonValue::Object &sharedEmptyObject()
{
    static const JsonValue::Object o;
    return o;
}

const std::string &sharedEmptyString()
{
    static const std::string s;
    return s;
}

// "" and every one-byte string, shared by all values that hold them: an aliasing shared_ptr
// with no owner points at the static string, so holding one neither allocates nor counts.
std::shared_ptr<const std::string> sharedShortString(std::string_view utf8)
{
    static const auto table = [] {
        std::array<std::string, 256> t;
        for (std::size_t i = 0; i < t.size(); ++i)
            t[i] = std::string(1, static_cast<char>(i));
        return t;
    }();
    const std::string &s =
        utf8.empty() ? sharedEmptyString() : table[static_cast<unsigned char>(utf8.front())];
    return { std::shared_ptr<const void>(), &s };
}

std::shared_ptr<const std::string> makeString(std::string &&utf8)
{
    if (utf8.size() <= 1)
        return sharedShortString(utf8);
    return std::make_shared<const std::string>(std::move(utf8));
}

std::shared_ptr<const std::string> makeString(std::string_view utf8)
{
    if (utf8.size() <= 1)
        return sharedShortString(utf8);
    return std::make_shared<const std::string>(utf8);
}

bool keyLess(const JsonValue::Member &a, const JsonValue::Member &b)
{
    return a.first < b.first; // std::string compares as unsigned bytes (char_traits<char>)
}

// Sorts members by key bytes; of equal keys the last one in the input wins.
void normaliseObject(JsonValue::Object &o)
{
    if (o.size() < 2)
        return;
    bool sortedUnique = true;
    for (std::size_t i = 1; i < o.size(); ++i) {
        if (!(o[i - 1].first < o[i].first)) {
            sortedUnique = false;
            break;
        }
    }
    if (sortedUnique)
        return;
    std::stable_sort(o.begin(), o.end(), keyLess);
    // Keep the last of each run of equal keys.
    std::size_t out = 0;
    for (std::size_t i = 0; i < o.size(); ++i) {
        if (i + 1 < o.size() && o[i].first == o[i + 1].first)
            continue;
        if (out != i)
            o[out] = std::move(o[i]);
        ++out;
    }
    o.resize(out);
}

} // namespace

JsonValue::JsonValue(bool b)
    : m_data(b)
{}

JsonValue::JsonValue(int v)
    : m_data(static_cast<std::int64_t>(v))
{}

JsonValue::JsonValue(std::int64_t v)
    : m_data(v)
{}

JsonValue::JsonValue(double v)
    : m_data(v)
{}

JsonValue::JsonValue(const char *utf8)
    : m_data(makeString(std::string_view(utf8 ? utf8 : "")))
{}

JsonValue::JsonValue(std::string utf8)
    : m_data(makeString(std::move(utf8)))
{}

JsonValue::JsonValue(std::string_view utf8)
    : m_data(makeString(utf8))
{}

JsonValue::JsonValue(const QString &s)
    : m_data(makeString(utf16ToWtf8(s)))
{}

// An empty array or object is a null pointer of its kind: no allocation.
JsonValue::JsonValue(Array a)
    : m_data(
        a.empty() ? std::shared_ptr<const Array>() : std::make_shared<const Array>(std::move(a)))
{}

JsonValue::JsonValue(Object o)
{
    normaliseObject(o);
    m_data =
        o.empty() ? std::shared_ptr<const Object>() : std::make_shared<const Object>(std::move(o));
}

JsonValue JsonValue::fromIntegerText(std::string_view digits)
{
    bool negative = false;
    if (!digits.empty() && digits.front() == '-') {
        negative = true;
        digits.remove_prefix(1);
    }
    while (digits.size() > 1 && digits.front() == '0')
        digits.remove_prefix(1);
    if (digits.empty())
        return { std::int64_t(0) };
    for (char c : digits) {
        if (c < '0' || c > '9')
            return { std::int64_t(0) };
    }
    if (digits == "0")
        return { std::int64_t(0) };
    if (digits.size() <= 19) {
        // Fits in uint64; check the int64 range with the sign.
        std::uint64_t u = 0;
        std::from_chars(digits.data(), digits.data() + digits.size(), u);
        if (!negative && u <= static_cast<std::uint64_t>(INT64_MAX))
            return { static_cast<std::int64_t>(u) };
        if (negative && u <= static_cast<std::uint64_t>(INT64_MAX) + 1U)
            return { static_cast<std::int64_t>(0 - u) };
    }
    JsonValue v;
    std::string text;
    text.reserve(digits.size() + 1);
    if (negative)
        text.push_back('-');
    text.append(digits);
    v.m_data = BigInt { std::make_shared<const std::string>(std::move(text)) };
    return v;
}

JsonValue JsonValue::emptyObject()
{
    return { Object {} };
}

JsonValue JsonValue::emptyArray()
{
    return { Array {} };
}

JsonValue::Type JsonValue::type() const
{
    switch (m_data.index()) {
    case 0:
        return Type::Null;
    case 1:
        return Type::Bool;
    case 2:
    case 3:
        return Type::Integer;
    case 4:
        return Type::Float;
    case 5:
        return Type::String;
    case 6:
        return Type::Array;
    default:
        return Type::Object;
    }
}

bool JsonValue::isBigInteger() const
{
    return std::holds_alternative<BigInt>(m_data);
}

bool JsonValue::pythonTruth() const
{
    switch (type()) {
    case Type::Null:
        return false;
    case Type::Bool:
        return toBool();
    case Type::Integer:
        // A big integer lies outside int64, so it is never 0 (fromIntegerText keeps "-0" and
        // "000" as int64 0).
        return isBigInteger() || toInt64() != 0;
    case Type::Float:
        return toDouble() != 0.0; // -0.0 == 0.0; NaN != 0.0 (true, as in Python)
    case Type::String:
        return !toStdString().empty();
    case Type::Array:
    case Type::Object:
        return size() > 0;
    }
    return false;
}

bool JsonValue::toBool(bool fallback) const
{
    if (const bool *b = std::get_if<bool>(&m_data))
        return *b;
    return fallback;
}

std::int64_t JsonValue::toInt64(std::int64_t fallback, bool *ok) const
{
    if (const std::int64_t *i = std::get_if<std::int64_t>(&m_data)) {
        if (ok)
            *ok = true;
        return *i;
    }
    if (ok)
        *ok = false;
    return fallback;
}

double JsonValue::toDouble(double fallback) const
{
    if (const double *d = std::get_if<double>(&m_data))
        return *d;
    if (const std::int64_t *i = std::get_if<std::int64_t>(&m_data))
        return static_cast<double>(*i);
    if (const BigInt *b = std::get_if<BigInt>(&m_data)) {
        double d = 0;
        const std::string &digits = *b->digits;
        auto res = std::from_chars(digits.data(), digits.data() + digits.size(), d);
        if (res.ec == std::errc::result_out_of_range)
            return digits.front() == '-' ? -HUGE_VAL : HUGE_VAL;
        return d;
    }
    return fallback;
}

std::string JsonValue::integerText() const
{
    if (const std::int64_t *i = std::get_if<std::int64_t>(&m_data)) {
        std::array<char, 24> buf {};
        auto res = std::to_chars(buf.data(), buf.data() + buf.size(), *i);
        return { buf.data(), res.ptr };
    }
    if (const BigInt *b = std::get_if<BigInt>(&m_data))
        return *b->digits;
    return {};
}

const std::string &JsonValue::toStdString() const
{
    if (const auto *s = std::get_if<std::shared_ptr<const std::string>>(&m_data))
        return **s;
    return sharedEmptyString();
}

QString JsonValue::toQString() const
{
    if (const auto *s = std::get_if<std::shared_ptr<const std::string>>(&m_data))
        return wtf8ToUtf16(**s);
    return {};
}

const JsonValue::Array &JsonValue::array() const
{
    if (const auto *a = std::get_if<std::shared_ptr<const Array>>(&m_data); a && *a)
        return **a;
    return sharedEmptyArray();
}

const JsonValue::Object &JsonValue::object() const
{
    if (const auto *o = std::get_if<std::shared_ptr<const Object>>(&m_data); o && *o)
        return **o;
    return sharedEmptyObject();
}

JsonValue::Array &JsonValue::mutableArray()
{
    auto *a = std::get_if<std::shared_ptr<const Array>>(&m_data);
    if (!a || !*a) {
        m_data = std::make_shared<const Array>();
        a = std::get_if<std::shared_ptr<const Array>>(&m_data);
    } else if (a->use_count() > 1) {
        *a = std::make_shared<const Array>(**a); // detach
    }
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-const-cast): copy-on-write; now the sole owner
    return const_cast<Array &>(**a);
}

JsonValue::Object &JsonValue::mutableObject()
{
    auto *o = std::get_if<std::shared_ptr<const Object>>(&m_data);
    if (!o || !*o) {
        m_data = std::make_shared<const Object>();
        o = std::get_if<std::shared_ptr<const Object>>(&m_data);
    } else if (o->use_count() > 1) {
        *o = std::make_shared<const Object>(**o); // detach
    }
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-const-cast): copy-on-write; now the sole owner
    return const_cast<Object &>(**o);
}

std::size_t JsonValue::size() const
{
    if (const auto *a = std::get_if<std::shared_ptr<const Array>>(&m_data))
        return *a ? (*a)->size() : 0;
    if (const auto *o = std::get_if<std::shared_ptr<const Object>>(&m_data))
        return *o ? (*o)->size() : 0;
    return 0;
}

bool JsonValue::contains(std::string_view key) const
{
    return find(key) != nullptr;
}

const JsonValue &JsonValue::operator[](std::string_view key) const
{
    const JsonValue *v = find(key);
    return v ? *v : sharedNull();
}

const JsonValue &JsonValue::operator[](std::size_t index) const
{
    const Array &a = array();
    return index < a.size() ? a[index] : sharedNull();
}

const JsonValue *JsonValue::find(std::string_view key) const
{
    const auto *o = std::get_if<std::shared_ptr<const Object>>(&m_data);
    if (!o || !*o)
        return nullptr;
    const Object &obj = **o;
    auto it =
        std::lower_bound(obj.begin(), obj.end(), key, [](const Member &m, std::string_view k) {
            return std::string_view(m.first) < k;
        });
    if (it != obj.end() && it->first == key)
        return &it->second;
    return nullptr;
}

void JsonValue::insert(std::string_view key, JsonValue value)
{
    if (!isObject() && !isNull())
        m_data = std::monostate {};
    Object &obj = mutableObject();
    auto it =
        std::lower_bound(obj.begin(), obj.end(), key, [](const Member &m, std::string_view k) {
            return std::string_view(m.first) < k;
        });
    if (it != obj.end() && it->first == key)
        it->second = std::move(value);
    else
        obj.insert(it, Member(std::string(key), std::move(value)));
}

bool JsonValue::remove(std::string_view key)
{
    if (!find(key))
        return false;
    Object &obj = mutableObject();
    auto it =
        std::lower_bound(obj.begin(), obj.end(), key, [](const Member &m, std::string_view k) {
            return std::string_view(m.first) < k;
        });
    obj.erase(it);
    return true;
}

void JsonValue::append(JsonValue value)
{
    if (!isArray() && !isNull())
        m_data = std::monostate {};
    mutableArray().push_back(std::move(value));
}

bool JsonValue::operator==(const JsonValue &other) const
{
    if (m_data.index() != other.m_data.index())
        return false;
    switch (m_data.index()) {
    case 0:
        return true;
    case 1:
        return std::get<bool>(m_data) == std::get<bool>(other.m_data);
    case 2:
        return std::get<std::int64_t>(m_data) == std::get<std::int64_t>(other.m_data);
    case 3:
        return std::get<BigInt>(m_data) == std::get<BigInt>(other.m_data);
    case 4: {
        const double a = std::get<double>(m_data);
        const double b = std::get<double>(other.m_data);
        if (std::isnan(a) && std::isnan(b))
            return true;
        return std::bit_cast<std::uint64_t>(a)
            == std::bit_cast<std::uint64_t>(b); // 0.0 != -0.0, as in the canonical form
    }
    case 5: {
        const auto &a = std::get<std::shared_ptr<const std::string>>(m_data);
        const auto &b = std::get<std::shared_ptr<const std::string>>(other.m_data);
        return a == b || *a == *b;
    }
    case 6:
        return array() == other.array(); // an empty array may be a null pointer
    default:
        return object() == other.object();
    }
}

} // namespace fedmsg
