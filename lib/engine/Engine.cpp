// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "engine/Engine.h"

#include "engine/AllocatorPolicy.h"
#include "engine/Transports.h"
#include "history/History.h"
#include "packages/PackageSets.h"
#include "render/Renderer.h"
#include "rules/MessageTypeCatalog.h"

#include <QLoggingCategory>

#include <algorithm>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

Q_LOGGING_CATEGORY(lcEngine, "fedmsg.engine")
// One line per received message: off unless asked for
// (QT_LOGGING_RULES=fedmsg.engine.messages.debug=true).
Q_LOGGING_CATEGORY(lcEngineMessages, "fedmsg.engine.messages", QtInfoMsg)

namespace fedmsg {

namespace {
// A burst worth giving memory back after: this many messages since the last trim...
constexpr int TrimAfterMessages = 64;
// ...and this long without a new message once all of them are stored (a one-shot timer,
// restarted by each arrival; nothing runs while idle).
constexpr int TrimQuietMs = 500;
} // namespace

Engine::Engine(History *history, const Renderer *renderer, QObject *parent)
    : QObject(parent)
    , m_history(history)
    , m_renderer(renderer)
    , m_factory([](const BusConfig &bus) {
        QString error;
        std::unique_ptr<Source> source(Transports::createSource(bus, nullptr, &error));
        if (!source)
            qCWarning(lcEngine) << "bus" << bus.name << "cannot start:" << error;
        return source;
    })
    , m_rules(std::make_shared<rules::MessageTypeCatalog>(*renderer))
{
    AllocatorPolicy::apply(); // big bodies in their own mappings, given back when freed
    m_trimTimer.setSingleShot(true);
    m_trimTimer.setInterval(TrimQuietMs);
    connect(&m_trimTimer, &QTimer::timeout, this, &Engine::trimAfterBurst);
    connect(m_history, &History::assigned, this, &Engine::onAssigned);
    connect(m_history, &History::stored, this, &Engine::onStored);
    connect(&m_silence,
        &SilenceWatchdog::silent,
        this,
        [this](const QString &bus, std::chrono::milliseconds silence) {
            const auto it = m_sources.find(bus);
            if (it == m_sources.end())
                return;
            qCInfo(lcEngine) << "bus" << bus << "silent for" << silence.count() / 1000
                             << "s; reconnecting";
            it->second->reconnectNow();
            Q_EMIT busSilent(bus, silence.count());
        });
}

Engine::~Engine()
{
    stop();
}

Source *Engine::startSource(const BusConfig &bus)
{
    std::unique_ptr<Source> source = m_factory(bus);
    if (!source) {
        qCWarning(lcEngine) << "no source can serve bus" << bus.name;
        return nullptr;
    }
    Source *raw = source.get();
    connect(raw,
        &Source::envelopesReceived,
        this,
        [this, raw, name = bus.name](const QList<Envelope> &batch) {
            m_silence.messageArrived(name);
            onEnvelopes(raw, batch);
        });
    connect(raw, &Source::endpointStatusChanged, this, [this](const EndpointStatus &status) {
        m_statuses.insert(status.busName + QLatin1Char('\n') + status.url, status);
        Q_EMIT endpointStatusChanged(status);
    });
    connect(raw, &Source::messageDropped, this, &Engine::messageDropped);
    connect(raw, &Source::queueNameAssigned, this, &Engine::queueNameAssigned);
    connect(raw, &Source::gapDetected, this, &Engine::gapDetected);
    connect(raw, &Source::warning, this, [](const QString &busName, const QString &text) {
        qCWarning(lcEngine) << "bus" << busName << ":" << text;
    });
    m_sources[bus.name] = std::move(source);
    m_silence.watch(bus.name, std::chrono::milliseconds(bus.effectiveSilenceReconnectMs()));
    // A source that needs trust anchors downloaded first (ZeroMQ with https CA/CRL) waits for
    // them inside start().
    raw->start();
    return raw;
}

void Engine::setBuses(const QList<BusConfig> &buses)
{
    QHash<QString, BusConfig> wanted;
    for (const BusConfig &bus : buses)
        if (bus.enabled && !bus.endpoints.isEmpty())
            wanted.insert(bus.name, bus);

    for (auto it = m_sources.begin(); it != m_sources.end();) {
        const auto want = wanted.constFind(it->first);
        if (want == wanted.cend() || want->transport != it->second->config().transport) {
            it->second->stop();
            const QString name = it->first;
            m_silence.unwatch(name);
            it = m_sources.erase(it);
            for (auto s = m_statuses.begin(); s != m_statuses.end();)
                s = s->busName == name ? m_statuses.erase(s) : std::next(s);
        } else {
            if (!(it->second->config() == *want)) {
                it->second->reconfigure(*want);
                m_silence.watch(
                    want->name, std::chrono::milliseconds(want->effectiveSilenceReconnectMs()));
            }
            ++it;
        }
    }
    for (const BusConfig &bus : std::as_const(wanted))
        if (m_sources.find(bus.name) == m_sources.end())
            startSource(bus);
    m_buses = buses;
    Q_EMIT sourcesChanged();
}

void Engine::stop()
{
    for (auto &[name, source] : m_sources)
        source->stop();
    m_silence.unwatchAll();
    const bool had = !m_sources.empty();
    m_sources.clear();
    m_statuses.clear();
    if (had)
        Q_EMIT sourcesChanged();
}

void Engine::reconnectAll()
{
    for (auto &[name, source] : m_sources)
        source->reconnectNow();
}

void Engine::setRules(const rules::RuleSet &rules)
{
    m_rules.setRules(rules);
    trackMaintainers();
}

void Engine::setMessageTypesOff(const QStringList &types)
{
    m_rules.setToggles(rules::MessageTypeToggles(types));
}

void Engine::setAccount(const QString &account)
{
    rules::RuleContext context = m_rules.context();
    context.account = account;
    m_rules.setContext(context);
    trackMaintainers();
}

void Engine::setUntrustedPolicy(rules::UntrustedPolicy policy)
{
    rules::RuleContext context = m_rules.context();
    context.untrusted = policy;
    m_rules.setContext(context);
}

void Engine::setPackageSets(packages::PackageSets *sets)
{
    m_packages = sets;
    rules::RuleContext context = m_rules.context();
    context.packages = sets;
    m_rules.setContext(context);
    trackMaintainers();
}

void Engine::trackMaintainers()
{
    if (!m_packages)
        return;
    QStringList maintainers = m_rules.rules().maintainers();
    if (!m_rules.context().account.isEmpty())
        maintainers.prepend(m_rules.context().account);
    m_packages->track(maintainers);
}

rules::RuleDecision Engine::decide(const Envelope &envelope, const Rendering &rendering) const
{
    // A message whose signature failed is kept for the record but never popped up unless a
    // rule asks for untrusted messages by name (the notifier then marks it unsigned): showing
    // it otherwise would lend it the credibility of a notification.
    return m_rules.decide(envelope, rendering, *m_renderer);
}

void Engine::takeEnvelopes(const QList<Envelope> &batch)
{
    if (!batch.isEmpty())
        onEnvelopes(nullptr, batch);
}

void Engine::onEnvelopes(Source *source, const QList<Envelope> &batch)
{
    QList<HistoryRecord> records;
    records.reserve(batch.size());
    for (const Envelope &envelope : batch) {
        qCDebug(lcEngineMessages).noquote()
            << "received" << envelope.msgId() << "from" << envelope.busName();
        HistoryRecord record;
        record.envelope = envelope;
        record.rendering = m_renderer->render(envelope);
        const rules::RuleDecision decision = decide(envelope, record.rendering);
        record.decision = decision.decisionName();
        record.decisionRule = decision.toCompactJson();
        m_pending.push_back(Pending { source, record, decision });
        records.append(std::move(record));
    }
    m_received += static_cast<quint64>(batch.size());
    m_sinceTrim += static_cast<int>(std::min<qsizetype>(batch.size(), TrimAfterMessages));
    m_trimTimer.stop();
    // Bounded above History's own queues (maxQueued + maxPending + maxBatch by default): a record
    // older than that can no longer get a result (History dropped it while storing failed).
    if (m_pending.size() > MaxPendingRecords) {
        const std::size_t excess = m_pending.size() - MaxPendingRecords;
        m_pending.erase(m_pending.begin(), m_pending.begin() + static_cast<std::ptrdiff_t>(excess));
        m_unreported += excess;
        qCWarning(lcEngine) << "forgetting" << excess << "messages History never reported ("
                            << m_unreported << "since start)";
    }
    m_history->store(records);
}

void Engine::trimAfterBurst()
{
    if (!m_pending.empty())
        return; // onStored() starts the timer again when the last one is stored
    m_sinceTrim = 0;
#if defined(__GLIBC__)
    // Big bodies freed by the worker, engine and writer threads stay in glibc's arenas; a
    // burst of 1 MiB messages would leave the applet hundreds of MiB larger than it needs.
    malloc_trim(0);
#endif
}

void Engine::onAssigned(const QList<StoreResult> &results)
{
    QList<EngineMessage> fresh;
    QList<Source *> waiting; // at-least-once sources with new records waiting for the COMMIT
    for (const StoreResult &result : results) {
        // Results come in input order. A record History could not store at all (it logs why)
        // gets no result: skip past such records to the one this result is for.
        auto match = std::find_if(m_pending.begin(), m_pending.end(), [&](const Pending &p) {
            // Trust too: a ZeroMQ copy and the original share msg_id and tag 0, and History
            // stores the more trusted one as new (StoreResult::trust).
            return p.record.envelope.msgId() == result.msgId
                && p.record.envelope.deliveryTag() == result.deliveryTag
                && p.record.envelope.trust() == result.trust;
        });
        if (match == m_pending.end()) {
            qCWarning(lcEngine) << "History reported a record the engine did not give it:"
                                << result.msgId;
            continue;
        }
        for (auto it = m_pending.begin(); it != match; ++it)
            qCWarning(lcEngine) << "History did not store" << it->record.envelope.msgId()
                                << "; it is not acknowledged";
        Pending pending = std::move(*match);
        m_pending.erase(m_pending.begin(), std::next(match));
        if (pending.source && result.deliveryTag != 0 && pending.source->isAtLeastOnce()) {
            m_unacknowledged.push_back(
                Unacknowledged { pending.source, result.msgId, result.deliveryTag, result.trust });
            if (!waiting.contains(pending.source.data()))
                waiting.append(pending.source.data());
        }
        if (result.duplicate) {
            ++m_duplicates;
            continue;
        }
        fresh.append(
            EngineMessage { std::move(pending.record), result.rowId, std::move(pending.decision) });
    }
    commitIfPrefetchHalfWaiting(waiting);
    forgetUnconfirmedBeyondLimit();
    if (m_pending.empty() && m_sinceTrim >= TrimAfterMessages)
        m_trimTimer.start();
    if (!fresh.isEmpty())
        Q_EMIT messagesStored(fresh);
}

// A broker sends at most prefetch unacknowledged messages: once half of them wait for the
// COMMIT, the window ends now instead of stalling the queue until it would have ended.
void Engine::commitIfPrefetchHalfWaiting(const QList<Source *> &waiting)
{
    for (Source *source : waiting) {
        const int prefetch = source->config().amqp.prefetch;
        const auto unacknowledged = std::count_if(
            m_unacknowledged.cbegin(), m_unacknowledged.cend(), [source](const Unacknowledged &u) {
                return u.source == source;
            });
        if (prefetch > 0 && unacknowledged * 2 >= prefetch) {
            m_history->commitNow();
            return;
        }
    }
}

void Engine::forgetUnconfirmedBeyondLimit()
{
    if (m_unacknowledged.size() <= MaxPendingRecords)
        return;
    const std::size_t excess = m_unacknowledged.size() - MaxPendingRecords;
    m_unacknowledged.erase(
        m_unacknowledged.begin(), m_unacknowledged.begin() + static_cast<std::ptrdiff_t>(excess));
    m_unreported += excess;
    qCWarning(lcEngine) << "forgetting" << excess << "acknowledgements History never confirmed ("
                        << m_unreported << "since start)";
}

void Engine::onStored(const QList<StoreResult> &results)
{
    QHash<Source *, QList<quint64>> acks;
    for (const StoreResult &result : results) {
        if (result.deliveryTag == 0)
            continue; // nothing to acknowledge (ZeroMQ)
        auto match = std::find_if(
            m_unacknowledged.begin(), m_unacknowledged.end(), [&](const Unacknowledged &u) {
                return u.msgId == result.msgId && u.deliveryTag == result.deliveryTag
                    && u.trust == result.trust;
            });
        if (match == m_unacknowledged.end())
            continue; // not from an at-least-once source
        for (auto it = m_unacknowledged.begin(); it != match; ++it)
            qCWarning(lcEngine) << "History did not store" << it->msgId
                                << "; it is not acknowledged";
        if (match->source)
            acks[match->source.data()].append(result.deliveryTag);
        m_unacknowledged.erase(m_unacknowledged.begin(), std::next(match));
    }
    for (auto it = acks.cbegin(); it != acks.cend(); ++it)
        it.key()->acknowledge(it.value());
    // The bodies History held for the commit are free now.
    if (m_pending.empty() && m_sinceTrim >= TrimAfterMessages)
        m_trimTimer.start();
}

} // namespace fedmsg
