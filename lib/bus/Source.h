// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// lib/bus: the contract of where messages come from. A Source owns its transport and worker
// thread (lib/zeromq, lib/amqp); nothing downstream knows which transport it was. bus must never
// use render, history or the UI.

#include "bus/BusConfig.h"
#include "bus/EndpointStatus.h"
#include "message/Envelope.h"

#include <QDateTime>
#include <QList>
#include <QObject>

namespace fedmsg {

/**
 * @brief What the rest of the pipeline sees of a transport (ZeroMQ subscriber, AMQP consumer).
 *
 * All methods are called on the owner's (GUI) thread and return at once; the work happens on
 * the source's own worker thread. Envelopes arrive already validated (trust() set), in batches.
 * @code
 * std::unique_ptr<Source> src(Transports::createSource(config, nullptr, &error));
 * connect(src, &Source::envelopesReceived, pipeline, &Pipeline::onEnvelopes);
 * src->start();
 * @endcode
 */
class Source : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~Source() override = default;
    Q_DISABLE_COPY_MOVE(Source)

    virtual void start() = 0;
    /// Stops promptly; no signal is emitted after it returns except the final Stopped states.
    virtual void stop() = 0;
    virtual void reconfigure(const BusConfig &config) = 0;
    virtual BusConfig config() const = 0;
    /// Reconnect every endpoint now (resume from suspend, network came back).
    virtual void reconnectNow() = 0;
    /// At-least-once sources acknowledge these (Envelope::deliveryTag) after history committed
    /// them; fire-and-forget sources ignore it.
    virtual void acknowledge(const QList<quint64> &deliveryTags) { Q_UNUSED(deliveryTags) }
    /// Whether acknowledge() matters for this source.
    virtual bool isAtLeastOnce() const { return false; }

Q_SIGNALS:
    void envelopesReceived(const QList<fedmsg::Envelope> &batch);
    void endpointStatusChanged(const fedmsg::EndpointStatus &status);
    /// A message that could not become an envelope (reason says why); the next one still flows.
    void messageDropped(const QString &busName, const QString &endpoint, const QString &reason);
    /// Something the user should hear of that stops nothing, e.g. a trust anchor (CA/CRL) that
    /// could not be downloaded: the cached copy, if any, stays in use.
    void warning(const QString &busName, const QString &text);
    /// A source made up its private queue's name (AMQP); keep it so restarts reuse the queue.
    void queueNameAssigned(const QString &busName, const QString &queueName);
    /// The source lost its queue (AMQP: broker restart, expiry): messages since then may be
    /// missing.
    void gapDetected(const QString &busName, const QDateTime &since);
};

} // namespace fedmsg
