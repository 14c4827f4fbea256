// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "../history/HistoryTestData.h"
#include "AboutDialog.h"
#include "HistoryWindow.h"
#include "MuteChooser.h"
#include "PreferencesDialog.h"
#include "TrayIcon.h"
#include "WhyDialog.h"

#include "engine/RulePreview.h"
#include "history/History.h"
#include "notify/Notification.h"
#include "render/Renderer.h"
#include "rules/MessageTypeCatalog.h"
#include "settings/Settings.h"

#include <QAbstractButton>
#include <QAbstractItemModel>
#include <QAccessible>
#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>
#include <array>

#include <chrono>
#include <memory>
#include <utility>

using namespace fedmsg;
using namespace std::chrono_literals;

// Every window and page of the applet, walked as a keyboard and screen-reader user meets it:
// - every interactive widget (one that takes focus, or a button) has an accessible name, the
//   one assistive technology reads (QAccessibleInterface::text(Name): the widget's
//   accessibleName, else its text, else the text of the label whose buddy it is);
// - Tab, pressed from the first widget, reaches every focusable widget of the window or page
//   and comes back to the first: none is left out, none keeps the focus (a Tab trap);
// - every item of the tray menu and its submenus has a text.
// The preferences' pages are walked from the page list, so a page added later is covered.
class TestAccessibility : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void trayMenu();
    void aboutDialog();
    void historyWindow();
    void preferencesPages();
    void notificationDialogs();
    void checksCatchProblems();

private:
    static QStringList unnamed(QWidget *root);
    static QStringList tabProblems(QWidget *window, QWidget *scope);
    static QWidget *focusTarget(QWidget *w);
    static QString describe(const QWidget *w);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestAccessibility::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestAccessibility::cleanup()
{
    m_dir.reset();
}

QString TestAccessibility::describe(const QWidget *w)
{
    QString name = QString::fromLatin1(w->metaObject()->className());
    if (!w->objectName().isEmpty())
        name += QStringLiteral(" \"") + w->objectName() + QLatin1Char('"');
    if (const auto *button = qobject_cast<const QAbstractButton *>(w))
        name += QStringLiteral(" [") + button->text() + QLatin1Char(']');
    for (const QWidget *p = w->parentWidget(); p && !p->isWindow(); p = p->parentWidget())
        if (!p->objectName().isEmpty() || !p->accessibleName().isEmpty()) {
            name += QStringLiteral(" in ") + QString::fromLatin1(p->metaObject()->className())
                + QLatin1Char(' ')
                + (p->accessibleName().isEmpty() ? p->objectName() : p->accessibleName());
            break;
        }
    return name;
}

// The widget Tab lands on for w: its focus proxy's, followed to the end.
QWidget *TestAccessibility::focusTarget(QWidget *w)
{
    while (w && w->focusProxy())
        w = w->focusProxy();
    return w;
}

QStringList TestAccessibility::unnamed(QWidget *root)
{
    QStringList found;
    const auto widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!w->isVisibleTo(root) || w->window() != root->window())
            continue;
        const bool interactive =
            (w->focusPolicy() & Qt::TabFocus) != 0 || qobject_cast<QAbstractButton *>(w) != nullptr;
        if (!interactive || w->focusProxy())
            continue;
        // A spin box's or combo box's own line edit speaks for its owner.
        if (w->parentWidget() && focusTarget(w->parentWidget()) == w)
            continue;
        QAccessibleInterface *a = QAccessible::queryAccessibleInterface(w);
        const QString name = a ? a->text(QAccessible::Name).trimmed() : QString();
        if (name.isEmpty())
            found.append(describe(w));
    }
    return found;
}

// Tab from the first focusable widget of scope until the focus is back on it.
QStringList TestAccessibility::tabProblems(QWidget *window, QWidget *scope)
{
    QStringList found;
    QList<QWidget *> focusable;
    QWidget *w = window;
    // The focus chain in order; Tab follows it, skipping what cannot take the focus now.
    do {
        w = w->nextInFocusChain();
        if (w != window && (w->focusPolicy() & Qt::TabFocus) != 0 && w->isVisible()
            && w->isEnabled() && w->window() == window && !w->focusProxy()
            && scope->isAncestorOf(w))
            focusable.append(w);
    } while (w != window);
    // Widgets outside scope (the page list, Close) take part in Tab too, so the walk covers the
    // window; only scope's widgets must all be reached.
    QList<QWidget *> all;
    w = window;
    do {
        w = w->nextInFocusChain();
        if (w != window && (w->focusPolicy() & Qt::TabFocus) != 0 && w->isVisible()
            && w->isEnabled() && w->window() == window && !w->focusProxy())
            all.append(w);
    } while (w != window);
    if (focusable.isEmpty())
        return { QStringLiteral("nothing in %1 takes the focus").arg(describe(scope)) };

    QWidget *start = all.first();
    start->setFocus(Qt::TabFocusReason);
    if (QApplication::focusWidget() != start)
        return { QStringLiteral("%1 does not take the focus").arg(describe(start)) };
    QSet<QWidget *> reached { start };
    const int limit = int(all.size()) * 2 + 4;
    bool back = false;
    for (int i = 0; i < limit; ++i) {
        QWidget *before = QApplication::focusWidget();
        QTest::keyClick(before, Qt::Key_Tab);
        QWidget *now = QApplication::focusWidget();
        if (!now) {
            found.append(
                QStringLiteral("Tab from %1 leaves no widget focused").arg(describe(before)));
            return found;
        }
        if (now == start) { // round (a window with one focusable widget keeps it: fine)
            back = true;
            break;
        }
        if (now == before) {
            found.append(
                QStringLiteral("Tab does not leave %1 (Ctrl+Tab needed?)").arg(describe(now)));
            return found;
        }
        reached.insert(now);
        // A widget whose focus proxy took the focus counts as reached.
        for (QWidget *p = now->parentWidget(); p && p != window; p = p->parentWidget())
            if (focusTarget(p) == now)
                reached.insert(p);
    }
    if (!back)
        found.append(
            QStringLiteral("Tab never comes back to %1: a cycle skips it").arg(describe(start)));
    for (QWidget *f : std::as_const(focusable))
        if (!reached.contains(f))
            found.append(QStringLiteral("%1 is not reachable with Tab").arg(describe(f)));
    return found;
}

void TestAccessibility::trayMenu()
{
    TrayIcon tray;
    QStringList found;
    QList<QMenu *> menus { tray.menu() };
    for (qsizetype m = 0; m < menus.size(); ++m) {
        for (QAction *action : menus.at(m)->actions()) {
            if (action->isSeparator())
                continue;
            if (action->text().remove(QLatin1Char('&')).trimmed().isEmpty())
                found.append(
                    QStringLiteral("an item of menu \"%1\" has no text").arg(menus.at(m)->title()));
            if (action->menu())
                menus.append(action->menu());
        }
    }
    QVERIFY2(menus.size() >= 2, "the tray menu has no submenu (Recent messages, Pause)");
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
}

void TestAccessibility::aboutDialog()
{
    AboutDialog dialog;
    dialog.show();
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    const QStringList names = unnamed(&dialog);
    QVERIFY2(names.isEmpty(),
        qPrintable(QStringLiteral("no accessible name: ") + names.join(QStringLiteral("; "))));
    const QStringList tab = tabProblems(&dialog, &dialog);
    QVERIFY2(tab.isEmpty(), qPrintable(tab.join(QLatin1Char('\n'))));
}

void TestAccessibility::historyWindow()
{
    HistoryOptions options;
    options.databasePath = m_dir->filePath(QStringLiteral("history.sqlite"));
    options.commitDelay = 10ms;
    History history(options);
    QTRY_VERIFY_WITH_TIMEOUT(history.isReady(), 20000);
    qsizetype stored = 0;
    connect(&history, &History::stored, this, [&](const QList<StoreResult> &r) {
        stored += r.size();
    });
    history.store({ testdata::makeRecord(QStringLiteral("a11y"),
        QStringLiteral("org.fedoraproject.prod.bodhi.update.comment"),
        QStringLiteral("a comment")) });
    QTRY_COMPARE_WITH_TIMEOUT(stored, 1, 20000);

    HistoryWindow window(&history);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QStringList found;
    for (const QString &p : unnamed(&window))
        found.append(QStringLiteral("history window: no accessible name: ") + p);
    for (const QString &p : tabProblems(&window, &window))
        found.append(QStringLiteral("history window: ") + p);

    // Its dialogs: the raw JSON, "Why did I get this?" and the clear confirmation.
    QTRY_VERIFY(window.table()->model()->rowCount() > 0);
    window.table()->setCurrentIndex(window.table()->model()->index(0, 0));
    const std::array<std::pair<const char *, void (HistoryWindow::*)()>, 3> dialogs = { {
        { "raw JSON", &HistoryWindow::showRawJson },
        { "why", &HistoryWindow::explainCurrent },
        { "clear", &HistoryWindow::confirmClear },
    } };
    for (const auto &[name, open] : dialogs) {
        (window.*open)();
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget()))
            || (dialog = qobject_cast<QDialog *>(QApplication::activeWindow())));
        QVERIFY2(dialog != nullptr && dialog != static_cast<QWidget *>(&window), name);
        dialog->activateWindow();
        QTRY_VERIFY2(QApplication::activeWindow() == dialog, name);
        for (const QString &p : unnamed(dialog))
            found.append(QString::fromLatin1(name) + QStringLiteral(": no accessible name: ") + p);
        for (const QString &p : tabProblems(dialog, dialog))
            found.append(QString::fromLatin1(name) + QStringLiteral(": ") + p);
        dialog->reject();
        window.activateWindow();
        QTRY_VERIFY(QApplication::activeWindow() == &window);
    }
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
}

void TestAccessibility::preferencesPages()
{
    Settings settings(m_dir->filePath(QStringLiteral("settings.conf")));
    const Renderer renderer;
    const rules::MessageTypeCatalog catalog(renderer);
    PreferencesDialog dialog(&settings,
        nullptr,
        catalog,
        AutostartEntry(m_dir->filePath(QStringLiteral("autostart")),
            {},
            QStringLiteral("/usr/bin/fedmsg-notify")));
    dialog.show();
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto *stack = dialog.findChild<QStackedWidget *>();
    QVERIFY(stack);
    QCOMPARE(dialog.pageList()->count(), stack->count());
    QVERIFY(stack->count() >= 3);
    QStringList found;
    for (int page = 0; page < stack->count(); ++page) {
        dialog.pageList()->setCurrentRow(page);
        QTRY_COMPARE(stack->currentIndex(), page);
        const QString title = dialog.pageList()->item(page)->text();
        for (const QString &p : unnamed(&dialog))
            found.append(title + QStringLiteral(": no accessible name: ") + p);
        for (const QString &p : tabProblems(&dialog, stack->currentWidget()))
            found.append(title + QStringLiteral(": ") + p);
    }
    found.removeDuplicates();
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
}

// The windows a notification's actions open: "Mute…" (the chooser) and "Why?". Each has names,
// a full Tab round, and Esc closes it (the chooser without muting anything).
void TestAccessibility::notificationDialogs()
{
    Notification n;
    n.summary = QStringLiteral("bodhi: update pushed");
    n.serviceName = QStringLiteral("bodhi");
    n.topic = QStringLiteral("org.fedoraproject.prod.bodhi.update.complete.stable");
    n.msgId = QStringLiteral("2026-1234");
    QStringList found;
    std::array<QPointer<QMessageBox>, 2> dialogs = { new MuteChooser(n), new WhyDialog(n) };
    QSignalSpy chosen(qobject_cast<MuteChooser *>(dialogs[0].data()), &MuteChooser::chosen);
    for (QPointer<QMessageBox> &dialog : dialogs) {
        const QString name = QString::fromLatin1(dialog->metaObject()->className());
        dialog->show();
        dialog->activateWindow();
        QVERIFY2(QTest::qWaitForWindowActive(dialog), qPrintable(name));
        QVERIFY2(!dialog->accessibleName().isEmpty(), qPrintable(name));
        for (const QString &p : unnamed(dialog))
            found.append(name + QStringLiteral(": no accessible name: ") + p);
        for (const QString &p : tabProblems(dialog, dialog))
            found.append(name + QStringLiteral(": ") + p);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY2(dialog.isNull(), qPrintable(name + QStringLiteral(" stays after Esc")));
    }
    QCOMPARE(chosen.count(), 0);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));

    // A choice says how long.
    auto *chooser = new MuteChooser(n);
    QSignalSpy spy(chooser, &MuteChooser::chosen);
    chooser->show();
    QAbstractButton *day = nullptr;
    for (QAbstractButton *b : chooser->buttons())
        if (b->text() == MuteChooser::tr("For 1 day"))
            day = b;
    QVERIFY(day);
    day->click();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().first().value<std::chrono::seconds>(), std::chrono::hours(24));
}

// The checks find what they are meant to find: an unnamed line edit, a text editor that keeps
// Tab (a trap), and a button taken out of the Tab order.
void TestAccessibility::checksCatchProblems()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *named = new QLineEdit(&window);
    named->setAccessibleName(QStringLiteral("named"));
    auto *anonymous = new QLineEdit(&window);
    auto *label = new QLabel(QStringLiteral("&Buddy:"), &window);
    auto *buddied = new QLineEdit(&window);
    label->setBuddy(buddied);
    layout->addWidget(named);
    layout->addWidget(anonymous);
    layout->addWidget(label);
    layout->addWidget(buddied);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QCOMPARE(unnamed(&window).size(), 1);
    QVERIFY(unnamed(&window).first().startsWith(QStringLiteral("QLineEdit")));
    QCOMPARE(tabProblems(&window, &window), QStringList());

    auto *trap = new QPlainTextEdit(&window);
    trap->setAccessibleName(QStringLiteral("trap"));
    layout->addWidget(trap);
    trap->show();
    const QStringList trapped = tabProblems(&window, &window);
    QCOMPARE(trapped.size(), 1);
    QVERIFY2(trapped.first().contains(QStringLiteral("Tab does not leave QPlainTextEdit")),
        qPrintable(trapped.first()));
    trap->setTabChangesFocus(true);
    QCOMPARE(tabProblems(&window, &window), QStringList());
}

QTEST_MAIN(TestAccessibility)
#include "TestAccessibility.moc"
