// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace fedmsg {

/**
 * @brief What a human sees of one message: fedmsg.meta's fields and the fedora-messaging
 * schema API, mapped onto one value so rules, notifications and history treat both buses alike.
 *
 * fedmsg.meta name        fedora-messaging name      here
 * title                   (topic)                    title
 * subtitle                summary                    subtitle
 * long_form               __str__                    longForm
 * link                    url                        link
 * icon                    app_icon                   icon
 * secondary_icon          agent_avatar               secondaryIcon
 * usernames               usernames                  usernames
 * packages                packages                   packages
 * objects                 -                          objects
 * processor name / label  app_name                   serviceName / serviceLabel
 */
struct Rendering
{
    QString title;
    QString subtitle;
    QString longForm;
    QString link;
    QString icon;
    QString secondaryIcon;
    QStringList usernames; ///< sorted, unique
    QStringList packages; ///< sorted, unique
    QStringList objects; ///< sorted, unique
    QString serviceName; ///< processor / schema service id, e.g. "bodhi" (catalog key)
    QString serviceLabel; ///< e.g. "Bodhi"
    // fedora-messaging extras (empty for fedmsg)
    QString appName;
    QString agentName;
    QStringList containers;
    QStringList modules;
    QStringList flatpaks;
    QStringList groups;
    int severity = 20; ///< fedora-messaging severity: 10 DEBUG, 20 INFO, 30 WARNING, 40 ERROR
    bool fallback = false; ///< true when no processor/schema matched and the generic fallback ran

    bool operator==(const Rendering &) const = default;
};

} // namespace fedmsg

Q_DECLARE_METATYPE(fedmsg::Rendering)
