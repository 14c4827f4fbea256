// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "bus/BusConfig.h"

#include <QList>

namespace fedmsg {

/**
 * @brief The ZeroMQ (fedmsg) buses the applet knows out of the box.
 *
 * The whole list the UI shows (these, fedora-messaging's, and the ones imported from fedmsg.d
 * and fedora-messaging's config.toml) is Transports::presets() in lib/engine.
 */
class BusPresets
{
public:
    /// Fedora's historical public gateway; off: Fedora retired fedmsg in 2024.
    static BusConfig fedoraFedmsg();
    /// Debian's fedmsg gateway (fedmsg.olasd.eu); off.
    static BusConfig debianFedmsg();
    /// The ZeroMQ presets above.
    static QList<BusConfig> zeroMqPresets();
    /// buses without those whose name an earlier one has already (the first one wins).
    static QList<BusConfig> uniqueByName(const QList<BusConfig> &buses);
};

} // namespace fedmsg
