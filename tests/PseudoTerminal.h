// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QTest>

#include <array>
#include <cstdlib>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace fedmsg::test {

// A real pseudo-terminal plays the user's terminal: the test types on the master side and reads
// what the terminal shows there.
class PseudoTerminal
{
public:
    PseudoTerminal()
        : m_master(::posix_openpt(O_RDWR | O_NOCTTY))
    {
        if (m_master >= 0 && ::grantpt(m_master) == 0 && ::unlockpt(m_master) == 0)
            m_slavePath = QString::fromLocal8Bit(::ptsname(m_master));
        if (!m_slavePath.isEmpty())
            m_slave = ::open(m_slavePath.toLocal8Bit().constData(), O_RDWR | O_NOCTTY);
    }
    ~PseudoTerminal()
    {
        if (m_slave >= 0)
            ::close(m_slave);
        if (m_master >= 0)
            ::close(m_master);
    }
    PseudoTerminal(const PseudoTerminal &) = delete;
    PseudoTerminal &operator=(const PseudoTerminal &) = delete;
    PseudoTerminal(PseudoTerminal &&) = delete;
    PseudoTerminal &operator=(PseudoTerminal &&) = delete;

    bool isValid() const { return m_slave >= 0; }
    QString slavePath() const { return m_slavePath; }
    /// Types on the terminal's keyboard; true when all of it was written.
    bool type(const QByteArray &keys) const
    {
        return ::write(m_master, keys.constData(), std::size_t(keys.size())) == keys.size();
    }
    /// What the terminal showed so far (waits up to timeoutMs for the first byte).
    QByteArray screen(int timeoutMs = 2000) const
    {
        QByteArray out;
        for (int waited = 0; waited < timeoutMs; waited += 10) {
            std::array<char, 256> buf {};
            const int flags = ::fcntl(m_master, F_GETFL);
            ::fcntl(m_master, F_SETFL, flags | O_NONBLOCK);
            const ssize_t n = ::read(m_master, buf.data(), buf.size());
            ::fcntl(m_master, F_SETFL, flags);
            if (n > 0) {
                out.append(buf.data(), n);
                waited = timeoutMs - 100; // got something: collect what follows briefly
                continue;
            }
            QTest::qWait(10);
        }
        return out;
    }
    bool echoOn() const
    {
        termios t {};
        return ::tcgetattr(m_slave, &t) == 0 && (t.c_lflag & ECHO) != 0;
    }

private:
    int m_master = -1;
    int m_slave = -1;
    QString m_slavePath;
};

} // namespace fedmsg::test
