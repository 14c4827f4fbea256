// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "notify/Notification.h"

#include <QDateTime>
#include <QTime>

#include <chrono>
#include <functional>
#include <optional>

namespace fedmsg {

/**
 * @brief Do not disturb: our own pause, scheduled quiet hours, and the desktop's inhibition.
 * Pure policy with an injectable wall clock (quiet hours are local times), no timers: the
 * caller asks nextChange() when to look again.
 *
 * - Our pause: for a while (pauseFor(), e.g. 1 hour), until tomorrow (pauseUntilTomorrow():
 *   08:00 local of the next day), or until resumed (pauseUntilResumed()); resume() ends it.
 * - Quiet hours: a daily local window (it may cross midnight, 22:00–07:00).
 * - Critical popups pass both when allowCritical (the default).
 * - The desktop's own do-not-disturb (Plasma's Inhibited property, setDesktopInhibited()):
 *   nothing is shown while it is set, and what it held back is not counted for our summary (the
 *   server shows what it held itself).
 * What our pause or quiet hours held back is counted; when they end, takeSummary() gives one
 * "N messages while paused" popup.
 */
class DoNotDisturb
{
public:
    using Clock = std::function<QDateTime()>;
    enum class Verdict {
        Show,
        Held, ///< by our pause or quiet hours: counted for the summary
        HeldByDesktop, ///< by the desktop's do-not-disturb: not counted
    };

    explicit DoNotDisturb(Clock clock = {});

    void pauseFor(std::chrono::seconds duration);
    void pauseUntilTomorrow();
    void pauseUntilResumed();
    void resume();
    /// Our pause right now (not quiet hours, not the desktop's).
    bool isPaused() const;
    /// When our pause ends; an invalid QDateTime while paused until resumed or not paused.
    QDateTime pausedUntil() const;

    /// Daily quiet hours from @p start to @p end (local); equal or invalid times turn them off.
    void setQuietHours(QTime start, QTime end);
    bool inQuietHours() const;
    void setAllowCritical(bool allow) { m_allowCritical = allow; }
    void setDesktopInhibited(bool inhibited) { m_desktopInhibited = inhibited; }
    bool desktopInhibited() const { return m_desktopInhibited; }

    Verdict admit(const Notification &notification);
    /// Messages held by our pause or quiet hours since the last summary.
    int heldCount() const { return m_held; }
    /// The next moment the verdict may change by itself (pause end, quiet hours start or end);
    /// invalid when nothing is scheduled.
    QDateTime nextChange() const;
    /// The "N messages while paused" popup, once our pause and quiet hours are over and
    /// something was held; empty otherwise.
    std::optional<Notification> takeSummary();

private:
    bool ourQuiet() const;

    Clock m_clock;
    bool m_pausedUntilResumed = false;
    QDateTime m_pausedUntil;
    QTime m_quietStart;
    QTime m_quietEnd;
    bool m_allowCritical = true;
    bool m_desktopInhibited = false;
    int m_held = 0;
};

} // namespace fedmsg
