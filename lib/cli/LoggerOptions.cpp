// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "cli/LoggerOptions.h"

namespace fedmsg {

QString LoggerOptions::amqpTopic() const
{
    QString suffix = modname + QLatin1Char('.') + topic;
    if (suffix.startsWith(publisher.topicPrefix + QLatin1Char('.')))
        return suffix;
    return publisher.topicPrefix + QLatin1Char('.') + publisher.environment + QLatin1Char('.')
        + suffix;
}

} // namespace fedmsg
