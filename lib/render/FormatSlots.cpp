// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/FormatSlots.h"

namespace fedmsg::render {

qsizetype FormatSlots::slotEnd(const QString &tmpl, qsizetype open)
{
    bool quoted = false;
    qsizetype j = open + 1;
    for (; j < tmpl.size(); ++j) {
        const QChar c = tmpl.at(j);
        if (c == QLatin1Char('\''))
            quoted = !quoted;
        else if (c == QLatin1Char('}') && !quoted)
            break;
    }
    return j;
}

bool FormatSlots::isSingleSlot(const QString &tmpl)
{
    return tmpl.startsWith(QLatin1Char('{')) && !tmpl.startsWith(QLatin1String("{{"))
        && slotEnd(tmpl, 0) == tmpl.size() - 1;
}

} // namespace fedmsg::render
