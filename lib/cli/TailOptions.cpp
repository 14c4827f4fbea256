// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "cli/TailOptions.h"

namespace fedmsg {

bool TailOptions::needsRenderer() const
{
    return mode == TailFormatter::Mode::Terse || mode == TailFormatter::Mode::Cowsay
        || mode == TailFormatter::Mode::Gource || !users.isEmpty() || !packages.isEmpty()
        || !rulesFile.isEmpty() || explain;
}

TailFormatter TailOptions::formatter() const
{
    TailFormatter f;
    f.setMode(mode);
    if (mode == TailFormatter::Mode::Query)
        f.setQuery(query);
    f.setUsers(users);
    f.setPackages(packages);
    return f;
}

} // namespace fedmsg
