// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace fedmsg {

/// @brief One row of History::countsPerService(): how many stored messages a service has.
struct ServiceCount
{
    QString serviceName; ///< Rendering::serviceName ("" for messages no service claimed)
    QString serviceLabel; ///< Rendering::serviceLabel of one of its messages
    qint64 count = 0;

    bool operator==(const ServiceCount &) const = default;
};

} // namespace fedmsg

Q_DECLARE_METATYPE(fedmsg::ServiceCount)
