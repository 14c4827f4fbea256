// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "RecentEntry.h"
#include "TrayIconLook.h"
#include "bus/EndpointStatus.h"

#include <QAction>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QMenu>
#include <QObject>
#include <QStringList>
#include <QSystemTrayIcon>
#include <QTimer>

#include <chrono>

namespace fedmsg {

/**
 * @brief The tray icon, its tooltip and its menu.
 *
 * The state is drawn into the icon (TrayIconEngine): connected, connecting, all buses down,
 * no bus, paused, no notification server, untrusted messages seen, and the unread count as a
 * badge. Setters only record what changed; one single-shot timer (UpdateDelay) then updates
 * icon, tooltip and status line together, and the icon is drawn again only when what it shows
 * changed; status updates that change nothing shown (a message's counters) schedule nothing.
 * "Recent messages" keeps the newest MaxRecent messages, newest first, its rows made when the
 * menu is about to show; while the menu is open it never changes under the pointer: arrivals
 * wait until it closes.
 */
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    enum class State { NoBus, Connecting, Connected, Offline };
    explicit TrayIcon(QObject *parent = nullptr);
    ~TrayIcon() override;
    Q_DISABLE_COPY_MOVE(TrayIcon)

    static constexpr int MaxRecent = 10;
    static constexpr std::chrono::milliseconds UpdateDelay { 200 };

    void show();
    bool isVisible() const { return m_tray.isVisible(); }
    State state() const { return m_state; }
    /// The sources' endpoints (sourceCount 0 = no bus). Buses that cannot connect are "down"
    /// with their reason in the tooltip and status line, also while they retry.
    void setEndpoints(const QList<EndpointStatus> &statuses, int sourceCount);
    /// Lines added to the status (configuration problems, the missing notification server).
    void setNotes(const QStringList &notes);
    void setNotificationServerMissing(bool missing);
    void setUntrustedSeen(bool seen);
    void setUnreadCount(int unread);
    /// Shows the pause: the Resume item instead of the Pause submenu and, for a timed pause,
    /// when it ends.
    void setPauseState(bool paused, const QDateTime &until);
    bool isPaused() const { return m_paused; }
    /// A catch-up's progress for @p busName ("Catching up on fedora: 120 of 480") in the
    /// tooltip, and the "Cancel catch-up" item while any is shown; empty @p text: it is over.
    void setCatchUpProgress(const QString &busName, const QString &text);

    /// Replaces what is listed with @p entries merged with what is already there (by id, newest
    /// first): the history's last messages at start.
    void setRecent(const QList<RecentEntry> &entries);
    /// A new message at the top of "Recent messages" (its row is made when the menu is about to
    /// show; arrivals while it is open wait until it closes).
    void addRecent(const RecentEntry &entry);
    QList<RecentEntry> recentEntries() const { return m_recentEntries; }

    /// The tooltip and status line as shown now (after the coalescing timer ran).
    QString toolTip() const { return m_tray.toolTip(); }
    QString statusText() const { return m_statusAction->text(); }
    /// The status line and one line per bus (its state, reason, last message): the About box.
    QString busSummary() const;
    TrayIconLook look() const { return m_shownLook; }
    /// How often the icon was replaced (drawn again) since construction.
    int iconUpdates() const { return m_iconUpdates; }
    /// Runs the pending update now (tests, and before a screenshot), the recent list included.
    void flush();
    /// An update of icon, tooltip and status line is waiting for the coalescing timer.
    bool isUpdatePending() const { return m_updateTimer.isActive(); }
    /// Runs a pending update of icon, tooltip and status line now: for a caller that coalesced
    /// already (the unread recount), so that one wake-up does both.
    void applyPendingUpdate();

    QMenu *menu() { return &m_menu; }
    QMenu *recentMenu() { return m_recent; }
    QSystemTrayIcon *systemTrayIcon() { return &m_tray; }

    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    void quitRequested();
    /// Left click on the icon.
    void activated();
    void historyRequested();
    void aboutRequested();
    void markAllReadRequested();
    /// The user picked a recent message; link is untrusted text, check it before opening.
    void linkRequested(const QString &link);
    /// The recent message with this history id was opened.
    void recentOpened(qint64 id);
    /// Pause until resumed (true) or resume (false): the menu and a middle click.
    void pauseToggled(bool paused);
    void pauseForRequested(std::chrono::seconds duration);
    void pauseUntilTomorrowRequested();
    /// "Cancel catch-up" in the menu.
    void cancelCatchUpRequested();

private:
    void scheduleUpdate();
    /// Icon (only when its look changed), tooltip and status line; the coalescing timer's slot.
    void updateShown();
    void rebuildRecent();
    void menuOpened(bool main, bool open);
    QString busLines() const;
    QString headline() const;
    TrayIconLook currentLook() const;

    QSystemTrayIcon m_tray;
    QMenu m_menu;
    QAction *m_statusAction = nullptr;
    QMenu *m_recent = nullptr;
    QMenu *m_pauseMenu = nullptr;
    QAction *m_resumeAction = nullptr;
    QAction *m_cancelCatchUpAction = nullptr;
    QTimer m_updateTimer;

    State m_state = State::NoBus;
    QString m_reason; ///< why every bus is down
    int m_connectedEndpoints = 0;
    int m_sourceCount = 0;
    QList<EndpointStatus> m_statuses;
    QHash<QString, QString> m_lastFailure; ///< busName\nurl → reason, until it connects
    QStringList m_notes;
    bool m_noServer = false;
    bool m_untrusted = false;
    int m_unread = 0;
    bool m_paused = false;
    QDateTime m_pausedUntil;
    QMap<QString, QString> m_catchUps; ///< bus name -> its catch-up's progress line
    TrayIconLook m_shownLook;
    bool m_iconShown = false;
    int m_iconUpdates = 0;

    QList<RecentEntry> m_recentEntries; ///< newest first
    QList<RecentEntry> m_waiting; ///< arrived while the menu was open, oldest first
    bool m_recentDirty = false;
    bool m_mainOpen = false;
    bool m_recentOpen = false;
};

} // namespace fedmsg
