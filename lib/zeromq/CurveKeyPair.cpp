// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "zeromq/CurveKeyPair.h"

#include <zmq.h>

namespace fedmsg {

CurveKeyPair CurveKeyPair::generate()
{
    char pub[41] = {};
    char sec[41] = {};
    if (zmq_curve_keypair(pub, sec) != 0)
        return {};
    return CurveKeyPair { QByteArray(pub, 40), QByteArray(sec, 40) };
}

} // namespace fedmsg
