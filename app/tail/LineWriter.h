// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QByteArray>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace fedmsg {

/**
 * @brief fedmsg-tail's stdout: lines written by a thread of their own behind a bounded queue.
 *
 * A reader that stops reading (a paused pager, a stuck pipe) must not make the tail hold every
 * message the bus sends meanwhile: at most maxBytes of lines wait; beyond that the oldest are
 * dropped and counted (dropped(); the tail reports them at exit). With maxBytes 0 each line is
 * written at once, blocking (backpressure, for sources that acknowledge what was printed).
 * onClosed runs (on the writer thread) when the reader went away (EPIPE).
 * @code
 * LineWriter out(STDOUT_FILENO, 16 << 20, [] { QMetaObject::invokeMethod(qApp,
 * &QCoreApplication::quit); }); out.write(text.toUtf8()); out.finish(-1); // what is queued is
 * written, then the thread ends
 * @endcode
 */
class LineWriter
{
public:
    LineWriter(int fd, qsizetype maxBytes, std::function<void()> onClosed);
    ~LineWriter();
    LineWriter(const LineWriter &) = delete;
    LineWriter &operator=(const LineWriter &) = delete;
    LineWriter(LineWriter &&) = delete;
    LineWriter &operator=(LineWriter &&) = delete;

    /// Queues (or writes) line plus "\n"; false once the reader is gone.
    bool write(const QByteArray &line);
    /// Writes what is queued and stops the thread; with timeoutMs ≥ 0 gives up after that long
    /// (the reader is stuck: the rest is dropped, the thread left in its write) and returns false.
    /// The object must then outlive the process (leak it).
    bool finish(int timeoutMs);
    bool isClosed() const;
    quint64 dropped() const;
    /// The most bytes that waited at once.
    qsizetype peakQueuedBytes() const;

private:
    bool writeAll(const char *data, qsizetype size) const;
    void run();

    int m_fd;
    qsizetype m_max;
    std::function<void()> m_onClosed;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_drained;
    bool m_writing = false;
    std::deque<QByteArray> m_queue;
    qsizetype m_queuedBytes = 0;
    qsizetype m_peakBytes = 0;
    quint64 m_dropped = 0;
    bool m_closed = false;
    bool m_finishing = false;
    std::thread m_thread;
};

} // namespace fedmsg
