// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "zeromq/Publisher.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>

using namespace fedmsg;

class TestPublisher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void topics();
    void envelopeFields();
    void signFunctionSeesCrypto();
    void errorsAreValues();
    void waitIsBounded();
};

void TestPublisher::topics()
{
    PublisherOptions o;
    o.topicPrefix = QStringLiteral("org.fedoraproject");
    o.environment = QStringLiteral("stg");
    Publisher p(o);
    QCOMPARE(p.fullTopic(QStringLiteral("logger"), QStringLiteral("log")),
        QStringLiteral("org.fedoraproject.stg.logger.log"));
    QCOMPARE(p.fullTopic(QStringLiteral("git"), QStringLiteral("receive.depth")),
        QStringLiteral("org.fedoraproject.stg.git.receive.depth"));
    // Already prefixed: nothing prepended (fedmsg's check is on modname.topic).
    QCOMPARE(p.fullTopic(QStringLiteral("org.fedoraproject.prod.bodhi"), QStringLiteral("update")),
        QStringLiteral("org.fedoraproject.prod.bodhi.update"));
}

void TestPublisher::envelopeFields()
{
    Publisher p(PublisherOptions {});
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const JsonValue a =
        p.buildEnvelope(QStringLiteral("t.a"), JsonValue(JsonValue::Object { { "x", 1 } }));
    const JsonValue b = p.buildEnvelope(QStringLiteral("t.b"), JsonValue());
    QCOMPARE(a["topic"].toQString(), QStringLiteral("t.a"));
    QCOMPARE(a["msg"]["x"].toInt64(), 1);
    QVERIFY(a["timestamp"].isInteger());
    QVERIFY(qAbs(a["timestamp"].toInt64() - now) <= 2);
    QCOMPARE(a["i"].toInt64(), 1);
    QCOMPARE(b["i"].toInt64(), 2);
    const QRegularExpression id(QStringLiteral(
        "^\\d{4}-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    QVERIFY2(id.match(a["msg_id"].toQString()).hasMatch(), qPrintable(a["msg_id"].toQString()));
    QVERIFY(a["msg_id"] != b["msg_id"]);
    QVERIFY(!a["username"].toQString().isEmpty());
    // publish() replaces a falsy msg with {}.
    for (const JsonValue &falsy :
        { JsonValue(), JsonValue(false), JsonValue(0), JsonValue(""), JsonValue::emptyArray() })
        QVERIFY(p.buildEnvelope(QStringLiteral("t"), falsy)["msg"].isObject());
    QCOMPARE(p.buildEnvelope(QStringLiteral("t"), JsonValue("text"))["msg"].toQString(),
        QStringLiteral("text"));
    QVERIFY(!a.contains("crypto"));
}

void TestPublisher::signFunctionSeesCrypto()
{
    PublisherOptions o;
    o.mode = PublisherOptions::Mode::Bind;
    o.url = QStringLiteral("tcp://127.0.0.1:*");
    o.lingerMs = 0;
    Publisher p(o);
    JsonValue seen;
    p.setSignFunction([&](JsonValue &body, QString *) {
        seen = body;
        body.insert("signature", JsonValue("sig"));
        return true;
    });
    QVERIFY(p.open());
    JsonValue sent;
    QVERIFY(p.publish(QStringLiteral("m"),
        QStringLiteral("t"),
        JsonValue(JsonValue::Object { { "a", 1 } }),
        nullptr,
        &sent));
    QCOMPARE(seen["crypto"].toQString(), QStringLiteral("x509")); // crypto is added before signing
    QCOMPARE(sent["signature"].toQString(), QStringLiteral("sig"));
    p.setSignFunction([](JsonValue &, QString *error) {
        *error = QStringLiteral("no key");
        return false;
    });
    QString error;
    QVERIFY(!p.publish(QStringLiteral("m"), QStringLiteral("t"), JsonValue(), &error));
    QCOMPARE(error, QStringLiteral("no key"));
}

void TestPublisher::errorsAreValues()
{
    QString error;
    PublisherOptions o;
    o.mode = PublisherOptions::Mode::Bind;
    o.url = QStringLiteral("nonsense://x");
    Publisher bad(o);
    QVERIFY(!bad.open(&error));
    QVERIFY2(error.contains(QStringLiteral("nonsense://x")), qPrintable(error));
    QVERIFY(!bad.sendFrames({ "a", "b" }, &error));
    o.url = QStringLiteral("tcp://127.0.0.1:*");
    o.certFile = QStringLiteral("/nonexistent.crt");
    o.keyFile = QStringLiteral("/nonexistent.key");
    Publisher noCert(o);
    QVERIFY(!noCert.open(&error));
    QVERIFY2(error.contains(QStringLiteral("certificate")), qPrintable(error));
}

void TestPublisher::waitIsBounded()
{
    PublisherOptions o;
    o.mode = PublisherOptions::Mode::Bind;
    o.url = QStringLiteral("tcp://127.0.0.1:*");
    o.lingerMs = 0;
    Publisher p(o);
    QVERIFY(p.open());
    QVERIFY(p.boundEndpoint().startsWith(QStringLiteral("tcp://127.0.0.1:")));
    QElapsedTimer t;
    t.start();
    QVERIFY(!p.waitForSubscriber(QStringLiteral("x"), 200));
    QVERIFY(t.elapsed() >= 150);
    QCOMPARE(p.subscriptionCount(), 0);
}

QTEST_GUILESS_MAIN(TestPublisher)
#include "TestPublisher.moc"
