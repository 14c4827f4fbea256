// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace fedmsg {

/**
 * @brief Service icons and avatars as local files for notification servers (image-path).
 *
 * Downloads go through a QNetworkAccessManager with a QNetworkDiskCache (HTTP caching) in
 * `<directory>/http`; each image is then written once, after the optional transform (the app
 * scales to at most 128 px; lib/ stays free of Qt Gui), as `<directory>/<sha1 of the URL>`.
 * cachedPath() answers from disk only, so cached icons show offline. fetch() calls back within
 * its bound whatever happens (with an empty path when the image is not there yet; a late
 * download is still stored for the next popup). Only http/https URLs are fetched; a body over
 * MaxBytesPerImage is refused. A URL that failed is not asked again for RetryAfter (offline, each
 * popup would otherwise wait for it). The folder is kept under its size bound (oldest first).
 */
class IconCache : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 DefaultMaxBytes = qint64 { 20 } * 1024 * 1024;
    static constexpr qint64 MaxBytesPerImage = qint64 { 1024 } * 1024;
    static constexpr std::chrono::minutes RetryAfter { 10 };
    using Transform = std::function<QByteArray(const QByteArray &)>;
    using Done = std::function<void(const QString &path)>;

    /// @p directory: empty = `$XDG_CACHE_HOME/fedmsg-notify/images`.
    explicit IconCache(const QString &directory = {},
        qint64 maxBytes = DefaultMaxBytes,
        QObject *parent = nullptr);
    ~IconCache() override;
    Q_DISABLE_COPY_MOVE(IconCache)

    /// Applied to downloaded bytes before they are written (e.g. scale to 128 px); an empty
    /// result refuses the image (not an image).
    void setTransform(Transform transform) { m_transform = std::move(transform); }
    /// The file for @p url if it is on disk already (no network), else empty.
    QString cachedPath(const QUrl &url) const;
    /// Calls @p done (on @p context's thread, not if it is gone) with the file for @p url within
    /// @p bound: at once when cached, when the download finishes, or empty when the bound passes.
    void fetch(const QUrl &url, std::chrono::milliseconds bound, QObject *context, Done done);
    QString directory() const { return m_directory; }
    /// Downloads started (for tests and the log).
    int downloads() const { return m_downloads; }

private:
    struct Waiter
    {
        QPointer<QObject> context;
        Done done;
        bool called = false;
    };
    QString pathFor(const QUrl &url) const;
    void finished(QNetworkReply *reply, const QUrl &url);
    void prune();

    QString m_directory;
    qint64 m_maxBytes;
    QNetworkAccessManager *m_network = nullptr;
    Transform m_transform;
    QHash<QUrl, QList<std::shared_ptr<Waiter>>> m_waiting;
    QHash<QUrl, std::chrono::steady_clock::time_point> m_failedAt;
    int m_downloads = 0;
};

} // namespace fedmsg
