// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

class QThread;

namespace fedmsg {

/**
 * @brief OpenSSL's per-thread state (the error queue) of a worker thread, given back before the
 * thread reports itself finished.
 *
 * OpenSSL frees a thread's error queue from a thread-exit destructor that runs after
 * QThread::wait() has already returned. A program that stops its worker and returns from main()
 * at once races that destructor against OPENSSL_cleanup() at exit, and the 904-byte queue leaks
 * (LeakSanitizer saw it in fedmsg-tail now and then). Releasing it from QThread::finished, in the
 * thread and before wait() returns, leaves nothing to race.
 */
class CryptoThreadState
{
public:
    /// Frees the calling thread's OpenSSL state (OPENSSL_thread_stop); safe to call repeatedly.
    static void release();
    /// Calls release() in @p thread each time it finishes (a direct connection to finished()).
    static void releaseWhenFinished(QThread *thread);
};

} // namespace fedmsg
