// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace fedmsg {

/// @brief A group of messages shown as one notification (fedmsg.meta's "conglomerate").
struct Conglomerate
{
    QString subtitle;
    QString link;
    QString icon;
    QString secondaryIcon;
    QStringList usernames; ///< sorted, unique
    QStringList packages; ///< sorted, unique
    QStringList topics; ///< sorted, unique
    QStringList categories; ///< 4th topic segment of each topic, sorted, unique
    QStringList msgIds; ///< in input order
    double startTime = 0;
    double endTime = 0;
    double timestamp = 0; ///< average
    int count = 0; ///< number of messages merged (1 for a single message)
    QString serviceName;
    QString kind; ///< which rule merged it, e.g. "bodhi.comments.ByUpdate", "generic", "single"
};

} // namespace fedmsg
