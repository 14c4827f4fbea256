// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace fedmsg::rules {

/**
 * @brief What happens to a message a rule matched (or that no rule matched: the default).
 *
 * JSON: {"action": "notify", "urgency": "critical", "sticky": true} or
 * {"action": "notify", "timeout": 5000}, {"action": "history"}, {"action": "drop"},
 * {"action": "digest"}, {"action": "mute", "until": "2026-12-06T00:00:00Z"}.
 * A mute rule matches only until its time; after it the rule is passed over.
 */
struct RuleAction
{
    enum class Kind {
        Notify, ///< pop up
        HistoryOnly, ///< store, no popup
        Drop, ///< do not show anywhere (still stored: the history keeps every message)
        Digest, ///< collect into the next digest notification
        Mute, ///< history only until muteUntil
    };
    enum class Urgency { Low, Normal, Critical };

    Kind kind = Kind::HistoryOnly;
    Urgency urgency = Urgency::Normal;
    bool sticky = false; ///< stays until dismissed (notify)
    int timeoutMs = -1; ///< -1: the notification server's default (notify)
    QDateTime muteUntil; ///< UTC (mute)

    /// "notify", "history", "drop", "digest", "mute": the value History stores as decision.
    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);
    static QString urgencyName(Urgency urgency); ///< "low", "normal", "critical"

    static RuleAction notify(Urgency urgency = Urgency::Normal);
    static RuleAction historyOnly();
    static RuleAction mute(const QDateTime &until);

    /// Whether the message pops up (now or in a digest).
    [[nodiscard]] bool popsUp() const { return kind == Kind::Notify || kind == Kind::Digest; }

    [[nodiscard]] QJsonObject toJson() const;
    /// Reads the object written by toJson(); on a problem returns nullopt with the offending
    /// key in *field and what is wrong in *problem.
    static std::optional<RuleAction> fromJson(
        const QJsonObject &object, QString *field, QString *problem);

    bool operator==(const RuleAction &) const = default;
};

} // namespace fedmsg::rules
