// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "bus/BusPresets.h"

#include <QStringList>
#include <QtGlobal>

namespace fedmsg {

BusConfig BusPresets::fedoraFedmsg()
{
    BusConfig b;
    b.name = QStringLiteral("fedora-fedmsg");
    b.label = QString::fromUtf8(
        QT_TRANSLATE_NOOP("fedmsg::BusPresets", "Fedora (fedmsg gateway, historical)"));
    b.note = QString::fromUtf8(QT_TRANSLATE_NOOP("fedmsg::BusPresets",
        "Fedora retired fedmsg in 2024; use the fedora-messaging (AMQP) bus."));
    b.transport = BusConfig::Transport::ZeroMq;
    b.enabled = false;
    b.endpoints = { BusEndpoint { QStringLiteral("tcp://hub.fedoraproject.org:9940"), {} } };
    b.trust.validateSignatures = true;
    b.archiveUrl = BusConfig::fedoraArchiveUrl();
    b.trust.caLocation = QStringLiteral("https://fedoraproject.org/fedmsg/ca.crt");
    b.trust.crlLocation = QStringLiteral("https://fedoraproject.org/fedmsg/crl.pem");
    // From the shipped ssl.py: announcements only from the announce host.
    b.trust.routingPolicy.insert(QStringLiteral("org.fedoraproject.prod.announce.announcement"),
        { QStringLiteral("announce-lockbox.phx2.fedoraproject.org") });
    return b;
}

BusConfig BusPresets::debianFedmsg()
{
    BusConfig b;
    b.name = QStringLiteral("debian-fedmsg");
    b.label = QString::fromUtf8(QT_TRANSLATE_NOOP("fedmsg::BusPresets", "Debian (fedmsg gateway)"));
    b.note = QString::fromUtf8(QT_TRANSLATE_NOOP(
        "fedmsg::BusPresets", "Debian's fedmsg bus; its messages are not signed."));
    b.transport = BusConfig::Transport::ZeroMq;
    b.enabled = false;
    b.endpoints = { BusEndpoint { QStringLiteral("tcp://fedmsg.olasd.eu:9940"), {} } };
    b.trust.validateSignatures = false;
    return b;
}

QList<BusConfig> BusPresets::zeroMqPresets()
{
    return { fedoraFedmsg(), debianFedmsg() };
}

QList<BusConfig> BusPresets::uniqueByName(const QList<BusConfig> &buses)
{
    QList<BusConfig> unique;
    QStringList names;
    for (const BusConfig &b : buses) {
        if (names.contains(b.name))
            continue;
        names << b.name;
        unique << b;
    }
    return unique;
}

} // namespace fedmsg
