// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "rules/UntrustedPolicy.h"

#include <QDateTime>
#include <QString>

namespace fedmsg::packages {
class PackageSets;
}

namespace fedmsg::rules {

/// @brief What the rules know about the user and the moment: the Fedora account ("I",
/// "me"), the package sets, and the time (mute rules end).
struct RuleContext
{
    QString account; ///< the user's Fedora account name; empty = not known yet
    const packages::PackageSets *packages = nullptr; ///< null = no package sources here
    QDateTime now; ///< UTC; invalid = the current time
    /// Untrusted messages no rule asks for by name: hidden, history only or shown marked.
    UntrustedPolicy untrusted = UntrustedPolicy::HistoryOnly;
};

} // namespace fedmsg::rules
