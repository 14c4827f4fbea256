// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "Application.h"
#include "HistoryWindow.h"
#include "demo/DemoBus.h"

#include <QApplication>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>

using namespace fedmsg;

// Life without a system tray. This test runs on Qt's offscreen platform, where no tray is ever
// available (as on GNOME without an AppIndicator extension); the session bus and dunst of
// tests/run-headless.sh are there, so notifications can flow.
class TestNoTray : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void historyWindowIsTheMainWindowAndNotificationsFlow();
    void backgroundStartOpensNoWindow();

private:
    Application::Options options() const;
    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {
HistoryWindow *visibleHistoryWindow()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *h = qobject_cast<HistoryWindow *>(w); h && h->isVisible())
            return h;
    return nullptr;
}
} // namespace

void TestNoTray::init()
{
    if (qEnvironmentVariableIsEmpty("FEDMSG_HEADLESS_INNER"))
        QSKIP("needs the session bus and notification server of tests/run-headless.sh");
    QVERIFY2(!QSystemTrayIcon::isSystemTrayAvailable(), "this test must run without a tray");
    m_dir = std::make_unique<QTemporaryDir>();
    qputenv("XDG_RUNTIME_DIR", m_dir->path().toLocal8Bit()); // own single-instance socket
}

Application::Options TestNoTray::options() const
{
    Application::Options o;
    o.settingsPath = m_dir->filePath(QStringLiteral("settings.conf"));
    o.historyPath = m_dir->filePath(QStringLiteral("history.sqlite"));
    o.configDirs = { m_dir->filePath(QStringLiteral("no-fedmsg.d")) };
    o.demo = true;
    return o;
}

void TestNoTray::historyWindowIsTheMainWindowAndNotificationsFlow()
{
    Application app(options());
    QSignalSpy notified(&app, &Application::notified);
    QVERIFY(app.start());
    QVERIFY(visibleHistoryWindow()); // opened by start() itself
    app.demoBus()->setInterval(100);
    QTRY_VERIFY_WITH_TIMEOUT(notified.count() >= 1, 20000);
    // Closed, it comes back with a second start (the launcher).
    visibleHistoryWindow()->close();
    QTRY_VERIFY(!visibleHistoryWindow());
    Application second(options());
    QVERIFY(!second.start());
    QTRY_VERIFY_WITH_TIMEOUT(visibleHistoryWindow(), 10000);
}

void TestNoTray::backgroundStartOpensNoWindow()
{
    Application::Options o = options();
    o.background = true;
    Application app(o);
    QSignalSpy notified(&app, &Application::notified);
    QVERIFY(app.start());
    app.demoBus()->setInterval(100);
    QTRY_VERIFY_WITH_TIMEOUT(notified.count() >= 1, 20000);
    QVERIFY(!visibleHistoryWindow());
}

QTEST_MAIN(TestNoTray)
#include "TestNoTray.moc"
