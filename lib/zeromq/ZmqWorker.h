// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "bus/BusConfig.h"
#include "bus/EndpointStatus.h"
#include "message/Envelope.h"
#include "zeromq/CurveKeyPair.h"
#include "zeromq/ZmqQueueStats.h"
#include "zeromq/ZmqTuning.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QSemaphore>

#include <QHash>

#include <atomic>
#include <deque>
#include <memory>
#include <utility>

namespace fedmsg {

/// @brief What ZmqSource and its worker share; everything else goes over the control socket.
struct ZmqWorkerShared
{
    /// One envelope waiting for the owner, with its size on the wire.
    struct Queued
    {
        Envelope envelope;
        qint64 bytes = 0;
    };

    QMutex mutex;
    BusConfig config; ///< guarded by mutex; read by the worker on "reconfigure"
    CurveKeyPair curveKeys; ///< guarded by mutex
    QString curveError; ///< why there are no keys (guarded by mutex)
    ZmqTuning tuning; ///< set before start
    void *context = nullptr; ///< the worker's zmq context, valid between ready and finished
    QSemaphore ready; ///< released once the control socket is bound (or setup failed)
    QString setupError;
    std::atomic<long> threadId { 0 }; ///< Linux tid of the worker thread

    // The bounded queue to the owner. The worker appends and drops the oldest beyond the
    // bound; the owner takes a batch at a time. One queued notification at a time
    // (notifyPending), so nothing grows in the owner's event queue while it is busy.
    QMutex queueMutex;
    std::deque<Queued> queue; ///< guarded by queueMutex
    qint64 queuedBytes = 0; ///< guarded: bytes in queue
    qint64 deliveringBytes = 0; ///< guarded: taken by the owner, not yet processed
    qsizetype deliveringCount = 0; ///< guarded
    bool notifyPending = false; ///< guarded
    QHash<QString, EndpointStatus> counterUpdates; ///< guarded: latest status per endpoint
    /// guarded: (endpoint, reason) of dropped messages, at most MaxDropReasons; the rest is
    /// counted in dropReasonsSuppressed.
    QList<std::pair<QString, QString>> dropReasons;
    quint64 dropReasonsSuppressed = 0; ///< guarded
    static constexpr qsizetype MaxDropReasons = 64;
    qint64 maxQueuedBytes = 0; ///< set before start
    qsizetype maxQueuedMessages = 0; ///< set before start
    /// guarded: the worker stopped reading because maxQueuedMessages were waiting; the owner
    /// clears it and sends "resume" once half of them are taken.
    bool readingPaused = false;
    std::atomic<quint64> readPauses { 0 }; ///< how often reading was paused (backpressure)
    std::atomic<qint64> peakInFlightBytes { 0 };
    std::atomic<quint64> received { 0 };
    std::atomic<quint64> overflowDropped { 0 };
};

/**
 * @brief The loop of a ZmqSource on its own thread: owns the zmq context and every socket.
 *
 * Blocks in zmq_poll without timeout over the SUB sockets, their monitor sockets and the inproc
 * control PAIR. Control commands: "stop", "reconfigure", "reconnect",
 * "reload-trust".
 */
class ZmqWorker : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *ControlAddress = "inproc://fedmsg-control";

    explicit ZmqWorker(std::shared_ptr<ZmqWorkerShared> shared);
    ~ZmqWorker() override;
    Q_DISABLE_COPY_MOVE(ZmqWorker)

public Q_SLOTS:
    void run();

Q_SIGNALS:
    /// Envelopes, counters or drop reasons wait in ZmqWorkerShared; emitted when none was
    /// pending.
    void queueReady();
    /// A change of state (connecting, connected, ...), in order.
    void statusChanged(const fedmsg::EndpointStatus &status);
    /// The validator wants its remote CA/CRL downloaded again (chain check failed).
    void trustRefreshRequested(const QString &busName);
    void finished();

private:
    struct Endpoint;
    struct Private;
    std::shared_ptr<ZmqWorkerShared> m_shared;
    std::unique_ptr<Private> d; // NOLINT(readability-identifier-naming): the d-pointer idiom
};

} // namespace fedmsg
