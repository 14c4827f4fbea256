// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "notify/IconCache.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkDiskCache>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <utility>

Q_DECLARE_LOGGING_CATEGORY(lcNotify)

namespace fedmsg {

IconCache::IconCache(const QString &directory, qint64 maxBytes, QObject *parent)
    : QObject(parent)
    , m_directory(directory.isEmpty()
              ? QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)
                  + QStringLiteral("/fedmsg-notify/images")
              : directory)
    , m_maxBytes(maxBytes)
    , m_network(new QNetworkAccessManager(this))
{
    QDir().mkpath(m_directory);
    auto *http = new QNetworkDiskCache(m_network);
    http->setCacheDirectory(m_directory + QStringLiteral("/http"));
    // Half the bound for HTTP's own cache, the rest for the written images.
    http->setMaximumCacheSize(m_maxBytes / 2);
    m_network->setCache(http);
    m_network->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

IconCache::~IconCache() = default;

QString IconCache::pathFor(const QUrl &url) const
{
    const QByteArray hash =
        QCryptographicHash::hash(url.toEncoded(), QCryptographicHash::Sha1).toHex();
    return m_directory + QLatin1Char('/') + QString::fromLatin1(hash);
}

QString IconCache::cachedPath(const QUrl &url) const
{
    const QString path = pathFor(url);
    return QFileInfo::exists(path) ? path : QString();
}

void IconCache::fetch(const QUrl &url, std::chrono::milliseconds bound, QObject *context, Done done)
{
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QStringLiteral("http") && scheme != QStringLiteral("https"))) {
        done({});
        return;
    }
    if (const QString path = cachedPath(url); !path.isEmpty()) {
        done(path);
        return;
    }
    if (const auto failed = m_failedAt.constFind(url); failed != m_failedAt.cend()) {
        if (std::chrono::steady_clock::now() - *failed < RetryAfter) {
            done({});
            return;
        }
        m_failedAt.erase(failed);
    }
    auto waiter = std::make_shared<Waiter>(Waiter { context, std::move(done) });
    // The bound: the caller goes on without the image; the download continues for next time.
    QTimer::singleShot(bound, context ? context : this, [waiter] {
        if (!waiter->called) {
            waiter->called = true;
            waiter->done({});
        }
    });
    const bool started = m_waiting.contains(url);
    m_waiting[url].append(waiter);
    if (started)
        return;
    ++m_downloads;
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::PreferCache);
    request.setTransferTimeout(30000);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64 total) {
        if (received > MaxBytesPerImage || total > MaxBytesPerImage)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, url] {
        finished(reply, url);
    });
}

void IconCache::finished(QNetworkReply *reply, const QUrl &url)
{
    reply->deleteLater();
    const QList<std::shared_ptr<Waiter>> waiters = m_waiting.take(url);
    QString path;
    if (reply->error() != QNetworkReply::NoError) {
        qCInfo(lcNotify) << "image not fetched:" << url.toDisplayString() << reply->errorString();
    } else {
        QByteArray bytes = reply->readAll();
        if (bytes.size() <= MaxBytesPerImage && m_transform)
            bytes = m_transform(bytes);
        if (!bytes.isEmpty() && bytes.size() <= MaxBytesPerImage) {
            QSaveFile out(pathFor(url));
            if (out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size() && out.commit())
                path = out.fileName();
            else
                qCWarning(lcNotify) << "cannot write image" << out.fileName() << out.errorString();
        }
    }
    if (path.isEmpty())
        m_failedAt.insert(url, std::chrono::steady_clock::now());
    for (const auto &waiter : waiters) {
        if (waiter->called || !waiter->context)
            continue;
        waiter->called = true;
        waiter->done(path);
    }
    if (!path.isEmpty())
        prune();
}

void IconCache::prune()
{
    QDir dir(m_directory);
    QFileInfoList files = dir.entryInfoList(QDir::Files, QDir::Time | QDir::Reversed);
    qint64 total = 0;
    for (const QFileInfo &f : std::as_const(files))
        total += f.size();
    // Oldest first (QDir::Time sorts newest first; Reversed gives oldest first).
    for (const QFileInfo &f : std::as_const(files)) {
        if (total <= m_maxBytes / 2)
            break;
        total -= f.size();
        QFile::remove(f.filePath());
    }
}

} // namespace fedmsg
