// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace fedmsg {

/// @brief ZeroMQ socket options of a subscriber; defaults follow fedmsg's shipped base.py.
struct ZmqTuning
{
    /// The largest ZMQ_HEARTBEAT_TTL a libzmq 4.3 peer reads back as sent. The TTL travels in
    /// the PING in deciseconds and the receiver multiplies it by 100 in 16 bits (libzmq issue
    /// #4226): 90 000 ms arrives as 24 464 ms, and the publisher drops us that long after
    /// each PING.
    static constexpr int MaxHeartbeatTtlMs = 65500;

    int tcpKeepalive = 1;
    int tcpKeepaliveCount = 3;
    int tcpKeepaliveIdle = 60; ///< seconds
    int tcpKeepaliveInterval = 5; ///< seconds
    int reconnectIntervalMs = 100; ///< > 0: libzmq reconnects a closed connection itself
    /// Backoff cap. fedmsg ships 1000 ms; an applet that may sit behind a dead network all day
    /// backs off further and relies on reconnectNow() (resume, network back) instead.
    int reconnectIntervalMaxMs = 30000;
    /// ZMTP PING interval; 0 = off, the default, as in fedmsg's base.py. A dead publisher or
    /// network path is found by the kernel's TCP keepalive above (no traffic for 60 s, then 3
    /// probes 5 s apart: 75 s, sooner than a 90 s heartbeat timeout), which wakes no thread of
    /// ours; a PING every 30 s woke libzmq's I/O thread 4 times a minute on an idle bus. What
    /// only a heartbeat finds: a publisher host whose kernel answers but whose libzmq does not.
    int heartbeatIntervalMs = 0;
    int heartbeatTimeoutMs = 90000; ///< local: no traffic this long after a PING = dead
    /// Sent to the publisher: it drops us when nothing came from us for this long.
    /// At most MaxHeartbeatTtlMs, and longer than the interval.
    int heartbeatTtlMs = 60000;
    int batchSize = 256; ///< envelopes per envelopesReceived under load
    /// Bounds of what the worker has handed to the owner's thread and the owner has not
    /// finished. Bytes: beyond maxQueuedBytes the oldest waiting messages are dropped and counted
    /// (never below the bus's maxMessageSize: one message always fits), so big messages cannot
    /// pile up. Messages: at maxQueuedMessages the worker stops reading the socket until the
    /// owner has taken half of them (backpressure: small messages wait in libzmq's pipe, up to
    /// the receive high-water mark, and beyond it at the publisher, instead of being dropped).
    qint64 maxQueuedBytes = qint64 { 32 } * 1024 * 1024;
    int maxQueuedMessages = 10000;
    bool operator==(const ZmqTuning &) const = default;

    /// This tuning with every option within what libzmq carries and honours; each change is
    /// described in *warnings.
    ZmqTuning clamped(QStringList *warnings = nullptr) const
    {
        ZmqTuning t = *this;
        const auto warn = [&](const QString &w) {
            if (warnings)
                warnings->append(w);
        };
        if (t.reconnectIntervalMs < 1) {
            warn(QStringLiteral("ZeroMQ reconnect interval %1 ms raised to 100 ms: a closed "
                                "connection must be reconnected")
                     .arg(t.reconnectIntervalMs));
            t.reconnectIntervalMs = 100;
        }
        if (t.heartbeatIntervalMs <= 0) {
            t.heartbeatIntervalMs = 0;
            return t;
        }
        if (t.heartbeatTtlMs > MaxHeartbeatTtlMs) {
            warn(QStringLiteral("ZeroMQ heartbeat TTL %1 ms lowered to %2 ms: libzmq carries "
                                "no more (a longer TTL wraps around and the publisher drops "
                                "the connection early)")
                     .arg(t.heartbeatTtlMs)
                     .arg(MaxHeartbeatTtlMs));
            t.heartbeatTtlMs = MaxHeartbeatTtlMs;
        }
        if (t.heartbeatTtlMs < 0)
            t.heartbeatTtlMs = 0; // no TTL: the publisher keeps us until TCP says otherwise
        if (t.heartbeatTtlMs > 0 && t.heartbeatIntervalMs >= t.heartbeatTtlMs) {
            const int ivl = t.heartbeatTtlMs / 2;
            warn(QStringLiteral("ZeroMQ heartbeat interval %1 ms lowered to %2 ms: it must be "
                                "shorter than the TTL (%3 ms), or the publisher drops the "
                                "connection between two heartbeats")
                     .arg(t.heartbeatIntervalMs)
                     .arg(ivl)
                     .arg(t.heartbeatTtlMs));
            t.heartbeatIntervalMs = ivl;
        }
        if (t.heartbeatTimeoutMs < t.heartbeatIntervalMs)
            t.heartbeatTimeoutMs = t.heartbeatIntervalMs; // libzmq's own default
        return t;
    }
};

} // namespace fedmsg
