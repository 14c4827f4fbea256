// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// Helpers shared by the render corpus tests: expected values, the per-field table. Reading the
// corpus is tests/JsonLines.h, counting cases tests/CaseTally.h.

#include "CaseTally.h"
#include "JsonLines.h"
#include "render/Py.h"
#include "json/JsonValue.h"

#include <QDebug>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <vector>

namespace fedmsg::test {

/// Python-ish text of an expected scalar: None -> "" (Rendering has no null), else str().
inline QString expectedText(const JsonValue &v)
{
    return v.isNull() ? QString() : render::Py::str(v);
}

inline QStringList expectedList(const JsonValue &v)
{
    QStringList out;
    for (const JsonValue &e : v.array())
        out << render::Py::str(e);
    return render::Py::sortedUnique(out);
}

/// Per-field matched/total table.
struct FieldTable
{
    QMap<QString, QPair<int, int>> counts;
    void add(const QString &field, bool ok)
    {
        auto &c = counts[field];
        c.second += 1;
        if (ok)
            c.first += 1;
    }
    void print() const
    {
        QTextStream out(stdout);
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            out << it.key() << ": " << it.value().first << "/" << it.value().second << " ("
                << QString::number(
                       100.0 * it.value().first / std::max(1, it.value().second), 'f', 1)
                << "%)\n";
        out.flush();
    }
};

} // namespace fedmsg::test
