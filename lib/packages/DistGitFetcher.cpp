// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "packages/DistGitFetcher.h"

#include "packages/PackagesLogging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

#include <utility>

namespace fedmsg::packages {

struct DistGitFetcher::Job
{
    QList<QUrl> pendingListings; ///< first pages of the listings not started yet
    QSet<QUrl> visited;
    QSet<QString> names;
    int pages = 0;
    QPointer<QNetworkReply> reply;
    QTimer *timeout = nullptr;
    bool timedOut = false;
    bool tooLarge = false;
};

namespace {

QString hostOf(const QUrl &url)
{
    return url.host().isEmpty() ? url.toDisplayString() : url.host();
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && a.port(a.scheme() == u"https" ? 443 : 80) == b.port(b.scheme() == u"https" ? 443 : 80);
}

QUrl apiUrl(
    const QUrl &distGit, const QString &path, const QList<std::pair<QString, QString>> &query)
{
    QUrl url = distGit;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + QStringLiteral("/api/0/") + path);
    QUrlQuery urlQuery;
    for (const auto &[key, value] : query)
        urlQuery.addQueryItem(key, value);
    url.setQuery(urlQuery);
    return url;
}

/// The "error" of a Pagure error answer ({"error": ..., "error_code": ...}), if it is one.
QString pagureError(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QString error = object.value(u"error").toString();
    QString code = object.value(u"error_code").toString();
    if (error.isEmpty())
        return code;
    return code.isEmpty() ? error : QStringLiteral("%1, %2").arg(error, code);
}

} // namespace

DistGitFetcher::DistGitFetcher(PackageDirectoryOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_manager(new QNetworkAccessManager(this))
{}

DistGitFetcher::~DistGitFetcher()
{
    for (const auto &job : std::as_const(m_jobs)) {
        if (job->reply) {
            job->reply->disconnect(this);
            job->reply->abort();
        }
    }
}

bool DistGitFetcher::isValidName(const QString &maintainer)
{
    static const QRegularExpression name(QStringLiteral("^@?[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"));
    return name.match(maintainer).hasMatch();
}

QList<QUrl> DistGitFetcher::startUrls(const QUrl &distGit, const QString &maintainer)
{
    const QString perPage = QStringLiteral("100");
    if (maintainer.startsWith(u'@')) {
        return { apiUrl(distGit,
            QStringLiteral("group/") + maintainer.mid(1),
            { { QStringLiteral("projects"), QStringLiteral("1") },
                { QStringLiteral("acl"), QStringLiteral("commit") },
                { QStringLiteral("per_page"), perPage } }) };
    }
    QList<QUrl> urls;
    for (const QString &filter : { QStringLiteral("owner"), QStringLiteral("username") }) {
        urls.append(apiUrl(distGit,
            QStringLiteral("projects"),
            { { filter, maintainer },
                { QStringLiteral("namespace"), QStringLiteral("rpms") },
                { QStringLiteral("short"), QStringLiteral("1") },
                { QStringLiteral("per_page"), perPage } }));
    }
    return urls;
}

bool DistGitFetcher::isFetching(const QString &maintainer) const
{
    return m_jobs.contains(maintainer);
}

void DistGitFetcher::fetch(const QString &maintainer)
{
    if (m_jobs.contains(maintainer))
        return;
    if (!isValidName(maintainer)) {
        Q_EMIT failed(maintainer,
            QStringLiteral("'%1' is not a Fedora account or group name").arg(maintainer));
        return;
    }
    auto job = std::make_shared<Job>();
    job->pendingListings = startUrls(m_options.distGitUrl, maintainer);
    m_jobs.insert(maintainer, job);
    startPage(maintainer, job->pendingListings.takeFirst());
}

void DistGitFetcher::cancel(const QString &maintainer)
{
    const std::shared_ptr<Job> job = m_jobs.take(maintainer);
    if (job && job->reply) {
        job->reply->disconnect(this);
        job->reply->abort();
        job->reply->deleteLater();
    }
}

void DistGitFetcher::startPage(const QString &maintainer, const QUrl &url)
{
    const std::shared_ptr<Job> job = m_jobs.value(maintainer);
    job->visited.insert(url);
    ++job->pages;
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("fedmsg-notify"));
    QNetworkReply *reply = m_manager->get(request);
    job->reply = reply;
    job->timedOut = false;
    job->tooLarge = false;
    // One timer per page, owned by its reply.
    job->timeout = new QTimer(reply);
    job->timeout->setSingleShot(true);
    job->timeout->setInterval(m_options.pageTimeout);
    connect(job->timeout, &QTimer::timeout, this, [this, maintainer, reply] {
        onPageTimeout(maintainer, reply);
    });
    job->timeout->start();
    connect(reply, &QNetworkReply::readyRead, this, [this, maintainer, reply] {
        const std::shared_ptr<Job> current = m_jobs.value(maintainer);
        if (current && current->reply == reply
            && reply->bytesAvailable() > m_options.maximumPageBytes) {
            current->tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, maintainer, reply] {
        onPageFinished(maintainer, reply);
    });
}

void DistGitFetcher::onPageTimeout(const QString &maintainer, QNetworkReply *reply)
{
    const std::shared_ptr<Job> job = m_jobs.value(maintainer);
    if (job && job->reply == reply) {
        job->timedOut = true;
        reply->abort();
    }
}

void DistGitFetcher::onPageFinished(const QString &maintainer, QNetworkReply *reply)
{
    reply->deleteLater();
    const std::shared_ptr<Job> job = m_jobs.value(maintainer);
    if (!job || job->reply != reply)
        return;
    job->reply = nullptr;
    QUrl next;
    const QString error = readPage(*job, reply, &next);
    if (!error.isEmpty()) {
        fail(maintainer, error);
        return;
    }
    if (next.isEmpty() && !job->pendingListings.isEmpty())
        next = job->pendingListings.takeFirst();
    if (!next.isEmpty()) {
        startPage(maintainer, next);
        return;
    }
    auto names = std::make_shared<const QSet<QString>>(std::move(job->names));
    m_jobs.remove(maintainer);
    qCDebug(lcPackages) << "dist-git:" << maintainer << "maintains" << names->size() << "rpms";
    Q_EMIT fetched(maintainer, names);
}

QString DistGitFetcher::readPage(Job &job, QNetworkReply *reply, QUrl *next) const
{
    const QUrl url = reply->request().url();
    const QString where = QStringLiteral("page %1 from %2").arg(job.pages).arg(hostOf(url));
    if (job.timedOut) {
        return QStringLiteral("%1 did not answer within %2 s")
            .arg(hostOf(url))
            .arg(double(m_options.pageTimeout.count()) / 1000.0);
    }
    if (job.tooLarge) {
        return QStringLiteral("%1 is larger than %2 bytes")
            .arg(where)
            .arg(m_options.maximumPageBytes);
    }
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QByteArray body = reply->readAll();
    if (!statusAttribute.isValid()) {
        return QStringLiteral("cannot reach %1: %2").arg(hostOf(url), reply->errorString());
    }
    const int status = statusAttribute.toInt();
    if (status == 404) {
        const QString detail = pagureError(body);
        const QString suffix = detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(detail);
        if (url.path().contains(u"/api/0/group/"))
            return QStringLiteral("dist-git has no such group%1").arg(suffix);
        return QStringLiteral("dist-git does not know this account%1").arg(suffix);
    }
    if (status < 200 || status >= 300) {
        const QString detail = pagureError(body);
        return QStringLiteral("%1 answered HTTP %2%3")
            .arg(where)
            .arg(status)
            .arg(detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(detail));
    }
    return readProjects(job, url, where, body, next);
}

QString DistGitFetcher::readProjects(
    Job &job, const QUrl &url, const QString &where, const QByteArray &body, QUrl *next) const
{
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return QStringLiteral("%1 is not JSON: %2 at byte %3")
            .arg(where, parseError.errorString())
            .arg(parseError.offset);
    const QJsonObject page = document.object();
    const QJsonValue projects = page.value(u"projects");
    if (!document.isObject() || !projects.isArray())
        return QStringLiteral("%1 has no \"projects\" list").arg(where);
    const QJsonArray array = projects.toArray();
    for (const auto &project : array) {
        const QJsonObject object = project.toObject();
        const QString name = object.value(u"name").toString();
        if (object.value(u"namespace").toString() == u"rpms" && isValidName(name)
            && !name.startsWith(u'@'))
            job.names.insert(name);
    }
    const QJsonValue nextValue = page.value(u"pagination").toObject().value(u"next");
    if (nextValue.isString() && !nextValue.toString().isEmpty()) {
        const QUrl nextUrl = url.resolved(QUrl(nextValue.toString()));
        if (!nextUrl.isValid() || !sameOrigin(nextUrl, m_options.distGitUrl))
            return QStringLiteral("%1 links its next page to another site (%2)")
                .arg(where, nextUrl.toDisplayString());
        if (job.visited.contains(nextUrl))
            return QStringLiteral("%1 links back to a page already read (%2)")
                .arg(where, nextUrl.toDisplayString());
        if (job.pages >= m_options.maximumPages)
            return QStringLiteral("the listing has more than %1 pages").arg(m_options.maximumPages);
        *next = nextUrl;
    }
    return {};
}

void DistGitFetcher::fail(const QString &maintainer, const QString &reason)
{
    m_jobs.remove(maintainer);
    qCInfo(lcPackages) << "dist-git:" << maintainer << reason;
    Q_EMIT failed(maintainer, reason);
}

} // namespace fedmsg::packages
