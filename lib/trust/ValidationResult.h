// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "message/TrustState.h"

#include <QString>

namespace fedmsg {

/// @brief The verdict on one message: a state plus a human reason, never an exception.
struct ValidationResult
{
    TrustState state = TrustState::Untrusted;
    QString reason; ///< "Trusted", "Untrusted: <why>" or "Unchecked: <why>"
    QString signer; ///< first CN of the signing certificate, when it was read
    bool isTrusted() const { return state == TrustState::Trusted; }
};

} // namespace fedmsg
