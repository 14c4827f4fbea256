// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "cli/LoggerCommandLine.h"

#include "cli/BusChoice.h"
#include "cli/TerminalPrompt.h"
#include "config/FedmsgConfigReader.h"

#include <array>
#include <unistd.h>

namespace fedmsg {

LoggerCommandLine::LoggerCommandLine()
    : m_tool(QStringLiteral("fedmsg-logger"))
    , m_message(
          QStringLiteral("message"), QStringLiteral("The message to send."), QStringLiteral("TEXT"))
    , m_json(QStringLiteral("json-input"),
          QStringLiteral("Parse the message (or all of stdin) as one JSON value."))
    , m_modname(QStringLiteral("modname"),
          QStringLiteral("Module name of the topic (default logger)."),
          QStringLiteral("NAME"),
          QStringLiteral("logger"))
    , m_topic(QStringLiteral("topic"),
          QStringLiteral("Topic suffix (default log)."),
          QStringLiteral("TOPIC"),
          QStringLiteral("log"))
    , m_certPrefix(QStringLiteral("cert-prefix"),
          QStringLiteral("certnames prefix used with sign_messages (default shell)."),
          QStringLiteral("PREFIX"),
          QStringLiteral("shell"))
    , m_cert(QStringLiteral("cert"),
          QStringLiteral("Sign with this certificate (PEM)."),
          QStringLiteral("FILE"))
    , m_key(QStringLiteral("key"),
          QStringLiteral("Private key for --cert (PEM)."),
          QStringLiteral("FILE"))
    , m_endpoint(QStringLiteral("endpoint"),
          QStringLiteral(
              "Connect to this relay inbound URL (default: relay_inbound from fedmsg.d)."),
          QStringLiteral("URL"))
    , m_bind(QStringLiteral("bind"),
          QStringLiteral("Bind the publisher at URL instead; subscribers (fedmsg-tail --endpoint "
                         "URL) connect there."),
          QStringLiteral("URL"))
    , m_environment(QStringLiteral("environment"),
          QStringLiteral("Override environment (dev, stg, prod)."),
          QStringLiteral("ENV"))
    , m_wait(QStringLiteral("wait"),
          QStringLiteral("Wait at most MS milliseconds for a subscriber before the first message "
                         "(default 5000)."),
          QStringLiteral("MS"),
          QStringLiteral("5000"))
    , m_settle(QStringLiteral("settle"),
          QStringLiteral(
              "With --bind: after the first subscriber, wait MS more for others (default 200)."),
          QStringLiteral("MS"),
          QStringLiteral("200"))
    , m_ca(QStringLiteral("ca-cert"),
          QStringLiteral("AMQP: CA file for the broker's TLS certificate."),
          QStringLiteral("FILE"))
    , m_bus(QStringLiteral("bus"),
          QStringLiteral("Publish on the configured bus NAME."),
          QStringLiteral("NAME"))
    , m_amqpUrl(QStringLiteral("amqp-url"),
          QStringLiteral("Publish to a fedora-messaging broker at URL."),
          QStringLiteral("URL"))
    , m_schema(QStringLiteral("schema"),
          QStringLiteral("fedora-messaging: the message's schema (header fedora_messaging_schema, "
                         "default base.message)."),
          QStringLiteral("NAME"))
    , m_schemaPackage(QStringLiteral("schema-package"),
          QStringLiteral("fedora-messaging: the Python package of --schema (header "
                         "fedora_messaging_schema_package)."),
          QStringLiteral("PACKAGE"))
{
    m_parser.setApplicationDescription(
        QStringLiteral("Emit log messages to a fedmsg bus. Without --message, every line of stdin "
                       "is one message {\"log\": line}."));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_tool.addFedmsgOptions(m_parser);
    m_parser.addOption(m_ca);
    m_parser.addOptions({ m_message,
        m_json,
        m_modname,
        m_topic,
        m_certPrefix,
        m_cert,
        m_key,
        m_endpoint,
        m_bind,
        m_environment,
        m_wait,
        m_settle,
        m_bus,
        m_amqpUrl,
        m_schema,
        m_schemaPackage });
}

std::variant<LoggerOptions, int> LoggerCommandLine::read(const QStringList &arguments)
{
    m_parser.process(arguments);
    return options();
}

namespace {

// Signing fails closed like validation: a fedmsg.d folder that was not read whole may have lost
// sign_messages=True, and sending unsigned would then be the quiet result. Says so when in doubt.
bool signingIsCertain(const FedmsgConfigReader &reader)
{
    QList<PyDiagnostic> problems = reader.trustProblems();
    for (const PyDiagnostic &d : reader.diagnostics())
        if (!d.keyPath.isEmpty() && d.keyPath.constFirst() == QLatin1String("sign_messages"))
            problems.append(d);
    if (problems.isEmpty())
        return true;
    CommandLineTool::error(QStringLiteral("fedmsg.d could not be read whole, so whether messages "
                                          "must be signed is in doubt; nothing sent (fix it, or "
                                          "give --cert and --key): %1")
                               .arg(problems.constFirst().toString()));
    return false;
}

// sign_messages: this host's certificate from fedmsg.d's certnames; false (said) when none.
bool useConfiguredCertificate(
    const FedmsgConfigReader &reader, const QString &certPrefix, PublisherOptions &opts)
{
    std::array<char, 256> hostname = {};
    ::gethostname(hostname.data(), hostname.size() - 1);
    const QString host = QString::fromLocal8Bit(hostname.data()).section(QLatin1Char('.'), 0, 0);
    const QString name = reader.certName(certPrefix, host);
    if (name.isEmpty()) {
        CommandLineTool::error(
            QStringLiteral("sign_messages is on but certnames has no %1.%2").arg(certPrefix, host));
        return false;
    }
    opts.certFile = reader.sslDir() + QLatin1Char('/') + name + QStringLiteral(".crt");
    opts.keyFile = reader.sslDir() + QLatin1Char('/') + name + QStringLiteral(".key");
    return true;
}

// An encrypted signing key: ask on the terminal (stdin may be carrying the messages).
Signer::PassphraseCallback passphrasePrompt(const QString &keyFile)
{
    return [keyFile]() -> std::optional<QByteArray> {
        QString why;
        auto answer = TerminalPrompt::askSecret(
            QStringLiteral("Enter pass phrase for %1: ").arg(keyFile), &why);
        if (!answer)
            CommandLineTool::error(
                QStringLiteral("%1 is encrypted and its pass phrase was not given: %2")
                    .arg(keyFile, why));
        return answer;
    };
}

// The fedora-messaging bus --bus or --amqp-url names; nullopt (said) when there is none.
std::optional<BusConfig> amqpBus(const BusChoice &choice, const QStringList &configPaths)
{
    QString error;
    std::optional<BusConfig> bus =
        choice.resolve(QStringLiteral("fedmsg-logger"), configPaths, &error);
    if (!bus) {
        CommandLineTool::error(error);
        return std::nullopt;
    }
    if (bus->transport != BusConfig::Transport::Amqp || bus->endpoints.isEmpty()) {
        CommandLineTool::error(
            QStringLiteral("bus %1 is not a fedora-messaging (AMQP) bus").arg(bus->name));
        return std::nullopt;
    }
    return bus;
}

} // namespace

std::variant<LoggerOptions, int> LoggerCommandLine::options() const
{
    const QCommandLineParser &p = m_parser;
    FedmsgConfigReader reader;
    if (const std::optional<int> done = m_tool.loadConfig(p, reader))
        return *done;

    LoggerOptions o;
    PublisherOptions &opts = o.publisher;
    opts.topicPrefix = reader.topicPrefix();
    opts.ioThreads = reader.ioThreads().value_or(1);
    opts.lingerMs = reader.lingerMs().value_or(opts.lingerMs);
    opts.sendHighWaterMark = reader.highWaterMark().value_or(opts.sendHighWaterMark);
    if (const auto t = reader.timeout())
        opts.sendTimeoutMs = static_cast<int>(*t * 1000);
    opts.environment = p.isSet(m_environment) ? p.value(m_environment) : reader.environment();
    if (p.isSet(m_bind)) {
        opts.mode = PublisherOptions::Mode::Bind;
        opts.url = p.value(m_bind);
    } else {
        opts.mode = PublisherOptions::Mode::Connect;
        opts.url = p.isSet(m_endpoint) ? p.value(m_endpoint) : reader.relayInbound().value(0);
    }
    const BusChoice choice {
        p.value(m_bus), p.value(m_amqpUrl), p.value(m_ca), p.value(m_cert), p.value(m_key)
    };
    const bool amqp = choice.isSet();
    if (opts.url.isEmpty() && !amqp) {
        CommandLineTool::error(
            QStringLiteral("nowhere to send: give --endpoint URL (a relay inbound), --bind URL, or "
                           "configure relay_inbound in fedmsg.d"));
        return 2;
    }
    if ((p.isSet(m_schema) || p.isSet(m_schemaPackage)) && !amqp) {
        CommandLineTool::error(QStringLiteral(
            "--schema and --schema-package are for fedora-messaging (--amqp-url or --bus)"));
        return 2;
    }
    if (p.isSet(m_cert) != p.isSet(m_key)) {
        CommandLineTool::error(QStringLiteral("--cert and --key go together"));
        return 2;
    }
    if (!amqp && !p.isSet(m_cert) && !signingIsCertain(reader))
        return 2;
    if (amqp) {
        // --cert/--key are the broker client certificate here (BusChoice); nothing is signed.
        o.amqpBus = amqpBus(choice, m_tool.configPaths(p));
        if (!o.amqpBus)
            return 2;
    } else if (p.isSet(m_cert)) {
        opts.certFile = p.value(m_cert);
        opts.keyFile = p.value(m_key);
    } else if (reader.config()["sign_messages"].toBool(false)
        && !useConfiguredCertificate(reader, p.value(m_certPrefix), opts)) {
        return 2;
    }
    if (!opts.keyFile.isEmpty())
        opts.passphrase = passphrasePrompt(opts.keyFile);
    o.modname = p.value(m_modname);
    o.topic = p.value(m_topic);
    if (p.isSet(m_message))
        o.message = p.value(m_message);
    o.jsonInput = p.isSet(m_json);
    o.waitMs = p.value(m_wait).toInt();
    // Bound publishers may have several subscribers coming in: give the others a moment too.
    o.settleMs = opts.mode == PublisherOptions::Mode::Bind ? p.value(m_settle).toInt() : 0;
    o.postInitSleep = reader.postInitSleep();
    if (p.isSet(m_schema))
        o.schema = p.value(m_schema);
    o.schemaPackage = p.value(m_schemaPackage);
    return o;
}

} // namespace fedmsg
