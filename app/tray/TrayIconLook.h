// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

namespace fedmsg {

/**
 * @brief Everything the tray icon's pixels show: the connection state, the emblems and the
 * unread badge. Two equal looks draw the same icon (the tray re-renders only on a change).
 */
struct TrayIconLook
{
    enum class Connection { NoBus, Connecting, Connected, AllDown };
    Connection connection = Connection::NoBus;
    bool paused = false;
    bool noNotificationServer = false;
    bool untrustedSeen = false;
    int unread = 0; ///< the badge; 0 = no badge, above 99 shows "99+"
    bool darkPanel = false; ///< light glyph for a dark panel

    bool operator==(const TrayIconLook &) const = default;
};

} // namespace fedmsg
