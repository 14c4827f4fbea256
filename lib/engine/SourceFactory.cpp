// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "engine/SourceFactory.h"

#include "bus/ZmqSource.h"

namespace fedmsg {

std::unique_ptr<Source> SourceFactory::create(const BusConfig &bus)
{
    switch (bus.transport) {
    case BusConfig::Transport::ZeroMq:
        return std::make_unique<ZmqSource>(bus);
    case BusConfig::Transport::Amqp:
        return nullptr; // the AMQP source plugs in here
    }
    return nullptr;
}

} // namespace fedmsg
