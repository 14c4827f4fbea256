// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// Internal to lib/json: scanning 8 bytes at a time for bytes that need attention in strings.
// Only ever used to SKIP clean words; any word that may hold such a byte is re-checked byte
// by byte, so a false positive costs time, never correctness.

#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace fedmsg::swar {

constexpr std::uint64_t Ones = 0x0101010101010101ULL;
constexpr std::uint64_t Highs = 0x8080808080808080ULL;

inline std::uint64_t load(const char *p)
{
    std::uint64_t x = 0;
    std::memcpy(&x, p, sizeof x);
    return x;
}

inline std::uint64_t hasZero(std::uint64_t x)
{
    return (x - Ones) & ~x & Highs;
}

inline std::uint64_t hasByte(std::uint64_t x, unsigned char v)
{
    return hasZero(x ^ (Ones * v));
}

/// Some byte < n (0 < n <= 128).
inline std::uint64_t hasLess(std::uint64_t x, unsigned char n)
{
    return (x - Ones * n) & ~x & Highs;
}

/// Some byte > n (n <= 127), including every byte >= 0x80.
inline std::uint64_t hasMore(std::uint64_t x, unsigned char n)
{
    return ((x + Ones * (127 - n)) | x) & Highs;
}

/// First index >= i where s[index] is '"', '\\', < 0x20 or >= 0x80 (what the parser must see).
inline std::size_t skipParserPlain(const char *s, std::size_t i, std::size_t n)
{
#if defined(__SSE2__)
    // Signed compare: bytes >= 0x80 are negative, so "< 0x20" also catches non-ASCII.
    const __m128i space = _mm_set1_epi8(0x20);
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    while (i + 16 <= n) {
        // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the SSE2 load's API
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(s + i));
        const __m128i hit = _mm_or_si128(_mm_cmplt_epi8(v, space),
            _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
        const int mask = _mm_movemask_epi8(hit);
        if (mask != 0)
            return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
        i += 16;
    }
#endif
    while (i + 8 <= n) {
        const std::uint64_t x = load(s + i);
        if ((hasLess(x, 0x20) | hasByte(x, '"') | hasByte(x, '\\') | (x & Highs)) != 0)
            break;
        i += 8;
    }
    while (i < n) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80)
            break;
        ++i;
    }
    return i;
}

/// First index >= i where s[index] needs escaping in Python's ensure_ascii output.
inline std::size_t skipWriterPlain(const char *s, std::size_t i, std::size_t n)
{
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi8(0x20);
    const __m128i tilde = _mm_set1_epi8(0x7E);
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    while (i + 16 <= n) {
        // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the SSE2 load's API
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(s + i));
        const __m128i outside = _mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpgt_epi8(v, tilde));
        const __m128i hit = _mm_or_si128(
            outside, _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
        const int mask = _mm_movemask_epi8(hit);
        if (mask != 0)
            return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
        i += 16;
    }
#endif
    while (i + 8 <= n) {
        const std::uint64_t x = load(s + i);
        if ((hasLess(x, 0x20) | hasByte(x, '"') | hasByte(x, '\\') | hasMore(x, 0x7E)) != 0)
            break;
        i += 8;
    }
    while (i < n) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x7F)
            break;
        ++i;
    }
    return i;
}

} // namespace fedmsg::swar
