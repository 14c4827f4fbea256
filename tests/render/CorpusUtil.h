// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// Helpers shared by the render tests: read a JSONL corpus, compare fields, print tables.

#include "render/Py.h"
#include "json/JsonParser.h"
#include "json/JsonValue.h"

#include <QDebug>
#include <QFile>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <vector>

namespace fedmsg::test {

inline std::vector<JsonValue> readJsonl(const QString &path, QString *error)
{
    std::vector<JsonValue> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1").arg(path);
        return out;
    }
    int line = 0;
    while (!f.atEnd()) {
        const QByteArray l = f.readLine().trimmed();
        ++line;
        if (l.isEmpty())
            continue;
        JsonParseError e;
        auto v = JsonParser::parse(
            std::string_view(l.constData(), static_cast<std::size_t>(l.size())), &e);
        if (!v) {
            *error = QStringLiteral("%1:%2: %3")
                         .arg(path)
                         .arg(line)
                         .arg(QString::fromStdString(e.toString()));
            return {};
        }
        out.push_back(std::move(*v));
    }
    return out;
}

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

/// Cases passed/failed; a failing case is printed with its wrong fields.
struct CaseTally
{
    int passed = 0;
    int failed = 0;
    void add(const QString &id, const QStringList &badFields)
    {
        if (badFields.isEmpty()) {
            ++passed;
            return;
        }
        ++failed;
        qInfo().noquote() << "FAIL" << id << "\n   " << badFields.join(QStringLiteral("\n    "));
    }
    /// Prints the field table and the final "N passed, M failed" line.
    void print(const FieldTable &table) const
    {
        table.print();
        qInfo().noquote() << QStringLiteral("%1 passed, %2 failed").arg(passed).arg(failed);
    }
};

} // namespace fedmsg::test
