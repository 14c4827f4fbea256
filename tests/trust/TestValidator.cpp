// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "CaseTally.h"
#include "SignedVectors.h"

#include "message/Envelope.h"
#include "trust/Validator.h"
#include "json/JsonWriter.h"

#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <cstdio>

using namespace fedmsg;
using namespace fedmsg::testing;

namespace {

const JsonValue *findVector(const std::vector<JsonValue> &vectors, std::string_view name)
{
    for (const JsonValue &v : vectors) {
        if (v["name"].toStdString() == name)
            return &v;
    }
    return nullptr;
}

JsonValue wireBody(const JsonValue &vector)
{
    return JsonParser::parse(fromB64(vector["wire_body_b64"])).value_or(JsonValue());
}

bool copyFile(const QString &from, const QString &to)
{
    QFile::remove(to);
    return QFile::copy(from, to) && QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner);
}

} // namespace

class TestValidator : public QObject
{
    Q_OBJECT

private:
    std::vector<JsonValue> m_vectors;

private Q_SLOTS:
    void initTestCase()
    {
        m_vectors = loadSignedVectors();
        if (m_vectors.empty())
            QFAIL(qPrintable(signedVectorsPath() + QStringLiteral(" is missing or empty")));
    }

    // Every vector: the verdict equals Python's expect_valid at the vector's verify_time, and the
    // canonical bytes we compute from the received body equal canonical_bytes_b64.
    void signedVectors()
    {
        test::CaseTally tally;
        for (const JsonValue &v : m_vectors) {
            const QString name = v["name"].toQString();
            const std::string wire = fromB64(v["wire_body_b64"]);
            JsonParseError err;
            auto body = JsonParser::parse(wire, &err);
            if (!body) {
                tally.fail(name,
                    QStringLiteral("wire body does not parse: ")
                        + QString::fromStdString(err.pythonText()));
                continue;
            }
            const TrustConfig config = trustConfigOf(v);
            Validator validator(config);
            const ValidationResult r = validator.validate(*body);
            const bool expect = v["expect_valid"].toBool();
            QStringList problems;
            if (r.isTrusted() != expect)
                problems << QStringLiteral("trusted=%1 expected=%2 (%3)")
                                .arg(r.isTrusted() ? 1 : 0)
                                .arg(expect ? 1 : 0)
                                .arg(r.reason);
            if (v["canonical_bytes_b64"].isString()) {
                JsonValue received = *body;
                if (config.fixDatagrepperMessage)
                    received = Validator::fixDatagrepperMessage(received).value_or(received);
                if (Validator::signedBytes(received) != fromB64(v["canonical_bytes_b64"]))
                    problems << QStringLiteral("canonical bytes differ");
            }
            if (r.isTrusted() ? r.reason != QLatin1String("Trusted")
                              : !r.reason.startsWith(QLatin1String("Untrusted: ")))
                problems << QStringLiteral("bad reason text '%1'").arg(r.reason);
            tally.add(name, problems);
        }
        tally.print();
        QCOMPARE(tally.failed, 0);
    }

    // The same vectors through one long-lived Validator per configuration (the chain cache must
    // never change a verdict, whatever was validated before).
    void verdictsIndependentOfCache()
    {
        std::map<std::string, std::unique_ptr<Validator>> validators;
        int failed = 0;
        for (int round = 0; round < 2; ++round) {
            for (const JsonValue &v : m_vectors) {
                const std::string key = JsonWriter::canonical(v["config"]);
                auto &val = validators[key];
                if (!val)
                    val = std::make_unique<Validator>(trustConfigOf(v));
                const ValidationResult r = val->validate(wireBody(v));
                if (r.isTrusted() != v["expect_valid"].toBool()) {
                    std::printf("FAIL round %d %s: %s\n",
                        round,
                        v["name"].toStdString().c_str(),
                        qPrintable(r.reason));
                    ++failed;
                }
            }
        }
        QCOMPARE(failed, 0);
        quint64 hits = 0;
        for (auto &[k, val] : validators)
            hits += val->stats().chainCacheHits;
        QVERIFY(hits > 0);
    }

    void oneChainVerificationPerSigner()
    {
        const JsonValue *v = findVector(m_vectors, "nested_structures");
        QVERIFY(v);
        Validator validator(trustConfigOf(*v));
        const JsonValue body = wireBody(*v);
        for (int i = 0; i < 5; ++i)
            QVERIFY(validator.validate(body).isTrusted());
        QCOMPARE(validator.stats().chainVerifications, quint64(1));
        QCOMPARE(validator.stats().chainCacheHits, quint64(4));
        // A cached chain is only reused inside its validity window: after the leaf expired the
        // chain is verified again (and fails).
        // OpenSSL treats a certificate as expired AT its notAfter (2033-02-17 11:43:12 for the test
        // leaf and CA); the cache must agree to the second.
        const QDateTime lastSecond(QDate(2033, 2, 17), QTime(11, 43, 11), Qt::UTC);
        QVERIFY(validator.validate(body, lastSecond).isTrusted());
        QVERIFY(!validator.validate(body, lastSecond.addSecs(1)).isTrusted());
        QVERIFY(!Validator(trustConfigOf(*v)).validate(body, lastSecond.addSecs(1)).isTrusted());
        const ValidationResult late =
            validator.validate(body, QDateTime(QDate(2034, 1, 1), QTime(0, 0), Qt::UTC));
        QVERIFY(!late.isTrusted());
        QVERIFY2(late.reason.contains(QLatin1String("expired")), qPrintable(late.reason));
    }

    // Any single-byte change to a signed wire body is either rejected or leaves the signed
    // canonical bytes unchanged (e.g. a change inside the ignored base64 line breaks).
    void singleByteMutations()
    {
        const JsonValue *v = findVector(m_vectors, "string_escapes");
        if (!v)
            v = &m_vectors.front();
        const std::string wire = fromB64((*v)["wire_body_b64"]);
        const auto original = JsonParser::parse(wire);
        QVERIFY(original);
        const std::string signedOriginal = Validator::signedBytes(*original);
        Validator validator(trustConfigOf(*v));
        QCOMPARE(validator.validate(*original).isTrusted(), (*v)["expect_valid"].toBool());
        int accepted = 0;
        int rejected = 0;
        int bad = 0;
        const std::array<unsigned char, 3> flips = { 0x01, 0x20, 0x80 };
        for (std::size_t i = 0; i < wire.size(); ++i) {
            for (unsigned char flip : flips) {
                std::string mutated = wire;
                mutated[i] = static_cast<char>(static_cast<unsigned char>(mutated[i]) ^ flip);
                QString error;
                auto env =
                    Envelope::fromZmqFrames({ (*v)["wire_topic"].toStdString(), mutated }, &error);
                if (!env) {
                    ++rejected;
                    continue;
                }
                if (!validator.validate(env->body()).isTrusted()) {
                    ++rejected;
                    continue;
                }
                ++accepted;
                if (Validator::signedBytes(env->body()) != signedOriginal) {
                    ++bad;
                    std::printf(
                        "FAIL: byte %zu ^ 0x%02x accepted with different content\n", i, flip);
                }
            }
        }
        std::printf("mutations: %d rejected, %d accepted with identical signed bytes\n",
            rejected,
            accepted - bad);
        QCOMPARE(bad, 0);
        QVERIFY(rejected > 0);
    }

    void unsignedAndMalformed_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("not object") << QByteArray("[1]") << QStringLiteral("not a JSON object");
        QTest::newRow("unsigned") << QByteArray(R"({"topic":"t","msg":{}})")
                                  << QStringLiteral("not signed");
        QTest::newRow("unknown backend")
            << QByteArray(R"({"topic":"t","crypto":"rot13","signature":"","certificate":""})")
            << QStringLiteral("unknown crypto backend");
        QTest::newRow("crypto not string") << QByteArray(R"({"topic":"t","crypto":1})")
                                           << QStringLiteral("unknown crypto backend");
        QTest::newRow("gpg not allowed")
            << QByteArray(R"({"topic":"t","crypto":"gpg","signature":"AA=="})")
            << QStringLiteral("gpg is not allowed");
        QTest::newRow("legacy gpg guess") << QByteArray(R"({"topic":"t","signature":"AA=="})")
                                          << QStringLiteral("gpg is not allowed");
        QTest::newRow("no signature")
            << QByteArray(R"({"topic":"t","crypto":"x509","certificate":"AA=="})")
            << QStringLiteral("no signature field");
        QTest::newRow("no certificate")
            << QByteArray(R"({"topic":"t","crypto":"x509","signature":"AA=="})")
            << QStringLiteral("no certificate field");
        QTest::newRow("signature not string")
            << QByteArray(R"({"topic":"t","crypto":"x509","signature":5,"certificate":"AA=="})")
            << QStringLiteral("not a string");
        QTest::newRow("bad padding")
            << QByteArray(R"({"topic":"t","crypto":"x509","signature":"AAA","certificate":"AA=="})")
            << QStringLiteral("Incorrect padding");
        QTest::newRow("garbage cert") << QByteArray(
            R"({"topic":"t","crypto":"x509","signature":"AA==","certificate":"bm90IGEgY2VydA=="})")
                                      << QStringLiteral("not a PEM certificate");
    }

    void unsignedAndMalformed()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, reasonPart);
        TrustConfig config;
        config.caLocation = vectorsDir() + QStringLiteral("/certs/ca.crt");
        Validator validator(config);
        const auto parsed = JsonParser::parse(body.toStdString());
        QVERIFY(parsed);
        const ValidationResult r = validator.validate(*parsed);
        QCOMPARE(r.state, TrustState::Untrusted);
        QVERIFY2(r.reason.startsWith(QLatin1String("Untrusted: ")) && r.reason.contains(reasonPart),
            qPrintable(r.reason));
    }

    void envelopeOverload()
    {
        const JsonValue *v = findVector(m_vectors, "nested_structures");
        QVERIFY(v);
        Envelope env(Envelope::Transport::ZeroMq, wireBody(*v));
        TrustConfig config = trustConfigOf(*v);
        Validator validator(config);
        QVERIFY(validator.validate(env).isTrusted());
        QCOMPARE(env.trust(), TrustState::Trusted);
        QCOMPARE(env.trustReason(), QStringLiteral("Trusted"));
        config.validateSignatures = false;
        Validator off(config);
        off.validate(env);
        QCOMPARE(env.trust(), TrustState::Unchecked);
    }

    void datagrepperFix()
    {
        auto fix = [](const char *json) {
            auto v = JsonParser::parse(json);
            auto f = Validator::fixDatagrepperMessage(*v);
            return f ? JsonWriter::canonical(*f) : std::string("RAISES");
        };
        QCOMPARE(
            fix(R"({"source_name":"d","source_version":"1","headers":{},"timestamp":1504643076.9})"),
            std::string(R"({"timestamp":1504643076})"));
        QCOMPARE(
            fix(R"({"source_name":"d","source_version":"1","headers":{"a":1},"timestamp":-2.5})"),
            std::string(R"({"headers":{"a":1},"timestamp":-2})"));
        QCOMPARE(fix(R"({"source_name":"d","headers":{},"timestamp":1.5})"),
            std::string(R"({"headers":{},"source_name":"d","timestamp":1.5})"));
        QCOMPARE(
            fix(R"({"source_name":"d","source_version":"1","headers":null,"timestamp":" 12_3 "})"),
            std::string(R"({"timestamp":123})"));
        QCOMPARE(fix(R"({"source_name":"d","source_version":"1","timestamp":1e20})"),
            std::string(R"({"timestamp":100000000000000000000})"));
        QCOMPARE(fix(R"({"source_name":"d","source_version":"1","timestamp":"x"})"),
            std::string("RAISES"));
        QCOMPARE(fix(R"({"source_name":"d","source_version":"1","timestamp":NaN})"),
            std::string("RAISES"));
        QCOMPARE(fix(R"({"source_name":"d","source_version":"1"})"), std::string("{}"));
    }

    void routingPolicy()
    {
        QMap<QString, QStringList> policy;
        policy.insert(QStringLiteral("a.b"), { QStringLiteral("cn1") });
        const QString cn1 = QStringLiteral("cn1");
        QVERIFY(Validator::validatePolicy(JsonValue("a.b"), cn1, policy, true));
        QVERIFY(!Validator::validatePolicy(JsonValue("a.b"), QStringLiteral("CN1"), policy, false));
        QVERIFY(!Validator::validatePolicy(
            JsonValue("a.b.c"), cn1, policy, true)); // not a prefix match
        QVERIFY(Validator::validatePolicy(JsonValue("a.b.c"), cn1, policy, false));
        QVERIFY(Validator::validatePolicy(JsonValue(), cn1, policy, false));
        QVERIFY(!Validator::validatePolicy(JsonValue(), cn1, policy, true));
        QVERIFY(!Validator::validatePolicy(JsonValue::emptyArray(), cn1, policy, false));
    }

    // fedmsg reloads CA/CRL once after a chain failure: replacing the CA file on disk is picked
    // up by the next failing validation without restarting.
    void reloadsChangedFilesAfterFailure()
    {
        const JsonValue *v = findVector(m_vectors, "nested_structures");
        QVERIFY(v);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString ca = dir.filePath(QStringLiteral("ca.crt"));
        const QString crl = dir.filePath(QStringLiteral("crl.pem"));
        QVERIFY(copyFile(vectorsDir() + QStringLiteral("/certs/badca.crt"), ca));
        QVERIFY(copyFile(vectorsDir() + QStringLiteral("/certs/expired_crl.pem"), crl));
        TrustConfig config = trustConfigOf(*v);
        config.caLocation = ca;
        config.crlLocation = QString();
        int refreshRequests = 0;
        Validator validator(config);
        validator.setRefreshRequestHandler([&refreshRequests] {
            ++refreshRequests;
        });
        const JsonValue body = wireBody(*v);
        QVERIFY(!validator.validate(body).isTrusted());
        QCOMPARE(refreshRequests, 0); // local files: no download to ask for
        const quint64 reloadsBefore = validator.stats().reloads;
        QVERIFY(!validator.validate(body).isTrusted()); // unchanged files are not re-read
        QCOMPARE(validator.stats().reloads, reloadsBefore);
        QVERIFY(copyFile(vectorsDir() + QStringLiteral("/certs/ca.crt"), ca));
        QVERIFY(validator.validate(body).isTrusted());
        QVERIFY(validator.stats().reloads > reloadsBefore);

        // Expired CRL, then a current one appears on disk.
        config.caLocation = ca;
        config.crlLocation = crl;
        Validator withCrl(config);
        const ValidationResult expired = withCrl.validate(body);
        QVERIFY(!expired.isTrusted());
        QVERIFY2(
            expired.reason.contains(QLatin1String("CRL has expired")), qPrintable(expired.reason));
        QVERIFY(copyFile(vectorsDir() + QStringLiteral("/certs/crl.pem"), crl));
        QVERIFY(withCrl.validate(body).isTrusted());
    }

    void missingCaIsUntrusted()
    {
        const JsonValue *v = findVector(m_vectors, "nested_structures");
        QVERIFY(v);
        TrustConfig config = trustConfigOf(*v);
        config.caLocation = QStringLiteral("/nonexistent/ca.crt");
        Validator validator(config);
        const ValidationResult r = validator.validate(wireBody(*v));
        QVERIFY(!r.isTrusted());
        QVERIFY2(r.reason.contains(QLatin1String("no CA certificate")), qPrintable(r.reason));
    }

    void injectedMaterial()
    {
        const JsonValue *v = findVector(m_vectors, "nested_structures");
        QVERIFY(v);
        QString error;
        auto material = TrustMaterial::fromFiles(vectorsDir() + QStringLiteral("/certs/ca.crt"),
            vectorsDir() + QStringLiteral("/certs/crl.pem"),
            &error);
        QVERIFY2(material, qPrintable(error));
        QVERIFY(material->hasCrl());
        QCOMPARE(
            material->crlNextUpdate(), QDateTime(QDate(2033, 3, 28), QTime(11, 27, 43), Qt::UTC));
        QCOMPARE(material->caNotAfter(), QDateTime(QDate(2033, 2, 17), QTime(11, 43, 12), Qt::UTC));
        TrustConfig config = trustConfigOf(*v);
        config.caLocation = QStringLiteral("https://example.invalid/ca.crt"); // never read
        Validator validator(config);
        validator.setMaterial(material);
        QVERIFY(validator.validate(wireBody(*v)).isTrusted());
    }
};

QTEST_GUILESS_MAIN(TestValidator)
#include "TestValidator.moc"
