// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "TrayIcon.h"
#include "TrayIconEngine.h"
#include "bus/StatusReason.h"

#include <QEvent>
#include <QGuiApplication>
#include <QIcon>
#include <QLocale>
#include <QMap>
#include <QPalette>

#include <algorithm>

namespace fedmsg {

namespace {
bool isDown(EndpointStatus::State s)
{
    return s == EndpointStatus::State::Retrying || s == EndpointStatus::State::Failed
        || s == EndpointStatus::State::Disconnected;
}

QString timeText(const QDateTime &when)
{
    const QDateTime local = when.toLocalTime();
    const QLocale locale;
    return local.date() == QDate::currentDate()
        ? locale.toString(local.time(), QLocale::ShortFormat)
        : locale.toString(local, QLocale::ShortFormat);
}

QString stateWords(EndpointStatus::State s)
{
    switch (s) {
    case EndpointStatus::State::Connecting:
        return TrayIcon::tr("connecting");
    case EndpointStatus::State::Connected:
        return TrayIcon::tr("connected");
    case EndpointStatus::State::Disconnected:
        return TrayIcon::tr("disconnected");
    case EndpointStatus::State::Retrying:
        return TrayIcon::tr("retrying");
    case EndpointStatus::State::Failed:
        return TrayIcon::tr("down");
    case EndpointStatus::State::Stopped:
        return TrayIcon::tr("stopped");
    }
    return {};
}

// The better of two endpoint states for a bus: connected beats connecting beats the rest.
int rank(EndpointStatus::State s)
{
    switch (s) {
    case EndpointStatus::State::Connected:
        return 5;
    case EndpointStatus::State::Connecting:
        return 4;
    case EndpointStatus::State::Retrying:
        return 3;
    case EndpointStatus::State::Disconnected:
        return 2;
    case EndpointStatus::State::Failed:
        return 1;
    case EndpointStatus::State::Stopped:
        return 0;
    }
    return 0;
}
} // namespace

TrayIcon::TrayIcon(QObject *parent)
    : QObject(parent)
{
    m_statusAction = m_menu.addAction(tr("No bus configured"));
    m_statusAction->setObjectName(QStringLiteral("statusAction"));
    m_statusAction->setEnabled(false);
    m_menu.addSeparator();
    m_recent = m_menu.addMenu(tr("Recent messages"));
    m_recent->setObjectName(QStringLiteral("recentMenu"));
    m_recent->setEnabled(false);

    m_pauseMenu = m_menu.addMenu(tr("&Pause notifications"));
    m_pauseMenu->setObjectName(QStringLiteral("pauseMenu"));
    QAction *hour = m_pauseMenu->addAction(tr("For 1 hour"));
    hour->setObjectName(QStringLiteral("pauseHourAction"));
    connect(hour, &QAction::triggered, this, [this] {
        Q_EMIT pauseForRequested(std::chrono::hours(1));
    });
    QAction *tomorrow = m_pauseMenu->addAction(tr("Until tomorrow"));
    tomorrow->setObjectName(QStringLiteral("pauseTomorrowAction"));
    connect(tomorrow, &QAction::triggered, this, &TrayIcon::pauseUntilTomorrowRequested);
    QAction *untilResumed = m_pauseMenu->addAction(tr("Until resumed"));
    untilResumed->setObjectName(QStringLiteral("pauseAction"));
    connect(untilResumed, &QAction::triggered, this, [this] {
        Q_EMIT pauseToggled(true);
    });
    m_resumeAction = m_menu.addAction(tr("&Resume notifications"));
    m_resumeAction->setObjectName(QStringLiteral("resumeAction"));
    m_resumeAction->setVisible(false);
    connect(m_resumeAction, &QAction::triggered, this, [this] {
        Q_EMIT pauseToggled(false);
    });
    m_cancelCatchUpAction = m_menu.addAction(tr("&Cancel catch-up"));
    m_cancelCatchUpAction->setObjectName(QStringLiteral("cancelCatchUpAction"));
    m_cancelCatchUpAction->setVisible(false);
    connect(m_cancelCatchUpAction, &QAction::triggered, this, &TrayIcon::cancelCatchUpRequested);
    QAction *markRead = m_menu.addAction(tr("&Mark all read"));
    markRead->setObjectName(QStringLiteral("markAllReadAction"));
    connect(markRead, &QAction::triggered, this, &TrayIcon::markAllReadRequested);
    m_menu.addSeparator();
    QAction *history =
        m_menu.addAction(QIcon::fromTheme(QStringLiteral("document-open-recent")), tr("&History…"));
    history->setObjectName(QStringLiteral("historyAction"));
    connect(history, &QAction::triggered, this, &TrayIcon::historyRequested);
    // Enabled by whoever provides the preferences dialog (found by its object name).
    QAction *preferences = m_menu.addAction(
        QIcon::fromTheme(QStringLiteral("preferences-system")), tr("P&references…"));
    preferences->setObjectName(QStringLiteral("preferencesAction"));
    preferences->setEnabled(false);
    QAction *about = m_menu.addAction(QIcon::fromTheme(QStringLiteral("help-about")), tr("&About"));
    about->setObjectName(QStringLiteral("aboutAction"));
    connect(about, &QAction::triggered, this, &TrayIcon::aboutRequested);
    QAction *quit =
        m_menu.addAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"));
    quit->setObjectName(QStringLiteral("quitAction"));
    connect(quit, &QAction::triggered, this, &TrayIcon::quitRequested);

    // The recent list never changes while the menu is open: arrivals wait for it to close.
    connect(&m_menu, &QMenu::aboutToShow, this, [this] {
        menuOpened(true, true);
    });
    connect(&m_menu, &QMenu::aboutToHide, this, [this] {
        menuOpened(true, false);
    });
    connect(m_recent, &QMenu::aboutToShow, this, [this] {
        menuOpened(false, true);
    });
    connect(m_recent, &QMenu::aboutToHide, this, [this] {
        menuOpened(false, false);
    });

    m_tray.setContextMenu(&m_menu);
    connect(
        &m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
            if (r == QSystemTrayIcon::Trigger)
                Q_EMIT activated();
            else if (r == QSystemTrayIcon::MiddleClick)
                Q_EMIT pauseToggled(!m_paused);
        });
    m_updateTimer.setSingleShot(true);
    m_updateTimer.setInterval(UpdateDelay);
    connect(&m_updateTimer, &QTimer::timeout, this, &TrayIcon::updateShown);
    // The light or dark glyph follows the palette: the menu, a widget, hears of its changes
    // (a filter on the application would see every event of the program).
    m_menu.installEventFilter(this);
    flush();
}

TrayIcon::~TrayIcon() = default;

bool TrayIcon::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == &m_menu
        && (event->type() == QEvent::ApplicationPaletteChange
            || event->type() == QEvent::PaletteChange))
        scheduleUpdate();
    return QObject::eventFilter(watched, event);
}

void TrayIcon::show()
{
    m_tray.show();
}

void TrayIcon::scheduleUpdate()
{
    if (!m_updateTimer.isActive())
        m_updateTimer.start();
}

namespace {
// What the tooltip and status line show of an endpoint: its state, reason and the minute of its
// last message (the counters and the seconds change with every message and show nowhere).
bool looksTheSame(const QList<EndpointStatus> &a, const QList<EndpointStatus> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const EndpointStatus &x = a.at(i);
        const EndpointStatus &y = b.at(i);
        if (x.state != y.state || x.busName != y.busName || x.url != y.url || x.detail != y.detail
            || x.lastMessageAt.isValid() != y.lastMessageAt.isValid()
            || x.lastMessageAt.toSecsSinceEpoch() / 60 != y.lastMessageAt.toSecsSinceEpoch() / 60)
            return false;
    }
    return true;
}
} // namespace

void TrayIcon::setEndpoints(const QList<EndpointStatus> &statuses, int sourceCount)
{
    // Every message brings new counters (received, last message): nothing to work out or draw
    // unless what is shown changes.
    if (sourceCount == m_sourceCount && looksTheSame(statuses, m_statuses)) {
        m_statuses = statuses;
        return;
    }
    m_sourceCount = sourceCount;
    m_statuses = statuses;
    m_connectedEndpoints = 0;
    int connecting = 0;
    QString reason;
    for (const EndpointStatus &s : statuses) {
        const QString key = s.busName + QLatin1Char('\n') + s.url;
        if (s.state == EndpointStatus::State::Connected) {
            ++m_connectedEndpoints;
            m_lastFailure.remove(key);
            continue;
        }
        if (isDown(s.state) && !s.detail.isEmpty())
            m_lastFailure.insert(key, s.detail);
        // Connecting again after a failure is still down: the icon does not blink per retry.
        if (s.state == EndpointStatus::State::Connecting && !m_lastFailure.contains(key))
            ++connecting;
        if (reason.isEmpty())
            reason = m_lastFailure.value(key, isDown(s.state) ? s.detail : QString());
    }
    if (sourceCount == 0)
        m_state = State::NoBus;
    else if (m_connectedEndpoints > 0)
        m_state = State::Connected;
    else if (connecting > 0 || statuses.isEmpty())
        m_state = State::Connecting;
    else
        m_state = State::Offline;
    m_reason = m_state == State::Offline ? reason : QString();
    scheduleUpdate();
}

void TrayIcon::setNotes(const QStringList &notes)
{
    if (notes == m_notes)
        return;
    m_notes = notes;
    scheduleUpdate();
}

void TrayIcon::setNotificationServerMissing(bool missing)
{
    if (missing == m_noServer)
        return;
    m_noServer = missing;
    scheduleUpdate();
}

void TrayIcon::setUntrustedSeen(bool seen)
{
    if (seen == m_untrusted)
        return;
    m_untrusted = seen;
    scheduleUpdate();
}

void TrayIcon::setUnreadCount(int unread)
{
    unread = std::max(0, unread);
    if (unread == m_unread)
        return;
    m_unread = unread;
    scheduleUpdate();
}

void TrayIcon::setPauseState(bool paused, const QDateTime &until)
{
    m_paused = paused;
    m_pausedUntil = paused ? until : QDateTime();
    m_pauseMenu->menuAction()->setVisible(!paused);
    m_resumeAction->setVisible(paused);
    m_resumeAction->setText(paused && until.isValid()
            ? tr("&Resume notifications (paused until %1)").arg(timeText(until))
            : tr("&Resume notifications"));
    scheduleUpdate();
}

void TrayIcon::setCatchUpProgress(const QString &busName, const QString &text)
{
    if (m_catchUps.value(busName) == text)
        return;
    if (text.isEmpty())
        m_catchUps.remove(busName);
    else
        m_catchUps.insert(busName, text);
    m_cancelCatchUpAction->setVisible(!m_catchUps.isEmpty());
    scheduleUpdate();
}

TrayIconLook TrayIcon::currentLook() const
{
    TrayIconLook look;
    switch (m_state) {
    case State::NoBus:
        look.connection = TrayIconLook::Connection::NoBus;
        break;
    case State::Connecting:
        look.connection = TrayIconLook::Connection::Connecting;
        break;
    case State::Connected:
        look.connection = TrayIconLook::Connection::Connected;
        break;
    case State::Offline:
        look.connection = TrayIconLook::Connection::AllDown;
        break;
    }
    look.paused = m_paused;
    look.noNotificationServer = m_noServer;
    look.untrustedSeen = m_untrusted;
    // The badge as drawn: every count above 99 is "99+", the same icon.
    look.unread = std::min(m_unread, TrayIconEngine::MaxBadgeCount + 1);
    look.darkPanel = QGuiApplication::palette().color(QPalette::Window).lightness() < 128;
    return look;
}

QString TrayIcon::headline() const
{
    switch (m_state) {
    case State::NoBus:
        return tr("No bus configured");
    case State::Connecting:
        return tr("Connecting…");
    case State::Connected:
        return tr("Connected to %n endpoint(s)", nullptr, m_connectedEndpoints);
    case State::Offline:
        return m_reason.isEmpty() ? tr("All buses down")
                                  : tr("All buses down: %1").arg(StatusReason::userText(m_reason));
    }
    return {};
}

QString TrayIcon::busLines() const
{
    // One line per bus: its best endpoint's state, the reason when it is not connected, and
    // when its last message came.
    struct Bus
    {
        EndpointStatus::State state = EndpointStatus::State::Stopped;
        QString reason;
        QDateTime last;
    };
    QMap<QString, Bus> buses;
    for (const EndpointStatus &s : m_statuses) {
        const bool first = !buses.contains(s.busName);
        Bus &bus = buses[s.busName];
        if (first || rank(s.state) > rank(bus.state))
            bus.state = s.state;
        if (s.state != EndpointStatus::State::Connected && bus.reason.isEmpty())
            bus.reason = m_lastFailure.value(s.busName + QLatin1Char('\n') + s.url, s.detail);
        if (s.lastMessageAt.isValid() && (!bus.last.isValid() || s.lastMessageAt > bus.last))
            bus.last = s.lastMessageAt;
    }
    QStringList lines;
    for (auto it = buses.cbegin(); it != buses.cend(); ++it) {
        QString line = it.key() + QStringLiteral(": ") + stateWords(it->state);
        if (it->state != EndpointStatus::State::Connected && !it->reason.isEmpty())
            line += QStringLiteral(" (") + StatusReason::userText(it->reason) + QLatin1Char(')');
        line += QStringLiteral(" — ")
            + (it->last.isValid() ? tr("last message %1").arg(timeText(it->last))
                                  : tr("no message yet"));
        lines.append(line);
    }
    return lines.join(QLatin1Char('\n'));
}

QString TrayIcon::busSummary() const
{
    const QString buses = busLines();
    return buses.isEmpty() ? headline() : headline() + QLatin1Char('\n') + buses;
}

void TrayIcon::flush()
{
    updateShown();
    if (m_recentDirty && !m_mainOpen && !m_recentOpen)
        rebuildRecent();
}

void TrayIcon::applyPendingUpdate()
{
    if (m_updateTimer.isActive())
        updateShown();
}

void TrayIcon::updateShown()
{
    m_updateTimer.stop();
    const TrayIconLook look = currentLook();
    if (!m_iconShown || !(look == m_shownLook)) {
        m_tray.setIcon(QIcon(new TrayIconEngine(look)));
        m_shownLook = look;
        m_iconShown = true;
        ++m_iconUpdates;
    }
    QStringList status { headline() };
    status += m_notes;
    const QString statusLine = status.join(QStringLiteral(" — "));
    if (m_statusAction->text() != statusLine)
        m_statusAction->setText(statusLine);

    QStringList tip { QStringLiteral("fedmsg-notify — ") + headline() };
    const QString buses = busLines();
    if (!buses.isEmpty())
        tip.append(buses);
    if (m_paused)
        tip.append(m_pausedUntil.isValid()
                ? tr("Notifications paused until %1").arg(timeText(m_pausedUntil))
                : tr("Notifications paused until resumed"));
    tip += m_catchUps.values();
    if (m_unread > 0)
        tip.append(tr("%n unread message(s)", nullptr, m_unread));
    if (m_untrusted)
        tip.append(tr("Untrusted messages were received (kept in the history, not shown)"));
    tip += m_notes;
    const QString toolTip = tip.join(QLatin1Char('\n'));
    if (m_tray.toolTip() != toolTip)
        m_tray.setToolTip(toolTip);
}

void TrayIcon::menuOpened(bool main, bool open)
{
    // The recent rows are made when someone is about to see them (over StatusNotifierItem the
    // panel's AboutToShow), not per message.
    if (open && !m_mainOpen && !m_recentOpen && m_recentDirty)
        rebuildRecent();
    (main ? m_mainOpen : m_recentOpen) = open;
    if (m_mainOpen || m_recentOpen)
        return;
    // Closed: what arrived meanwhile goes in, but only once the event that closed the menu is
    // done: a click hides the menu before it triggers its action, and a rebuild at that moment
    // would put another message under the pointer.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_mainOpen || m_recentOpen)
                return;
            for (const RecentEntry &entry : std::as_const(m_waiting))
                addRecent(entry);
            m_waiting.clear();
            if (m_recentDirty)
                rebuildRecent();
        },
        Qt::QueuedConnection);
}

void TrayIcon::setRecent(const QList<RecentEntry> &entries)
{
    QList<RecentEntry> merged = m_recentEntries + entries;
    std::stable_sort(merged.begin(), merged.end(), [](const RecentEntry &a, const RecentEntry &b) {
        return a.id > b.id;
    });
    QList<RecentEntry> unique;
    for (const RecentEntry &e : std::as_const(merged)) {
        if (unique.size() >= MaxRecent)
            break;
        if (e.id != 0 && std::any_of(unique.cbegin(), unique.cend(), [&e](const RecentEntry &u) {
                return u.id == e.id;
            }))
            continue;
        unique.append(e);
    }
    m_recentEntries = unique;
    m_recentDirty = true;
    if (!m_mainOpen && !m_recentOpen)
        rebuildRecent();
}

void TrayIcon::addRecent(const RecentEntry &entry)
{
    if (m_mainOpen || m_recentOpen) {
        m_waiting.append(entry);
        if (m_waiting.size() > MaxRecent)
            m_waiting.removeFirst();
        return;
    }
    m_recentEntries.prepend(entry);
    while (m_recentEntries.size() > MaxRecent)
        m_recentEntries.removeLast();
    // The rows are made when the menu is about to show (menuOpened), or by flush(): nothing per
    // message while nobody looks.
    m_recentDirty = true;
    if (!m_recent->isEnabled())
        m_recent->setEnabled(true);
}

void TrayIcon::rebuildRecent()
{
    m_recentDirty = false;
    m_recent->clear(); // deletes the actions it owns
    for (const RecentEntry &entry : std::as_const(m_recentEntries)) {
        QString label =
            entry.text.isEmpty() ? entry.title : entry.title + QStringLiteral(" — ") + entry.text;
        if (label.size() > 90)
            label = label.left(89) + QChar(0x2026);
        // Menu text is not markup, but '&' would become a mnemonic.
        label.replace(QLatin1Char('&'), QStringLiteral("&&"));
        if (!entry.trustLabel.isEmpty())
            label = tr("[%1] %2").arg(entry.trustLabel, label);
        auto *action = m_recent->addAction(label);
        action->setToolTip(entry.link);
        action->setEnabled(!entry.link.isEmpty());
        connect(action, &QAction::triggered, this, [this, link = entry.link, id = entry.id] {
            Q_EMIT linkRequested(link);
            if (id > 0)
                Q_EMIT recentOpened(id);
        });
    }
    m_recent->setEnabled(!m_recentEntries.isEmpty());
}

} // namespace fedmsg
