// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// fedmsg-tail: watch a fedmsg bus from a terminal. The logic (options, filters, formats) lives in
// lib/cli and the sources behind lib/bus's Source; this file wires them to stdout.

#include "LineWriter.h"

#include "backfill/BackfillClient.h"
#include "bus/Source.h"
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
    // A message a source (live or the archive) could not read: counted and said on stderr.
    const auto onDropped = [&](const QString &, const QString &endpoint, const QString &reason) {
        ++counters.dropped;
        CommandLineTool::error(
            QCoreApplication::translate("fedmsg-tail", "dropped a message from %1: %2")
                .arg(endpoint, reason));
    };
    // --since: the archive's messages first; live ones wait (unacknowledged) until it is done,
    // then those the archive already printed are left out.
    std::unique_ptr<BackfillClient> backfill;
    QList<QList<Envelope>> waitingLive;
    QSet<QString> archivedIds;
    // One batch, live or archived: written line by line; at-least-once sources acknowledge
    // what was printed (or deliberately filtered), never what comes after the last line
    // printed (--count, a closed pipe): the broker keeps that.
    auto writeBatch = [&](const QList<Envelope> &batch, bool live) {
        QList<quint64> done;
        auto acknowledgeDone = [&] {
            if (live && source->isAtLeastOnce() && !done.isEmpty())
                source->acknowledge(done);
        };
        auto markDone = [&](const Envelope &env) {
            if (env.deliveryTag() != 0)
                done.append(env.deliveryTag());
        };
        for (const Envelope &env : batch) {
            if (!live && !env.msgId().isEmpty())
                archivedIds.insert(env.msgId());
            if (live && !archivedIds.isEmpty() && archivedIds.contains(env.msgId())) {
                markDone(env); // printed from the archive already
                continue;
            }
            const Written written = writeEnvelope(env, options, formatter, rules, *out, counters);
            if (written == Written::ReaderGone) {
                acknowledgeDone();
                finish(0); // EPIPE: the reader went away
                return false;
            }
            markDone(env);
            if (written == Written::Shown && maxCount > 0 && qint64(counters.shown) >= maxCount) {
                acknowledgeDone(); // goes out before the stop (AmqpWorker orders them)
                finish(0);
                return false;
            }
        }
        acknowledgeDone();
        return true;
    };
    QObject::connect(
        source.get(), &Source::envelopesReceived, &app, [&](const QList<Envelope> &batch) {
            if (backfill && backfill->isRunning()) {
                waitingLive.append(batch);
                return;
            }
            writeBatch(batch, true);
        });
    if (options.sinceMs > 0) {
        backfill = std::make_unique<BackfillClient>(bus);
        BackfillOptions backfillOptions;
        backfillOptions.maxAgeMs = options.sinceMs;
        backfill->setOptions(backfillOptions);
        QObject::connect(backfill.get(),
            &BackfillClient::envelopesReceived,
            &app,
            [&](const QList<Envelope> &batch) {
                if (!writeBatch(batch, false))
                    backfill->cancel();
            });
        QObject::connect(backfill.get(),
            &BackfillClient::problem,
            &app,
            [](const QString &, const QString &reason, int retryInMs) {
                CommandLineTool::error(
                    QCoreApplication::translate("fedmsg-tail", "archive: %1; asking again in %2 s")
                        .arg(reason)
                        .arg(retryInMs / 1000.0));
            });
        QObject::connect(backfill.get(), &BackfillClient::messageDropped, &app, onDropped);
        QObject::connect(
            backfill.get(), &BackfillClient::finished, &app, [&](const BackfillResult &result) {
                if (result.outcome == BackfillResult::Outcome::Failed)
                    CommandLineTool::error(QCoreApplication::translate(
                        "fedmsg-tail", "catching up from the archive failed: %1")
                                               .arg(result.reason));
                if (result.skipped > 0)
                    CommandLineTool::error(QCoreApplication::translate("fedmsg-tail",
                        "the archive held %n older message(s) more than shown",
                        nullptr,
                        int(result.skipped)));
                if (result.outcome == BackfillResult::Outcome::Cancelled)
                    return; // the program is ending
                // Deferred: finished() may come from inside envelopesReceived's handler.
                QMetaObject::invokeMethod(
                    &app,
                    [&] {
                        const QList<QList<Envelope>> batches = std::exchange(waitingLive, {});
                        for (const QList<Envelope> &batch : batches)
                            if (!writeBatch(batch, true))
                                return;
                    },
                    Qt::QueuedConnection);
            });
    }
    QObject::connect(source.get(), &Source::messageDropped, &app, onDropped);
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
    if (backfill) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QString backfillError;
        if (!backfill->start(now.addMSecs(-options.sinceMs), now, &backfillError))
            CommandLineTool::error(backfillError);
    }
    QCoreApplication::exec();
    if (backfill)
        backfill->cancel();
    source->stop();
    // Interrupted behind a stuck reader: give the queue a moment, then leave it (and the
    // writer, blocked in write()) behind.
    const bool drained = out->finish(interrupted ? 2000 : -1);
    const quint64 slow = out->dropped();
    if (drained)
        delete out;
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
    return exitCode;
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
