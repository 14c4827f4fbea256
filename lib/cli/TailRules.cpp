// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "cli/TailRules.h"

#include "cli/TailOptions.h"
#include "cli/TerminalText.h"
#include "engine/RuleStorage.h"
#include "message/Envelope.h"
#include "packages/PackageDirectory.h"
#include "render/Renderer.h"
#include "rules/RuleExplainer.h"
#include "rules/RuleFile.h"
#include "settings/Settings.h"

#include <QStringList>

namespace fedmsg {

std::optional<TailRules> TailRules::create(
    const TailOptions &options, std::shared_ptr<const Renderer> renderer, QString *error)
{
    TailRules t;
    t.m_renderer = std::move(renderer);
    t.m_stage = rules::RulesStage(std::make_shared<rules::MessageTypeCatalog>(*t.m_renderer));
    t.m_filter = !options.rulesFile.isEmpty();
    t.m_explain = options.explain;
    rules::RuleContext context;
    // The applet's settings, never written: its toggles and account, and its rules unless a
    // file replaces them.
    Settings settings(
        options.settingsFile.isEmpty() ? Settings::defaultPath() : options.settingsFile,
        Settings::Mode::ReadOnly);
    context.account = options.account.isEmpty() ? settings.fedoraAccount() : options.account;
    QList<rules::RuleError> errors;
    if (t.m_filter) {
        const std::optional<rules::RuleSet> set =
            rules::RuleFile::read(options.rulesFile, &t.m_stage.catalog(), &errors);
        if (!set) {
            QStringList lines;
            for (const rules::RuleError &e : std::as_const(errors))
                lines << e.toString();
            *error = lines.join(QLatin1Char('\n'));
            return std::nullopt;
        }
        t.m_stage.setRules(*set);
    } else {
        const QByteArray json = settings.rulesJson();
        std::optional<rules::RuleSet> set = json.isEmpty()
            ? RuleStorage::firstRunRules()
            : rules::RuleSet::fromJson(json, &t.m_stage.catalog(), &errors);
        t.m_stage.setRules(set ? *set : RuleStorage::firstRunRules());
        t.m_stage.setToggles(rules::MessageTypeToggles(settings.messageTypesOff()));
    }
    // Package conditions read the sets the applet caches (at once when it has run), fetched
    // from dist-git otherwise; until a set is known its conditions say so (--explain).
    t.m_packages = std::make_shared<packages::PackageDirectory>(
        packages::PackageDirectoryOptions::forFedmsgNotify());
    context.packages = t.m_packages.get();
    t.m_stage.setContext(context);
    QStringList maintainers = t.m_stage.rules().maintainers();
    if (!context.account.isEmpty())
        maintainers.prepend(context.account);
    t.m_packages->track(maintainers);
    return t;
}

TailRules::Verdict TailRules::judge(const Envelope &envelope) const
{
    Verdict v;
    const Rendering rendering = m_renderer->render(envelope);
    if (m_explain) {
        const rules::RuleExplanation e = m_stage.explain(
            envelope, rendering, rules::RulesStage::agentOf(*m_renderer, envelope, rendering));
        v.decision = e.decision;
        // Details come from the message: shown escaped like everything else it contributes.
        v.explanation =
            QStringLiteral("  => %1: %2")
                .arg(v.decision.decisionName(),
                    TerminalText::escape(rules::RuleExplainer::sentence(m_stage.rules(), e)));
    } else {
        v.decision = m_stage.decide(envelope, rendering, *m_renderer);
    }
    v.show = m_explain || !m_filter || v.decision.action.popsUp();
    return v;
}

} // namespace fedmsg
