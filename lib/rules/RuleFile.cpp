// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "rules/RuleFile.h"

#include <QFile>
#include <QSaveFile>

namespace fedmsg::rules {

std::optional<RuleSet> RuleFile::read(
    const QString &path, const MessageTypeCatalog *catalog, QList<RuleError> *errors)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        errors->append(RuleError { {}, {}, QStringLiteral("%1: %2").arg(path, f.errorString()) });
        return std::nullopt;
    }
    if (f.size() > MaxBytes) {
        errors->append(RuleError { {},
            {},
            QStringLiteral("%1: larger than %2 MiB, not read").arg(path).arg(MaxBytes >> 20) });
        return std::nullopt;
    }
    QList<RuleError> found;
    std::optional<RuleSet> set = RuleSet::fromJson(f.readAll(), catalog, &found);
    for (RuleError &e : found)
        e.problem = path + QStringLiteral(": ") + e.problem;
    errors->append(found);
    if (!found.isEmpty())
        return std::nullopt;
    return set;
}

bool RuleFile::write(const QString &path, const RuleSet &rules, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(rules.toJson()) < 0 || !f.commit()) {
        *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace fedmsg::rules
