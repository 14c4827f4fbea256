// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// lib/amqp: the fedora-messaging side of the buses (AMQP 0.9.1 on RabbitMQ via rabbitmq-c): the
// consuming Source, the publisher, the Fedora broker presets and the fedora-messaging config
// reader. It turns deliveries into Envelopes and nothing more: it must never render, store,
// de-duplicate (History does) or touch the UI, and never weaken TLS verification.

#include "bus/Source.h"

#include <QDateTime>
#include <QPointer>

class QThread;

namespace fedmsg {

class AmqpWorker;

/**
 * @brief Consumes a fedora-messaging broker into Envelopes (at-least-once).
 *
 * One connection per bus on a worker thread (AmqpWorker): TLS with client certificate and SASL
 * EXTERNAL, a private UUID-named queue (neither exclusive nor auto-delete, x-expires 1 h) that
 * buffers messages while the applet is offline (or, with config.amqp.transientQueue, a
 * server-named exclusive auto-delete queue that ends with the connection), one binding on
 * amq.topic per pattern from AmqpTopicPatterns::fromSubscriptions(config.topics), prefetch
 * config.amqp.prefetch, manual
 * acks: a delivery is acknowledged only when acknowledge() gets its Envelope::deliveryTag,
 * which the pipeline calls after History stored it. Reconnects with exponential backoff and
 * jitter; reconnectNow() skips the wait.
 * @code
 * auto *src = new AmqpSource(AmqpPresets::fedoraProduction(), this);
 * connect(src, &Source::queueNameAssigned, &settings, &Settings::setAmqpQueueName);
 * connect(history, &History::stored, src, [src](const QList<StoreResult> &results) {
 *     QList<quint64> tags;
 *     for (const StoreResult &r : results)
 *         tags.append(r.deliveryTag);
 *     src->acknowledge(tags); // only now may the broker forget them
 * });
 * src->start();
 * @endcode
 */
class AmqpSource : public Source
{
    Q_OBJECT
public:
    explicit AmqpSource(BusConfig config, QObject *parent = nullptr);
    ~AmqpSource() override;
    Q_DISABLE_COPY_MOVE(AmqpSource)

    void start() override;
    void stop() override;
    void reconfigure(const BusConfig &config) override;
    BusConfig config() const override { return m_config; }
    void reconnectNow() override;
    void acknowledge(const QList<quint64> &deliveryTags) override;
    bool isAtLeastOnce() const override { return true; }
    bool isRunning() const { return m_worker != nullptr; }

    // Source::queueNameAssigned: a new queue name was generated (none configured, or the
    // configured one was unusable): persist it (Settings::setAmqpQueueName) so the next start
    // resumes the same queue.
    // Source::gapDetected: the broker had lost our queue (expired after 1 h without consumer,
    // broker restart, deleted): messages between since and now are missing. since is invalid
    // when unknown (the first connection of this process: use the newest message in history).

private:
    BusConfig m_config;
    QThread *m_thread = nullptr;
    AmqpWorker *m_worker = nullptr;
    quint64 m_run = 0;
};

} // namespace fedmsg
