// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QCommandLineOption>
#include <QString>

class QCommandLineParser;

namespace fedmsg {

class FedmsgConfigReader;

/**
 * @brief What fedmsg-tail and fedmsg-logger share: program set-up (name, version, quiet library
 * logging unless QT_LOGGING_RULES says otherwise), the fedmsg.d options (--config,
 * --no-default-config) and reading them, and "<program>: <text>" error lines on stderr.
 */
class CommandLineTool
{
public:
    /// Call after the QCoreApplication exists.
    explicit CommandLineTool(const QString &program);

    void addConfigOptions(QCommandLineParser &parser) const;
    /// Reads the default fedmsg.d folders (unless --no-default-config), then each --config path
    /// in order, and prints the reader's diagnostics. Returns false (error printed) when a
    /// --config path does not exist.
    bool readConfig(const QCommandLineParser &parser, FedmsgConfigReader &reader) const;
    /// The --config paths as given.
    QStringList configPaths(const QCommandLineParser &parser) const;

    /// "<application name>: <text>" on stderr.
    static void error(const QString &text);

private:
    QCommandLineOption m_config;
    QCommandLineOption m_noDefaultConfig;
};

} // namespace fedmsg
