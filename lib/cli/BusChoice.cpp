// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "cli/BusChoice.h"

#include "amqp/AmqpPresets.h"
#include "engine/Transports.h"

#include <QUrl>

namespace fedmsg {

std::optional<BusConfig> BusChoice::resolve(
    const QString &program, const QStringList &fedmsgDirectories, QString *error) const
{
    BusConfig bus;
    if (!busName.isEmpty()) {
        // fedora-messaging (AMQP) and named buses come from the same list the applet uses.
        const auto named = Transports::configuredBus(busName, fedmsgDirectories, error);
        if (!named)
            return std::nullopt;
        bus = *named;
        // The bus's own queue when it has one (the applet's, resumed); a tool never makes one
        // up that would stay behind on the broker.
        bus.amqp.transientQueue = bus.amqp.queueName.isEmpty();
    } else {
        // Fedora's public broker settings (certificates, identity) unless given otherwise; an
        // ad-hoc tool leaves nothing on the broker (exclusive, auto-delete queue).
        bus = AmqpPresets::fedoraProduction();
        // Fedora's archive holds what Fedora's broker carried, not what another one does.
        if (bus.endpoints.isEmpty()
            || QUrl(bus.endpoints.first().url).host() != QUrl(amqpUrl).host())
            bus.archiveUrl.clear();
        bus.name = program;
        bus.amqp.queueName.clear();
        bus.amqp.transientQueue = true;
        bus.endpoints = { BusEndpoint { amqpUrl, {} } };
    }
    if (bus.transport == BusConfig::Transport::Amqp) {
        if (!caCertFile.isEmpty())
            bus.amqp.caCertFile = caCertFile;
        if (!certFile.isEmpty())
            bus.amqp.certFile = certFile;
        if (!keyFile.isEmpty())
            bus.amqp.keyFile = keyFile;
        bus.trust.validateSignatures = false; // nothing to validate: the broker vouches
    }
    return bus;
}

} // namespace fedmsg
