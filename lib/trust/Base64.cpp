// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "trust/Base64.h"

#include <algorithm>
#include <array>
#include <utility>

namespace fedmsg {

namespace {

constexpr std::string_view Alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr std::array<unsigned char, 256> makeTable()
{
    std::array<unsigned char, 256> t {};
    for (auto &v : t)
        v = 0xFF;
    for (std::size_t i = 0; i < Alphabet.size(); ++i)
        t[static_cast<unsigned char>(Alphabet[i])] = static_cast<unsigned char>(i);
    return t;
}

constexpr std::array<unsigned char, 256> DecodeTable = makeTable();

constexpr auto NonAscii = "string argument should contain only ASCII characters";

unsigned char byteAt(std::string_view text, std::size_t i)
{
    return static_cast<unsigned char>(text[i]);
}

bool isAscii(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x80;
    });
}

std::optional<std::string> fail(std::string *error, std::string message)
{
    if (error)
        *error = std::move(message);
    return std::nullopt;
}

// Four alphabet characters as 24 bits; none when there are fewer or one is not in the alphabet.
std::optional<unsigned> quadBits(std::string_view four)
{
    if (four.size() < 4)
        return std::nullopt;
    const unsigned a = DecodeTable[byteAt(four, 0)];
    const unsigned b = DecodeTable[byteAt(four, 1)];
    const unsigned c = DecodeTable[byteAt(four, 2)];
    const unsigned d = DecodeTable[byteAt(four, 3)];
    if ((a | b | c | d) >= 64)
        return std::nullopt;
    return (a << 18) | (b << 12) | (c << 6) | d;
}

// Adds one sextet to the quad being decoded and writes the byte it completes, if any.
void addSextet(unsigned v, int &quadPos, unsigned &leftchar, char *&o)
{
    switch (quadPos) {
    case 0:
        quadPos = 1;
        leftchar = v;
        break;
    case 1:
        quadPos = 2;
        *o++ = static_cast<char>((leftchar << 2) | (v >> 4));
        leftchar = v & 0x0F;
        break;
    case 2:
        quadPos = 3;
        *o++ = static_cast<char>((leftchar << 4) | (v >> 2));
        leftchar = v & 0x03;
        break;
    default:
        quadPos = 0;
        *o++ = static_cast<char>((leftchar << 6) | v);
        leftchar = 0;
        break;
    }
}

std::string paddingError(int quadPos, std::size_t produced)
{
    if (quadPos == 1)
        return "Invalid base64-encoded string: number of data characters ("
            + std::to_string(produced / 3 * 4 + 1) + ") cannot be 1 more than a multiple of 4";
    return "Incorrect padding";
}

} // namespace

std::optional<std::string> Base64::decode(std::string_view text, std::string *error)
{
    std::string out;
    out.resize(text.size() / 4 * 3 + 3);
    char *o = out.data();
    const std::size_t n = text.size();
    int quadPos = 0;
    int pads = 0;
    unsigned leftchar = 0;
    std::size_t i = 0;
    bool complete = false;
    while (i < n) {
        // Fast path: four alphabet characters at a quad boundary.
        if (const auto v = quadPos == 0 ? quadBits(text.substr(i, 4)) : std::nullopt) {
            o[0] = static_cast<char>(*v >> 16);
            o[1] = static_cast<char>(*v >> 8);
            o[2] = static_cast<char>(*v);
            o += 3;
            i += 4;
            pads = 0;
            continue;
        }
        const unsigned char ch = byteAt(text, i++);
        if (ch >= 0x80)
            return fail(error, NonAscii);
        if (ch == '=') {
            if (quadPos >= 2 && quadPos + ++pads >= 4) {
                // Complete padding: Python stops reading here (the rest must still be ASCII).
                if (!isAscii(text.substr(i)))
                    return fail(error, NonAscii);
                complete = true;
                break;
            }
            continue;
        }
        const unsigned char v = DecodeTable[ch];
        if (v == 0xFF)
            continue; // not in the alphabet: ignored
        pads = 0;
        addSextet(v, quadPos, leftchar, o);
    }
    const auto produced = static_cast<std::size_t>(o - out.data());
    if (!complete && quadPos != 0)
        return fail(error, paddingError(quadPos, produced));
    out.resize(produced);
    return out;
}

std::string Base64::encode(std::string_view bytes)
{
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const unsigned v =
            (byteAt(bytes, i) << 16) | (byteAt(bytes, i + 1) << 8) | byteAt(bytes, i + 2);
        out.push_back(Alphabet[(v >> 18) & 63]);
        out.push_back(Alphabet[(v >> 12) & 63]);
        out.push_back(Alphabet[(v >> 6) & 63]);
        out.push_back(Alphabet[v & 63]);
    }
    const std::size_t rest = bytes.size() - i;
    if (rest == 1) {
        const unsigned v = byteAt(bytes, i) << 16;
        out.push_back(Alphabet[(v >> 18) & 63]);
        out.push_back(Alphabet[(v >> 12) & 63]);
        out.append("==");
    } else if (rest == 2) {
        const unsigned v = (byteAt(bytes, i) << 16) | (byteAt(bytes, i + 1) << 8);
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
