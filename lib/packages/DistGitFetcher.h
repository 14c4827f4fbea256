// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "packages/PackageDirectoryOptions.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace fedmsg::packages {

/**
 * @brief Lists the rpms a Fedora account or '@group' maintains, from dist-git's Pagure API v0,
 * asynchronously on the thread it lives on (PackageDirectory's worker thread).
 *
 * An account: `/api/0/projects?owner=<name>&namespace=rpms&short=1` (what FMN asks: the
 * projects the account is the main admin of) and `/api/0/projects?username=<name>&namespace=
 * rpms&short=1` (Pagure's filter for the projects the account has commit rights to). A group:
 * `/api/0/group/<name>?projects=1&acl=commit` (its projects with admin or commit access), rpms
 * namespace only. Every listing follows pagination.next to the last page; a next link to another
 * host, a page seen before, too many pages, a page over the size limit, an HTTP error, a page that
 * is not JSON or has no projects list, or a page that does not finish in time fails the whole
 * fetch with a reason a user can read (nothing partial is reported).
 */
class DistGitFetcher : public QObject
{
    Q_OBJECT

public:
    explicit DistGitFetcher(PackageDirectoryOptions options, QObject *parent = nullptr);
    ~DistGitFetcher() override;
    Q_DISABLE_COPY_MOVE(DistGitFetcher)

    /// A Fedora account or group name dist-git can have (letters, digits, '-', '_', '.').
    [[nodiscard]] static bool isValidName(const QString &maintainer);
    /// The first page of each listing fetched for maintainer.
    [[nodiscard]] static QList<QUrl> startUrls(const QUrl &distGit, const QString &maintainer);

    /// Starts fetching maintainer's set unless that is already running.
    void fetch(const QString &maintainer);
    /// Stops fetching maintainer's set; nothing is reported for it.
    void cancel(const QString &maintainer);
    [[nodiscard]] bool isFetching(const QString &maintainer) const;

Q_SIGNALS:
    void fetched(const QString &maintainer, const std::shared_ptr<const QSet<QString>> &names);
    void failed(const QString &maintainer, const QString &reason);

private:
    struct Job;
    void startPage(const QString &maintainer, const QUrl &url);
    void onPageFinished(const QString &maintainer, QNetworkReply *reply);
    void onPageTimeout(const QString &maintainer, QNetworkReply *reply);
    /// Reads a finished page into job; returns why it cannot be used, or "" (next = the page
    /// after it, if any).
    [[nodiscard]] QString readPage(Job &job, QNetworkReply *reply, QUrl *next) const;
    [[nodiscard]] QString readProjects(
        Job &job, const QUrl &url, const QString &where, const QByteArray &body, QUrl *next) const;
    void fail(const QString &maintainer, const QString &reason);

    PackageDirectoryOptions m_options;
    QNetworkAccessManager *m_manager;
    QHash<QString, std::shared_ptr<Job>> m_jobs;
};

} // namespace fedmsg::packages
