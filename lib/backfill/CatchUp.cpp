// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "backfill/CatchUp.h"

#include "backfill/BackfillClient.h"
#include "engine/Engine.h"
#include "history/History.h"
#include "history/HistoryQuery.h"

#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcCatchUp, "fedmsg.backfill")

namespace fedmsg {

namespace {
// After a run, how long stored messages may still come in (History assigns ids on its
// thread) before the summary goes without the ones that never do.
constexpr int SettleMs = 5000;
} // namespace

struct CatchUp::Run
{
    std::unique_ptr<BackfillClient> client;
    bool counting = false; ///< a run is going or its messages are still coming in
    bool finished = false;
    int expected = 0;
    int stored = 0;
    int forYou = 0;
    quint64 duplicatesAtStart = 0;
    BackfillResult result;
    QTimer settle;
};

CatchUp::CatchUp(Engine *engine, History *history, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_history(history)
{
    connect(
        m_engine, &Engine::gapDetected, this, [this](const QString &bus, const QDateTime &since) {
            // A gap of unknown start (a queue the broker never had): from the last message
            // stored; with none stored nothing was missed that the user had seen.
            const QDateTime from = since.isValid() ? since : lastSeen(bus);
            if (from.isValid())
                catchUp(bus, from);
        });
    connect(m_engine, &Engine::busSilent, this, [this](const QString &bus, qint64 silenceMs) {
        const QDateTime last = lastSeen(bus);
        catchUp(bus, last.isValid() ? last : QDateTime::currentDateTimeUtc().addMSecs(-silenceMs));
    });
    connect(m_engine, &Engine::endpointStatusChanged, this, &CatchUp::onEndpointStatus);
}

CatchUp::~CatchUp() = default;

void CatchUp::setBuses(const QList<BusConfig> &buses)
{
    QHash<QString, std::shared_ptr<Run>> runs;
    for (const BusConfig &bus : buses) {
        if (!bus.enabled || bus.archiveUrl.isEmpty())
            continue;
        const std::shared_ptr<Run> old = m_runs.value(bus.name);
        if (old && old->client->bus() == bus) {
            runs.insert(bus.name, old);
            continue;
        }
        auto run = std::make_shared<Run>();
        run->client = std::make_unique<BackfillClient>(bus);
        run->client->setOptions(m_options);
        run->settle.setSingleShot(true);
        run->settle.setInterval(SettleMs);
        Run *raw = run.get();
        connect(run->client.get(),
            &BackfillClient::envelopesReceived,
            m_engine,
            &Engine::takeEnvelopes);
        connect(run->client.get(), &BackfillClient::progress, this, &CatchUp::progress);
        connect(run->client.get(), &BackfillClient::problem, this, &CatchUp::problem);
        connect(run->client.get(),
            &BackfillClient::finished,
            this,
            [this, raw](const BackfillResult &result) {
                onFinished(raw, result);
            });
        connect(&run->settle, &QTimer::timeout, this, [this, raw] {
            raw->expected = 0; // what never came will not: say what did
            maybeDone(raw);
        });
        runs.insert(bus.name, run);
    }
    for (auto it = m_runs.cbegin(); it != m_runs.cend(); ++it)
        if (!runs.contains(it.key()))
            it.value()->client->cancel();
    m_runs = std::move(runs);
}

QDateTime CatchUp::lastSeen(const QString &busName) const
{
    HistoryQuery query;
    query.buses = { busName };
    query.limit = 1;
    query.withBody = false;
    QString error;
    const QList<StoredMessage> newest = m_history->search(query, &error);
    if (!error.isEmpty())
        qCWarning(lcCatchUp).noquote() << "cannot read the history for" << busName << ":" << error;
    return newest.isEmpty() ? QDateTime() : newest.first().receivedAt;
}

void CatchUp::onEndpointStatus(const EndpointStatus &status)
{
    // ZeroMQ PUB/SUB keeps nothing for a subscriber that is away: a connection made again (the
    // publisher restarted, the network dropped it) is a gap from the last message stored.
    // AMQP reconnects to a queue that kept the messages; its losses come as gapDetected.
    const QString key = status.busName + QLatin1Char('\n') + status.url;
    const quint64 seen = m_reconnects.value(key, 0);
    if (status.reconnects < seen) // a new source for the bus counts from 0 again
        m_reconnects.insert(key, status.reconnects);
    if (status.reconnects <= seen || status.state != EndpointStatus::State::Connected)
        return;
    m_reconnects.insert(key, status.reconnects);
    const std::shared_ptr<Run> run = m_runs.value(status.busName);
    if (!run || run->client->bus().transport != BusConfig::Transport::ZeroMq)
        return;
    const QDateTime last = lastSeen(status.busName);
    if (!last.isValid())
        return;
    qCInfo(lcCatchUp).noquote() << "bus" << status.busName << ":" << status.url
                                << "connected again; asking the archive what was missed";
    catchUp(status.busName, last);
}

void CatchUp::catchUpAll()
{
    for (auto it = m_runs.cbegin(); it != m_runs.cend(); ++it) {
        const QDateTime last = lastSeen(it.key());
        if (last.isValid())
            catchUp(it.key(), last);
    }
}

bool CatchUp::catchUp(const QString &busName, const QDateTime &since)
{
    const std::shared_ptr<Run> run = m_runs.value(busName);
    if (!run || run->counting)
        return false;
    QString error;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    run->counting = true;
    run->finished = false;
    run->stored = 0;
    run->forYou = 0;
    run->expected = 0;
    run->duplicatesAtStart = m_engine->duplicateCount();
    if (!run->client->start(since, now, &error)) {
        run->counting = false;
        qCInfo(lcCatchUp).noquote() << "no catch-up for" << busName << ":" << error;
        return false;
    }
    qCInfo(lcCatchUp).noquote() << "catching up" << busName << "since"
                                << since.toString(Qt::ISODate);
    Q_EMIT started(busName);
    return true;
}

void CatchUp::cancelAll()
{
    for (const std::shared_ptr<Run> &run : std::as_const(m_runs))
        run->client->cancel();
}

bool CatchUp::isRunning() const
{
    return std::any_of(m_runs.cbegin(), m_runs.cend(), [](const std::shared_ptr<Run> &run) {
        return run->counting;
    });
}

bool CatchUp::absorb(const EngineMessage &message, bool popsUp)
{
    const std::shared_ptr<Run> run = m_runs.value(message.record.envelope.busName());
    if (!run || !run->counting || message.record.envelope.endpoint() != run->client->archiveUrl())
        return false;
    ++run->stored;
    if (popsUp)
        ++run->forYou;
    if (run->finished)
        maybeDone(run.get());
    return true;
}

void CatchUp::onFinished(Run *run, const BackfillResult &result)
{
    run->finished = true;
    run->result = result;
    run->expected = result.messages;
    qCInfo(lcCatchUp).noquote() << "archive of" << result.busName << "handed on" << result.messages
                                << "messages in" << result.elapsedMs << "ms"
                                << (result.reason.isEmpty() ? QString() : result.reason);
    run->settle.start();
    maybeDone(run);
}

void CatchUp::maybeDone(Run *run)
{
    if (!run->counting || !run->finished)
        return;
    const auto duplicates = static_cast<int>(m_engine->duplicateCount() - run->duplicatesAtStart);
    if (run->stored + duplicates < run->expected)
        return;
    run->settle.stop();
    run->counting = false;
    Q_EMIT caughtUp(run->result.busName, run->stored, run->forYou, run->result);
}

} // namespace fedmsg
