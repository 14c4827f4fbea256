// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "amqp/AmqpWorker.h"

#include "amqp/AmqpLogging.h"
#include "amqp/AmqpPresets.h"
#include "amqp/AmqpTable.h"
#include "amqp/AmqpTopicPatterns.h"

#include <QMutexLocker>
#include <QRegularExpression>
#include <QUuid>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace fedmsg {

namespace {

constexpr quint64 TagMask = (quint64(1) << AmqpWorker::TagBits) - 1;
constexpr int MaxBatch = 256;
constexpr int QueueExpiresMs = 3600000; // Fedora's sweeper policy: 1 h without consumer
constexpr int MaxChannel = 120; // the public broker allows 128

bool sameConnection(const BusConfig &a, const BusConfig &b)
{
    AmqpSettings x = a.amqp;
    AmqpSettings y = b.amqp;
    x.queueName.clear();
    y.queueName.clear();
    return a.endpoints == b.endpoints && x == y && a.name == b.name;
}

std::optional<QString> shortString(amqp_flags_t flags, amqp_flags_t flag, amqp_bytes_t value)
{
    if ((flags & flag) == 0) {
        return std::nullopt;
    }
    return QString::fromStdString(AmqpTable::bytesToUtf8(value));
}

bool isLibraryStatus(const amqp_rpc_reply_t &reply, int status)
{
    return reply.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION && reply.library_error == status;
}

AmqpDelivery toDelivery(const amqp_envelope_t &env)
{
    AmqpDelivery d;
    d.exchange = AmqpConnection::toQString(env.exchange);
    d.routingKey = QString::fromStdString(AmqpTable::bytesToUtf8(env.routing_key));
    d.deliveryTag = env.delivery_tag;
    d.redelivered = env.redelivered != 0;
    const amqp_basic_properties_t &p = env.message.properties;
    d.contentType = shortString(p._flags, AMQP_BASIC_CONTENT_TYPE_FLAG, p.content_type);
    d.contentEncoding = shortString(p._flags, AMQP_BASIC_CONTENT_ENCODING_FLAG, p.content_encoding);
    d.messageId = shortString(p._flags, AMQP_BASIC_MESSAGE_ID_FLAG, p.message_id);
    if ((p._flags & AMQP_BASIC_DELIVERY_MODE_FLAG) != 0) {
        d.deliveryMode = p.delivery_mode;
    }
    if ((p._flags & AMQP_BASIC_PRIORITY_FLAG) != 0) {
        d.priority = p.priority;
    }
    if ((p._flags & AMQP_BASIC_TIMESTAMP_FLAG) != 0) {
        d.timestamp = static_cast<qint64>(p.timestamp);
    }
    if ((p._flags & AMQP_BASIC_HEADERS_FLAG) != 0) {
        d.headers = AmqpTable::toJson(p.headers);
    }
    d.body = QByteArray(static_cast<const char *>(env.message.body.bytes),
        static_cast<qsizetype>(env.message.body.len));
    d.bodySize = d.body.size();
    return d;
}

} // namespace

AmqpWorker::AmqpWorker(const BusConfig &config, QObject *parent)
    : QObject(parent)
    , m_wakeFd(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    if (m_wakeFd < 0) {
        qCCritical(lcAmqp) << "eventfd failed:" << std::strerror(errno);
    }
    m_config = config;
    m_queue = config.amqp.queueName;
    m_queueKnown = isAcceptableQueueName(m_queue);
    m_patterns = AmqpTopicPatterns::fromSubscriptions(config.topics);
    AmqpMessageMapper::Options o;
    o.busName = config.name;
    o.maxBodySize = config.maxMessageSize;
    m_mapper.setOptions(o);
}

AmqpWorker::~AmqpWorker()
{
    m_conn.abort();
    if (m_wakeFd >= 0) {
        ::close(m_wakeFd);
    }
}

bool AmqpWorker::isAcceptableQueueName(const QString &name)
{
    // The public user's configure permission: ^((\w{8}(-\w{4}){3}-\w{12})|amq\..*)$ (Erlang \w
    // is ASCII). The all-zero UUID of fedora-messaging's sample config is shared by everyone
    // who copied it (messages would be split round-robin between strangers): refused too.
    static const QRegularExpression uuid(
        QStringLiteral("^[A-Za-z0-9_]{8}(-[A-Za-z0-9_]{4}){3}-[A-Za-z0-9_]{12}$"));
    return uuid.match(name).hasMatch()
        && name != QStringLiteral("00000000-0000-0000-0000-000000000000");
}

void AmqpWorker::wake() const
{
    const quint64 one = 1;
    if (m_wakeFd >= 0) {
        [[maybe_unused]] const ssize_t n = ::write(m_wakeFd, &one, sizeof one);
    }
}

void AmqpWorker::drainWake() const
{
    quint64 value = 0;
    if (m_wakeFd >= 0) {
        [[maybe_unused]] const ssize_t n = ::read(m_wakeFd, &value, sizeof value);
    }
}

void AmqpWorker::requestStop()
{
    {
        QMutexLocker lock(&m_mutex);
        m_pending.stop = true;
    }
    wake();
}

void AmqpWorker::requestAck(const QList<quint64> &tags)
{
    {
        QMutexLocker lock(&m_mutex);
        m_pending.acks.insert(m_pending.acks.end(), tags.begin(), tags.end());
    }
    wake();
}

void AmqpWorker::requestReconfigure(const BusConfig &config)
{
    {
        QMutexLocker lock(&m_mutex);
        m_pending.config = config;
    }
    wake();
}

void AmqpWorker::requestReconnect()
{
    {
        QMutexLocker lock(&m_mutex);
        m_pending.reconnect = true;
    }
    wake();
}

AmqpWorker::Commands AmqpWorker::takeCommands()
{
    drainWake();
    QMutexLocker lock(&m_mutex);
    Commands c = std::move(m_pending);
    m_pending = Commands {};
    return c;
}

bool AmqpWorker::waitForWake(int timeoutMs)
{
    pollfd fd { m_wakeFd, POLLIN, 0 };
    int n = 0;
    do {
        n = ::poll(&fd, 1, timeoutMs);
    } while (n < 0 && errno == EINTR);
    return n > 0;
}

QString AmqpWorker::currentUrl() const
{
    if (m_config.endpoints.isEmpty()) {
        return {};
    }
    return m_config.endpoints.at(m_endpointIndex % m_config.endpoints.size()).url;
}

void AmqpWorker::setState(EndpointStatus::State state, const QString &detail, int retryInSeconds)
{
    const QString url = currentUrl();
    EndpointStatus &s = m_status[url];
    s.busName = m_config.name;
    s.url = url;
    s.state = state;
    s.detail = detail;
    s.retryInSeconds = retryInSeconds;
    emitStatus(true);
}

void AmqpWorker::emitStatus(bool force)
{
    // Counters change with every message: they go out once per read pass (a batch of up to
    // MaxBatch deliveries), state changes at once.
    const auto it = m_status.constFind(currentUrl());
    if (it == m_status.constEnd()) {
        return;
    }
    if (!force && it->received == m_reportedReceived && it->dropped == m_reportedDropped) {
        return;
    }
    m_reportedReceived = it->received;
    m_reportedDropped = it->dropped;
    Q_EMIT endpointStatusChanged(*it);
}

void AmqpWorker::run()
{
    while (true) {
        if (!processCommands()) {
            break;
        }
        if (m_conn.isOpen()) {
            serviceConnection();
            continue;
        }
        if (m_permanentFailure || m_config.endpoints.isEmpty()) {
            waitForWake(-1);
            continue;
        }
        if (connectAndSetup()) {
            m_backoff.reset();
            continue;
        }
        const QString error = m_status.value(currentUrl()).detail;
        teardown(false);
        if (m_permanentFailure) {
            continue;
        }
        const int delay = m_backoff.nextDelayMs();
        setState(EndpointStatus::State::Retrying, error, (delay + 999) / 1000);
        qCInfo(lcAmqp).noquote() << m_config.name << currentUrl() << "retrying in" << delay
                                 << "ms:" << error;
        if (m_config.endpoints.size() > 1) {
            m_endpointIndex = static_cast<int>((m_endpointIndex + 1) % m_config.endpoints.size());
        }
        waitForWake(delay);
    }
    m_batch.clear();
    teardown(true);
}

bool AmqpWorker::processCommands()
{
    Commands c = takeCommands();
    if (c.config && !c.stop) {
        applyConfig(*c.config);
    }
    if (c.reconnect && !c.stop) {
        m_backoff.reset();
        m_permanentFailure = false;
        if (m_conn.isOpen()) {
            flushBatch();
            teardown(true);
            setState(EndpointStatus::State::Disconnected, QStringLiteral("reconnect requested"));
        }
    }
    if (!c.acks.empty() && m_conn.isOpen() && m_consuming) {
        std::sort(c.acks.begin(), c.acks.end());
        for (quint64 tag : c.acks) {
            if ((tag >> TagBits) != m_generation) {
                continue; // from a channel that is gone: the broker redelivers that message
            }
            AmqpError e;
            if (!m_conn.ack(m_channel, tag & TagMask, false, &e)) {
                connectionLost(e.text);
                break;
            }
        }
    }
    // Acks that came with the stop still go out (those messages are stored): stop last.
    return !c.stop;
}

void AmqpWorker::applyConfig(const BusConfig &config)
{
    const bool reconnect = !sameConnection(m_config, config)
        || (!config.amqp.queueName.isEmpty() && config.amqp.queueName != m_queue);
    const QStringList patterns = AmqpTopicPatterns::fromSubscriptions(config.topics);
    for (auto it = m_status.begin(); it != m_status.end();) {
        const bool kept = std::any_of(
            config.endpoints.begin(), config.endpoints.end(), [&](const BusEndpoint &e) {
                return e.url == it.key();
            });
        if (!kept) {
            it->state = EndpointStatus::State::Stopped;
            it->detail = QStringLiteral("removed from the configuration");
            Q_EMIT endpointStatusChanged(*it);
            it = m_status.erase(it);
        } else {
            ++it;
        }
    }
    m_config = config;
    if (!config.amqp.queueName.isEmpty() && config.amqp.queueName != m_queue) {
        m_queue = config.amqp.queueName;
        m_queueKnown = isAcceptableQueueName(m_queue);
    }
    AmqpMessageMapper::Options o = m_mapper.options();
    o.busName = config.name;
    o.maxBodySize = config.maxMessageSize;
    m_mapper.setOptions(o);
    if (reconnect) {
        if (m_conn.isOpen()) {
            flushBatch();
            teardown(true);
        }
        m_endpointIndex = 0;
        m_permanentFailure = false;
        m_backoff.reset();
        m_patterns = patterns;
        return;
    }
    if (patterns != m_patterns) {
        const bool live = m_conn.isOpen() && m_consuming;
        if (live) {
            rebind(patterns);
        }
        m_patterns = patterns;
        if (live && m_conn.isOpen()) {
            setState(EndpointStatus::State::Connected,
                QStringLiteral("bindings updated: %1 pattern(s)").arg(patterns.size()));
        }
    }
}

bool AmqpWorker::connectAndSetup()
{
    const QString url = currentUrl();
    QString parseError;
    const std::optional<AmqpAddress> address =
        AmqpAddress::parse(url, m_config.amqp.vhost, &parseError);
    if (!address) {
        m_permanentFailure = true;
        setState(EndpointStatus::State::Failed, parseError);
        return false;
    }
    setState(EndpointStatus::State::Connecting, {});
    AmqpPresets::restoreBundledFiles(m_config.amqp);
    AmqpConnectOptions o;
    o.address = *address;
    o.caCertFile = m_config.amqp.caCertFile;
    o.certFile = m_config.amqp.certFile;
    o.keyFile = m_config.amqp.keyFile;
    o.loginIdentity = m_config.amqp.loginIdentity;
    o.heartbeatSeconds = std::max(0, m_config.amqp.heartbeatSeconds);
    AmqpError e;
    if (!m_conn.open(o, &e)) {
        m_status[url].detail = e.text;
        return false;
    }
    m_brokerHost = address->host;
    AmqpMessageMapper::Options mo = m_mapper.options();
    mo.endpoint = url;
    mo.brokerHost = address->host;
    mo.tls = address->tls;
    m_mapper.setOptions(mo);

    m_channel = 1;
    QString error;
    if (!m_conn.openChannel(m_channel, &e)) {
        m_status[url].detail = e.text;
        return false;
    }
    if (!setupConsumer(&error)) {
        m_status[url].detail = error;
        return false;
    }
    setState(EndpointStatus::State::Connected,
        QStringLiteral("consuming from a private queue, %1 binding(s), heartbeat %2 s")
            .arg(m_patterns.size())
            .arg(m_conn.negotiatedHeartbeat()));
    qCInfo(lcAmqp).noquote() << m_config.name << url << "connected";
    return true;
}

bool AmqpWorker::setupConsumer(QString *error)
{
    AmqpError e;
    if (!chooseQueue(&e) || !ensureQueue(&e) || !bindAndConsume(&e)) {
        *error = e.text;
        return false;
    }
    nextGeneration();
    m_consuming = true;
    return true;
}

bool AmqpWorker::chooseQueue(AmqpError *error)
{
    if (m_config.amqp.transientQueue) {
        // Nothing to resume and nothing to leave behind: the broker names it (amq.gen-...)
        // and deletes it when this connection ends.
        m_queue.clear();
        return m_conn.declareQueue(
            m_channel, QString(), false, false, true, true, JsonValue(), error, &m_queue);
    }
    if (isAcceptableQueueName(m_queue)) {
        return true;
    }
    if (!m_queue.isEmpty()) {
        qCWarning(lcAmqp).noquote()
            << m_config.name
            << "the configured queue name is not a fresh UUID (the public broker refuses "
               "other names, and the all-zero one is shared): using a new one";
    }
    m_queue = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_queueKnown = false;
    Q_EMIT queueNameAssigned(m_config.name, m_queue);
    return true;
}

bool AmqpWorker::ensureQueue(AmqpError *error)
{
    // Passive first: tells whether the broker kept our queue (no gap) or lost it (expired
    // after an hour without consumer, broker restart, deleted): then re-create it and say so.
    const bool exists = m_config.amqp.transientQueue
        || m_conn.declareQueue(m_channel, m_queue, true, false, false, false, {}, error);
    if (!exists) {
        if (error->connectionLost || error->code != 404) {
            return false;
        }
        ++m_channel;
        if (!m_conn.openChannel(m_channel, error)) {
            return false;
        }
        JsonValue args = JsonValue::emptyObject();
        args.insert("x-expires", JsonValue(QueueExpiresMs));
        if (!m_conn.declareQueue(m_channel, m_queue, false, false, false, false, args, error)) {
            return false;
        }
        if (m_queueKnown) {
            qCInfo(lcAmqp).noquote() << m_config.name
                                     << "queue was gone on the broker: re-created; messages "
                                        "published meanwhile are missing";
            Q_EMIT gapDetected(m_config.name, m_lastActiveAt);
        }
    }
    m_queueKnown = true;
    return true;
}

bool AmqpWorker::bindAndConsume(AmqpError *error)
{
    for (const QString &pattern : std::as_const(m_patterns)) {
        if (!m_conn.bindQueue(m_channel, m_queue, m_config.amqp.exchange, pattern, error)) {
            return false;
        }
    }
    return m_conn.qos(m_channel, m_config.amqp.prefetch, error)
        && m_conn.consume(m_channel, m_queue, error);
}

void AmqpWorker::nextGeneration()
{
    // Process-wide, so an ack meant for another worker's (or an earlier run's) channel never
    // matches this one: delivery tags restart at 1 on every channel.
    static std::atomic<quint64> generations { 0 };
    do {
        m_generation = (++generations) & ((quint64(1) << (64 - TagBits)) - 1);
    } while (m_generation == 0);
}

void AmqpWorker::rebind(const QStringList &patterns)
{
    AmqpError e;
    for (const QString &p : patterns) {
        if (!m_patterns.contains(p)
            && !m_conn.bindQueue(m_channel, m_queue, m_config.amqp.exchange, p, &e)) {
            connectionLost(e.text);
            return;
        }
    }
    for (const QString &p : std::as_const(m_patterns)) {
        if (!patterns.contains(p)
            && !m_conn.unbindQueue(m_channel, m_queue, m_config.amqp.exchange, p, &e)) {
            connectionLost(e.text);
            return;
        }
    }
}

void AmqpWorker::serviceConnection()
{
    if (!m_conn.hasBufferedInput()) {
        std::array<pollfd, 2> fds { { { m_conn.socketFd(), POLLIN, 0 }, { m_wakeFd, POLLIN, 0 } } };
        const int heartbeat = m_conn.negotiatedHeartbeat();
        // The only timeout: rabbitmq-c must get control to send our heartbeat and to notice a
        // silent peer. The broker's own heartbeats (every heartbeat/2) usually wake us first.
        const int timeoutMs = heartbeat > 0 ? heartbeat * 500 : -1;
        const int n = ::poll(fds.data(), fds.size(), timeoutMs);
        if (n < 0) {
            if (errno != EINTR) {
                connectionLost(
                    QStringLiteral("poll: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
            }
            return;
        }
        if ((fds[1].revents & POLLIN) != 0 && fds[0].revents == 0) {
            return; // a command: processed by the loop
        }
    }
    readAvailable();
}

void AmqpWorker::readAvailable()
{
    for (int i = 0; i < MaxBatch && m_conn.isOpen(); ++i) {
        amqp_connection_state_t state = m_conn.state();
        amqp_maybe_release_buffers(state);
        amqp_envelope_t envelope;
        timeval zero { 0, 0 };
        const amqp_rpc_reply_t reply = amqp_consume_message(state, &envelope, &zero, 0);
        if (reply.reply_type == AMQP_RESPONSE_NORMAL) {
            const AmqpDelivery delivery = toDelivery(envelope);
            amqp_destroy_envelope(&envelope);
            acceptDelivery(delivery);
            continue;
        }
        if (isLibraryStatus(reply, AMQP_STATUS_TIMEOUT)) {
            break;
        }
        if (isLibraryStatus(reply, AMQP_STATUS_UNEXPECTED_STATE)) {
            handleUnexpectedFrame();
            continue;
        }
        AmqpError e;
        m_conn.checkReply(reply, m_channel, "receiving", &e);
        connectionLost(e.text);
        break;
    }
    flushBatch();
}

void AmqpWorker::acceptDelivery(const AmqpDelivery &delivery)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    EndpointStatus &status = m_status[currentUrl()];
    m_lastActiveAt = now;
    AmqpError e;
    if (!AmqpTopicPatterns::matchesAny(m_patterns, delivery.routingKey)) {
        // A binding left over from an earlier subscription list: not ours any more.
        if (!m_conn.ack(m_channel, delivery.deliveryTag, false, &e)) {
            connectionLost(e.text);
        }
        return;
    }
    QString reason;
    std::optional<Envelope> env = m_mapper.map(delivery, &reason, now);
    if (!env) {
        ++status.dropped;
        qCInfo(lcAmqp).noquote() << m_config.name << "dropped a message on" << delivery.routingKey
                                 << ":" << reason;
        Q_EMIT messageDropped(m_config.name, currentUrl(), reason);
        // Rejected without requeue (like fedora-messaging's nack): it must not loop.
        if (!m_conn.reject(m_channel, delivery.deliveryTag, false, &e)) {
            connectionLost(e.text);
        }
        return;
    }
    env->setDeliveryTag((m_generation << TagBits) | (delivery.deliveryTag & TagMask));
    ++status.received;
    status.lastMessageAt = now;
    m_batch.append(std::move(*env));
}

void AmqpWorker::handleUnexpectedFrame()
{
    amqp_frame_t frame;
    const int rc = amqp_simple_wait_frame(m_conn.state(), &frame);
    AmqpError e;
    if (!AmqpConnection::checkStatus(rc, "reading a frame", &e)) {
        connectionLost(e.text);
        return;
    }
    if (frame.frame_type != AMQP_FRAME_METHOD) {
        return; // a stray content frame: nothing to do
    }
    switch (frame.payload.method.id) {
    case AMQP_CONNECTION_CLOSE_METHOD:
        e = m_conn.handleServerClose(frame);
        connectionLost(e.text);
        return;
    case AMQP_CHANNEL_CLOSE_METHOD:
    case AMQP_BASIC_CANCEL_METHOD: {
        const bool cancelled = frame.payload.method.id == AMQP_BASIC_CANCEL_METHOD;
        if (cancelled) {
            qCInfo(lcAmqp).noquote()
                << m_config.name << "the broker cancelled our consumer (queue deleted?)";
        } else {
            e = m_conn.handleServerClose(frame);
            qCInfo(lcAmqp).noquote() << m_config.name << e.text;
        }
        flushBatch();
        m_consuming = false;
        m_lastActiveAt = QDateTime::currentDateTimeUtc();
        const int old = m_channel;
        if (++m_channel > MaxChannel) {
            connectionLost(QStringLiteral("too many channel resets"));
            return;
        }
        QString error;
        if (!m_conn.openChannel(m_channel, &e)) {
            connectionLost(e.text);
            return;
        }
        if (cancelled) {
            m_conn.closeChannel(old); // its unacked deliveries belong to the dead queue
        }
        if (!setupConsumer(&error)) {
            connectionLost(error);
            return;
        }
        setState(EndpointStatus::State::Connected,
            cancelled ? QStringLiteral("queue re-declared after the broker cancelled the "
                                       "consumer")
                      : QStringLiteral("channel re-opened: %1").arg(e.text));
        return;
    }
    default:
        return;
    }
}

void AmqpWorker::connectionLost(const QString &reason)
{
    flushBatch();
    if (m_consuming) {
        m_lastActiveAt = QDateTime::currentDateTimeUtc();
    }
    teardown(false);
    qCInfo(lcAmqp).noquote() << m_config.name << currentUrl() << "connection lost:" << reason;
    setState(EndpointStatus::State::Disconnected, reason);
}

void AmqpWorker::teardown(bool polite)
{
    m_consuming = false;
    if (!m_conn.isOpen()) {
        return;
    }
    if (polite) {
        m_conn.close(2000); // the broker requeues every unacknowledged delivery
    } else {
        m_conn.abort();
    }
}

void AmqpWorker::flushBatch()
{
    if (!m_batch.isEmpty()) {
        Q_EMIT envelopesReceived(m_batch);
        m_batch.clear();
    }
    emitStatus(false);
}

} // namespace fedmsg
