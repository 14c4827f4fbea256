// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "AmqpTestBroker.h"

#include "amqp/AmqpConnection.h"
#include "amqp/AmqpPublisher.h"
#include "amqp/AmqpTable.h"
#include "amqp/AmqpWorker.h"

#include <QRegularExpression>
#include <QUuid>
#include <QtTest>

using namespace fedmsg;
using fedmsg::test::AmqpTestBroker;

/// The connection layer against the real broker: TLS, EXTERNAL, the public user's permissions,
/// and what AmqpPublisher puts on the wire.
class TestAmqpConnection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tlsExternalLogin();
    void emptyIdentityStillLogsIn();
    void wrongCaIsRefused();
    void hostNameIsChecked();
    void noClientCertificateIsRefused();
    void nonUuidQueueIsRefused();
    void acceptableQueueNames_data();
    void acceptableQueueNames();
    void publisherWireFormat();

private:
    AmqpTestBroker m_broker;
};

void TestAmqpConnection::initTestCase()
{
    FEDMSG_REQUIRE_BROKER(m_broker);
}

void TestAmqpConnection::tlsExternalLogin()
{
    AmqpConnection c;
    AmqpError e;
    QVERIFY2(c.open(m_broker.consumerOptions(), &e), qPrintable(e.text));
    QVERIFY(c.usesTls());
    // The broker proposes 600 s; rabbitmq-c takes the lower non-zero value we asked for.
    QCOMPARE(c.negotiatedHeartbeat(), 60);
    QVERIFY(c.socketFd() >= 0);
    QVERIFY2(c.openChannel(1, &e), qPrintable(e.text));
    c.close();
    QVERIFY(!c.isOpen());
}

void TestAmqpConnection::emptyIdentityStillLogsIn()
{
    // rabbitmq-c 0.11 fails an EXTERNAL login with an empty response ("could not allocate
    // memory"); the connection substitutes "fedora" (the broker uses the certificate's CN).
    AmqpConnectOptions o = m_broker.consumerOptions();
    o.loginIdentity.clear();
    AmqpConnection c;
    AmqpError e;
    QVERIFY2(c.open(o, &e), qPrintable(e.text));
}

void TestAmqpConnection::wrongCaIsRefused()
{
    AmqpConnectOptions o = m_broker.consumerOptions();
    o.caCertFile = m_broker.value("FEDMSG_TEST_BROKER_OTHER_CA");
    AmqpConnection c;
    AmqpError e;
    QVERIFY(!c.open(o, &e));
    QVERIFY(!c.isOpen());
    QVERIFY2(!e.text.isEmpty(), "a reason is given");
    qInfo().noquote() << "wrong CA:" << e.text;
}

void TestAmqpConnection::hostNameIsChecked()
{
    // The server certificate names DNS:localhost only: 127.0.0.1 must fail verification.
    AmqpConnectOptions o = m_broker.consumerOptions();
    o.address.host = QStringLiteral("127.0.0.1");
    AmqpConnection c;
    AmqpError e;
    QVERIFY(!c.open(o, &e));
    qInfo().noquote() << "host name mismatch:" << e.text;
}

void TestAmqpConnection::noClientCertificateIsRefused()
{
    AmqpConnectOptions o = m_broker.consumerOptions();
    o.certFile.clear();
    o.keyFile.clear();
    AmqpConnection c;
    AmqpError e;
    QVERIFY(!c.open(o, &e)); // no credentials at all
    o.address.user = QStringLiteral("fedora");
    QVERIFY(!c.open(o, &e)); // PLAIN over TLS without a client certificate: the broker refuses
    QVERIFY(!e.text.isEmpty());
}

void TestAmqpConnection::nonUuidQueueIsRefused()
{
    AmqpConnection c;
    AmqpError e;
    QVERIFY2(c.open(m_broker.consumerOptions(), &e), qPrintable(e.text));
    QVERIFY(c.openChannel(1, &e));
    QVERIFY(!c.declareQueue(1, QStringLiteral("my-queue"), false, false, false, false, {}, &e));
    QCOMPARE(e.code, 403); // ACCESS_REFUSED by the public user's configure permission
    QVERIFY(e.channelClosed);
    QVERIFY(!e.connectionLost);
    // The connection survives; a UUID name on a new channel is fine, and gets the sweeper policy.
    QVERIFY2(c.openChannel(2, &e), qPrintable(e.text));
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString name;
    JsonValue args = JsonValue::emptyObject();
    args.insert("x-expires", JsonValue(3600000));
    QVERIFY2(
        c.declareQueue(2, uuid, false, false, false, false, args, &e, &name), qPrintable(e.text));
    QCOMPARE(name, uuid);
    QVERIFY(c.deleteQueue(2, uuid, &e));
    // And the source never asks for such a name.
    QVERIFY(!AmqpWorker::isAcceptableQueueName(QStringLiteral("my-queue")));
}

void TestAmqpConnection::acceptableQueueNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("ok");
    QTest::newRow("uuid4") << QUuid::createUuid().toString(QUuid::WithoutBraces) << true;
    QTest::newRow("upper") << QStringLiteral("2F3C8F4E-5A6B-4C7D-8E9F-0A1B2C3D4E5F") << true;
    QTest::newRow("zero (shared sample)")
        << QStringLiteral("00000000-0000-0000-0000-000000000000") << false;
    QTest::newRow("braces") << QStringLiteral("{2f3c8f4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f}") << false;
    QTest::newRow("name") << QStringLiteral("my-queue") << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("trailing") << QStringLiteral("2f3c8f4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f-x") << false;
}

void TestAmqpConnection::acceptableQueueNames()
{
    QFETCH(QString, name);
    QFETCH(bool, ok);
    QCOMPARE(AmqpWorker::isAcceptableQueueName(name), ok);
    if (!ok || name.isEmpty()) {
        return;
    }
    // What we accept, the broker accepts for the public user.
    AmqpConnection c;
    AmqpError e;
    QVERIFY(c.open(m_broker.consumerOptions(), &e));
    QVERIFY(c.openChannel(1, &e));
    QVERIFY2(c.declareQueue(1, name, false, false, false, true, {}, &e), qPrintable(e.text));
}

void TestAmqpConnection::publisherWireFormat()
{
    // A raw consumer (fedora's user, TLS) on its own queue sees exactly fedora-messaging's
    // properties and header kinds: content type, UTF-8, persistent delivery, message id, and
    // the fedora_messaging_* / sent-at headers with their AMQP field types; no priority.
    AmqpConnection consumer;
    AmqpError e;
    QVERIFY(consumer.open(m_broker.consumerOptions(), &e));
    QVERIFY(consumer.openChannel(1, &e));
    QString queue;
    QVERIFY(consumer.declareQueue(1, QString(), false, false, true, true, {}, &e, &queue));
    QVERIFY(queue.startsWith(QStringLiteral("amq.gen-")));
    const QString topic = QStringLiteral("org.fedoraproject.prod.bodhi.update.comment");
    QVERIFY(consumer.bindQueue(1, queue, QStringLiteral("amq.topic"), topic, &e));
    QVERIFY(consumer.consume(1, queue, &e));

    AmqpPublisher publisher(m_broker.publisherOptions());
    QString error;
    QVERIFY2(publisher.connect(&error), qPrintable(error));
    AmqpOutgoingMessage m;
    m.topic = topic;
    m.body.insert("comment", JsonValue("caf\u00e9"));
    m.schema = QStringLiteral("bodhi.update.comment.v1");
    m.schemaPackage = QStringLiteral("bodhi_messages");
    m.severity = 30;
    m.usernames = { QStringLiteral("alice") };
    m.packages = { QStringLiteral("kernel"), QStringLiteral("python-requests") };
    m.sentAt = QDateTime::fromSecsSinceEpoch(1717243200, QTimeZone::utc());
    const QString id = publisher.publish(m, &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    QVERIFY2(publisher.waitForConfirms(10000, &error), qPrintable(error));
    QVERIFY(QRegularExpression(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"))
                .match(id)
                .hasMatch());

    amqp_envelope_t env;
    timeval tv { 10, 0 };
    const amqp_rpc_reply_t r = amqp_consume_message(consumer.state(), &env, &tv, 0);
    QCOMPARE(int(r.reply_type), int(AMQP_RESPONSE_NORMAL));
    const amqp_basic_properties_t &p = env.message.properties;
    QCOMPARE(AmqpConnection::toQString(env.routing_key), topic);
    QVERIFY(p._flags & AMQP_BASIC_CONTENT_TYPE_FLAG);
    QCOMPARE(AmqpConnection::toQString(p.content_type), QStringLiteral("application/json"));
    QVERIFY(p._flags & AMQP_BASIC_CONTENT_ENCODING_FLAG);
    QCOMPARE(AmqpConnection::toQString(p.content_encoding), QStringLiteral("utf-8"));
    QVERIFY(p._flags & AMQP_BASIC_DELIVERY_MODE_FLAG);
    QCOMPARE(int(p.delivery_mode), 2);
    QCOMPARE(AmqpConnection::toQString(p.message_id), id);
    QVERIFY(!(p._flags & AMQP_BASIC_PRIORITY_FLAG)); // unset, like fedora-messaging
    QVERIFY(p._flags & AMQP_BASIC_HEADERS_FLAG);
    QMap<QString, char> kinds;
    for (int i = 0; i < p.headers.num_entries; ++i) {
        kinds.insert(AmqpConnection::toQString(p.headers.entries[i].key),
            char(p.headers.entries[i].value.kind));
    }
    const QMap<QString, char> expected {
        { QStringLiteral("fedora_messaging_schema"), 'S' },
        { QStringLiteral("fedora_messaging_schema_package"), 'S' },
        { QStringLiteral("sent-at"), 'S' },
        { QStringLiteral("fedora_messaging_severity"), 'I' },
        { QStringLiteral("priority"), 'I' },
        { QStringLiteral("fedora_messaging_user_alice"), 't' },
        { QStringLiteral("fedora_messaging_rpm_kernel"), 't' },
        { QStringLiteral("fedora_messaging_rpm_python-requests"), 't' },
    };
    QCOMPARE(kinds, expected);
    const JsonValue headers = AmqpTable::toJson(p.headers);
    QCOMPARE(headers["sent-at"].toQString(), QStringLiteral("2024-06-01T12:00:00+00:00"));
    QCOMPARE(headers["fedora_messaging_severity"].toInt64(), 30);
    QCOMPARE(headers["priority"].toInt64(), 0);
    const QByteArray body(static_cast<const char *>(env.message.body.bytes),
        static_cast<qsizetype>(env.message.body.len));
    QCOMPARE(body, QByteArray("{\"comment\":\"caf\\u00e9\"}"));
    amqp_destroy_envelope(&env);
}

QTEST_GUILESS_MAIN(TestAmqpConnection)
#include "TestAmqpConnection.moc"
