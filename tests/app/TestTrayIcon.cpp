// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "TrayIcon.h"
#include "i18n/Translations.h"
#include "message/TrustState.h"

#include <QApplication>
#include <QMenu>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

using namespace fedmsg;

class TestTrayIcon : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void trayIsAvailableUnderTheHarness();
    void recentMessagesAreListedNewestFirstAndBounded();
    void recentMenuStaysStableWhileOpen();
    void storedMessagesMergeByIdNewestFirst();
    void tooltipPerState();
    void pluralsAreEnglish();
    void iconIsDrawnAgainOnlyWhenItsLookChanges();
    void countsAboveTheBadgeDrawNothing();
    void messageCountersScheduleNothing();
    void recentRowsAreMadeWhenTheMenuShows();
    void middleClickTogglesPause();
    void pauseMenuOrResume();
    void menuHasTheItemsOfIssue17();
    void catchUpProgressAndCancel();
    void glyphFollowsThePalette();
};

namespace {
RecentEntry entry(qint64 id, const QString &text, const QString &trust = {})
{
    return { id,
        QStringLiteral("Bodhi: comment on update"),
        text,
        QStringLiteral("https://bodhi.fedoraproject.org/updates/%1").arg(id),
        trust };
}

EndpointStatus endpoint(const QString &bus, EndpointStatus::State state, const QString &detail = {})
{
    EndpointStatus s;
    s.busName = bus;
    s.url = QStringLiteral("amqps://") + bus + QStringLiteral(".example/");
    s.state = state;
    s.detail = detail;
    return s;
}
} // namespace

void TestTrayIcon::initTestCase()
{
    Translations::install(QLocale(QLocale::English));
}

void TestTrayIcon::trayIsAvailableUnderTheHarness()
{
    // The headless harness (tests/run-headless.sh) runs trayer, an XEmbed tray, on Xvfb.
    if (qEnvironmentVariableIsEmpty("FEDMSG_HEADLESS_INNER"))
        QSKIP("needs the X display and XEmbed tray of tests/run-headless.sh");
    QTRY_VERIFY_WITH_TIMEOUT(QSystemTrayIcon::isSystemTrayAvailable(), 5000);
}

void TestTrayIcon::recentMessagesAreListedNewestFirstAndBounded()
{
    TrayIcon tray;
    QVERIFY(!tray.recentMenu()->isEnabled());
    QSignalSpy spy(&tray, &TrayIcon::linkRequested);
    QSignalSpy opened(&tray, &TrayIcon::recentOpened);
    for (int i = 1; i <= TrayIcon::MaxRecent + 3; ++i)
        tray.addRecent(entry(i,
            QStringLiteral("comment %1 & more").arg(i),
            i == TrayIcon::MaxRecent + 3 ? trustLabel(TrustState::BrokerUnsigned) : QString()));
    tray.flush();
    const auto actions = tray.recentMenu()->actions();
    QCOMPARE(actions.size(), TrayIcon::MaxRecent);
    QVERIFY(actions.first()->text().contains(QStringLiteral("comment 13 && more")));
    QVERIFY(actions.first()->text().contains(QStringLiteral("Bodhi: comment on update")));
    // The one trust wording: a fedora-messaging message is "broker, unsigned", a signed one
    // carries no mark.
    QVERIFY2(actions.first()->text().startsWith(QStringLiteral("[broker, unsigned] ")),
        qPrintable(actions.first()->text()));
    QVERIFY(!actions.at(1)->text().startsWith(QLatin1Char('[')));
    actions.first()->trigger();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(
        spy.at(0).at(0).toString(), QStringLiteral("https://bodhi.fedoraproject.org/updates/13"));
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.at(0).at(0).toLongLong(), 13);
}

// Issue 17: "the Recent messages submenu inserts new rows at the top while it is open, so a
// click lands on a different message". The menu is opened on the X display, the pointer rests
// on a row, messages arrive: the row under the pointer is still the same message, and a real
// click opens its link. The new ones are listed once the menu closed.
void TestTrayIcon::recentMenuStaysStableWhileOpen()
{
    if (qEnvironmentVariableIsEmpty("FEDMSG_HEADLESS_INNER"))
        QSKIP("needs the X display of tests/run-headless.sh");
    TrayIcon tray;
    for (int i = 1; i <= 5; ++i)
        tray.addRecent(entry(i, QStringLiteral("message %1").arg(i)));
    tray.flush();
    QSignalSpy links(&tray, &TrayIcon::linkRequested);

    tray.menu()->popup(QPoint(200, 200));
    QVERIFY(QTest::qWaitForWindowExposed(tray.menu()));
    tray.menu()->setActiveAction(tray.recentMenu()->menuAction());
    QTest::keyClick(tray.menu(), Qt::Key_Right);
    QTRY_VERIFY(tray.recentMenu()->isVisible());
    QVERIFY(QTest::qWaitForWindowExposed(tray.recentMenu()));
    QAction *third = tray.recentMenu()->actions().at(2);
    QVERIFY(third->text().contains(QStringLiteral("message 3")));
    const QPoint where = tray.recentMenu()->actionGeometry(third).center();
    QTest::mouseMove(tray.recentMenu(), where);
    QTRY_COMPARE(tray.recentMenu()->activeAction(), third);

    for (int i = 6; i <= 8; ++i)
        tray.addRecent(entry(i, QStringLiteral("message %1").arg(i)));
    tray.flush();
    QTest::qWait(0);
    QCOMPARE(tray.recentMenu()->actions().size(), 5);
    QCOMPARE(tray.recentMenu()->actionAt(where), third);
    QVERIFY(tray.recentMenu()->actionAt(where)->text().contains(QStringLiteral("message 3")));

    QTest::mouseClick(tray.recentMenu(), Qt::LeftButton, {}, where);
    QTRY_COMPARE(links.count(), 1);
    QCOMPARE(
        links.at(0).at(0).toString(), QStringLiteral("https://bodhi.fedoraproject.org/updates/3"));
    QTRY_VERIFY(!tray.menu()->isVisible());
    QTRY_COMPARE(tray.recentMenu()->actions().size(), 8);
    QVERIFY(tray.recentMenu()->actions().first()->text().contains(QStringLiteral("message 8")));
}

void TestTrayIcon::storedMessagesMergeByIdNewestFirst()
{
    TrayIcon tray;
    tray.addRecent(entry(12, QStringLiteral("live")));
    tray.setRecent({ entry(12, QStringLiteral("stored twin")),
        entry(11, QStringLiteral("stored")),
        entry(3, QStringLiteral("old")) });
    const QList<RecentEntry> list = tray.recentEntries();
    QCOMPARE(list.size(), 3);
    QCOMPARE(list.at(0).id, 12);
    QCOMPARE(list.at(0).text, QStringLiteral("live"));
    QCOMPARE(list.at(1).id, 11);
    QCOMPARE(list.at(2).id, 3);
    QCOMPARE(tray.recentMenu()->actions().size(), 3);
    QVERIFY(tray.recentMenu()->isEnabled());
}

void TestTrayIcon::tooltipPerState()
{
    TrayIcon tray;
    tray.flush();
    QVERIFY2(
        tray.toolTip().contains(QStringLiteral("No bus configured")), qPrintable(tray.toolTip()));

    tray.setEndpoints({}, 1);
    tray.flush();
    QCOMPARE(tray.state(), TrayIcon::State::Connecting);
    QVERIFY(tray.statusText().startsWith(QStringLiteral("Connecting")));

    // A bus that cannot connect is down, with its reason in the tooltip and the status line,
    // also while it connects again.
    // librabbitmq's words; the tray says it in ours (StatusReason, translatable).
    const QString reason = QStringLiteral("hostname lookup failed");
    const QString shown = QStringLiteral("The server's name could not be resolved.");
    tray.setEndpoints(
        { endpoint(QStringLiteral("Fedora"), EndpointStatus::State::Retrying, reason) }, 1);
    tray.flush();
    QCOMPARE(tray.state(), TrayIcon::State::Offline);
    QVERIFY2(tray.statusText().contains(QStringLiteral("All buses down: ") + shown),
        qPrintable(tray.statusText()));
    QVERIFY2(tray.toolTip().contains(
                 QStringLiteral("Fedora: retrying (%1) — no message yet").arg(shown)),
        qPrintable(tray.toolTip()));
    tray.setEndpoints({ endpoint(QStringLiteral("Fedora"), EndpointStatus::State::Connecting) }, 1);
    tray.flush();
    QCOMPARE(tray.state(), TrayIcon::State::Offline);
    QVERIFY2(tray.toolTip().contains(shown), qPrintable(tray.toolTip()));

    EndpointStatus up = endpoint(QStringLiteral("Fedora"), EndpointStatus::State::Connected);
    up.lastMessageAt = QDateTime::currentDateTimeUtc();
    tray.setEndpoints(
        { up, endpoint(QStringLiteral("Debian"), EndpointStatus::State::Failed, reason) }, 2);
    tray.setUnreadCount(3);
    tray.setPauseState(true, {});
    tray.setNotificationServerMissing(true);
    tray.setNotes({ QStringLiteral("no notification server: popups start when one appears") });
    tray.flush();
    QCOMPARE(tray.state(), TrayIcon::State::Connected);
    const QString tip = tray.toolTip();
    const QString time =
        QLocale().toString(up.lastMessageAt.toLocalTime().time(), QLocale::ShortFormat);
    QVERIFY2(
        tip.contains(QStringLiteral("Fedora: connected — last message ") + time), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Debian: down (%1)").arg(shown)), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Notifications paused until resumed")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("3 unread messages")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("no notification server")), qPrintable(tip));
    QVERIFY(!tip.contains(QStringLiteral("Untrusted")));
    tray.setUntrustedSeen(true);
    tray.flush();
    QVERIFY(tray.toolTip().contains(QStringLiteral("Untrusted messages were received")));
    QVERIFY(tray.look().paused);
    QVERIFY(tray.look().noNotificationServer);
    QVERIFY(tray.look().untrustedSeen);
    QCOMPARE(tray.look().unread, 3);
}

// Issue 17: "1 endpoint(s)". English plurals come from the English translation.
void TestTrayIcon::pluralsAreEnglish()
{
    TrayIcon tray;
    tray.setEndpoints({ endpoint(QStringLiteral("Fedora"), EndpointStatus::State::Connected) }, 1);
    tray.setUnreadCount(1);
    tray.flush();
    QVERIFY2(tray.statusText() == QStringLiteral("Connected to 1 endpoint"),
        qPrintable(tray.statusText()));
    QVERIFY2(
        tray.toolTip().contains(QStringLiteral("\n1 unread message")), qPrintable(tray.toolTip()));
    QVERIFY(!tray.toolTip().contains(QStringLiteral("(s)")));
    tray.setEndpoints({ endpoint(QStringLiteral("Fedora"), EndpointStatus::State::Connected),
                          endpoint(QStringLiteral("Debian"), EndpointStatus::State::Connected) },
        2);
    tray.setUnreadCount(2);
    tray.flush();
    QCOMPARE(tray.statusText(), QStringLiteral("Connected to 2 endpoints"));
    QVERIFY(tray.toolTip().contains(QStringLiteral("2 unread messages")));
}

// No work per message that the eye cannot see: status updates and unread counts that change
// nothing visible do not draw the icon again; a burst of changes is drawn once.
void TestTrayIcon::iconIsDrawnAgainOnlyWhenItsLookChanges()
{
    TrayIcon tray;
    const QList<EndpointStatus> up { endpoint(
        QStringLiteral("Fedora"), EndpointStatus::State::Connected) };
    tray.setEndpoints(up, 1);
    tray.flush();
    const int drawn = tray.iconUpdates();
    const QString tip = tray.toolTip();
    for (int i = 0; i < 50; ++i)
        tray.setEndpoints(up, 1);
    tray.flush();
    QCOMPARE(tray.iconUpdates(), drawn);
    QCOMPARE(tray.toolTip(), tip);

    // Fifty new unread counts in a row: the coalescing timer draws once, with the last.
    for (int i = 1; i <= 50; ++i)
        tray.setUnreadCount(i);
    QCOMPARE(tray.iconUpdates(), drawn);
    QTRY_COMPARE(tray.iconUpdates(), drawn + 1);
    QCOMPARE(tray.look().unread, 50);
    QVERIFY(tray.toolTip().contains(QStringLiteral("50 unread messages")));
}

// Issue 17/21: every count above 99 is the same "99+" badge: steady traffic with many unread
// messages does not draw the icon again (the tooltip still says how many).
void TestTrayIcon::countsAboveTheBadgeDrawNothing()
{
    TrayIcon tray;
    tray.setUnreadCount(150);
    tray.flush();
    const int drawn = tray.iconUpdates();
    for (int i = 151; i <= 200; ++i) {
        tray.setUnreadCount(i);
        tray.flush();
    }
    QCOMPARE(tray.iconUpdates(), drawn);
    QVERIFY2(
        tray.toolTip().contains(QStringLiteral("200 unread messages")), qPrintable(tray.toolTip()));
    tray.setUnreadCount(7);
    tray.flush();
    QCOMPARE(tray.iconUpdates(), drawn + 1);
}

// Issue 17/21: each message brings its endpoint's new counters and last-message time; the
// tooltip shows that time to the minute, so within a minute nothing is scheduled at all.
void TestTrayIcon::messageCountersScheduleNothing()
{
    TrayIcon tray;
    EndpointStatus up = endpoint(QStringLiteral("Fedora"), EndpointStatus::State::Connected);
    const qint64 minute = QDateTime::currentSecsSinceEpoch() / 60 * 60;
    up.lastMessageAt = QDateTime::fromSecsSinceEpoch(minute, Qt::UTC);
    up.received = 1;
    tray.setEndpoints({ up }, 1);
    QVERIFY(tray.isUpdatePending());
    tray.flush();
    QVERIFY(!tray.isUpdatePending());
    for (int i = 1; i < 60; ++i) {
        up.lastMessageAt = QDateTime::fromSecsSinceEpoch(minute + i, Qt::UTC);
        ++up.received;
        tray.setEndpoints({ up }, 1);
    }
    QVERIFY(!tray.isUpdatePending());
    up.lastMessageAt = QDateTime::fromSecsSinceEpoch(minute + 60, Qt::UTC);
    tray.setEndpoints({ up }, 1);
    QVERIFY(tray.isUpdatePending()); // the minute shown changed
    tray.flush();
    QVERIFY2(tray.toolTip().contains(
                 QLocale().toString(up.lastMessageAt.toLocalTime().time(), QLocale::ShortFormat)),
        qPrintable(tray.toolTip()));
    up.state = EndpointStatus::State::Retrying;
    up.detail = QStringLiteral("connection refused");
    tray.setEndpoints({ up }, 1);
    QVERIFY(tray.isUpdatePending());
    tray.flush();
    QCOMPARE(tray.state(), TrayIcon::State::Offline);

    // The unread recount is coalesced by its caller, which applies the update at once.
    tray.setUnreadCount(4);
    QVERIFY(tray.isUpdatePending());
    tray.applyPendingUpdate();
    QVERIFY(!tray.isUpdatePending());
    QCOMPARE(tray.look().unread, 4);
}

// Issue 17/21: messages arriving while nobody looks at the menu cost no menu rows; the rows are
// made when the menu is about to show (a click on the icon, or a panel's AboutToShow over
// StatusNotifierItem).
void TestTrayIcon::recentRowsAreMadeWhenTheMenuShows()
{
    TrayIcon tray;
    for (int i = 1; i <= 3; ++i)
        tray.addRecent(entry(i, QStringLiteral("message %1").arg(i)));
    QVERIFY(!tray.isUpdatePending());
    QVERIFY(tray.recentMenu()->actions().isEmpty());
    QVERIFY(tray.recentMenu()->isEnabled()); // reachable: its rows come as it opens
    Q_EMIT tray.menu()->aboutToShow();
    QCOMPARE(tray.recentMenu()->actions().size(), 3);
    QVERIFY(tray.recentMenu()->actions().first()->text().contains(QStringLiteral("message 3")));
    Q_EMIT tray.menu()->aboutToHide();
}

void TestTrayIcon::middleClickTogglesPause()
{
    TrayIcon tray;
    QSignalSpy toggled(&tray, &TrayIcon::pauseToggled);
    QSignalSpy activated(&tray, &TrayIcon::activated);
    Q_EMIT tray.systemTrayIcon()->activated(QSystemTrayIcon::MiddleClick);
    QCOMPARE(toggled.count(), 1);
    QCOMPARE(toggled.at(0).at(0).toBool(), true);
    tray.setPauseState(true, {});
    Q_EMIT tray.systemTrayIcon()->activated(QSystemTrayIcon::MiddleClick);
    QCOMPARE(toggled.count(), 2);
    QCOMPARE(toggled.at(1).at(0).toBool(), false);
    QCOMPARE(activated.count(), 0);
    Q_EMIT tray.systemTrayIcon()->activated(QSystemTrayIcon::Trigger);
    QCOMPARE(activated.count(), 1); // a left click opens the history window
}

void TestTrayIcon::pauseMenuOrResume()
{
    TrayIcon tray;
    auto *pauseMenu = tray.menu()->findChild<QMenu *>(QStringLiteral("pauseMenu"));
    auto *resume = tray.menu()->findChild<QAction *>(QStringLiteral("resumeAction"));
    QVERIFY(pauseMenu);
    QVERIFY(resume);
    QVERIFY(pauseMenu->menuAction()->isVisible());
    QVERIFY(!resume->isVisible());
    QSignalSpy toggled(&tray, &TrayIcon::pauseToggled);
    QSignalSpy forRequested(&tray, &TrayIcon::pauseForRequested);
    QSignalSpy tomorrow(&tray, &TrayIcon::pauseUntilTomorrowRequested);
    pauseMenu->findChild<QAction *>(QStringLiteral("pauseHourAction"))->trigger();
    QCOMPARE(forRequested.count(), 1);
    QCOMPARE(forRequested.at(0).at(0).value<std::chrono::seconds>(), std::chrono::seconds(3600));
    pauseMenu->findChild<QAction *>(QStringLiteral("pauseTomorrowAction"))->trigger();
    QCOMPARE(tomorrow.count(), 1);
    pauseMenu->findChild<QAction *>(QStringLiteral("pauseAction"))->trigger();
    QCOMPARE(toggled.count(), 1);
    QVERIFY(toggled.at(0).at(0).toBool());

    const QDateTime until = QDateTime::currentDateTime().addSecs(3600);
    tray.setPauseState(true, until);
    QVERIFY(tray.isPaused());
    QVERIFY(!pauseMenu->menuAction()->isVisible());
    QVERIFY(resume->isVisible());
    QVERIFY2(resume->text().contains(QLocale().toString(until.time(), QLocale::ShortFormat)),
        qPrintable(resume->text()));
    resume->trigger();
    QCOMPARE(toggled.count(), 2);
    QVERIFY(!toggled.at(1).at(0).toBool());
}

// Issue 18: a running catch-up's progress in the tooltip, one line per bus, and "Cancel
// catch-up" in the menu only while one runs.
void TestTrayIcon::catchUpProgressAndCancel()
{
    TrayIcon tray;
    auto *cancel = tray.menu()->findChild<QAction *>(QStringLiteral("cancelCatchUpAction"));
    QVERIFY(cancel);
    QVERIFY(!cancel->isVisible());
    QVERIFY(!cancel->text().isEmpty());
    tray.setCatchUpProgress(
        QStringLiteral("fedora"), QStringLiteral("Catching up on fedora: 120 of 480"));
    tray.setCatchUpProgress(
        QStringLiteral("debian"), QStringLiteral("Catching up on debian: 0 of 5"));
    tray.flush();
    QVERIFY(cancel->isVisible());
    QVERIFY2(tray.toolTip().contains(QStringLiteral("\nCatching up on fedora: 120 of 480")),
        qPrintable(tray.toolTip()));
    QVERIFY(tray.toolTip().contains(QStringLiteral("Catching up on debian: 0 of 5")));
    QSignalSpy cancelled(&tray, &TrayIcon::cancelCatchUpRequested);
    cancel->trigger();
    QCOMPARE(cancelled.count(), 1);
    tray.setCatchUpProgress(QStringLiteral("fedora"), {});
    tray.flush();
    QVERIFY(!tray.toolTip().contains(QStringLiteral("fedora: 120")));
    QVERIFY(cancel->isVisible()); // debian still runs
    tray.setCatchUpProgress(QStringLiteral("debian"), {});
    tray.flush();
    QVERIFY(!cancel->isVisible());
    QVERIFY(!tray.toolTip().contains(QStringLiteral("Catching up")));
}

void TestTrayIcon::menuHasTheItemsOfIssue17()
{
    TrayIcon tray;
    QStringList names;
    for (QAction *a : tray.menu()->actions())
        if (!a->isSeparator())
            names.append(a->menu() ? a->menu()->objectName() : a->objectName());
    QCOMPARE(names,
        QStringList({ QStringLiteral("statusAction"),
            QStringLiteral("recentMenu"),
            QStringLiteral("pauseMenu"),
            QStringLiteral("resumeAction"),
            QStringLiteral("cancelCatchUpAction"),
            QStringLiteral("markAllReadAction"),
            QStringLiteral("historyAction"),
            QStringLiteral("preferencesAction"),
            QStringLiteral("aboutAction"),
            QStringLiteral("quitAction") }));
    auto *prefs = tray.menu()->findChild<QAction *>(QStringLiteral("preferencesAction"));
    QVERIFY(!prefs->isEnabled()); // until the preferences dialog connects it
    QSignalSpy quit(&tray, &TrayIcon::quitRequested);
    QSignalSpy about(&tray, &TrayIcon::aboutRequested);
    QSignalSpy markRead(&tray, &TrayIcon::markAllReadRequested);
    tray.menu()->findChild<QAction *>(QStringLiteral("quitAction"))->trigger();
    tray.menu()->findChild<QAction *>(QStringLiteral("aboutAction"))->trigger();
    tray.menu()->findChild<QAction *>(QStringLiteral("markAllReadAction"))->trigger();
    QCOMPARE(quit.count(), 1);
    QCOMPARE(about.count(), 1);
    QCOMPARE(markRead.count(), 1);
}

void TestTrayIcon::glyphFollowsThePalette()
{
    const QPalette original = QApplication::palette();
    const auto restore = qScopeGuard([original] {
        QApplication::setPalette(original);
    });
    QPalette light = original;
    light.setColor(QPalette::Window, Qt::white);
    QApplication::setPalette(light);
    TrayIcon tray;
    QVERIFY(!tray.look().darkPanel);
    QPalette dark = original;
    dark.setColor(QPalette::Window, QColor(0x24, 0x24, 0x24));
    QApplication::setPalette(dark);
    QTRY_VERIFY(tray.look().darkPanel);
}

QTEST_MAIN(TestTrayIcon)
#include "TestTrayIcon.moc"
