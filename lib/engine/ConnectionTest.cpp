// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "engine/ConnectionTest.h"

#include "amqp/AmqpAddress.h"
#include "bus/BusLogging.h"
#include "bus/Source.h"
#include "bus/StatusReason.h"
#include "engine/Transports.h"

#include <QTcpSocket>
#include <QUrl>

namespace fedmsg {

namespace {
/// Our sentence for Qt's socket error (Qt's own text may be in another language, or English).
StatusReason::Kind socketReason(QAbstractSocket::SocketError error)
{
    using K = StatusReason::Kind;
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return K::ConnectionRefused;
    case QAbstractSocket::HostNotFoundError:
        return K::NameResolutionFailed;
    case QAbstractSocket::SocketTimeoutError:
        return K::Timeout;
    case QAbstractSocket::NetworkError:
        return K::HostUnreachable;
    case QAbstractSocket::RemoteHostClosedError:
        return K::ConnectionClosed;
    default:
        return K::Unknown;
    }
}
} // namespace

ConnectionTest::ConnectionTest(QObject *parent)
    : QObject(parent)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        finish(false,
            tr("no answer within %1 s")
                .arg(std::chrono::duration_cast<std::chrono::seconds>(
                    std::chrono::milliseconds(m_timeout.interval()))
                         .count()));
    });
}

ConnectionTest::~ConnectionTest()
{
    cancel();
}

void ConnectionTest::start(const BusConfig &bus, std::chrono::milliseconds timeout)
{
    cancel();
    m_bus = bus;
    m_bus.enabled = true;
    m_bus.configError.clear();
    // The connection is tested, not the messages: no CA/CRL download, no durable queue.
    m_bus.trust.validateSignatures = false;
    m_bus.amqp.transientQueue = true;
    m_bus.amqp.queueName.clear();
    m_bus.silenceReconnectMs = 0;
    m_running = true;
    m_connected.clear();
    m_timeout.start(timeout);
    if (m_bus.endpoints.isEmpty()) {
        finish(false, tr("the bus has no endpoint"));
        return;
    }
    if (m_bus.transport == BusConfig::Transport::ZeroMq)
        probeTcp();
    else
        startSource();
}

void ConnectionTest::probeTcp()
{
    m_tcpPending = 0;
    for (const BusEndpoint &e : std::as_const(m_bus.endpoints)) {
        if (!e.url.startsWith(QLatin1String("tcp://")))
            continue;
        const QString hostPort = e.url.mid(6);
        const qsizetype colon = hostPort.lastIndexOf(QLatin1Char(':'));
        QString host = hostPort.left(colon);
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
        const int port = hostPort.mid(colon + 1).toInt();
        auto *socket = new QTcpSocket(this);
        m_sockets.append(socket);
        ++m_tcpPending;
        const QString url = e.url;
        connect(socket, &QTcpSocket::connected, this, [this, socket] {
            socket->abort();
            socket->deleteLater();
            if (--m_tcpPending == 0 && m_running)
                startSource();
        });
        connect(socket, &QTcpSocket::errorOccurred, this, [this, socket, url] {
            const QString why = socket->errorString();
            const QString reason = StatusReason::text(socketReason(socket->error()));
            qCInfo(lcBus).noquote() << "connection test:" << url << why;
            socket->deleteLater();
            finish(false, url + QStringLiteral(": ") + (reason.isEmpty() ? why : reason));
        });
        socket->connectToHost(host, quint16(port));
    }
    if (m_tcpPending == 0)
        startSource();
}

void ConnectionTest::startSource()
{
    QString error;
    m_source.reset(Transports::createSource(m_bus, nullptr, &error));
    if (!m_source) {
        finish(false, error);
        return;
    }
    connect(m_source.get(), &Source::endpointStatusChanged, this, &ConnectionTest::onStatus);
    m_source->start();
}

void ConnectionTest::onStatus(const EndpointStatus &status)
{
    if (!m_running || status.busName != m_bus.name)
        return;
    using S = EndpointStatus::State;
    switch (status.state) {
    case S::Connected: {
        m_connected.insert(status.url, true);
        if (m_connected.size() < m_bus.endpoints.size())
            return;
        if (m_bus.transport == BusConfig::Transport::Amqp) {
            finish(true, tr("logged in to %1").arg(shownUrl(status.url)));
        } else {
            finish(true,
                m_bus.endpoints.size() == 1
                    ? tr("connected to %1").arg(m_bus.endpoints.first().url)
                    : tr("connected to all %1 endpoints").arg(m_bus.endpoints.size()));
        }
        return;
    }
    case S::Failed:
    case S::Retrying:
    case S::Disconnected:
        finish(false,
            shownUrl(status.url) + QStringLiteral(": ")
                + (status.detail.isEmpty() ? EndpointStatus::stateName(status.state)
                                           : StatusReason::userText(status.detail)));
        return;
    case S::Connecting:
    case S::Stopped:
        return;
    }
}

QString ConnectionTest::shownUrl(const QString &url) const
{
    if (m_bus.transport != BusConfig::Transport::Amqp)
        return url;
    const auto address = AmqpAddress::parse(url, m_bus.amqp.vhost);
    return address ? address->displayUrl() : url; // never the password
}

void ConnectionTest::finish(bool ok, const QString &detail)
{
    if (!m_running)
        return;
    cancel();
    Q_EMIT finished(ok, detail);
}

void ConnectionTest::cancel()
{
    m_running = false;
    m_timeout.stop();
    for (const QPointer<QTcpSocket> &socket : std::as_const(m_sockets))
        if (socket) {
            socket->disconnect(this);
            socket->abort();
            socket->deleteLater();
        }
    m_sockets.clear();
    if (m_source) {
        m_source->disconnect(this);
        m_source->stop();
        m_source.reset();
    }
}

} // namespace fedmsg
