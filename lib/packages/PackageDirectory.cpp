// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "packages/PackageDirectory.h"

#include "packages/DistGitSource.h"
#include "packages/InstalledSource.h"

#include <QMutexLocker>
#include <QStandardPaths>

namespace fedmsg::packages {

namespace {
bool sameView(const PackageSetView &a, const PackageSetView &b)
{
    return a.state == b.state && a.reason == b.reason && a.fetched == b.fetched
        && (a.names == b.names || (a.names && b.names && *a.names == *b.names));
}
} // namespace

PackageDirectory::PackageDirectory(const PackageDirectoryOptions &options, QObject *parent)
    : PackageSets(parent)
    , m_cacheDir(options.cacheDir.isEmpty()
              ? QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
                  + QStringLiteral("/packages")
              : options.cacheDir)
    , m_distGit(new DistGitSource(options, m_cacheDir))
    , m_installed(new InstalledSource(options, m_cacheDir))
{
    m_thread.setObjectName(QStringLiteral("fedmsg-packages"));
    m_distGit->moveToThread(&m_thread);
    m_installed->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_distGit, &QObject::deleteLater);
    connect(&m_thread, &QThread::finished, m_installed, &QObject::deleteLater);
    connect(m_distGit, &DistGitSource::viewChanged, this, &PackageDirectory::onMaintainerView);
    connect(m_installed, &InstalledSource::viewChanged, this, &PackageDirectory::onInstalledView);
    m_installedView.reason = QStringLiteral("installed packages not read yet");
    m_thread.start();
}

PackageDirectory::~PackageDirectory()
{
    m_thread.quit();
    m_thread.wait();
}

void PackageDirectory::track(const QStringList &maintainers)
{
    QStringList normalised;
    for (const QString &maintainer : maintainers) {
        const QString name = maintainer.trimmed();
        if (!name.isEmpty() && !normalised.contains(name))
            normalised.append(name);
    }
    {
        const QMutexLocker lock(&m_mutex);
        m_tracked = normalised;
        for (auto it = m_maintained.begin(); it != m_maintained.end();) {
            if (normalised.contains(it.key()))
                ++it;
            else
                it = m_maintained.erase(it);
        }
        for (const QString &name : std::as_const(normalised)) {
            if (!m_maintained.contains(name)) {
                PackageSetView view;
                view.reason = QStringLiteral("packages of %1 not fetched yet").arg(name);
                m_maintained.insert(name, view);
            }
        }
    }
    QMetaObject::invokeMethod(
        m_distGit,
        [source = m_distGit, normalised] {
            source->track(normalised);
        },
        Qt::QueuedConnection);
}

void PackageDirectory::retryFailed()
{
    QMetaObject::invokeMethod(
        m_distGit,
        [source = m_distGit] {
            source->retryFailed();
        },
        Qt::QueuedConnection);
}

PackageSetView PackageDirectory::maintainedBy(const QString &maintainer) const
{
    const QMutexLocker lock(&m_mutex);
    const auto it = m_maintained.constFind(maintainer.trimmed());
    if (it != m_maintained.cend())
        return *it;
    PackageSetView view;
    view.state = PackageSetView::State::Unavailable;
    view.reason = QStringLiteral("packages of %1 are not tracked").arg(maintainer);
    return view;
}

PackageSetView PackageDirectory::installed() const
{
    if (!m_installedStarted.exchange(true)) {
        QMetaObject::invokeMethod(
            m_installed,
            [source = m_installed] {
                source->start();
            },
            Qt::QueuedConnection);
    }
    const QMutexLocker lock(&m_mutex);
    return m_installedView;
}

QStringList PackageDirectory::tracked() const
{
    const QMutexLocker lock(&m_mutex);
    return m_tracked;
}

void PackageDirectory::onMaintainerView(const QString &maintainer, const PackageSetView &view)
{
    {
        const QMutexLocker lock(&m_mutex);
        auto it = m_maintained.find(maintainer);
        // A view of a maintainer dropped since (the worker had not heard yet) is stale.
        if (it == m_maintained.end() || sameView(*it, view))
            return;
        *it = view;
    }
    Q_EMIT changed();
}

void PackageDirectory::onInstalledView(const PackageSetView &view)
{
    {
        const QMutexLocker lock(&m_mutex);
        if (sameView(m_installedView, view))
            return;
        m_installedView = view;
    }
    Q_EMIT changed();
}

} // namespace fedmsg::packages
