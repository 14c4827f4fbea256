// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace fedmsg::fuzz {

/// The bytes libFuzzer hands a target, as the text our parsers read (the one cast of the targets).
inline std::string_view inputText(const std::uint8_t *data, std::size_t size)
{
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): libFuzzer's bytes as chars
    return { reinterpret_cast<const char *>(data), size };
}

/// The same bytes as a QByteArray (a copy).
inline QByteArray inputBytes(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text = inputText(data, size);
    return { text.data(), static_cast<qsizetype>(text.size()) };
}

} // namespace fedmsg::fuzz
