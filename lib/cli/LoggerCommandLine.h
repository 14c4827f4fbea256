// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "cli/CommandLineTool.h"
#include "cli/LoggerOptions.h"

#include <QCommandLineParser>

#include <variant>

namespace fedmsg {

/**
 * @brief fedmsg-logger's command line: its options (those of every fedmsg command, see
 * CommandLineTool, plus the logger's), read into LoggerOptions.
 */
class LoggerCommandLine
{
public:
    /// Call after the QCoreApplication exists.
    LoggerCommandLine();

    /**
     * Parses arguments (the program name first), reads the fedmsg.d configuration and applies
     * the command line to it. --help and --version print and exit, like
     * QCommandLineParser::process(). An exit status instead of options when the program is done
     * (--print-config) or cannot go on (the reason was printed on stderr).
     */
    std::variant<LoggerOptions, int> read(const QStringList &arguments);

private:
    std::variant<LoggerOptions, int> options() const;

    CommandLineTool m_tool;
    QCommandLineParser m_parser;
    QCommandLineOption m_message, m_json, m_modname, m_topic, m_certPrefix, m_cert, m_key,
        m_endpoint, m_bind, m_environment, m_wait, m_settle, m_ca, m_bus, m_amqpUrl, m_schema,
        m_schemaPackage;
};

} // namespace fedmsg
