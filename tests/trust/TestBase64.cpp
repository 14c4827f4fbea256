// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "trust/Base64.h"

#include <QTest>

using namespace fedmsg;

class TestBase64 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Expectations are CPython 3.11 base64.b64decode results.
    void decodeLikePython_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QByteArray>("output");
        QTest::newRow("padded") << QByteArray("QQ==") << true << QByteArray("A");
        QTest::newRow("missing padding")
            << QByteArray("QQ") << false << QByteArray("Incorrect padding");
        QTest::newRow("half padding")
            << QByteArray("QQ=") << false << QByteArray("Incorrect padding");
        QTest::newRow("stops after padding") << QByteArray("QQ==QQ==") << true << QByteArray("A");
        QTest::newRow("one char") << QByteArray("Q") << false
                                  << QByteArray(
                                         "Invalid base64-encoded string: number of data characters "
                                         "(1) cannot be 1 more than a multiple of 4");
        QTest::newRow("pad after full quad ignored")
            << QByteArray("QUJD=") << true << QByteArray("ABC");
        QTest::newRow("pad in the middle ignored")
            << QByteArray("QU=JD") << true << QByteArray("ABC");
        QTest::newRow("newlines ignored")
            << QByteArray("QUJ\nDRA==\n") << true << QByteArray("ABCD");
        QTest::newRow("junk ignored") << QByteArray("Q!U*J D") << true << QByteArray("ABC");
        QTest::newRow("pad reset by data") << QByteArray("QQ=x=") << true << QByteArray("A\x0c");
        QTest::newRow("non ascii")
            << QByteArray("QUJD\xc3\xa9") << false
            << QByteArray("string argument should contain only ASCII characters");
        QTest::newRow("empty") << QByteArray("") << true << QByteArray("");
    }

    void decodeLikePython()
    {
        QFETCH(QByteArray, input);
        QFETCH(bool, ok);
        QFETCH(QByteArray, output);
        std::string error;
        const auto r = Base64::decode(input.toStdString(), &error);
        QCOMPARE(bool(r), ok);
        if (ok)
            QCOMPARE(QByteArray::fromStdString(*r), output);
        else
            QCOMPARE(QByteArray::fromStdString(error), output);
    }

    void wrap76()
    {
        QCOMPARE(Base64::encodeWrapped76(""), std::string());
        QCOMPARE(Base64::encodeWrapped76("A"), std::string("QQ==\n"));
        // 128 bytes (an RSA-1024 signature) -> 172 chars -> 76 + 76 + 20, each line ending in \n.
        const std::string sig(128, '\xab');
        const std::string w = Base64::encodeWrapped76(sig);
        QCOMPARE(w.size(), std::size_t(172 + 3));
        QCOMPARE(w[76], '\n');
        QCOMPARE(w[153], '\n');
        QCOMPARE(w.back(), '\n');
        QCOMPARE(*Base64::decode(w), sig);
        // Exactly 57 bytes = one full line.
        QCOMPARE(Base64::encodeWrapped76(std::string(57, 'x')).size(), std::size_t(77));
    }

    void roundTripAllLengths()
    {
        std::string data;
        for (int n = 0; n < 300; ++n) {
            QCOMPARE(*Base64::decode(Base64::encode(data)), data);
            QCOMPARE(*Base64::decode(Base64::encodeWrapped76(data)), data);
            QCOMPARE(QByteArray::fromStdString(Base64::encode(data)),
                QByteArray::fromStdString(data).toBase64());
            data.push_back(static_cast<char>(n * 37));
        }
    }
};

QTEST_GUILESS_MAIN(TestBase64)
#include "TestBase64.moc"
