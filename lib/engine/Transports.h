// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

namespace fedmsg {

/**
 * @brief Plugs the transports above lib/bus into it: the AMQP source into SourceFactory, and the
 * fedora-messaging presets and an imported fedora-messaging config.toml into BusPresets.
 * Idempotent; call once at start-up (Engine's constructor does).
 */
class Transports
{
public:
    static void registerAll();
};

} // namespace fedmsg
