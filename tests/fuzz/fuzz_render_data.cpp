// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// fuzz_render_data: the rendering data files (services.json and schemas/*.json) can be replaced
// by the user (~/.local/share/fedmsg-notify/render/), so the loader reads untrusted text.
// Input: one byte that says which file the rest is (even: services.json; odd: a schemas/ file
// beside a minimal services.json), then the file's text. The loader reads it as the applet does
// (Renderer::load on a real file), then a few sample messages of both buses are rendered with
// whatever rules it accepted. Invariants: nothing crashes or hangs; a refused services.json
// is reported as "<file>:<line>: <reason>"; a refused file leaves the previous rules in place.

#include "FuzzInput.h"
#include "FuzzScratchDir.h"
#include "JsonLines.h"
#include "TestData.h"
#include "render/Renderer.h"
#include "json/JsonParser.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QSet>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string_view>
#include <vector>

using namespace fedmsg;

namespace {

void check(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "invariant violated: %s\n", what);
        std::abort();
    }
}

void writeFile(const QString &path, std::string_view data)
{
    // A new file each time: truncating one to 0 makes ext4 flush it on close (auto_da_alloc),
    // which cost milliseconds per input.
    QFile::remove(path);
    QFile f(path);
    check(f.open(QIODevice::WriteOnly), "the scratch file opens");
    f.write(data.data(), qint64(data.size()));
}

/// Up to `max` messages of the corpus file, one per distinct value of `key`.
std::vector<JsonValue> probes(const char *file, const char *key, int max)
{
    std::vector<JsonValue> out;
    QString error;
    QSet<QString> seen;
    for (JsonValue &v : test::readJsonLines(test::testDataPath(file), &error)) {
        if (int(out.size()) >= max)
            break;
        if (seen.contains(v[key].toQString()))
            continue;
        seen.insert(v[key].toQString());
        out.push_back(std::move(v));
    }
    return out;
}

struct Fixture
{
    Fixture()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("fedmsg.*=false"));
        // services.json alone (no schemas/ beside it)
        servicesFile = services->filePath(QStringLiteral("services.json"));
        // a minimal services.json with the fuzzed schema file beside it
        QDir(schemas->path()).mkpath(QStringLiteral("schemas"));
        constexpr std::string_view minimal = R"({"services": []})";
        writeFile(schemas->filePath(QStringLiteral("services.json")), minimal);
        baseFile = base->filePath(QStringLiteral("services.json"));
        writeFile(baseFile, minimal);
        schemaFile = schemas->filePath(QStringLiteral("schemas/fuzz.json"));
        fedmsgProbes = probes("samples/meta-corpus-public.jsonl", "processor", 4);
        fmProbes = probes("samples/fm-corpus-public.jsonl", "package", 4);
        for (JsonValue &c : fedmsgProbes)
            c = JsonValue(c["msg"]);
    }
    // In memory where possible: a file is written and read per input.
    std::unique_ptr<QTemporaryDir> base { fuzz::scratchDir() };
    std::unique_ptr<QTemporaryDir> services { fuzz::scratchDir() };
    std::unique_ptr<QTemporaryDir> schemas { fuzz::scratchDir() };
    QString baseFile;
    QString servicesFile;
    QString schemaFile;
    std::vector<JsonValue> fedmsgProbes;
    std::vector<JsonValue> fmProbes;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const auto *const fx = new Fixture();
    if (size < 1)
        return 0;
    const std::string_view input = fuzz::inputText(data, size);
    const bool schemaMode = (input.front() & 1) != 0;
    const std::string_view text = input.substr(1);

    // Start from a known good state (the minimal file) and load the fuzzed one over it.
    Renderer renderer(fx->baseFile);
    const QString path =
        schemaMode ? fx->schemas->filePath(QStringLiteral("services.json")) : fx->servicesFile;
    if (schemaMode) {
        writeFile(fx->schemaFile, text);
    } else {
        writeFile(fx->servicesFile, text);
    }
    QString error;
    const bool loaded = renderer.load(path, &error);
    if (schemaMode) {
        check(loaded, "a broken schema file never refuses the services file");
    } else if (!loaded) {
        check(error.startsWith(path + QLatin1Char(':')), "a refused file is named");
        check(renderer.loadedFile() != path, "a refused file leaves the previous rules");
    }
    for (const JsonValue &m : fx->fedmsgProbes) {
        const Rendering r = renderer.renderFedmsg(m);
        (void)r;
        (void)renderer.agent(m);
    }
    for (const JsonValue &c : fx->fmProbes) {
        const JsonValue &headers = c["headers"];
        const Rendering r = renderer.renderSchema(headers["fedora_messaging_schema"].toQString(),
            c["topic"].toQString(),
            c["body"],
            headers,
            c["properties"]["message_id"].toQString());
        (void)r;
    }
    (void)renderer.services();
    return 0;
}
