// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "bus/BusConfig.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace fedmsg {

/**
 * @brief Makes a bus from a configuration the user points at, for the Buses page's import:
 * a fedmsg.d folder (FedmsgConfigReader) or a fedora-messaging config.toml
 * (FedoraMessagingConfig). A configuration that cannot be read whole is refused with the reason
 * (file:line), since its trust settings would be in doubt; the bus gets a name no bus in
 * @p takenNames has.
 * @code
 * QString error;
 * if (auto bus = BusImport::fedmsgFolder(dir, names, &error)) buses.append(*bus);
 * @endcode
 */
class BusImport
{
public:
    static std::optional<BusConfig> fedmsgFolder(
        const QString &folder, const QStringList &takenNames, QString *error);
    /// *warnings: what the file has that was not imported ("file:line: what").
    static std::optional<BusConfig> fedoraMessagingToml(const QString &path,
        const QStringList &takenNames,
        QString *error,
        QStringList *warnings = nullptr);
    /// @p base, or base-2, base-3, ... : the first not in @p takenNames.
    static QString uniqueName(const QString &base, const QStringList &takenNames);
};

} // namespace fedmsg
