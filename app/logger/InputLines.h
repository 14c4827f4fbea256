// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QByteArray>

#include <cstdio>

namespace fedmsg {

/**
 * @brief fedmsg-logger's stdin, one line at a time in bounded memory.
 *
 * A line longer than maxBytes is not kept: the rest of it is read and thrown away, and next()
 * says TooLong with its size, so the lines after it still go out. readAll() is the same bound
 * for --json-input (the whole input is one message).
 * @code
 * InputLines in(stdin, 16 * 1024 * 1024);
 * QByteArray line;
 * while (const auto r = in.next(&line); r != InputLines::Result::End) { ... }
 * @endcode
 */
class InputLines
{
public:
    enum class Result { Line, TooLong, End };

    InputLines(std::FILE *file, qsizetype maxBytes);

    /// The next line without its "\n" (Line), or TooLong (*line empty), or End.
    Result next(QByteArray *line);
    /// Everything up to the end of the input; TooLong when it exceeds maxBytes.
    Result readAll(QByteArray *all);
    /// 1-based number of the line next() returned last.
    qint64 lineNumber() const { return m_lineNumber; }
    /// Size in bytes of the line TooLong refused.
    qint64 refusedSize() const { return m_refusedSize; }

private:
    bool refill();

    std::FILE *m_file;
    QByteArray m_buf;
    qsizetype m_pos = 0;
    qsizetype m_max;
    qint64 m_lineNumber = 0;
    qint64 m_refusedSize = 0;
};

} // namespace fedmsg
