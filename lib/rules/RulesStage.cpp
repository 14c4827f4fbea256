// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "rules/RulesStage.h"

#include "message/Envelope.h"
#include "render/Renderer.h"
#include "render/Rendering.h"
#include "rules/RuleSubject.h"

namespace fedmsg::rules {

RulesStage::RulesStage()
    : RulesStage(std::make_shared<MessageTypeCatalog>())
{}

RulesStage::RulesStage(std::shared_ptr<const MessageTypeCatalog> catalog)
    : m_catalog(catalog ? std::move(catalog) : std::make_shared<MessageTypeCatalog>())
{
    m_rules.defaultAction = RuleAction::notify();
}

RuleContext RulesStage::contextNow() const
{
    RuleContext c = m_context;
    if (!c.now.isValid())
        c.now = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
    return c;
}

void RulesStage::applyToggles(RuleDecision *decision) const
{
    if (decision->action.popsUp() && !m_toggles.isOn(decision->type)) {
        decision->action = RuleAction::historyOnly();
        decision->why = RuleDecision::Why::TypeOff;
    }
}

RuleDecision RulesStage::decide(
    const Envelope &envelope, const Rendering &rendering, const QString &agent) const
{
    const QString topic = envelope.topic();
    const RuleSubject subject {
        envelope, rendering, topic, m_catalog->typeOf(topic, rendering), agent
    };
    return decide(subject);
}

RuleDecision RulesStage::decide(
    const Envelope &envelope, const Rendering &rendering, const Renderer &renderer) const
{
    const QString topic = envelope.topic();
    const RuleSubject subject {
        envelope, rendering, topic, m_catalog->typeOf(topic, rendering), std::nullopt, &renderer
    };
    return decide(subject);
}

RuleDecision RulesStage::decide(const RuleSubject &subject) const
{
    RuleDecision d = m_rules.decide(subject, contextNow());
    applyToggles(&d);
    return d;
}

RuleExplanation RulesStage::explain(
    const Envelope &envelope, const Rendering &rendering, const QString &agent) const
{
    const QString topic = envelope.topic();
    const RuleSubject subject {
        envelope, rendering, topic, m_catalog->typeOf(topic, rendering), agent
    };
    RuleExplanation e = m_rules.explain(subject, contextNow());
    applyToggles(&e.decision);
    return e;
}

const QString &RuleSubject::agent() const
{
    if (!agentCache)
        agentCache = knownAgent ? *knownAgent
                                : (renderer ? RulesStage::agentOf(*renderer, envelope, rendering)
                                            : rendering.agentName);
    return *agentCache;
}

QString RulesStage::agentOf(
    const Renderer &renderer, const Envelope &envelope, const Rendering &rendering)
{
    if (!rendering.agentName.isEmpty() || envelope.transport() == Envelope::Transport::Amqp)
        return rendering.agentName;
    return renderer.agent(envelope.body());
}

} // namespace fedmsg::rules
