// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "LineWriter.h"

#include <cerrno>
#include <unistd.h>

namespace fedmsg {

LineWriter::LineWriter(int fd, qsizetype maxBytes, std::function<void()> onClosed)
    : m_fd(fd)
    , m_max(maxBytes)
    , m_onClosed(std::move(onClosed))
{
    if (m_max > 0)
        m_thread = std::thread([this] {
            run();
        });
}

LineWriter::~LineWriter()
{
    finish(-1);
}

bool LineWriter::writeAll(const char *data, qsizetype size) const
{
    while (size > 0) {
        const ssize_t n = ::write(m_fd, data, std::size_t(size));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false; // EPIPE (SIGPIPE is ignored) or another dead end
        }
        data += n;
        size -= n;
    }
    return true;
}

bool LineWriter::write(const QByteArray &line)
{
    if (m_max == 0) {
        if (m_closed)
            return false;
        if (!writeAll(line.constData(), line.size()) || !writeAll("\n", 1)) {
            m_closed = true;
            return false;
        }
        return true;
    }
    {
        std::lock_guard lock(m_mutex);
        if (m_closed)
            return false;
        QByteArray bytes;
        bytes.reserve(line.size() + 1);
        bytes.append(line);
        bytes.append('\n');
        m_queue.push_back(std::move(bytes));
        m_queuedBytes += m_queue.back().size();
        // Drop the oldest, never the newest: what is shown stays current.
        while (m_queuedBytes > m_max && m_queue.size() > 1) {
            m_queuedBytes -= m_queue.front().size();
            m_queue.pop_front();
            ++m_dropped;
        }
        m_peakBytes = std::max(m_peakBytes, m_queuedBytes);
    }
    m_wake.notify_one();
    return true;
}

void LineWriter::run()
{
    std::unique_lock lock(m_mutex);
    while (true) {
        m_wake.wait(lock, [this] {
            return !m_queue.empty() || m_finishing;
        });
        if (m_queue.empty()) {
            m_drained.notify_all();
            return; // finishing, all written
        }
        const QByteArray line = std::move(m_queue.front());
        m_queue.pop_front();
        m_queuedBytes -= line.size();
        m_writing = true;
        lock.unlock();
        const bool ok = writeAll(line.constData(), line.size());
        lock.lock();
        m_writing = false;
        if (!ok) {
            m_closed = true;
            m_queue.clear();
            m_queuedBytes = 0;
            m_drained.notify_all();
            const std::function<void()> onClosed = m_onClosed;
            lock.unlock();
            if (onClosed)
                onClosed();
            return;
        }
    }
}

bool LineWriter::finish(int timeoutMs)
{
    {
        std::unique_lock lock(m_mutex);
        m_finishing = true;
        m_wake.notify_one();
        if (timeoutMs >= 0 && m_thread.joinable()) {
            const bool drained =
                m_drained.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] {
                    return m_queue.empty() && !m_writing;
                });
            if (!drained) {
                // The reader is stuck and the tail is ending: leave the thread in its write,
                // with nothing to call back into once it returns.
                m_queue.clear();
                m_queuedBytes = 0;
                m_onClosed = nullptr;
                lock.unlock();
                m_thread.detach();
                return false;
            }
        }
    }
    if (m_thread.joinable())
        m_thread.join();
    return true;
}

bool LineWriter::isClosed() const
{
    std::lock_guard lock(m_mutex);
    return m_closed;
}

quint64 LineWriter::dropped() const
{
    std::lock_guard lock(m_mutex);
    return m_dropped;
}

qsizetype LineWriter::peakQueuedBytes() const
{
    std::lock_guard lock(m_mutex);
    return m_peakBytes;
}

} // namespace fedmsg
