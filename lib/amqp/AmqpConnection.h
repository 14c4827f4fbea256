// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "amqp/AmqpAddress.h"
#include "json/JsonValue.h"

#include <QByteArray>
#include <QString>

#include <amqp.h>

#include <optional>

namespace fedmsg {

/// @brief How to reach and log in to a broker.
struct AmqpConnectOptions
{
    AmqpAddress address;
    QString caCertFile; ///< every certificate in the file is trusted (TLS only)
    QString certFile; ///< client certificate; with keyFile -> SASL EXTERNAL
    QString keyFile;
    QString loginIdentity { QStringLiteral("fedora") }; ///< EXTERNAL response (must not be empty)
    int heartbeatSeconds = 60;
    int timeoutMs = 15000; ///< TCP connect, TLS + AMQP handshake, and each RPC
    QString appName { QStringLiteral("fedmsg-notify") };
    QString appUrl { QStringLiteral("https://github.com/fedora-infra/fedmsg-notify") };
};

/// @brief A broker error: AMQP reply code (403, 404, 406, 320 ...) or 0 for library errors.
struct AmqpError
{
    int code = 0;
    QString text;
    bool channelClosed = false; ///< the channel is gone; open another one
    bool connectionLost = false; ///< the connection is gone; reconnect
};

/**
 * @brief One rabbitmq-c connection (RAII). Not thread-safe: one owner thread.
 *
 * TLS: TLS 1.2 or later, peer and host name verification (rabbitmq-c's own check), SNI with the
 * URL host; OpenSSL's default (not strict) X.509 verification, because Fedora's production CA
 * fails X509_STRICT. Login: SASL EXTERNAL with loginIdentity when a client certificate is set
 * (rabbitmq-c 0.11 fails on an empty identity), PLAIN with the URL's user and password otherwise.
 * Client properties carry app, app_url and capabilities.consumer_cancel_notify = true.
 */
class AmqpConnection
{
public:
    AmqpConnection() = default;
    ~AmqpConnection();
    AmqpConnection(const AmqpConnection &) = delete;
    AmqpConnection &operator=(const AmqpConnection &) = delete;
    AmqpConnection(AmqpConnection &&) = delete;
    AmqpConnection &operator=(AmqpConnection &&) = delete;

    bool open(const AmqpConnectOptions &options, AmqpError *error);
    /// Polite connection.close, waiting at most timeoutMs for close-ok; then frees everything.
    void close(int timeoutMs = 2000);
    /// Frees everything without talking to the broker.
    void abort();
    bool isOpen() const { return m_state != nullptr; }
    amqp_connection_state_t state() const { return m_state; }
    int socketFd() const;
    int negotiatedHeartbeat() const;
    bool usesTls() const { return m_tls; }
    /// Whether rabbitmq-c holds unread bytes or frames (poll() on the fd is not enough then).
    bool hasBufferedInput() const;

    bool openChannel(int channel, AmqpError *error);
    void closeChannel(int channel);
    /// queue.declare; *nameOut gets the broker's name (server-generated when name is empty).
    bool declareQueue(int channel,
        const QString &name,
        bool passive,
        bool durable,
        bool exclusive,
        bool autoDelete,
        const JsonValue &arguments,
        AmqpError *error,
        QString *nameOut = nullptr,
        quint32 *messageCount = nullptr);
    bool deleteQueue(int channel, const QString &name, AmqpError *error);
    bool bindQueue(int channel,
        const QString &queue,
        const QString &exchange,
        const QString &routingKey,
        AmqpError *error);
    bool unbindQueue(int channel,
        const QString &queue,
        const QString &exchange,
        const QString &routingKey,
        AmqpError *error);
    bool qos(int channel, int prefetchCount, AmqpError *error);
    bool consume(
        int channel, const QString &queue, AmqpError *error, QString *consumerTag = nullptr);
    bool confirmSelect(int channel, AmqpError *error);
    bool ack(int channel, quint64 deliveryTag, bool multiple, AmqpError *error);
    bool reject(int channel, quint64 deliveryTag, bool requeue, AmqpError *error);
    bool publish(int channel,
        const QString &exchange,
        const QString &routingKey,
        const amqp_basic_properties_t &properties,
        const QByteArray &body,
        AmqpError *error);

    /// Turns an RPC reply into an error; answers a server channel/connection close with close-ok.
    bool checkReply(const amqp_rpc_reply_t &reply, int channel, const char *what, AmqpError *error);
    /// Handles a library status code (AMQP_STATUS_*); false + error when it is not OK.
    static bool checkStatus(int status, const char *what, AmqpError *error);
    /// Answers a connection.close / channel.close method the broker sent unasked.
    AmqpError handleServerClose(const amqp_frame_t &frame);

    static amqp_bytes_t bytes(const QByteArray &utf8);
    static QString toQString(amqp_bytes_t bytes);

private:
    /// A TCP or TLS socket for @p options; nullptr and *failure when it cannot be set up.
    amqp_socket_t *newSocket(const AmqpConnectOptions &options, QString *failure);
    /// SASL EXTERNAL with a client certificate over TLS, PLAIN otherwise.
    amqp_rpc_reply_t login(const AmqpConnectOptions &options);

    amqp_connection_state_t m_state = nullptr;
    bool m_tls = false;
    int m_timeoutMs = 15000;
};

} // namespace fedmsg
