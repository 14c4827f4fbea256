// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "zeromq/ZmqSource.h"

#include "bus/BusLogging.h"
#include "trust/CryptoThreadState.h"
#include "trust/TrustLocations.h"
#include "trust/TrustStore.h"
#include "zeromq/CurveKeyStore.h"
#include "zeromq/ZmqWorker.h"

#include <QCoreApplication>

#include <zmq.h>

namespace fedmsg {

namespace {
constexpr int WorkerSetupTimeoutMs = 10000;

/// Counters only grow: keeps the larger of each.
void mergeCounters(EndpointStatus &into, const EndpointStatus &from)
{
    into.received = std::max(into.received, from.received);
    into.dropped = std::max(into.dropped, from.dropped);
    into.reconnects = std::max(into.reconnects, from.reconnects);
    into.oversizeRefused = std::max(into.oversizeRefused, from.oversizeRefused);
    into.overflowDropped = std::max(into.overflowDropped, from.overflowDropped);
    if (from.lastMessageAt.isValid()
        && (!into.lastMessageAt.isValid() || from.lastMessageAt > into.lastMessageAt))
        into.lastMessageAt = from.lastMessageAt;
}
} // namespace

ZmqSource::ZmqSource(const BusConfig &config, QObject *parent)
    : Source(parent)
    , m_config(config)
{
    qRegisterMetaType<fedmsg::Envelope>();
    qRegisterMetaType<QList<fedmsg::Envelope>>();
    qRegisterMetaType<fedmsg::EndpointStatus>();
    qRegisterMetaType<fedmsg::CurveKeyPair>();
    m_thread.setObjectName(QStringLiteral("zmq:") + config.name);
    CryptoThreadState::releaseWhenFinished(&m_thread);
}

ZmqSource::~ZmqSource()
{
    ZmqSource::stop(); // not virtual here: a subclass is gone by now
}

void ZmqSource::setCurveClientKeys(const CurveKeyPair &keys)
{
    m_curveKeys = keys;
    m_curveKeysGiven = keys.isValid();
    m_curveError.clear();
    if (m_state == RunState::Running) {
        {
            QMutexLocker lock(&m_shared->mutex);
            m_shared->curveKeys = keys;
            m_shared->curveError.clear();
        }
        sendCommand("reconfigure");
    }
}

long ZmqSource::workerThreadId() const
{
    return m_shared ? m_shared->threadId.load() : 0;
}

bool ZmqSource::needsCurve() const
{
    return std::any_of(
        m_config.endpoints.begin(), m_config.endpoints.end(), [](const BusEndpoint &e) {
            return !e.curveServerKey.isEmpty();
        });
}

bool ZmqSource::needsTrustDownload() const
{
    return m_config.trust.validateSignatures
        && (TrustLocations::isRemote(TrustLocations::effectiveCaLocation(m_config.trust.caLocation))
            || TrustLocations::isRemote(m_config.trust.crlLocation));
}

TrustStore *ZmqSource::trustStore()
{
    if (!m_trustStore) {
        m_trustStore = new TrustStore(this);
        connect(m_trustStore, &TrustStore::ready, this, [this](const TrustConfig &ready) {
            if (m_state == RunState::WaitingForTrust && ready == m_config.trust)
                startAfterTrust();
        });
        connect(m_trustStore, &TrustStore::updated, this, &ZmqSource::reloadTrust);
        connect(m_trustStore,
            &TrustStore::failed,
            this,
            [this](const QString &location, const QString &reason) {
                Q_EMIT warning(
                    m_config.name, QStringLiteral("cannot download %1: %2").arg(location, reason));
            });
    }
    return m_trustStore;
}

void ZmqSource::start()
{
    if (m_state != RunState::Stopped)
        return;
    if (needsTrustDownload()) {
        m_state = RunState::WaitingForTrust;
        trustStore()->ensure(m_config.trust);
        return;
    }
    startAfterTrust();
}

void ZmqSource::startAfterTrust()
{
    if (needsCurve() && !m_curveKeys.isValid()) {
        m_state = RunState::WaitingForKeys;
        if (!m_keyStore) {
            m_keyStore = new CurveKeyStore(this);
            connect(m_keyStore, &CurveKeyStore::keysReady, this, &ZmqSource::onKeysReady);
            connect(m_keyStore, &CurveKeyStore::keysFailed, this, &ZmqSource::onKeysFailed);
        }
        m_keyStore->fetch(m_config.name);
        return;
    }
    startWorker();
}

void ZmqSource::onKeysReady(const QString &bus, const CurveKeyPair &keys)
{
    if (bus != m_config.name)
        return;
    const bool lateAfterFailure = m_state == RunState::Running && !m_curveError.isEmpty();
    m_curveKeys = keys;
    m_curveError.clear();
    if (m_state == RunState::WaitingForKeys) {
        startWorker();
    } else if (lateAfterFailure) {
        // The keychain answered after all (e.g. unlocked after the timeout): the CURVE endpoints
        // that failed for want of a key connect now.
        qCInfo(lcBus) << "CURVE client key for bus" << bus << "arrived; reconnecting";
        stop();
        startWorker();
    }
}

void ZmqSource::onKeysFailed(const QString &bus, const QString &error)
{
    if (bus != m_config.name)
        return;
    qCWarning(lcBus) << "no CURVE client key for bus" << bus << ":" << error;
    m_curveError = error;
    if (m_state == RunState::WaitingForKeys)
        startWorker(); // the CURVE endpoints report Failed with the reason; the others work
}

void ZmqSource::startWorker()
{
    m_shared = std::make_shared<ZmqWorkerShared>();
    m_shared->config = m_config;
    m_shared->curveKeys = m_curveKeys;
    m_shared->curveError = m_curveError;
    m_shared->tuning = m_tuning;
    m_worker = new ZmqWorker(m_shared); // no parent: it moves to m_thread
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::started, m_worker, &ZmqWorker::run);
    connect(m_worker, &ZmqWorker::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &ZmqWorker::queueReady, this, &ZmqSource::onQueueReady);
    connect(m_worker, &ZmqWorker::statusChanged, this, &ZmqSource::onStatus);
    connect(m_worker, &ZmqWorker::trustRefreshRequested, this, [this] {
        if (m_state == RunState::Running)
            trustStore()->refresh(m_config.trust);
    });
    m_thread.start();
    if (!m_shared->ready.tryAcquire(1, WorkerSetupTimeoutMs) || !m_shared->context) {
        qCWarning(lcBus) << "ZeroMQ worker for" << m_config.name
                         << "did not start:" << m_shared->setupError;
        m_thread.quit();
        m_thread.wait();
        m_worker = nullptr;
        m_state = RunState::Stopped;
        for (const BusEndpoint &e : std::as_const(m_config.endpoints)) {
            EndpointStatus s;
            s.busName = m_config.name;
            s.url = e.url;
            s.state = EndpointStatus::State::Failed;
            s.detail = m_shared->setupError;
            Q_EMIT endpointStatusChanged(s);
        }
        return;
    }
    m_control = zmq_socket(m_shared->context, ZMQ_PAIR);
    const int linger = 0;
    zmq_setsockopt(m_control, ZMQ_LINGER, &linger, sizeof linger);
    zmq_connect(m_control, ZmqWorker::ControlAddress);
    m_state = RunState::Running;
    Q_EMIT started();
}

void ZmqSource::sendCommand(const char *command)
{
    if (!m_control)
        return;
    // inproc PAIR: the peer is bound already, so this does not block in practice.
    if (zmq_send(m_control, command, std::strlen(command), 0) < 0)
        qCWarning(lcBus) << "control command" << command << "failed:" << zmq_strerror(zmq_errno());
}

void ZmqSource::stop()
{
    if (m_state == RunState::Stopped)
        return;
    const bool wasRunning = m_state == RunState::Running;
    m_state = RunState::Stopped;
    if (wasRunning) {
        sendCommand("stop");
        // Our socket must be closed before the worker's zmq_ctx_term() can return.
        zmq_close(m_control);
        m_control = nullptr;
        m_thread.quit();
        m_thread.wait();
        m_worker = nullptr;
        m_shared.reset();
        // Whatever the worker queued before it stopped is not delivered.
        QCoreApplication::removePostedEvents(this, QEvent::MetaCall);
    }
    for (EndpointStatus &status : m_statuses) {
        status.state = EndpointStatus::State::Stopped;
        status.detail.clear();
        status.retryInSeconds = 0;
        Q_EMIT endpointStatusChanged(status);
    }
}

void ZmqSource::reconfigure(const BusConfig &config)
{
    if (config == m_config)
        return;
    const bool curveBefore = needsCurve();
    m_config = config;
    if (m_state == RunState::WaitingForTrust && needsTrustDownload())
        trustStore()->ensure(config.trust); // ready() is awaited for the new locations
    else if (m_state == RunState::WaitingForTrust)
        startAfterTrust();
    // Forget endpoints that are gone, so statuses stay a picture of the current config.
    for (auto it = m_statuses.begin(); it != m_statuses.end();) {
        const bool kept = std::any_of(
            config.endpoints.begin(), config.endpoints.end(), [&](const BusEndpoint &e) {
                return e.url == it.key();
            });
        it = kept ? std::next(it) : m_statuses.erase(it);
    }
    if (m_state == RunState::Running) {
        if (!curveBefore && needsCurve() && !m_curveKeys.isValid()) {
            // Keys are needed now: restart through the keychain.
            stop();
            start();
            return;
        }
        {
            QMutexLocker lock(&m_shared->mutex);
            m_shared->config = config;
            m_shared->curveKeys = m_curveKeys;
            m_shared->curveError = m_curveError;
        }
        sendCommand("reconfigure");
    }
}

void ZmqSource::reloadTrust()
{
    if (m_state == RunState::Running)
        sendCommand("reload-trust");
}

void ZmqSource::reconnectNow()
{
    if (m_state == RunState::Running)
        sendCommand("reconnect");
}

ZmqQueueStats ZmqSource::queueStats() const
{
    ZmqQueueStats stats;
    if (!m_shared)
        return stats;
    QMutexLocker lock(&m_shared->queueMutex);
    stats.inFlightBytes = m_shared->queuedBytes + m_shared->deliveringBytes;
    stats.maxInFlightBytes = m_shared->maxQueuedBytes;
    stats.peakInFlightBytes = m_shared->peakInFlightBytes.load();
    stats.received = m_shared->received.load();
    stats.overflowDropped = m_shared->overflowDropped.load();
    stats.readPauses = m_shared->readPauses.load();
    return stats;
}

void ZmqSource::onQueueReady()
{
    if (m_delivering || !m_shared)
        return; // the running call goes on with what is queued
    const std::shared_ptr<ZmqWorkerShared> shared = m_shared; // stop() may reset m_shared
    m_delivering = true;
    QList<Envelope> batch;
    qint64 bytes = 0;
    QList<EndpointStatus> counters;
    QList<std::pair<QString, QString>> dropReasons;
    quint64 suppressed = 0;
    {
        QMutexLocker lock(&shared->queueMutex);
        const qsizetype n =
            std::min<qsizetype>(qsizetype(shared->queue.size()), std::max(1, m_tuning.batchSize));
        batch.reserve(n);
        for (qsizetype i = 0; i < n; ++i) {
            bytes += shared->queue.front().bytes;
            batch.append(std::move(shared->queue.front().envelope));
            shared->queue.pop_front();
        }
        shared->queuedBytes -= bytes;
        shared->deliveringBytes += bytes;
        shared->deliveringCount += n;
        counters = shared->counterUpdates.values();
        shared->counterUpdates.clear();
        dropReasons.swap(shared->dropReasons);
        suppressed = std::exchange(shared->dropReasonsSuppressed, 0);
        // Set until this call is done: a notification while the consumer runs would be lost.
        shared->notifyPending = true;
    }
    for (const EndpointStatus &s : std::as_const(counters)) {
        // State changes come with statusChanged, in order; these only bring counters.
        const auto it = m_statuses.constFind(s.url);
        if (it == m_statuses.constEnd()) {
            onStatus(s);
            continue;
        }
        EndpointStatus merged = *it;
        mergeCounters(merged, s);
        onStatus(merged);
    }
    if (m_state == RunState::Running) {
        for (const auto &[endpoint, reason] : std::as_const(dropReasons))
            Q_EMIT messageDropped(m_config.name, endpoint, reason);
        if (suppressed > 0)
            Q_EMIT messageDropped(m_config.name,
                QString(),
                QStringLiteral("%1 more messages dropped (reasons not kept)").arg(suppressed));
    }
    if (!batch.isEmpty() && m_state == RunState::Running)
        Q_EMIT envelopesReceived(batch); // the consumer's processing holds the batch's bytes
    bool more = false;
    bool resume = false;
    {
        QMutexLocker lock(&shared->queueMutex);
        shared->deliveringBytes -= bytes;
        shared->deliveringCount -= batch.size();
        more = !shared->queue.empty() || !shared->counterUpdates.isEmpty()
            || !shared->dropReasons.isEmpty() || shared->dropReasonsSuppressed > 0;
        shared->notifyPending = more; // else the worker notifies on its next round
        if (shared->readingPaused
            && qsizetype(shared->queue.size()) + shared->deliveringCount
                <= shared->maxQueuedMessages / 2) {
            shared->readingPaused = false;
            resume = true;
        }
    }
    if (resume && m_shared == shared)
        sendCommand("resume");
    m_delivering = false;
    if (more && m_shared == shared) // one batch per event: the owner's thread stays responsive
        QMetaObject::invokeMethod(this, &ZmqSource::onQueueReady, Qt::QueuedConnection);
}

void ZmqSource::onStatus(const EndpointStatus &status)
{
    if (m_state != RunState::Running)
        return;
    EndpointStatus s = status;
    const auto it = m_statuses.constFind(status.url);
    if (it != m_statuses.constEnd())
        mergeCounters(s, *it); // a counter update may have been newer than this state change
    m_statuses.insert(s.url, s);
    Q_EMIT endpointStatusChanged(s);
}

} // namespace fedmsg
