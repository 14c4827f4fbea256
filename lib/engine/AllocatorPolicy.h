// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

namespace fedmsg {

/// How the process's allocator gives big blocks back (message bodies of hundreds of KiB and more).
///
/// glibc raises its trim threshold to twice the biggest block freed so far (up to 64 MiB). After a
/// burst of 1 MiB messages, what was left free at the top of each thread's arena stayed resident:
/// malloc_trim() releases free blocks inside a heap but never the top of a thread's arena, which
/// only free() shrinks, above the trim threshold. Measured: 5-9 MiB over the idle RSS for good,
/// after 1 in 8 bursts under load (TestEngineMemory, issue 13).
/// apply() fixes the trim threshold at glibc's default (128 KiB), so a free top goes back at once,
/// and the mmap threshold at glibc's ceiling (32 MiB): big bodies stay in the arenas, reused
/// without new page faults during a burst (a threshold of 128 KiB put every 1 MiB body in its own
/// mapping: slower to parse, and peaks of up to 264 MiB instead of 135-164 MiB).
///
/// Process-wide and idempotent; the Engine applies it, and so do programs that handle message
/// bodies without one. A no-op on other C libraries.
class AllocatorPolicy
{
public:
    static void apply();
};

} // namespace fedmsg
