// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// take_screenshots OUTDIR: the applet's windows as PNG files, for the AppStream metainfo, the
// README and checking translations by eye (packaging/screenshots/take.sh runs it in the
// headless environment, in the language LANG names). The whole applet runs on its embedded
// demo bus (real signed messages over ZeroMQ on 127.0.0.1) in a temporary folder; then the tray
// menu, the history window, every page of the preferences dialog (found in the dialog, so a new
// page gets its picture) and the About box are drawn. Prints one line per file written; exits
// non-zero when a window could not be found or a file not written.

#include "Application.h"
#include "PreferencesDialog.h"
#include "demo/DemoBus.h"
#include "i18n/Translations.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QListWidget>
#include <QMenu>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

#include <cstdio>

using namespace fedmsg;

namespace {

// The number of failed shots (the exit code); a function-local counter, not a mutable global.
int &failures()
{
    static int count = 0;
    return count;
}

// A file name part from a label: "Message types" -> "message-types".
QString slug(QString text)
{
    text = text.toLower();
    text.remove(QLatin1Char('&'));
    QString out;
    for (const QChar c : std::as_const(text))
        out += c.isLetterOrNumber() ? c : QLatin1Char('-');
    while (out.contains(QStringLiteral("--")))
        out.replace(QStringLiteral("--"), QStringLiteral("-"));
    return out.section(QLatin1Char('-'), 0, -1, QString::SectionSkipEmpty);
}

void save(QWidget *widget, const QDir &out, const QString &name)
{
    if (!widget) {
        std::fprintf(stderr, "take_screenshots: no window for %s\n", qPrintable(name));
        ++failures();
        return;
    }
    QTest::qWait(300); // laid out, painted, icons loaded
    const QString path = out.filePath(name + QStringLiteral(".png"));
    if (!widget->grab().save(path)) {
        std::fprintf(stderr, "take_screenshots: cannot write %s\n", qPrintable(path));
        ++failures();
        return;
    }
    std::printf("%s\n", qPrintable(path));
}

template <typename T>
T *topLevel()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *t = qobject_cast<T *>(w); t && t->isVisible())
            return t;
    return nullptr;
}

QWidget *topLevelNamed(const char *className)
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (w->isVisible() && w->inherits(className))
            return w;
    return nullptr;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication qapp(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s OUTDIR\n", argv[0]);
        return 2;
    }
    QDir out(QString::fromLocal8Bit(argv[1]));
    if (!out.mkpath(QStringLiteral("."))) {
        std::fprintf(stderr, "take_screenshots: cannot make %s\n", argv[1]);
        return 1;
    }
    QApplication::setApplicationName(QStringLiteral("fedmsg-notify"));
    QApplication::setQuitOnLastWindowClosed(false);
    Translations::install();

    QTemporaryDir dir;
    Application::Options options;
    options.demo = true;
    options.settingsPath = dir.filePath(QStringLiteral("fedmsg-notify.conf"));
    options.historyPath = dir.filePath(QStringLiteral("history.sqlite"));
    options.configDirs = { dir.filePath(QStringLiteral("no-fedmsg.d")) };
    Application app(options);
    if (!app.start() || !app.demoBus()) {
        std::fprintf(stderr, "take_screenshots: the demo bus did not start\n");
        return 1;
    }
    // A history worth looking at: the demo bus's messages, quickly.
    app.demoBus()->setInterval(24 * 3600 * 1000);
    QTest::qWait(1500); // subscribed
    for (int i = 0; i < 30; ++i) {
        app.demoBus()->publishNext();
        QTest::qWait(40);
    }
    QTest::qWait(1500);

    // The tray menu, as a click on the icon opens it.
    QMenu *trayMenu = nullptr;
    for (QWidget *w : QApplication::allWidgets()) {
        auto *menu = qobject_cast<QMenu *>(w);
        if (menu != nullptr
            && menu->findChild<QAction *>(QStringLiteral("aboutAction")) != nullptr) {
            trayMenu = menu;
            break;
        }
    }
    if (trayMenu) {
        trayMenu->popup(QPoint(900, 40));
        save(trayMenu, out, QStringLiteral("tray-menu"));
        trayMenu->hide();
    } else {
        save(nullptr, out, QStringLiteral("tray-menu"));
    }

    app.showHistory();
    QWidget *history = topLevelNamed("fedmsg::HistoryWindow");
    if (history)
        history->resize(1100, 640);
    save(history, out, QStringLiteral("history"));
    if (history)
        history->close();

    app.showPreferences();
    auto *prefs = topLevel<PreferencesDialog>();
    if (prefs) {
        prefs->resize(980, 640);
        QListWidget *pages = prefs->pageList();
        for (int row = 0; row < pages->count(); ++row) {
            pages->setCurrentRow(row);
            save(prefs,
                out,
                QStringLiteral("preferences-%1-%2")
                    .arg(row + 1)
                    .arg(slug(pages->item(row)->text())));
        }
        prefs->close();
    } else {
        save(nullptr, out, QStringLiteral("preferences"));
    }

    // The About box, from its menu item.
    QAction *about =
        trayMenu ? trayMenu->findChild<QAction *>(QStringLiteral("aboutAction")) : nullptr;
    if (about)
        about->trigger();
    QWidget *aboutBox = topLevelNamed("fedmsg::AboutDialog");
    save(aboutBox, out, QStringLiteral("about"));
    if (aboutBox)
        aboutBox->close();

    app.shutdown();
    return failures() == 0 ? 0 : 1;
}
