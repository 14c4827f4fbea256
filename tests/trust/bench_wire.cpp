// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// bench_wire: messages/s for the fedmsg receive path over the public signed vectors:
// parse, canonical serialization, full validation (frames -> envelope -> Validator), and as the
// baseline measured in the same run the raw RSA-SHA1 verification (EVP_DigestVerify alone) of
// the same signatures with the same keys. Prints the ratio validate/raw (target >= 0.5).

#include "BenchReport.h"
#include "SignedVectors.h"

#include "message/Envelope.h"
#include "trust/Base64.h"
#include "trust/CryptoContext.h"
#include "trust/Validator.h"
#include "json/JsonWriter.h"

#include <QCoreApplication>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

using namespace fedmsg;
using namespace fedmsg::testing;

namespace {

struct Case
{
    std::string topic;
    std::string wire;
    JsonValue body;
    std::string configKey;
    std::vector<unsigned char> signedBytes;
    std::vector<unsigned char> signature;
    EvpPkeyPtr key;
};

/// A copy of s as the unsigned bytes OpenSSL takes (made before the measurements).
std::vector<unsigned char> unsignedBytes(const std::string &s)
{
    return { s.begin(), s.end() };
}

/// From the command line: how long each measurement runs, and which ones.
struct RunOptions
{
    double seconds = 1.0;
    const char *only = nullptr; ///< run only the measurement whose label starts with this
};

template <typename F>
double rate(const char *label, std::size_t perRound, F &&round, const RunOptions &options)
{
    if (options.only && std::strncmp(label, options.only, std::strlen(options.only)) != 0)
        return 1.0;
    using Clock = std::chrono::steady_clock;
    round(); // warm-up (fills caches, as a long-running subscriber has them)
    std::size_t rounds = 0;
    const auto start = Clock::now();
    double elapsed = 0;
    do {
        round();
        ++rounds;
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    } while (elapsed < options.seconds);
    const double r = static_cast<double>(rounds * perRound) / elapsed;
    std::printf("%-44s %12.0f msg/s\n", label, r);
    return r;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // bench_wire [seconds per measurement] [label prefix, e.g. "full" to profile one loop]
    const RunOptions options { argc > 1 ? std::atof(argv[1]) : 1.0, argc > 2 ? argv[2] : nullptr };
    std::vector<Case> cases;
    std::map<std::string, std::unique_ptr<Validator>> validators;
    std::size_t wireBytes = 0;
    for (const JsonValue &v : loadSignedVectors()) {
        if (!v["expect_valid"].toBool() || !v["frame_topic_matches_body_topic"].toBool(true))
            continue;
        Case c;
        c.topic = v["wire_topic"].toStdString();
        c.wire = fromB64(v["wire_body_b64"]);
        c.body = *JsonParser::parse(c.wire);
        c.configKey = JsonWriter::canonical(v["config"]);
        auto &val = validators[c.configKey];
        if (!val)
            val = std::make_unique<Validator>(trustConfigOf(v));
        JsonValue msg = c.body;
        if (val->config().fixDatagrepperMessage)
            msg = *Validator::fixDatagrepperMessage(msg);
        c.signedBytes = unsignedBytes(Validator::signedBytes(msg));
        c.signature = unsignedBytes(*Base64::decode(msg["signature"].toStdString()));
        X509Ptr cert = readFirstPemCertificate(*Base64::decode(msg["certificate"].toStdString()));
        c.key.reset(X509_get_pubkey(cert.get()));
        wireBytes += c.wire.size();
        cases.push_back(std::move(c));
    }
    if (cases.empty()) {
        std::fprintf(stderr, "no signed vectors found (%s)\n", qPrintable(signedVectorsPath()));
        return 1;
    }
    std::printf("bench_wire: %zu valid public vectors, mean frame 2 size %zu bytes, %.1f s per "
                "measurement\n",
        cases.size(),
        wireBytes / cases.size(),
        options.seconds);

    std::size_t sink = 0;
    rate(
        "parse (JsonParser)",
        cases.size(),
        [&] {
            for (const Case &c : cases)
                sink += JsonParser::parse(c.wire)->size();
        },
        options);
    std::string buffer;
    rate(
        "canonical serialize (JsonWriter)",
        cases.size(),
        [&] {
            for (const Case &c : cases) {
                buffer.clear();
                JsonWriter::appendCanonical(buffer, c.body);
                sink += buffer.size();
            }
        },
        options);
    EvpMdCtxPtr md(EVP_MD_CTX_new());
    const double raw = rate(
        "raw RSA-SHA1 verify (EVP_DigestVerify)",
        cases.size(),
        [&] {
            for (const Case &c : cases) {
                EVP_MD_CTX_reset(md.get());
                EVP_DigestVerifyInit_ex(md.get(),
                    nullptr,
                    "SHA1",
                    CryptoContext::libctx(),
                    nullptr,
                    c.key.get(),
                    nullptr);
                sink += EVP_DigestVerify(md.get(),
                    c.signature.data(),
                    c.signature.size(),
                    c.signedBytes.data(),
                    c.signedBytes.size());
            }
        },
        options);
    // The same verification on a copy of a context initialised once per key (what the
    // Validator does for cached signers), for comparison.
    std::vector<EvpMdCtxPtr> templates;
    for (const Case &c : cases) {
        templates.emplace_back(EVP_MD_CTX_new());
        EVP_DigestVerifyInit_ex(templates.back().get(),
            nullptr,
            "SHA1",
            CryptoContext::libctx(),
            nullptr,
            c.key.get(),
            nullptr);
    }
    const double rawCopy = rate(
        "raw verify, pre-initialised context copy",
        cases.size(),
        [&] {
            for (std::size_t k = 0; k < cases.size(); ++k) {
                const Case &c = cases[k];
                EVP_MD_CTX_copy_ex(md.get(), templates[k].get());
                sink += EVP_DigestVerify(md.get(),
                    c.signature.data(),
                    c.signature.size(),
                    c.signedBytes.data(),
                    c.signedBytes.size());
            }
        },
        options);
    int untrusted = 0;
    const double validate = rate(
        "validate (parsed body -> Validator)",
        cases.size(),
        [&] {
            for (const Case &c : cases) {
                if (!validators[c.configKey]->validate(c.body).isTrusted())
                    ++untrusted;
            }
        },
        options);
    const double full = rate(
        "full receive (frames -> Envelope -> Validator)",
        cases.size(),
        [&] {
            for (const Case &c : cases) {
                auto env = Envelope::fromZmqFrames({ c.topic, c.wire });
                if (!env || !validators[c.configKey]->validate(*env).isTrusted())
                    ++untrusted;
            }
        },
        options);
    quint64 chains = 0;
    quint64 hits = 0;
    for (auto &[k, val] : validators) {
        chains += val->stats().chainVerifications;
        hits += val->stats().chainCacheHits;
    }
    std::printf(
        "chain verifications %llu, chain cache hits %llu, untrusted results %d (must be 0)\n",
        static_cast<unsigned long long>(chains),
        static_cast<unsigned long long>(hits),
        untrusted);
    using bench::number;
    bench::report({ QStringLiteral("Validation"),
        QStringLiteral("fedmsg signature validation (parsed body -> Validator)"),
        number(validate, 0, QStringLiteral("msg/s")),
        QStringLiteral("raw RSA verify of the same keys and bytes %1 (x%2)")
            .arg(number(raw, 0, QStringLiteral("msg/s")), number(validate / raw, 2, {})),
        QStringLiteral(">= 0.80 x raw verify"),
        validate / raw >= 0.80 });
    bench::report({ QStringLiteral("Validation"),
        QStringLiteral("full receive (ZeroMQ frames -> Envelope -> Validator)"),
        number(full, 0, QStringLiteral("msg/s")),
        QStringLiteral("raw verify (x%1)").arg(number(full / raw, 2, {})),
        QStringLiteral("-"),
        std::nullopt });
    std::printf("ratio validate/raw verify:      %.2f\n", validate / raw);
    std::printf("ratio full receive/raw verify:  %.2f (target >= 0.50)\n", full / raw);
    std::printf("ratio full receive/raw verify with context copy: %.2f\n", full / rawCopy);
    return (untrusted == 0 && sink != 0) ? 0 : 1;
}
