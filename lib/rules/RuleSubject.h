// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "message/Envelope.h"
#include "render/Rendering.h"

#include <QString>

namespace fedmsg::rules {

/// @brief One message as the rules see it: the envelope, its rendering and the few values
/// computed once per message (not once per condition). Refers to the caller's objects.
struct RuleSubject
{
    const Envelope &envelope;
    const Rendering &rendering;
    QString topic; ///< envelope.topic()
    QString agent; ///< who did it: Rendering::agentName, or fedmsg.meta's msg2agent
    QString type; ///< MessageTypeCatalog::typeOf(), "service/kind"
};

} // namespace fedmsg::rules
