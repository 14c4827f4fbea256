// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// fuzz_fedora_messaging_config: a fedora-messaging config.toml is imported as an AMQP bus.
// Input: the file's text. Invariants: nothing crashes or hangs (toml++ errors are exceptions the
// reader must catch); the reader either gives a bus or an error naming the file, never both and
// never neither; an imported bus is an enabled AMQP bus with one endpoint and no signature
// validation (fedora-messaging carries none).

#include "FuzzInput.h"
#include "amqp/FedoraMessagingConfig.h"

#include <QByteArray>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace fedmsg;

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
    const QByteArray text = fuzz::inputBytes(data, size);
    QString error;
    const auto import = FedoraMessagingConfig::parse(text, QStringLiteral("fuzz.toml"), &error);
    if (!import) {
        check(!error.isEmpty(), "a refused file says why");
        check(error.startsWith(QStringLiteral("fuzz.toml")), "the error names the file");
        return 0;
    }
    check(error.isEmpty(), "an imported file has no error");
    const BusConfig &bus = import->bus;
    check(bus.transport == BusConfig::Transport::Amqp, "an AMQP bus");
    check(bus.enabled, "enabled");
    check(bus.endpoints.size() == 1, "one endpoint");
    check(!bus.trust.validateSignatures, "no fedmsg signature validation");
    for (const QString &w : import->warnings)
        check(w.startsWith(QStringLiteral("fuzz.toml")), "a warning names the file");
    return 0;
}
