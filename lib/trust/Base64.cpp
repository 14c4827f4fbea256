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
    out.resize(text.size() / 4 * 3 + 3);
    auto *o = reinterpret_cast<unsigned char *>(out.data());
    const auto *in = reinterpret_cast<const unsigned char *>(text.data());
    const std::size_t n = text.size();
    int quadPos = 0;
    int pads = 0;
    unsigned leftchar = 0;
    std::size_t i = 0;
    bool complete = false;
    while (i < n) {
        // Fast path: four alphabet characters at a quad boundary.
        if (quadPos == 0 && i + 4 <= n) {
            const unsigned a = DecodeTable[in[i]];
            const unsigned b = DecodeTable[in[i + 1]];
            const unsigned c = DecodeTable[in[i + 2]];
            const unsigned d = DecodeTable[in[i + 3]];
            if ((a | b | c | d) < 64) {
                const unsigned v = (a << 18) | (b << 12) | (c << 6) | d;
                o[0] = static_cast<unsigned char>(v >> 16);
                o[1] = static_cast<unsigned char>(v >> 8);
                o[2] = static_cast<unsigned char>(v);
                o += 3;
                i += 4;
                pads = 0;
                continue;
            }
        }
        const unsigned char ch = in[i++];
        if (ch >= 0x80) {
            if (error)
                *error = "string argument should contain only ASCII characters";
            return std::nullopt;
        }
        if (ch == '=') {
            if (quadPos >= 2 && quadPos + ++pads >= 4) {
                // Complete padding: Python stops reading here (the rest must still be ASCII).
                for (; i < n; ++i) {
                    if (in[i] >= 0x80) {
                        if (error)
                            *error = "string argument should contain only ASCII characters";
                        return std::nullopt;
                    }
                }
                complete = true;
                break;
            }
            continue;
        }
        const unsigned char v = DecodeTable[ch];
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
            *o++ = static_cast<unsigned char>((leftchar << 2) | (v >> 4));
            leftchar = v & 0x0F;
            break;
        case 2:
            quadPos = 3;
            *o++ = static_cast<unsigned char>((leftchar << 4) | (v >> 2));
            leftchar = v & 0x03;
            break;
        default:
            quadPos = 0;
            *o++ = static_cast<unsigned char>((leftchar << 6) | v);
            leftchar = 0;
            break;
        }
    }
    const std::size_t produced =
        static_cast<std::size_t>(o - reinterpret_cast<unsigned char *>(out.data()));
    if (!complete && quadPos != 0) {
        if (error) {
            if (quadPos == 1) {
                *error = "Invalid base64-encoded string: number of data characters ("
                    + std::to_string(produced / 3 * 4 + 1)
                    + ") cannot be 1 more than a multiple of 4";
            } else {
                *error = "Incorrect padding";
            }
        }
        return std::nullopt;
    }
    out.resize(produced);
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
