// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "bus/BusConfig.h"
#include "bus/CurveKeyPair.h"
#include "bus/EndpointStatus.h"
#include "bus/ZmqTuning.h"
#include "message/Envelope.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QSemaphore>

#include <atomic>
#include <memory>

namespace fedmsg {

/// @brief What ZmqSource and its worker share; everything else goes over the control socket.
struct ZmqWorkerShared
{
    QMutex mutex;
    BusConfig config; ///< guarded by mutex; read by the worker on "reconfigure"
    CurveKeyPair curveKeys; ///< guarded by mutex
    QString curveError; ///< why there are no keys (guarded by mutex)
    ZmqTuning tuning; ///< set before start
    void *context = nullptr; ///< the worker's zmq context, valid between ready and finished
    QSemaphore ready; ///< released once the control socket is bound (or setup failed)
    QString setupError;
    std::atomic<long> threadId { 0 }; ///< Linux tid of the worker thread
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

public Q_SLOTS:
    void run();

Q_SIGNALS:
    void batchReady(const QList<fedmsg::Envelope> &batch);
    void statusChanged(const fedmsg::EndpointStatus &status);
    void messageDropped(const QString &busName, const QString &endpoint, const QString &reason);
    /// The validator wants its remote CA/CRL downloaded again (chain check failed).
    void trustRefreshRequested(const QString &busName);
    void finished();

private:
    struct Endpoint;
    struct Private;
    std::shared_ptr<ZmqWorkerShared> m_shared;
    std::unique_ptr<Private> d;
};

} // namespace fedmsg
