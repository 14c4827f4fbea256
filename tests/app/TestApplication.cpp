// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "Application.h"
#include "HistoryWindow.h"
#include "TrayIcon.h"
#include "demo/DemoBus.h"
#include "engine/Engine.h"
#include "history/History.h"
#include "notify/Notification.h"
#include "rules/RuleSet.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDesktopServices>
#include <QMenu>
#include <QPointer>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <csignal>

using namespace fedmsg;

// Stands in for the desktop's URL opener (QDesktopServices::setUrlHandler): records each link.
class UrlRecorder : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public Q_SLOTS:
    void open(const QUrl &url) { opened.append(url); }
};

// The whole applet under the harness: real tray (trayer), real dunst, real ZeroMQ demo bus.
class TestApplication : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void startsWithVisibleIconAndNoBus();
    void demoBusMessagesReachTrayAndNotifications();
    void trayTellsWhileTheNotificationServerIsGone();
    void pauseHoldsPopupsAndOneSummaryFollows();
    void controlInterfacesAnswerGdbusOnBothNames();
    void burstGivesAHandfulOfPopups();
    void showHistoryOpensOneWindowThatDiesWithTheApplet();
    void historyWindowOpensFromMenuDBusAndSecondStart();
    void muteMakesARuleFirstThatOutlivesTheApplet();
    void recentMessagesSurviveARestart();
    void recentMenuStaysStableWhileTheBusDelivers();

private:
    Application::Options options() const;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestApplication::init()
{
    if (qEnvironmentVariableIsEmpty("FEDMSG_HEADLESS_INNER"))
        QSKIP("needs the X display, tray and notification server of tests/run-headless.sh");
    m_dir = std::make_unique<QTemporaryDir>();
    qputenv("XDG_RUNTIME_DIR", m_dir->path().toLocal8Bit()); // own single-instance socket
}

void TestApplication::showHistoryOpensOneWindowThatDiesWithTheApplet()
{
    QPointer<HistoryWindow> window;
    {
        Application app(options());
        QVERIFY(app.start());
        QTRY_VERIFY_WITH_TIMEOUT(app.history()->isReady(), 20000);
        app.showHistory();
        const auto windows = QApplication::topLevelWidgets();
        for (QWidget *w : windows)
            if (auto *history = qobject_cast<HistoryWindow *>(w))
                window = history;
        QVERIFY(window);
        QTRY_VERIFY(window->isVisible());
        app.showHistory(); // raises the same window
        int count = 0;
        for (QWidget *w : QApplication::topLevelWidgets())
            count += qobject_cast<HistoryWindow *>(w) ? 1 : 0;
        QCOMPARE(count, 1);
    }
    QVERIFY(!window); // gone with the history it shows
}

namespace {
int visibleHistoryWindows()
{
    int count = 0;
    for (QWidget *w : QApplication::topLevelWidgets())
        count += (qobject_cast<HistoryWindow *>(w) && w->isVisible()) ? 1 : 0;
    return count;
}
bool gdbusCall(const QStringList &args, QString *out = nullptr);
} // namespace

// Issue 17: "starting the program a second time prints 'asked it to show itself' and nothing
// appears". The menu's History…, D-Bus ShowHistory() and a second start each show the one window.
void TestApplication::historyWindowOpensFromMenuDBusAndSecondStart()
{
    Application app(options());
    QVERIFY(app.start());
    QTRY_VERIFY_WITH_TIMEOUT(app.history()->isReady(), 20000);
    QCOMPARE(visibleHistoryWindows(), 0);
    auto *action = app.tray()->menu()->findChild<QAction *>(QStringLiteral("historyAction"));
    QVERIFY(action);
    QVERIFY(!action->text().isEmpty());
    action->trigger();
    QTRY_COMPARE(visibleHistoryWindows(), 1);
    for (QWidget *w : QApplication::topLevelWidgets())
        if (qobject_cast<HistoryWindow *>(w))
            w->close(); // WA_DeleteOnClose
    QTRY_COMPARE(visibleHistoryWindows(), 0);

    QVERIFY(gdbusCall({ QStringLiteral("--dest"),
        QStringLiteral("org.fedoraproject.FedmsgNotify"),
        QStringLiteral("--object-path"),
        QStringLiteral("/org/fedoraproject/FedmsgNotify/Control"),
        QStringLiteral("--method"),
        QStringLiteral("org.fedoraproject.FedmsgNotify.Control.ShowHistory") }));
    QTRY_COMPARE(visibleHistoryWindows(), 1);
    for (QWidget *w : QApplication::topLevelWidgets())
        if (qobject_cast<HistoryWindow *>(w))
            w->close();
    QTRY_COMPARE(visibleHistoryWindows(), 0);

    // A second start asks the first instance to show itself, and it does.
    Application second(options());
    QVERIFY(!second.start());
    QTRY_COMPARE_WITH_TIMEOUT(visibleHistoryWindows(), 1, 10000);
}

// "Mute…" on a notification: a rule for its type, first in the user's rules, in force at once
// and still there after a restart; muting the same type again replaces it.
void TestApplication::muteMakesARuleFirstThatOutlivesTheApplet()
{
    Notification n;
    n.summary = QStringLiteral("kalev commented on FEDORA-2026-1");
    n.topic = QStringLiteral("org.fedoraproject.prod.bodhi.update.comment");
    n.serviceName = QStringLiteral("bodhi");
    const QString id = QStringLiteral("mute-bodhi-update-comment");
    {
        Application app(options());
        QVERIFY(app.start());
        QSignalSpy muted(&app, &Application::muted);
        QSignalSpy notified(&app, &Application::notified);
        app.muteSimilar(n, std::chrono::hours(1));
        QCOMPARE(muted.count(), 1);
        QCOMPARE(muted.at(0).at(0).toString(), id);
        const rules::RuleSet &inForce = app.engine()->rulesStage().rules();
        QCOMPARE(inForce.rules.value(0).id, id);
        QCOMPARE(inForce.rules.value(0).action.kind, rules::RuleAction::Kind::Mute);
        // The confirmation names the type by its label, not by its topic.
        QVERIFY(!notified.isEmpty());
        const QString said = notified.last().at(0).toString();
        QVERIFY2(said.startsWith(QStringLiteral("Mute ")) && !said.contains(QLatin1Char('/')),
            qPrintable(said));

        app.muteSimilar(n, std::chrono::seconds(0)); // "Always"
        QCOMPARE(muted.count(), 2);
        const auto sameId =
            std::count_if(inForce.rules.begin(), inForce.rules.end(), [&](const rules::Rule &r) {
                return r.id == id;
            });
        QCOMPARE(sameId, 1);
    }
    Application again(options());
    QVERIFY(again.start());
    const rules::RuleSet &restored = again.engine()->rulesStage().rules();
    QCOMPARE(restored.rules.value(0).id, id);
    QCOMPARE(restored.rules.value(0).action.kind, rules::RuleAction::Kind::HistoryOnly);
}

Application::Options TestApplication::options() const
{
    Application::Options o;
    o.settingsPath = m_dir->filePath(QStringLiteral("settings.conf"));
    o.historyPath = m_dir->filePath(QStringLiteral("history.sqlite"));
    o.configDirs = { m_dir->filePath(QStringLiteral("no-fedmsg.d")) };
    return o;
}

void TestApplication::startsWithVisibleIconAndNoBus()
{
    QTRY_VERIFY_WITH_TIMEOUT(QSystemTrayIcon::isSystemTrayAvailable(), 5000);
    Application app(options());
    QVERIFY(app.start());
    QVERIFY(app.tray()->isVisible());
    QVERIFY(!app.tray()->systemTrayIcon()->icon().isNull());
    // The icon is embedded in the tray: it has a geometry on screen.
    QTRY_VERIFY_WITH_TIMEOUT(app.tray()->systemTrayIcon()->geometry().isValid(), 5000);
    QVERIFY(app.tray()->systemTrayIcon()->geometry().width() > 0);

    // A second instance in the same session does not start.
    Application second(options());
    QVERIFY(!second.start());
}

void TestApplication::demoBusMessagesReachTrayAndNotifications()
{
    Application::Options o = options();
    o.demo = true;
    Application app(o);
    QSignalSpy notified(&app, &Application::notified);
    QVERIFY(app.start());
    QVERIFY(app.demoBus());
    QVERIFY(app.demoBus()->isRunning());
    app.demoBus()->setInterval(100);
    QCOMPARE(app.engine()->sourceCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(app.tray()->state(), TrayIcon::State::Connected, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(notified.count() >= 2, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(app.tray()->recentEntries().size() >= 2, 5000);
    QVERIFY(app.tray()->recentMenu()->isEnabled());
    app.tray()->flush(); // the rows are made when the menu shows (or now)
    QVERIFY(app.tray()->recentMenu()->actions().size() >= 2);
}

// dunst killed (as in a crash) and started again by D-Bus activation: the tray's status says so
// while it is gone, and stops saying so when it is back.
void TestApplication::trayTellsWhileTheNotificationServerIsGone()
{
    const QString service = QStringLiteral("org.freedesktop.Notifications");
    QDBusConnectionInterface *bus = QDBusConnection::sessionBus().interface();
    QVERIFY2(bus && bus->isServiceRegistered(service).value(),
        "needs the notification server (dunst) of tests/run-headless.sh");
    Application app(options());
    QVERIFY(app.start());
    const QString gone = QStringLiteral("no notification server");
    QVERIFY2(!app.tray()->toolTip().contains(gone), qPrintable(app.tray()->toolTip()));

    const uint pid = bus->servicePid(service).value();
    QVERIFY(pid > 0);
    QCOMPARE(::kill(static_cast<pid_t>(pid), SIGKILL), 0);
    QTRY_VERIFY2_WITH_TIMEOUT(
        app.tray()->toolTip().contains(gone), qPrintable(app.tray()->toolTip()), 10000);

    QVERIFY(bus->startService(service).isValid());
    QTRY_VERIFY2_WITH_TIMEOUT(
        !app.tray()->toolTip().contains(gone), qPrintable(app.tray()->toolTip()), 10000);
}

// Our pause: messages still reach the history and the tray's list, no popup goes out, and
// resuming gives one "N messages while paused" popup.
void TestApplication::pauseHoldsPopupsAndOneSummaryFollows()
{
    Application::Options o = options();
    o.demo = true;
    Application app(o);
    QSignalSpy notified(&app, &Application::notified);
    QVERIFY(app.start());
    app.pause(std::chrono::seconds(0));
    QVERIFY(app.isPaused());
    QVERIFY(app.tray()->isPaused());
    app.demoBus()->setInterval(50);
    QTRY_VERIFY_WITH_TIMEOUT(app.tray()->recentEntries().size() >= 3, 15000);
    QCOMPARE(notified.count(), 0);
    app.resume();
    QVERIFY(!app.tray()->isPaused());
    QVERIFY(notified.count() >= 1);
    const QString summary = notified.first().first().toString();
    QVERIFY2(summary.endsWith(QStringLiteral("message(s) while paused")), qPrintable(summary));
}

namespace {
// gdbus as a script or the old GNOME Shell extension would call it; the event loop runs while
// it waits, so the applet in this process answers.
bool gdbusCall(const QStringList &args, QString *out)
{
    QProcess gdbus;
    gdbus.start(QStringLiteral("gdbus"),
        QStringList { QStringLiteral("call"), QStringLiteral("--session") } + args);
    if (!gdbus.waitForStarted())
        return false;
    QSignalSpy finished(&gdbus, &QProcess::finished);
    if (!finished.wait(10000))
        return false;
    if (out)
        *out = QString::fromUtf8(gdbus.readAllStandardOutput()).trimmed();
    if (gdbus.exitCode() != 0)
        qWarning().noquote() << "gdbus" << args.join(QLatin1Char(' '))
                             << "failed:" << gdbus.readAllStandardError();
    return gdbus.exitCode() == 0;
}
} // namespace

void TestApplication::controlInterfacesAnswerGdbusOnBothNames()
{
    Application app(options());
    QVERIFY(app.start());
    const QStringList ours { QStringLiteral("--dest"),
        QStringLiteral("org.fedoraproject.FedmsgNotify"),
        QStringLiteral("--object-path"),
        QStringLiteral("/org/fedoraproject/FedmsgNotify/Control") };
    QVERIFY(gdbusCall(ours
        + QStringList { QStringLiteral("--method"),
            QStringLiteral("org.fedoraproject.FedmsgNotify.Control.Pause"),
            QStringLiteral("3600") }));
    QVERIFY(app.isPaused());
    QVERIFY(app.tray()->isPaused());
    QString out;
    QVERIFY(gdbusCall(ours
            + QStringList { QStringLiteral("--method"),
                QStringLiteral("org.freedesktop.DBus.Properties.Get"),
                QStringLiteral("org.fedoraproject.FedmsgNotify.Control"),
                QStringLiteral("Paused") },
        &out));
    QCOMPARE(out, QStringLiteral("(<true>,)"));
    // The old applet's name and method resume it.
    QVERIFY(gdbusCall({ QStringLiteral("--dest"),
        QStringLiteral("org.fedoraproject.fedmsg.notify"),
        QStringLiteral("--object-path"),
        QStringLiteral("/org/fedoraproject/fedmsg/notify"),
        QStringLiteral("--method"),
        QStringLiteral("org.fedoraproject.fedmsg.notify.Enable") }));
    QVERIFY(!app.isPaused());
    QVERIFY(gdbusCall(ours
            + QStringList { QStringLiteral("--method"),
                QStringLiteral("org.freedesktop.DBus.Properties.Get"),
                QStringLiteral("org.fedoraproject.FedmsgNotify.Control"),
                QStringLiteral("UnreadCount") },
        &out));
    QCOMPARE(out, QStringLiteral("(<uint32 0>,)"));
}

// A burst from the demo bus (one message a millisecond): the burst control lets a handful of
// popups out (5 a minute, 3 a minute for one rule) and holds the rest for the digest; every
// message still reaches the engine and the history.
void TestApplication::burstGivesAHandfulOfPopups()
{
    Application::Options o = options();
    o.demo = true;
    Application app(o);
    QSignalSpy notified(&app, &Application::notified);
    QVERIFY(app.start());
    QTRY_COMPARE_WITH_TIMEOUT(app.tray()->state(), TrayIcon::State::Connected, 10000);
    app.demoBus()->setInterval(1);
    QTRY_VERIFY_WITH_TIMEOUT(app.engine()->receivedCount() >= 500, 30000);
    app.demoBus()->stop();
    qInfo() << app.engine()->receivedCount() << "messages," << notified.count() << "popups,"
            << app.tray()->iconUpdates() << "tray icon redraws";
    // No work per message that the eye cannot see: the icon (badge, state) is drawn again per
    // coalesced update, not per message.
    QVERIFY2(quint64(app.tray()->iconUpdates()) * 10 < app.engine()->receivedCount(),
        qPrintable(QString::number(app.tray()->iconUpdates())));
    QVERIFY2(notified.count() <= 5, qPrintable(QString::number(notified.count())));
    QVERIFY(notified.count() >= 1);
}

// Issue 17: "Recent messages is empty after a restart although the history holds the
// messages". A new Application on the same history lists what the first one received.
void TestApplication::recentMessagesSurviveARestart()
{
    QList<RecentEntry> before;
    {
        Application::Options o = options();
        o.demo = true;
        Application app(o);
        QVERIFY(app.start());
        app.demoBus()->setInterval(50);
        QTRY_VERIFY_WITH_TIMEOUT(app.tray()->recentEntries().size() >= 4, 20000);
        app.demoBus()->stop();
        before = app.tray()->recentEntries();
    } // shutdown writes the history
    QVERIFY(before.first().id > 0);
    Application again(options());
    QVERIFY(again.start());
    QTRY_VERIFY_WITH_TIMEOUT(again.tray()->recentEntries().size() >= before.size(), 20000);
    const QList<RecentEntry> after = again.tray()->recentEntries();
    // The newest stored ones, newest first (a message still in flight when the demo bus
    // stopped may be newer than what the first run listed).
    qsizetype k = 0;
    while (k < after.size() && after.at(k).id != before.first().id)
        ++k;
    QVERIFY2(k < 3, "the first run's newest message is not listed after the restart");
    for (qsizetype i = 0; i < 3 && k + i < after.size(); ++i) {
        QCOMPARE(after.at(k + i).id, before.at(i).id);
        QCOMPARE(after.at(k + i).link, before.at(i).link);
        QCOMPARE(after.at(k + i).title, before.at(i).title);
        QCOMPARE(after.at(k + i).trustLabel, before.at(i).trustLabel);
    }
    QTRY_COMPARE(again.tray()->recentMenu()->actions().size(), after.size());
    QVERIFY(again.tray()->recentMenu()->isEnabled());
}

// The menu open on the X display while the demo bus goes on delivering: the row under the
// pointer stays the same message, and clicking it asks for that message's link.
void TestApplication::recentMenuStaysStableWhileTheBusDelivers()
{
    Application::Options o = options();
    o.demo = true;
    Application app(o);
    QVERIFY(app.start());
    app.demoBus()->setInterval(100);
    TrayIcon *tray = app.tray();
    QTRY_VERIFY_WITH_TIMEOUT(tray->recentEntries().size() >= 3, 20000);
    tray->flush();
    QSignalSpy links(tray, &TrayIcon::linkRequested);
    UrlRecorder opener; // records instead of starting a browser
    QDesktopServices::setUrlHandler(QStringLiteral("https"), &opener, "open");
    QDesktopServices::setUrlHandler(QStringLiteral("http"), &opener, "open");
    const auto unset = qScopeGuard([] {
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
        QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
    });

    tray->menu()->popup(QPoint(300, 200));
    QVERIFY(QTest::qWaitForWindowExposed(tray->menu()));
    tray->menu()->setActiveAction(tray->recentMenu()->menuAction());
    QTest::keyClick(tray->menu(), Qt::Key_Right);
    QTRY_VERIFY(tray->recentMenu()->isVisible());
    QAction *row = tray->recentMenu()->actions().at(1);
    const QString text = row->text();
    const QString link = row->toolTip();
    const QPoint where = tray->recentMenu()->actionGeometry(row).center();
    QTest::mouseMove(tray->recentMenu(), where);
    QTRY_COMPARE(tray->recentMenu()->activeAction(), row);

    const quint64 received = app.engine()->receivedCount();
    QTRY_VERIFY_WITH_TIMEOUT(app.engine()->receivedCount() >= received + 3, 20000);
    tray->flush();
    QCOMPARE(tray->recentMenu()->actionAt(where), row);
    QCOMPARE(row->text(), text);

    QTest::mouseClick(tray->recentMenu(), Qt::LeftButton, {}, where);
    QTRY_COMPARE(links.count(), 1);
    QCOMPARE(links.at(0).at(0).toString(), link);
    // The applet's opener got exactly that link (http/https only; demo links are https).
    if (link.startsWith(QStringLiteral("https://")) || link.startsWith(QStringLiteral("http://")))
        QTRY_COMPARE(opener.opened, QList<QUrl>({ QUrl(link) }));
    QTRY_VERIFY(!tray->menu()->isVisible());
    // Closed: the messages that came meanwhile are listed.
    QTRY_VERIFY(tray->recentMenu()->actions().constFirst()->text() != text);
}

QTEST_MAIN(TestApplication)
#include "TestApplication.moc"
