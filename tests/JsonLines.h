// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// The one reader of the JSON-lines files the tests, benchmarks and fuzz seeds use (test vectors,
// corpora, sample envelopes): one JSON value per line, blank lines ignored.

#include "json/JsonParser.h"
#include "json/JsonValue.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <string_view>
#include <vector>

namespace fedmsg::test {

/// The non-empty lines of a JSON-lines file, trimmed, as bytes (for benchmarks and memory tests
/// that hand them to the parser themselves). A file that cannot be read sets *error.
inline std::vector<QByteArray> readJsonLineBytes(const QString &path, QString *error)
{
    std::vector<QByteArray> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1").arg(path);
        return out;
    }
    while (!f.atEnd()) {
        QByteArray line = f.readLine().trimmed();
        if (!line.isEmpty())
            out.push_back(std::move(line));
    }
    return out;
}

/// Every line of a JSON-lines file, parsed. The first line that is not one JSON value sets
/// *error to "path:line: reason" and gives an empty result, as does a file that cannot be read.
inline std::vector<JsonValue> readJsonLines(const QString &path, QString *error)
{
    std::vector<JsonValue> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1").arg(path);
        return out;
    }
    int lineNo = 0;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        ++lineNo;
        if (line.isEmpty())
            continue;
        JsonParseError e;
        auto v = JsonParser::parse(
            std::string_view(line.constData(), static_cast<std::size_t>(line.size())), &e);
        if (!v) {
            *error = QStringLiteral("%1:%2: %3")
                         .arg(path)
                         .arg(lineNo)
                         .arg(QString::fromStdString(e.toString()));
            return {};
        }
        out.push_back(std::move(*v));
    }
    return out;
}

} // namespace fedmsg::test
