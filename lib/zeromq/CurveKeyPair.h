// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QByteArray>
#include <QMetaType>

namespace fedmsg {

/// @brief A CURVE key pair in Z85 text (40 characters each).
struct CurveKeyPair
{
    QByteArray publicKey;
    QByteArray secretKey;
    bool isValid() const { return publicKey.size() == 40 && secretKey.size() == 40; }
    /// A fresh pair from zmq_curve_keypair (invalid when libzmq has no CURVE support).
    static CurveKeyPair generate();
    bool operator==(const CurveKeyPair &) const = default;
};

} // namespace fedmsg

Q_DECLARE_METATYPE(fedmsg::CurveKeyPair)
