// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "trust/TrustConfig.h"
#include "trust/TrustMaterial.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <chrono>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace fedmsg {

/**
 * @brief Keeps the CA and CRL of https:// trust locations downloaded (asynchronously).
 *
 * Lives on the thread that created it (normally the GUI/main thread) and never blocks.
 * Downloads go to TrustLocations::localPathFor(url) (QStandardPaths::CacheLocation/trust/),
 * written atomically, so Validators on any thread simply read files. A cached CRL is fetched
 * again when its nextUpdate has passed (one single-shot timer, no polling) and whenever
 * refresh() is called after a verification failure (rate-limited). Local paths need nothing.
 *
 * Wiring: give each Validator a refresh handler that queues TrustStore::refresh(config) to this
 * object's thread, and on updated() tell the Validators to reloadMaterial().
 */
class TrustStore : public QObject
{
    Q_OBJECT

public:
    explicit TrustStore(QObject *parent = nullptr);
    ~TrustStore() override;
    Q_DISABLE_COPY_MOVE(TrustStore)

    /// Uses this manager (not owned) instead of an internal one, e.g. for a custom TLS setup.
    void setNetworkAccessManager(QNetworkAccessManager *manager);
    /// Minimum time between two refresh() downloads of one URL (default 5 minutes).
    void setMinimumRefreshInterval(std::chrono::seconds interval);

    /// Downloads the remote locations of config that have no cached copy, or whose cached CRL
    /// is past its nextUpdate. Emits ready(config) (queued) once nothing is in flight for it.
    void ensure(const TrustConfig &config);
    /// Downloads the remote locations of config again (fedmsg's reload after a failure).
    void refresh(const TrustConfig &config);
    /// True while a download of url is running.
    bool isFetching(const QString &url) const;

    /// The material of config from local files and cached downloads (synchronous, no network).
    static std::shared_ptr<const TrustMaterial> load(
        const TrustConfig &config, QString *error = nullptr);

Q_SIGNALS:
    /// A download replaced the cached copy of location (a URL).
    void updated(const QString &location);
    /// No download for config is in flight any more (after ensure()); failures were reported
    /// through failed(), so the material may still be missing.
    void ready(const fedmsg::TrustConfig &config);
    /// A download failed after its retries; the previous cached copy (if any) stays in use.
    void failed(const QString &location, const QString &reason);

private:
    struct Fetch;
    void fetch(const QString &url, bool isCrl, bool force);
    void startAttempt(const QString &url);
    void onFinished(const QString &url, QNetworkReply *reply);
    void scheduleCrlCheck(const QString &url, const QDateTime &nextUpdate);
    void checkPendingReady();
    QNetworkAccessManager *manager();

    QNetworkAccessManager *m_manager = nullptr;
    QNetworkAccessManager *m_ownManager = nullptr;
    std::chrono::seconds m_minRefreshInterval { 300 };
    QHash<QString, std::shared_ptr<Fetch>> m_fetches;
    QList<TrustConfig> m_waitingForReady;
};

} // namespace fedmsg
