// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The preferences dialog driven with real key and mouse events on xcb under the headless
// harness: over the whole applet (tray item, D-Bus, the engine following the settings) and on its
// own over a real Settings file and real XDG autostart folders in a temporary directory.
#include "../history/HistoryTestData.h"
#include "Application.h"
#include "AutostartEntry.h"
#include "MessageTypesPage.h"
#include "NotificationsPage.h"
#include "PreferencesDialog.h"
#include "RulesPage.h"
#include "TrayIcon.h"
#include "demo/DemoBus.h"
#include "engine/Engine.h"
#include "engine/RulePreview.h"
#include "history/History.h"
#include "model/MessageTypeTreeModel.h"
#include "render/Renderer.h"
#include "rules/MessageTypeCatalog.h"
#include "rules/RuleSet.h"
#include "rules/RulesStage.h"
#include "settings/Settings.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QFile>
#include <QIcon>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
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
    void noneStopsPopupsFromARealPublisherAndAllBringsThemBack();
    void filterAllAndNone();
    void everyControlHasAnAccessibleName();
    void serviceIconsFromTheApplicationsCache();
    void pagesReachableWithTheKeyboard();
    void startAtLoginWritesTheUserEntry();
    void startAtLoginOffWithASystemEntryWritesAHiddenCopy();
    void numericSettingsAreSavedAtOnce();
    void titleBypassAndRelaySwitchesWithTheKeyboard();
    void relayAndClassicTitleFollowTheDialogWithoutRestart();
    void criticalBypassFollowsTheDialogWithoutRestart();
    void rulesReorderSwitchDeleteAndUndoWithTheKeyboard();
    void invalidRegexIsShownAndNotSaved();
    void rulePreviewCountMatchesPreview();
    void storedRuleThatDoesNotValidateIsNotLost();

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

// Listens on its own session bus connection, as the old GNOME Shell extension would, for the old
// applet's MessageReceived(topic, json).
class RelayListener : public QObject
{
    Q_OBJECT
public:
    QList<QStringList> received;
public Q_SLOTS:
    void onMessageReceived(const QString &topic, const QString &json)
    {
        received.append({ topic, json });
    }
};

namespace {
/// The demo bus of a started applet, stepped by hand: each message published is waited for
/// until the engine stored it, so everything after a key press was decided after it.
class SteppedDemoBus
{
public:
    explicit SteppedDemoBus(Application &app)
        : m_app(app)
        , m_stored(app.engine(), &Engine::messagesStored)
    {
        app.demoBus()->setInterval(24 * 3600 * 1000); // stepped by hand from now on
        app.demoBus()->setUnsignedEvery(0);
    }

    /// Publishes until the subscription has joined (ZeroMQ's slow joiner): one message stored.
    bool join()
    {
        for (int i = 0; i < 100 && m_stored.isEmpty(); ++i) {
            m_app.demoBus()->publishNext();
            m_stored.wait(300);
        }
        return !m_stored.isEmpty();
    }

    /// The next message as stored; empty when it did not come within 10 s.
    QList<EngineMessage> publishOne()
    {
        m_stored.clear();
        m_app.demoBus()->publishNext();
        if (!m_stored.wait(10000))
            return {};
        return m_stored.takeFirst().at(0).value<QList<EngineMessage>>();
    }

private:
    Application &m_app;
    QSignalSpy m_stored;
};

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

// End to end: the demo bus (a real ZeroMQ publisher on 127.0.0.1, signed samples) into the
// applet, dunst as the notification server. The publisher is stepped by hand, each message
// waited for, so every message after the key press was decided after it.
void TestPreferencesDialog::noneStopsPopupsFromARealPublisherAndAllBringsThemBack()
{
    Application::Options o = options();
    o.demo = true; // its profile's rules notify everything
    Application app(o);
    QSignalSpy notified(&app, &Application::notified);
    QVERIFY(app.start());
    QVERIFY(app.demoBus());
    SteppedDemoBus demo(app);
    QVERIFY(demo.join());
    QTRY_VERIFY_WITH_TIMEOUT(notified.count() >= 1, 10000); // popups reach dunst

    app.showPreferences();
    QTRY_VERIFY(openDialog());
    PreferencesDialog *dialog = openDialog();
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    // Clicked: dunst's popups may hold the X input focus, which keyboard shortcuts need (the
    // keyboard-only path is untickingATypeWithTheKeyboard…).
    QTest::mouseClick(dialog->messageTypesPage()->noneButton(), Qt::LeftButton);
    QVERIFY(!app.engine()->rulesStage().toggles().isOn(QStringLiteral("bodhi")));
    int checked = 0;
    for (int i = 0; i < 8; ++i) {
        const QList<EngineMessage> batch = demo.publishOne();
        QVERIFY(!batch.isEmpty());
        for (const EngineMessage &m : batch) {
            QVERIFY2(m.record.decision != Engine::decisionNotify(),
                qPrintable(m.record.envelope.topic()));
            ++checked;
        }
    }
    QVERIFY(checked >= 8);

    QTest::mouseClick(dialog->messageTypesPage()->allButton(), Qt::LeftButton);
    QCOMPARE(app.engine()->rulesStage().toggles().off(), QStringList());
    const qsizetype before = notified.count();
    bool notifiedAgain = false;
    for (int i = 0; i < 8 && !notifiedAgain; ++i) {
        const QList<EngineMessage> batch = demo.publishOne();
        for (const EngineMessage &m : batch)
            notifiedAgain = notifiedAgain || m.record.decision == Engine::decisionNotify();
    }
    QVERIFY(notifiedAgain);
    QTRY_VERIFY_WITH_TIMEOUT(notified.count() > before, 10000);
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
    // A service that matches keeps all its kinds; a kind that matches keeps its service.
    page->filterEdit()->clear();
    QTest::keyClicks(page->filterEdit(), QStringLiteral("bodhi"));
    const QModelIndex bodhi = page->model()->indexOf(QStringLiteral("bodhi"));
    QModelIndex shown;
    for (int row = 0; row < page->tree()->model()->rowCount(); ++row)
        if (page->tree()->model()->index(row, 0).data(MessageTypeTreeModel::IdRole)
            == QStringLiteral("bodhi"))
            shown = page->tree()->model()->index(row, 0);
    QVERIFY(shown.isValid());
    QVERIFY(page->model()->rowCount(bodhi) > 0);
    QCOMPARE(page->tree()->model()->rowCount(shown), page->model()->rowCount(bodhi));
    page->filterEdit()->clear();
    QTest::keyClicks(page->filterEdit(), QStringLiteral("update.comment"));
    QVERIFY(page->tree()->model()->rowCount() >= 1);
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

void TestPreferencesDialog::serviceIconsFromTheApplicationsCache()
{
    const auto dialog = makeDialog();
    QVERIFY(dialog);
    MessageTypesPage *page = dialog->messageTypesPage();
    const QModelIndex first = page->tree()->model()->index(0, 0);
    QVERIFY(first.data(Qt::DecorationRole).isNull()); // no lookup: no icon
    const QString png = m_dir->filePath(QStringLiteral("icon.png"));
    QImage image(16, 16, QImage::Format_ARGB32);
    image.fill(Qt::red);
    QVERIFY(image.save(png));
    QStringList asked;
    page->setIconLookup([&](const QString &url) {
        asked.append(url);
        return url.contains(QStringLiteral("bodhi")) ? png : QString();
    });
    QModelIndex bodhi;
    for (int row = 0; row < page->tree()->model()->rowCount(); ++row)
        if (page->tree()->model()->index(row, 0).data(MessageTypeTreeModel::IdRole)
            == QStringLiteral("bodhi"))
            bodhi = page->tree()->model()->index(row, 0);
    QVERIFY(bodhi.isValid());
    QVERIFY(!bodhi.data(MessageTypeTreeModel::IconUrlRole).toString().isEmpty());
    const auto icon = bodhi.data(Qt::DecorationRole).value<QIcon>();
    QVERIFY(!icon.isNull());
    QVERIFY(!asked.isEmpty());
    const qsizetype lookups = asked.size();
    (void)bodhi.data(Qt::DecorationRole); // asked once per URL
    QCOMPARE(asked.size(), lookups);
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
        if (w->accessibleName().isEmpty()
            && (iface == nullptr || iface->text(QAccessible::Name).isEmpty()))
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
    press(Qt::Key_PageDown, Qt::ControlModifier);
    QCOMPARE(dialog->currentPage(), PreferencesDialog::Rules);
    QVERIFY(dialog->rulesPage()->isVisible());
    press(Qt::Key_PageDown, Qt::ControlModifier);
    QCOMPARE(dialog->currentPage(), PreferencesDialog::Buses);
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

// The three switches that had no control (issue 19): reached by their mnemonics (Alt+R, Alt+C,
// Alt+X), in tab order after the icons switch, each saved at once.
void TestPreferencesDialog::titleBypassAndRelaySwitchesWithTheKeyboard()
{
    const auto dialog = makeDialog();
    QVERIFY(dialog);
    dialog->showPage(PreferencesDialog::Notifications);
    NotificationsPage *page = dialog->notificationsPage();
    QVERIFY(!page->classicTitleBox()->isChecked());
    QVERIFY(page->criticalBox()->isChecked()); // the default: critical passes
    QVERIFY(!page->relayBox()->isChecked());

    // Tab order: icons, then the three, then the account.
    page->imagesBox()->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), page->imagesBox());
    press(Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), page->classicTitleBox());
    press(Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), page->criticalBox());
    press(Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), page->relayBox());
    press(Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), page->accountEdit());

    // Mnemonics toggle them (an animated click: the toggle follows the key a moment later).
    press(Qt::Key_R, Qt::AltModifier);
    QTRY_VERIFY(page->classicTitleBox()->isChecked());
    QCOMPARE(QApplication::focusWidget(), page->classicTitleBox());
    QVERIFY(m_settings->classicNotificationTitle());
    press(Qt::Key_C, Qt::AltModifier);
    QTRY_VERIFY(!page->criticalBox()->isChecked());
    QVERIFY(!m_settings->criticalBreaksThrough());
    press(Qt::Key_X, Qt::AltModifier);
    QTRY_VERIFY(page->relayBox()->isChecked());
    QVERIFY(m_settings->dbusRelay());
    m_settings->sync();
    {
        Settings reader(m_settings->fileName(), Settings::Mode::ReadOnly);
        QVERIFY(reader.classicNotificationTitle());
        QVERIFY(!reader.criticalBreaksThrough());
        QVERIFY(reader.dbusRelay());
    }
    const QString text = settingsText();
    QVERIFY2(text.contains(QStringLiteral("classicTitle=true")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("criticalBreaksThrough=false")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("dbusRelay=true")), qPrintable(text));

    // Space on the focused one turns it back.
    press(Qt::Key_Space);
    QVERIFY(!page->relayBox()->isChecked());
    QVERIFY(!m_settings->dbusRelay());

    // A new dialog shows what is saved.
    const auto again = makeDialog();
    QVERIFY(again);
    QVERIFY(again->notificationsPage()->classicTitleBox()->isChecked());
    QVERIFY(!again->notificationsPage()->criticalBox()->isChecked());
    QVERIFY(!again->notificationsPage()->relayBox()->isChecked());
}

namespace {
/// Settings for an applet test: popups without images (shown as soon as decided, so the
/// `notified` signal has come when Engine::messagesStored reaches a spy made after start()).
void prepareApplet(const QString &settingsPath, const QString &urgency)
{
    Settings s(settingsPath);
    s.setShowImages(false);
    s.setDefaultUrgency(urgency);
    s.sync();
}

/// Clicks a switch of the applet's own dialog with the keyboard: focus, then Space. (Key events
/// to the widget: dunst's popups may hold the X input focus that mnemonics need.)
void toggleWithSpace(QCheckBox *box)
{
    box->setFocus();
    const bool before = box->isChecked();
    QTest::keyClick(box, Qt::Key_Space);
    QCOMPARE(box->isChecked(), !before);
}
} // namespace

// The running applet follows the dialog, no restart (issue 19): the relay on the old applet's
// D-Bus interface starts and stops as the switch is toggled, and the classic popup title takes
// effect on the next popup. Three popups at most (the burst limit for one rule is 3 a minute):
// the relay does not need them.
void TestPreferencesDialog::relayAndClassicTitleFollowTheDialogWithoutRestart()
{
    Application::Options o = options();
    o.demo = true; // its profile's rules notify everything
    prepareApplet(o.settingsPath, QStringLiteral("normal"));
    Application app(o);
    QSignalSpy notified(&app, &Application::notified);
    QVERIFY(app.start());
    QVERIFY(app.demoBus());
    SteppedDemoBus demo(app);
    QVERIFY(demo.join());

    QDBusConnection listenerBus =
        QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("extension"));
    QVERIFY(listenerBus.isConnected());
    RelayListener listener;
    QVERIFY(listenerBus.connect(QStringLiteral("org.fedoraproject.fedmsg.notify"),
        QStringLiteral("/org/fedoraproject/fedmsg/notify"),
        QStringLiteral("org.fedoraproject.fedmsg.notify"),
        QStringLiteral("MessageReceived"),
        &listener,
        SLOT(onMessageReceived(QString, QString))));
    // A round trip: the match rule is in place before anything is sent.
    QVERIFY(listenerBus.interface()->isServiceRegistered(
        QStringLiteral("org.fedoraproject.fedmsg.notify")));

    app.showPreferences();
    QTRY_VERIFY(openDialog());
    PreferencesDialog *dialog = openDialog();
    dialog->showPage(PreferencesDialog::Notifications);
    NotificationsPage *page = dialog->notificationsPage();
    QVERIFY(!page->relayBox()->isChecked());

    // The popup title: plain words, then (switched on) the message type, on the next popup.
    qsizetype before = notified.size();
    const QList<EngineMessage> human = demo.publishOne();
    QCOMPARE(human.size(), 1);
    QCOMPARE(human.first().record.decision, Engine::decisionNotify());
    QCOMPARE(notified.size(), before + 1);
    QVERIFY(!human.first().record.rendering.title.isEmpty());
    QVERIFY2(!notified.last().first().toString().startsWith(human.first().record.rendering.title),
        qPrintable(notified.last().first().toString()));
    toggleWithSpace(page->classicTitleBox());
    before = notified.size();
    const QList<EngineMessage> classic = demo.publishOne();
    QCOMPARE(classic.size(), 1);
    QCOMPARE(notified.size(), before + 1);
    QVERIFY2(notified.last().first().toString().startsWith(classic.first().record.rendering.title),
        qPrintable(notified.last().first().toString()));

    // The relay (it relays what the rules notify, whether the burst limit lets the popup out or
    // not): on for one message, off for the next, on again; the listener gets the first and the
    // third, in order (signals from one sender keep their order).
    QVERIFY(listener.received.isEmpty()); // off so far
    toggleWithSpace(page->relayBox());
    const QList<EngineMessage> first = demo.publishOne();
    QCOMPARE(first.size(), 1);
    QCOMPARE(first.first().record.decision, Engine::decisionNotify());
    QTRY_COMPARE(listener.received.size(), 1);
    QCOMPARE(listener.received.first().at(0), first.first().record.envelope.topic());
    QCOMPARE(listener.received.first().at(1),
        QString::fromStdString(first.first().record.envelope.canonicalBody()));
    toggleWithSpace(page->relayBox());
    QCOMPARE(demo.publishOne().size(), 1);
    toggleWithSpace(page->relayBox());
    const QList<EngineMessage> third = demo.publishOne();
    QCOMPARE(third.size(), 1);
    QTRY_COMPARE(listener.received.size(), 2);
    QCOMPARE(listener.received.last().at(1),
        QString::fromStdString(third.first().record.envelope.canonicalBody()));
}

// Paused, with critical popups (the default urgency): they pass while the switch is on, and are
// held, counted into the pause's summary, as soon as it is turned off in the dialog.
void TestPreferencesDialog::criticalBypassFollowsTheDialogWithoutRestart()
{
    Application::Options o = options();
    o.demo = true;
    prepareApplet(o.settingsPath, QStringLiteral("critical"));
    Application app(o);
    QSignalSpy notified(&app, &Application::notified);
    QVERIFY(app.start());
    QVERIFY(app.demoBus());
    SteppedDemoBus demo(app);
    QVERIFY(demo.join());
    app.showPreferences();
    QTRY_VERIFY(openDialog());
    NotificationsPage *page = openDialog()->notificationsPage();
    openDialog()->showPage(PreferencesDialog::Notifications);
    QVERIFY(page->criticalBox()->isChecked());

    app.pause(std::chrono::seconds(0));
    QVERIFY(app.isPaused());
    qsizetype before = notified.size();
    QCOMPARE(demo.publishOne().size(), 1);
    QCOMPARE(notified.size(), before + 1); // critical: through the pause

    toggleWithSpace(page->criticalBox());
    before = notified.size();
    const QList<EngineMessage> held = demo.publishOne();
    QCOMPARE(held.size(), 1);
    QCOMPARE(held.first().record.decision, Engine::decisionNotify());
    QCOMPARE(notified.size(), before); // held by the pause now
    app.resume();
    QCOMPARE(notified.size(), before + 1);
    const QString summary = notified.last().first().toString();
    QVERIFY2(summary.startsWith(QStringLiteral("1 "))
            && summary.endsWith(QStringLiteral("while paused")),
        qPrintable(summary));
}

namespace {
const QByteArray ThreeRules = R"j({"format": "fedmsg-notify-rules", "version": 1,
 "default": {"action": "history"},
 "rules": [
  {"id": "a", "name": "A", "enabled": true,
   "when": {"field": "topic", "op": "glob", "value": "*.bodhi.*"}, "then": {"action": "notify"}},
  {"id": "b", "name": "B", "enabled": true,
   "when": {"field": "service", "value": ["copr"]}, "then": {"action": "notify"}},
  {"id": "c", "name": "C", "enabled": true,
   "when": {"field": "topic", "op": "prefix", "value": "org."}, "then": {"action": "drop"}}]})j";

QStringList storedIds(const Settings &settings, QList<bool> *enabled = nullptr)
{
    QStringList ids;
    const QJsonArray rules = QJsonDocument::fromJson(settings.rulesJson())
                                 .object()
                                 .value(QStringLiteral("rules"))
                                 .toArray();
    for (const auto &rule : rules) {
        ids.append(rule.toObject().value(QStringLiteral("id")).toString());
        if (enabled)
            enabled->append(rule.toObject().value(QStringLiteral("enabled")).toBool(true));
    }
    return ids;
}
} // namespace

void TestPreferencesDialog::rulesReorderSwitchDeleteAndUndoWithTheKeyboard()
{
    m_settings->setRulesJson(ThreeRules);
    QCOMPARE(storedIds(*m_settings),
        QStringList({ QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") }));
    const auto dialog = makeDialog();
    QVERIFY(dialog);
    press(Qt::Key_PageUp, Qt::ControlModifier); // wraps to the last page, Buses
    press(Qt::Key_PageUp, Qt::ControlModifier); // Rules
    QCOMPARE(dialog->currentPage(), PreferencesDialog::Rules);
    QListWidget *list = dialog->rulesPage()->list();
    QCOMPARE(list->count(), 3);
    list->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), list);
    QCOMPARE(list->currentRow(), 0);
    press(Qt::Key_Down, Qt::ControlModifier); // A below B
    QCOMPARE(storedIds(*m_settings),
        QStringList({ QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("c") }));
    QCOMPARE(list->currentRow(), 1);
    press(Qt::Key_Space); // A off
    QList<bool> enabled;
    QCOMPARE(storedIds(*m_settings, &enabled),
        QStringList({ QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("c") }));
    QCOMPARE(enabled, (QList<bool> { true, false, true }));
    press(Qt::Key_Delete);
    QCOMPARE(storedIds(*m_settings), QStringList({ QStringLiteral("b"), QStringLiteral("c") }));
    QCOMPARE(list->count(), 2);
    press(Qt::Key_Z, Qt::ControlModifier);
    enabled.clear();
    QCOMPARE(storedIds(*m_settings, &enabled),
        QStringList({ QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("c") }));
    QCOMPARE(enabled, (QList<bool> { true, false, true }));
    QCOMPARE(list->currentItem()->text(), QStringLiteral("A"));
}

void TestPreferencesDialog::invalidRegexIsShownAndNotSaved()
{
    m_settings->setRulesJson(ThreeRules);
    const auto dialog = makeDialog();
    QVERIFY(dialog);
    dialog->showPage(PreferencesDialog::Rules);
    RulesPage *page = dialog->rulesPage();
    page->list()->setCurrentRow(0);
    QVERIFY(page->editor()->toPlainText().contains(QStringLiteral("*.bodhi.*")));
    const QByteArray before = m_settings->rulesJson();
    page->editorTabs()->setCurrentWidget(page->editor()); // the advanced view: the rule's JSON
    page->editor()->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), page->editor());
    press(Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(page->editor(),
        QString::fromUtf8(R"j({"id": "a", "name": "A", "when": {"field": "topic", "op": "regex", )j"
                          R"j("value": "(unclosed"}, "then": {"action": "notify"}})j"));
    QVERIFY2(page->errorLabel()->text().contains(QStringLiteral("regex"), Qt::CaseInsensitive),
        qPrintable(page->errorLabel()->text()));
    QVERIFY(page->errorLabel()->text().contains(QStringLiteral("when")));
    QCOMPARE(m_settings->rulesJson(), before); // not saved
    // Close the group: valid now, saved at once.
    press(Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(page->editor(),
        QString::fromUtf8(
            R"j({"id": "a", "name": "A2", "when": {"field": "topic", "op": "regex", )j"
            R"j("value": "(closed)"}, "then": {"action": "notify"}})j"));
    QCOMPARE(page->errorLabel()->text(), QString());
    QVERIFY(m_settings->rulesJson().contains("(closed)"));
    QCOMPARE(page->list()->item(0)->text(), QStringLiteral("A2"));
}

void TestPreferencesDialog::rulePreviewCountMatchesPreview()
{
    HistoryOptions options;
    options.databasePath = m_dir->filePath(QStringLiteral("preview.sqlite"));
    options.commitDelay = std::chrono::milliseconds(10);
    History history(options);
    QTRY_VERIFY_WITH_TIMEOUT(history.isReady(), 20000);
    const QString comment = QStringLiteral("org.fedoraproject.prod.bodhi.update.comment");
    const QString build = QStringLiteral("org.fedoraproject.prod.buildsys.build.state.change");
    history.store({ testdata::makeRecord(QStringLiteral("1"),
                        comment,
                        QStringLiteral("c1"),
                        {},
                        {},
                        QStringLiteral("bodhi")),
        testdata::makeRecord(
            QStringLiteral("2"), comment, QStringLiteral("c2"), {}, {}, QStringLiteral("bodhi")),
        testdata::makeRecord(
            QStringLiteral("3"), build, QStringLiteral("b"), {}, {}, QStringLiteral("koji")) });
    QTRY_COMPARE_WITH_TIMEOUT(history.count({}), 3, 20000);
    rules::RulesStage stage(std::make_shared<rules::MessageTypeCatalog>(*m_renderer));
    m_settings->setRulesJson(ThreeRules);

    auto dialog = std::make_unique<PreferencesDialog>(m_settings.get(),
        &history,
        *m_catalog,
        autostart(),
        std::make_unique<RulePreview>(history, *m_renderer, stage));
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
    dialog->showPage(PreferencesDialog::Rules);
    RulesPage *page = dialog->rulesPage();
    page->list()->setCurrentRow(0);
    const RulePreview preview(history, *m_renderer, stage);
    const RulePreviewResult expected = preview.run(page->ruleSet().rules.at(0));
    QCOMPARE(expected.matched, 2);
    QCOMPARE(expected.examined, 3);
    QVERIFY2(page->previewLabel()->text().contains(QStringLiteral("Matches 2 of the 3")),
        qPrintable(page->previewLabel()->text()));
    // As the user types, the preview follows.
    page->editor()->setPlainText(
        QString::fromUtf8(R"j({"id": "a", "name": "A", "when": {"field": "topic", "op": "glob", )j"
                          R"j("value": "*.buildsys.*"}, "then": {"action": "notify"}})j"));
    // Not per keystroke (each preview reads the stored messages): the old result stays until
    // typing pauses, then the preview follows.
    QVERIFY2(page->previewLabel()->text().contains(QStringLiteral("Matches 2 of the 3")),
        qPrintable(page->previewLabel()->text()));
    QTRY_VERIFY2(page->previewLabel()->text().contains(QStringLiteral("Matches 1 of the 3")),
        qPrintable(page->previewLabel()->text()));
}

// A stored rule that no longer validates (a hand edit, a newer version) is named and the page
// changes nothing, so saving cannot drop it.
void TestPreferencesDialog::storedRuleThatDoesNotValidateIsNotLost()
{
    QByteArray rules = ThreeRules;
    rules.replace(R"j("value": ["copr"])j", R"j("op": "bogus", "value": ["copr"])j");
    m_settings->setRulesJson(rules);
    const auto dialog = makeDialog();
    QVERIFY(dialog);
    dialog->showPage(PreferencesDialog::Rules);
    RulesPage *page = dialog->rulesPage();
    QVERIFY2(page->errorLabel()->text().contains(QStringLiteral("B")),
        qPrintable(page->errorLabel()->text()));
    QVERIFY(!page->list()->isEnabled());
    QVERIFY(page->editor()->isReadOnly());
    QCOMPARE(m_settings->rulesJson(), rules);
}

QTEST_MAIN(TestPreferencesDialog)
#include "TestPreferencesDialog.moc"
