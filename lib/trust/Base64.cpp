// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "trust/Base64.h"

#include <array>

namespace fedmsg {

namespace {

constexpr char Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr std::array<unsigned char, 256> makeTable()
{
    std::array<unsigned char, 256> t {};
    for (auto &v : t)
        v = 0xFF;
    for (int i = 0; i < 64; ++i)
        t[static_cast<unsigned char>(Alphabet[i])] = static_cast<unsigned char>(i);
    return t;
}

constexpr std::array<unsigned char, 256> DecodeTable = makeTable();

} // namespace

std::optional<std::string> Base64::decode(std::string_view text, std::string *error)
{
    std::string out;
    out.reserve(text.size() / 4 * 3 + 3);
    int quadPos = 0;
    int pads = 0;
    unsigned leftchar = 0;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80) {
            if (error)
                *error = "string argument should contain only ASCII characters";
            return std::nullopt;
        }
        if (c == '=') {
            if (quadPos >= 2 && quadPos + ++pads >= 4)
                return out; // complete padding: Python stops reading here
            continue;
        }
        const unsigned char v = DecodeTable[c];
        if (v == 0xFF)
            continue; // not in the alphabet: ignored
        pads = 0;
        switch (quadPos) {
        case 0:
            quadPos = 1;
            leftchar = v;
            break;
        case 1:
            quadPos = 2;
            out.push_back(static_cast<char>((leftchar << 2) | (v >> 4)));
            leftchar = v & 0x0F;
            break;
        case 2:
            quadPos = 3;
            out.push_back(static_cast<char>((leftchar << 4) | (v >> 2)));
            leftchar = v & 0x03;
            break;
        default:
            quadPos = 0;
            out.push_back(static_cast<char>((leftchar << 6) | v));
            leftchar = 0;
            break;
        }
    }
    if (quadPos != 0) {
        if (error) {
            if (quadPos == 1) {
                *error = "Invalid base64-encoded string: number of data characters ("
                    + std::to_string(out.size() / 3 * 4 + 1)
                    + ") cannot be 1 more than a multiple of 4";
            } else {
                *error = "Incorrect padding";
            }
        }
        return std::nullopt;
    }
    return out;
}

std::string Base64::encode(std::string_view bytes)
{
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    for (; i + 3 <= bytes.size(); i += 3) {
        const unsigned v = (p[i] << 16) | (p[i + 1] << 8) | p[i + 2];
        out.push_back(Alphabet[(v >> 18) & 63]);
        out.push_back(Alphabet[(v >> 12) & 63]);
        out.push_back(Alphabet[(v >> 6) & 63]);
        out.push_back(Alphabet[v & 63]);
    }
    const std::size_t rest = bytes.size() - i;
    if (rest == 1) {
        const unsigned v = p[i] << 16;
        out.push_back(Alphabet[(v >> 18) & 63]);
        out.push_back(Alphabet[(v >> 12) & 63]);
        out.append("==");
    } else if (rest == 2) {
        const unsigned v = (p[i] << 16) | (p[i + 1] << 8);
        out.push_back(Alphabet[(v >> 18) & 63]);
        out.push_back(Alphabet[(v >> 12) & 63]);
        out.push_back(Alphabet[(v >> 6) & 63]);
        out.push_back('=');
    }
    return out;
}

std::string Base64::encodeWrapped76(std::string_view bytes)
{
    const std::string flat = encode(bytes);
    std::string out;
    out.reserve(flat.size() + flat.size() / 76 + 2);
    for (std::size_t i = 0; i < flat.size(); i += 76) {
        out.append(flat, i, 76);
        out.push_back('\n');
    }
    return out;
}

} // namespace fedmsg
