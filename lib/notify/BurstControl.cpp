// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "notify/BurstControl.h"
#include "render/Conglomerator.h"
#include "render/Renderer.h"

#include <QCoreApplication>

#include <algorithm>
#include <climits>
#include <utility>

namespace fedmsg {

namespace {
constexpr int DigestLines = 5;

/// What the digest's grouping reads of a fedmsg dict: all but the signature and the certificate
/// (about 2 KB of a signed message, held by nothing else once the message is stored). The copy
/// shares every other member with @p message.
JsonValue forGrouping(const JsonValue &message)
{
    if (!message.contains("certificate") && !message.contains("signature"))
        return message;
    JsonValue kept = message;
    kept.remove("certificate");
    kept.remove("signature");
    return kept;
}
} // namespace

BurstControl::BurstControl()
    : BurstControl(Limits {})
{}

BurstControl::BurstControl(Limits limits, Clock clock)
    : m_limits(limits)
    , m_clock(clock ? std::move(clock) : Clock([] {
        return std::chrono::steady_clock::now();
    }))
{
    m_global.tokens = m_limits.globalPerMinute;
    m_global.refilled = m_clock();
}

void BurstControl::refill(
    Bucket &bucket, double perMinute, std::chrono::steady_clock::time_point now)
{
    const std::chrono::duration<double, std::ratio<60>> elapsed = now - bucket.refilled;
    bucket.tokens = std::min(perMinute, bucket.tokens + elapsed.count() * perMinute);
    bucket.refilled = now;
}

bool BurstControl::hasToken(
    Bucket &bucket, double perMinute, std::chrono::steady_clock::time_point now)
{
    refill(bucket, perMinute, now);
    return bucket.tokens >= 1;
}

BurstControl::Verdict BurstControl::offer(Notification &notification,
    const QString &ruleId,
    const QString &objectKey,
    const JsonValue &message)
{
    const auto now = m_clock();
    const auto open =
        objectKey.isEmpty() ? m_openByObject.cend() : m_openByObject.constFind(objectKey);
    if (open != m_openByObject.cend()) {
        // An update of an open popup adds no popup, but still alerts (servers show it again):
        // it takes a token from the global bucket, none from the rule's.
        if (hasToken(m_global, m_limits.globalPerMinute, now)) {
            m_global.tokens -= 1;
            notification.replacesId = *open;
            return Verdict::Show;
        }
        return hold(now, message);
    }
    auto rule = m_rules.find(ruleId);
    if (rule == m_rules.end())
        rule = m_rules.insert(ruleId, Bucket { m_limits.perRulePerMinute, now });
    // Both buckets must have a token; only then is one taken from each.
    if (hasToken(m_global, m_limits.globalPerMinute, now)
        && hasToken(*rule, m_limits.perRulePerMinute, now)) {
        m_global.tokens -= 1;
        rule->tokens -= 1;
        return Verdict::Show;
    }
    return hold(now, message);
}

BurstControl::Verdict BurstControl::hold(
    std::chrono::steady_clock::time_point now, const JsonValue &message)
{
    if (!m_firstHeld)
        m_firstHeld = now;
    ++m_heldCount;
    if (static_cast<qsizetype>(m_held.size()) < MaxHeldBodies)
        m_held.push_back(forGrouping(message));
    return Verdict::Held;
}

void BurstControl::noteShown(uint id, const QString &objectKey)
{
    if (!objectKey.isEmpty())
        m_openByObject.insert(objectKey, id);
}

void BurstControl::noteClosed(uint id)
{
    for (auto it = m_openByObject.begin(); it != m_openByObject.end();) {
        if (*it == id)
            it = m_openByObject.erase(it);
        else
            ++it;
    }
}

void BurstControl::setLimits(Limits limits)
{
    m_limits = limits;
    m_global.tokens = std::min(m_global.tokens, m_limits.globalPerMinute);
    for (Bucket &bucket : m_rules)
        bucket.tokens = std::min(bucket.tokens, m_limits.perRulePerMinute);
}

std::optional<std::chrono::steady_clock::time_point> BurstControl::digestDue() const
{
    if (!m_firstHeld)
        return std::nullopt;
    return *m_firstHeld + m_limits.digestWindow;
}

std::optional<Notification> BurstControl::takeDigest(const Renderer &renderer, bool force)
{
    const auto due = digestDue();
    if (!due || (!force && m_clock() < *due))
        return std::nullopt;
    const auto count = static_cast<int>(std::min<qsizetype>(m_heldCount, INT_MAX));
    QStringList lines;
    const QList<Conglomerate> groups = Conglomerator(renderer).conglomerate(m_held);
    for (const Conglomerate &g : groups) {
        if (lines.size() == DigestLines)
            break;
        lines.append(g.subtitle);
    }
    int shown = 0;
    for (const Conglomerate &g :
        std::as_const(groups).first(std::min<qsizetype>(groups.size(), DigestLines)))
        shown += g.count;
    if (shown < count)
        lines.append(QCoreApplication::translate(
            "fedmsg::BurstControl", "… and %n more", nullptr, count - shown));
    Notification digest;
    digest.summary =
        QCoreApplication::translate("fedmsg::BurstControl", "%n new messages", nullptr, count);
    digest.body = lines.join(QLatin1Char('\n'));
    digest.category = QStringLiteral("x-fedmsg.digest");
    m_held = {}; // its capacity too
    m_heldCount = 0;
    m_firstHeld.reset();
    return digest;
}

} // namespace fedmsg
