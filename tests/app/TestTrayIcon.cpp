// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "Application.h"
#include "TrayIcon.h"

#include <QApplication>
#include <QMenu>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

using namespace fedmsg;

class TestTrayIcon : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void trayIsAvailableUnderTheHarness();
    void applicationShowsVisibleIcon();
    void stateChangesToolTipAndIcon();
    void quitActionRequestsQuit();
};

void TestTrayIcon::trayIsAvailableUnderTheHarness()
{
    // The headless harness (tests/run-headless.sh) runs trayer, an XEmbed tray, on Xvfb.
    if (qEnvironmentVariableIsEmpty("FEDMSG_HEADLESS_INNER"))
        QSKIP("needs the X display and XEmbed tray of tests/run-headless.sh");
    QTRY_VERIFY_WITH_TIMEOUT(QSystemTrayIcon::isSystemTrayAvailable(), 5000);
}

void TestTrayIcon::applicationShowsVisibleIcon()
{
    if (qEnvironmentVariableIsEmpty("FEDMSG_HEADLESS_INNER"))
        QSKIP("needs the X display and XEmbed tray of tests/run-headless.sh");
    Application::Options options;
    Application app(options);
    QVERIFY(app.start());
    QVERIFY(app.tray()->isVisible());
    QVERIFY(!app.tray()->systemTrayIcon()->icon().isNull());
    QCOMPARE(app.tray()->state(), TrayIcon::State::NoBus);
    QVERIFY(app.tray()->toolTip().contains(QStringLiteral("No bus configured")));
    // The icon is embedded in the tray: it has a geometry on screen.
    QTRY_VERIFY_WITH_TIMEOUT(app.tray()->systemTrayIcon()->geometry().isValid(), 5000);
    QVERIFY(app.tray()->systemTrayIcon()->geometry().width() > 0);

    // A second instance in the same session does not start, and activates the first.
    Application second(options);
    QVERIFY(!second.start());
}

void TestTrayIcon::stateChangesToolTipAndIcon()
{
    TrayIcon tray;
    const qint64 offlineKey = tray.systemTrayIcon()->icon().cacheKey();
    tray.setState(TrayIcon::State::Connected, QStringLiteral("2 buses"));
    QVERIFY(tray.toolTip().contains(QStringLiteral("Connected: 2 buses")));
    QVERIFY(tray.systemTrayIcon()->icon().cacheKey() != offlineKey);
    QCOMPARE(tray.state(), TrayIcon::State::Connected);
}

void TestTrayIcon::quitActionRequestsQuit()
{
    TrayIcon tray;
    QSignalSpy spy(&tray, &TrayIcon::quitRequested);
    const auto actions = tray.menu()->actions();
    QAction *found = nullptr;
    for (QAction *a : actions)
        if (a->objectName() == QStringLiteral("quitAction"))
            found = a;
    QVERIFY(found);
    found->trigger();
    QCOMPARE(spy.count(), 1);
}

QTEST_MAIN(TestTrayIcon)
#include "TestTrayIcon.moc"
