// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "bus/BusConfig.h"

#include <QList>
#include <QString>

#include <optional>

namespace fedmsg {

/**
 * @brief Fedora's public fedora-messaging brokers as ready-made buses.
 *
 * Production (amqps://rabbitmq.fedoraproject.org/%2Fpublic_pubsub, bus "fedora-messaging") is
 * on by default, staging ("fedora-messaging-stg") off. Both use Fedora's published public
 * client certificate (CN=fedora / fedora.stg) with SASL EXTERNAL. The certificate files are
 * compiled in (resources/certs/fedora-messaging/, ":/fedmsg-notify/certs/fedora-messaging/");
 * rabbitmq-c needs real files, so they are copied to
 * $XDG_CACHE_HOME/fedmsg-notify/certs/fedora-messaging/ on first use. When the Fedora package
 * fedora-messaging installed its copies in /etc/fedora-messaging/, those win (packaging keeps
 * them current when Fedora renews the CA or the client certificate).
 */
class AmqpPresets
{
public:
    enum class Environment { Production, Staging };

    struct CertificateFiles
    {
        QString caCert;
        QString cert;
        QString key;
        bool fromSystem = false; ///< /etc/fedora-messaging copies, not the bundled ones
    };

    static QString productionName() { return QStringLiteral("fedora-messaging"); }
    static QString stagingName() { return QStringLiteral("fedora-messaging-stg"); }

    static BusConfig fedoraProduction();
    static BusConfig fedoraStaging();
    static QList<BusConfig> all();
    static BusConfig preset(Environment environment);

    /// The CA, certificate and key files for an environment; nullopt + *error if even the
    /// bundled copies cannot be written. systemDir and cacheDir are for tests.
    static std::optional<CertificateFiles> certificateFiles(Environment environment,
        QString *error = nullptr,
        const QString &systemDir = QStringLiteral("/etc/fedora-messaging"),
        const QString &cacheDir = {});
    /// Where the bundled copies go: $XDG_CACHE_HOME/fedmsg-notify/certs/fedora-messaging.
    static QString defaultCacheDir();
    /// If settings point at bundled copies that disappeared (cache cleaned), writes them again.
    static void restoreBundledFiles(const AmqpSettings &settings);
};

} // namespace fedmsg
