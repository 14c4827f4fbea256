// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "engine/Transports.h"

#include "amqp/AmqpPresets.h"
#include "amqp/AmqpSource.h"
#include "amqp/FedoraMessagingConfig.h"
#include "bus/BusPresets.h"
#include "bus/SourceFactory.h"
#include "config/FedmsgConfigReader.h"
#include "settings/Settings.h"

#include <QLoggingCategory>

#include <algorithm>
#include <mutex>

Q_DECLARE_LOGGING_CATEGORY(lcEngine)

namespace fedmsg {

void Transports::registerAll()
{
    static std::once_flag once;
    std::call_once(once, [] {
        SourceFactory::registerTransport(
            BusConfig::Transport::Amqp, [](const BusConfig &config, QObject *parent) -> Source * {
                return new AmqpSource(config, parent);
            });
        BusPresets::registerProvider([] {
            QList<BusConfig> buses = AmqpPresets::all();
            const QString path = FedoraMessagingConfig::findExisting();
            if (!path.isEmpty()) {
                QString error;
                if (auto imported = FedoraMessagingConfig::load(path, &error)) {
                    for (const QString &warning : std::as_const(imported->warnings))
                        qCWarning(lcEngine) << warning;
                    imported->bus.enabled = true;
                    buses.append(imported->bus);
                } else {
                    qCWarning(lcEngine) << "cannot import" << path << ":" << error;
                }
            }
            return buses;
        });
    });
}

std::optional<BusConfig> Transports::configuredBus(
    const QString &name, const QStringList &fedmsgDirectories, QString *error)
{
    registerAll();
    const Settings settings(Settings::defaultPath(), Settings::Mode::ReadOnly);
    const QList<BusConfig> buses =
        settings.buses(BusPresets::all(FedmsgConfigReader::withDefaults(fedmsgDirectories)));
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
