// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
// bench_render: renderings per second over the public meta corpus (one core), beside parsing
// the same messages only (the baseline measured in the same run), and the ratio.

#include "BenchReport.h"
#include "JsonLines.h"
#include "TestData.h"
#include "render/Renderer.h"
#include "json/JsonParser.h"
#include "json/JsonWriter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <string>
#include <vector>

using namespace fedmsg;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString path = qEnvironmentVariable("FEDMSG_META_CORPUS");
    if (path.isEmpty())
        path = test::testDataPath("samples/meta-corpus-public.jsonl");
    QString error;
    const auto records = test::readJsonLines(path, &error);
    if (!error.isEmpty()) {
        QTextStream(stderr) << error << "\n";
        return 1;
    }
    std::vector<std::string> messages;
    messages.reserve(records.size());
    for (const JsonValue &v : records)
        messages.push_back(JsonWriter::canonical(v["msg"]));
    Renderer renderer(Renderer::builtinDataFile());
    const int rounds = 200;
    QElapsedTimer t;
    t.start();
    std::size_t sink = 0;
    for (int r = 0; r < rounds; ++r)
        for (const std::string &m : messages)
            sink += JsonParser::parse(m)->size();
    const double parseSecs = static_cast<double>(t.nsecsElapsed()) / 1e9;
    t.restart();
    for (int r = 0; r < rounds; ++r)
        for (const std::string &m : messages)
            sink += static_cast<std::size_t>(
                renderer.renderFedmsg(*JsonParser::parse(m)).subtitle.size());
    const double renderSecs = static_cast<double>(t.nsecsElapsed()) / 1e9;
    const double n = static_cast<double>(rounds) * static_cast<double>(messages.size());
    QTextStream out(stdout);
    out << "messages: " << messages.size() << " x " << rounds << " rounds\n";
    out << "parse only:     " << QString::number(n / parseSecs, 'f', 0) << " msg/s\n";
    out << "parse + render: " << QString::number(n / renderSecs, 'f', 0) << " msg/s\n";
    out << "ratio (render cost incl. parse / parse): "
        << QString::number(renderSecs / parseSecs, 'f', 2) << "\n";
    out << "(sink " << sink << ")\n";
    bench::report({ QStringLiteral("Rendering"),
        QStringLiteral("parse + render a fedmsg.meta corpus message (%1 kinds)")
            .arg(messages.size()),
        QStringLiteral("%1 us per message").arg(QString::number(renderSecs / n * 1e6, 'f', 1)),
        QStringLiteral("JSON parse alone %1 us (render costs x%2 of the parse)")
            .arg(QString::number(parseSecs / n * 1e6, 'f', 1),
                QString::number(renderSecs / parseSecs, 'f', 2)),
        QStringLiteral("-"),
        std::nullopt });
    return 0;
}
