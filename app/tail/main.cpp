// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// fedmsg-tail: watch a fedmsg bus from a terminal. The logic (options, filters, formats) lives in
// lib/cli and the sources behind lib/bus's Source; this file wires them to stdout.

#include "LineWriter.h"

#include "backfill/BackfillClient.h"
#include "bus/Source.h"
#include "bus/StatusReason.h"
#include "cli/CommandLineTool.h"
#include "cli/TailCommandLine.h"
#include "cli/TailRules.h"
#include "engine/AllocatorPolicy.h"
#include "engine/Transports.h"
#include "engine/UnixSignalWatcher.h"
#include "history/HistoryReader.h"
#include "i18n/Translations.h"
#include "message/TrustState.h"
#include "render/Renderer.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QStandardPaths>

#include <algorithm>
#include <memory>
#include <unistd.h>
#include <utility>

using namespace fedmsg;

namespace {

struct Counters
{
    quint64 shown = 0;
    quint64 untrusted = 0;
    quint64 filtered = 0;
    quint64 dropped = 0;
    bool brokerUnsignedSaid = false; ///< the "broker, unsigned" note went to stderr once
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
            CommandLineTool::error(QCoreApplication::translate("fedmsg-tail", "history row %1: %2")
                                       .arg(row.id)
                                       .arg(parseError));
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
    // The one trust wording of popups, tray menu and history: said once per run on stderr
    // (a tag on every line would drown the output; --json stays pure).
    if (env.trust() == TrustState::BrokerUnsigned && !counters.brokerUnsignedSaid) {
        counters.brokerUnsignedSaid = true;
        CommandLineTool::error(
            QCoreApplication::translate("fedmsg-tail", "note: these messages are %1: %2")
                .arg(trustLabel(TrustState::BrokerUnsigned), env.trustReason()));
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

// What one listening run shares between its handlers.
struct Listening
{
    const TailOptions &options;
    const TailFormatter &formatter;
    const TailRules *rules;
    std::unique_ptr<Source> source {};
    LineWriter *out = nullptr; ///< leaked when a stuck reader keeps its thread (LineWriter::finish)
    Counters counters {};
    int exitCode = 0;
    bool interrupted = false;
    // --since: the archive's messages first; live ones wait (unacknowledged) until it is done,
    // then those the archive already printed are left out.
    std::unique_ptr<BackfillClient> backfill {};
    QList<QList<Envelope>> waitingLive {};
    QSet<QString> archivedIds {};
};

void finish(Listening &run, int code)
{
    run.exitCode = code;
    QCoreApplication::exit(code);
}

// At-least-once sources acknowledge the live messages that were written (or deliberately
// filtered).
void acknowledgeDone(Listening &run, const QList<quint64> &done, bool live)
{
    if (live && run.source->isAtLeastOnce() && !done.isEmpty())
        run.source->acknowledge(done);
}

// One batch, live or archived: written line by line; at-least-once sources acknowledge what was
// printed (or deliberately filtered), never what comes after the last line printed (--count, a
// closed pipe): the broker keeps that. False once the run ends.
bool writeBatch(Listening &run, const QList<Envelope> &batch, bool live)
{
    const qint64 maxCount = run.options.maxCount;
    QList<quint64> done;
    for (const Envelope &env : batch) {
        if (!live && !env.msgId().isEmpty())
            run.archivedIds.insert(env.msgId());
        // Printed from the archive already: not again, but acknowledged.
        const bool printedFromArchive =
            live && !run.archivedIds.isEmpty() && run.archivedIds.contains(env.msgId());
        const Written written = printedFromArchive
            ? Written::Skipped
            : writeEnvelope(env, run.options, run.formatter, run.rules, *run.out, run.counters);
        if (written == Written::ReaderGone) {
            acknowledgeDone(run, done, live);
            finish(run, 0); // EPIPE: the reader went away
            return false;
        }
        if (env.deliveryTag() != 0)
            done.append(env.deliveryTag());
        if (written == Written::Shown && maxCount > 0 && qint64(run.counters.shown) >= maxCount) {
            acknowledgeDone(run, done, live); // goes out before the stop (AmqpWorker orders them)
            finish(run, 0);
            return false;
        }
    }
    acknowledgeDone(run, done, live);
    return true;
}

// The live messages that waited for the archive, written now that it is done.
void writeWaitingLive(Listening &run)
{
    const QList<QList<Envelope>> batches = std::exchange(run.waitingLive, {});
    for (const QList<Envelope> &batch : batches)
        if (!writeBatch(run, batch, true))
            return;
}

// A message a source (live or the archive) could not read: counted and said on stderr.
// Why an endpoint is not connected, on stderr: a failure, and a recognised reason (refused,
// unreachable, login refused, ...) once per endpoint until it changes or the endpoint connects
// (then "connected" is said too). Plain "retrying" states without a reason are left out: a
// ZeroMQ subscriber waits quietly for its publisher, as the Python tool did. The reason is in
// the user's language where it is recognised, the library's own words beside it.
void reportEndpointStatus(QHash<QString, StatusReason::Kind> &said, const EndpointStatus &s)
{
    const StatusReason::Kind kind = StatusReason::classify(s.detail);
    if (s.state == EndpointStatus::State::Connected) {
        if (said.remove(s.url))
            CommandLineTool::error(
                QCoreApplication::translate("fedmsg-tail", "%1: connected").arg(s.url));
        return;
    }
    const bool failed = s.state == EndpointStatus::State::Failed;
    const bool reasonGiven = (s.state == EndpointStatus::State::Retrying
                                 || s.state == EndpointStatus::State::Disconnected)
        && kind != StatusReason::Kind::Unknown && kind != StatusReason::Kind::Retrying
        && kind != StatusReason::Kind::Reconnecting
        && kind != StatusReason::Kind::MessageTooLarge; // counted and said at exit
    if (!failed && !(reasonGiven && said.value(s.url, StatusReason::Kind::Unknown) != kind))
        return;
    said.insert(s.url, kind);
    const QString reason = StatusReason::userText(s.detail);
    CommandLineTool::error(reason == s.detail
            ? QStringLiteral("%1: %2").arg(s.url, s.detail)
            : QStringLiteral("%1: %2 (%3)").arg(s.url, reason, s.detail));
}

void reportDropped(Counters &counters, const QString &endpoint, const QString &reason)
{
    ++counters.dropped;
    CommandLineTool::error(
        QCoreApplication::translate("fedmsg-tail", "dropped a message from %1: %2")
            .arg(endpoint, reason));
}

// How catching up from the archive ended, said on stderr when it matters.
void reportBackfillEnd(const BackfillResult &result)
{
    if (result.outcome == BackfillResult::Outcome::Failed)
        CommandLineTool::error(
            QCoreApplication::translate("fedmsg-tail", "catching up from the archive failed: %1")
                .arg(result.reason));
    if (result.skipped > 0)
        CommandLineTool::error(QCoreApplication::translate("fedmsg-tail",
            "the archive held %n older message(s) more than shown",
            nullptr,
            int(result.skipped)));
}

// --since: the archive's client, its lines written as they come; the live ones that waited
// follow when it is done.
void connectBackfill(QCoreApplication &app, Listening &run)
{
    run.backfill = std::make_unique<BackfillClient>(run.options.bus);
    BackfillOptions backfillOptions;
    backfillOptions.maxAgeMs = run.options.sinceMs;
    run.backfill->setOptions(backfillOptions);
    BackfillClient *backfill = run.backfill.get();
    QObject::connect(
        backfill, &BackfillClient::envelopesReceived, &app, [&run](const QList<Envelope> &batch) {
            if (!writeBatch(run, batch, false))
                run.backfill->cancel();
        });
    QObject::connect(backfill,
        &BackfillClient::problem,
        &app,
        [](const QString &, const QString &reason, int retryInMs) {
            CommandLineTool::error(
                QCoreApplication::translate("fedmsg-tail", "archive: %1; asking again in %2 s")
                    .arg(reason)
                    .arg(retryInMs / 1000.0));
        });
    QObject::connect(backfill,
        &BackfillClient::messageDropped,
        &app,
        [&run](const QString &, const QString &endpoint, const QString &reason) {
            reportDropped(run.counters, endpoint, reason);
        });
    QObject::connect(
        backfill, &BackfillClient::finished, &app, [&app, &run](const BackfillResult &result) {
            reportBackfillEnd(result);
            if (result.outcome == BackfillResult::Outcome::Cancelled)
                return; // the program is ending
            // Deferred: finished() may come from inside envelopesReceived's handler.
            QMetaObject::invokeMethod(
                &app,
                [&run] {
                    writeWaitingLive(run);
                },
                Qt::QueuedConnection);
        });
}

// The live source's signals: batches (held back while the archive is read), drops, failures,
// warnings.
void connectSource(QCoreApplication &app, Listening &run)
{
    Source *source = run.source.get();
    QObject::connect(
        source, &Source::envelopesReceived, &app, [&run](const QList<Envelope> &batch) {
            if (run.backfill && run.backfill->isRunning()) {
                run.waitingLive.append(batch);
                return;
            }
            writeBatch(run, batch, true);
        });
    QObject::connect(source,
        &Source::messageDropped,
        &app,
        [&run](const QString &, const QString &endpoint, const QString &reason) {
            reportDropped(run.counters, endpoint, reason);
        });
    QObject::connect(source,
        &Source::endpointStatusChanged,
        &app,
        [said = std::make_shared<QHash<QString, StatusReason::Kind>>()](const EndpointStatus &s) {
            reportEndpointStatus(*said, s);
        });
    // A failed download of https:// CA/CRL locations (the source fetches them before it
    // connects) is said, not fatal: a cached copy may serve.
    QObject::connect(source, &Source::warning, &app, [](const QString &, const QString &text) {
        CommandLineTool::error(text);
    });
}

// At exit: what the output queue dropped and, when anything was left out, the totals.
void reportTotals(const Counters &counters, quint64 slow)
{
    if (slow > 0)
        CommandLineTool::error(QCoreApplication::translate("fedmsg-tail",
            "%n message(s) not shown: the output was not read fast enough (at most %1 MiB "
            "wait, the oldest were dropped)",
            nullptr,
            int(slow))
                                   .arg(MaxQueuedOutput / (qsizetype { 1024 } * 1024)));
    if (counters.untrusted > 0 || counters.dropped > 0)
        CommandLineTool::error(
            QCoreApplication::translate("fedmsg-tail", "%1 shown, %2 untrusted, %3 dropped")
                .arg(counters.shown)
                .arg(counters.untrusted)
                .arg(counters.dropped));
}

// Listening: one source, each line written as it comes; at-least-once sources acknowledge
// what was written.
int listen(QCoreApplication &app,
    const TailOptions &options,
    const TailFormatter &formatter,
    const TailRules *rules)
{
    QString error;
    Listening run { options, formatter, rules };
    run.source.reset(Transports::createSource(options.bus, nullptr, &error));
    if (!run.source) {
        CommandLineTool::error(error);
        return 2;
    }
    // At-least-once sources (AMQP) write each line at once and acknowledge it after: a slow
    // reader holds the acknowledgements back and the broker's prefetch limit stops the flow.
    // ZeroMQ cannot be held back: its lines wait in a bounded queue, the oldest dropped.
    run.out = new LineWriter(
        STDOUT_FILENO, run.source->isAtLeastOnce() ? 0 : MaxQueuedOutput, [&app, &run] {
            QMetaObject::invokeMethod(
                &app,
                [&run] {
                    finish(run, 0);
                },
                Qt::QueuedConnection);
        });
    connectSource(app, run);
    if (options.sinceMs > 0)
        connectBackfill(app, run);

    UnixSignalWatcher unixSignals;
    QObject::connect(&unixSignals, &UnixSignalWatcher::signalReceived, &app, [&run](int) {
        run.interrupted = true;
        finish(run, 0);
    });

    run.source->start();
    if (run.backfill) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QString backfillError;
        if (!run.backfill->start(now.addMSecs(-options.sinceMs), now, &backfillError))
            CommandLineTool::error(backfillError);
    }
    QCoreApplication::exec();
    if (run.backfill)
        run.backfill->cancel();
    run.source->stop();
    // Interrupted behind a stuck reader: give the queue a moment, then leave it (and the
    // writer, blocked in write()) behind.
    const bool drained = run.out->finish(run.interrupted ? 2000 : -1);
    const quint64 slow = run.out->dropped();
    if (drained)
        delete run.out;
    reportTotals(run.counters, slow);
    return run.exitCode;
}

} // namespace

// NOLINTNEXTLINE(bugprone-exception-escape): an exception out of main is a bug; terminate says so
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    fedmsg::Translations::install(); // the system locale's messages (the options stay English)
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
