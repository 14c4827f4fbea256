// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

namespace fedmsg {

/// @brief ZeroMQ socket options of a subscriber; defaults follow fedmsg's shipped base.py.
struct ZmqTuning
{
    int tcpKeepalive = 1;
    int tcpKeepaliveCount = 3;
    int tcpKeepaliveIdle = 60; ///< seconds
    int tcpKeepaliveInterval = 5; ///< seconds
    int reconnectIntervalMs = 100;
    /// Backoff cap. fedmsg ships 1000 ms; an applet that may sit behind a dead network all day
    /// backs off further and relies on reconnectNow() (resume, network back) instead.
    int reconnectIntervalMaxMs = 30000;
    int heartbeatIntervalMs = 30000; ///< ZMTP PING interval; 0 = off
    int heartbeatTimeoutMs = 90000;
    int heartbeatTtlMs = 90000;
    int batchSize = 256; ///< envelopes per envelopesReceived under load
    bool operator==(const ZmqTuning &) const = default;
};

} // namespace fedmsg
