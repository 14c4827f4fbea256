// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "engine/BusImport.h"

#include "amqp/FedoraMessagingConfig.h"
#include "config/FedmsgConfigReader.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace fedmsg {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("fedmsg::BusImport", text);
}
} // namespace

QString BusImport::uniqueName(const QString &base, const QStringList &takenNames)
{
    QString name = base;
    for (int n = 2; takenNames.contains(name); ++n)
        name = base + QLatin1Char('-') + QString::number(n);
    return name;
}

std::optional<BusConfig> BusImport::fedmsgFolder(
    const QString &folder, const QStringList &takenNames, QString *error)
{
    const QFileInfo info(folder);
    if (!info.isDir()) {
        *error = tr("%1: not a folder").arg(folder);
        return std::nullopt;
    }
    FedmsgConfigReader reader({ info.absoluteFilePath() });
    reader.read();
    QStringList problems;
    for (const PyDiagnostic &d : reader.trustProblems())
        problems.append(d.toString());
    if (!problems.isEmpty()) {
        *error =
            tr("%1 could not be read whole: %2").arg(folder, problems.join(QStringLiteral("; ")));
        return std::nullopt;
    }
    if (reader.filesRead().isEmpty()) {
        *error = tr("%1 has no fedmsg configuration (*.py)").arg(folder);
        return std::nullopt;
    }
    if (!reader.hasEndpoints()) {
        *error = tr("%1 names no endpoints").arg(folder);
        return std::nullopt;
    }
    BusConfig bus = reader.toBusConfig(uniqueName(QStringLiteral("fedmsg.d"), takenNames));
    if (!bus.configError.isEmpty()) {
        *error = bus.configError;
        return std::nullopt;
    }
    return bus;
}

std::optional<BusConfig> BusImport::fedoraMessagingToml(
    const QString &path, const QStringList &takenNames, QString *error, QStringList *warnings)
{
    auto imported = FedoraMessagingConfig::load(
        path, error, uniqueName(QStringLiteral("fedora-messaging-imported"), takenNames));
    if (!imported)
        return std::nullopt;
    if (warnings)
        *warnings = imported->warnings;
    return imported->bus;
}

} // namespace fedmsg
