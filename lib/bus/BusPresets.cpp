// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "bus/BusPresets.h"

#include "config/FedmsgConfigReader.h"

#include <QMutex>

namespace fedmsg {

namespace {

QMutex s_mutex;
QList<BusPresets::Provider> &providers()
{
    static QList<BusPresets::Provider> list;
    return list;
}

} // namespace

BusConfig BusPresets::fedoraFedmsg()
{
    BusConfig b;
    b.name = QStringLiteral("fedora-fedmsg");
    b.label = QStringLiteral("Fedora (fedmsg gateway, historical)");
    b.note = QStringLiteral("Fedora retired fedmsg in 2024; use the fedora-messaging (AMQP) bus.");
    b.transport = BusConfig::Transport::ZeroMq;
    b.enabled = false;
    b.endpoints = { BusEndpoint { QStringLiteral("tcp://hub.fedoraproject.org:9940"), {} } };
    b.trust.validateSignatures = true;
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
    b.label = QStringLiteral("Debian (fedmsg gateway)");
    b.note = QStringLiteral("Debian's fedmsg bus; its messages are not signed.");
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

QList<BusConfig> BusPresets::fromFedmsgD(const QStringList &directories, QStringList *problems)
{
    FedmsgConfigReader reader(directories);
    reader.read();
    if (problems)
        for (const PyDiagnostic &d : reader.errors())
            problems->append(d.toString());
    const BusConfig bus = reader.toBusConfig();
    if (!reader.hasEndpoints() && bus.configError.isEmpty())
        return {};
    return { bus };
}

void BusPresets::registerProvider(Provider provider)
{
    QMutexLocker lock(&s_mutex);
    providers().append(std::move(provider));
}

QList<BusConfig> BusPresets::all()
{
    return all(FedmsgConfigReader::defaultDirectories());
}

QList<BusConfig> BusPresets::all(const QStringList &fedmsgDirectories, QStringList *problems)
{
    QList<BusConfig> out = zeroMqPresets();
    QList<Provider> extra;
    {
        QMutexLocker lock(&s_mutex);
        extra = providers();
    }
    for (const Provider &p : std::as_const(extra))
        out += p();
    out += fromFedmsgD(fedmsgDirectories, problems);
    QList<BusConfig> unique;
    QStringList names;
    for (const BusConfig &b : std::as_const(out)) {
        if (names.contains(b.name))
            continue;
        names << b.name;
        unique << b;
    }
    return unique;
}

} // namespace fedmsg
