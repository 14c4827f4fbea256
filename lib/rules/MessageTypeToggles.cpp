// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "rules/MessageTypeToggles.h"

namespace fedmsg::rules {

MessageTypeToggles::MessageTypeToggles(const QStringList &off)
{
    for (const QString &id : off)
        if (!id.isEmpty())
            m_off.insert(id);
}

bool MessageTypeToggles::isOn(const QString &type) const
{
    if (m_off.isEmpty() || type.isEmpty())
        return true;
    if (m_off.contains(type))
        return false;
    const qsizetype slash = type.indexOf(QLatin1Char('/'));
    return slash < 0 || !m_off.contains(type.left(slash));
}

void MessageTypeToggles::setOn(const QString &id, bool on)
{
    if (on)
        m_off.remove(id);
    else if (!id.isEmpty())
        m_off.insert(id);
}

QStringList MessageTypeToggles::off() const
{
    QStringList list(m_off.cbegin(), m_off.cend());
    list.sort();
    return list;
}

} // namespace fedmsg::rules
