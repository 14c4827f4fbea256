// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "amqp/AmqpConnection.h"

#include "amqp/AmqpLogging.h"
#include "amqp/AmqpTable.h"

#include <QFileInfo>

#include <amqp_ssl_socket.h>
#include <amqp_tcp_socket.h>

#include <sys/time.h>

namespace fedmsg {

namespace {

timeval toTimeval(int ms)
{
    timeval tv {};
    tv.tv_sec = ms / 1000;
    tv.tv_usec = static_cast<suseconds_t>((ms % 1000) * 1000);
    return tv;
}

QString statusText(int status)
{
    return QString::fromUtf8(amqp_error_string2(status));
}

/// librabbitmq's amqp_boolean_t is an int.
amqp_boolean_t amqpFlag(bool on)
{
    return on ? 1 : 0;
}

bool hasClientCertificate(const AmqpConnectOptions &o)
{
    return !o.certFile.isEmpty() && !o.keyFile.isEmpty();
}

/// SASL EXTERNAL (the client certificate's identity) rather than PLAIN (user and password).
bool externalLogin(const AmqpConnectOptions &o)
{
    return hasClientCertificate(o) && o.address.tls;
}

/// TLS 1.2 or later with peer and host name verification against the CA file, and the client
/// certificate when there is one; the problem, or "" when the socket is ready.
QString setUpTls(amqp_socket_t *socket, const AmqpConnectOptions &o)
{
    amqp_ssl_socket_set_ssl_versions(socket, AMQP_TLSv1_2, AMQP_TLSvLATEST);
    amqp_ssl_socket_set_verify_peer(socket, 1);
    amqp_ssl_socket_set_verify_hostname(socket, 1);
    if (o.caCertFile.isEmpty()) {
        return QStringLiteral("no CA certificate file configured for %1").arg(o.address.host);
    }
    for (const QString &f : { o.caCertFile, o.certFile, o.keyFile }) {
        if (!f.isEmpty() && !QFileInfo(f).isReadable()) {
            return QStringLiteral("cannot read %1").arg(f);
        }
    }
    const QByteArray ca = QFile::encodeName(o.caCertFile);
    int rc = amqp_ssl_socket_set_cacert(socket, ca.constData());
    if (rc != AMQP_STATUS_OK) {
        return QStringLiteral("CA file %1: %2").arg(o.caCertFile, statusText(rc));
    }
    if (!hasClientCertificate(o)) {
        return {};
    }
    const QByteArray cert = QFile::encodeName(o.certFile);
    const QByteArray key = QFile::encodeName(o.keyFile);
    rc = amqp_ssl_socket_set_key(socket, cert.constData(), key.constData());
    if (rc != AMQP_STATUS_OK) {
        return QStringLiteral("client certificate %1 / key %2: %3")
            .arg(o.certFile, o.keyFile, statusText(rc));
    }
    return {};
}

/// app, app_url and capabilities.consumer_cancel_notify = true.
JsonValue clientProperties(const AmqpConnectOptions &o)
{
    JsonValue caps = JsonValue::emptyObject();
    caps.insert("consumer_cancel_notify", JsonValue(true));
    JsonValue props = JsonValue::emptyObject();
    props.insert("app", JsonValue(o.appName));
    if (!o.appUrl.isEmpty()) {
        props.insert("app_url", JsonValue(o.appUrl));
    }
    props.insert("capabilities", caps);
    return props;
}

} // namespace

AmqpConnection::~AmqpConnection()
{
    abort();
}

amqp_bytes_t AmqpConnection::bytes(const QByteArray &utf8)
{
    amqp_bytes_t b;
    b.len = static_cast<size_t>(utf8.size());
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-const-cast): amqp_bytes_t is never const
    b.bytes = utf8.isEmpty() ? nullptr : const_cast<char *>(utf8.constData());
    return b;
}

QString AmqpConnection::toQString(amqp_bytes_t b)
{
    if (!b.bytes || b.len == 0) {
        return {};
    }
    return QString::fromUtf8(static_cast<const char *>(b.bytes), static_cast<qsizetype>(b.len));
}

bool AmqpConnection::checkStatus(int status, const char *what, AmqpError *error)
{
    if (status >= 0) {
        return true;
    }
    if (error) {
        error->code = 0;
        error->text = QStringLiteral("%1: %2").arg(QLatin1String(what), statusText(status));
        error->connectionLost = status == AMQP_STATUS_CONNECTION_CLOSED
            || status == AMQP_STATUS_SOCKET_ERROR || status == AMQP_STATUS_HEARTBEAT_TIMEOUT
            || status == AMQP_STATUS_SSL_ERROR || status == AMQP_STATUS_TIMEOUT
            || status == AMQP_STATUS_SOCKET_CLOSED || status == AMQP_STATUS_BAD_AMQP_DATA
            || status == AMQP_STATUS_UNEXPECTED_STATE || status == AMQP_STATUS_TCP_ERROR;
        error->channelClosed = error->connectionLost;
    }
    return false;
}

AmqpError AmqpConnection::handleServerClose(const amqp_frame_t &frame)
{
    AmqpError e;
    if (frame.frame_type != AMQP_FRAME_METHOD) {
        return e;
    }
    if (frame.payload.method.id == AMQP_CONNECTION_CLOSE_METHOD) {
        const auto *m = static_cast<const amqp_connection_close_t *>(frame.payload.method.decoded);
        e.code = m->reply_code;
        e.text = QStringLiteral("broker closed the connection: %1 %2")
                     .arg(m->reply_code)
                     .arg(toQString(m->reply_text));
        e.connectionLost = true;
        e.channelClosed = true;
        amqp_connection_close_ok_t ok {};
        amqp_send_method(m_state, 0, AMQP_CONNECTION_CLOSE_OK_METHOD, &ok);
    } else if (frame.payload.method.id == AMQP_CHANNEL_CLOSE_METHOD) {
        const auto *m = static_cast<const amqp_channel_close_t *>(frame.payload.method.decoded);
        e.code = m->reply_code;
        e.text = QStringLiteral("broker closed channel %1: %2 %3")
                     .arg(frame.channel)
                     .arg(m->reply_code)
                     .arg(toQString(m->reply_text));
        e.channelClosed = true;
        amqp_channel_close_ok_t ok {};
        amqp_send_method(m_state, frame.channel, AMQP_CHANNEL_CLOSE_OK_METHOD, &ok);
    }
    return e;
}

bool AmqpConnection::checkReply(
    const amqp_rpc_reply_t &reply, int channel, const char *what, AmqpError *error)
{
    AmqpError e;
    switch (reply.reply_type) {
    case AMQP_RESPONSE_NORMAL:
        return true;
    case AMQP_RESPONSE_NONE:
        e.text = QStringLiteral("%1: missing RPC reply").arg(QLatin1String(what));
        e.connectionLost = true;
        break;
    case AMQP_RESPONSE_LIBRARY_EXCEPTION:
        checkStatus(reply.library_error, what, &e);
        break;
    case AMQP_RESPONSE_SERVER_EXCEPTION: {
        amqp_frame_t frame {};
        frame.frame_type = AMQP_FRAME_METHOD;
        frame.channel = static_cast<amqp_channel_t>(
            reply.reply.id == AMQP_CONNECTION_CLOSE_METHOD ? 0 : channel);
        frame.payload.method = reply.reply;
        e = handleServerClose(frame);
        e.text = QStringLiteral("%1: %2").arg(QLatin1String(what), e.text);
        break;
    }
    }
    if (error) {
        *error = e;
    }
    return false;
}

bool AmqpConnection::open(const AmqpConnectOptions &o, AmqpError *error)
{
    abort();
    m_timeoutMs = o.timeoutMs;
    m_tls = o.address.tls;
    auto fail = [&](const QString &text, int code = 0) {
        if (error) {
            error->code = code;
            error->text = text;
            error->connectionLost = true;
            error->channelClosed = true;
        }
        abort();
        return false;
    };
    m_state = amqp_new_connection();
    if (!m_state) {
        return fail(QStringLiteral("out of memory"));
    }
    const timeval tv = toTimeval(o.timeoutMs);
    amqp_set_handshake_timeout(m_state, &tv);
    amqp_set_rpc_timeout(m_state, &tv);

    QString failure;
    amqp_socket_t *socket = newSocket(o, &failure);
    if (!socket) {
        return fail(failure);
    }
    const QByteArray host = o.address.host.toUtf8();
    timeval connectTv = tv;
    const int rc = amqp_socket_open_noblock(socket, host.constData(), o.address.port, &connectTv);
    if (rc != AMQP_STATUS_OK) {
        return fail(QStringLiteral("connecting to %1:%2: %3")
                        .arg(o.address.host)
                        .arg(o.address.port)
                        .arg(statusText(rc)));
    }
    if (!externalLogin(o) && o.address.user.isEmpty()) {
        return fail(QStringLiteral("no client certificate and no user name for %1")
                        .arg(o.address.displayUrl()));
    }
    const amqp_rpc_reply_t reply = login(o);
    AmqpError e;
    if (!checkReply(reply, 0, "login", &e)) {
        if (e.code == 0 && reply.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION) {
            e.text = QStringLiteral("TCP connection started but the TLS or AMQP handshake failed "
                                    "(%1)")
                         .arg(e.text);
        }
        return fail(e.text, e.code);
    }
    return true;
}

amqp_socket_t *AmqpConnection::newSocket(const AmqpConnectOptions &o, QString *failure)
{
    if (!o.address.tls) {
        amqp_socket_t *socket = amqp_tcp_socket_new(m_state);
        if (!socket) {
            *failure = QStringLiteral("cannot create a TCP socket");
        }
        return socket;
    }
    amqp_socket_t *socket = amqp_ssl_socket_new(m_state);
    if (!socket) {
        *failure = QStringLiteral("cannot create a TLS socket");
        return nullptr;
    }
    *failure = setUpTls(socket, o);
    return failure->isEmpty() ? socket : nullptr;
}

amqp_rpc_reply_t AmqpConnection::login(const AmqpConnectOptions &o)
{
    // Client properties: rabbitmq-c merges its own (product, version, capabilities) with these.
    const JsonValue properties = clientProperties(o);
    AmqpTable table;
    const amqp_table_t &clientTable = table.build(properties);
    const QByteArray vhost = o.address.vhost.toUtf8();
    if (externalLogin(o)) {
        const QByteArray identity =
            o.loginIdentity.isEmpty() ? QByteArrayLiteral("fedora") : o.loginIdentity.toUtf8();
        return amqp_login_with_properties(m_state,
            vhost.constData(),
            128,
            131072,
            o.heartbeatSeconds,
            &clientTable,
            AMQP_SASL_METHOD_EXTERNAL,
            identity.constData());
    }
    const QByteArray user = o.address.user.toUtf8();
    const QByteArray password = o.address.password.toUtf8();
    return amqp_login_with_properties(m_state,
        vhost.constData(),
        128,
        131072,
        o.heartbeatSeconds,
        &clientTable,
        AMQP_SASL_METHOD_PLAIN,
        user.constData(),
        password.constData());
}

void AmqpConnection::close(int timeoutMs)
{
    if (!m_state) {
        return;
    }
    const timeval tv = toTimeval(timeoutMs);
    amqp_set_rpc_timeout(m_state, &tv);
    amqp_connection_close(m_state, AMQP_REPLY_SUCCESS);
    abort();
}

void AmqpConnection::abort()
{
    if (m_state) {
        amqp_destroy_connection(m_state);
        m_state = nullptr;
    }
}

int AmqpConnection::socketFd() const
{
    return m_state ? amqp_get_sockfd(m_state) : -1;
}

int AmqpConnection::negotiatedHeartbeat() const
{
    return m_state ? amqp_get_heartbeat(m_state) : 0;
}

bool AmqpConnection::hasBufferedInput() const
{
    return m_state != nullptr
        && (amqp_data_in_buffer(m_state) != 0 || amqp_frames_enqueued(m_state) != 0);
}

bool AmqpConnection::openChannel(int channel, AmqpError *error)
{
    amqp_channel_open(m_state, static_cast<amqp_channel_t>(channel));
    return checkReply(amqp_get_rpc_reply(m_state), channel, "channel.open", error);
}

void AmqpConnection::closeChannel(int channel)
{
    if (m_state) {
        amqp_channel_close(m_state, static_cast<amqp_channel_t>(channel), AMQP_REPLY_SUCCESS);
    }
}

bool AmqpConnection::declareQueue(int channel,
    const QString &name,
    bool passive,
    bool durable,
    bool exclusive,
    bool autoDelete,
    const JsonValue &arguments,
    AmqpError *error,
    QString *nameOut,
    quint32 *messageCount)
{
    const QByteArray n = name.toUtf8();
    AmqpTable args;
    const amqp_table_t &table =
        args.build(arguments.isObject() ? arguments : JsonValue::emptyObject());
    amqp_queue_declare_ok_t *ok = amqp_queue_declare(m_state,
        static_cast<amqp_channel_t>(channel),
        bytes(n),
        amqpFlag(passive),
        amqpFlag(durable),
        amqpFlag(exclusive),
        amqpFlag(autoDelete),
        table);
    if (!checkReply(amqp_get_rpc_reply(m_state), channel, "queue.declare", error)
        || ok == nullptr) {
        return false;
    }
    if (nameOut) {
        *nameOut = toQString(ok->queue);
    }
    if (messageCount) {
        *messageCount = ok->message_count;
    }
    return true;
}

bool AmqpConnection::deleteQueue(int channel, const QString &name, AmqpError *error)
{
    const QByteArray n = name.toUtf8();
    amqp_queue_delete(m_state, static_cast<amqp_channel_t>(channel), bytes(n), 0, 0);
    return checkReply(amqp_get_rpc_reply(m_state), channel, "queue.delete", error);
}

bool AmqpConnection::bindQueue(int channel,
    const QString &queue,
    const QString &exchange,
    const QString &routingKey,
    AmqpError *error)
{
    const QByteArray q = queue.toUtf8();
    const QByteArray x = exchange.toUtf8();
    const QByteArray k = routingKey.toUtf8();
    amqp_queue_bind(m_state,
        static_cast<amqp_channel_t>(channel),
        bytes(q),
        bytes(x),
        bytes(k),
        amqp_empty_table);
    return checkReply(amqp_get_rpc_reply(m_state), channel, "queue.bind", error);
}

bool AmqpConnection::unbindQueue(int channel,
    const QString &queue,
    const QString &exchange,
    const QString &routingKey,
    AmqpError *error)
{
    const QByteArray q = queue.toUtf8();
    const QByteArray x = exchange.toUtf8();
    const QByteArray k = routingKey.toUtf8();
    amqp_queue_unbind(m_state,
        static_cast<amqp_channel_t>(channel),
        bytes(q),
        bytes(x),
        bytes(k),
        amqp_empty_table);
    return checkReply(amqp_get_rpc_reply(m_state), channel, "queue.unbind", error);
}

bool AmqpConnection::qos(int channel, int prefetchCount, AmqpError *error)
{
    amqp_basic_qos(m_state,
        static_cast<amqp_channel_t>(channel),
        0,
        static_cast<uint16_t>(std::clamp(prefetchCount, 0, 65535)),
        0);
    return checkReply(amqp_get_rpc_reply(m_state), channel, "basic.qos", error);
}

bool AmqpConnection::consume(
    int channel, const QString &queue, AmqpError *error, QString *consumerTag)
{
    const QByteArray q = queue.toUtf8();
    amqp_basic_consume_ok_t *ok = amqp_basic_consume(m_state,
        static_cast<amqp_channel_t>(channel),
        bytes(q),
        amqp_empty_bytes,
        0,
        0,
        0,
        amqp_empty_table);
    if (!checkReply(amqp_get_rpc_reply(m_state), channel, "basic.consume", error)
        || ok == nullptr) {
        return false;
    }
    if (consumerTag) {
        *consumerTag = toQString(ok->consumer_tag);
    }
    return true;
}

bool AmqpConnection::confirmSelect(int channel, AmqpError *error)
{
    amqp_confirm_select(m_state, static_cast<amqp_channel_t>(channel));
    return checkReply(amqp_get_rpc_reply(m_state), channel, "confirm.select", error);
}

bool AmqpConnection::ack(int channel, quint64 deliveryTag, bool multiple, AmqpError *error)
{
    return checkStatus(
        amqp_basic_ack(
            m_state, static_cast<amqp_channel_t>(channel), deliveryTag, amqpFlag(multiple)),
        "basic.ack",
        error);
}

bool AmqpConnection::reject(int channel, quint64 deliveryTag, bool requeue, AmqpError *error)
{
    return checkStatus(
        amqp_basic_reject(
            m_state, static_cast<amqp_channel_t>(channel), deliveryTag, amqpFlag(requeue)),
        "basic.reject",
        error);
}

bool AmqpConnection::publish(int channel,
    const QString &exchange,
    const QString &routingKey,
    const amqp_basic_properties_t &properties,
    const QByteArray &body,
    AmqpError *error)
{
    const QByteArray x = exchange.toUtf8();
    const QByteArray k = routingKey.toUtf8();
    return checkStatus(amqp_basic_publish(m_state,
                           static_cast<amqp_channel_t>(channel),
                           bytes(x),
                           bytes(k),
                           0,
                           0,
                           &properties,
                           bytes(body)),
        "basic.publish",
        error);
}

} // namespace fedmsg
