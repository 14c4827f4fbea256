// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// The one place that says where the tests, benchmarks and fuzz seeds find files: the
// repository's public test material
// tests/data/ (vectors/: signed and canonical-JSON vectors made by the real Python fedmsg and the
// certificates they use; samples/: the fedmsg.meta and fedora-messaging corpora) and the demo
// bus's sample envelopes in resources/demo/. $FEDMSG_TEST_DATA_DIR points at another folder of
// the same layout; the per-file overrides (FEDMSG_SIGNED_VECTORS, ...) stay with their tests.

#include <QString>

namespace fedmsg::test {

inline QString testDataDir()
{
    return qEnvironmentVariable("FEDMSG_TEST_DATA_DIR", QStringLiteral(FEDMSG_TEST_DATA_DIR));
}

/// testDataDir() + "/" + relative, e.g. testDataPath("vectors/signed-public.jsonl").
inline QString testDataPath(const char *relative)
{
    return testDataDir() + QLatin1Char('/') + QLatin1String(relative);
}

/// The file named by the environment variable `var` when it is set, else testDataPath(relative).
inline QString testDataOverride(const char *var, const char *relative)
{
    const QString env = qEnvironmentVariable(var);
    return env.isEmpty() ? testDataPath(relative) : env;
}

/// A file of the source tree by its path from the repository root, e.g.
/// sourcePath("tests/render/data/meta-regressions.jsonl") or a folder's own test data.
inline QString sourcePath(const char *relative)
{
    return QStringLiteral(FEDMSG_SOURCE_DIR "/") + QLatin1String(relative);
}

/// The demo bus's real sample envelopes (one per topic family), shipped in resources/demo/.
inline QString sampleEnvelopesPath()
{
    return sourcePath("resources/demo/fedmsg-envelopes.jsonl");
}

} // namespace fedmsg::test
