// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "SignedVectors.h"

#include "trust/Base64.h"
#include "trust/Signer.h"
#include "trust/Validator.h"
#include "json/JsonWriter.h"

#include <QTest>

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <cstdio>

using namespace fedmsg;
using namespace fedmsg::testing;

namespace {

QString certPath(const char *name)
{
    return vectorsDir() + QStringLiteral("/certs/") + QLatin1String(name);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The unencrypted test key re-written as an AES-256 encrypted PEM.
QByteArray encryptedKey(const QByteArray &plainPem, const char *passphrase)
{
    BIO *in = BIO_new_mem_buf(plainPem.constData(), static_cast<int>(plainPem.size()));
    EVP_PKEY *key = PEM_read_bio_PrivateKey(in, nullptr, nullptr, nullptr);
    BIO_free(in);
    if (!key)
        return {};
    BIO *out = BIO_new(BIO_s_mem());
    PEM_write_bio_PKCS8PrivateKey(out,
        key,
        EVP_aes_256_cbc(),
        passphrase,
        static_cast<int>(strlen(passphrase)),
        nullptr,
        nullptr);
    char *data = nullptr;
    const long len = BIO_get_mem_data(out, &data);
    QByteArray pem(data, static_cast<qsizetype>(len));
    BIO_free(out);
    EVP_PKEY_free(key);
    return pem;
}

JsonValue sampleEnvelope()
{
    return *JsonParser::parse(
        R"({"topic":"org.fedoraproject.dev.logger.log","msg":{"log":"caf\u00e9 \ud83d\ude00",)"
        R"("f":[1.0,1e-05,1e+16,0.1],"big":123456789012345678901234567890},"timestamp":1700000000,)"
        R"("msg_id":"2026-00000000-0000-4000-8000-000000000000","i":1,"username":"tester"})");
}

TrustConfig testCaConfig()
{
    TrustConfig config;
    config.caLocation = certPath("ca.crt");
    config.crlLocation = certPath("crl.pem");
    config.verifyTime = QDateTime(QDate(2023, 6, 1), QTime(0, 0), Qt::UTC);
    return config;
}

} // namespace

class TestSigner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(certPath("shell-app01.phx2.fedoraproject.org.key")))
            QFAIL(qPrintable(certPath("shell-app01.phx2.fedoraproject.org.key")
                + QStringLiteral(" is missing")));
    }

    // Signing what the Python signer signed gives byte-identical fields (PKCS#1 v1.5 is
    // deterministic), and for canonical wire vectors the whole frame 2 is identical.
    void reproducesPythonSignatures()
    {
        int passed = 0;
        int failed = 0;
        int wholeWire = 0;
        for (const JsonValue &v : loadSignedVectors()) {
            if (!v["expect_valid"].toBool() || !v["signer_cert"].isString()
                || v["config"]["fix_datagrepper_message"].toBool())
                continue;
            QString keyPath = vectorPath(v["signer_cert"]);
            keyPath.replace(QLatin1String(".crt"), QLatin1String(".key"));
            if (!QFile::exists(keyPath))
                continue;
            const std::string name = v["name"].toStdString();
            QString error;
            auto signer = Signer::fromFiles(vectorPath(v["signer_cert"]), keyPath, {}, &error);
            if (!signer) {
                std::printf("FAIL %s: %s\n", name.c_str(), qPrintable(error));
                ++failed;
                continue;
            }
            const std::string wire = fromB64(v["wire_body_b64"]);
            const JsonValue received = *JsonParser::parse(wire);
            if (Validator::signedBytes(received) != fromB64(v["signed_bytes_b64"]))
                continue; // a re-encoded or re-wrapped variant of another vector
            auto signedEnv = signer->sign(Validator::stripCredentials(received), &error);
            if (!signedEnv) {
                std::printf("FAIL %s: %s\n", name.c_str(), qPrintable(error));
                ++failed;
                continue;
            }
            const auto ours = Base64::decode((*signedEnv)["signature"].toStdString());
            const auto theirs = Base64::decode(received["signature"].toStdString());
            if (!ours || !theirs || *ours != *theirs) {
                std::printf("FAIL %s: signature differs from the Python signer's\n", name.c_str());
                ++failed;
                continue;
            }
            if (JsonWriter::canonical(received) == wire) {
                ++wholeWire;
                if (JsonWriter::canonical(*signedEnv) != wire) {
                    std::printf("FAIL %s: frame 2 differs from Python's\n", name.c_str());
                    ++failed;
                    continue;
                }
            }
            ++passed;
        }
        std::printf("%d passed, %d failed\n", passed, failed);
        std::fflush(stdout);
        QVERIFY(passed > 0);
        QVERIFY(wholeWire > 0);
        QCOMPARE(failed, 0);
    }

    void roundTrip()
    {
        QString error;
        auto signer = Signer::fromFiles(certPath("shell-app01.phx2.fedoraproject.org.crt"),
            certPath("shell-app01.phx2.fedoraproject.org.key"),
            {},
            &error);
        QVERIFY2(signer, qPrintable(error));
        QCOMPARE(signer->commonName(), QStringLiteral("shell-app01.phx2.fedoraproject.org"));
        QVERIFY(signer->certificatePem().rfind("-----BEGIN CERTIFICATE-----\n", 0) == 0);
        auto signedEnv = signer->sign(sampleEnvelope(), &error);
        QVERIFY2(signedEnv, qPrintable(error));
        QCOMPARE((*signedEnv)["crypto"].toStdString(), std::string("x509"));
        const std::string sig = (*signedEnv)["signature"].toStdString();
        QCOMPARE(sig.size(), std::size_t(172 + 3));
        QCOMPARE(sig.back(), '\n');
        QVERIFY((*signedEnv)["certificate"].toStdString().rfind(
                    "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t", 0)
            == 0);

        Validator validator(testCaConfig());
        // Through the wire form, as a subscriber sees it.
        const std::string wire = JsonWriter::canonical(*signedEnv);
        const ValidationResult r = validator.validate(*JsonParser::parse(wire));
        QVERIFY2(r.isTrusted(), qPrintable(r.reason));
        QCOMPARE(r.signer, signer->commonName());

        JsonValue tampered = *signedEnv;
        tampered.insert("i", JsonValue(2));
        QVERIFY(!validator.validate(tampered).isTrusted());
        JsonValue floatTime = *signedEnv;
        floatTime.insert("timestamp", JsonValue(1700000000.0));
        QVERIFY(!validator.validate(floatTime).isTrusted());

        // Signing is idempotent: re-signing a signed envelope replaces the credentials.
        auto again = signer->sign(*signedEnv);
        QVERIFY(again);
        QVERIFY(*again == *signedEnv);
    }

    void revokedSignerIsRejectedWithCrl()
    {
        auto signer =
            Signer::fromFiles(certPath("dummy-revoked.crt"), certPath("dummy-revoked.key"));
        QVERIFY(signer);
        const JsonValue env = *signer->sign(sampleEnvelope());
        const ValidationResult r = Validator(testCaConfig()).validate(env);
        QVERIFY(!r.isTrusted());
        QVERIFY2(r.reason.contains(QLatin1String("revoked")), qPrintable(r.reason));
        TrustConfig noCrl = testCaConfig();
        noCrl.crlLocation.clear();
        QVERIFY(Validator(noCrl).validate(env).isTrusted());
    }

    void encryptedKeyUsesCallback()
    {
        const QByteArray cert = readAll(certPath("shell-app01.phx2.fedoraproject.org.crt"));
        const QByteArray key =
            encryptedKey(readAll(certPath("shell-app01.phx2.fedoraproject.org.key")), "s3cret");
        QVERIFY(key.contains("ENCRYPTED"));
        int asked = 0;
        QString error;
        auto signer = Signer::fromPem(
            cert,
            key,
            [&asked]() -> std::optional<QByteArray> {
                ++asked;
                return QByteArray("s3cret");
            },
            &error);
        QVERIFY2(signer, qPrintable(error));
        QCOMPARE(asked, 1);
        QVERIFY(Validator(testCaConfig()).validate(*signer->sign(sampleEnvelope())).isTrusted());

        QVERIFY(!Signer::fromPem(
            cert,
            key,
            [] {
                return std::optional<QByteArray>(QByteArray("wrong"));
            },
            &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!Signer::fromPem(
            cert,
            key,
            [] {
                return std::optional<QByteArray>();
            },
            &error));
        QVERIFY(!Signer::fromPem(cert, key, {}, &error)); // no callback: fails, never prompts
    }

    void rejectsMismatchedKey()
    {
        QString error;
        QVERIFY(!Signer::fromFiles(certPath("shell-app01.phx2.fedoraproject.org.crt"),
            certPath("shell-app02.phx2.fedoraproject.org.key"),
            {},
            &error));
        QVERIFY2(error.contains(QLatin1String("does not match")), qPrintable(error));
        QVERIFY(!Signer::fromFiles(
            QStringLiteral("/nonexistent.crt"), QStringLiteral("/nonexistent.key"), {}, &error));
        auto signer = Signer::fromFiles(certPath("shell-app01.phx2.fedoraproject.org.crt"),
            certPath("shell-app01.phx2.fedoraproject.org.key"));
        QVERIFY(signer);
        QVERIFY(!signer->sign(JsonValue::emptyArray(), &error));
    }
};

QTEST_GUILESS_MAIN(TestSigner)
#include "TestSigner.moc"
