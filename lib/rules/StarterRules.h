// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "rules/Rule.h"

#include <QList>
#include <QString>

namespace fedmsg::rules {

/**
 * @brief The rules a new profile is offered once the user's Fedora account is known: builds
 * and updates of packages I maintain, comments on my updates, messages that mention me. Each
 * notifies, none of them on my own actions. They name no account (the rules' context does),
 * so they follow a change of account.
 */
class StarterRules
{
public:
    static QList<Rule> make();
    /// What they do, in a sentence for the first-run notification (translated).
    static QString explanation();
};

} // namespace fedmsg::rules
