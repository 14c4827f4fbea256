// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace fedmsg {

/**
 * @brief Trust settings of one fedmsg bus, as fedmsg's ssl.py config expresses them.
 *
 * caLocation / crlLocation are file paths or https:// URLs. crlLocation empty means no CRL
 * checking (fedmsg's crl_location = None).
 */
struct TrustConfig
{
    bool validateSignatures = true;
    QString caLocation;
    QString crlLocation;
    QMap<QString, QStringList> routingPolicy; ///< exact topic -> allowed signer CNs
    bool routingNitpicky = false;
    QStringList cryptoValidateBackends { QStringLiteral("x509") };
    bool fixDatagrepperMessage = false;
    /// Fixed verification time (tests, archived messages); nullopt = now.
    std::optional<QDateTime> verifyTime;

    bool operator==(const TrustConfig &) const = default;
};

} // namespace fedmsg
