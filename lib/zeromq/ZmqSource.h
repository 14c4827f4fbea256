// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "bus/Source.h"
#include "zeromq/CurveKeyPair.h"
#include "zeromq/ZmqQueueStats.h"
#include "zeromq/ZmqTuning.h"

#include <QHash>
#include <QThread>

#include <memory>

namespace fedmsg {

class CurveKeyStore;
class TrustStore;
class ZmqWorker;
struct ZmqWorkerShared;

/**
 * @brief fedmsg subscriber: one SUB socket per endpoint URL on a worker thread.
 *
 * The worker (ZmqWorker) blocks in zmq_poll without timeout; start/stop/reconfigure/reconnect
 * are commands on an inproc PAIR socket, so an idle source wakes nobody. Envelopes arrive
 * validated with the bus's TrustConfig, in batches of up to ZmqTuning::batchSize, through a
 * queue bounded by ZmqTuning::maxQueuedBytes / maxQueuedMessages (oldest dropped and counted
 * when this thread falls behind; see queueStats()).
 *
 * A connection libzmq drops for good (a message over its ZMQ_MAXMSGSIZE) is re-established and
 * reported in the endpoint's status (EndpointStatus::oversizeRefused).
 *
 * Endpoints with a curveServerKey use CURVE; the client key pair comes from
 * setCurveClientKeys() or else from the keychain (CurveKeyStore, created on first use).
 *
 * With signature validation on, https:// CA/CRL locations (Fedora's ssl.py) are downloaded
 * (TrustStore, created on first use) before the worker starts, and fetched again when a chain
 * check fails (a CRL was renewed); a failed download is reported through Source::warning().
 */
class ZmqSource : public Source
{
    Q_OBJECT
public:
    explicit ZmqSource(const BusConfig &config, QObject *parent = nullptr);
    ~ZmqSource() override;
    Q_DISABLE_COPY_MOVE(ZmqSource)

    void start() override;
    void stop() override;
    void reconfigure(const BusConfig &config) override;
    BusConfig config() const override { return m_config; }
    void reconnectNow() override;

    bool isRunning() const { return m_state != RunState::Stopped; }
    void setTuning(const ZmqTuning &tuning) { m_tuning = tuning; } ///< before start()
    ZmqTuning tuning() const { return m_tuning; }
    /// Uses these keys for CURVE endpoints instead of the keychain.
    void setCurveClientKeys(const CurveKeyPair &keys);
    /// Tells the worker's validator to re-read its CA/CRL (done on TrustStore::updated()).
    void reloadTrust();
    /// Linux thread id of the worker (for tests measuring wakeups); 0 when not running.
    long workerThreadId() const;
    /// Last known state of every endpoint.
    QList<EndpointStatus> endpointStatuses() const { return m_statuses.values(); }
    /// The queue between the worker and this thread: what is in flight, its peak and bound,
    /// and how many messages were dropped because this thread fell behind.
    ZmqQueueStats queueStats() const;

Q_SIGNALS:
    /// The worker is up and its sockets are connecting.
    void started();

private:
    enum class RunState { Stopped, WaitingForTrust, WaitingForKeys, Running };
    bool needsCurve() const;
    bool needsTrustDownload() const;
    TrustStore *trustStore();
    void startAfterTrust();
    void startWorker();
    void sendCommand(const char *command);
    void onQueueReady();
    void onStatus(const fedmsg::EndpointStatus &status);
    void onKeysReady(const QString &bus, const fedmsg::CurveKeyPair &keys);
    void onKeysFailed(const QString &bus, const QString &error);

    BusConfig m_config;
    ZmqTuning m_tuning;
    CurveKeyPair m_curveKeys;
    QString m_curveError;
    bool m_curveKeysGiven = false;
    RunState m_state = RunState::Stopped;
    quint64 m_generation = 0; ///< bumps on stop: queued signals of an old worker are ignored
    QThread m_thread;
    ZmqWorker *m_worker = nullptr;
    std::shared_ptr<ZmqWorkerShared> m_shared;
    void *m_control = nullptr; ///< our end of the control PAIR (owner thread only)
    CurveKeyStore *m_keyStore = nullptr;
    TrustStore *m_trustStore = nullptr;
    QHash<QString, EndpointStatus> m_statuses;
    bool m_delivering = false; ///< inside onQueueReady (a consumer may re-enter the event loop)
};

} // namespace fedmsg
