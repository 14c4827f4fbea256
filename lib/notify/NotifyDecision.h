// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "notify/Notification.h"

#include <QString>

namespace fedmsg {

/**
 * @brief What the rules stage decided about how one message is notified: the notifier's policy
 * input. The rules stage fills it; until it does, the defaults below are what every message gets.
 */
struct NotifyDecision
{
    Notification::Urgency urgency = Notification::Urgency::Normal;
    int timeoutMs = -1; ///< -1 = the server's default; 0 = sticky (stays until dismissed)
    QString ruleId; ///< the rule that matched (per-rule burst limits key on it); empty = none
    QString why; ///< the explanation the "Why?" action shows; empty = no explanation known
    bool digest = false; ///< the rule asks for the message to wait for the next digest popup
    bool mayBreakThrough = false; ///< passes do-not-disturb (critical rules)

    bool operator==(const NotifyDecision &) const = default;
};

} // namespace fedmsg
