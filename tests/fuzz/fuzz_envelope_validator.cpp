// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Input: "<topic>\n<frame 2 body>". Builds an Envelope like a ZeroMQ source and validates it
// with the fedmsg test CA and CRL at a fixed time. Never crashes; a trusted message must have
// come through the full check (its signer is known and its signed bytes are stable).

#include "FuzzInput.h"
#include "TestData.h"
#include "message/Envelope.h"
#include "trust/Validator.h"
#include "json/JsonParser.h"

#include <QDir>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace fedmsg;

namespace {

Validator &validator()
{
    static const std::unique_ptr<Validator> v = [] {
        TrustConfig config;
        config.caLocation = test::testDataPath("vectors/certs/ca.crt");
        config.crlLocation = test::testDataPath("vectors/certs/crl.pem");
        config.verifyTime = QDateTime(QDate(2023, 6, 1), QTime(0, 0), Qt::UTC);
        QMap<QString, QStringList> policy;
        policy.insert(QStringLiteral("org.fedoraproject.prod.bodhi.update.request.testing"),
            { QStringLiteral("bodhi-app01.phx2.fedoraproject.org") });
        config.routingPolicy = policy;
        auto val = std::make_unique<Validator>(config);
        if (!val->material())
            std::fprintf(stderr,
                "warning: test CA not found under %s; only parsing is fuzzed\n",
                qPrintable(test::testDataDir()));
        return val;
    }();
    return *v;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view input = fuzz::inputText(data, size);
    const std::size_t newline = input.find('\n');
    std::vector<std::string> frames;
    if (newline == std::string_view::npos) {
        frames.emplace_back(input);
    } else {
        frames.emplace_back(input.substr(0, newline));
        frames.emplace_back(input.substr(newline + 1));
    }
    QString error;
    auto envelope = Envelope::fromZmqFrames(frames, &error);
    if (!envelope) {
        if (error.isEmpty()) {
            std::fprintf(stderr, "rejected without a reason\n");
            std::abort();
        }
        return 0;
    }
    const ValidationResult r = validator().validate(*envelope);
    if (r.isTrusted()) {
        if (r.signer.isEmpty() || envelope->trust() != TrustState::Trusted) {
            std::fprintf(stderr, "trusted without a signer\n");
            std::abort();
        }
        // Validation must not depend on anything but the content: the canonical body validates too.
        const auto again = JsonParser::parse(envelope->canonicalBody());
        if (!again || !validator().validate(*again).isTrusted()) {
            std::fprintf(stderr, "trusted message not trusted after canonical round trip\n");
            std::abort();
        }
    } else if (!r.reason.startsWith(QLatin1String("Untrusted: "))) {
        std::fprintf(stderr, "bad reason: %s\n", qPrintable(r.reason));
        std::abort();
    }
    // Other accessors never crash on untrusted input.
    (void)envelope->sentAt();
    (void)envelope->msgId();
    (void)envelope->index();
    (void)envelope->headers();
    return 0;
}
