// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "zeromq/ZmqWorker.h"

#include "bus/BusLogging.h"
#include "trust/Validator.h"

#include <QDateTime>
#include <QThread>

#include <zmq.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <deque>
#include <string>
#include <sys/syscall.h>
#include <unistd.h>
#include <vector>

namespace fedmsg {

namespace {

constexpr int MaxFramesKept = 3; // enough to tell "1", "2" and "more than 2" apart
/// Refused messages in a row after which an endpoint stops reconnecting (a publisher that only
/// sends oversized messages would otherwise keep us reconnecting as fast as TCP allows).
constexpr int MaxRefusalStreak = 5;
constexpr const char *FencePrefix = "ipc://@fedmsg-zmq-fence-";

/// "32 MiB", "128 KiB", "1000 bytes".
QString sizeText(qint64 bytes)
{
    constexpr qint64 KiB = 1024;
    constexpr qint64 MiB = 1024 * KiB;
    if (bytes >= MiB && bytes % MiB == 0)
        return QStringLiteral("%1 MiB").arg(bytes / MiB);
    if (bytes >= KiB && bytes % KiB == 0)
        return QStringLiteral("%1 KiB").arg(bytes / KiB);
    return QStringLiteral("%1 bytes").arg(bytes);
}

QString zmqError()
{
    return QString::fromLocal8Bit(zmq_strerror(zmq_errno()));
}

void setInt(void *socket, int option, int value)
{
    if (zmq_setsockopt(socket, option, &value, sizeof value) != 0)
        qCWarning(lcBus) << "zmq_setsockopt" << option << "failed:" << zmqError();
}

/// fedmsg topics are prefixes; moksha-style '*' are removed, as moksha does.
QList<QByteArray> subscriptionsOf(const QStringList &topics)
{
    QList<QByteArray> out;
    for (const QString &t : topics) {
        QByteArray b = t.toUtf8();
        b.replace('*', QByteArray());
        if (!out.contains(b))
            out << b;
    }
    if (out.isEmpty() || out.contains(QByteArray()))
        return { QByteArray() };
    return out;
}

} // namespace

struct ZmqWorker::Endpoint
{
    BusEndpoint config;
    void *sub = nullptr;
    void *monitor = nullptr;
    EndpointStatus status;
    bool receivedThisRound = false;
    /// The peer refused us (CURVE/ZAP, protocol): stay Failed while libzmq keeps retrying.
    bool handshakeFailed = false;
    bool handshaked = false; ///< the current connection completed its handshake
    bool everConnected = false; ///< a TCP connection was made once (later ones are reconnects)
    /// While non-empty: the probe address whose first event tells how a connection ended.
    QByteArray fence;
    bool retrySeen = false; ///< libzmq announced its own reconnect since the fence was set
    int refusalStreak = 0; ///< refused messages in a row, without a good one between
    QString note; ///< why the last reconnect happened; shown with the next Connected
};

struct ZmqWorker::Private
{
    ZmqWorker *q = nullptr;
    std::shared_ptr<ZmqWorkerShared> shared;
    void *ctx = nullptr;
    void *control = nullptr;
    BusConfig config;
    CurveKeyPair curveKeys;
    CurveKeyPair appliedCurveKeys; ///< the keys the open CURVE sockets were made with
    QString curveError;
    ZmqTuning tuning;
    std::vector<std::unique_ptr<Endpoint>> endpoints;
    QList<QByteArray> subscriptions;
    int monitorCounter = 0;
    int fenceCounter = 0;
    bool running = true;
    std::vector<ZmqWorkerShared::Queued> batch;
    /// One multipart message as read from a subscriber, not parsed yet.
    struct RawMessage
    {
        QString url; ///< the endpoint it came from (looked up again: endpoints may go)
        std::vector<std::string> frames; ///< the first frames, while within maxMessageSize
        int count = 0; ///< frames received
        qint64 total = 0; ///< bytes received
        qint64 kept = 0; ///< bytes held in frames
    };
    std::deque<RawMessage> raw; ///< read, not parsed yet (oldest first)
    qint64 rawBytes = 0;
    QDateTime roundTime; ///< receive time of the current drain round
    std::unique_ptr<Validator>
        validator; ///< owned by the worker thread; rebuilt when trust changes

    void emitStatus(Endpoint &ep,
        EndpointStatus::State state,
        const QString &detail = {},
        int retryIn = 0) const
    {
        ep.status.state = state;
        ep.status.detail = detail;
        ep.status.retryInSeconds = retryIn;
        ep.status.busName = config.name;
        Q_EMIT q->statusChanged(ep.status);
    }

    /// libzmq's ZMQ_MAXMSGSIZE: over it libzmq drops the connection; -1 = none.
    qint64 hardMessageLimit() const
    {
        return config.maxMessageSize > 0 ? config.maxMessageSize * 2 : -1;
    }

    void openEndpoint(const BusEndpoint &cfg)
    {
        auto ep = std::make_unique<Endpoint>();
        ep->config = cfg;
        ep->status.busName = config.name;
        ep->status.url = cfg.url;
        ep->sub = zmq_socket(ctx, ZMQ_SUB);
        if (!ep->sub) {
            emitStatus(*ep, EndpointStatus::State::Failed, zmqError());
            endpoints.push_back(std::move(ep));
            return;
        }
        void *s = ep->sub;
        setInt(s, ZMQ_LINGER, 0);
        // Every session and connecter of this socket on one I/O thread: its monitor events then
        // come in the order libzmq acted, which handleFence() relies on.
        const std::uint64_t affinity = std::uint64_t(1)
            << (std::uint64_t(monitorCounter) % std::uint64_t(std::clamp(config.ioThreads, 1, 64)));
        zmq_setsockopt(s, ZMQ_AFFINITY, &affinity, sizeof affinity);
        if (config.receiveHighWaterMark > 0)
            setInt(s, ZMQ_RCVHWM, config.receiveHighWaterMark);
        // The hard limit makes libzmq drop the connection; the configured limit is checked per
        // message below so that an oversize message is dropped alone and counted (the next
        // message on the same connection still arrives).
        const int64_t hardLimit = hardMessageLimit();
        zmq_setsockopt(s, ZMQ_MAXMSGSIZE, &hardLimit, sizeof hardLimit);
        setInt(s, ZMQ_TCP_KEEPALIVE, tuning.tcpKeepalive);
        setInt(s, ZMQ_TCP_KEEPALIVE_CNT, tuning.tcpKeepaliveCount);
        setInt(s, ZMQ_TCP_KEEPALIVE_IDLE, tuning.tcpKeepaliveIdle);
        setInt(s, ZMQ_TCP_KEEPALIVE_INTVL, tuning.tcpKeepaliveInterval);
        setInt(s, ZMQ_RECONNECT_IVL, tuning.reconnectIntervalMs);
        setInt(s, ZMQ_RECONNECT_IVL_MAX, tuning.reconnectIntervalMaxMs);
        if (tuning.heartbeatIntervalMs > 0) {
            setInt(s, ZMQ_HEARTBEAT_IVL, tuning.heartbeatIntervalMs);
            setInt(s, ZMQ_HEARTBEAT_TIMEOUT, tuning.heartbeatTimeoutMs);
            setInt(s, ZMQ_HEARTBEAT_TTL, tuning.heartbeatTtlMs);
        }
        for (const QByteArray &sub : std::as_const(subscriptions))
            zmq_setsockopt(s, ZMQ_SUBSCRIBE, sub.constData(), std::size_t(sub.size()));

        if (!cfg.curveServerKey.isEmpty()) {
            const QByteArray server = cfg.curveServerKey.toLatin1();
            if (!curveKeys.isValid()) {
                emitStatus(*ep,
                    EndpointStatus::State::Failed,
                    QStringLiteral("no CURVE client key: %1")
                        .arg(curveError.isEmpty() ? QStringLiteral("not loaded") : curveError));
                endpoints.push_back(std::move(ep));
                return;
            }
            if (server.size() != 40
                || zmq_setsockopt(s, ZMQ_CURVE_SERVERKEY, server.constData(), 40) != 0
                || zmq_setsockopt(s, ZMQ_CURVE_PUBLICKEY, curveKeys.publicKey.constData(), 40) != 0
                || zmq_setsockopt(s, ZMQ_CURVE_SECRETKEY, curveKeys.secretKey.constData(), 40)
                    != 0) {
                emitStatus(*ep,
                    EndpointStatus::State::Failed,
                    QStringLiteral("bad CURVE server key (40 Z85 characters expected)"));
                endpoints.push_back(std::move(ep));
                return;
            }
        }

        const QByteArray monAddr =
            "inproc://fedmsg-monitor-" + QByteArray::number(++monitorCounter);
        if (zmq_socket_monitor(s, monAddr.constData(), ZMQ_EVENT_ALL) == 0) {
            ep->monitor = zmq_socket(ctx, ZMQ_PAIR);
            setInt(ep->monitor, ZMQ_LINGER, 0);
            if (zmq_connect(ep->monitor, monAddr.constData()) != 0) {
                zmq_close(ep->monitor);
                ep->monitor = nullptr;
            }
        }
        if (zmq_connect(s, cfg.url.toUtf8().constData()) != 0) {
            emitStatus(*ep,
                EndpointStatus::State::Failed,
                QStringLiteral("cannot connect to %1: %2").arg(cfg.url, zmqError()));
        } else {
            emitStatus(*ep, EndpointStatus::State::Connecting);
        }
        endpoints.push_back(std::move(ep));
    }

    static void closeEndpoint(Endpoint &ep)
    {
        if (ep.sub) {
            if (ep.monitor)
                zmq_socket_monitor(ep.sub, nullptr, 0);
            zmq_close(ep.sub);
            ep.sub = nullptr;
        }
        if (ep.monitor) {
            zmq_close(ep.monitor);
            ep.monitor = nullptr;
        }
    }

    void applyConfig(const BusConfig &next, bool first)
    {
        const QList<QByteArray> newSubs = subscriptionsOf(next.topics);
        const bool socketOptionsChanged = !first
            && (next.receiveHighWaterMark != config.receiveHighWaterMark
                || next.maxMessageSize != config.maxMessageSize || next.name != config.name);
        const QList<QByteArray> oldSubs = subscriptions;
        if (first || next.trust != config.trust)
            replaceValidator(next);
        config = next;
        subscriptions = newSubs;
        {
            QMutexLocker lock(&shared->queueMutex);
            shared->maxQueuedBytes = std::max(tuning.maxQueuedBytes, next.maxMessageSize);
            shared->maxQueuedMessages = std::max(1, tuning.maxQueuedMessages);
        }
        const bool keysChanged = !first && curveKeys != appliedCurveKeys;
        appliedCurveKeys = curveKeys;
        closeEndpointsNotIn(next.endpoints, socketOptionsChanged, keysChanged);
        if (oldSubs != newSubs)
            resubscribe(oldSubs, newSubs);
        for (const BusEndpoint &e : next.endpoints) {
            const bool have = std::any_of(endpoints.begin(), endpoints.end(), [&](const auto &ep) {
                return ep->config == e;
            });
            if (!have)
                openEndpoint(e);
        }
        qCDebug(lcBus) << "bus" << config.name << "configured with" << endpoints.size()
                       << "endpoints";
    }

    /// A validator for next's trust settings (none when signatures are not checked).
    void replaceValidator(const BusConfig &next)
    {
        validator =
            next.trust.validateSignatures ? std::make_unique<Validator>(next.trust) : nullptr;
        if (validator) {
            // Runs on this thread; the owner's TrustStore downloads on its own thread.
            validator->setRefreshRequestHandler([this, name = next.name] {
                Q_EMIT q->trustRefreshRequested(name);
            });
        }
    }

    /// Closes endpoints that went away (or all, when socket options changed; CURVE ones when
    /// the client keys changed).
    void closeEndpointsNotIn(
        const QList<BusEndpoint> &wanted, bool socketOptionsChanged, bool keysChanged)
    {
        for (auto it = endpoints.begin(); it != endpoints.end();) {
            const bool curve = !(*it)->config.curveServerKey.isEmpty();
            if (socketOptionsChanged || (keysChanged && curve) || !wanted.contains((*it)->config)) {
                closeEndpoint(**it);
                it = endpoints.erase(it);
            } else {
                ++it;
            }
        }
    }

    /// The open subscribers' topic prefixes changed from oldSubs to newSubs.
    void resubscribe(const QList<QByteArray> &oldSubs, const QList<QByteArray> &newSubs)
    {
        for (auto &ep : endpoints) {
            if (!ep->sub)
                continue;
            for (const QByteArray &s : oldSubs)
                zmq_setsockopt(ep->sub, ZMQ_UNSUBSCRIBE, s.constData(), std::size_t(s.size()));
            for (const QByteArray &s : newSubs)
                zmq_setsockopt(ep->sub, ZMQ_SUBSCRIBE, s.constData(), std::size_t(s.size()));
        }
    }

    void reconnectAll()
    {
        for (auto &ep : endpoints) {
            if (!ep->sub)
                continue;
            const QByteArray url = ep->config.url.toUtf8();
            if (!ep->fence.isEmpty()) {
                zmq_disconnect(ep->sub, ep->fence.constData());
                ep->fence.clear();
            }
            ep->refusalStreak = 0;
            ep->note.clear();
            ep->handshaked = false;
            zmq_disconnect(ep->sub, url.constData());
            if (zmq_connect(ep->sub, url.constData()) == 0)
                emitStatus(*ep, EndpointStatus::State::Connecting, QStringLiteral("reconnecting"));
        }
    }

    void handleControl()
    {
        while (true) {
            std::array<char, 32> buf {};
            const int n = zmq_recv(control, buf.data(), buf.size(), ZMQ_DONTWAIT);
            if (n < 0)
                return;
            const QByteArray cmd(buf.data(), std::min<int>(n, int(buf.size())));
            if (cmd == "stop") {
                running = false;
                return;
            }
            if (cmd == "reconfigure") {
                BusConfig next;
                {
                    QMutexLocker lock(&shared->mutex);
                    next = shared->config;
                    curveKeys = shared->curveKeys;
                    curveError = shared->curveError;
                }
                applyConfig(next, false);
            } else if (cmd == "resume") {
                // Nothing to do: loop() reads readingPaused (cleared by the owner) and polls the
                // subscriber sockets again.
            } else if (cmd == "reconnect") {
                reconnectAll();
            } else if (cmd == "reload-trust") {
                QString error;
                if (validator && !validator->reloadMaterial(&error))
                    qCWarning(lcBus) << "bus" << config.name << "trust material:" << error;
            }
        }
    }

    void handleMonitor(Endpoint &ep)
    {
        while (true) {
            zmq_msg_t ev;
            zmq_msg_init(&ev);
            if (zmq_msg_recv(&ev, ep.monitor, ZMQ_DONTWAIT) < 0) {
                zmq_msg_close(&ev);
                return;
            }
            std::uint16_t event = 0;
            std::uint32_t value = 0;
            if (zmq_msg_size(&ev) >= 6) {
                const auto *p = static_cast<const char *>(zmq_msg_data(&ev));
                std::memcpy(&event, p, 2);
                std::memcpy(&value, p + 2, 4);
            }
            const bool more = zmq_msg_more(&ev) != 0;
            zmq_msg_close(&ev);
            QByteArray address;
            if (more) { // the address frame
                zmq_msg_t addr;
                zmq_msg_init(&addr);
                if (zmq_msg_recv(&addr, ep.monitor, 0) >= 0)
                    address = QByteArray(static_cast<const char *>(zmq_msg_data(&addr)),
                        qsizetype(zmq_msg_size(&addr)));
                zmq_msg_close(&addr);
            }
            if (address.startsWith(FencePrefix)) {
                if (!ep.fence.isEmpty() && address == ep.fence)
                    handleFence(ep);
                continue; // a probe's events say nothing about the endpoint
            }
            onEvent(ep, event, value);
        }
    }

    /**
     * A connection that had completed its handshake ended. libzmq 4.3 reports a closed or
     * timed-out connection and one it dropped for a protocol error (a message over
     * ZMQ_MAXMSGSIZE) with the same DISCONNECTED event, but reconnects only the former, and
     * announces that with CONNECT_RETRIED right after. To tell them apart without a timer, connect
     * the socket to a probe address too: its session and connecter are plugged by the same I/O
     * thread (ZMQ_AFFINITY) two commands later, after any reconnect libzmq queued while handling
     * the disconnection, so the probe's first event comes after that CONNECT_RETRIED or never.
     */
    void startFence(Endpoint &ep)
    {
        const QByteArray address = FencePrefix + QByteArray::number(qint64(getpid())) + '-'
            + QByteArray::number(quintptr(this), 16) + '-' + QByteArray::number(++fenceCounter);
        if (zmq_connect(ep.sub, address.constData()) != 0) {
            qCWarning(lcBus) << "cannot watch how" << ep.config.url << "ended:" << zmqError();
            return;
        }
        ep.fence = address;
        ep.retrySeen = false;
    }

    void handleFence(Endpoint &ep)
    {
        zmq_disconnect(ep.sub, ep.fence.constData());
        ep.fence.clear();
        if (ep.retrySeen || ep.handshaked)
            return; // libzmq reconnects by itself (or already did)
        // libzmq dropped the connection for good. What it had received before is still queued:
        // read it before zmq_disconnect() discards the pipe (and parse it now: a good message
        // before the refusal ends the refusal streak).
        while (readOne(ep)) {}
        while (!raw.empty())
            parseOne();
        ++ep.status.oversizeRefused;
        ++ep.refusalStreak;
        const qint64 limit = hardMessageLimit();
        const QString what = limit > 0
            ? QStringLiteral("a message larger than %1 was refused").arg(sizeText(limit))
            : QStringLiteral("ZeroMQ dropped the connection (protocol error)");
        if (ep.refusalStreak > MaxRefusalStreak) {
            qCWarning(lcBus).noquote() << QStringLiteral("bus %1, %2: %3, %4 times in a row; "
                                                         "not reconnecting")
                                              .arg(config.name, ep.config.url, what)
                                              .arg(ep.refusalStreak);
            ep.note.clear();
            emitStatus(ep,
                EndpointStatus::State::Failed,
                QStringLiteral("%1 times in a row %2; not reconnecting until asked")
                    .arg(ep.refusalStreak)
                    .arg(what));
            return;
        }
        qCWarning(lcBus).noquote()
            << QStringLiteral("bus %1, %2: %3; reconnecting").arg(config.name, ep.config.url, what);
        const QByteArray url = ep.config.url.toUtf8();
        zmq_disconnect(ep.sub, url.constData());
        if (zmq_connect(ep.sub, url.constData()) != 0) {
            emitStatus(ep,
                EndpointStatus::State::Failed,
                QStringLiteral("%1; cannot reconnect: %2").arg(what, zmqError()));
            return;
        }
        ep.note = what + QStringLiteral("; reconnected");
        emitStatus(ep, EndpointStatus::State::Connecting, what + QStringLiteral("; reconnecting"));
    }

    void onEvent(Endpoint &ep, std::uint16_t event, std::uint32_t value)
    {
        using S = EndpointStatus::State;
        if (event == ZMQ_EVENT_CONNECTED) {
            if (ep.everConnected) {
                ++ep.status.reconnects;
                qCInfo(lcBus).noquote() << QStringLiteral("bus %1, %2: connected again (%3)")
                                               .arg(config.name, ep.config.url)
                                               .arg(ep.status.reconnects);
            }
            ep.everConnected = true;
        }
        if (event == ZMQ_EVENT_CONNECT_RETRIED)
            ep.retrySeen = true;
        if (ep.handshakeFailed && event != ZMQ_EVENT_HANDSHAKE_SUCCEEDED
            && (event
                   & (ZMQ_EVENT_CONNECT_DELAYED | ZMQ_EVENT_CONNECT_RETRIED | ZMQ_EVENT_CONNECTED
                       | ZMQ_EVENT_DISCONNECTED))
                != 0) {
            return; // keep showing why it fails instead of flickering through the retries
        }
        switch (event) {
        case ZMQ_EVENT_CONNECT_DELAYED:
            if (ep.status.state != S::Retrying && ep.status.state != S::Connecting)
                emitStatus(ep, S::Connecting);
            break;
        case ZMQ_EVENT_CONNECT_RETRIED:
            emitStatus(ep,
                S::Retrying,
                QStringLiteral("retrying in %1 ms").arg(value),
                int((value + 999) / 1000));
            break;
        case ZMQ_EVENT_CONNECTED:
            emitStatus(ep, S::Connecting, QStringLiteral("handshaking"));
            break;
        case ZMQ_EVENT_HANDSHAKE_SUCCEEDED:
            ep.handshakeFailed = false;
            ep.handshaked = true;
            emitStatus(ep, S::Connected, ep.note);
            break;
        case ZMQ_EVENT_HANDSHAKE_FAILED_AUTH:
            ep.handshakeFailed = true;
            emitStatus(
                ep, S::Failed, QStringLiteral("authentication failed (status %1)").arg(value));
            break;
        case ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL:
            ep.handshakeFailed = true;
            emitStatus(
                ep, S::Failed, QStringLiteral("handshake failed: protocol error %1").arg(value));
            break;
        case ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL:
            emitStatus(ep, S::Failed, QStringLiteral("handshake failed"));
            break;
        case ZMQ_EVENT_DISCONNECTED:
            ep.note.clear();
            if (ep.handshaked)
                qCInfo(lcBus).noquote() << QStringLiteral("bus %1, %2: connection closed")
                                               .arg(config.name, ep.config.url);
            if (ep.handshaked && ep.fence.isEmpty())
                startFence(ep);
            ep.handshaked = false;
            emitStatus(ep, S::Disconnected, QStringLiteral("connection closed"));
            break;
        default:
            break;
        }
    }

    void drop(Endpoint &ep, const QString &reason)
    {
        ++ep.status.dropped;
        ep.receivedThisRound = true; // the counters changed: report them after the round
        QMutexLocker lock(&shared->queueMutex);
        if (shared->dropReasons.size() < ZmqWorkerShared::MaxDropReasons)
            shared->dropReasons.append({ ep.config.url, reason });
        else
            ++shared->dropReasonsSuppressed;
    }

    Endpoint *endpointFor(const QString &url)
    {
        for (auto &ep : endpoints)
            if (ep->config.url == url)
                return ep.get();
        return nullptr;
    }

    /// Reads one whole multipart message into `raw`, unparsed; false when nothing was readable.
    bool readOne(Endpoint &ep)
    {
        RawMessage message;
        message.url = ep.config.url;
        bool more = true;
        bool first = true;
        while (more) {
            zmq_msg_t part;
            zmq_msg_init(&part);
            if (zmq_msg_recv(&part, ep.sub, first ? ZMQ_DONTWAIT : 0) < 0) {
                zmq_msg_close(&part);
                if (first)
                    return false;
                break;
            }
            first = false;
            ++message.count;
            message.total += qint64(zmq_msg_size(&part));
            if (message.count <= MaxFramesKept && message.total <= config.maxMessageSize) {
                message.frames.emplace_back(
                    static_cast<const char *>(zmq_msg_data(&part)), zmq_msg_size(&part));
                message.kept += qint64(zmq_msg_size(&part));
            }
            more = zmq_msg_more(&part) != 0;
            zmq_msg_close(&part);
        }
        shared->received.fetch_add(1);
        rawBytes += message.kept;
        raw.push_back(std::move(message));
        // Big messages that arrive faster than they are parsed wait here, bounded in bytes,
        // rather than in libzmq's pipe, which holds up to the receive high-water mark of them
        // (10 000 x 1 MiB): beyond the bound the oldest unparsed ones are dropped and counted.
        while (raw.size() > 1 && rawBytes > rawByteLimit()) {
            rawBytes -= raw.front().kept;
            if (Endpoint *owner = endpointFor(raw.front().url)) {
                ++owner->status.overflowDropped;
                owner->receivedThisRound = true;
            }
            shared->overflowDropped.fetch_add(1);
            raw.pop_front();
        }
        return true;
    }

    qint64 rawByteLimit() const { return std::max<qint64>(1, shared->maxQueuedBytes / 4); }

    /// Reads what the subscriber has, up to a round's worth of messages: small ones beyond
    /// that wait in libzmq (backpressure), big ones are bounded by readOne().
    void drain(Endpoint &ep)
    {
        while (qsizetype(raw.size()) < tuning.batchSize && readOne(ep)) {}
    }

    /// Parses the oldest unparsed message into the round's batch (or drops it, counted).
    void parseOne()
    {
        RawMessage message = std::move(raw.front());
        raw.pop_front();
        rawBytes -= message.kept;
        Endpoint *found = endpointFor(message.url);
        if (!found)
            return; // the endpoint was removed since
        Endpoint &ep = *found;
        const qint64 total = message.total;
        if (config.maxMessageSize > 0 && total > config.maxMessageSize) {
            drop(ep,
                QStringLiteral("message of %1 bytes is over the %2-byte limit")
                    .arg(total)
                    .arg(config.maxMessageSize));
            return;
        }
        if (message.count != 2) {
            drop(ep, QStringLiteral("expected 2 frames, got %1").arg(message.count));
            return;
        }
        QString error;
        std::optional<Envelope> env = Envelope::fromZmqFrames(message.frames, &error);
        if (!env) {
            drop(ep, error);
            return;
        }
        if (!roundTime.isValid())
            roundTime = QDateTime::currentDateTimeUtc(); // one clock read per drain round
        const QDateTime &now = roundTime;
        env->setBusName(config.name);
        env->setEndpoint(ep.config.url);
        env->setReceivedAt(now);
        applyTrust(*env);
        ep.refusalStreak = 0;
        ++ep.status.received;
        ep.status.lastMessageAt = now;
        ep.receivedThisRound = true;
        env->setWireSize(total);
        batch.push_back(ZmqWorkerShared::Queued { std::move(*env), total });
    }

    void applyTrust(Envelope &env)
    {
        if (!config.trust.validateSignatures) {
            env.setTrust(TrustState::Unchecked);
            return;
        }
        if (!validator)
            validator = std::make_unique<Validator>(config.trust);
        validator->validate(env);
    }

    /// Hands the round's envelopes to the owner: appends them to the shared queue, drops the
    /// oldest waiting ones beyond the bound (counted per endpoint), wakes the owner once.
    void flush()
    {
        roundTime = QDateTime();
        bool notify = false;
        {
            QMutexLocker lock(&shared->queueMutex);
            for (auto &item : batch) {
                shared->queuedBytes += item.bytes;
                shared->queue.push_back(std::move(item));
            }
            while (!shared->queue.empty()
                && shared->queuedBytes + shared->deliveringBytes > shared->maxQueuedBytes) {
                const ZmqWorkerShared::Queued &oldest = shared->queue.front();
                shared->queuedBytes -= oldest.bytes;
                if (Endpoint *ep = endpointFor(oldest.envelope.endpoint())) {
                    ++ep->status.overflowDropped;
                    ep->receivedThisRound = true;
                }
                shared->overflowDropped.fetch_add(1);
                shared->queue.pop_front();
            }
            if (!shared->readingPaused
                && qsizetype(shared->queue.size()) + shared->deliveringCount
                    >= shared->maxQueuedMessages) {
                shared->readingPaused = true; // loop() leaves the sockets unread until "resume"
                shared->readPauses.fetch_add(1);
            }
            const qint64 inFlight = shared->queuedBytes + shared->deliveringBytes;
            if (inFlight > shared->peakInFlightBytes.load())
                shared->peakInFlightBytes.store(inFlight);
            // Counters ride with the envelopes: the latest per endpoint, not one signal a round.
            bool changed = !batch.empty() || !shared->dropReasons.isEmpty();
            for (auto &ep : endpoints) {
                if (ep->receivedThisRound) {
                    ep->receivedThisRound = false;
                    ep->status.busName = config.name;
                    shared->counterUpdates.insert(ep->config.url, ep->status);
                    changed = true;
                }
            }
            notify = changed && !shared->notifyPending;
            if (changed)
                shared->notifyPending = true;
        }
        batch.clear();
        if (notify)
            Q_EMIT q->queueReady();
    }

    void loop()
    {
        std::vector<zmq_pollitem_t> items;
        while (running) {
            const bool paused = readingPaused();
            fillPollItems(&items, paused);
            // No timeout: the thread sleeps until a socket or the control PAIR has something
            // (a round that left messages unparsed only looks, and goes on parsing).
            const int rc = zmq_poll(items.data(), int(items.size()), raw.empty() ? -1 : 0);
            if (rc < 0) {
                if (zmq_errno() == EINTR)
                    continue;
                qCWarning(lcBus) << "zmq_poll failed:" << zmqError();
                break;
            }
            if ((items[0].revents & ZMQ_POLLIN) != 0) {
                handleControl();
                if (!running)
                    break;
                continue; // the endpoint list may have changed: rebuild the poll set
            }
            serviceReadySockets(items, paused);
            parseRound(paused);
            flush();
        }
    }

    bool readingPaused() const
    {
        QMutexLocker lock(&shared->queueMutex);
        return shared->readingPaused;
    }

    /// The poll set: the control PAIR first, then per endpoint its subscriber (unless paused)
    /// and its monitor, in endpoint order.
    void fillPollItems(std::vector<zmq_pollitem_t> *items, bool paused) const
    {
        items->clear();
        items->push_back(zmq_pollitem_t { control, 0, ZMQ_POLLIN, 0 });
        for (const auto &ep : endpoints) {
            // While paused the subscriber sockets are not polled: their messages wait in
            // libzmq (and at the publisher) until the owner has caught up and says "resume".
            if (ep->sub && !paused)
                items->push_back(zmq_pollitem_t { ep->sub, 0, ZMQ_POLLIN, 0 });
            if (ep->monitor)
                items->push_back(zmq_pollitem_t { ep->monitor, 0, ZMQ_POLLIN, 0 });
        }
    }

    /// Handles the monitor events and reads the subscribers zmq_poll() found ready (items as
    /// fillPollItems() made them).
    void serviceReadySockets(const std::vector<zmq_pollitem_t> &items, bool paused)
    {
        std::size_t i = 1;
        for (auto &ep : endpoints) {
            const bool subReady =
                ep->sub != nullptr && !paused && (items[i++].revents & ZMQ_POLLIN) != 0;
            const bool monReady = ep->monitor != nullptr && (items[i++].revents & ZMQ_POLLIN) != 0;
            if (monReady)
                handleMonitor(*ep);
            if (subReady)
                drain(*ep);
        }
    }

    /// Parses what was read. Between two messages, reads again what arrived meanwhile: a slow
    /// parse (a big body, a signature check) must not leave libzmq's pipe filling up. A round
    /// ends at batchSize envelopes or a quarter of the byte bound (parsed big messages must not
    /// pile up here before flush() can drop the oldest); what is left unparsed is taken up by
    /// the next round without waiting in zmq_poll.
    void parseRound(bool paused)
    {
        const qint64 roundBytes = std::max<qint64>(1, shared->maxQueuedBytes / 4);
        qint64 batchBytes = 0;
        bool full = false;
        while (!raw.empty() && !full) {
            const std::size_t had = batch.size();
            parseOne();
            if (batch.size() > had)
                batchBytes += batch.back().bytes;
            full = qsizetype(batch.size()) >= tuning.batchSize || batchBytes >= roundBytes;
            if (!paused)
                drainAll();
        }
    }

    void drainAll()
    {
        for (auto &ep : endpoints) {
            if (ep->sub != nullptr)
                drain(*ep);
        }
    }
};

ZmqWorker::ZmqWorker(std::shared_ptr<ZmqWorkerShared> shared)
    : m_shared(std::move(shared))
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->shared = m_shared;
}

ZmqWorker::~ZmqWorker() = default;

void ZmqWorker::run()
{
    m_shared->threadId.store(long(syscall(SYS_gettid)));
    d->ctx = zmq_ctx_new();
    {
        QMutexLocker lock(&m_shared->mutex);
        // before the first socket: libzmq starts its I/O threads then
        if (d->ctx)
            zmq_ctx_set(d->ctx, ZMQ_IO_THREADS, std::max(1, m_shared->config.ioThreads));
    }
    d->control = d->ctx ? zmq_socket(d->ctx, ZMQ_PAIR) : nullptr;
    if (!d->control || zmq_bind(d->control, ControlAddress) != 0) {
        m_shared->setupError = zmqError();
        if (d->control)
            zmq_close(d->control);
        if (d->ctx)
            zmq_ctx_term(d->ctx);
        m_shared->ready.release();
        Q_EMIT finished();
        return;
    }
    setInt(d->control, ZMQ_LINGER, 0);
    {
        QMutexLocker lock(&m_shared->mutex);
        d->config = m_shared->config;
        d->curveKeys = m_shared->curveKeys;
        d->curveError = m_shared->curveError;
        QStringList warnings;
        d->tuning = m_shared->tuning.clamped(&warnings);
        for (const QString &w : std::as_const(warnings))
            qCWarning(lcBus).noquote() << "bus" << d->config.name << ":" << w;
    }
    if (d->tuning.batchSize < 1)
        d->tuning.batchSize = 1;
    m_shared->context = d->ctx;
    m_shared->ready.release();

    BusConfig initial = d->config;
    d->config = BusConfig {};
    d->applyConfig(initial, true);
    d->loop();

    for (auto &ep : d->endpoints)
        d->closeEndpoint(*ep);
    d->endpoints.clear();
    zmq_close(d->control);
    // Blocks until the owner closed its end of the control socket (it does so before waiting).
    zmq_ctx_term(d->ctx);
    d->ctx = nullptr;
    m_shared->threadId.store(0);
    Q_EMIT finished();
}

} // namespace fedmsg
