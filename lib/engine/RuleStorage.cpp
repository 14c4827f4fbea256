// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "engine/RuleStorage.h"

#include "rules/RuleFile.h"
#include "rules/StarterRules.h"
#include "settings/Settings.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcRuleStorage, "fedmsg.rules")

namespace fedmsg {

rules::RuleSet RuleStorage::firstRunRules()
{
    return rules::RuleSet {};
}

rules::RuleSet RuleStorage::demoRules()
{
    rules::RuleSet set;
    set.defaultAction = rules::RuleAction::notify();
    return set;
}

StoredRules RuleStorage::load(Settings &settings, const rules::MessageTypeCatalog *catalog)
{
    StoredRules out;
    const QByteArray json = settings.rulesJson();
    if (json.isEmpty()) {
        out.newProfile = true;
        out.rules = firstRunRules();
    } else {
        std::optional<rules::RuleSet> set = rules::RuleSet::fromJson(json, catalog, &out.errors);
        if (set) {
            out.rules = std::move(*set);
        } else {
            out.keptAside = settings.keepRulesAside();
            out.rules = firstRunRules();
            qCWarning(lcRuleStorage).noquote()
                << "the stored rules cannot be read:" << out.errors.value(0).toString()
                << "; kept them as" << out.keptAside << "and using the first-run rules";
        }
        for (const rules::RuleError &e : std::as_const(out.errors))
            if (out.keptAside.isEmpty())
                qCWarning(lcRuleStorage).noquote() << "rule left out:" << e.toString();
    }
    if (out.newProfile && offerStarterRules(settings, catalog)) {
        out.starterRulesAdded = true;
        out.rules = *rules::RuleSet::fromJson(settings.rulesJson(), catalog, &out.errors);
    }
    return out;
}

void RuleStorage::save(Settings &settings, const rules::RuleSet &rules)
{
    settings.setRulesJson(rules.toJson());
}

bool RuleStorage::offerStarterRules(Settings &settings, const rules::MessageTypeCatalog *catalog)
{
    if (settings.fedoraAccount().isEmpty() || settings.starterRulesOffered())
        return false;
    QList<rules::RuleError> errors;
    rules::RuleSet set = firstRunRules();
    if (!settings.rulesJson().isEmpty()) {
        std::optional<rules::RuleSet> stored =
            rules::RuleSet::fromJson(settings.rulesJson(), catalog, &errors);
        if (!stored || !errors.isEmpty())
            return false; // never overwrite what could not be read whole
        set = std::move(*stored);
    }
    // The starter rules not there yet go first, in their own order.
    QList<rules::Rule> missing;
    for (const rules::Rule &starter : rules::StarterRules::make())
        if (!set.rule(starter.id))
            missing.append(starter);
    set.rules = missing + set.rules;
    save(settings, set);
    settings.setStarterRulesOffered(true);
    return true;
}

bool RuleStorage::addFirst(Settings &settings,
    const rules::Rule &rule,
    const rules::MessageTypeCatalog *catalog,
    QString *error)
{
    rules::RuleSet set = firstRunRules();
    if (!settings.rulesJson().isEmpty()) {
        QList<rules::RuleError> errors;
        std::optional<rules::RuleSet> stored =
            rules::RuleSet::fromJson(settings.rulesJson(), catalog, &errors);
        if (!stored || !errors.isEmpty()) {
            *error = errors.isEmpty() ? QStringLiteral("the stored rules cannot be read")
                                      : errors.first().toString();
            return false;
        }
        set = std::move(*stored);
    }
    set.rules.removeIf([&](const rules::Rule &r) {
        return r.id == rule.id;
    });
    set.rules.prepend(rule);
    save(settings, set);
    return true;
}

bool RuleStorage::importFile(Settings &settings,
    const QString &path,
    const rules::MessageTypeCatalog *catalog,
    QList<rules::RuleError> *errors)
{
    const std::optional<rules::RuleSet> set = rules::RuleFile::read(path, catalog, errors);
    if (!set)
        return false;
    save(settings, *set);
    return true;
}

bool RuleStorage::exportFile(const Settings &settings,
    const QString &path,
    const rules::MessageTypeCatalog *catalog,
    QString *error)
{
    QList<rules::RuleError> errors;
    const QByteArray json = settings.rulesJson();
    const std::optional<rules::RuleSet> set =
        json.isEmpty() ? firstRunRules() : rules::RuleSet::fromJson(json, catalog, &errors);
    if (!set || !errors.isEmpty()) {
        *error = errors.value(0).toString();
        return false;
    }
    return rules::RuleFile::write(path, *set, error);
}

} // namespace fedmsg
