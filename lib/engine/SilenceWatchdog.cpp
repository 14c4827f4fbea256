// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "engine/SilenceWatchdog.h"

#include <QTimer>

#include <algorithm>

namespace fedmsg {

namespace {
constexpr int MaxBackoff = 8;
}

SilenceWatchdog::SilenceWatchdog(QObject *parent)
    : QObject(parent)
{}

SilenceWatchdog::~SilenceWatchdog() = default;

void SilenceWatchdog::watch(const QString &bus, std::chrono::milliseconds interval)
{
    if (interval.count() <= 0) {
        unwatch(bus);
        return;
    }
    auto &w = m_watched[bus];
    if (!w) {
        w = std::make_unique<Watch>();
        w->timer = std::make_unique<QTimer>();
        w->timer->setSingleShot(true);
        // Precise enough for minutes; coarse timers let the system batch wake-ups.
        w->timer->setTimerType(Qt::CoarseTimer);
        // The timer belongs to the watch: the slot can only run while the watch exists.
        connect(w->timer.get(), &QTimer::timeout, this, [this, bus, watch = w.get()] {
            const auto silence = watch->interval * watch->backoff;
            watch->backoff = std::min(watch->backoff * 2, MaxBackoff);
            watch->timer->start(watch->interval * watch->backoff);
            Q_EMIT silent(bus, silence);
        });
    }
    w->interval = interval;
    w->backoff = 1;
    w->timer->start(interval);
}

void SilenceWatchdog::unwatch(const QString &bus)
{
    m_watched.erase(bus);
}

void SilenceWatchdog::unwatchAll()
{
    m_watched.clear();
}

void SilenceWatchdog::messageArrived(const QString &bus)
{
    const auto it = m_watched.find(bus);
    if (it == m_watched.end())
        return;
    Watch &w = *it->second;
    w.backoff = 1;
    w.timer->start(w.interval);
}

std::chrono::milliseconds SilenceWatchdog::currentInterval(const QString &bus) const
{
    const auto it = m_watched.find(bus);
    if (it == m_watched.end())
        return std::chrono::milliseconds(0);
    return it->second->interval * it->second->backoff;
}

} // namespace fedmsg
