// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "rules/RuleError.h"

namespace fedmsg::rules {

QString RuleError::toString() const
{
    QString where;
    if (!rule.isEmpty())
        where = QStringLiteral("rule '%1'").arg(rule);
    if (!field.isEmpty())
        where += (where.isEmpty() ? QString() : QStringLiteral(", "))
            + QStringLiteral("field %1").arg(field);
    return where.isEmpty() ? problem : where + QStringLiteral(": ") + problem;
}

} // namespace fedmsg::rules
