// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "cli/TailCommandLine.h"

#include "cli/BusChoice.h"
#include "config/FedmsgConfigReader.h"

#include <QRegularExpression>

#include <array>

namespace fedmsg {

namespace {

constexpr qint64 MaxSinceMs = qint64 { 7 } * 24 * 3600 * 1000;

QStringList splitList(const QStringList &values)
{
    QStringList out;
    for (const QString &v : values)
        for (const QString &part : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
            out << part.trimmed();
    return out;
}

} // namespace

std::optional<qint64> TailCommandLine::parseDuration(const QString &text, QString *error)
{
    auto fail = [&](const QString &why) -> std::optional<qint64> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    static const QRegularExpression part(QStringLiteral("(\\d{1,9})([smhd])"));
    const QString trimmed = text.trimmed();
    qint64 ms = 0;
    qsizetype at = 0;
    while (at < trimmed.size()) {
        const QRegularExpressionMatch m = part.match(trimmed,
            at,
            QRegularExpression::NormalMatch,
            QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch())
            return fail(
                QStringLiteral("\"%1\" is not a duration such as 2h, 30m, 1h30m or 1d").arg(text));
        const qint64 n = m.captured(1).toLongLong();
        const QChar unit = m.captured(2).at(0);
        const qint64 scale = unit == u's' ? 1000
            : unit == u'm'                ? 60 * 1000
            : unit == u'h'                ? 3600 * 1000
                                          : 24 * 3600 * 1000;
        ms += n * scale;
        if (ms > MaxSinceMs)
            return fail(QStringLiteral("%1 is more than 7 days back").arg(text));
        at += m.capturedLength();
    }
    if (ms <= 0)
        return fail(
            QStringLiteral("\"%1\" is not a duration such as 2h, 30m, 1h30m or 1d").arg(text));
    return ms;
}

TailCommandLine::TailCommandLine()
    : m_tool(QStringLiteral("fedmsg-tail"))
    , m_topic(QStringLiteral("topic"),
          QStringLiteral("Subscribe to topics starting with PREFIX (repeatable; default all)."),
          QStringLiteral("PREFIX"))
    , m_exclude(QStringLiteral("exclude"),
          QStringLiteral("Hide topics where REGEXP matches (default _heartbeat)."),
          QStringLiteral("REGEXP"),
          TopicFilter::defaultExclude())
    , m_include(QStringLiteral("include"),
          QStringLiteral("Only show topics where REGEXP matches."),
          QStringLiteral("REGEXP"))
    , m_users(QStringLiteral("users"),
          QStringLiteral("Only show messages involving these users (comma-separated)."),
          QStringLiteral("USERS"))
    , m_packages(QStringLiteral("packages"),
          QStringLiteral("Only show messages about these packages (comma-separated)."),
          QStringLiteral("PACKAGES"))
    , m_terse(QStringLiteral("terse"),
          QStringLiteral("One natural-language line per message: title -- subtitle link."))
    , m_cowsay(QStringLiteral("cowsay"),
          QStringLiteral("Each message's summary said by a cow (like piping it through cowsay)."))
    , m_pretty(
          QStringLiteral("pretty"), QStringLiteral("Time and indented body, credentials stripped."))
    , m_reallyPretty(QStringLiteral("really-pretty"),
          QStringLiteral("Indented JSON, coloured on a terminal, credentials stripped."))
    , m_json(QStringLiteral("json"), QStringLiteral("One canonical JSON envelope per line."))
    , m_query(QStringLiteral("query"),
          QStringLiteral("Print the values at dotted paths, e.g. msg.user,topic."),
          QStringLiteral("PATHS"))
    , m_gource(QStringLiteral("gource"),
          QStringLiteral("Gource custom log lines: time|user|A|/service/topic/object|colour."))
    , m_validate(QStringLiteral("validate"),
          QStringLiteral(
              "Validate signatures (untrusted messages are reported on stderr or marked)."))
    , m_noValidate(QStringLiteral("no-validate"), QStringLiteral("Do not validate signatures."))
    , m_ca(QStringLiteral("ca-cert"),
          QStringLiteral("CA certificate (path or https URL) for --validate."),
          QStringLiteral("FILE"))
    , m_crl(QStringLiteral("crl"),
          QStringLiteral("CRL (path or https URL) for --validate; 'none' disables CRL checks."),
          QStringLiteral("FILE"))
    , m_endpoint(QStringLiteral("endpoint"),
          QStringLiteral("Subscribe to URL instead of the configured endpoints (repeatable)."),
          QStringLiteral("URL"))
    , m_count(QStringLiteral("count"),
          QStringLiteral("Exit after N messages were shown."),
          QStringLiteral("N"))
    , m_bus(QStringLiteral("bus"),
          QStringLiteral("Use the configured bus NAME (amqp buses need the AMQP transport)."),
          QStringLiteral("NAME"))
    , m_amqpUrl(QStringLiteral("amqp-url"),
          QStringLiteral("Consume from a fedora-messaging broker at URL."),
          QStringLiteral("URL"))
    , m_cert(QStringLiteral("cert"),
          QStringLiteral("AMQP: client certificate file (default: Fedora's public one)."),
          QStringLiteral("FILE"))
    , m_key(QStringLiteral("key"),
          QStringLiteral("AMQP: client key file (default: Fedora's public one)."),
          QStringLiteral("FILE"))
    , m_history(QStringLiteral("history"),
          QStringLiteral(
              "Print stored messages from the applet's history instead of listening; "
              "the arguments are a full-text query (words, prefix*, \"phrases\", OR, -word)."))
    , m_historyDb(QStringLiteral("history-db"),
          QStringLiteral("The history database to read (default: the applet's, "
                         "~/.local/share/fedmsg-notify/history.sqlite)."),
          QStringLiteral("FILE"))
    , m_rules(QStringLiteral("rules"),
          QStringLiteral("Show only what the filter rules in FILE would pop up (the applet's "
                         "rule file format, as its export writes it)."),
          QStringLiteral("FILE"))
    , m_explain(QStringLiteral("explain"),
          QStringLiteral("Show every message with the rules' decision under it (the applet's "
                         "rules unless --rules is given)."))
    , m_account(QStringLiteral("account"),
          QStringLiteral("The Fedora account rules call \"me\" (default: the applet's)."),
          QStringLiteral("NAME"))
    , m_since(QStringLiteral("since"),
          QStringLiteral("First print what the bus's archive (datagrepper) kept of the last "
                         "DURATION (e.g. 2h, 30m, 1h30m, 1d), then go live."),
          QStringLiteral("DURATION"))
    , m_archiveUrl(QStringLiteral("archive-url"),
          QStringLiteral("The datagrepper archive for --since (default: the bus's; "
                         "$FEDMSG_ARCHIVE_URL)."),
          QStringLiteral("URL"))
{
    m_parser.setApplicationDescription(QStringLiteral("Watch all messages on a fedmsg bus."));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_tool.addFedmsgOptions(m_parser);
    m_parser.addOptions({ m_cert, m_key });
    m_parser.addPositionalArgument(QStringLiteral("query"),
        QStringLiteral("With --history: what to search for (all messages when empty)."),
        QStringLiteral("[QUERY...]"));
    m_parser.addOptions({ m_history, m_historyDb });
    m_parser.addOptions({ m_rules, m_explain, m_account });
    m_parser.addOptions({ m_since, m_archiveUrl });
    m_parser.addOptions({ m_topic,
        m_exclude,
        m_include,
        m_users,
        m_packages,
        m_terse,
        m_cowsay,
        m_pretty,
        m_reallyPretty,
        m_json,
        m_query,
        m_gource,
        m_validate,
        m_noValidate,
        m_ca,
        m_crl,
        m_endpoint,
        m_count,
        m_bus,
        m_amqpUrl });
}

std::variant<TailOptions, int> TailCommandLine::read(const QStringList &arguments)
{
    m_parser.process(arguments);
    return options();
}

void TailCommandLine::applyTrustOptions(BusConfig &bus) const
{
    const QCommandLineParser &p = m_parser;
    if (p.isSet(m_validate))
        bus.trust.validateSignatures = true;
    if (p.isSet(m_noValidate))
        bus.trust.validateSignatures = false;
    if (p.isSet(m_ca) && bus.transport == BusConfig::Transport::ZeroMq)
        bus.trust.caLocation = p.value(m_ca);
    if (p.isSet(m_crl))
        bus.trust.crlLocation =
            p.value(m_crl) == QLatin1String("none") ? QString() : p.value(m_crl);
}

std::variant<TailOptions, int> TailCommandLine::options() const
{
    const QCommandLineParser &p = m_parser;
    // Configuration: fedmsg.d folders, then the command line.
    FedmsgConfigReader reader;
    if (const std::optional<int> done = m_tool.loadConfig(p, reader))
        return *done;

    TailOptions o;
    o.bus = reader.toBusConfig(QStringLiteral("fedmsg-tail"));
    const BusChoice choice {
        p.value(m_bus), p.value(m_amqpUrl), p.value(m_ca), p.value(m_cert), p.value(m_key)
    };
    if (choice.isSet()) {
        QString error;
        const auto chosen =
            choice.resolve(QStringLiteral("fedmsg-tail"), m_tool.configPaths(p), &error);
        if (!chosen) {
            CommandLineTool::error(error);
            return 2;
        }
        o.bus = *chosen;
    }
    if (p.isSet(m_endpoint)) {
        o.bus.endpoints.clear();
        for (const QString &url : p.values(m_endpoint))
            o.bus.endpoints.append(BusEndpoint { url, {} });
    }
    o.history = p.isSet(m_history);
    if (!o.history && !p.positionalArguments().isEmpty()) {
        CommandLineTool::error(QStringLiteral("unexpected arguments: %1 (a query needs --history)")
                                   .arg(p.positionalArguments().join(QLatin1Char(' '))));
        return 2;
    }
    // A fedmsg.d folder that could not be read whole leaves trust in doubt: refuse to tail it.
    if (!o.history && !CommandLineTool::acceptConfigError(o.bus, p.isSet(m_noValidate)))
        return 2;
    if (o.bus.endpoints.isEmpty() && !o.history) {
        CommandLineTool::error(
            QStringLiteral("no endpoints: give --endpoint URL or configure endpoints in fedmsg.d"));
        return 2;
    }
    applyTrustOptions(o.bus);

    QString error;
    o.filter.setPrefixes(p.values(m_topic));
    if (!o.filter.setExclude(p.value(m_exclude), &error)
        || (p.isSet(m_include) && !o.filter.setInclude(p.value(m_include), &error))) {
        CommandLineTool::error(error);
        return 2;
    }
    o.bus.topics = o.filter.prefixes();

    // Python applies pretty, really-pretty, query, terse, cowsay; the last one set wins.
    const std::array<std::pair<const QCommandLineOption &, TailFormatter::Mode>, 7> modes = { {
        { m_pretty, TailFormatter::Mode::Pretty },
        { m_reallyPretty, TailFormatter::Mode::ReallyPretty },
        { m_query, TailFormatter::Mode::Query },
        { m_terse, TailFormatter::Mode::Terse },
        { m_cowsay, TailFormatter::Mode::Cowsay },
        { m_gource, TailFormatter::Mode::Gource },
        { m_json, TailFormatter::Mode::Json },
    } };
    for (const auto &[option, mode] : modes)
        if (p.isSet(option))
            o.mode = mode;
    o.query = p.value(m_query);
    o.users = splitList(p.values(m_users));
    o.packages = splitList(p.values(m_packages));
    o.maxCount = p.isSet(m_count) ? p.value(m_count).toLongLong() : -1;
    o.historyDb = p.value(m_historyDb);
    o.historyText = p.positionalArguments().join(QLatin1Char(' '));
    o.rulesFile = p.value(m_rules);
    o.explain = p.isSet(m_explain);
    o.account = p.value(m_account);
    if (const std::optional<int> done = applySince(o))
        return *done;
    return o;
}

std::optional<int> TailCommandLine::applySince(TailOptions &o) const
{
    const QCommandLineParser &p = m_parser;
    if (!p.isSet(m_since))
        return std::nullopt;
    QString error;
    const std::optional<qint64> since = parseDuration(p.value(m_since), &error);
    if (!since) {
        CommandLineTool::error(QStringLiteral("--since: %1").arg(error));
        return 2;
    }
    if (o.history) {
        CommandLineTool::error(QStringLiteral("--since catches up on a bus; it does not go "
                                              "with --history"));
        return 2;
    }
    o.sinceMs = *since;
    const QString fromEnvironment = qEnvironmentVariable(qPrintable(archiveUrlVariable()));
    if (p.isSet(m_archiveUrl))
        o.bus.archiveUrl = p.value(m_archiveUrl);
    else if (!fromEnvironment.isEmpty())
        o.bus.archiveUrl = fromEnvironment;
    if (o.bus.archiveUrl.isEmpty()) {
        CommandLineTool::error(
            QStringLiteral("--since: bus %1 has no archive; give "
                           "--archive-url URL (e.g. %2)")
                .arg(o.bus.name.isEmpty() ? QStringLiteral("(fedmsg.d)") : o.bus.name,
                    BusConfig::fedoraArchiveUrl()));
        return 2;
    }
    return std::nullopt;
}

} // namespace fedmsg
