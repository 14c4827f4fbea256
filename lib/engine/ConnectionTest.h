// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "bus/BusConfig.h"
#include "bus/EndpointStatus.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <chrono>
#include <memory>

class QTcpSocket;

namespace fedmsg {

class Source;

/**
 * @brief "Test connection" for a bus being edited: really connects, then says whether it
 * worked and why not.
 *
 * fedmsg (ZeroMQ): each tcp:// endpoint is first reached with a plain TCP connection (so a
 * refused or unreachable endpoint is reported with the system's reason), then a ZeroMQ
 * subscriber (the bus's own Source, CURVE key from the keychain included) must complete its
 * handshake. fedora-messaging (AMQP): the bus's Source logs in to the broker and declares a
 * transient queue (nothing durable is left behind). Signatures are not checked: this tests the
 * connection, not the messages. finished() comes once, with the first failure or when every
 * endpoint is connected, or after the timeout ("no answer within N s").
 * @code
 * auto *test = new ConnectionTest(this);
 * connect(test, &ConnectionTest::finished, this, [](bool ok, const QString &detail) { ... });
 * test->start(bus);
 * @endcode
 */
class ConnectionTest : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionTest(QObject *parent = nullptr);
    ~ConnectionTest() override;
    Q_DISABLE_COPY_MOVE(ConnectionTest)

    void start(const BusConfig &bus, std::chrono::milliseconds timeout = std::chrono::seconds(20));
    /// Stops a running test; finished() is not emitted.
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void finished(bool ok, const QString &detail);

private:
    void probeTcp();
    void startSource();
    void onStatus(const EndpointStatus &status);
    void finish(bool ok, const QString &detail);
    /// @p url as it may be shown: an AMQP URL without its password.
    QString shownUrl(const QString &url) const;

    BusConfig m_bus;
    bool m_running = false;
    QTimer m_timeout;
    std::unique_ptr<Source> m_source;
    QHash<QString, bool> m_connected; ///< endpoint URL -> handshake done
    QList<QPointer<QTcpSocket>> m_sockets;
    int m_tcpPending = 0;
};

} // namespace fedmsg
