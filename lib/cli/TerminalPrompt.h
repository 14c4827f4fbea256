// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace fedmsg {

/**
 * @brief Asks the user a secret (a signing key's passphrase) on the controlling terminal, like
 * getpass: the prompt and the answer go through the terminal, not stdin/stdout (which may carry
 * messages), and the answer is not echoed. Terminal settings are restored afterwards.
 */
class TerminalPrompt
{
public:
    /// One line read with echo off, without its newline. nullopt with *error when there is no
    /// terminal to ask on, or when the user ends the input (Ctrl-D).
    static std::optional<QByteArray> askSecret(const QString &prompt,
        QString *error = nullptr,
        const QString &terminal = QStringLiteral("/dev/tty"));
};

} // namespace fedmsg
