// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QString>

namespace fedmsg {

/// @brief One row of the tray's "Recent messages" menu, as a person reads it.
struct RecentEntry
{
    qint64 id = 0; ///< the message's row id in the history (0 = not stored)
    QString title; ///< plain-language title ("Bodhi: comment on update")
    QString text; ///< the rendering's subtitle
    QString link; ///< untrusted text: openers check the scheme (http/https only)
    QString trustLabel; ///< empty for a signed message, else trustLabel() ("broker, unsigned")
};

} // namespace fedmsg
