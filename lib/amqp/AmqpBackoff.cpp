// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "amqp/AmqpBackoff.h"

#include <algorithm>
#include <cmath>

namespace fedmsg {

AmqpBackoff::AmqpBackoff(int initialMs, int maxMs, double factor, double jitter)
    : m_initialMs(initialMs)
    , m_maxMs(maxMs)
    , m_factor(factor)
    , m_jitter(jitter)
{}

int AmqpBackoff::nextDelayMs()
{
    const double base =
        std::min<double>(m_maxMs, m_initialMs * std::pow(m_factor, std::min(m_attempt, 64)));
    ++m_attempt;
    const double spread = (m_random.generateDouble() * 2.0 - 1.0) * m_jitter;
    const double delay = std::clamp(base * (1.0 + spread), 0.0, static_cast<double>(m_maxMs));
    return static_cast<int>(std::lround(delay));
}

} // namespace fedmsg
