// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "Application.h"
#include "i18n/Translations.h"

#include "engine/UnixSignalWatcher.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QTextStream>

#include <memory>

namespace {
void setIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("fedmsg-notify"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FEDMSG_NOTIFY_VERSION));
}

// --help and --version must work without a display, so they are answered before QApplication.
bool wantsOnlyText(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v"
            || arg == "--version")
            return true;
    }
    return false;
}

bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY")
        || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}
} // namespace

int main(int argc, char *argv[])
{
    std::unique_ptr<QCoreApplication> app;
    const bool textOnly = wantsOnlyText(argc, argv);
    if (!textOnly && !hasDisplay()) {
        QTextStream(stderr) << "fedmsg-notify: no graphical session (neither DISPLAY nor "
                               "WAYLAND_DISPLAY is set); it is a tray applet and needs one.\n";
        return 1;
    }
    if (textOnly)
        app = std::make_unique<QCoreApplication>(argc, argv);
    else
        app = std::make_unique<QApplication>(argc, argv);
    setIdentity();

    fedmsg::Translations::install(); // English plurals, then the locale's translation

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Desktop notifications for Fedora's message buses (fedmsg and fedora-messaging)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
        QCoreApplication::translate("main", "Run against the embedded demo bus."));
    const QCommandLineOption config(QStringList { QStringLiteral("config") },
        QCoreApplication::translate("main", "Also import fedmsg.d files from <dir>."),
        QStringLiteral("dir"));
    const QCommandLineOption background(QStringLiteral("background"),
        QCoreApplication::translate(
            "main", "Start to the tray without showing a window (autostart, D-Bus activation)."));
    parser.addOption(background);
    parser.addOption(demo);
    parser.addOption(config);
    parser.process(*app);

    QGuiApplication::setDesktopFileName(QStringLiteral("org.fedoraproject.FedmsgNotify"));
    QApplication::setQuitOnLastWindowClosed(false);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/fedmsg-notify/icons/fedmsg-notify.svg")));

    // SIGTERM (logout, systemd), SIGINT and SIGHUP end the event loop like Quit does, so the
    // applet shuts down in order (Application::shutdown()) instead of dying mid-write. Made
    // before the applet, it outlives it: a second signal during shutdown does not cut it short.
    fedmsg::UnixSignalWatcher unixSignals;
    QObject::connect(&unixSignals, &fedmsg::UnixSignalWatcher::signalReceived, app.get(), [](int) {
        QCoreApplication::quit();
    });

    fedmsg::Application::Options options;
    options.demo = parser.isSet(demo);
    options.background = parser.isSet(background);
    options.welcomeOnFirstStart = true;
    options.configDirs = parser.values(config);
    fedmsg::Application applet(options);
    if (!applet.start()) {
        QTextStream(stderr) << QCoreApplication::translate(
            "main", "fedmsg-notify is already running; asked it to show itself.")
                            << '\n';
        return 0;
    }
    return QCoreApplication::exec();
}
