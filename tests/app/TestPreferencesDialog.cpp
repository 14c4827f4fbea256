// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The preferences dialog driven with real key and mouse events on xcb under the headless
// harness: over the whole applet (tray item, D-Bus, the engine following the settings) and on its
// own over a real Settings file and real XDG autostart folders in a temporary directory.
#include "Application.h"
#include "AutostartEntry.h"
#include "MessageTypesPage.h"
#include "NotificationsPage.h"
#include "PreferencesDialog.h"
#include "TrayIcon.h"
#include "engine/Engine.h"
#include "history/History.h"
#include "model/MessageTypeTreeModel.h"
#include "render/Renderer.h"
#include "rules/MessageTypeCatalog.h"
#include "rules/RulesStage.h"
#include "settings/Settings.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace fedmsg;

class TestPreferencesDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void trayItemAndDBusOpenOneDialog();
    void untickingATypeWithTheKeyboardSavesItAndTheEngineFollows();
    void filterAllAndNone();
    void everyControlHasAnAccessibleName();
    void pagesReachableWithTheKeyboard();
    void startAtLoginWritesTheUserEntry();
    void startAtLoginOffWithASystemEntryWritesAHiddenCopy();
    void numericSettingsAreSavedAtOnce();

private:
    Application::Options options() const;
    /// The dialog on its own over m_settings (no history), shown and active.
    std::unique_ptr<PreferencesDialog> makeDialog();
    AutostartEntry autostart() const;
    QString settingsText() const;
    QString userDir() const { return m_dir->filePath(QStringLiteral("config")); }
    QString systemDir() const { return m_dir->filePath(QStringLiteral("xdg")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<Renderer> m_renderer;
    std::unique_ptr<rules::MessageTypeCatalog> m_catalog;
};

namespace {
PreferencesDialog *openDialog()
{
    PreferencesDialog *found = nullptr;
    const auto windows = QApplication::topLevelWidgets();
    for (QWidget *w : windows)
        if (auto *d = qobject_cast<PreferencesDialog *>(w); d && d->isVisible())
            found = d;
    return found;
}

int visibleDialogs()
{
    int count = 0;
    const auto windows = QApplication::topLevelWidgets();
    for (QWidget *w : windows)
        count += (qobject_cast<PreferencesDialog *>(w) && w->isVisible()) ? 1 : 0;
    return count;
}

bool gdbusCall(const QStringList &args)
{
    QProcess gdbus;
    gdbus.start(QStringLiteral("gdbus"),
        QStringList { QStringLiteral("call"), QStringLiteral("--session") } + args);
    if (!gdbus.waitForStarted())
        return false;
    QSignalSpy finished(&gdbus, &QProcess::finished);
    if (!finished.wait(10000))
        return false;
    if (gdbus.exitCode() != 0)
        qWarning().noquote() << "gdbus failed:" << gdbus.readAllStandardError();
    return gdbus.exitCode() == 0;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &contents)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(contents), contents.size());
}

/// Presses @p key on whatever has the keyboard focus (as a user would).
void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget *focus = QApplication::focusWidget();
    QVERIFY(focus);
    QTest::keyClick(focus, key, modifiers);
}
} // namespace

void TestPreferencesDialog::init()
{
    if (qEnvironmentVariableIsEmpty("FEDMSG_HEADLESS_INNER"))
        QSKIP("needs the X display, tray and session bus of tests/run-headless.sh");
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    qputenv("XDG_RUNTIME_DIR", m_dir->path().toLocal8Bit()); // own single-instance socket
    m_settings =
        std::make_unique<Settings>(m_dir->filePath(QStringLiteral("dialog-settings.conf")));
    if (!m_renderer) {
        m_renderer = std::make_unique<Renderer>();
        m_catalog = std::make_unique<rules::MessageTypeCatalog>(*m_renderer);
    }
}

void TestPreferencesDialog::cleanup()
{
    m_settings.reset();
    m_dir.reset();
}

Application::Options TestPreferencesDialog::options() const
{
    Application::Options o;
    o.settingsPath = m_dir->filePath(QStringLiteral("settings.conf"));
    o.historyPath = m_dir->filePath(QStringLiteral("history.sqlite"));
    o.configDirs = { m_dir->filePath(QStringLiteral("no-fedmsg.d")) };
    return o;
}

AutostartEntry TestPreferencesDialog::autostart() const
{
    return { userDir(), { systemDir() }, QStringLiteral("/opt/fedmsg notify/bin/fedmsg-notify") };
}

std::unique_ptr<PreferencesDialog> TestPreferencesDialog::makeDialog()
{
    auto dialog =
        std::make_unique<PreferencesDialog>(m_settings.get(), nullptr, *m_catalog, autostart());
    dialog->show();
    dialog->activateWindow();
    if (!QTest::qWaitForWindowActive(dialog.get()))
        return nullptr;
    return dialog;
}

QString TestPreferencesDialog::settingsText() const
{
    return QString::fromUtf8(readFile(m_settings->fileName()));
}

void TestPreferencesDialog::trayItemAndDBusOpenOneDialog()
{
    Application app(options());
    QVERIFY(app.start());
    QTRY_VERIFY_WITH_TIMEOUT(app.history()->isReady(), 20000);
    auto *action = app.tray()->menu()->findChild<QAction *>(QStringLiteral("preferencesAction"));
    QVERIFY(action);
    QVERIFY(action->isEnabled());
    QVERIFY(!action->text().isEmpty());
    // Next to History…
    const QList<QAction *> actions = app.tray()->menu()->actions();
    const qsizetype history =
        actions.indexOf(app.tray()->menu()->findChild<QAction *>(QStringLiteral("historyAction")));
    QCOMPARE(actions.indexOf(action), history + 1);

    QCOMPARE(visibleDialogs(), 0);
    action->trigger();
    QTRY_COMPARE(visibleDialogs(), 1);
    action->trigger(); // raises the one dialog
    QCOMPARE(visibleDialogs(), 1);
    openDialog()->close();
    QTRY_COMPARE(visibleDialogs(), 0);

    QVERIFY(gdbusCall({ QStringLiteral("--dest"),
        QStringLiteral("org.fedoraproject.FedmsgNotify"),
        QStringLiteral("--object-path"),
        QStringLiteral("/org/fedoraproject/FedmsgNotify/Control"),
        QStringLiteral("--method"),
        QStringLiteral("org.fedoraproject.FedmsgNotify.Control.ShowPreferences") }));
    QTRY_COMPARE(visibleDialogs(), 1);
}

void TestPreferencesDialog::untickingATypeWithTheKeyboardSavesItAndTheEngineFollows()
{
    Application app(options());
    QVERIFY(app.start());
    QTRY_VERIFY_WITH_TIMEOUT(app.history()->isReady(), 20000);
    app.showPreferences();
    QTRY_VERIFY(openDialog());
    PreferencesDialog *dialog = openDialog();
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    QCOMPARE(dialog->currentPage(), PreferencesDialog::MessageTypes);
    MessageTypesPage *page = dialog->messageTypesPage();

    // Keyboard only: Alt+F to the filter, type, Tab to the list (after All on and None),
    // Right opens the first service, Down to its first kind, Space unticks it.
    QTest::keyClick(dialog, Qt::Key_F, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), page->filterEdit());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("bodhi"));
    press(Qt::Key_Tab);
    press(Qt::Key_Tab);
    press(Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), page->tree());
    press(Qt::Key_Home);
    // Down to the Bodhi service (the filter also keeps services that only mention it).
    for (int i = 0; i < 30
         && page->tree()->currentIndex().data(MessageTypeTreeModel::IdRole).toString()
             != QStringLiteral("bodhi");
         ++i)
        press(Qt::Key_Down);
    const QModelIndex service = page->tree()->currentIndex();
    QCOMPARE(service.data(MessageTypeTreeModel::IdRole).toString(), QStringLiteral("bodhi"));
    QVERIFY(page->tree()->model()->rowCount(service) > 0); // the filter expanded it
    press(Qt::Key_Down);
    const QModelIndex kind = page->tree()->currentIndex();
    QCOMPARE(kind.parent(), service);
    const QString id = kind.data(MessageTypeTreeModel::IdRole).toString();
    QVERIFY2(id.startsWith(QStringLiteral("bodhi/")), qPrintable(id));
    QVERIFY(app.engine()->rulesStage().toggles().isOn(id));
    press(Qt::Key_Space);

    QCOMPARE(kind.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QCOMPARE(service.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::PartiallyChecked);
    // The engine follows at once: messages of that kind are stored, not popped up.
    QVERIFY(!app.engine()->rulesStage().toggles().isOn(id));
    QVERIFY(app.engine()->rulesStage().toggles().isOn(QStringLiteral("wiki")));
    // And it is in the settings file.
    QTRY_VERIFY(QString::fromUtf8(readFile(options().settingsPath))
                    .contains(QStringLiteral("messageTypesOff=") + id));

    // Space again ticks it; the file and the engine follow.
    press(Qt::Key_Space);
    QVERIFY(app.engine()->rulesStage().toggles().isOn(id));
    QTRY_VERIFY(!QString::fromUtf8(readFile(options().settingsPath)).contains(id));
}

void TestPreferencesDialog::filterAllAndNone()
{
    const auto dialog = makeDialog();
    QVERIFY(dialog);
    MessageTypesPage *page = dialog->messageTypesPage();
    const int all = page->tree()->model()->rowCount();
    QCOMPARE(all, m_catalog->services().size());
    QTest::keyClicks(page->filterEdit(), QStringLiteral("koji"));
    QVERIFY(page->tree()->model()->rowCount() >= 1);
    QVERIFY(page->tree()->model()->rowCount() < all);
    QTest::keyClick(page->filterEdit(), Qt::Key_Escape); // the dialog stays; the field keeps text
    page->filterEdit()->clear();
    QCOMPARE(page->tree()->model()->rowCount(), all);

    QSignalSpy changed(m_settings.get(), &Settings::messageTypesOffChanged);
    QTest::mouseClick(page->noneButton(), Qt::LeftButton);
    QCOMPARE(m_settings->messageTypesOff().size(), m_catalog->services().size());
    QTest::mouseClick(page->allButton(), Qt::LeftButton);
    QCOMPARE(m_settings->messageTypesOff(), QStringList());
    QCOMPARE(changed.size(), 2);
    // A change made elsewhere (Mute… from a popup) shows in the open dialog.
    m_settings->setMessageTypesOff({ QStringLiteral("wiki") });
    const QModelIndex wiki = page->model()->indexOf(QStringLiteral("wiki"));
    QCOMPARE(wiki.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
}

void TestPreferencesDialog::everyControlHasAnAccessibleName()
{
    const auto dialog = makeDialog();
    QVERIFY(dialog);
    QStringList unnamed;
    const auto widgets = dialog->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (w->focusPolicy() == Qt::NoFocus)
            continue;
        // The line edit inside a spin box or time edit is part of that control.
        if (qobject_cast<QAbstractSpinBox *>(w->parentWidget())
            || qobject_cast<QComboBox *>(w->parentWidget()))
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        if (w->accessibleName().isEmpty() && (!iface || iface->text(QAccessible::Name).isEmpty()))
            unnamed.append(
                QString::fromLatin1(w->metaObject()->className()) + u' ' + w->objectName());
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

void TestPreferencesDialog::pagesReachableWithTheKeyboard()
{
    const auto dialog = makeDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->currentPage(), PreferencesDialog::MessageTypes);
    press(Qt::Key_PageDown, Qt::ControlModifier);
    QCOMPARE(dialog->currentPage(), PreferencesDialog::Notifications);
    QVERIFY(dialog->notificationsPage()->isVisible());
    press(Qt::Key_PageDown, Qt::ControlModifier); // wraps around
    QCOMPARE(dialog->currentPage(), PreferencesDialog::MessageTypes);
    // The page list itself: Up/Down.
    dialog->pageList()->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), dialog->pageList());
    press(Qt::Key_Down);
    QCOMPARE(dialog->currentPage(), PreferencesDialog::Notifications);
    // Tab from the list reaches the page's first control.
    press(Qt::Key_Tab);
    QVERIFY(dialog->notificationsPage()->isAncestorOf(QApplication::focusWidget()));
    // Escape closes it.
    press(Qt::Key_Escape);
    QTRY_VERIFY(!dialog->isVisible());
}

void TestPreferencesDialog::startAtLoginWritesTheUserEntry()
{
    const QString userFile =
        userDir() + QStringLiteral("/autostart/") + QLatin1String(AutostartEntry::FileName);
    const auto dialog = makeDialog();
    QVERIFY(dialog);
    dialog->showPage(PreferencesDialog::Notifications);
    QCheckBox *box = dialog->notificationsPage()->startAtLoginBox();
    QVERIFY(!box->isChecked());
    box->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), box);
    press(Qt::Key_Space);
    QVERIFY(box->isChecked());
    const QByteArray entry = readFile(userFile);
    QVERIFY2(entry.startsWith("[Desktop Entry]\n"), entry.constData());
    QVERIFY(entry.contains("\nType=Application\n"));
    // Quoted as the desktop entry spec says (the path has a space), then --background.
    QVERIFY2(entry.contains("\nExec=\"/opt/fedmsg notify/bin/fedmsg-notify\" --background\n"),
        entry.constData());
    QVERIFY(!entry.contains("Hidden"));
    QVERIFY(!entry.contains("X-GNOME") && !entry.contains("X-KDE")); // generic keys only
    QVERIFY(autostart().isEnabled());

    press(Qt::Key_Space);
    QVERIFY(!box->isChecked());
    QVERIFY(!QFile::exists(userFile)); // no system entry: nothing left behind
    QVERIFY(!autostart().isEnabled());
}

void TestPreferencesDialog::startAtLoginOffWithASystemEntryWritesAHiddenCopy()
{
    const QString systemFile =
        systemDir() + QStringLiteral("/autostart/") + QLatin1String(AutostartEntry::FileName);
    const QString userFile =
        userDir() + QStringLiteral("/autostart/") + QLatin1String(AutostartEntry::FileName);
    QVERIFY(QDir().mkpath(systemDir() + QStringLiteral("/autostart")));
    const QByteArray system = "[Desktop Entry]\nType=Application\nName=fedmsg-notify\n"
                              "Exec=/usr/bin/fedmsg-notify --background\n";
    writeFile(systemFile, system);

    const auto dialog = makeDialog();
    QVERIFY(dialog);
    dialog->showPage(PreferencesDialog::Notifications);
    QCheckBox *box = dialog->notificationsPage()->startAtLoginBox();
    QVERIFY(box->isChecked()); // the package's entry starts it
    box->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), box);
    press(Qt::Key_Space);
    QVERIFY(!box->isChecked());
    QVERIFY(readFile(userFile).contains("\nHidden=true\n"));
    QCOMPARE(readFile(systemFile), system); // the system's file is not the user's to change
    QVERIFY(!autostart().isEnabled());

    press(Qt::Key_Space);
    QVERIFY(box->isChecked());
    QVERIFY(!readFile(userFile).contains("Hidden"));
    QVERIFY(readFile(userFile).contains("--background"));
    QVERIFY(autostart().isEnabled());
}

void TestPreferencesDialog::numericSettingsAreSavedAtOnce()
{
    const auto dialog = makeDialog();
    QVERIFY(dialog);
    dialog->showPage(PreferencesDialog::Notifications);
    NotificationsPage *page = dialog->notificationsPage();
    QCOMPARE(page->rateBox()->value(), m_settings->popupsPerMinute());
    QCOMPARE(m_settings->popupsPerMinute(), 5);

    // Typed: select all, 12, Enter.
    page->rateBox()->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), page->rateBox());
    press(Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("12"));
    press(Qt::Key_Return);
    QCOMPARE(m_settings->popupsPerMinute(), 12);
    QTRY_VERIFY(settingsText().contains(QStringLiteral("popupsPerMinute=12")));
    QVERIFY(dialog->isVisible()); // Enter in a field does not close the dialog

    // Stepped: Up in the history age.
    page->historyDaysBox()->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), page->historyDaysBox());
    press(Qt::Key_Up);
    QCOMPARE(m_settings->historyMaxAgeDays(), 31);
    QTRY_VERIFY(settingsText().contains(QStringLiteral("maxAgeDays=31")));

    // The urgency from the keyboard.
    page->urgencyBox()->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), page->urgencyBox());
    press(Qt::Key_Down);
    QCOMPARE(m_settings->defaultUrgency(), QStringLiteral("critical"));

    // A fresh reader of the file sees what was saved.
    m_settings->sync();
    Settings reader(m_settings->fileName(), Settings::Mode::ReadOnly);
    QCOMPARE(reader.popupsPerMinute(), 12);
    QCOMPARE(reader.historyMaxAgeDays(), 31);
    QCOMPARE(reader.defaultUrgency(), QStringLiteral("critical"));
}

QTEST_MAIN(TestPreferencesDialog)
#include "TestPreferencesDialog.moc"
