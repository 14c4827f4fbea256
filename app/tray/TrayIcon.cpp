// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "TrayIcon.h"

#include <QIcon>
#include <QLocale>

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
    m_recent = m_menu.addMenu(tr("Recent messages"));
    m_recent->setObjectName(QStringLiteral("recentMenu"));
    m_recent->setEnabled(false);
    m_pauseAction = m_menu.addAction(tr("Do not disturb"));
    m_pauseAction->setObjectName(QStringLiteral("pauseAction"));
    m_pauseAction->setCheckable(true);
    // Triggered (a user's click) rather than toggled: setPauseState() does not echo back.
    connect(m_pauseAction, &QAction::triggered, this, &TrayIcon::pauseToggled);
    QMenu *pauseFor = m_menu.addMenu(tr("Pause notifications"));
    pauseFor->setObjectName(QStringLiteral("pauseMenu"));
    QAction *hour = pauseFor->addAction(tr("For 1 hour"));
    hour->setObjectName(QStringLiteral("pauseHourAction"));
    connect(hour, &QAction::triggered, this, [this] {
        Q_EMIT pauseForRequested(std::chrono::hours(1));
    });
    QAction *tomorrow = pauseFor->addAction(tr("Until tomorrow"));
    tomorrow->setObjectName(QStringLiteral("pauseTomorrowAction"));
    connect(tomorrow, &QAction::triggered, this, &TrayIcon::pauseUntilTomorrowRequested);
    m_menu.addSeparator();
    QAction *history =
        m_menu.addAction(QIcon::fromTheme(QStringLiteral("document-open-recent")), tr("&History…"));
    history->setObjectName(QStringLiteral("historyAction"));
    connect(history, &QAction::triggered, this, &TrayIcon::historyRequested);
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

void TrayIcon::addRecent(
    const QString &title, const QString &text, const QString &link, const QString &trustLabel)
{
    QString label = text.isEmpty() ? title : title + QStringLiteral(" — ") + text;
    if (label.size() > 90)
        label = label.left(89) + QChar(0x2026);
    // Menu text is not markup, but '&' would become a mnemonic.
    label.replace(QLatin1Char('&'), QStringLiteral("&&"));
    if (!trustLabel.isEmpty())
        label = tr("[%1] %2").arg(trustLabel, label);
    auto *action = new QAction(label, m_recent);
    action->setToolTip(link);
    action->setEnabled(!link.isEmpty());
    connect(action, &QAction::triggered, this, [this, link] {
        Q_EMIT linkRequested(link);
    });
    const auto actions = m_recent->actions();
    m_recent->insertAction(actions.isEmpty() ? nullptr : actions.first(), action);
    while (m_recent->actions().size() > MaxRecent) {
        QAction *oldest = m_recent->actions().last();
        m_recent->removeAction(oldest);
        delete oldest;
    }
    m_recent->setEnabled(true);
}

bool TrayIcon::isPaused() const
{
    return m_pauseAction->isChecked();
}

void TrayIcon::setPaused(bool paused)
{
    m_pauseAction->setChecked(paused);
}

void TrayIcon::setPauseState(bool paused, const QDateTime &until)
{
    m_pauseAction->setChecked(paused);
    m_pauseAction->setText(paused && until.isValid()
            ? tr("Do not disturb (until %1)").arg(QLocale().toString(until, QLocale::ShortFormat))
            : tr("Do not disturb"));
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
