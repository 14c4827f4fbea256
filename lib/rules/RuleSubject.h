// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "message/Envelope.h"
#include "render/Rendering.h"

#include <QString>

#include <optional>
#include <string_view>

namespace fedmsg {
class Renderer;
}

namespace fedmsg::rules {

/// @brief One message as the rules see it: the envelope, its rendering and the few values
/// computed once per message (not once per condition). Refers to the caller's objects.
struct RuleSubject
{
    RuleSubject(const Envelope &envelope_,
        const Rendering &rendering_,
        QString topic_,
        QString type_,
        std::optional<QString> knownAgent_ = std::nullopt,
        const Renderer *renderer_ = nullptr)
        : envelope(envelope_)
        , rendering(rendering_)
        , topic(std::move(topic_))
        , type(std::move(type_))
        , knownAgent(std::move(knownAgent_))
        , renderer(renderer_)
    {}

    const Envelope &envelope;
    const Rendering &rendering;
    QString topic; ///< envelope.topic()
    QString type; ///< MessageTypeCatalog::typeOf(), "service/kind"
    /// Who did it, when the caller knows; else found through @c renderer when a condition
    /// first asks (fedmsg.meta's msg2agent runs the processor again: only "by me" needs it).
    std::optional<QString> knownAgent;
    const Renderer *renderer = nullptr;

    /// The envelope carries no body yet (a rule preview's first pass over a stored row): body
    /// conditions (but those bodyText decides), and "by me" when the agent must be found in the
    /// body, are Unknown. A tree that is True or False all the same does not depend on the body.
    bool bodyDeferred = false;
    /// With bodyDeferred: the body's JSON text, when known (empty: not known). A string
    /// condition (==, !=, contains) is decided on it when the text has no escape and no trace
    /// of the string.
    std::string_view bodyText;

    mutable std::optional<QString> agentCache; ///< agent() fills it

    /// Whether agent() has to read the body (as RulesStage::agentOf: no known agent, a
    /// renderer, no rendered agent name, a fedmsg message).
    [[nodiscard]] bool agentNeedsBody() const
    {
        return !agentCache && !knownAgent && renderer != nullptr && rendering.agentName.isEmpty()
            && envelope.transport() != Envelope::Transport::Amqp;
    }

    /// knownAgent, else Rendering::agentName or fedmsg.meta's msg2agent; computed once.
    const QString &agent() const;
};

} // namespace fedmsg::rules
