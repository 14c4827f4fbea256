// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "render/Conglomerate.h"
#include "json/JsonValue.h"

#include <QList>

#include <vector>

namespace fedmsg {

class Renderer;

/**
 * @brief Groups messages received in a time window, like fedmsg.meta.conglomerate: the Python
 * conglomerators' logic for bodhi (requests, comments, overrides) and pagure (PRs, issues,
 * commits), then a generic "N <service label> events" group for any other service that sent
 * more than one message, then every remaining message as its own one-element group.
 */
class Conglomerator
{
public:
    explicit Conglomerator(const Renderer &renderer);

    /// @p messages are fedmsg dicts ({"topic":..., "msg":..., "timestamp":..., "msg_id":...}).
    QList<Conglomerate> conglomerate(
        const std::vector<JsonValue> &messages, bool generic = true) const;

private:
    const Renderer &m_renderer;
};

} // namespace fedmsg
