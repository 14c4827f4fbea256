// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QString>

namespace fedmsg::rules {

/// @brief One entry of the message-type tree: a service ("bodhi") or a topic kind under it
/// ("bodhi/update.comment"), with what a settings dialog shows for it.
struct MessageType
{
    QString id; ///< "bodhi" (a service) or "bodhi/update.comment" (a kind); toggles store it
    QString service; ///< the catalog key (Rendering::serviceName)
    QString kind; ///< topic after the service's name, "" for the service itself
    QString label; ///< "Package Updates" / "update comment"
    QString description; ///< one line
    QString icon; ///< the service's icon URL (may be empty)

    bool operator==(const MessageType &) const = default;
};

} // namespace fedmsg::rules
