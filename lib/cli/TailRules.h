// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "rules/RuleDecision.h"
#include "rules/RulesStage.h"

#include <QString>

#include <memory>
#include <optional>

namespace fedmsg {

namespace packages {
class PackageDirectory;
}

class Envelope;
class Renderer;
struct TailOptions;

/**
 * @brief fedmsg-tail's `--rules FILE` and `--explain`: the applet's rules stage on the terminal.
 *
 * `--rules FILE` shows only what the rules would pop up (notify or digest). `--explain` shows
 * every message with the decision under it ("  => notify: rule 'My builds': ..."); without
 * `--rules` it explains the applet's own rules, toggles and account (its settings file, read
 * only). `--account NAME` says who "me" is.
 */
class TailRules
{
public:
    /// The rules asked for; nullopt with *error when the rule file cannot be used (each
    /// problem on its own line).
    static std::optional<TailRules> create(
        const TailOptions &options, std::shared_ptr<const Renderer> renderer, QString *error);

    struct Verdict
    {
        bool show = true;
        QString explanation; ///< with --explain: one terminal-safe line, else ""
        rules::RuleDecision decision;
    };
    [[nodiscard]] Verdict judge(const Envelope &envelope) const;

private:
    TailRules() = default;
    std::shared_ptr<const Renderer> m_renderer;
    /// The package sets "maintained by me / by …" and "installed here" read: the applet's
    /// cache, fetched from dist-git when missing or old.
    std::shared_ptr<packages::PackageDirectory> m_packages;
    rules::RulesStage m_stage;
    bool m_filter = false;
    bool m_explain = false;
};

} // namespace fedmsg
