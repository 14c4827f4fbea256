// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>

namespace fedmsg::packages {

/// @brief Where PackageDirectory fetches from and caches to; every path and URL injectable.
struct PackageDirectoryOptions
{
    /// Fedora dist-git (a Pagure instance); the API lives under <distGitUrl>/api/0/.
    QUrl distGitUrl = QUrl(QStringLiteral("https://src.fedoraproject.org"));
    /// Folder of the on-disk cache; empty = QStandardPaths::CacheLocation + "/packages".
    QString cacheDir;
    /// A dist-git set older than this is fetched again (in the background; the old one stays in
    /// use meanwhile).
    std::chrono::seconds distGitExpiry = std::chrono::hours(24);
    /// After a failed fetch the next try waits this long, doubling up to retryMaximum.
    std::chrono::milliseconds retryMinimum = std::chrono::minutes(5);
    std::chrono::milliseconds retryMaximum = std::chrono::hours(1);
    /// A page that has not finished within this time counts as failed.
    std::chrono::milliseconds pageTimeout = std::chrono::seconds(30);
    /// Listings longer than this many pages are refused (a loop or a runaway server).
    int maximumPages = 500;
    /// Pages larger than this are refused.
    qint64 maximumPageBytes = qint64(16) * 1024 * 1024;

    /// The rpm database (a folder) and the dpkg status file, watched for changes. rpm is used
    /// when `rpm` is on PATH and one of rpmDatabasePaths exists, else dpkg when `dpkg-query` is
    /// on PATH and dpkgStatusPath exists.
    QStringList rpmDatabasePaths = { QStringLiteral("/var/lib/rpm"),
        QStringLiteral("/usr/lib/sysimage/rpm") };
    QString dpkgStatusPath = QStringLiteral("/var/lib/dpkg/status");
    /// Changes of the database within this time are read together (a transaction writes many
    /// times).
    std::chrono::milliseconds databaseSettle = std::chrono::seconds(2);
    /// A query tool that runs longer than this is stopped.
    std::chrono::milliseconds queryTimeout = std::chrono::minutes(2);

    /// What the applet and fedmsg-tail use: one cache for both programs
    /// (XDG cache folder/fedmsg-notify/packages, whichever program asks), and the dist-git
    /// instance FEDMSG_DIST_GIT_URL names when set (e.g. a staging instance; tests use a local
    /// server).
    static PackageDirectoryOptions forFedmsgNotify();
};

} // namespace fedmsg::packages
