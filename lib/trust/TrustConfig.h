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
 * checking (fedmsg's crl_location = None). caLocation empty means Fedora's CA URL (what fedmsg
 * uses when ca_cert_location is absent). fedoraDefaults() is fedmsg's shipped ssl.py.
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

    static QString fedoraCaUrl()
    {
        return QStringLiteral("https://fedoraproject.org/fedmsg/ca.crt");
    }
    static QString fedoraCrlUrl()
    {
        return QStringLiteral("https://fedoraproject.org/fedmsg/crl.pem");
    }
    /// fedmsg.d/ssl.py as shipped: validate against Fedora's CA and CRL URLs.
    static TrustConfig fedoraDefaults()
    {
        TrustConfig c;
        c.caLocation = fedoraCaUrl();
        c.crlLocation = fedoraCrlUrl();
        return c;
    }
};

} // namespace fedmsg
