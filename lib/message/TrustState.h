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
/// How much a copy of a message is worth when two share a msg_id (History, a backfill): a copy
/// only ever replaces a less trusted one, so an unsigned repeat never stands in for a signed
/// message. Trusted 3, broker-unsigned 2, unchecked 1, untrusted 0.
int trustRank(TrustState state);

} // namespace fedmsg
