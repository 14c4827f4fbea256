// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// Internal to lib/trust: the OpenSSL side of TrustMaterial.

#include "trust/CryptoContext.h"
#include "trust/TrustMaterial.h"

namespace fedmsg {

struct TrustMaterial::Handles
{
    X509Ptr ca;
    X509CrlPtr crl;
    std::int64_t caNotBefore = 0;
    std::int64_t caNotAfter = 0;
    std::optional<std::int64_t> crlLastUpdate;
    std::optional<std::int64_t> crlNextUpdate;
};

} // namespace fedmsg
