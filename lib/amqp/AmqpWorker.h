// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "amqp/AmqpBackoff.h"
#include "amqp/AmqpConnection.h"
#include "amqp/AmqpMessageMapper.h"
#include "bus/BusConfig.h"
#include "bus/EndpointStatus.h"
#include "message/Envelope.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QObject>
#include <QStringList>

#include <optional>
#include <vector>

namespace fedmsg {

/**
 * @brief The AMQP consumer loop of one bus; lives on AmqpSource's worker thread.
 *
 * run() blocks in poll() on the AMQP socket and an eventfd, with the heartbeat as the only
 * timeout (half the negotiated heartbeat, so rabbitmq-c can send ours and notice a dead peer);
 * the request*() methods (any thread) queue a command and write the eventfd. Nothing polls
 * periodically. Delivery tags handed out are (channel generation << 40 | AMQP tag), so an ack
 * for a delivery of an older channel is recognised and skipped (the broker redelivers it).
 */
class AmqpWorker : public QObject
{
    Q_OBJECT
public:
    static constexpr int TagBits = 40;

    explicit AmqpWorker(const BusConfig &config, QObject *parent = nullptr);
    ~AmqpWorker() override;
    Q_DISABLE_COPY_MOVE(AmqpWorker)

    // Thread-safe; return at once.
    void requestStop();
    void requestAck(const QList<quint64> &tags);
    void requestReconfigure(const BusConfig &config);
    void requestReconnect();

    /// Whether a queue name is one the public broker lets us declare (8-4-4-4-12 word chars).
    static bool isAcceptableQueueName(const QString &name);

public Q_SLOTS:
    void run();

Q_SIGNALS:
    void envelopesReceived(const QList<fedmsg::Envelope> &batch);
    void endpointStatusChanged(const fedmsg::EndpointStatus &status);
    void messageDropped(const QString &busName, const QString &endpoint, const QString &reason);
    void queueNameAssigned(const QString &busName, const QString &queueName);
    void gapDetected(const QString &busName, const QDateTime &since);

private:
    struct Commands
    {
        bool stop = false;
        bool reconnect = false;
        std::vector<quint64> acks;
        std::optional<BusConfig> config;
    };

    void wake() const;
    void drainWake() const;
    Commands takeCommands();
    bool waitForWake(int timeoutMs); ///< true when woken by a command
    bool processCommands(); ///< false when asked to stop
    void applyConfig(const BusConfig &config);

    bool connectAndSetup();
    bool setupConsumer(QString *error);
    bool chooseQueue(AmqpError *error); ///< a fresh name, or the broker's for a transient queue
    bool ensureQueue(AmqpError *error); ///< re-creates a queue the broker lost (a gap)
    bool bindAndConsume(AmqpError *error);
    void nextGeneration();
    void rebind(const QStringList &patterns);
    void serviceConnection();
    void readAvailable();
    void acceptDelivery(const AmqpDelivery &delivery);
    void handleUnexpectedFrame();
    void connectionLost(const QString &reason);
    void teardown(bool polite);
    void flushBatch();

    void setState(EndpointStatus::State state, const QString &detail, int retryInSeconds = 0);
    void emitStatus(bool force);
    QString currentUrl() const;

    BusConfig m_config;
    QStringList m_patterns;
    AmqpMessageMapper m_mapper;
    AmqpConnection m_conn;
    AmqpBackoff m_backoff;
    int m_wakeFd = -1;
    QMutex m_mutex;
    Commands m_pending;

    int m_endpointIndex = 0;
    int m_channel = 1;
    quint64 m_generation = 0;
    bool m_consuming = false;
    bool m_permanentFailure = false;
    bool m_queueKnown = false; ///< a queue of ours existed before (settings or this session)
    QString m_queue;
    QString m_brokerHost;
    QDateTime m_lastActiveAt;
    QList<Envelope> m_batch;
    QMap<QString, EndpointStatus> m_status;
    quint64 m_reportedReceived = 0;
    quint64 m_reportedDropped = 0;
};

} // namespace fedmsg
