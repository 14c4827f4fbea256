// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QRandomGenerator>

namespace fedmsg {

/**
 * @brief Reconnect delays: exponential with jitter, capped, reset after a good connection.
 *
 * Like fedora-messaging's Twisted ReconnectingClientFactory (first 1 s, x e per failure, +-12 %
 * jitter) but capped at 5 minutes instead of an hour, as a desktop client wants.
 */
class AmqpBackoff
{
public:
    explicit AmqpBackoff(int initialMs = 1000,
        int maxMs = 300000,
        double factor = 2.718281828,
        double jitter = 0.12);
    /// The delay before the next attempt; grows with every call until reset().
    int nextDelayMs();
    void reset() { m_attempt = 0; }
    int attempts() const { return m_attempt; }
    /// For tests: a fixed seed makes the jitter reproducible.
    void seed(quint32 s) { m_random.seed(s); }

private:
    int m_initialMs;
    int m_maxMs;
    double m_factor;
    double m_jitter;
    int m_attempt = 0;
    QRandomGenerator m_random { QRandomGenerator::securelySeeded() };
};

} // namespace fedmsg
