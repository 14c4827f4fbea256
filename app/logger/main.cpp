// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// fedmsg-logger: send log lines or JSON to a fedmsg bus. Options are read in lib/cli
// (LoggerCommandLine); envelope building, signing and the slow-joiner wait are in lib/zeromq
// (Publisher), the AMQP publisher in lib/amqp; this file reads stdin and sends.

#include "LoggerInput.h"
#include "amqp/AmqpAddress.h"
#include "amqp/AmqpConnection.h"
#include "amqp/AmqpPublisher.h"
#include "cli/CommandLineTool.h"
#include "cli/LoggerCommandLine.h"
#include "i18n/Translations.h"
#include "zeromq/Publisher.h"

#include <QCoreApplication>
#include <QThread>

#include <functional>

using namespace fedmsg;

namespace {

// fedora-messaging: the same messages, published on a broker with fedora-messaging's properties
// and headers, and confirmed by it.
int publishAmqp(
    const LoggerOptions &options, const std::function<std::optional<JsonValue>()> &nextMessage)
{
    const BusConfig &bus = *options.amqpBus;
    QString error;
    AmqpConnectOptions connect;
    const auto address = AmqpAddress::parse(bus.endpoints.first().url, bus.amqp.vhost, &error);
    if (!address) {
        CommandLineTool::error(error);
        return 2;
    }
    connect.address = *address;
    connect.caCertFile = bus.amqp.caCertFile;
    connect.certFile = bus.amqp.certFile;
    connect.keyFile = bus.amqp.keyFile;
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
    const QString topic = options.amqpTopic();
    int rc = 0;
    while (const std::optional<JsonValue> next = nextMessage()) {
        const JsonValue &m = *next;
        if (!m.isObject()) {
            CommandLineTool::error(m.isArray()
                    ? QCoreApplication::translate(
                        "fedmsg-logger", "fedora-messaging bodies are JSON objects; skipped a list")
                    : QCoreApplication::translate("fedmsg-logger",
                        "fedora-messaging bodies are JSON objects; skipped a scalar"));
            rc = 1;
            continue;
        }
        AmqpOutgoingMessage out;
        out.topic = topic;
        out.body = m;
        if (options.schema)
            out.schema = *options.schema;
        out.schemaPackage = options.schemaPackage;
        if (publisher.publish(out).isEmpty()) {
            CommandLineTool::error(
                QCoreApplication::translate("fedmsg-logger", "publishing on %1 failed").arg(topic));
            rc = 1;
        }
    }
    if (!publisher.waitForConfirms(10000, &error)) {
        CommandLineTool::error(error);
        rc = 1;
    }
    return rc;
}

// fedmsg: a ZeroMQ publisher (connected to a relay or bound), signing when asked to.
int publishZeroMq(
    const LoggerOptions &options, const std::function<std::optional<JsonValue>()> &nextMessage)
{
    Publisher pub(options.publisher);
    QString error;
    if (!pub.open(&error)) {
        CommandLineTool::error(error);
        return 1;
    }
    if (const auto sleep = options.postInitSleep)
        QThread::msleep(static_cast<unsigned long>(*sleep * 1000));
    const QString topic = pub.fullTopic(options.modname, options.topic);
    if (!pub.waitForSubscriber(topic, options.waitMs, options.settleMs))
        CommandLineTool::error(QCoreApplication::translate(
            "fedmsg-logger", "no subscriber for %1 at %2 after %3 ms; sending anyway")
                                   .arg(topic, options.publisher.url)
                                   .arg(options.waitMs));

    auto send = [&](const JsonValue &msg) {
        if (!pub.publish(options.modname, options.topic, msg, &error)) {
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
    return rc;
}

} // namespace

// NOLINTNEXTLINE(bugprone-exception-escape): an exception out of main is a bug; terminate says so
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    fedmsg::Translations::install(); // the system locale's messages (the options stay English)
    LoggerCommandLine commandLine;
    const std::variant<LoggerOptions, int> read = commandLine.read(QCoreApplication::arguments());
    if (const int *exitCode = std::get_if<int>(&read))
        return *exitCode;
    const auto &options = std::get<LoggerOptions>(read);

    LoggerInput input(stdin, options.message, options.jsonInput);
    if (!input.prepare())
        return 1;
    const std::function<std::optional<JsonValue>()> nextMessage = [&input] {
        return input.next();
    };
    const int rc =
        options.amqpBus ? publishAmqp(options, nextMessage) : publishZeroMq(options, nextMessage);
    return rc != 0 ? rc : input.status();
}
