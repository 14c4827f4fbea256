// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QAction>
#include <QMenu>
#include <QObject>
#include <QSystemTrayIcon>

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
    QSystemTrayIcon *systemTrayIcon() { return &m_tray; }

Q_SIGNALS:
    void quitRequested();
    void activated();

private:
    QSystemTrayIcon m_tray;
    QMenu m_menu;
    QAction *m_statusAction = nullptr;
    State m_state = State::NoBus;
};

} // namespace fedmsg
