// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "packages/SourceRpmName.h"

namespace fedmsg::packages {

QString SourceRpmName::fromSourceRpm(QStringView sourceRpm)
{
    QStringView rest = sourceRpm.trimmed();
    if (rest.endsWith(u".src.rpm"))
        rest.chop(qsizetype(sizeof(".src.rpm") - 1));
    else if (rest.endsWith(u".nosrc.rpm"))
        rest.chop(qsizetype(sizeof(".nosrc.rpm") - 1));
    else
        return {};
    const qsizetype releaseDash = rest.lastIndexOf(u'-');
    if (releaseDash <= 0 || releaseDash == rest.size() - 1)
        return {};
    const qsizetype versionDash = rest.first(releaseDash).lastIndexOf(u'-');
    if (versionDash <= 0 || versionDash == releaseDash - 1)
        return {};
    return rest.first(versionDash).toString();
}

} // namespace fedmsg::packages
