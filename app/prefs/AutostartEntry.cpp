// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "AutostartEntry.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include <utility>

namespace fedmsg {

namespace {
// The desktop entry spec's Exec quoting: a path with reserved characters goes in double quotes,
// with ", `, $ and \ escaped.
QString quotedExec(const QString &program)
{
    static const QString reserved = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`");
    bool needsQuotes = false;
    for (const QChar c : program)
        needsQuotes = needsQuotes || reserved.contains(c);
    if (!needsQuotes)
        return program;
    QString quoted = program;
    quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\\\\\"));
    quoted.replace(QLatin1Char('"'), QStringLiteral("\\\\\""));
    quoted.replace(QLatin1Char('`'), QStringLiteral("\\\\`"));
    quoted.replace(QLatin1Char('$'), QStringLiteral("\\\\$"));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}
} // namespace

AutostartEntry::AutostartEntry(QString userConfigDir, QStringList systemConfigDirs, QString program)
    : m_userConfigDir(std::move(userConfigDir))
    , m_systemConfigDirs(std::move(systemConfigDirs))
    , m_program(std::move(program))
{}

AutostartEntry AutostartEntry::forThisUser()
{
    QStringList dirs = QStandardPaths::standardLocations(QStandardPaths::GenericConfigLocation);
    const QString user = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    dirs.removeAll(user);
    return { user, dirs, QCoreApplication::applicationFilePath() };
}

QString AutostartEntry::userFile() const
{
    return m_userConfigDir + QStringLiteral("/autostart/") + QLatin1String(FileName);
}

QString AutostartEntry::systemFile() const
{
    for (const QString &dir : m_systemConfigDirs) {
        QString file = dir + QStringLiteral("/autostart/") + QLatin1String(FileName);
        if (QFileInfo::exists(file))
            return file;
    }
    return {};
}

bool AutostartEntry::isHidden(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return true;
    bool inMainGroup = false;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        if (line.startsWith('['))
            inMainGroup = line == "[Desktop Entry]";
        else if (inMainGroup && line.startsWith("Hidden") && line.contains('='))
            if (line.left(line.indexOf('=')).trimmed() == "Hidden")
                return line.mid(line.indexOf('=') + 1).trimmed() == "true";
    }
    return false;
}

bool AutostartEntry::isEnabled() const
{
    if (QFileInfo::exists(userFile()))
        return !isHidden(userFile());
    const QString system = systemFile();
    return !system.isEmpty() && !isHidden(system);
}

bool AutostartEntry::write(const QByteArray &contents, QString *error) const
{
    const QString file = userFile();
    if (!QDir().mkpath(QFileInfo(file).absolutePath())) {
        if (error)
            *error = QCoreApplication::translate("AutostartEntry", "cannot create %1")
                         .arg(QFileInfo(file).absolutePath());
        return false;
    }
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(contents) != contents.size()
        || !out.commit()) {
        if (error)
            *error = QCoreApplication::translate("AutostartEntry", "cannot write %1: %2")
                         .arg(file, out.errorString());
        return false;
    }
    return true;
}

bool AutostartEntry::setEnabled(bool on, QString *error) const
{
    if (on) {
        const QByteArray contents = QByteArrayLiteral("[Desktop Entry]\n"
                                                      "Type=Application\n"
                                                      "Name=fedmsg-notify\n"
                                                      "Comment=Desktop notifications for Fedora's "
                                                      "message buses\n")
            + "Exec=" + quotedExec(m_program).toUtf8() + " --background\n"
            + QByteArrayLiteral("Icon=org.fedoraproject.FedmsgNotify\n"
                                "Terminal=false\n"
                                "NoDisplay=true\n");
        return write(contents, error);
    }
    if (!systemFile().isEmpty())
        return write(QByteArrayLiteral("[Desktop Entry]\n"
                                       "Type=Application\n"
                                       "Name=fedmsg-notify\n"
                                       "Hidden=true\n"),
            error);
    if (QFileInfo::exists(userFile()) && !QFile::remove(userFile())) {
        if (error)
            *error =
                QCoreApplication::translate("AutostartEntry", "cannot remove %1").arg(userFile());
        return false;
    }
    return true;
}

} // namespace fedmsg
