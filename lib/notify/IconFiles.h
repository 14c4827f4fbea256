// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QString>

namespace fedmsg {

/**
 * @brief Icons compiled into the programs, as files a notification server can read.
 *
 * A server reads app_icon and image-path from disk or from its icon theme, never from our
 * resources, and an icon name only resolves after an install. So a shipped icon is written once
 * to the cache folder (`$XDG_CACHE_HOME/fedmsg-notify/icons/`) and its path is used: popups show
 * it from a build tree too. A file already there with the same content is not written again.
 */
class IconFiles
{
public:
    /// The application icon (64 px PNG) as a file; empty when it could not be written.
    static QString applicationIcon();
    /// Writes resource @p resourcePath (":/...") under @p directory (empty = the cache folder)
    /// once; returns the file's path, or empty when the resource is missing or the write failed.
    static QString materialize(const QString &resourcePath, const QString &directory = {});
    /// `$XDG_CACHE_HOME/fedmsg-notify/icons`.
    static QString cacheDirectory();
};

} // namespace fedmsg
