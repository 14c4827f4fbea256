// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "notify/DoNotDisturb.h"

#include <QCoreApplication>
#include <QTimeZone>

#include <utility>

namespace fedmsg {

namespace {
constexpr int TomorrowHour = 8;
} // namespace

DoNotDisturb::DoNotDisturb(Clock clock)
    : m_clock(clock ? std::move(clock) : Clock([] {
        return QDateTime::currentDateTime();
    }))
{}

void DoNotDisturb::pauseFor(std::chrono::seconds duration)
{
    m_pausedUntilResumed = false;
    m_pausedUntil = m_clock().addSecs(duration.count());
}

void DoNotDisturb::pauseUntilTomorrow()
{
    const QDateTime now = m_clock();
    m_pausedUntilResumed = false;
    m_pausedUntil = QDateTime(now.date().addDays(1), QTime(TomorrowHour, 0), now.timeZone());
}

void DoNotDisturb::pauseUntilResumed()
{
    m_pausedUntilResumed = true;
    m_pausedUntil = {};
}

void DoNotDisturb::resume()
{
    m_pausedUntilResumed = false;
    m_pausedUntil = {};
}

bool DoNotDisturb::isPaused() const
{
    return m_pausedUntilResumed || (m_pausedUntil.isValid() && m_clock() < m_pausedUntil);
}

QDateTime DoNotDisturb::pausedUntil() const
{
    return isPaused() && !m_pausedUntilResumed ? m_pausedUntil : QDateTime();
}

void DoNotDisturb::setQuietHours(QTime start, QTime end)
{
    if (!start.isValid() || !end.isValid() || start == end) {
        m_quietStart = m_quietEnd = QTime();
        return;
    }
    m_quietStart = start;
    m_quietEnd = end;
}

bool DoNotDisturb::inQuietHours() const
{
    if (!m_quietStart.isValid())
        return false;
    const QTime now = m_clock().time();
    if (m_quietStart < m_quietEnd)
        return now >= m_quietStart && now < m_quietEnd;
    return now >= m_quietStart || now < m_quietEnd; // across midnight
}

bool DoNotDisturb::ourQuiet() const
{
    return isPaused() || inQuietHours();
}

DoNotDisturb::Verdict DoNotDisturb::admit(const Notification &notification)
{
    const bool critical =
        m_allowCritical && notification.urgency == Notification::Urgency::Critical;
    if (ourQuiet() && !critical) {
        ++m_held;
        return Verdict::Held;
    }
    if (m_desktopInhibited)
        return Verdict::HeldByDesktop;
    return Verdict::Show;
}

QDateTime DoNotDisturb::nextChange() const
{
    const QDateTime now = m_clock();
    QDateTime next;
    const auto consider = [&next, &now](const QDateTime &t) {
        if (t.isValid() && t > now && (!next.isValid() || t < next))
            next = t;
    };
    if (isPaused() && !m_pausedUntilResumed)
        consider(m_pausedUntil);
    if (m_quietStart.isValid()) {
        for (const QTime t : { m_quietStart, m_quietEnd }) {
            QDateTime at(now.date(), t, now.timeZone());
            if (at <= now)
                at = at.addDays(1);
            consider(at);
        }
    }
    return next;
}

std::optional<Notification> DoNotDisturb::takeSummary()
{
    if (m_held == 0 || ourQuiet() || m_desktopInhibited)
        return std::nullopt;
    Notification n;
    n.summary = QCoreApplication::translate(
        "fedmsg::DoNotDisturb", "%n message(s) while paused", nullptr, m_held);
    n.body = QCoreApplication::translate(
        "fedmsg::DoNotDisturb", "They are in the history and counted as unread.");
    n.category = QStringLiteral("x-fedmsg.digest");
    m_held = 0;
    return n;
}

} // namespace fedmsg
