// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// fuzz_rules_import: rule files come from other people (shared on a wiki, mailed, half
// downloaded) and the preferences dialog imports them. Input: the bytes of one rule file. It
// goes through RuleFile::read (what import and `fedmsg-tail --rules FILE` do) and
// RuleSet::fromJson with the real rendering catalog. Invariants: nothing crashes or hangs; a
// refused file names at least one problem, each with a message; a file read whole writes back
// (RuleSet::toJson) to a document that reads again to the same rules, with no error.

#include "FuzzInput.h"
#include "FuzzScratchDir.h"
#include "render/Renderer.h"
#include "rules/MessageTypeCatalog.h"
#include "rules/RuleFile.h"
#include "rules/RuleSet.h"

#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace fedmsg;
using namespace fedmsg::rules;

namespace {

void check(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "invariant violated: %s\n", what);
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const QTemporaryDir *const dir = [] {
        QLoggingCategory::setFilterRules(QStringLiteral("fedmsg.*=false"));
        return fuzz::scratchDir();
    }();
    static const Renderer renderer(Renderer::builtinDataFile());
    static const MessageTypeCatalog catalog(renderer);
    static const QString path = dir->filePath(QStringLiteral("rules.json"));

    // A new file each time: truncating one to 0 makes ext4 flush it on close (auto_da_alloc),
    // which cost milliseconds per input.
    QFile::remove(path);
    QFile f(path);
    check(f.open(QIODevice::WriteOnly), "the scratch file opens");
    f.write(fuzz::inputBytes(data, size));
    f.close();

    QList<RuleError> errors;
    const std::optional<RuleSet> rules = RuleFile::read(path, &catalog, &errors);
    if (!rules) {
        check(!errors.isEmpty(), "a refused file names a problem");
        for (const RuleError &e : errors)
            check(!e.toString().isEmpty(), "each problem says what is wrong");
        return 0;
    }
    check(errors.isEmpty(), "a file read whole has no problems (all or nothing)");
    // What export would write reads again to the same rules.
    QList<RuleError> again;
    const std::optional<RuleSet> reread = RuleSet::fromJson(rules->toJson(), &catalog, &again);
    check(reread.has_value() && again.isEmpty(), "an exported rule set reads again");
    check(reread->rules.size() == rules->rules.size(), "no rule is lost on the way round");
    check(reread->toJson() == rules->toJson(), "the round trip is stable");
    return 0;
}
