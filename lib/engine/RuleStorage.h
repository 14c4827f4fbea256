// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "rules/RuleError.h"
#include "rules/RuleSet.h"

#include <QList>
#include <QString>

namespace fedmsg {

class Settings;
namespace rules {
class MessageTypeCatalog;
}

/// @brief The rules Settings holds, read: what the engine runs and what went wrong.
struct StoredRules
{
    rules::RuleSet rules;
    QList<rules::RuleError>
        errors; ///< rules left out (each named) or why the document was not read
    QString keptAside; ///< the settings key an unreadable document was moved to, "" if none
    bool newProfile = false; ///< nothing was stored: the safe first-run rules are in effect
    bool starterRulesAdded = false; ///< the starter rules were just offered (say so once)
};

/**
 * @brief Rules between Settings (one JSON document under `Rules/v1`) and the engine, with the
 * safe first run: a new profile keeps everything in the history (default action history only)
 * until the starter rules are offered, once the account is known.
 */
class RuleStorage
{
public:
    /// Reads the stored rules. Nothing stored: the first-run rules (and the starter rules when
    /// the account is known and they were never offered). A document that cannot be read is
    /// kept aside (Settings::keepRulesAside) and the first-run rules used; a document with some
    /// bad rules keeps the good ones and names the others in errors (it is not rewritten).
    static StoredRules load(Settings &settings, const rules::MessageTypeCatalog *catalog);
    static void save(Settings &settings, const rules::RuleSet &rules);
    /// Adds the starter rules (ahead of the user's) if they were never offered and the account
    /// is known; returns whether it did.
    static bool offerStarterRules(Settings &settings, const rules::MessageTypeCatalog *catalog);
    /// Puts @p rule first, replacing a stored rule with its id ("Mute…" twice on one type).
    /// Refused with the reason in *error when the stored rules cannot be read whole: a
    /// rewrite would lose the rules that were left out.
    static bool addFirst(Settings &settings,
        const rules::Rule &rule,
        const rules::MessageTypeCatalog *catalog,
        QString *error);
    /// Replaces the stored rules by a rule file's, all or nothing.
    static bool importFile(Settings &settings,
        const QString &path,
        const rules::MessageTypeCatalog *catalog,
        QList<rules::RuleError> *errors);
    static bool exportFile(const Settings &settings,
        const QString &path,
        const rules::MessageTypeCatalog *catalog,
        QString *error);
    /// A new profile's rules: none, default history only.
    static rules::RuleSet firstRunRules();
    /// `--demo`'s own profile: everything pops up (never saved).
    static rules::RuleSet demoRules();
};

} // namespace fedmsg
