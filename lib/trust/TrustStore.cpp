// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "trust/TrustStore.h"

#include "trust/TrustLocations.h"
#include "trust/TrustLogging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSaveFile>
#include <QTimer>
#include <QUrl>

#include <algorithm>

namespace fedmsg {

namespace {

constexpr int MaxAttempts = 3; // fedmsg: requests with 3 retries
constexpr int TransferTimeoutMs = 30000; // fedmsg: 30 s timeout
constexpr qint64 MaxDownloadBytes = qint64 { 16 } * 1024 * 1024;
constexpr qint64 MaxTimerMs = 24LL * 3600 * 1000; // QTimer takes an int; re-arm daily

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.read(MaxDownloadBytes) : QByteArray();
}

// Why downloaded data is not a usable CRL (isCrl) or certificate: empty when it is. A CRL's
// nextUpdate goes to *nextUpdate.
QString problemWithDownload(bool isCrl, const QByteArray &data, QDateTime *nextUpdate)
{
    if (!isCrl) {
        QString err;
        if (!TrustMaterial::fromPem(data, QByteArray(), &err))
            return err;
        return {};
    }
    *nextUpdate = TrustMaterial::crlNextUpdateOf(data);
    if (!TrustMaterial::isPemCrl(data))
        return QStringLiteral("not a PEM CRL");
    return {};
}

} // namespace

struct TrustStore::Fetch
{
    bool isCrl = false;
    QPointer<QNetworkReply> reply;
    bool retryPending = false;
    int attempt = 0;
    QDateTime lastStarted;
    QTimer *crlTimer = nullptr;
};

TrustStore::TrustStore(QObject *parent)
    : QObject(parent)
{}

TrustStore::~TrustStore()
{
    for (const auto &f : std::as_const(m_fetches)) {
        if (f->reply) {
            disconnect(f->reply, nullptr, this, nullptr);
            f->reply->abort();
        }
    }
}

void TrustStore::setNetworkAccessManager(QNetworkAccessManager *manager)
{
    m_manager = manager;
}

void TrustStore::setMinimumRefreshInterval(std::chrono::seconds interval)
{
    m_minRefreshInterval = interval;
}

QNetworkAccessManager *TrustStore::manager()
{
    if (m_manager)
        return m_manager;
    if (!m_ownManager) {
        m_ownManager = new QNetworkAccessManager(this);
        m_ownManager->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    }
    return m_ownManager;
}

bool TrustStore::isFetching(const QString &url) const
{
    auto it = m_fetches.constFind(url);
    return it != m_fetches.constEnd() && ((*it)->reply != nullptr || (*it)->retryPending);
}

std::shared_ptr<const TrustMaterial> TrustStore::load(const TrustConfig &config, QString *error)
{
    const QString ca =
        TrustLocations::localPathFor(TrustLocations::effectiveCaLocation(config.caLocation));
    const QString crl =
        config.crlLocation.isEmpty() ? QString() : TrustLocations::localPathFor(config.crlLocation);
    return TrustMaterial::fromFiles(ca, crl, error);
}

void TrustStore::ensure(const TrustConfig &config)
{
    const QString ca = TrustLocations::effectiveCaLocation(config.caLocation);
    if (TrustLocations::isRemote(ca))
        fetch(ca, false, false);
    if (TrustLocations::isRemote(config.crlLocation))
        fetch(config.crlLocation, true, false);
    m_waitingForReady.append(config);
    QMetaObject::invokeMethod(this, &TrustStore::checkPendingReady, Qt::QueuedConnection);
}

void TrustStore::refresh(const TrustConfig &config)
{
    const QString ca = TrustLocations::effectiveCaLocation(config.caLocation);
    if (TrustLocations::isRemote(ca))
        fetch(ca, false, true);
    if (TrustLocations::isRemote(config.crlLocation))
        fetch(config.crlLocation, true, true);
}

void TrustStore::fetch(const QString &url, bool isCrl, bool force)
{
    std::shared_ptr<Fetch> &f = m_fetches[url];
    if (!f)
        f = std::make_shared<Fetch>();
    f->isCrl = isCrl;
    if (f->reply || f->retryPending)
        return; // already downloading
    const QString path = TrustLocations::localPathFor(url);
    if (!force && QFileInfo::exists(path)) {
        if (!isCrl)
            return;
        const QDateTime next = TrustMaterial::crlNextUpdateOf(readFile(path));
        if (next.isValid() && next > QDateTime::currentDateTimeUtc()) {
            scheduleCrlCheck(url, next);
            return;
        }
        if (f->lastStarted.isValid()
            && f->lastStarted.secsTo(QDateTime::currentDateTimeUtc())
                < std::max<std::int64_t>(m_minRefreshInterval.count(), 60)) {
            return; // downloaded moments ago and still stale: the server has nothing newer yet
        }
        qCInfo(lcTrust) << "cached CRL" << url << "is past its nextUpdate; downloading";
    }
    if (force && f->lastStarted.isValid()
        && f->lastStarted.secsTo(QDateTime::currentDateTimeUtc()) < m_minRefreshInterval.count()) {
        qCDebug(lcTrust) << "not refreshing" << url << "again so soon";
        return;
    }
    f->attempt = 0;
    startAttempt(url);
}

void TrustStore::startAttempt(const QString &url)
{
    std::shared_ptr<Fetch> f = m_fetches.value(url);
    if (!f)
        return;
    f->retryPending = false;
    ++f->attempt;
    f->lastStarted = QDateTime::currentDateTimeUtc();
    QNetworkRequest request { QUrl(url) };
    request.setTransferTimeout(TransferTimeoutMs);
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = manager()->get(request);
    f->reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, url, reply] {
        onFinished(url, reply);
    });
}

void TrustStore::onFinished(const QString &url, QNetworkReply *reply)
{
    reply->deleteLater();
    std::shared_ptr<Fetch> f = m_fetches.value(url);
    if (!f)
        return;
    f->reply = nullptr;
    QString why;
    QByteArray data;
    const QNetworkReply::NetworkError code = reply->error();
    // Connection, TLS, timeout, proxy and server-side (5xx) errors are worth retrying.
    const bool transient = (code > 0 && code < 200) || (code >= 401 && code < 500);
    if (code != QNetworkReply::NoError) {
        why = reply->errorString();
    } else {
        data = reply->read(MaxDownloadBytes + 1);
        if (data.size() > MaxDownloadBytes)
            why = QStringLiteral("download larger than %1 bytes").arg(MaxDownloadBytes);
    }
    QDateTime nextUpdate;
    if (why.isEmpty())
        why = problemWithDownload(f->isCrl, data, &nextUpdate);
    if (!why.isEmpty()) {
        if (transient && f->attempt < MaxAttempts) {
            qCInfo(lcTrust) << "download of" << url << "failed:" << why << "- retrying";
            f->retryPending = true;
            QTimer::singleShot(1000 * f->attempt, this, [this, url] {
                startAttempt(url);
            });
            return;
        }
        qCWarning(lcTrust) << "download of" << url << "failed:" << why;
        Q_EMIT failed(url, why);
        checkPendingReady();
        return;
    }
    const QString path = TrustLocations::localPathFor(url);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(data) != data.size() || !out.commit()) {
        Q_EMIT failed(url, QStringLiteral("cannot write %1: %2").arg(path, out.errorString()));
        checkPendingReady();
        return;
    }
    qCInfo(lcTrust) << "downloaded" << url << "to" << path;
    if (f->isCrl && nextUpdate.isValid())
        scheduleCrlCheck(url, nextUpdate);
    Q_EMIT updated(url);
    checkPendingReady();
}

void TrustStore::scheduleCrlCheck(const QString &url, const QDateTime &nextUpdate)
{
    std::shared_ptr<Fetch> f = m_fetches.value(url);
    if (!f)
        return;
    if (!f->crlTimer) {
        f->crlTimer = new QTimer(this);
        f->crlTimer->setSingleShot(true);
        connect(f->crlTimer, &QTimer::timeout, this, [this, url] {
            fetch(url, true, false);
        });
    }
    const qint64 ms = std::clamp<qint64>(
        QDateTime::currentDateTimeUtc().msecsTo(nextUpdate) + 1000, 0, MaxTimerMs);
    f->crlTimer->start(static_cast<int>(ms));
}

void TrustStore::checkPendingReady()
{
    for (qsizetype i = m_waitingForReady.size() - 1; i >= 0; --i) {
        const TrustConfig config = m_waitingForReady.at(i);
        const QString ca = TrustLocations::effectiveCaLocation(config.caLocation);
        bool busy = false;
        for (const QString &loc : { ca, config.crlLocation }) {
            if (TrustLocations::isRemote(loc) && isFetching(loc))
                busy = true;
        }
        if (busy)
            continue;
        m_waitingForReady.removeAt(i);
        Q_EMIT ready(config);
    }
}

} // namespace fedmsg
