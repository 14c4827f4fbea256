// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QString>

namespace fedmsg {

/// @brief How far a message can be believed. Never show anything but Trusted as trusted.
enum class TrustState {
    Unchecked, ///< validation disabled for this bus (shown as unverified)
    Trusted, ///< fedmsg X.509 signature valid, chain and routing policy passed
    Untrusted, ///< signature missing or invalid; reason says why
    BrokerUnsigned, ///< fedora-messaging: delivered by an authenticated broker, carries no
                    ///< signature
};

QString trustStateName(
    TrustState state); ///< "unchecked", "trusted", "untrusted", "broker-unsigned"
TrustState trustStateFromName(const QString &name, TrustState fallback = TrustState::Unchecked);
/// The one wording people read, in popups, the tray menu, the history and fedmsg-tail:
/// "signed", "unverified", "untrusted", "broker, unsigned".
QString trustLabel(TrustState state);

} // namespace fedmsg
