// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace fedmsg {

/// @brief One row of History::countsPerTopic(): how many stored messages a service has on a topic.
struct TopicCount
{
    QString serviceName; ///< Rendering::serviceName ("" for messages no service claimed)
    QString topic; ///< the message's topic
    qint64 count = 0;

    bool operator==(const TopicCount &) const = default;
};

} // namespace fedmsg

Q_DECLARE_METATYPE(fedmsg::TopicCount)
