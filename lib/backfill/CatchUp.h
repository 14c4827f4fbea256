// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "backfill/BackfillOptions.h"
#include "backfill/BackfillProgress.h"
#include "backfill/BackfillResult.h"
#include "bus/BusConfig.h"
#include "bus/EndpointStatus.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

namespace fedmsg {

class BackfillClient;
class Engine;
class History;
struct EngineMessage;

/**
 * @brief After a gap, what each bus's archive kept goes through the engine, and the applet shows
 * one summary instead of a popup per message.
 *
 * One BackfillClient per enabled bus with an archive URL. A gap starts it: Engine::gapDetected
 * (an AMQP queue lost) and Engine::busSilent from their own time, catchUpAll() (start-up,
 * resume, network back: the applet calls it) from the last message stored for each bus. A bus
 * with nothing stored yet is not caught up (nothing was missed that the user had seen). The
 * archived envelopes take the engine's normal path (Engine::takeEnvelopes: validation,
 * rendering, rules, history, which keeps one copy per msg_id).
 *
 * absorb() tells the applet which stored messages came from a catch-up (hold their popups);
 * caughtUp() follows once all of a run's messages were stored (or a few seconds after the run
 * when some never were: dropped, or duplicates the engine counted).
 */
class CatchUp : public QObject
{
    Q_OBJECT
public:
    CatchUp(Engine *engine, History *history, QObject *parent = nullptr);
    ~CatchUp() override;
    Q_DISABLE_COPY_MOVE(CatchUp)

    void setOptions(const BackfillOptions &options) { m_options = options; }
    /// The buses to catch up (a running catch-up of a bus that changed is cancelled).
    void setBuses(const QList<BusConfig> &buses);
    /// Every bus, from the last message stored for it.
    void catchUpAll();
    /// One bus from @p since; false when it has no archive or one is already running.
    bool catchUp(const QString &busName, const QDateTime &since);
    /// Stops every running catch-up; what was fetched is stored and caughtUp() follows with
    /// BackfillResult::Outcome::Cancelled.
    void cancelAll();
    [[nodiscard]] bool isRunning() const;
    /// Whether @p message came from a catch-up still being counted (then it is counted, as one
    /// that would have popped up when @p popsUp); the applet shows no popup for it.
    bool absorb(const EngineMessage &message, bool popsUp);
    /// The newest time stored for @p busName (invalid when none).
    [[nodiscard]] QDateTime lastSeen(const QString &busName) const;

Q_SIGNALS:
    /// A catch-up of @p busName began (progress() follows per page).
    void started(const QString &busName);
    void progress(const fedmsg::BackfillProgress &progress);
    void problem(const QString &busName, const QString &reason, int retryInMs);
    /// A bus's catch-up is over: @p stored new messages, @p forYou of them would have popped up.
    void caughtUp(
        const QString &busName, int stored, int forYou, const fedmsg::BackfillResult &result);

private:
    struct Run;
    void onFinished(Run *run, const BackfillResult &result);
    void maybeDone(Run *run);
    void onEndpointStatus(const EndpointStatus &status);

    Engine *m_engine;
    History *m_history;
    BackfillOptions m_options;
    QHash<QString, std::shared_ptr<Run>> m_runs; ///< bus name -> its client and counts
    QHash<QString, quint64> m_reconnects; ///< "bus\nurl" -> EndpointStatus::reconnects seen
};

} // namespace fedmsg
