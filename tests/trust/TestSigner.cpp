// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "CaseTally.h"
#include "SignedVectors.h"

#include "trust/Base64.h"
#include "trust/Signer.h"
#include "trust/Validator.h"
#include "json/JsonWriter.h"

#include <QTest>

#include <optional>
#include <string_view>

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

/// How a signed vector compares with what Signer makes of the same envelope.
enum class Outcome {
    Skipped, ///< not a valid vector with a key here, or a re-encoded variant of another one
    Failed,
    FieldsOnly, ///< same signature and certificate (the wire is not canonical JSON)
    WholeWire, ///< frame 2 byte for byte
    Rewrapped ///< frame 2 identical but for the line breaks inside the base64 fields
};

/// signature and certificate without the whitespace base64 allows inside them.
JsonValue unwrapped(JsonValue env)
{
    for (const char *field : { "signature", "certificate" }) {
        if (!env[field].isString())
            continue;
        QByteArray b64 = QByteArray::fromStdString(env[field].toStdString()).simplified();
        b64.replace(' ', QByteArray());
        env.insert(field, JsonValue(b64.toStdString()));
    }
    return env;
}

Outcome check(const JsonValue &v, QString *why = nullptr)
{
    auto fail = [&](const QString &text) {
        if (why)
            *why = text;
        return Outcome::Failed;
    };
    if (!v["expect_valid"].toBool() || !v["signer_cert"].isString()
        || v["config"]["fix_datagrepper_message"].toBool())
        return Outcome::Skipped;
    QString keyPath = vectorPath(v["signer_cert"]);
    keyPath.replace(QLatin1String(".crt"), QLatin1String(".key"));
    if (!QFile::exists(keyPath))
        return Outcome::Skipped;
    QString error;
    auto signer = Signer::fromFiles(vectorPath(v["signer_cert"]), keyPath, {}, &error);
    if (!signer)
        return fail(error);
    const std::string wire = fromB64(v["wire_body_b64"]);
    const JsonValue received = *JsonParser::parse(wire);
    if (Validator::signedBytes(received) != fromB64(v["signed_bytes_b64"]))
        return Outcome::Skipped; // a re-encoded variant of another vector
    auto signedEnv = signer->sign(Validator::stripCredentials(received), &error);
    if (!signedEnv)
        return fail(error);
    const auto ours = Base64::decode((*signedEnv)["signature"].toStdString());
    const auto theirs = Base64::decode(received["signature"].toStdString());
    if (!ours || !theirs || *ours != *theirs)
        return fail(QStringLiteral("signature differs from the Python signer's"));
    if (JsonWriter::canonical(received) != wire)
        return Outcome::FieldsOnly;
    if (JsonWriter::canonical(*signedEnv) == wire)
        return Outcome::WholeWire;
    // Not a signer's output byte for byte: a variant re-wrapped after signing is still the
    // same frame once the base64 whitespace is set aside; anything else is a difference.
    if (JsonWriter::canonical(unwrapped(*signedEnv)) == JsonWriter::canonical(unwrapped(received)))
        return Outcome::Rewrapped;
    return fail(QStringLiteral("frame 2 differs from Python's"));
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
    // deterministic), and for canonical wire vectors the whole frame 2 is identical, or, for a
    // variant whose signature/certificate base64 was re-wrapped after signing (still valid:
    // those fields are not signed), identical once the base64 whitespace is set aside.
    void reproducesPythonSignatures()
    {
        test::CaseTally tally;
        int wholeWire = 0;
        int rewrapped = 0;
        for (const JsonValue &v : loadSignedVectors()) {
            QString why;
            switch (check(v, &why)) {
            case Outcome::Skipped:
                continue;
            case Outcome::Failed:
                tally.fail(v["name"].toQString(), why);
                continue;
            case Outcome::WholeWire:
                ++wholeWire;
                break;
            case Outcome::Rewrapped:
                ++rewrapped;
                break;
            case Outcome::FieldsOnly:
                break;
            }
            tally.pass();
        }
        qInfo("%d whole frames, %d re-wrapped variants", wholeWire, rewrapped);
        tally.print();
        QVERIFY(tally.passed > 0);
        QVERIFY(wholeWire > 0);
        QCOMPARE(tally.failed, 0);
    }

    // The variant check itself: one canonical vector re-wrapped here (base64 in 64-column lines,
    // and in one line) is recognised as a re-wrapped variant, not failed; a changed signature
    // in the same variant still fails.
    void rewrappedVariantIsToldApart()
    {
        std::optional<JsonValue> original;
        for (const JsonValue &v : loadSignedVectors()) {
            if (check(v) == Outcome::WholeWire) {
                original = v;
                break;
            }
        }
        QVERIFY2(original, "no canonical signed vector to re-wrap");
        const JsonValue wire = *JsonParser::parse(fromB64((*original)["wire_body_b64"]));
        auto variant = [&](int columns, bool tamper) {
            JsonValue body = wire;
            for (const char *field : { "signature", "certificate" }) {
                QByteArray b64 = QByteArray::fromStdString(body[field].toStdString()).simplified();
                b64.replace(' ', QByteArray());
                if (tamper && std::string_view(field) == "signature")
                    b64[10] = b64[10] == 'A' ? 'B' : 'A';
                QByteArray wrapped;
                for (qsizetype i = 0; i < b64.size(); i += columns)
                    wrapped += b64.mid(i, columns) + '\n';
                body.insert(field, JsonValue(wrapped.toStdString()));
            }
            JsonValue v = *original;
            v.insert("wire_body_b64",
                JsonValue(QByteArray::fromStdString(JsonWriter::canonical(body))
                              .toBase64()
                              .toStdString()));
            return v;
        };
        QString why;
        QCOMPARE(check(variant(64, false), &why), Outcome::Rewrapped);
        QCOMPARE(check(variant(100000, false), &why), Outcome::Rewrapped);
        QCOMPARE(check(variant(64, true), &why), Outcome::Failed);
        QVERIFY2(why.contains(QLatin1String("signature differs")), qPrintable(why));
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
