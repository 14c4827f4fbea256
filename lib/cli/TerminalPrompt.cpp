// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "cli/TerminalPrompt.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace fedmsg {

namespace {

void writeAll(int fd, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, std::size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        done += n;
    }
}

} // namespace

std::optional<QByteArray> TerminalPrompt::askSecret(
    const QString &prompt, QString *error, const QString &terminal)
{
    const int fd = ::open(terminal.toLocal8Bit().constData(), O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        if (error)
            *error = QStringLiteral("no terminal to ask on (%1: %2)")
                         .arg(terminal, QString::fromLocal8Bit(std::strerror(errno)));
        return std::nullopt;
    }
    termios saved {};
    const bool isTerminal = ::tcgetattr(fd, &saved) == 0;
    if (isTerminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO | ECHOE | ECHOK | ECHONL);
        quiet.c_lflag |= ICANON;
        ::tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    writeAll(fd, prompt.toLocal8Bit());
    QByteArray answer;
    bool ended = false;
    for (;;) {
        char c = 0;
        const ssize_t n = ::read(fd, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            ended = true;
            break;
        }
        if (c == '\n' || c == '\r')
            break;
        if (answer.size() < 4096)
            answer.append(c);
    }
    if (isTerminal)
        ::tcsetattr(fd, TCSAFLUSH, &saved);
    writeAll(fd, QByteArrayLiteral("\n")); // the user's Enter was not echoed
    ::close(fd);
    if (ended && answer.isEmpty()) {
        if (error)
            *error = QStringLiteral("no answer (end of input)");
        return std::nullopt;
    }
    return answer;
}

} // namespace fedmsg
