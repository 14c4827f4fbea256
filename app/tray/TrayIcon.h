// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QAction>
#include <QDateTime>
#include <QMenu>
#include <QObject>
#include <QSystemTrayIcon>

#include <chrono>

namespace fedmsg {

/// @brief The tray icon and its context menu; shows the connection state in icon and tooltip.
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    enum class State { NoBus, Connecting, Connected, Offline };
    explicit TrayIcon(QObject *parent = nullptr);

    void show();
    bool isVisible() const { return m_tray.isVisible(); }
    State state() const { return m_state; }
    void setState(State state, const QString &detail = {});
    QString toolTip() const { return m_tray.toolTip(); }
    QMenu *menu() { return &m_menu; }
    QMenu *recentMenu() { return m_recent; }
    /// Puts a message at the top of "Recent messages" (at most MaxRecent are kept).
    /// @p trustLabel: empty for a signed message, else trustLabel() ("broker, unsigned", ...).
    void addRecent(
        const QString &title, const QString &text, const QString &link, const QString &trustLabel);
    static constexpr int MaxRecent = 10;
    bool isPaused() const;
    void setPaused(bool paused);
    /// Shows the pause: the "Do not disturb" check and, for a timed pause, when it ends.
    void setPauseState(bool paused, const QDateTime &until);
    QSystemTrayIcon *systemTrayIcon() { return &m_tray; }

Q_SIGNALS:
    void quitRequested();
    void activated();
    void historyRequested();
    /// The user picked a recent message; link is untrusted text, check it before opening.
    void linkRequested(const QString &link);
    void pauseToggled(bool paused);
    void pauseForRequested(std::chrono::seconds duration);
    void pauseUntilTomorrowRequested();

private:
    QSystemTrayIcon m_tray;
    QMenu m_menu;
    QAction *m_statusAction = nullptr;
    QMenu *m_recent = nullptr;
    QAction *m_pauseAction = nullptr;
    State m_state = State::NoBus;
};

} // namespace fedmsg
