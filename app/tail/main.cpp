// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// fedmsg-tail: watch a fedmsg bus from a terminal. The logic (options, filters, formats) lives in
// lib/cli and the sources behind lib/bus's Source; this file wires them to stdout.

#include "LineWriter.h"

#include "bus/Source.h"
#include "cli/CommandLineTool.h"
#include "cli/TailCommandLine.h"
#include "cli/TailRules.h"
#include "engine/AllocatorPolicy.h"
#include "engine/Transports.h"
#include "engine/UnixSignalWatcher.h"
#include "history/HistoryReader.h"
#include "render/Renderer.h"

#include <QCoreApplication>
#include <QStandardPaths>

#include <algorithm>
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
constexpr qsizetype MaxQueuedOutput = qsizetype { 16 } * 1024 * 1024;

// --history: the store as a terminal tool: newest matches, printed oldest first like a log.
int printHistory(const TailOptions &options, const TailFormatter &formatter, const TailRules *rules)
{
    const TopicFilter &filter = options.filter;
    QString error;
    // The applet's store: fedmsg-tail's own AppDataLocation would be .../fedmsg-tail/.
    const QString dbPath = !options.historyDb.isEmpty()
        ? options.historyDb
        : QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
            + QStringLiteral("/fedmsg-notify/history.sqlite");
    HistoryReader store(dbPath);
    HistoryQuery query;
    query.text = options.historyText;
    query.limit = options.maxCount > 0 ? int(options.maxCount) : 50;
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
        const TailRules::Verdict verdict = rules ? rules->judge(*env) : TailRules::Verdict {};
        if (!verdict.show)
            continue;
        QString text = formatter.format(*env);
        if (env->trust() == TrustState::Untrusted)
            text = TailFormatter::untrustedMarker(*env) + QLatin1Char(' ') + text;
        if (!verdict.explanation.isEmpty())
            text += QLatin1Char('\n') + verdict.explanation;
        if (!out.write(text.toUtf8()))
            return 0;
    }
    return 0;
}

// What writing one received message did.
enum class Written { Shown, Skipped, ReaderGone };

// One received message: counted, then written to out, or filtered, or (an unverified one in
// --json output) named on stderr only.
Written writeEnvelope(const Envelope &env,
    const TailOptions &options,
    const TailFormatter &formatter,
    const TailRules *rules,
    LineWriter &out,
    Counters &counters)
{
    if (!options.filter.accepts(env.topic()) || !formatter.passesUserPackageFilter(env)) {
        ++counters.filtered;
        return Written::Skipped;
    }
    // --rules: only what the rules would pop up; --explain: the decision too.
    const TailRules::Verdict verdict = rules ? rules->judge(env) : TailRules::Verdict {};
    if (!verdict.show) {
        ++counters.filtered;
        return Written::Skipped;
    }
    const bool untrusted =
        options.bus.trust.validateSignatures && env.trust() != TrustState::Trusted;
    if (untrusted) {
        ++counters.untrusted;
        if (formatter.mode() == TailFormatter::Mode::Json) {
            // Never mix unverified messages into machine-readable output.
            CommandLineTool::error(
                QStringLiteral("%1: %2 %3")
                    .arg(TailFormatter::untrustedMarker(env), env.topic(), env.msgId()));
            return Written::Skipped;
        }
    }
    QString text = formatter.format(env);
    if (untrusted)
        text = TailFormatter::untrustedMarker(env) + QLatin1Char(' ') + text;
    if (!verdict.explanation.isEmpty()) {
        // Machine-readable output stays one JSON value per line.
        if (formatter.mode() == TailFormatter::Mode::Json)
            CommandLineTool::error(env.msgId() + verdict.explanation);
        else
            text += QLatin1Char('\n') + verdict.explanation;
    }
    if (!out.write(text.toUtf8()))
        return Written::ReaderGone;
    ++counters.shown;
    return Written::Shown;
}

// Listening: one source, each line written as it comes; at-least-once sources acknowledge
// what was written.
int listen(QCoreApplication &app,
    const TailOptions &options,
    const TailFormatter &formatter,
    const TailRules *rules)
{
    const BusConfig &bus = options.bus;
    const qint64 maxCount = options.maxCount;
    QString error;
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
                const Written written =
                    writeEnvelope(env, options, formatter, rules, *out, counters);
                if (written == Written::ReaderGone) {
                    acknowledgeDone();
                    finish(0); // EPIPE: the reader went away
                    return;
                }
                markDone(env);
                if (written == Written::Shown && maxCount > 0
                    && qint64(counters.shown) >= maxCount) {
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
    QCoreApplication::exec();
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
                .arg(MaxQueuedOutput / (qsizetype { 1024 } * 1024)));
    if (counters.untrusted > 0 || counters.dropped > 0)
        CommandLineTool::error(QStringLiteral("%1 shown, %2 untrusted, %3 dropped")
                                   .arg(counters.shown)
                                   .arg(counters.untrusted)
                                   .arg(counters.dropped));
    return exitCode;
}

} // namespace

// NOLINTNEXTLINE(bugprone-exception-escape): an exception out of main is a bug; terminate says so
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    AllocatorPolicy::apply(); // big bodies given back to the system when freed
    TailCommandLine commandLine;
    const std::variant<TailOptions, int> read = commandLine.read(QCoreApplication::arguments());
    if (const int *exitCode = std::get_if<int>(&read))
        return *exitCode;
    const auto &options = std::get<TailOptions>(read);

    TailFormatter formatter = options.formatter();
    formatter.setColor(::isatty(STDOUT_FILENO) == 1);
    std::optional<TailRules> rules;
    if (options.needsRenderer()) {
        auto renderer = std::make_shared<Renderer>();
        formatter.setRenderHook([renderer](const Envelope &env) -> std::optional<Rendering> {
            return renderer->render(env);
        });
        if (!options.rulesFile.isEmpty() || options.explain) {
            QString error;
            rules = TailRules::create(options, renderer, &error);
            if (!rules) {
                CommandLineTool::error(error);
                return 2;
            }
        }
    }
    const TailRules *judge = rules ? &*rules : nullptr;
    return options.history ? printHistory(options, formatter, judge)
                           : listen(app, options, formatter, judge);
}
