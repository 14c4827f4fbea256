// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "InputLines.h"

#include <cerrno>
#include <cstring>

#include <unistd.h>

namespace fedmsg {

namespace {
constexpr std::size_t ChunkBytes = std::size_t { 64 } * 1024;
}

InputLines::InputLines(std::FILE *file, qsizetype maxBytes)
    : m_file(file)
    , m_max(maxBytes)
{}

bool InputLines::refill()
{
    if (m_pos < m_buf.size())
        return true;
    m_buf.resize(qsizetype(ChunkBytes));
    // read(2), not fread: it returns what is there, so a line typed (or written into a pipe that
    // stays open) goes out at once instead of waiting for a full chunk or the end of the input.
    ssize_t n = 0;
    do {
        n = ::read(::fileno(m_file), m_buf.data(), ChunkBytes);
    } while (n < 0 && errno == EINTR);
    m_buf.resize(n > 0 ? qsizetype(n) : 0);
    m_pos = 0;
    return n > 0;
}

InputLines::Result InputLines::next(QByteArray *line)
{
    line->clear();
    qint64 size = 0;
    bool tooLong = false;
    bool any = false;
    // Read in chunks: a line is never held beyond m_max, whatever its length.
    while (refill()) {
        any = true;
        const char *begin = m_buf.constData() + m_pos;
        const qsizetype left = m_buf.size() - m_pos;
        const auto *nl = static_cast<const char *>(std::memchr(begin, '\n', std::size_t(left)));
        const qsizetype n = nl ? qsizetype(nl - begin) : left;
        size += n;
        if (!tooLong && size > m_max) {
            tooLong = true;
            line->clear();
            line->squeeze();
        }
        if (!tooLong)
            line->append(begin, n);
        m_pos += nl ? n + 1 : n;
        if (nl)
            break;
    }
    if (!any)
        return Result::End;
    ++m_lineNumber;
    if (tooLong) {
        m_refusedSize = size;
        return Result::TooLong;
    }
    return Result::Line;
}

InputLines::Result InputLines::readAll(QByteArray *all)
{
    all->clear();
    qint64 size = 0;
    while (refill()) {
        const qsizetype n = m_buf.size() - m_pos;
        size += n;
        if (size <= m_max)
            all->append(m_buf.constData() + m_pos, n);
        m_pos = m_buf.size();
    }
    if (size > m_max) {
        all->clear();
        m_refusedSize = size;
        return Result::TooLong;
    }
    return Result::Line;
}

} // namespace fedmsg
