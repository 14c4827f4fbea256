// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "bus/CommandLineTool.h"

#include "bus/FedmsgConfigReader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QLoggingCategory>

#include <cstdio>

namespace fedmsg {

CommandLineTool::CommandLineTool(const QString &program)
    : m_config(QStringLiteral("config"),
        QStringLiteral(
            "Read fedmsg.d files from DIR (or one FILE) after the default folders (repeatable)."),
        QStringLiteral("DIR"))
    , m_noDefaultConfig(QStringLiteral("no-default-config"),
          QStringLiteral("Skip /etc/fedmsg.d and ~/.fedmsg.d."))
{
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(
            QStringLiteral("fedmsg.*.debug=false\nfedmsg.*.info=false"));
    QCoreApplication::setApplicationName(program);
    QCoreApplication::setApplicationVersion(QStringLiteral(FEDMSG_NOTIFY_VERSION));
}

void CommandLineTool::addConfigOptions(QCommandLineParser &parser) const
{
    parser.addOptions({ m_config, m_noDefaultConfig });
}

QStringList CommandLineTool::configPaths(const QCommandLineParser &parser) const
{
    return parser.values(m_config);
}

bool CommandLineTool::readConfig(const QCommandLineParser &parser, FedmsgConfigReader &reader) const
{
    reader.setDirectories(parser.isSet(m_noDefaultConfig)
            ? QStringList {}
            : FedmsgConfigReader::defaultDirectories());
    reader.read();
    for (const QString &path : parser.values(m_config)) {
        if (!QFileInfo::exists(path)) {
            error(QStringLiteral("no such config folder: %1").arg(path));
            return false;
        }
        reader.readPath(path);
    }
    for (const PyDiagnostic &d : reader.diagnostics())
        error(d.toString());
    return true;
}

void CommandLineTool::error(const QString &text)
{
    const QByteArray bytes =
        QStringLiteral("%1: %2\n").arg(QCoreApplication::applicationName(), text).toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stderr);
}

} // namespace fedmsg
