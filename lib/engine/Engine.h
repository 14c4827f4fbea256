// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// lib/engine: joins the stages. Envelopes from every Source are rendered, decided on and handed
// to History, which gives each its id at once: then they go on to the notifier and UI, and
// at-least-once sources are acknowledged only once History committed them. It never touches a
// transport itself and never shows anything.

#include "bus/BusConfig.h"
#include "bus/EndpointStatus.h"
#include "bus/Source.h"
#include "engine/SilenceWatchdog.h"
#include "history/HistoryRecord.h"
#include "history/StoreResult.h"
#include "rules/RuleDecision.h"
#include "rules/RuleSet.h"
#include "rules/RulesStage.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <deque>
#include <functional>
#include <map>
#include <memory>

namespace fedmsg {

class History;
class Renderer;
namespace packages {
class PackageSets;
}

/// @brief A message that passed through the whole engine: what was stored, and where.
struct EngineMessage
{
    HistoryRecord record; ///< record.decision / decisionRule: the decision as History keeps it
    qint64 historyId = 0;
    rules::RuleDecision decision; ///< the same decision as data (urgency, sticky, timeout, ...)
};

/**
 * @brief The message path from sources to history, for the applet and tests.
 * @code
 * Engine engine(&history, &renderer);
 * connect(&engine, &Engine::messagesStored, ui, &Ui::onMessages);
 * engine.setBuses(settings.buses(presets));
 * @endcode
 */
class Engine : public QObject
{
    Q_OBJECT
public:
    using MakeSource = std::function<std::unique_ptr<Source>(const BusConfig &)>;
    /// Decision values stored in History (rules::RuleAction::kindName()).
    static QString decisionNotify() { return QStringLiteral("notify"); }
    static QString decisionHistoryOnly() { return QStringLiteral("history"); }
    static QString decisionDigest() { return QStringLiteral("digest"); }

    Engine(History *history, const Renderer *renderer, QObject *parent = nullptr);
    ~Engine() override;
    Q_DISABLE_COPY_MOVE(Engine)

    /// Replaces how sources are made (default: ZeroMQ for fedmsg buses, AMQP for the others).
    void setSourceFactory(MakeSource factory) { m_factory = std::move(factory); }
    /// Starts a source for every enabled bus, reconfigures changed ones, stops removed ones.
    void setBuses(const QList<BusConfig> &buses);
    QList<BusConfig> buses() const { return m_buses; }
    /// The user's filter rules (until set: everything notifies, untrusted messages excepted).
    void setRules(const rules::RuleSet &rules);
    /// Message types (lib/rules MessageTypeToggles ids) stored but not notified.
    void setMessageTypesOff(const QStringList &types);
    /// The user's Fedora account name ("me" in rules); "" = not known.
    void setAccount(const QString &account);
    /// What becomes of untrusted messages no rule asks for by name (Settings::untrustedPolicy).
    void setUntrustedPolicy(rules::UntrustedPolicy policy);
    /// The package sets rules ask about (not owned; may be null: such conditions are "not
    /// known"). The maintainers the rules name are tracked.
    void setPackageSets(packages::PackageSets *sets);
    /// Toggles, rules and the trust policy, as the engine runs them (for explain and preview).
    const rules::RulesStage &rulesStage() const { return m_rules; }
    void stop();
    /// Envelopes no running source delivered: what a bus's archive kept during a gap
    /// (lib/backfill BackfillClient::envelopesReceived). They take the same path as a source's
    /// (render, rules, History, messagesStored) and are never acknowledged; History keeps one
    /// copy per msg_id, the most trusted, so a message also received live is stored once.
    void takeEnvelopes(const QList<fedmsg::Envelope> &batch);
    /// Reconnect every source now (resume, network back).
    void reconnectAll();

    QList<EndpointStatus> endpointStatuses() const { return m_statuses.values(); }
    /// Number of sources running.
    int sourceCount() const { return static_cast<int>(m_sources.size()); }
    /// Envelopes received, and how many were duplicates, since start.
    quint64 receivedCount() const { return m_received; }
    quint64 duplicateCount() const { return m_duplicates; }

    /// The decision for one rendered envelope: toggles, then rules, then the trust policy.
    rules::RuleDecision decide(const Envelope &envelope, const Rendering &rendering) const;

Q_SIGNALS:
    /// New messages (duplicates left out) with their history ids, as soon as History assigned
    /// them (History::assigned(): the COMMIT follows within HistoryOptions::commitDelay).
    void messagesStored(const QList<fedmsg::EngineMessage> &messages);
    void endpointStatusChanged(const fedmsg::EndpointStatus &status);
    void messageDropped(const QString &busName, const QString &endpoint, const QString &reason);
    /// A source was started or stopped (the tray shows the overall state).
    void sourcesChanged();
    /// A source made up its private queue's name (Source::queueNameAssigned).
    void queueNameAssigned(const QString &busName, const QString &queueName);
    /// A source lost its queue: messages since then may be missing (Source::gapDetected).
    void gapDetected(const QString &busName, const QDateTime &since);
    /// Nothing came from a watched bus for silenceMs (BusConfig::silenceReconnectMs); the engine
    /// has told its source to reconnect.
    void busSilent(const QString &busName, qint64 silenceMs);

private:
    void onEnvelopes(Source *source, const QList<Envelope> &batch);
    void onAssigned(const QList<StoreResult> &results);
    void onStored(const QList<StoreResult> &results);
    void commitIfPrefetchHalfWaiting(const QList<Source *> &waiting);
    void forgetUnconfirmedBeyondLimit();
    Source *startSource(const BusConfig &bus);

    History *m_history;
    const Renderer *m_renderer;
    MakeSource m_factory;
    QList<BusConfig> m_buses;
    std::map<QString, std::unique_ptr<Source>> m_sources;
    QHash<QString, EndpointStatus> m_statuses;
    rules::RulesStage m_rules;
    packages::PackageSets *m_packages = nullptr;
    void trackMaintainers();
    SilenceWatchdog m_silence;
    // Records handed to History and not yet given their ids, in the order given: History
    // reports one result per record in input order.
    struct Pending
    {
        QPointer<Source> source;
        HistoryRecord record;
        rules::RuleDecision decision;
    };
    std::deque<Pending> m_pending;
    // At-least-once deliveries with their ids, waiting for History's COMMIT to be acknowledged
    // (History::stored() reports them in the same order, also after a failed commit is retried).
    struct Unacknowledged
    {
        QPointer<Source> source;
        QString msgId;
        quint64 deliveryTag = 0;
        TrustState trust = TrustState::Unchecked;
    };
    std::deque<Unacknowledged> m_unacknowledged;
    // After a burst, once everything handed to History is stored and nothing arrived for a
    // moment, the allocator gives its freed pages back (glibc keeps them otherwise).
    void trimAfterBurst();
    QTimer m_trimTimer;
    int m_sinceTrim = 0;
    static constexpr std::size_t MaxPendingRecords = 50000;
    quint64 m_unreported = 0; ///< records forgotten beyond MaxPendingRecords
    quint64 m_received = 0;
    quint64 m_duplicates = 0;
};

} // namespace fedmsg

Q_DECLARE_METATYPE(fedmsg::EngineMessage)
