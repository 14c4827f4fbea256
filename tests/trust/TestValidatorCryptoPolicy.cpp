// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "CaseTally.h"
#include "SignedVectors.h"

#include "trust/Validator.h"

#include <QTest>

#include <openssl/evp.h>

#include <cstdio>

using namespace fedmsg;
using namespace fedmsg::testing;

// Runs with OPENSSL_CONF=restrictive-openssl.cnf (see CMakeLists.txt).
class TestValidatorCryptoPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultContextIsRestricted()
    {
        if (qEnvironmentVariableIsEmpty("OPENSSL_CONF"))
            QSKIP("OPENSSL_CONF not set (run through ctest)");
        EVP_MD *sha1 = EVP_MD_fetch(nullptr, "SHA1", nullptr);
        const bool restricted = sha1 == nullptr;
        EVP_MD_free(sha1);
        QVERIFY2(restricted, "the restrictive OpenSSL configuration did not take effect");
    }

    void vectorsStillValidate()
    {
        const auto vectors = loadSignedVectors();
        if (vectors.empty())
            QFAIL(qPrintable(signedVectorsPath() + QStringLiteral(" is missing or empty")));
        test::CaseTally tally;
        for (const JsonValue &v : vectors) {
            Validator validator(trustConfigOf(v));
            const auto body = JsonParser::parse(fromB64(v["wire_body_b64"]));
            const ValidationResult r = validator.validate(body.value_or(JsonValue()));
            if (r.isTrusted() != v["expect_valid"].toBool())
                tally.fail(v["name"].toQString(), r.reason);
            else
                tally.pass();
        }
        tally.print();
        QCOMPARE(tally.failed, 0);
    }
};

QTEST_GUILESS_MAIN(TestValidatorCryptoPolicy)
#include "TestValidatorCryptoPolicy.moc"
