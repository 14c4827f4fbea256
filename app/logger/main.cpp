// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// fedmsg-logger: send log lines or JSON to a fedmsg bus. Envelope building, signing and the
// slow-joiner wait are in lib/bus (Publisher); this file parses options and reads stdin.

#include "InputLines.h"
#include "amqp/AmqpAddress.h"
#include "amqp/AmqpConnection.h"
#include "amqp/AmqpPresets.h"
#include "amqp/AmqpPublisher.h"
#include "cli/CommandLineTool.h"
#include "cli/TerminalPrompt.h"
#include "config/FedmsgConfigReader.h"
#include "engine/Transports.h"
#include "settings/Settings.h"
#include "zeromq/Publisher.h"
#include "json/JsonParser.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringDecoder>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <string>
#include <unistd.h>

using namespace fedmsg;

namespace {

std::optional<JsonValue> parseJson(const std::string &text)
{
    JsonParseError e;
    std::optional<JsonValue> v = JsonParser::parse(text, &e);
    if (!v)
        CommandLineTool::error(
            QStringLiteral("--json-input: %1").arg(QString::fromStdString(e.toString())));
    return v;
}

QString amqpTopic(const PublisherOptions &opts, const QString &modname, const QString &topic)
{
    const QString suffix = modname + QLatin1Char('.') + topic;
    if (suffix.startsWith(opts.topicPrefix + QLatin1Char('.')))
        return suffix;
    return opts.topicPrefix + QLatin1Char('.') + opts.environment + QLatin1Char('.') + suffix;
}

// fedora-messaging: the same messages, published on a broker with fedora-messaging's properties
// and headers, and confirmed by it.
int publishAmqp(const QCommandLineParser &p,
    const PublisherOptions &opts,
    const std::function<std::optional<JsonValue>()> &nextMessage)
{
    BusConfig bus;
    if (p.isSet(QStringLiteral("bus"))) {
        QString busError;
        const auto named = Transports::configuredBus(p.value(QStringLiteral("bus")), {}, &busError);
        if (!named) {
            CommandLineTool::error(busError);
            return 2;
        }
        if (named->transport != BusConfig::Transport::Amqp || named->endpoints.isEmpty()) {
            CommandLineTool::error(
                QStringLiteral("bus %1 is not a fedora-messaging (AMQP) bus").arg(named->name));
            return 2;
        }
        bus = *named;
    } else {
        bus = AmqpPresets::fedoraProduction();
        bus.endpoints = { BusEndpoint { p.value(QStringLiteral("amqp-url")), {} } };
    }
    QString error;
    AmqpConnectOptions connect;
    const auto address = AmqpAddress::parse(bus.endpoints.first().url, bus.amqp.vhost, &error);
    if (!address) {
        CommandLineTool::error(error);
        return 2;
    }
    connect.address = *address;
    connect.caCertFile = p.isSet(QStringLiteral("ca-cert")) ? p.value(QStringLiteral("ca-cert"))
                                                            : bus.amqp.caCertFile;
    connect.certFile =
        p.isSet(QStringLiteral("cert")) ? p.value(QStringLiteral("cert")) : bus.amqp.certFile;
    connect.keyFile =
        p.isSet(QStringLiteral("key")) ? p.value(QStringLiteral("key")) : bus.amqp.keyFile;
    if (!address->user.isEmpty()) {
        // user:password in the URL: PLAIN login, no client certificate.
        connect.certFile.clear();
        connect.keyFile.clear();
    }
    connect.appName = QStringLiteral("fedmsg-logger");
    // Lines are read and sent one at a time, and a person typing may pause for minutes: the
    // blocking publisher would not answer heartbeats meanwhile, so none are asked for.
    connect.heartbeatSeconds = 0;
    AmqpPublisher publisher(connect);
    if (!publisher.connect(&error)) {
        CommandLineTool::error(error);
        return 1;
    }
    const QString topic =
        amqpTopic(opts, p.value(QStringLiteral("modname")), p.value(QStringLiteral("topic")));
    int rc = 0;
    while (const std::optional<JsonValue> next = nextMessage()) {
        const JsonValue &m = *next;
        if (!m.isObject()) {
            CommandLineTool::error(
                QStringLiteral("fedora-messaging bodies are JSON objects; skipped a %1")
                    .arg(QLatin1String(m.isArray() ? "list" : "scalar")));
            rc = 1;
            continue;
        }
        AmqpOutgoingMessage out;
        out.topic = topic;
        out.body = m;
        if (p.isSet(QStringLiteral("schema")))
            out.schema = p.value(QStringLiteral("schema"));
        out.schemaPackage = p.value(QStringLiteral("schema-package"));
        if (publisher.publish(out).isEmpty()) {
            CommandLineTool::error(QStringLiteral("publishing on %1 failed").arg(topic));
            rc = 1;
        }
    }
    if (!publisher.waitForConfirms(10000, &error)) {
        CommandLineTool::error(error);
        rc = 1;
    }
    return rc;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const CommandLineTool tool(QStringLiteral("fedmsg-logger"));

    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Emit log messages to a fedmsg bus. Without --message, every line of stdin "
                       "is one message {\"log\": line}."));
    p.addHelpOption();
    p.addVersionOption();
    tool.addFedmsgOptions(p);
    const QCommandLineOption messageOpt(
        QStringLiteral("message"), QStringLiteral("The message to send."), QStringLiteral("TEXT"));
    const QCommandLineOption jsonOpt(QStringLiteral("json-input"),
        QStringLiteral("Parse the message (or all of stdin) as one JSON value."));
    const QCommandLineOption modnameOpt(QStringLiteral("modname"),
        QStringLiteral("Module name of the topic (default logger)."),
        QStringLiteral("NAME"),
        QStringLiteral("logger"));
    const QCommandLineOption topicOpt(QStringLiteral("topic"),
        QStringLiteral("Topic suffix (default log)."),
        QStringLiteral("TOPIC"),
        QStringLiteral("log"));
    const QCommandLineOption certPrefixOpt(QStringLiteral("cert-prefix"),
        QStringLiteral("certnames prefix used with sign_messages (default shell)."),
        QStringLiteral("PREFIX"),
        QStringLiteral("shell"));
    const QCommandLineOption certOpt(QStringLiteral("cert"),
        QStringLiteral("Sign with this certificate (PEM)."),
        QStringLiteral("FILE"));
    const QCommandLineOption keyOpt(QStringLiteral("key"),
        QStringLiteral("Private key for --cert (PEM)."),
        QStringLiteral("FILE"));
    const QCommandLineOption endpointOpt(QStringLiteral("endpoint"),
        QStringLiteral("Connect to this relay inbound URL (default: relay_inbound from fedmsg.d)."),
        QStringLiteral("URL"));
    const QCommandLineOption bindOpt(QStringLiteral("bind"),
        QStringLiteral("Bind the publisher at URL instead; subscribers (fedmsg-tail --endpoint "
                       "URL) connect there."),
        QStringLiteral("URL"));
    const QCommandLineOption environmentOpt(QStringLiteral("environment"),
        QStringLiteral("Override environment (dev, stg, prod)."),
        QStringLiteral("ENV"));
    const QCommandLineOption waitOpt(QStringLiteral("wait"),
        QStringLiteral("Wait at most MS milliseconds for a subscriber before the first message "
                       "(default 5000)."),
        QStringLiteral("MS"),
        QStringLiteral("5000"));
    const QCommandLineOption settleOpt(QStringLiteral("settle"),
        QStringLiteral(
            "With --bind: after the first subscriber, wait MS more for others (default 200)."),
        QStringLiteral("MS"),
        QStringLiteral("200"));
    const QCommandLineOption caOpt(QStringLiteral("ca-cert"),
        QStringLiteral("AMQP: CA file for the broker's TLS certificate."),
        QStringLiteral("FILE"));
    p.addOption(caOpt);
    const QCommandLineOption busOpt(QStringLiteral("bus"),
        QStringLiteral("Publish on the configured bus NAME."),
        QStringLiteral("NAME"));
    const QCommandLineOption amqpOpt(QStringLiteral("amqp-url"),
        QStringLiteral("Publish to a fedora-messaging broker at URL."),
        QStringLiteral("URL"));
    const QCommandLineOption schemaOpt(QStringLiteral("schema"),
        QStringLiteral("fedora-messaging: the message's schema (header fedora_messaging_schema, "
                       "default base.message)."),
        QStringLiteral("NAME"));
    const QCommandLineOption schemaPackageOpt(QStringLiteral("schema-package"),
        QStringLiteral("fedora-messaging: the Python package of --schema (header "
                       "fedora_messaging_schema_package)."),
        QStringLiteral("PACKAGE"));
    p.addOptions({ messageOpt,
        jsonOpt,
        modnameOpt,
        topicOpt,
        certPrefixOpt,
        certOpt,
        keyOpt,
        endpointOpt,
        bindOpt,
        environmentOpt,
        waitOpt,
        settleOpt,
        busOpt,
        amqpOpt,
        schemaOpt,
        schemaPackageOpt });
    p.process(app);

    FedmsgConfigReader reader;
    if (!tool.readConfig(p, reader))
        return 2;
    if (const std::optional<int> printed = tool.printConfigIfAsked(p, reader))
        return *printed;

    PublisherOptions opts;
    opts.topicPrefix = reader.topicPrefix();
    opts.ioThreads = reader.ioThreads().value_or(1);
    opts.lingerMs = reader.lingerMs().value_or(opts.lingerMs);
    opts.sendHighWaterMark = reader.highWaterMark().value_or(opts.sendHighWaterMark);
    if (const auto t = reader.timeout())
        opts.sendTimeoutMs = static_cast<int>(*t * 1000);
    opts.environment = p.isSet(environmentOpt) ? p.value(environmentOpt) : reader.environment();
    if (p.isSet(bindOpt)) {
        opts.mode = PublisherOptions::Mode::Bind;
        opts.url = p.value(bindOpt);
    } else {
        opts.mode = PublisherOptions::Mode::Connect;
        opts.url = p.isSet(endpointOpt) ? p.value(endpointOpt) : reader.relayInbound().value(0);
    }
    const bool amqp = p.isSet(amqpOpt) || p.isSet(busOpt);
    if (opts.url.isEmpty() && !amqp) {
        CommandLineTool::error(
            QStringLiteral("nowhere to send: give --endpoint URL (a relay inbound), --bind URL, or "
                           "configure relay_inbound in fedmsg.d"));
        return 2;
    }
    if ((p.isSet(schemaOpt) || p.isSet(schemaPackageOpt)) && !amqp) {
        CommandLineTool::error(QStringLiteral(
            "--schema and --schema-package are for fedora-messaging (--amqp-url or --bus)"));
        return 2;
    }
    if (p.isSet(certOpt) != p.isSet(keyOpt)) {
        CommandLineTool::error(QStringLiteral("--cert and --key go together"));
        return 2;
    }
    if (!amqp && !p.isSet(certOpt)) {
        // Signing fails closed like validation: a fedmsg.d folder that was not read whole may
        // have lost sign_messages=True, and sending unsigned would then be the quiet result.
        QList<PyDiagnostic> problems = reader.trustProblems();
        for (const PyDiagnostic &d : reader.diagnostics())
            if (!d.keyPath.isEmpty() && d.keyPath.constFirst() == QLatin1String("sign_messages"))
                problems.append(d);
        if (!problems.isEmpty()) {
            CommandLineTool::error(
                QStringLiteral("fedmsg.d could not be read whole, so whether messages must be "
                               "signed is in doubt; nothing sent (fix it, or give --cert and "
                               "--key): %1")
                    .arg(problems.constFirst().toString()));
            return 2;
        }
    }
    if (amqp) {
        // --cert/--key are the broker client certificate here; nothing is signed.
    } else if (p.isSet(certOpt)) {
        opts.certFile = p.value(certOpt);
        opts.keyFile = p.value(keyOpt);
    } else if (reader.config()["sign_messages"].toBool(false)) {
        char hostname[256] = {};
        ::gethostname(hostname, sizeof hostname - 1);
        const QString host = QString::fromLocal8Bit(hostname).section(QLatin1Char('.'), 0, 0);
        const QString name = reader.certName(p.value(certPrefixOpt), host);
        if (name.isEmpty()) {
            CommandLineTool::error(QStringLiteral("sign_messages is on but certnames has no %1.%2")
                                       .arg(p.value(certPrefixOpt), host));
            return 2;
        }
        opts.certFile = reader.sslDir() + QLatin1Char('/') + name + QStringLiteral(".crt");
        opts.keyFile = reader.sslDir() + QLatin1Char('/') + name + QStringLiteral(".key");
    }
    if (!opts.keyFile.isEmpty()) {
        // An encrypted signing key: ask on the terminal (stdin may be carrying the messages).
        opts.passphrase = [keyFile = opts.keyFile]() -> std::optional<QByteArray> {
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

    // The message of --message / --json-input, or one per stdin line, read as they are sent
    // (bounded memory per line; a refused line is reported and the next ones still go out).
    const qint64 maxBytes = BusConfig {}.maxMessageSize;
    QList<JsonValue> messages;
    const bool jsonInput = p.isSet(jsonOpt);
    const bool fromLines = !p.isSet(messageOpt) && !jsonInput;
    InputLines input(stdin, maxBytes);
    if (p.isSet(messageOpt)) {
        const std::string text = p.value(messageOpt).toStdString();
        if (jsonInput) {
            auto v = parseJson(text);
            if (!v)
                return 1;
            messages << *v;
        } else {
            messages << JsonValue(JsonValue::Object { { "log", JsonValue(text) } });
        }
    } else if (jsonInput) {
        QByteArray all;
        if (input.readAll(&all) == InputLines::Result::TooLong) {
            CommandLineTool::error(
                QStringLiteral("--json-input: %1 bytes, over the message size limit of %2 bytes; "
                               "not sent")
                    .arg(input.refusedSize())
                    .arg(maxBytes));
            return 1;
        }
        auto v = parseJson(all.toStdString());
        if (!v)
            return 1;
        messages << *v;
    }
    int inputRc = 0;
    qsizetype given = 0;
    const std::function<std::optional<JsonValue>()> nextMessage =
        [&]() -> std::optional<JsonValue> {
        if (!fromLines)
            return given < messages.size() ? std::optional<JsonValue>(messages.at(given++))
                                           : std::nullopt;
        QByteArray line;
        while (true) {
            const InputLines::Result r = input.next(&line);
            if (r == InputLines::Result::End)
                return std::nullopt;
            if (r == InputLines::Result::TooLong) {
                CommandLineTool::error(
                    QStringLiteral("stdin line %1: %2 bytes, over the message size limit of %3 "
                                   "bytes; not sent")
                        .arg(input.lineNumber())
                        .arg(input.refusedSize())
                        .arg(maxBytes));
                inputRc = 1;
                continue;
            }
            QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            const QString text = utf8.decode(line);
            if (utf8.hasError()) {
                // Python would have stopped with a UnicodeDecodeError; replacing bytes silently
                // would send something the user did not write.
                CommandLineTool::error(QStringLiteral("stdin line %1: not valid UTF-8; not sent")
                                           .arg(input.lineNumber()));
                inputRc = 1;
                continue;
            }
            // Python: one message per stdin line, stripped.
            return JsonValue(JsonValue::Object { { "log", JsonValue(text.trimmed()) } });
        }
    };

    if (p.isSet(amqpOpt) || p.isSet(busOpt)) {
        const int rc = publishAmqp(p, opts, nextMessage);
        return rc != 0 ? rc : inputRc;
    }

    Publisher pub(opts);
    QString error;
    if (!pub.open(&error)) {
        CommandLineTool::error(error);
        return 1;
    }
    if (const auto sleep = reader.postInitSleep())
        QThread::msleep(static_cast<unsigned long>(*sleep * 1000));
    const QString topic = pub.fullTopic(p.value(modnameOpt), p.value(topicOpt));
    const int waitMs = p.value(waitOpt).toInt();
    // Bound publishers may have several subscribers coming in: give the others a moment too.
    const int settleMs = opts.mode == PublisherOptions::Mode::Bind ? p.value(settleOpt).toInt() : 0;
    if (!pub.waitForSubscriber(topic, waitMs, settleMs))
        CommandLineTool::error(
            QStringLiteral("no subscriber for %1 at %2 after %3 ms; sending anyway")
                .arg(topic, opts.url)
                .arg(waitMs));

    auto send = [&](const JsonValue &msg) {
        if (!pub.publish(p.value(modnameOpt), p.value(topicOpt), msg, &error)) {
            CommandLineTool::error(error);
            return false;
        }
        return true;
    };
    int rc = 0;
    while (const std::optional<JsonValue> m = nextMessage())
        if (!send(*m))
            rc = 1;
    pub.close(); // lingers until queued messages are written (zmq_linger)
    return rc != 0 ? rc : inputRc;
}
