// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "amqp/AmqpTable.h"

#include "json/Utf8.h"

#include <QString>

#include <cmath>
#include <limits>

namespace fedmsg {

std::string AmqpTable::bytesToUtf8(amqp_bytes_t bytes)
{
    if (bytes.len == 0 || !bytes.bytes) {
        return {};
    }
    std::string_view raw(static_cast<const char *>(bytes.bytes), bytes.len);
    if (!firstUtf8Error(raw)) {
        return std::string(raw);
    }
    return QString::fromUtf8(raw.data(), static_cast<qsizetype>(raw.size())).toStdString();
}

JsonValue AmqpTable::fieldToJson(const amqp_field_value_t &v)
{
    switch (v.kind) {
    case AMQP_FIELD_KIND_BOOLEAN:
        return { v.value.boolean != 0 };
    case AMQP_FIELD_KIND_I8:
        return { static_cast<std::int64_t>(v.value.i8) };
    case AMQP_FIELD_KIND_U8:
        return { static_cast<std::int64_t>(v.value.u8) };
    case AMQP_FIELD_KIND_I16:
        return { static_cast<std::int64_t>(v.value.i16) };
    case AMQP_FIELD_KIND_U16:
        return { static_cast<std::int64_t>(v.value.u16) };
    case AMQP_FIELD_KIND_I32:
        return { static_cast<std::int64_t>(v.value.i32) };
    case AMQP_FIELD_KIND_U32:
        return { static_cast<std::int64_t>(v.value.u32) };
    case AMQP_FIELD_KIND_I64:
        return { static_cast<std::int64_t>(v.value.i64) };
    case AMQP_FIELD_KIND_U64:
    case AMQP_FIELD_KIND_TIMESTAMP:
        if (v.value.u64 > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            return JsonValue::fromIntegerText(std::to_string(v.value.u64));
        }
        return { static_cast<std::int64_t>(v.value.u64) };
    case AMQP_FIELD_KIND_F32:
        return { static_cast<double>(v.value.f32) };
    case AMQP_FIELD_KIND_F64:
        return { v.value.f64 };
    case AMQP_FIELD_KIND_DECIMAL:
        return { static_cast<double>(v.value.decimal.value)
            / std::pow(10.0, static_cast<double>(v.value.decimal.decimals)) };
    case AMQP_FIELD_KIND_UTF8:
    case AMQP_FIELD_KIND_BYTES:
        return { bytesToUtf8(v.value.bytes) };
    case AMQP_FIELD_KIND_ARRAY: {
        JsonValue::Array a;
        a.reserve(static_cast<std::size_t>(v.value.array.num_entries));
        for (int i = 0; i < v.value.array.num_entries; ++i) {
            a.push_back(fieldToJson(v.value.array.entries[i]));
        }
        return { std::move(a) };
    }
    case AMQP_FIELD_KIND_TABLE:
        return toJson(v.value.table);
    case AMQP_FIELD_KIND_VOID:
    default:
        return {};
    }
}

JsonValue AmqpTable::toJson(const amqp_table_t &table)
{
    JsonValue::Object members;
    members.reserve(static_cast<std::size_t>(std::max(0, table.num_entries)));
    for (int i = 0; i < table.num_entries; ++i) {
        const amqp_table_entry_t &e = table.entries[i];
        members.emplace_back(bytesToUtf8(e.key), fieldToJson(e.value));
    }
    return { std::move(members) };
}

amqp_bytes_t AmqpTable::keep(const std::string &s)
{
    m_strings.push_back(s);
    std::string &kept = m_strings.back();
    amqp_bytes_t b;
    b.len = kept.size();
    b.bytes = kept.empty() ? nullptr : kept.data();
    return b;
}

amqp_field_value_t AmqpTable::toField(const JsonValue &v)
{
    amqp_field_value_t f {};
    switch (v.type()) {
    case JsonValue::Type::Null:
        f.kind = AMQP_FIELD_KIND_VOID;
        break;
    case JsonValue::Type::Bool:
        f.kind = AMQP_FIELD_KIND_BOOLEAN;
        f.value.boolean = v.toBool() ? 1 : 0;
        break;
    case JsonValue::Type::Integer: {
        bool ok = false;
        const std::int64_t i = v.toInt64(0, &ok);
        if (!ok) {
            f.kind = AMQP_FIELD_KIND_UTF8;
            f.value.bytes = keep(v.integerText());
        } else if (i >= std::numeric_limits<std::int32_t>::min()
            && i <= std::numeric_limits<std::int32_t>::max()) {
            f.kind = AMQP_FIELD_KIND_I32;
            f.value.i32 = static_cast<std::int32_t>(i);
        } else {
            f.kind = AMQP_FIELD_KIND_I64;
            f.value.i64 = i;
        }
        break;
    }
    case JsonValue::Type::Float:
        f.kind = AMQP_FIELD_KIND_F64;
        f.value.f64 = v.toDouble();
        break;
    case JsonValue::Type::String:
        f.kind = AMQP_FIELD_KIND_UTF8;
        f.value.bytes = keep(v.toStdString());
        break;
    case JsonValue::Type::Array: {
        m_arrays.emplace_back();
        std::vector<amqp_field_value_t> &items = m_arrays.back();
        items.reserve(v.size());
        for (const JsonValue &item : v.array()) {
            items.push_back(toField(item));
        }
        f.kind = AMQP_FIELD_KIND_ARRAY;
        f.value.array.num_entries = static_cast<int>(items.size());
        f.value.array.entries = items.empty() ? nullptr : items.data();
        break;
    }
    case JsonValue::Type::Object:
        f.kind = AMQP_FIELD_KIND_TABLE;
        f.value.table = buildTable(v);
        break;
    }
    return f;
}

amqp_table_t AmqpTable::buildTable(const JsonValue &object)
{
    m_entries.emplace_back();
    std::vector<amqp_table_entry_t> &entries = m_entries.back();
    entries.reserve(object.size());
    for (const JsonValue::Member &m : object.object()) {
        amqp_table_entry_t e {};
        e.key = keep(m.first);
        e.value = toField(m.second);
        entries.push_back(e);
    }
    amqp_table_t t;
    t.num_entries = static_cast<int>(entries.size());
    t.entries = entries.empty() ? nullptr : entries.data();
    return t;
}

const amqp_table_t &AmqpTable::build(const JsonValue &object)
{
    m_table = buildTable(object);
    return m_table;
}

} // namespace fedmsg
