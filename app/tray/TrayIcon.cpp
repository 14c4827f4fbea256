// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "TrayIcon.h"

#include <QIcon>

namespace fedmsg {

namespace {
QIcon iconFor(TrayIcon::State state)
{
    const bool online = state == TrayIcon::State::Connected || state == TrayIcon::State::Connecting;
    return QIcon(online ? QStringLiteral(":/fedmsg-notify/icons/fedmsg-notify.svg")
                        : QStringLiteral(":/fedmsg-notify/icons/fedmsg-notify-offline.svg"));
}

QString textFor(TrayIcon::State state)
{
    switch (state) {
    case TrayIcon::State::NoBus:
        return TrayIcon::tr("No bus configured");
    case TrayIcon::State::Connecting:
        return TrayIcon::tr("Connecting…");
    case TrayIcon::State::Connected:
        return TrayIcon::tr("Connected");
    case TrayIcon::State::Offline:
        return TrayIcon::tr("Offline");
    }
    return {};
}
} // namespace

TrayIcon::TrayIcon(QObject *parent)
    : QObject(parent)
{
    m_statusAction = m_menu.addAction(textFor(m_state));
    m_statusAction->setEnabled(false);
    m_menu.addSeparator();
    QAction *quit =
        m_menu.addAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"));
    quit->setObjectName(QStringLiteral("quitAction"));
    connect(quit, &QAction::triggered, this, &TrayIcon::quitRequested);
    m_tray.setContextMenu(&m_menu);
    connect(
        &m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
            if (r == QSystemTrayIcon::Trigger)
                Q_EMIT activated();
        });
    setState(State::NoBus);
}

void TrayIcon::show()
{
    m_tray.show();
}

void TrayIcon::setState(State state, const QString &detail)
{
    m_state = state;
    m_tray.setIcon(iconFor(state));
    const QString text =
        detail.isEmpty() ? textFor(state) : textFor(state) + QStringLiteral(": ") + detail;
    m_statusAction->setText(text);
    m_tray.setToolTip(QStringLiteral("fedmsg-notify — ") + text);
}

} // namespace fedmsg
