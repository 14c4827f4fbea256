// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "cli/CommandLineTool.h"
#include "cli/TailOptions.h"

#include <QCommandLineParser>

#include <optional>
#include <variant>

namespace fedmsg {

/**
 * @brief fedmsg-tail's command line: its options (those of every fedmsg command, see
 * CommandLineTool, plus the tail's), read into TailOptions.
 * @code
 * TailCommandLine commandLine;
 * const auto read = commandLine.read(QCoreApplication::arguments());
 * if (const int *exitCode = std::get_if<int>(&read))
 *     return *exitCode;
 * const TailOptions &options = std::get<TailOptions>(read);
 * @endcode
 */
class TailCommandLine
{
public:
    /// Call after the QCoreApplication exists.
    TailCommandLine();

    /**
     * Parses arguments (the program name first), reads the fedmsg.d configuration and applies
     * the command line to it. --help and --version print and exit, like
     * QCommandLineParser::process(). An exit status instead of options when the program is done
     * (--print-config) or cannot go on (the reason was printed on stderr).
     */
    std::variant<TailOptions, int> read(const QStringList &arguments);

    /// The environment variable that overrides a bus's archive URL (below --archive-url).
    static QString archiveUrlVariable() { return QStringLiteral("FEDMSG_ARCHIVE_URL"); }
    /// "2h", "30m", "90s", "1d", "1h30m" -> milliseconds; std::nullopt (and *error) for
    /// anything else, zero, or more than 7 days.
    static std::optional<qint64> parseDuration(const QString &text, QString *error = nullptr);

private:
    std::variant<TailOptions, int> options() const;
    /// --validate, --no-validate, --ca and --crl over what the configuration says.
    void applyTrustOptions(BusConfig &bus) const;
    /// --since and --archive-url into o; an exit status when they cannot be used.
    std::optional<int> applySince(TailOptions &o) const;

    CommandLineTool m_tool;
    QCommandLineParser m_parser;
    QCommandLineOption m_topic, m_exclude, m_include, m_users, m_packages, m_terse, m_cowsay,
        m_pretty, m_reallyPretty, m_json, m_query, m_gource, m_validate, m_noValidate, m_ca, m_crl,
        m_endpoint, m_count, m_bus, m_amqpUrl, m_cert, m_key, m_history, m_historyDb, m_rules,
        m_explain, m_account, m_since, m_archiveUrl;
};

} // namespace fedmsg
