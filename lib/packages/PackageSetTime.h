// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace fedmsg::packages {

/// @brief How a package set's fetch time is written in its reason ("2026-12-05 00:40 UTC").
class PackageSetTime
{
public:
    [[nodiscard]] static QString format(const QDateTime &time)
    {
        return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    }
};

} // namespace fedmsg::packages
