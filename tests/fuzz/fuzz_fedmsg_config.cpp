// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// fuzz_fedmsg_config: fedmsg.d files are read from disks anyone may have written to (a package,
// a colleague's copy, a truncated download). Input: the text of one fedmsg.d `*.py` file.
// It goes through PyLiteralReader directly and through FedmsgConfigReader as a real file, and
// then through every interpretation the applet and the tools make of it (bus, trust, logger and
// zmq settings). Invariants: nothing crashes or hangs; every diagnostic names the file and a
// line inside it (0 = the whole file); a value read is a JSON value the canonical writer takes.

#include "FuzzInput.h"
#include "FuzzScratchDir.h"
#include "config/FedmsgConfigReader.h"
#include "config/PyLiteralReader.h"
#include "json/JsonWriter.h"

#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

using namespace fedmsg;

namespace {

void check(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "invariant violated: %s\n", what);
        std::abort();
    }
}

void checkDiagnostics(const QList<PyDiagnostic> &diagnostics, const QString &file, int lines)
{
    for (const PyDiagnostic &d : diagnostics) {
        check(d.file == file, "a diagnostic names the file");
        check(d.line >= 0 && d.line <= lines, "a diagnostic's line is inside the file");
        check(!d.message.isEmpty(), "a diagnostic says what is wrong");
        (void)d.toString();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const QTemporaryDir *const dir = [] {
        QLoggingCategory::setFilterRules(QStringLiteral("fedmsg.*=false"));
        return fuzz::scratchDir();
    }();
    static const QString path = dir->filePath(QStringLiteral("fuzz.py"));
    const std::string_view text = fuzz::inputText(data, size);
    const int lines = 1 + int(std::count(text.begin(), text.end(), '\n'));

    QList<PyDiagnostic> diagnostics;
    const auto value =
        PyLiteralReader::readAssignment(text, QStringLiteral("fuzz.py"), "config", &diagnostics);
    checkDiagnostics(diagnostics, QStringLiteral("fuzz.py"), lines);
    if (value)
        (void)JsonWriter::canonical(*value);

    // The same text as a fedmsg.d file, and what the programs make of it.
    // A new file each time: truncating one to 0 makes ext4 flush it on close (auto_da_alloc),
    // which cost milliseconds per input.
    QFile::remove(path);
    QFile f(path);
    check(f.open(QIODevice::WriteOnly), "the scratch file opens");
    f.write(fuzz::inputBytes(data, size));
    f.close();
    FedmsgConfigReader reader(QStringList {});
    (void)reader.readPath(path);
    for (const PyDiagnostic &d : reader.diagnostics())
        check(d.line >= 0 && d.line <= lines, "a reader diagnostic's line is inside the file");
    (void)JsonWriter::canonical(reader.config());
    const BusConfig bus = reader.toBusConfig(QStringLiteral("fuzz"));
    check(bus.name == QStringLiteral("fuzz"), "the bus keeps its name");
    (void)reader.trustConfig();
    (void)reader.subscribeEndpoints();
    (void)reader.relayInbound();
    (void)reader.topicPrefix();
    (void)reader.environment();
    (void)reader.certName(QStringLiteral("shell"), QStringLiteral("localhost"));
    (void)reader.sslDir();
    (void)reader.ioThreads();
    (void)reader.postInitSleep();
    (void)reader.timeout();
    (void)reader.highWaterMark();
    (void)reader.lingerMs();
    return 0;
}
