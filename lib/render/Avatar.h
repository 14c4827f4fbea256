// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QString>

namespace fedmsg {

/// @brief libravatar URLs exactly as fedmsg_meta_fedora_infrastructure's fasshim builds them.
class Avatar
{
public:
    /// sha256("http://<user>.id.fedoraproject.org/"), or the hard-coded bodhi/koschei/taskotron
    /// icons.
    static QString forUser(
        const QString &username, int size = 64, const QString &def = QStringLiteral("retro"));
    static QString forOpenId(
        const QString &openid, int size = 64, const QString &def = QStringLiteral("retro"));
    /// md5 of the address.
    static QString forEmail(
        const QString &email, int size = 64, const QString &def = QStringLiteral("retro"));
};

} // namespace fedmsg
