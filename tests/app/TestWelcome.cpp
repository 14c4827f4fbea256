// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The first-run welcome through the whole applet under tests/run-headless.sh, driven with real
// key and mouse events: shown on the first start of a new profile with the detected account,
// never again after, again from the About box; the account typed there is kept.
#include "AboutDialog.h"
#include "Application.h"
#include "WelcomeDialog.h"

#include "history/History.h"
#include "settings/Settings.h"

#include <QAbstractButton>
#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

#include <memory>

using namespace fedmsg;

namespace {

WelcomeDialog *visibleWelcome()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *d = qobject_cast<WelcomeDialog *>(w); d && d->isVisible())
            return d;
    return nullptr;
}

bool preferencesVisible()
{
    const QWidgetList widgets = QApplication::topLevelWidgets();
    return std::ranges::any_of(widgets, [](const QWidget *w) {
        return w->objectName() == QLatin1String("preferencesDialog") && w->isVisible();
    });
}

void closeAll()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (w->isVisible() && w->isWindow())
            w->close();
}

} // namespace

class TestWelcome : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void firstStartOnlyWithTheDetectedAccount();
    void typedAccountIsKept();

private:
    Application::Options options() const;
    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_home;
};

void TestWelcome::init()
{
    if (qEnvironmentVariableIsEmpty("FEDMSG_HEADLESS_INNER"))
        QSKIP("needs the X display, tray and notification server of tests/run-headless.sh");
    m_dir = std::make_unique<QTemporaryDir>();
    qputenv("XDG_RUNTIME_DIR", m_dir->path().toLocal8Bit()); // own single-instance socket
    // Our own home: AccountDetector reads ~/.fedora.upn there.
    m_home = qgetenv("HOME");
    qputenv("HOME", m_dir->path().toLocal8Bit());
}

void TestWelcome::cleanup()
{
    closeAll();
    qputenv("HOME", m_home);
}

Application::Options TestWelcome::options() const
{
    Application::Options o;
    o.settingsPath = m_dir->filePath(QStringLiteral("settings.conf"));
    o.historyPath = m_dir->filePath(QStringLiteral("history.sqlite"));
    o.configDirs = { m_dir->filePath(QStringLiteral("no-fedmsg.d")) };
    o.welcomeOnFirstStart = true;
    return o;
}

void TestWelcome::firstStartOnlyWithTheDetectedAccount()
{
    QFile upn(m_dir->filePath(QStringLiteral(".fedora.upn")));
    QVERIFY(upn.open(QIODevice::WriteOnly));
    upn.write("alice\n");
    upn.close();
    QVERIFY(!QFile::exists(options().settingsPath));
    {
        Application app(options());
        QVERIFY(app.start());
        QTRY_VERIFY_WITH_TIMEOUT(visibleWelcome(), 10000);
        WelcomeDialog *welcome = visibleWelcome();
        auto *account = welcome->findChild<QLineEdit *>(QStringLiteral("accountEdit"));
        QVERIFY(account);
        QVERIFY(!account->accessibleName().isEmpty());
        QTRY_COMPARE(account->text(), QStringLiteral("alice"));
        // "Open Preferences…" leads on to the preferences and closes the welcome.
        auto *preferences =
            welcome->findChild<QAbstractButton *>(QStringLiteral("preferencesButton"));
        QVERIFY(preferences && !preferences->accessibleName().isEmpty());
        QTest::mouseClick(preferences, Qt::LeftButton);
        QTRY_VERIFY(preferencesVisible());
        QTRY_VERIFY(!visibleWelcome());
        closeAll();
    }
    {
        // Second start of the same profile: no welcome.
        Application again(options());
        QVERIFY(again.start());
        QTRY_VERIFY_WITH_TIMEOUT(again.history()->isReady(), 20000);
        QCoreApplication::processEvents();
        QVERIFY(!visibleWelcome());
        // Unless asked from the About box.
        auto *about = again.tray()->menu()->findChild<QAction *>(QStringLiteral("aboutAction"));
        QVERIFY(about);
        about->trigger();
        AboutDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = [] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *d = qobject_cast<AboutDialog *>(w); d && d->isVisible())
                    return d;
            return static_cast<AboutDialog *>(nullptr);
        }()) != nullptr);
        auto *button = dialog->findChild<QAbstractButton *>(QStringLiteral("welcomeButton"));
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY(visibleWelcome());
        QCOMPARE(visibleWelcome()->account(), QStringLiteral("alice"));
    }
}

void TestWelcome::typedAccountIsKept()
{
    QString path;
    {
        Application app(options());
        path = options().settingsPath;
        QVERIFY(app.start());
        QTRY_VERIFY_WITH_TIMEOUT(visibleWelcome(), 10000);
        WelcomeDialog *welcome = visibleWelcome();
        auto *account = welcome->findChild<QLineEdit *>(QStringLiteral("accountEdit"));
        QVERIFY(account);
        account->setFocus();
        QTest::keyClicks(account, QStringLiteral("bob"));
        QTest::keyClick(account, Qt::Key_Return); // the default button: OK
        QTRY_VERIFY(!visibleWelcome());
    }
    Settings settings(path);
    QCOMPARE(settings.fedoraAccount(), QStringLiteral("bob"));
    QVERIFY(settings.welcomeShown());
}

QTEST_MAIN(TestWelcome)
#include "TestWelcome.moc"
