// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QString>

namespace fedmsg {

/// @brief Where CA/CRL locations (paths or https URLs) live on disk.
class TrustLocations
{
public:
    /// True for http(s):// URLs, which TrustStore downloads.
    static bool isRemote(const QString &location);
    /// QStandardPaths::CacheLocation + "/trust".
    static QString cacheDirectory();
    /// The file to read for a location: the path itself (file:// stripped) or, for a URL, the
    /// cached download "<cache>/trust/<sha256(url)[0:16]>-<file name>".
    static QString localPathFor(const QString &location);
    /// caLocation with the empty default resolved to Fedora's CA URL.
    static QString effectiveCaLocation(const QString &caLocation);
};

} // namespace fedmsg
