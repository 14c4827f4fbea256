// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// fuzz_seed_corpus <out-dir> [test-data-dir]: writes <out-dir>/json/* (canonical-vector inputs,
// wire bodies, sample envelopes) and <out-dir>/envelope/* ("<topic>\n<body>" of every signed vector
// and sample) and <out-dir>/render/* (fedmsg.meta corpus messages and fedora-messaging corpus
// records), <out-dir>/fedmsgd/* (the fedmsg.d files of tests/config/data), <out-dir>/toml/* (the
// config.toml files of tests/amqp/data) and <out-dir>/renderdata/* (resources/render's
// services.json and schemas/*.json, whole and one service or schema entry at a time, behind the
// mode byte fuzz_render_data reads), <out-dir>/rules/* (tests/rules/data's rule files) and
// <out-dir>/archive/* (the datagrepper pages of the test data) as libFuzzer seed corpora.

#include "JsonLines.h"
#include "TestData.h"
#include "json/JsonParser.h"
#include "json/JsonWriter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>

#include <cstdio>

using namespace fedmsg;

namespace {

void writeSeed(const QString &dir, const QByteArray &content)
{
    const QString name =
        QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha1).toHex());
    QFile f(dir + QLatin1Char('/') + name);
    if (f.open(QIODevice::WriteOnly))
        f.write(content);
}

/// The seed files under @p dir (a seed written twice is one file, named by its hash).
int countSeeds(const QString &dir)
{
    int n = 0;
    for (QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories); it.hasNext(); it.next())
        ++n;
    return n;
}

std::vector<JsonValue> readLines(const QString &path)
{
    QString error;
    auto out = test::readJsonLines(path, &error);
    if (!error.isEmpty())
        std::fprintf(stderr, "skipping %s\n", qPrintable(error));
    return out;
}

/// Every file under dir whose name matches one of the patterns.
QStringList filesUnder(const QString &dir, const QStringList &patterns)
{
    QStringList out;
    QDirIterator it(dir, patterns, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << it.next();
    out.sort();
    return out;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// One rendering data file behind fuzz_render_data's mode byte (0: services.json, 1: schema file).
void writeRenderSeed(const QString &dir, char mode, const JsonValue &doc)
{
    writeSeed(dir, QByteArray(1, mode) + QByteArray::fromStdString(JsonWriter::pretty(doc, 1)));
}

QByteArray b64(const JsonValue &v)
{
    return QByteArray::fromBase64(QByteArray::fromStdString(v.toStdString()));
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s <out-dir> [test-data-dir]\n", argv[0]);
        return 2;
    }
    const QString out = QString::fromLocal8Bit(argv[1]);
    const QString data = argc > 2 ? QString::fromLocal8Bit(argv[2]) : test::testDataDir();
    const QString jsonDir = out + QStringLiteral("/json");
    const QString envDir = out + QStringLiteral("/envelope");
    QDir().mkpath(jsonDir);
    QDir().mkpath(envDir);
    const QString renderDir = out + QStringLiteral("/render");
    QDir().mkpath(renderDir);

    for (const JsonValue &v : readLines(data + QStringLiteral("/vectors/canonical-public.jsonl")))
        writeSeed(jsonDir, b64(v["input_b64"]));
    for (const JsonValue &v : readLines(data + QStringLiteral("/vectors/signed-public.jsonl"))) {
        const QByteArray body = b64(v["wire_body_b64"]);
        writeSeed(jsonDir, body);
        writeSeed(envDir, QByteArray::fromStdString(v["wire_topic"].toStdString()) + '\n' + body);
    }
    for (const JsonValue &v : readLines(test::sampleEnvelopesPath())) {
        const QByteArray body = QByteArray::fromStdString(JsonWriter::canonical(v));
        writeSeed(jsonDir, body);
        writeSeed(envDir, QByteArray::fromStdString(v["topic"].toStdString()) + '\n' + body);
    }
    for (const JsonValue &c : readLines(data + QStringLiteral("/samples/meta-corpus-public.jsonl")))
        writeSeed(renderDir, QByteArray::fromStdString(JsonWriter::canonical(c["msg"])));
    for (const JsonValue &c : readLines(data + QStringLiteral("/samples/fm-corpus-public.jsonl"))) {
        JsonValue record = JsonValue::emptyObject();
        record.insert("topic", c["topic"]);
        record.insert("body", c["body"]);
        record.insert("headers", c["headers"]);
        record.insert("id", c["properties"]["message_id"]);
        writeSeed(renderDir, QByteArray::fromStdString(JsonWriter::canonical(record)));
    }

    // fedmsg.d files and fedora-messaging config.toml files from the repository's test data.
    const QString fedmsgdDir = out + QStringLiteral("/fedmsgd");
    const QString tomlDir = out + QStringLiteral("/toml");
    const QString renderDataDir = out + QStringLiteral("/renderdata");
    QDir().mkpath(fedmsgdDir);
    QDir().mkpath(tomlDir);
    QDir().mkpath(renderDataDir);
    const QString source = QStringLiteral(FEDMSG_SOURCE_DIR);
    for (const QString &f :
        filesUnder(source + QStringLiteral("/tests/config/data"), { QStringLiteral("*.py") }))
        writeSeed(fedmsgdDir, readAll(f));
    for (const QString &f :
        filesUnder(source + QStringLiteral("/tests/amqp/data"), { QStringLiteral("*.toml") }))
        writeSeed(tomlDir, readAll(f));

    // Rule files (the acceptance rules) and datagrepper /raw pages from the test data.
    const QString rulesDir = out + QStringLiteral("/rules");
    const QString archiveDir = out + QStringLiteral("/archive");
    QDir().mkpath(rulesDir);
    QDir().mkpath(archiveDir);
    for (const QString &f :
        filesUnder(source + QStringLiteral("/tests/rules/data"), { QStringLiteral("*.json") }))
        writeSeed(rulesDir, readAll(f));
    for (const QString &f :
        filesUnder(data + QStringLiteral("/datagrepper"), { QStringLiteral("*.json") }))
        writeSeed(archiveDir, readAll(f));

    // The rendering data: whole files, and each service / schema entry alone (small seeds the
    // fuzzer can mutate quickly).
    const QString render = source + QStringLiteral("/resources/render");
    const QByteArray services = readAll(render + QStringLiteral("/services.json"));
    writeSeed(renderDataDir, QByteArray(1, '\0') + services);
    if (auto doc = JsonParser::parse(services.toStdString())) {
        for (const JsonValue &service : (*doc)["services"].array()) {
            JsonValue one = JsonValue::emptyObject();
            JsonValue list = JsonValue::emptyArray();
            list.append(service);
            one.insert("services", std::move(list));
            writeRenderSeed(renderDataDir, '\0', one);
        }
    }
    for (const QString &f :
        filesUnder(render + QStringLiteral("/schemas"), { QStringLiteral("*.json") })) {
        const QByteArray text = readAll(f);
        writeSeed(renderDataDir, QByteArray(1, '\1') + text);
        const auto doc = JsonParser::parse(text.toStdString());
        if (!doc)
            continue;
        for (const JsonValue &schema : (*doc)["schemas"].array()) {
            JsonValue one = JsonValue::emptyObject();
            one.insert("package", (*doc)["package"]);
            JsonValue list = JsonValue::emptyArray();
            list.append(schema);
            one.insert("schemas", std::move(list));
            writeRenderSeed(renderDataDir, '\1', one);
        }
    }
    const int written = countSeeds(out);
    std::printf("wrote %d seeds to %s\n", written, qPrintable(out));
    return written > 0 ? 0 : 1;
}
