// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "notify/Notification.h"
#include "json/JsonValue.h"

#include <QHash>
#include <QList>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>
#include <vector>

namespace fedmsg {

class Renderer;

/**
 * @brief Burst control: how many popups a stream of messages may cause. Pure policy (an
 * injectable clock, no timers, no bus), so it is unit-tested without X or D-Bus.
 *
 * - A token bucket for all popups (Limits::globalPerMinute, refilled continuously) and one per
 *   rule id (Limits::perRulePerMinute); a popup takes one token from both.
 * - A message beyond either bucket is held; one digest popup per window (Limits::digestWindow,
 *   counted from the first held message) sums up what was held, with the rendering's grouping
 *   text (Conglomerator: "12 koji builds of python-foo completed"). Held is bounded: the first
 *   MaxHeldBodies messages of a window are kept for the grouping (without their signature and
 *   certificate, which no grouping reads), the rest only counted. The digest counts every one
 *   ("10000 new messages", "… and 9800 more"); its lines group the first MaxHeldBodies. A burst
 *   of 10 000 messages kept every body, with its certificate, until the digest: 57 MiB.
 * - A message about the same object (objectKey) as a popup still open replaces it in place
 *   (replaces_id) instead of stacking: it takes a token from the global bucket only (it adds no
 *   popup, but the server shows it again), and waits for the digest when there is none.
 * Nothing is dropped here: every message is already in history and in the unread count.
 */
class BurstControl
{
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;
    struct Limits
    {
        double globalPerMinute = 5;
        double perRulePerMinute = 3;
        std::chrono::milliseconds digestWindow { 60000 };
    };
    enum class Verdict {
        Show, ///< show it (Notification::replacesId set when it replaces a popup)
        Held, ///< wait for the digest
    };

    BurstControl(); ///< the default limits and the real clock
    explicit BurstControl(Limits limits, Clock clock = {});

    /**
     * Decides about one popup; @p message is the fedmsg dict (topic, msg, ...) the digest groups.
     * @p notification's replacesId is set when it replaces an open popup of the same object.
     */
    Verdict offer(Notification &notification,
        const QString &ruleId,
        const QString &objectKey,
        const JsonValue &message);
    /// A rule asked for the digest: @p message waits for the next digest popup, taking no token.
    void holdForDigest(const JsonValue &message) { hold(m_clock(), message); }
    /// The server showed a popup: @p id now stands for @p objectKey (empty: none).
    void noteShown(uint id, const QString &objectKey);
    /// The popup @p id is gone (expired, dismissed): nothing replaces it any more.
    void noteClosed(uint id);

    /// The limits in force.
    Limits limits() const { return m_limits; }
    /// New limits from now on (the preferences): the tokens left are capped at the new rates;
    /// a digest already waiting is due at its first message plus the new window.
    void setLimits(Limits limits);

    /// The most message bodies one digest keeps for its grouping; the rest are only counted.
    static constexpr qsizetype MaxHeldBodies = 200;

    /// Messages held for the digest (every one, also those only counted).
    qsizetype heldCount() const { return m_heldCount; }
    /// Message bodies kept for the digest's grouping (at most MaxHeldBodies).
    qsizetype heldBodies() const { return static_cast<qsizetype>(m_held.size()); }
    /// The @p index-th body kept for the grouping (in the order held).
    const JsonValue &heldBody(qsizetype index) const
    {
        return m_held.at(static_cast<std::size_t>(index));
    }
    /// When the digest is due (nullopt when nothing is held).
    std::optional<std::chrono::steady_clock::time_point> digestDue() const;
    /// The digest popup when it is due (or @p force), built from what was held, which is cleared.
    std::optional<Notification> takeDigest(const Renderer &renderer, bool force = false);

private:
    struct Bucket
    {
        double tokens = 0;
        std::chrono::steady_clock::time_point refilled;
    };
    Verdict hold(std::chrono::steady_clock::time_point now, const JsonValue &message);
    static bool hasToken(
        Bucket &bucket, double perMinute, std::chrono::steady_clock::time_point now);
    static void refill(Bucket &bucket, double perMinute, std::chrono::steady_clock::time_point now);

    Limits m_limits;
    Clock m_clock;
    Bucket m_global;
    QHash<QString, Bucket> m_rules;
    QHash<QString, uint> m_openByObject;
    std::vector<JsonValue> m_held; ///< the first MaxHeldBodies held, for the grouping
    qsizetype m_heldCount = 0; ///< every message held since the last digest
    std::optional<std::chrono::steady_clock::time_point> m_firstHeld;
};

} // namespace fedmsg
