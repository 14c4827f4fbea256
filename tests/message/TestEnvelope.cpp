// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "CaseTally.h"
#include "JsonLines.h"
#include "TestData.h"
#include "message/Envelope.h"
#include "json/JsonParser.h"
#include "json/JsonWriter.h"

#include <QTest>

using namespace fedmsg;

namespace {

QString signedVectorsPath()
{
    return test::testDataOverride("FEDMSG_SIGNED_VECTORS", "vectors/signed-public.jsonl");
}

std::string b64(const JsonValue &v)
{
    return QByteArray::fromBase64(QByteArray::fromStdString(v.toStdString())).toStdString();
}

const std::string Body =
    R"({"topic":"org.fedoraproject.prod.a.b","msg":{"x":1},"timestamp":1700000000,)"
    R"("msg_id":"2023-abc","i":3,"username":"apache","crypto":"x509","signature":"c2ln\n",)"
    R"("certificate":"Y2VydA==\n","extra":{"kept":true},"headers":{"h":1}})";

} // namespace

class TestEnvelope : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accessors()
    {
        QString error;
        auto env = Envelope::fromZmqFrames({ "org.fedoraproject.prod.a.b", Body }, &error);
        QVERIFY2(env, qPrintable(error));
        QCOMPARE(env->transport(), Envelope::Transport::ZeroMq);
        QCOMPARE(env->topic(), QStringLiteral("org.fedoraproject.prod.a.b"));
        QCOMPARE(JsonWriter::canonical(env->msg()), std::string(R"({"x":1})"));
        QVERIFY(env->timestampValue().isInteger());
        QCOMPARE(env->timestamp(), 1700000000.0);
        QCOMPARE(env->sentAt(), QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC));
        QCOMPARE(env->msgId(), QStringLiteral("2023-abc"));
        QCOMPARE(env->index(), std::int64_t(3));
        QCOMPARE(env->username(), QStringLiteral("apache"));
        QCOMPARE(env->crypto(), QStringLiteral("x509"));
        QCOMPARE(env->signature(), QStringLiteral("c2ln\n"));
        QCOMPARE(env->certificate(), QStringLiteral("Y2VydA==\n"));
        QVERIFY(env->body()["extra"]["kept"].toBool());
        QCOMPARE(env->headers()["h"].toInt64(), std::int64_t(1));
        QCOMPARE(env->trust(), TrustState::Unchecked);
        env->setTrust(TrustState::Untrusted, QStringLiteral("Untrusted: test"));
        QCOMPARE(env->trust(), TrustState::Untrusted);
        QCOMPARE(env->trustReason(), QStringLiteral("Untrusted: test"));
        // The canonical body keeps every field, sorted.
        QVERIFY(env->canonicalBody().find(R"("extra":{"kept":true})") != std::string::npos);
        QCOMPARE(env->canonicalBody().substr(0, 14), std::string(R"({"certificate")"));
    }

    void floatTimestampAndMissingFields()
    {
        auto env = Envelope::fromZmqFrames(
            { "t", R"({"topic":"t","msg":"just text","timestamp":1358964211.874383})" });
        QVERIFY(env);
        QVERIFY(env->timestampValue().isFloat());
        QCOMPARE(env->sentAt().toMSecsSinceEpoch(), qint64(1358964211874));
        QVERIFY(env->msg().isString());
        QVERIFY(env->msgId().isEmpty());
        QVERIFY(env->username().isEmpty());
        QCOMPARE(env->index(), std::int64_t(0));
        QVERIFY(env->headers().isNull());
        auto noTime = Envelope::fromZmqFrames({ "t", R"({"topic":"t"})" });
        QVERIFY(noTime);
        QVERIFY(!noTime->sentAt().isValid());
        QCOMPARE(noTime->timestamp(), 0.0);
        QVERIFY(noTime->msg().isNull());
    }

    void rejects_data()
    {
        QTest::addColumn<int>("frameCount");
        QTest::addColumn<QByteArray>("topic");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("one frame")
            << 1 << QByteArray("t") << QByteArray() << QStringLiteral("expected 2 frames, got 1");
        QTest::newRow("three frames") << 3 << QByteArray("t") << QByteArray(R"({"topic":"t"})")
                                      << QStringLiteral("expected 2 frames, got 3");
        QTest::newRow("topic not utf8")
            << 2 << QByteArray("t\xff") << QByteArray(R"({"topic":"t"})")
            << QStringLiteral("topic frame is not UTF-8");
        QTest::newRow("body not utf8")
            << 2 << QByteArray("t") << QByteArray("{\"topic\":\"t\xc3\"}")
            << QStringLiteral("UnicodeDecodeError");
        QTest::newRow("bom") << 2 << QByteArray("t") << QByteArray("\xef\xbb\xbf{\"topic\":\"t\"}")
                             << QStringLiteral("BOM");
        QTest::newRow("not json") << 2 << QByteArray("t") << QByteArray("{topic}")
                                  << QStringLiteral("Expecting property name");
        QTest::newRow("array") << 2 << QByteArray("t") << QByteArray("[]")
                               << QStringLiteral("not a JSON object");
        QTest::newRow("no topic") << 2 << QByteArray("t") << QByteArray("{}")
                                  << QStringLiteral("no string");
        QTest::newRow("topic number")
            << 2 << QByteArray("t") << QByteArray(R"({"topic":1})") << QStringLiteral("no string");
        QTest::newRow("mismatch") << 2 << QByteArray("a.b") << QByteArray(R"({"topic":"a.c"})")
                                  << QStringLiteral("Topic envelope mismatch");
        QTest::newRow("prefix only") << 2 << QByteArray("a.b") << QByteArray(R"({"topic":"a.b.c"})")
                                     << QStringLiteral("Topic envelope mismatch");
    }

    void rejects()
    {
        QFETCH(int, frameCount);
        QFETCH(QByteArray, topic);
        QFETCH(QByteArray, body);
        QFETCH(QString, reasonPart);
        std::vector<std::string> frames { topic.toStdString() };
        for (int i = 1; i < frameCount; ++i)
            frames.push_back(body.toStdString());
        QString error;
        QVERIFY(!Envelope::fromZmqFrames(frames, &error));
        QVERIFY2(error.contains(reasonPart), qPrintable(error));
    }

    // Every wire message of the signed vectors: accepted exactly when frame 1 matches body.topic,
    // and the envelope's canonical body re-parses to the same value.
    void signedVectorsWireFrames()
    {
        QString loadError;
        const auto vectors = test::readJsonLines(signedVectorsPath(), &loadError);
        QVERIFY2(loadError.isEmpty(), qPrintable(loadError));
        QVERIFY2(!vectors.empty(), qPrintable(signedVectorsPath() + QStringLiteral(" is empty")));
        test::CaseTally tally;
        for (const JsonValue &v : vectors) {
            const QString name = v["name"].toQString();
            const std::string body = b64(v["wire_body_b64"]);
            QString error;
            auto env = Envelope::fromZmqFrames({ v["wire_topic"].toStdString(), body }, &error);
            const bool expectOk = v["frame_topic_matches_body_topic"].toBool(true);
            if (bool(env) != expectOk) {
                tally.fail(name,
                    QStringLiteral("accepted=%1 expected=%2 (%3)")
                        .arg(env ? 1 : 0)
                        .arg(expectOk ? 1 : 0)
                        .arg(error));
                continue;
            }
            if (env) {
                auto again = JsonParser::parse(env->canonicalBody());
                if (!again || !(*again == env->body())) {
                    tally.fail(name, QStringLiteral("canonical body does not round-trip"));
                    continue;
                }
            }
            tally.pass();
        }
        tally.print();
        QCOMPARE(tally.failed, 0);
    }

    // The published sample envelopes all load and expose topic and msg.
    void sampleEnvelopes()
    {
        QString loadError;
        const auto samples = test::readJsonLines(test::sampleEnvelopesPath(), &loadError);
        QVERIFY2(loadError.isEmpty(), qPrintable(loadError));
        QVERIFY2(!samples.empty(),
            qPrintable(test::sampleEnvelopesPath() + QStringLiteral(" is empty")));
        test::CaseTally tally;
        for (const JsonValue &s : samples) {
            const std::string body = JsonWriter::canonical(s);
            QString error;
            auto env = Envelope::fromZmqFrames({ s["topic"].toStdString(), body }, &error);
            if (!env || env->topic().isEmpty() || !env->sentAt().isValid()
                || env->canonicalBody() != body)
                tally.fail(s["topic"].toQString(), error);
            else
                tally.pass();
        }
        tally.print();
        QCOMPARE(tally.failed, 0);
    }
};

QTEST_GUILESS_MAIN(TestEnvelope)
#include "TestEnvelope.moc"
