// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QString>

namespace fedmsg::rules {

/**
 * @brief What happens to a message whose fedmsg signature is missing or failed
 * (TrustState::Untrusted) when no rule asks for untrusted messages by name.
 *
 * Stored in the settings as "hide", "history" (the default) or "show".
 */
enum class UntrustedPolicy : char {
    Hide, ///< kept, but shown nowhere (RuleAction::Kind::Drop)
    HistoryOnly, ///< in the history window, never a popup (the default)
    ShowMarked, ///< as any message, the popup marked untrusted (PopupText's trust label)
};

inline QString untrustedPolicyName(UntrustedPolicy policy)
{
    switch (policy) {
    case UntrustedPolicy::Hide:
        return QStringLiteral("hide");
    case UntrustedPolicy::ShowMarked:
        return QStringLiteral("show");
    case UntrustedPolicy::HistoryOnly:
        break;
    }
    return QStringLiteral("history");
}

/// The policy named by untrustedPolicyName(); any other name is HistoryOnly.
inline UntrustedPolicy untrustedPolicyFromName(const QString &name)
{
    if (name == QLatin1String("hide"))
        return UntrustedPolicy::Hide;
    if (name == QLatin1String("show"))
        return UntrustedPolicy::ShowMarked;
    return UntrustedPolicy::HistoryOnly;
}

} // namespace fedmsg::rules
