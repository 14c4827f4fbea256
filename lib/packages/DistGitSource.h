// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "packages/PackageDirectoryOptions.h"
#include "packages/PackageSetCache.h"
#include "packages/PackageSets.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <chrono>

namespace fedmsg::packages {

class DistGitFetcher;

/**
 * @brief The dist-git sets of the tracked maintainers, kept fresh on PackageDirectory's worker
 * thread: read from the on-disk cache first, fetched when missing or older than the expiry (one
 * single-shot timer to the next due set, no polling), written back to the cache, and retried with
 * a growing delay after a failure while the cached set stays in use.
 */
class DistGitSource : public QObject
{
    Q_OBJECT

public:
    DistGitSource(
        const PackageDirectoryOptions &options, const QString &cacheDir, QObject *parent = nullptr);
    ~DistGitSource() override;
    Q_DISABLE_COPY_MOVE(DistGitSource)

    /// Keeps exactly these maintainers (already normalised by PackageDirectory).
    void track(const QStringList &maintainers);
    /// Fetches at once every set whose last fetch failed (the network is back).
    void retryFailed();

Q_SIGNALS:
    void viewChanged(const QString &maintainer, const fedmsg::packages::PackageSetView &view);

private:
    struct Entry
    {
        PackageSetView view;
        QDateTime due; ///< when to fetch next
        std::chrono::milliseconds retry { 0 }; ///< delay after the next failure
        bool failed = false; ///< the last fetch failed
    };
    void fetchDue();
    void onFetched(const QString &maintainer, const std::shared_ptr<const QSet<QString>> &names);
    void onFailed(const QString &maintainer, const QString &reason);
    [[nodiscard]] QString source() const;

    PackageDirectoryOptions m_options;
    PackageSetCache m_cache;
    DistGitFetcher *m_fetcher;
    QHash<QString, Entry> m_entries;
    QTimer m_timer; ///< a child of this, so that moveToThread() takes it along
};

} // namespace fedmsg::packages
