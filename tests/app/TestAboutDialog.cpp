// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "AboutDialog.h"
#include "Application.h"
#include "TrayIcon.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fedmsg;

// The About box on the X display, driven with the keyboard alone.
class TestAboutDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsVersionLicenceAndBuses();
    void keyboardAloneReachesEveryButton();
    void everyControlHasAnAccessibleName();
    void trayMenuOpensItWithTheBusesState();
};

void TestAboutDialog::showsVersionLicenceAndBuses()
{
    AboutDialog dialog;
    dialog.setBusState(
        QStringLiteral("Fedora: retrying (hostname lookup failed) — no message yet"));
    auto *version = dialog.findChild<QLabel *>(QStringLiteral("versionLabel"));
    auto *licence = dialog.findChild<QLabel *>(QStringLiteral("licenceLabel"));
    QVERIFY(version);
    QVERIFY(licence);
    QVERIFY(!AboutDialog::version().isEmpty());
    QVERIFY(version->text().contains(AboutDialog::version()));
    QVERIFY(licence->text().contains(QStringLiteral("LGPL-2.1-or-later")));
    QVERIFY(dialog.busState().contains(QStringLiteral("hostname lookup failed")));
}

void TestAboutDialog::keyboardAloneReachesEveryButton()
{
    if (qEnvironmentVariableIsEmpty("FEDMSG_HEADLESS_INNER"))
        QSKIP("needs the X display of tests/run-headless.sh");
    AboutDialog dialog;
    QSignalSpy welcome(&dialog, &AboutDialog::welcomeRequested);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.activateWindow();
    QTRY_VERIFY(dialog.isActiveWindow());
    auto *welcomeButton = dialog.findChild<QAbstractButton *>(QStringLiteral("welcomeButton"));
    QVERIFY(welcomeButton);
    // Tab walks to the button; Space presses it.
    for (int i = 0; i < 5 && QApplication::focusWidget() != welcomeButton; ++i)
        QTest::keyClick(
            QApplication::focusWidget() ? QApplication::focusWidget() : &dialog, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), welcomeButton);
    QTest::keyClick(welcomeButton, Qt::Key_Space);
    QCOMPARE(welcome.count(), 1);
    // Tab goes on to Close; Esc closes the dialog.
    QTest::keyClick(welcomeButton, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(),
        dialog.findChild<QAbstractButton *>(QStringLiteral("closeButton")));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY(!dialog.isVisible());
}

void TestAboutDialog::everyControlHasAnAccessibleName()
{
    AboutDialog dialog;
    const auto widgets = dialog.findChildren<QWidget *>();
    int checked = 0;
    for (QWidget *w : widgets) {
        const bool interactive =
            w->focusPolicy() != Qt::NoFocus || qobject_cast<QAbstractButton *>(w) != nullptr;
        if (!interactive)
            continue;
        ++checked;
        QVERIFY2(!w->accessibleName().isEmpty(),
            qPrintable(
                QStringLiteral("%1 (%2) has no accessible name")
                    .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName())));
    }
    QVERIFY(checked >= 3); // the bus state, "Show welcome again", Close
}

void TestAboutDialog::trayMenuOpensItWithTheBusesState()
{
    if (qEnvironmentVariableIsEmpty("FEDMSG_HEADLESS_INNER"))
        QSKIP("needs the X display and session bus of tests/run-headless.sh");
    QTemporaryDir dir;
    qputenv("XDG_RUNTIME_DIR", dir.path().toLocal8Bit()); // own single-instance socket
    Application::Options o;
    o.settingsPath = dir.filePath(QStringLiteral("settings.conf"));
    o.historyPath = dir.filePath(QStringLiteral("history.sqlite"));
    o.configDirs = { dir.filePath(QStringLiteral("no-fedmsg.d")) };
    o.demo = true;
    Application app(o);
    QSignalSpy welcome(&app, &Application::welcomeRequested);
    QVERIFY(app.start());
    QTRY_COMPARE_WITH_TIMEOUT(app.tray()->state(), TrayIcon::State::Connected, 10000);
    app.tray()->menu()->findChild<QAction *>(QStringLiteral("aboutAction"))->trigger();
    AboutDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = qobject_cast<AboutDialog *>(QApplication::activeWindow())) || [&dialog] {
        for (QWidget *w : QApplication::topLevelWidgets())
            if (auto *d = qobject_cast<AboutDialog *>(w); d && d->isVisible())
                dialog = d;
        return dialog != nullptr;
    }());
    QVERIFY2(dialog->busState().contains(QStringLiteral("Connected to 1 endpoint"))
            || dialog->busState().contains(QStringLiteral("Connected to 1 endpoint(s)")),
        qPrintable(dialog->busState()));
    QVERIFY2(
        dialog->busState().contains(QStringLiteral(": connected")), qPrintable(dialog->busState()));
    dialog->findChild<QAbstractButton *>(QStringLiteral("welcomeButton"))->click();
    QCOMPARE(welcome.count(), 1);
}

QTEST_MAIN(TestAboutDialog)
#include "TestAboutDialog.moc"
