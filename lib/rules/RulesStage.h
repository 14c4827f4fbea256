// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// lib/rules: the user's say over what pops up. Between rendering and history: every rendered
// message goes through the message-type toggles and the ordered filter rules, and leaves with a
// decision (notify, history only, drop, digest, mute) that History stores with it. It never
// blocks, never touches the network (package sets are read as snapshots) and never shows
// anything.

#include "rules/MessageTypeCatalog.h"
#include "rules/MessageTypeToggles.h"
#include "rules/RuleContext.h"
#include "rules/RuleDecision.h"
#include "rules/RuleExplanation.h"
#include "rules/RuleSet.h"

#include <QDateTime>

#include <functional>
#include <memory>

namespace fedmsg {
class Envelope;
class Renderer;
struct Rendering;
} // namespace fedmsg

namespace fedmsg::rules {

struct RuleSubject;

/**
 * @brief Toggles + rules + the trust policy, as the engine and fedmsg-tail run them.
 *
 * Without setRules() every message pops up (the default action is notify), untrusted ones
 * excepted: what the engine did before rules existed. The applet sets the user's rules.
 * @code
 * RulesStage stage(std::make_shared<MessageTypeCatalog>(renderer));
 * stage.setRules(ruleSet);
 * const RuleDecision d = stage.decide(envelope, rendering, RulesStage::agentOf(renderer, ...));
 * @endcode
 */
class RulesStage
{
public:
    RulesStage();
    explicit RulesStage(std::shared_ptr<const MessageTypeCatalog> catalog);

    [[nodiscard]] const MessageTypeCatalog &catalog() const { return *m_catalog; }
    [[nodiscard]] std::shared_ptr<const MessageTypeCatalog> sharedCatalog() const
    {
        return m_catalog;
    }
    void setRules(RuleSet rules) { m_rules = std::move(rules); }
    [[nodiscard]] const RuleSet &rules() const { return m_rules; }
    void setToggles(MessageTypeToggles toggles) { m_toggles = std::move(toggles); }
    [[nodiscard]] const MessageTypeToggles &toggles() const { return m_toggles; }
    void setContext(RuleContext context) { m_context = std::move(context); }
    [[nodiscard]] const RuleContext &context() const { return m_context; }
    /// The clock mute rules are judged by (default: the real UTC clock).
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    [[nodiscard]] RuleDecision decide(
        const Envelope &envelope, const Rendering &rendering, const QString &agent) const;
    /// The same, finding the agent through @p renderer only if a rule asks who did it.
    [[nodiscard]] RuleDecision decide(
        const Envelope &envelope, const Rendering &rendering, const Renderer &renderer) const;
    [[nodiscard]] RuleDecision decide(const RuleSubject &subject) const;
    [[nodiscard]] RuleExplanation explain(
        const Envelope &envelope, const Rendering &rendering, const QString &agent) const;

    /// Who did it: the schema's agent name (fedora-messaging) or fedmsg.meta's msg2agent.
    static QString agentOf(
        const Renderer &renderer, const Envelope &envelope, const Rendering &rendering);

private:
    [[nodiscard]] RuleContext contextNow() const;
    void applyToggles(RuleDecision *decision) const;

    std::shared_ptr<const MessageTypeCatalog> m_catalog;
    RuleSet m_rules;
    MessageTypeToggles m_toggles;
    RuleContext m_context;
    std::function<QDateTime()> m_clock;
};

} // namespace fedmsg::rules
