// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "packages/DistGitSource.h"

#include "packages/DistGitFetcher.h"
#include "packages/PackageSetTime.h"
#include "packages/PackagesLogging.h"

#include <algorithm>
#include <utility>

namespace fedmsg::packages {

namespace {
const QString cacheKind = QStringLiteral("distgit");
} // namespace

DistGitSource::DistGitSource(
    const PackageDirectoryOptions &options, const QString &cacheDir, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_cache(cacheDir)
    , m_fetcher(new DistGitFetcher(options, this))
    , m_timer(this)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &DistGitSource::fetchDue);
    connect(m_fetcher, &DistGitFetcher::fetched, this, &DistGitSource::onFetched);
    connect(m_fetcher, &DistGitFetcher::failed, this, &DistGitSource::onFailed);
}

DistGitSource::~DistGitSource() = default;

QString DistGitSource::source() const
{
    return m_options.distGitUrl.toString(QUrl::StripTrailingSlash);
}

void DistGitSource::track(const QStringList &maintainers)
{
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (!maintainers.contains(it.key())) {
            m_fetcher->cancel(it.key());
            it = m_entries.erase(it);
        } else {
            ++it;
        }
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QString &maintainer : maintainers) {
        if (m_entries.contains(maintainer))
            continue;
        Entry entry;
        entry.retry = m_options.retryMinimum;
        if (!DistGitFetcher::isValidName(maintainer)) {
            // Never fetched (due stays invalid): asking again cannot help.
            entry.view.state = PackageSetView::State::Unavailable;
            entry.view.reason =
                QStringLiteral("'%1' is not a Fedora account or '@group' name").arg(maintainer);
        } else if (auto cached = m_cache.load(cacheKind, maintainer, source())) {
            entry.view.state = PackageSetView::State::Ready;
            entry.view.names = cached->names;
            entry.view.fetched = cached->fetched;
            entry.view.reason =
                QStringLiteral("cached, fetched %1").arg(PackageSetTime::format(cached->fetched));
            // A time in the future (a clock set back) counts as now.
            entry.due = std::min(cached->fetched, now).addSecs(m_options.distGitExpiry.count());
        } else {
            entry.view.state = PackageSetView::State::Loading;
            entry.view.reason =
                QStringLiteral("being fetched from %1").arg(m_options.distGitUrl.host());
            entry.due = now;
        }
        m_entries.insert(maintainer, entry);
        Q_EMIT viewChanged(maintainer, entry.view);
    }
    fetchDue();
}

void DistGitSource::retryFailed()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (Entry &entry : m_entries) {
        if (entry.failed && entry.due.isValid()) {
            entry.due = now;
            entry.retry = m_options.retryMinimum;
        }
    }
    fetchDue();
}

void DistGitSource::fetchDue()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QDateTime next;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        if (!it->due.isValid() || m_fetcher->isFetching(it.key()))
            continue;
        if (it->due <= now)
            m_fetcher->fetch(it.key());
        else if (!next.isValid() || it->due < next)
            next = it->due;
    }
    m_timer.stop();
    if (next.isValid()) {
        const qint64 wait = std::max<qint64>(now.msecsTo(next), 0);
        m_timer.start(std::chrono::milliseconds(std::min<qint64>(wait, qint64(24) * 3600 * 1000)));
    }
}

void DistGitSource::onFetched(
    const QString &maintainer, const std::shared_ptr<const QSet<QString>> &names)
{
    auto it = m_entries.find(maintainer);
    if (it == m_entries.end())
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString error;
    if (!m_cache.save(cacheKind, maintainer, source(), { names, now }, &error))
        qCWarning(lcPackages) << "package cache:" << error;
    it->view.state = PackageSetView::State::Ready;
    it->view.names = names;
    it->view.fetched = now;
    it->view.reason = QStringLiteral("fetched %1 from %2")
                          .arg(PackageSetTime::format(now), m_options.distGitUrl.host());
    it->due = now.addSecs(m_options.distGitExpiry.count());
    it->retry = m_options.retryMinimum;
    it->failed = false;
    Q_EMIT viewChanged(maintainer, it->view);
    fetchDue();
}

void DistGitSource::onFailed(const QString &maintainer, const QString &reason)
{
    auto it = m_entries.find(maintainer);
    if (it == m_entries.end())
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (it->view.names) {
        // Keep what we have: a refresh that fails offline must not empty the set.
        it->view.state = PackageSetView::State::Ready;
        it->view.reason = QStringLiteral("cached, fetched %1; refreshing failed: %2")
                              .arg(PackageSetTime::format(it->view.fetched), reason);
    } else {
        it->view.state = PackageSetView::State::Unavailable;
        it->view.reason = QStringLiteral("packages of %1 unknown: %2").arg(maintainer, reason);
    }
    it->failed = true;
    it->due = now.addMSecs(it->retry.count());
    it->retry = std::min(it->retry * 2, m_options.retryMaximum);
    Q_EMIT viewChanged(maintainer, it->view);
    // Queued: fetch() may report a failure before it returns, while fetchDue() iterates.
    QMetaObject::invokeMethod(this, &DistGitSource::fetchDue, Qt::QueuedConnection);
}

} // namespace fedmsg::packages
