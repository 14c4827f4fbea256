// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "packages/PackageDirectoryOptions.h"

#include <QStandardPaths>

namespace fedmsg::packages {

PackageDirectoryOptions PackageDirectoryOptions::forFedmsgNotify()
{
    PackageDirectoryOptions options;
    options.cacheDir = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)
        + QStringLiteral("/fedmsg-notify/packages");
    const QString url = qEnvironmentVariable("FEDMSG_DIST_GIT_URL");
    if (!url.isEmpty())
        options.distGitUrl = QUrl(url);
    return options;
}

} // namespace fedmsg::packages
