// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// fedmsg-tail: watch a fedmsg bus from a terminal. The logic (filters, formats, sources) lives in
// lib/bus; this file only parses options and writes lines.

#include "LineWriter.h"

#include "engine/UnixSignalWatcher.h"

#include "amqp/AmqpPresets.h"
#include "bus/Source.h"
#include "cli/CommandLineTool.h"
#include "cli/TailFormatter.h"
#include "cli/TopicFilter.h"
#include "config/FedmsgConfigReader.h"
#include "engine/Transports.h"
#include "history/HistoryReader.h"
#include "settings/Settings.h"

#ifdef FEDMSG_TAIL_HAVE_RENDER
#include "render/Renderer.h"
#endif

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStandardPaths>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <memory>
#include <unistd.h>

using namespace fedmsg;

namespace {

struct Counters
{
    quint64 shown = 0;
    quint64 untrusted = 0;
    quint64 filtered = 0;
    quint64 dropped = 0;
};

/// Lines waiting for a slow reader of a ZeroMQ tail at most (then the oldest are dropped).
constexpr qsizetype MaxQueuedOutput = 16 * 1024 * 1024;

QStringList splitList(const QStringList &values)
{
    QStringList out;
    for (const QString &v : values)
        for (const QString &part : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
            out << part.trimmed();
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const CommandLineTool tool(QStringLiteral("fedmsg-tail"));

    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Watch all messages on a fedmsg bus."));
    p.addHelpOption();
    p.addVersionOption();
    tool.addFedmsgOptions(p);
    const QCommandLineOption topicOpt(QStringLiteral("topic"),
        QStringLiteral("Subscribe to topics starting with PREFIX (repeatable; default all)."),
        QStringLiteral("PREFIX"));
    const QCommandLineOption excludeOpt(QStringLiteral("exclude"),
        QStringLiteral("Hide topics where REGEXP matches (default _heartbeat)."),
        QStringLiteral("REGEXP"),
        TopicFilter::defaultExclude());
    const QCommandLineOption includeOpt(QStringLiteral("include"),
        QStringLiteral("Only show topics where REGEXP matches."),
        QStringLiteral("REGEXP"));
    const QCommandLineOption usersOpt(QStringLiteral("users"),
        QStringLiteral("Only show messages involving these users (comma-separated)."),
        QStringLiteral("USERS"));
    const QCommandLineOption packagesOpt(QStringLiteral("packages"),
        QStringLiteral("Only show messages about these packages (comma-separated)."),
        QStringLiteral("PACKAGES"));
    const QCommandLineOption terseOpt(QStringLiteral("terse"),
        QStringLiteral("One natural-language line per message: title -- subtitle link."));
    const QCommandLineOption cowsayOpt(QStringLiteral("cowsay"),
        QStringLiteral("Each message's summary said by a cow (like piping it through cowsay)."));
    const QCommandLineOption prettyOpt(
        QStringLiteral("pretty"), QStringLiteral("Time and indented body, credentials stripped."));
    const QCommandLineOption reallyPrettyOpt(QStringLiteral("really-pretty"),
        QStringLiteral("Indented JSON, coloured on a terminal, credentials stripped."));
    const QCommandLineOption jsonOpt(
        QStringLiteral("json"), QStringLiteral("One canonical JSON envelope per line."));
    const QCommandLineOption queryOpt(QStringLiteral("query"),
        QStringLiteral("Print the values at dotted paths, e.g. msg.user,topic."),
        QStringLiteral("PATHS"));
    const QCommandLineOption gourceOpt(QStringLiteral("gource"),
        QStringLiteral("Gource custom log lines: time|user|A|/service/topic/object|colour."));
    const QCommandLineOption validateOpt(QStringLiteral("validate"),
        QStringLiteral(
            "Validate signatures (untrusted messages are reported on stderr or marked)."));
    const QCommandLineOption noValidateOpt(
        QStringLiteral("no-validate"), QStringLiteral("Do not validate signatures."));
    const QCommandLineOption caOpt(QStringLiteral("ca-cert"),
        QStringLiteral("CA certificate (path or https URL) for --validate."),
        QStringLiteral("FILE"));
    const QCommandLineOption crlOpt(QStringLiteral("crl"),
        QStringLiteral("CRL (path or https URL) for --validate; 'none' disables CRL checks."),
        QStringLiteral("FILE"));
    const QCommandLineOption endpointOpt(QStringLiteral("endpoint"),
        QStringLiteral("Subscribe to URL instead of the configured endpoints (repeatable)."),
        QStringLiteral("URL"));
    const QCommandLineOption countOpt(QStringLiteral("count"),
        QStringLiteral("Exit after N messages were shown."),
        QStringLiteral("N"));
    const QCommandLineOption busOpt(QStringLiteral("bus"),
        QStringLiteral("Use the configured bus NAME (amqp buses need the AMQP transport)."),
        QStringLiteral("NAME"));
    const QCommandLineOption amqpOpt(QStringLiteral("amqp-url"),
        QStringLiteral("Consume from a fedora-messaging broker at URL."),
        QStringLiteral("URL"));
    const QCommandLineOption certOpt(QStringLiteral("cert"),
        QStringLiteral("AMQP: client certificate file (default: Fedora's public one)."),
        QStringLiteral("FILE"));
    const QCommandLineOption keyOpt(QStringLiteral("key"),
        QStringLiteral("AMQP: client key file (default: Fedora's public one)."),
        QStringLiteral("FILE"));
    p.addOptions({ certOpt, keyOpt });
    const QCommandLineOption historyOpt(QStringLiteral("history"),
        QStringLiteral(
            "Print stored messages from the applet's history instead of listening; "
            "the arguments are a full-text query (words, prefix*, \"phrases\", OR, -word)."));
    const QCommandLineOption historyDbOpt(QStringLiteral("history-db"),
        QStringLiteral("The history database to read (default: the applet's, "
                       "~/.local/share/fedmsg-notify/history.sqlite)."),
        QStringLiteral("FILE"));
    p.addPositionalArgument(QStringLiteral("query"),
        QStringLiteral("With --history: what to search for (all messages when empty)."),
        QStringLiteral("[QUERY...]"));
    p.addOptions({ historyOpt, historyDbOpt });
    p.addOptions({ topicOpt,
        excludeOpt,
        includeOpt,
        usersOpt,
        packagesOpt,
        terseOpt,
        cowsayOpt,
        prettyOpt,
        reallyPrettyOpt,
        jsonOpt,
        queryOpt,
        gourceOpt,
        validateOpt,
        noValidateOpt,
        caOpt,
        crlOpt,
        endpointOpt,
        countOpt,
        busOpt,
        amqpOpt });
    p.process(app);

    // Configuration: fedmsg.d folders, then the command line.
    FedmsgConfigReader reader;
    if (!tool.readConfig(p, reader))
        return 2;
    if (const std::optional<int> printed = tool.printConfigIfAsked(p, reader))
        return *printed;

    BusConfig bus = reader.toBusConfig(QStringLiteral("fedmsg-tail"));
    if (p.isSet(amqpOpt) || p.isSet(busOpt)) {
        // fedora-messaging (AMQP) and named buses come from the same registry the applet uses.
        if (p.isSet(busOpt)) {
            QString busError;
            const auto named =
                Transports::configuredBus(p.value(busOpt), tool.configPaths(p), &busError);
            if (!named) {
                CommandLineTool::error(busError);
                return 2;
            }
            bus = *named;
            // The bus's own queue when it has one (the applet's, resumed); a reader never makes
            // one up that would stay behind on the broker.
            bus.amqp.transientQueue = bus.amqp.queueName.isEmpty();
        } else {
            // Fedora's public broker settings (certificates, identity) unless given otherwise;
            // an ad-hoc tail leaves nothing on the broker (exclusive, auto-delete queue).
            bus = AmqpPresets::fedoraProduction();
            bus.name = QStringLiteral("fedmsg-tail");
            bus.amqp.queueName.clear();
            bus.amqp.transientQueue = true;
            bus.endpoints = { BusEndpoint { p.value(amqpOpt), {} } };
        }
        if (bus.transport == BusConfig::Transport::Amqp) {
            if (p.isSet(caOpt))
                bus.amqp.caCertFile = p.value(caOpt);
            if (p.isSet(certOpt))
                bus.amqp.certFile = p.value(certOpt);
            if (p.isSet(keyOpt))
                bus.amqp.keyFile = p.value(keyOpt);
            bus.trust.validateSignatures = false; // nothing to validate: the broker vouches
        }
    }
    if (p.isSet(endpointOpt)) {
        bus.endpoints.clear();
        for (const QString &url : p.values(endpointOpt))
            bus.endpoints.append(BusEndpoint { url, {} });
    }
    const bool historyMode = p.isSet(historyOpt);
    if (!historyMode && !p.positionalArguments().isEmpty()) {
        CommandLineTool::error(QStringLiteral("unexpected arguments: %1 (a query needs --history)")
                                   .arg(p.positionalArguments().join(QLatin1Char(' '))));
        return 2;
    }
    // A fedmsg.d folder that could not be read whole leaves trust in doubt: refuse to tail it.
    if (!historyMode && !CommandLineTool::acceptConfigError(bus, p.isSet(noValidateOpt)))
        return 2;
    if (bus.endpoints.isEmpty() && !historyMode) {
        CommandLineTool::error(
            QStringLiteral("no endpoints: give --endpoint URL or configure endpoints in fedmsg.d"));
        return 2;
    }
    if (p.isSet(validateOpt))
        bus.trust.validateSignatures = true;
    if (p.isSet(noValidateOpt))
        bus.trust.validateSignatures = false;
    if (p.isSet(caOpt) && bus.transport == BusConfig::Transport::ZeroMq)
        bus.trust.caLocation = p.value(caOpt);
    if (p.isSet(crlOpt))
        bus.trust.crlLocation =
            p.value(crlOpt) == QLatin1String("none") ? QString() : p.value(crlOpt);

    TopicFilter filter;
    QString error;
    filter.setPrefixes(p.values(topicOpt));
    if (!filter.setExclude(p.value(excludeOpt), &error)
        || (p.isSet(includeOpt) && !filter.setInclude(p.value(includeOpt), &error))) {
        CommandLineTool::error(error);
        return 2;
    }
    bus.topics = filter.prefixes();

    TailFormatter formatter;
    // Python applies pretty, really-pretty, query, terse, cowsay; the last one set wins.
    if (p.isSet(prettyOpt))
        formatter.setMode(TailFormatter::Mode::Pretty);
    if (p.isSet(reallyPrettyOpt))
        formatter.setMode(TailFormatter::Mode::ReallyPretty);
    if (p.isSet(queryOpt)) {
        formatter.setMode(TailFormatter::Mode::Query);
        formatter.setQuery(p.value(queryOpt));
    }
    if (p.isSet(terseOpt))
        formatter.setMode(TailFormatter::Mode::Terse);
    if (p.isSet(cowsayOpt))
        formatter.setMode(TailFormatter::Mode::Cowsay);
    if (p.isSet(gourceOpt))
        formatter.setMode(TailFormatter::Mode::Gource);
    if (p.isSet(jsonOpt))
        formatter.setMode(TailFormatter::Mode::Json);
    formatter.setColor(::isatty(STDOUT_FILENO) == 1);
    formatter.setUsers(splitList(p.values(usersOpt)));
    formatter.setPackages(splitList(p.values(packagesOpt)));
#ifdef FEDMSG_TAIL_HAVE_RENDER
    // The renderer is only built when a format or filter needs it (it loads its rules).
    const bool needsRenderer = p.isSet(terseOpt) || p.isSet(cowsayOpt) || p.isSet(gourceOpt)
        || p.isSet(usersOpt) || p.isSet(packagesOpt);
    if (needsRenderer) {
        auto renderer = std::make_shared<Renderer>();
        formatter.setRenderHook([renderer](const Envelope &env) -> std::optional<TailRendering> {
            const Rendering r = renderer->render(env);
            return TailRendering {
                r.title, r.subtitle, r.link, r.usernames, r.packages, r.objects
            };
        });
    }
#endif
    const qint64 maxCount = p.isSet(countOpt) ? p.value(countOpt).toLongLong() : -1;

    if (historyMode) {
        // The store as a terminal tool: newest matches, printed oldest first like a log.
        // The applet's store: fedmsg-tail's own AppDataLocation would be .../fedmsg-tail/.
        const QString dbPath = p.isSet(historyDbOpt)
            ? p.value(historyDbOpt)
            : QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
                + QStringLiteral("/fedmsg-notify/history.sqlite");
        HistoryReader store(dbPath);
        HistoryQuery query;
        query.text = p.positionalArguments().join(QLatin1Char(' '));
        query.limit = maxCount > 0 ? int(maxCount) : 50;
        const QStringList prefixes = filter.prefixes();
        if (prefixes.size() == 1)
            query.topicPrefix = prefixes.first();
        QList<StoredMessage> rows = store.search(query, &error);
        if (!error.isEmpty()) {
            CommandLineTool::error(error);
            return 2;
        }
        std::reverse(rows.begin(), rows.end());
        LineWriter out(STDOUT_FILENO, 0, {});
        for (const StoredMessage &row : std::as_const(rows)) {
            QString parseError;
            const std::optional<Envelope> env = row.toEnvelope(&parseError);
            if (!env) {
                CommandLineTool::error(
                    QStringLiteral("history row %1: %2").arg(row.id).arg(parseError));
                continue;
            }
            if (!filter.accepts(env->topic()) || !formatter.passesUserPackageFilter(*env))
                continue;
            QString text = formatter.format(*env);
            if (env->trust() == TrustState::Untrusted)
                text = TailFormatter::untrustedMarker(*env) + QLatin1Char(' ') + text;
            if (!out.write(text.toUtf8()))
                return 0;
        }
        return 0;
    }

    std::unique_ptr<Source> source(Transports::createSource(bus, nullptr, &error));
    if (!source) {
        CommandLineTool::error(error);
        return 2;
    }
    Counters counters;
    int exitCode = 0;
    bool interrupted = false;
    auto finish = [&](int code) {
        exitCode = code;
        QCoreApplication::exit(code);
    };
    // At-least-once sources (AMQP) write each line at once and acknowledge it after: a slow
    // reader holds the acknowledgements back and the broker's prefetch limit stops the flow.
    // ZeroMQ cannot be held back: its lines wait in a bounded queue, the oldest dropped.
    auto *out = new LineWriter(
        STDOUT_FILENO, source->isAtLeastOnce() ? 0 : MaxQueuedOutput, [&app, &finish] {
            QMetaObject::invokeMethod(
                &app,
                [&finish] {
                    finish(0);
                },
                Qt::QueuedConnection);
        });
    QObject::connect(
        source.get(), &Source::envelopesReceived, &app, [&](const QList<Envelope> &batch) {
            // What was printed (or deliberately filtered) is acknowledged, never what comes
            // after the last line printed (--count, a closed pipe): the broker keeps that.
            QList<quint64> done;
            auto acknowledgeDone = [&] {
                if (source->isAtLeastOnce() && !done.isEmpty())
                    source->acknowledge(done);
            };
            auto markDone = [&](const Envelope &env) {
                if (env.deliveryTag() != 0)
                    done.append(env.deliveryTag());
            };
            for (const Envelope &env : batch) {
                if (!filter.accepts(env.topic()) || !formatter.passesUserPackageFilter(env)) {
                    ++counters.filtered;
                    markDone(env);
                    continue;
                }
                const bool untrusted =
                    bus.trust.validateSignatures && env.trust() != TrustState::Trusted;
                if (untrusted) {
                    ++counters.untrusted;
                    if (formatter.mode() == TailFormatter::Mode::Json) {
                        // Never mix unverified messages into machine-readable output.
                        CommandLineTool::error(
                            QStringLiteral("%1: %2 %3")
                                .arg(
                                    TailFormatter::untrustedMarker(env), env.topic(), env.msgId()));
                        markDone(env);
                        continue;
                    }
                }
                QString text = formatter.format(env);
                if (untrusted)
                    text = TailFormatter::untrustedMarker(env) + QLatin1Char(' ') + text;
                if (!out->write(text.toUtf8())) {
                    acknowledgeDone();
                    finish(0); // EPIPE: the reader went away
                    return;
                }
                markDone(env);
                ++counters.shown;
                if (maxCount > 0 && qint64(counters.shown) >= maxCount) {
                    acknowledgeDone(); // goes out before the stop (AmqpWorker orders them)
                    finish(0);
                    return;
                }
            }
            acknowledgeDone();
        });
    QObject::connect(source.get(),
        &Source::messageDropped,
        &app,
        [&](const QString &, const QString &endpoint, const QString &reason) {
            ++counters.dropped;
            CommandLineTool::error(
                QStringLiteral("dropped a message from %1: %2").arg(endpoint, reason));
        });
    QObject::connect(
        source.get(), &Source::endpointStatusChanged, &app, [&](const EndpointStatus &s) {
            if (s.state == EndpointStatus::State::Failed)
                CommandLineTool::error(QStringLiteral("%1: %2").arg(s.url, s.detail));
        });

    UnixSignalWatcher unixSignals;
    QObject::connect(&unixSignals, &UnixSignalWatcher::signalReceived, &app, [&](int) {
        interrupted = true;
        finish(0);
    });

    // A failed download of https:// CA/CRL locations (the source fetches them before it
    // connects) is said, not fatal: a cached copy may serve.
    QObject::connect(
        source.get(), &Source::warning, &app, [](const QString &, const QString &text) {
            CommandLineTool::error(text);
        });
    source->start();
    app.exec();
    source->stop();
    // Interrupted behind a stuck reader: give the queue a moment, then leave it (and the
    // writer, blocked in write()) behind.
    const bool drained = out->finish(interrupted ? 2000 : -1);
    const quint64 slow = out->dropped();
    if (drained)
        delete out;
    if (slow > 0)
        CommandLineTool::error(
            QStringLiteral("%1 message(s) not shown: the output was not read fast enough (at "
                           "most %2 MiB wait, the oldest were dropped)")
                .arg(slow)
                .arg(MaxQueuedOutput / (1024 * 1024)));
    if (counters.untrusted > 0 || counters.dropped > 0)
        CommandLineTool::error(QStringLiteral("%1 shown, %2 untrusted, %3 dropped")
                                   .arg(counters.shown)
                                   .arg(counters.untrusted)
                                   .arg(counters.dropped));
    return exitCode;
}
