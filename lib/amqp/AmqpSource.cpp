// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "amqp/AmqpSource.h"

#include "amqp/AmqpLogging.h"
#include "amqp/AmqpWorker.h"
#include "trust/CryptoThreadState.h"

#include <QMetaObject>
#include <QThread>

namespace fedmsg {

namespace {
constexpr int StopWaitMs = 3000;
}

AmqpSource::AmqpSource(BusConfig config, QObject *parent)
    : Source(parent)
    , m_config(std::move(config))
{
    qRegisterMetaType<fedmsg::Envelope>();
    qRegisterMetaType<QList<fedmsg::Envelope>>();
    qRegisterMetaType<fedmsg::EndpointStatus>();
}

AmqpSource::~AmqpSource()
{
    AmqpSource::stop(); // this class's stop, explicitly: no dispatch during destruction
}

void AmqpSource::start()
{
    if (m_worker) {
        return;
    }
    const quint64 run = ++m_run;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("amqp:") + m_config.name);
    CryptoThreadState::releaseWhenFinished(m_thread);
    m_worker = new AmqpWorker(m_config);
    m_worker->moveToThread(m_thread);
    // Worker signals arrive queued; the run number drops anything queued before stop().
    connect(m_worker, &AmqpWorker::envelopesReceived, this, [this, run](const QList<Envelope> &b) {
        if (run == m_run && m_worker) {
            Q_EMIT envelopesReceived(b);
        }
    });
    connect(
        m_worker, &AmqpWorker::endpointStatusChanged, this, [this, run](const EndpointStatus &s) {
            if (run == m_run && m_worker) {
                Q_EMIT endpointStatusChanged(s);
            }
        });
    connect(m_worker,
        &AmqpWorker::messageDropped,
        this,
        [this, run](const QString &bus, const QString &endpoint, const QString &reason) {
            if (run == m_run && m_worker) {
                Q_EMIT messageDropped(bus, endpoint, reason);
            }
        });
    connect(m_worker,
        &AmqpWorker::queueNameAssigned,
        this,
        [this, run](const QString &bus, const QString &queue) {
            if (run == m_run && m_worker) {
                m_config.amqp.queueName = queue;
                Q_EMIT queueNameAssigned(bus, queue);
            }
        });
    connect(m_worker,
        &AmqpWorker::gapDetected,
        this,
        [this, run](const QString &bus, const QDateTime &since) {
            if (run == m_run && m_worker) {
                Q_EMIT gapDetected(bus, since);
            }
        });
    m_thread->start();
    QMetaObject::invokeMethod(m_worker, &AmqpWorker::run, Qt::QueuedConnection);
}

void AmqpSource::stop()
{
    if (!m_worker) {
        return;
    }
    ++m_run;
    AmqpWorker *worker = m_worker;
    QThread *thread = m_thread;
    m_worker = nullptr;
    m_thread = nullptr;
    worker->disconnect(this);
    worker->requestStop();
    thread->quit();
    if (thread->wait(StopWaitMs)) {
        delete worker;
        delete thread;
    } else {
        // Stuck in a TCP/TLS handshake (bounded by its timeout): let it finish on its own.
        qCInfo(lcAmqp).noquote() << m_config.name << "worker still connecting; detached";
        QObject::connect(thread, &QThread::finished, worker, &QObject::deleteLater);
        QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    }
    for (const BusEndpoint &e : std::as_const(m_config.endpoints)) {
        EndpointStatus s;
        s.busName = m_config.name;
        s.url = e.url;
        s.state = EndpointStatus::State::Stopped;
        Q_EMIT endpointStatusChanged(s);
    }
}

void AmqpSource::reconfigure(const BusConfig &config)
{
    BusConfig next = config;
    if (next.amqp.queueName.isEmpty()) {
        next.amqp.queueName = m_config.amqp.queueName;
    }
    m_config = next;
    if (m_worker) {
        m_worker->requestReconfigure(next);
    }
}

void AmqpSource::reconnectNow()
{
    if (m_worker) {
        m_worker->requestReconnect();
    }
}

void AmqpSource::acknowledge(const QList<quint64> &deliveryTags)
{
    if (m_worker && !deliveryTags.isEmpty()) {
        m_worker->requestAck(deliveryTags);
    }
}

} // namespace fedmsg
