// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "Application.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("fedmsg-notify"));
    QApplication::setOrganizationName(QStringLiteral("fedmsg-notify"));
    QApplication::setApplicationVersion(QStringLiteral(FEDMSG_NOTIFY_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.fedoraproject.FedmsgNotify"));
    QApplication::setQuitOnLastWindowClosed(false);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/fedmsg-notify/icons/fedmsg-notify.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Desktop notifications for Fedora's message buses (fedmsg and fedora-messaging)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
        QApplication::translate("main", "Run against the embedded demo bus."));
    const QCommandLineOption config(QStringList { QStringLiteral("config") },
        QApplication::translate("main", "Also import fedmsg.d files from <dir>."),
        QStringLiteral("dir"));
    parser.addOption(demo);
    parser.addOption(config);
    parser.process(app);

    fedmsg::Application::Options options;
    options.demo = parser.isSet(demo);
    options.configDirs = parser.values(config);
    fedmsg::Application applet(options);
    if (!applet.start()) {
        QTextStream(stderr) << "fedmsg-notify is already running; asked it to show itself.\n";
        return 0;
    }
    return QApplication::exec();
}
