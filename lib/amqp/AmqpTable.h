// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "json/JsonValue.h"

#include <amqp.h>

#include <deque>
#include <string>
#include <vector>

namespace fedmsg {

/**
 * @brief AMQP field tables <-> JSON objects.
 *
 * toJson(): every field kind is accepted (S/x strings, all integer kinds b/B/s/u/I/i/l/L and
 * timestamps T as integers, t booleans, f/d/D numbers, F tables, A arrays, V null); byte strings
 * that are not UTF-8 are decoded with U+FFFD replacements. An instance builds an amqp_table_t from
 * a JSON object for publishing and owns the memory the table points into.
 */
class AmqpTable
{
public:
    static JsonValue toJson(const amqp_table_t &table);
    static JsonValue fieldToJson(const amqp_field_value_t &value);
    static std::string bytesToUtf8(amqp_bytes_t bytes);

    AmqpTable() = default;
    ~AmqpTable() = default;
    AmqpTable(const AmqpTable &) = delete;
    AmqpTable &operator=(const AmqpTable &) = delete;
    AmqpTable(AmqpTable &&) = delete;
    AmqpTable &operator=(AmqpTable &&) = delete;
    /// Builds the table (strings 'S', integers 'I' when they fit int32 else 'l', booleans 't',
    /// floats 'd', objects 'F', arrays 'A', null 'V'). Valid while this object lives.
    const amqp_table_t &build(const JsonValue &object);

private:
    amqp_field_value_t toField(const JsonValue &v);
    amqp_bytes_t keep(const std::string &s);
    amqp_table_t buildTable(const JsonValue &object);

    std::deque<std::string> m_strings;
    std::deque<std::vector<amqp_table_entry_t>> m_entries;
    std::deque<std::vector<amqp_field_value_t>> m_arrays;
    amqp_table_t m_table { 0, nullptr };
};

} // namespace fedmsg
