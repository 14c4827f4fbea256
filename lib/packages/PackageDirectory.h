// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "packages/PackageDirectoryOptions.h"
#include "packages/PackageSets.h"

#include <QHash>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <QThread>

#include <atomic>

namespace fedmsg::packages {

class DistGitSource;
class InstalledSource;

/**
 * @brief The PackageSets the applet uses: Fedora dist-git for maintainers, rpm or dpkg for the
 * installed packages.
 *
 * Both sources run on one worker thread owned by this object (network replies, the query
 * process and the file watcher are all asynchronous there), so track(), maintainedBy() and
 * installed() never wait for anything but a mutex around a hash lookup. Sets are cached under
 * options.cacheDir (default: the XDG cache folder + "/packages"); a cached set is Ready at once,
 * with a reason that says "cached, fetched <time>", and stays in use while a refresh fails
 * (offline). The installed set is read the first time installed() is asked for. changed() is
 * emitted (on this object's thread) whenever a set changes state, reason or content.
 */
class PackageDirectory : public PackageSets
{
    Q_OBJECT

public:
    explicit PackageDirectory(
        const PackageDirectoryOptions &options = {}, QObject *parent = nullptr);
    ~PackageDirectory() override;
    Q_DISABLE_COPY_MOVE(PackageDirectory)

    void track(const QStringList &maintainers) override;
    [[nodiscard]] PackageSetView maintainedBy(const QString &maintainer) const override;
    [[nodiscard]] PackageSetView installed() const override;

    /// Fetches at once the dist-git sets whose last fetch failed, instead of waiting for their
    /// next try (up to an hour): for the engine to call when the network comes back.
    void retryFailed();
    /// The maintainers tracked now, normalised (trimmed, without duplicates or empty names).
    [[nodiscard]] QStringList tracked() const;
    [[nodiscard]] QString cacheDir() const { return m_cacheDir; }

private:
    void onMaintainerView(const QString &maintainer, const PackageSetView &view);
    void onInstalledView(const PackageSetView &view);

    QString m_cacheDir;
    QThread m_thread;
    DistGitSource *m_distGit;
    InstalledSource *m_installed;
    mutable std::atomic_bool m_installedStarted { false };
    mutable QMutex m_mutex;
    QStringList m_tracked;
    QHash<QString, PackageSetView> m_maintained;
    PackageSetView m_installedView;
};

} // namespace fedmsg::packages
