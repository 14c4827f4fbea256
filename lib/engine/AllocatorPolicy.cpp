// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "engine/AllocatorPolicy.h"

#include <mutex>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace fedmsg {

namespace {
// glibc's ceiling for the dynamic threshold on 64-bit (DEFAULT_MMAP_THRESHOLD_MAX).
constexpr int MmapThreshold = 32 * 1024 * 1024;
// glibc's default: a free top of more than this is given back by the free() that made it.
constexpr int TrimThreshold = 128 * 1024;
} // namespace

void AllocatorPolicy::apply()
{
#if defined(__GLIBC__)
    static std::once_flag once;
    std::call_once(once, [] {
        mallopt(M_MMAP_THRESHOLD, MmapThreshold);
        mallopt(M_TRIM_THRESHOLD, TrimThreshold);
    });
#endif
}

} // namespace fedmsg
