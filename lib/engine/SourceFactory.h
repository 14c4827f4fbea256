// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "bus/BusConfig.h"
#include "bus/Source.h"

#include <memory>

namespace fedmsg {

/// @brief Makes the Source that serves a bus: ZeroMQ for fedmsg buses, AMQP for fedora-messaging.
class SourceFactory
{
public:
    static std::unique_ptr<Source> create(const BusConfig &bus);
};

} // namespace fedmsg
