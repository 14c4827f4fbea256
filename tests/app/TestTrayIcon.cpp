// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "TrayIcon.h"
#include "message/TrustState.h"

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
    void recentMessagesAreListedNewestFirstAndBounded();
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

void TestTrayIcon::recentMessagesAreListedNewestFirstAndBounded()
{
    TrayIcon tray;
    QVERIFY(!tray.recentMenu()->isEnabled());
    QSignalSpy spy(&tray, &TrayIcon::linkRequested);
    for (int i = 0; i < TrayIcon::MaxRecent + 3; ++i)
        tray.addRecent(QStringLiteral("bodhi.update.comment"),
            QStringLiteral("comment %1 & more").arg(i),
            QStringLiteral("https://bodhi.fedoraproject.org/updates/%1").arg(i),
            i == TrayIcon::MaxRecent + 2 ? trustLabel(TrustState::BrokerUnsigned) : QString());
    const auto actions = tray.recentMenu()->actions();
    QCOMPARE(actions.size(), TrayIcon::MaxRecent);
    QVERIFY(actions.first()->text().contains(QStringLiteral("comment 12 && more")));
    // The one trust wording: a fedora-messaging message is "broker, unsigned", a signed one
    // carries no mark.
    QVERIFY2(actions.first()->text().startsWith(QStringLiteral("[broker, unsigned] ")),
        qPrintable(actions.first()->text()));
    QVERIFY(!actions.at(1)->text().startsWith(QLatin1Char('[')));
    actions.first()->trigger();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(
        spy.at(0).at(0).toString(), QStringLiteral("https://bodhi.fedoraproject.org/updates/12"));
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
