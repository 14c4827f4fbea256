// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QCommandLineOption>

#include <QString>
#include <optional>

class QCommandLineParser;

namespace fedmsg {

class FedmsgConfigReader;
struct BusConfig;

/**
 * @brief What fedmsg-tail and fedmsg-logger share: program set-up (name, version, quiet library
 * logging unless QT_LOGGING_RULES says otherwise), the options every Python fedmsg command has
 * (--config-filename, --print-config, --topic-prefix, --io-threads, --post-init-sleep,
 * --timeout, --high-water-mark, --linger) plus our fedmsg.d folder options (--config,
 * --no-default-config), reading the configuration with those overrides, and
 * "<program>: <text>" error lines on stderr.
 */
class CommandLineTool
{
public:
    /// Call after the QCoreApplication exists.
    explicit CommandLineTool(const QString &program);

    void addFedmsgOptions(QCommandLineParser &parser) const;
    /// Reads the default fedmsg.d folders (unless --no-default-config), then --config-filename
    /// and each --config path in order, prints the reader's diagnostics, then applies the
    /// command-line overrides. Returns false (error printed) when a path does not exist or an
    /// option value is not a number.
    bool readConfig(const QCommandLineParser &parser, FedmsgConfigReader &reader) const;
    /// The --config-filename and --config paths as given.
    QStringList configPaths(const QCommandLineParser &parser) const;
    /// With --print-config: prints the merged configuration (JSON) on stdout and returns the
    /// exit status (0); when a fedmsg.d file had an error (readConfig printed it, file:line)
    /// prints nothing and returns 1. Without --print-config: nullopt.
    std::optional<int> printConfigIfAsked(
        const QCommandLineParser &parser, const FedmsgConfigReader &reader) const;
    /// readConfig() then printConfigIfAsked(): the exit status when the program is done (2 when
    /// the configuration could not be read, the --print-config status), nullopt to go on.
    std::optional<int> loadConfig(
        const QCommandLineParser &parser, FedmsgConfigReader &reader) const;

    /**
     * Trust fails closed: a bus whose configuration was not read whole (BusConfig::configError)
     * is refused with that reason unless validation was turned off explicitly (--no-validate),
     * which clears the error after a warning. False (error printed) when refused.
     */
    static bool acceptConfigError(BusConfig &bus, bool validationTurnedOff);

    /// "<application name>: <text>" on stderr, made harmless for a terminal (text may carry a
    /// message's topic or reason: controls escaped, clipped at MaxErrorBytes, saying how much).
    static void error(const QString &text);
    static constexpr qsizetype MaxErrorBytes = 2048;

private:
    QCommandLineOption m_config;
    QCommandLineOption m_noDefaultConfig;
    QCommandLineOption m_configFilename;
    QCommandLineOption m_printConfig;
    QCommandLineOption m_topicPrefix;
    QCommandLineOption m_ioThreads;
    QCommandLineOption m_postInitSleep;
    QCommandLineOption m_timeout;
    QCommandLineOption m_highWaterMark;
    QCommandLineOption m_linger;
};

} // namespace fedmsg
