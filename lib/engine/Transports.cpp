// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "engine/Transports.h"

#include "amqp/AmqpPresets.h"
#include "amqp/AmqpSource.h"
#include "amqp/FedoraMessagingConfig.h"
#include "bus/BusPresets.h"
#include "config/FedmsgConfigReader.h"
#include "settings/Settings.h"
#include "zeromq/ZmqSource.h"

#include <QLoggingCategory>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcEngine)

namespace fedmsg {

namespace {

// fedora-messaging's presets plus the bus of an existing config.toml (enabled).
QList<BusConfig> amqpPresets()
{
    QList<BusConfig> buses = AmqpPresets::all();
    const QString path = FedoraMessagingConfig::findExisting();
    if (path.isEmpty())
        return buses;
    QString error;
    if (auto imported = FedoraMessagingConfig::load(path, &error)) {
        for (const QString &warning : std::as_const(imported->warnings))
            qCWarning(lcEngine) << warning;
        imported->bus.enabled = true;
        buses.append(imported->bus);
    } else {
        qCWarning(lcEngine) << "cannot import" << path << ":" << error;
    }
    return buses;
}

} // namespace

Source *Transports::createSource(const BusConfig &config, QObject *parent, QString *error)
{
    if (!config.configError.isEmpty()) {
        if (error)
            *error = config.configError;
        return nullptr;
    }
    switch (config.transport) {
    case BusConfig::Transport::ZeroMq:
        return new ZmqSource(config, parent);
    case BusConfig::Transport::Amqp:
        return new AmqpSource(config, parent);
    }
    if (error)
        *error = QStringLiteral("unknown transport %1").arg(int(config.transport));
    return nullptr;
}

QList<BusConfig> Transports::presets(const QStringList &fedmsgDirectories, QStringList *problems)
{
    return BusPresets::uniqueByName(BusPresets::zeroMqPresets() + amqpPresets()
        + FedmsgConfigReader::importedBuses(fedmsgDirectories, problems));
}

QList<BusConfig> Transports::presets()
{
    return presets(FedmsgConfigReader::defaultDirectories());
}

std::optional<BusConfig> Transports::configuredBus(
    const QString &name, const QStringList &fedmsgDirectories, QString *error)
{
    const Settings settings(Settings::defaultPath(), Settings::Mode::ReadOnly);
    const QList<BusConfig> buses =
        settings.buses(presets(FedmsgConfigReader::withDefaults(fedmsgDirectories)));
    const auto it = std::find_if(buses.begin(), buses.end(), [&](const BusConfig &b) {
        return b.name == name;
    });
    if (it != buses.end())
        return *it;
    if (error) {
        QStringList names;
        for (const BusConfig &b : buses)
            names.append(b.name);
        *error = QStringLiteral("no bus named %1; configured buses: %2")
                     .arg(name, names.join(QStringLiteral(", ")));
    }
    return std::nullopt;
}

} // namespace fedmsg
