// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QString>

#include <initializer_list>

namespace fedmsg::test {

/// Makes a private home for a program a test starts: config, data, cache and runtime (0700, as
/// XDG_RUNTIME_DIR must be) below @p home, plus the @p extra subfolders. False when one could not
/// be made.
inline bool makePrivateHome(const QString &home, std::initializer_list<const char *> extra = {})
{
    bool made = true;
    for (const char *sub : { "config", "data", "cache", "runtime" })
        made = QDir(home).mkpath(QLatin1String(sub)) && made;
    for (const char *sub : extra)
        made = QDir(home).mkpath(QLatin1String(sub)) && made;
    return QFile::setPermissions(home + QStringLiteral("/runtime"),
               QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)
        && made;
}

/// The environment of a program living in that home: HOME and the four XDG folders of
/// makePrivateHome() set over @p base (by default this process's environment).
inline QProcessEnvironment privateHomeEnvironment(
    const QString &home, QProcessEnvironment base = QProcessEnvironment::systemEnvironment())
{
    base.insert(QStringLiteral("HOME"), home);
    base.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    base.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    base.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
    base.insert(QStringLiteral("XDG_RUNTIME_DIR"), home + QStringLiteral("/runtime"));
    return base;
}

} // namespace fedmsg::test
