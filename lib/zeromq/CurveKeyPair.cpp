// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "zeromq/CurveKeyPair.h"

#include <zmq.h>

#include <array>

namespace fedmsg {

CurveKeyPair CurveKeyPair::generate()
{
    std::array<char, 41> pub = {};
    std::array<char, 41> sec = {};
    if (zmq_curve_keypair(pub.data(), sec.data()) != 0)
        return {};
    return CurveKeyPair { QByteArray(pub.data(), 40), QByteArray(sec.data(), 40) };
}

} // namespace fedmsg
