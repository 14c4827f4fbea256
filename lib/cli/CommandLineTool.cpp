// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "cli/CommandLineTool.h"

#include "bus/BusConfig.h"
#include "cli/TerminalText.h"
#include "config/FedmsgConfigReader.h"
#include "json/JsonWriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QLoggingCategory>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>

namespace fedmsg {

CommandLineTool::CommandLineTool(const QString &program)
    : m_config(QStringLiteral("config"),
        QStringLiteral(
            "Read fedmsg.d files from DIR (or one FILE) after the default folders (repeatable)."),
        QStringLiteral("DIR"))
    , m_noDefaultConfig(QStringLiteral("no-default-config"),
          QStringLiteral("Skip /etc/fedmsg.d and ~/.fedmsg.d."))
    , m_configFilename(QStringLiteral("config-filename"),
          QStringLiteral("Config file to use (read after the fedmsg.d folders)."),
          QStringLiteral("FILE"))
    , m_printConfig(QStringLiteral("print-config"),
          QStringLiteral("Simply print out the configuration and exit. No action taken."))
    , m_topicPrefix(QStringLiteral("topic-prefix"),
          QStringLiteral("Prefix for the topic of each message sent."),
          QStringLiteral("PREFIX"))
    , m_ioThreads(QStringLiteral("io-threads"),
          QStringLiteral("Number of io threads for 0mq to use."),
          QStringLiteral("N"))
    , m_postInitSleep(QStringLiteral("post-init-sleep"),
          QStringLiteral("Number of seconds to sleep after initializing."),
          QStringLiteral("SECONDS"))
    , m_timeout(QStringLiteral("timeout"),
          QStringLiteral("Timeout in seconds for any blocking zmq operations."),
          QStringLiteral("SECONDS"))
    , m_highWaterMark(QStringLiteral("high-water-mark"),
          QStringLiteral("Limit on the number of messages in the queue before blocking."),
          QStringLiteral("N"))
    , m_linger(QStringLiteral("linger"),
          QStringLiteral("Number of milliseconds to wait before timing out connections."),
          QStringLiteral("MS"))
{
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(
            QStringLiteral("fedmsg.*.debug=false\nfedmsg.*.info=false"));
    QCoreApplication::setApplicationName(program);
    QCoreApplication::setApplicationVersion(QStringLiteral(FEDMSG_NOTIFY_VERSION));
}

void CommandLineTool::addFedmsgOptions(QCommandLineParser &parser) const
{
    parser.addOptions({ m_ioThreads,
        m_topicPrefix,
        m_postInitSleep,
        m_configFilename,
        m_printConfig,
        m_timeout,
        m_highWaterMark,
        m_linger,
        m_config,
        m_noDefaultConfig });
}

QStringList CommandLineTool::configPaths(const QCommandLineParser &parser) const
{
    return parser.values(m_configFilename) + parser.values(m_config);
}

bool CommandLineTool::readConfig(const QCommandLineParser &parser, FedmsgConfigReader &reader) const
{
    reader.setDirectories(parser.isSet(m_noDefaultConfig)
            ? QStringList {}
            : FedmsgConfigReader::defaultDirectories());
    reader.read();
    for (const QString &path : configPaths(parser)) {
        if (!QFileInfo::exists(path)) {
            error(QStringLiteral("no such config file or folder: %1").arg(path));
            return false;
        }
        reader.readPath(path);
    }
    for (const PyDiagnostic &d : reader.diagnostics())
        error(d.toString());

    if (parser.isSet(m_topicPrefix))
        reader.setValue(QStringLiteral("topic_prefix"), JsonValue(parser.value(m_topicPrefix)));
    struct Numeric
    {
        const QCommandLineOption &option;
        const char *key;
        bool integer;
        double min;
    };
    const std::array<Numeric, 5> numerics = { {
        { m_ioThreads, "io_threads", true, 1 },
        { m_postInitSleep, "post_init_sleep", false, 0 },
        { m_timeout, "timeout", false, 0 },
        { m_highWaterMark, "high_water_mark", true, 0 },
        { m_linger, "zmq_linger", true, -1 },
    } };
    for (const Numeric &n : numerics) {
        if (!parser.isSet(n.option))
            continue;
        const QString text = parser.value(n.option);
        bool ok = false;
        const double value = n.integer ? double(text.toInt(&ok)) : text.toDouble(&ok);
        if (!ok || value < n.min) {
            error(QStringLiteral("--%1: expected %2 ≥ %3, got \"%4\"")
                      .arg(n.option.names().constFirst(),
                          n.integer ? QStringLiteral("an integer") : QStringLiteral("a number"))
                      .arg(n.min)
                      .arg(text));
            return false;
        }
        reader.setValue(QString::fromLatin1(n.key),
            n.integer ? JsonValue(static_cast<std::int64_t>(value)) : JsonValue(value));
    }
    return true;
}

std::optional<int> CommandLineTool::loadConfig(
    const QCommandLineParser &parser, FedmsgConfigReader &reader) const
{
    if (!readConfig(parser, reader))
        return 2;
    return printConfigIfAsked(parser, reader);
}

std::optional<int> CommandLineTool::printConfigIfAsked(
    const QCommandLineParser &parser, const FedmsgConfigReader &reader) const
{
    if (!parser.isSet(m_printConfig))
        return std::nullopt;
    const QList<PyDiagnostic> diagnostics = reader.diagnostics();
    const bool broken = std::any_of(diagnostics.begin(), diagnostics.end(), [](const auto &d) {
        return d.kind == PyDiagnostic::Kind::Error;
    });
    if (broken) {
        // A configuration with a file left out is not the configuration: the error (file:line)
        // is on stderr already.
        error(QStringLiteral("--print-config: the configuration has errors (see above)"));
        return 1;
    }
    const std::string text = JsonWriter::pretty(reader.config(), 4) + '\n';
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
}

bool CommandLineTool::acceptConfigError(BusConfig &bus, bool validationTurnedOff)
{
    if (bus.configError.isEmpty())
        return true;
    if (!validationTurnedOff) {
        error(bus.configError
            + QStringLiteral("; fix the file, or pass --no-validate to show every message "
                             "without checking signatures"));
        return false;
    }
    error(QStringLiteral("warning: %1; going on without signature checks (--no-validate)")
              .arg(bus.configError));
    bus.configError.clear();
    return true;
}

void CommandLineTool::error(const QString &text)
{
    const QByteArray bytes = QStringLiteral("%1: %2\n")
                                 .arg(QCoreApplication::applicationName(),
                                     TerminalText::clip(TerminalText::escape(text), MaxErrorBytes))
                                 .toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stderr);
}

} // namespace fedmsg
