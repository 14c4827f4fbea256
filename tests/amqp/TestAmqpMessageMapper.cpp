// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "CaseTally.h"
#include "JsonLines.h"
#include "TestData.h"
#include "amqp/AmqpMessageMapper.h"
#include "amqp/AmqpTable.h"
#include "json/JsonParser.h"
#include "json/JsonWriter.h"

#include <QtTest>

#include <array>

using namespace fedmsg;

namespace {

/// One entry of a field table as librabbitmq reads it off the wire.
amqp_table_entry_t tableEntry(const char *key, amqp_field_value_t value)
{
    return { amqp_cstring_bytes(key), value };
}

AmqpDelivery delivery(const QByteArray &body, const QString &key = QStringLiteral("org.x.y"))
{
    AmqpDelivery d;
    d.routingKey = key;
    d.deliveryTag = 7;
    d.contentType = QStringLiteral("application/json");
    d.contentEncoding = QStringLiteral("utf-8");
    d.messageId = QStringLiteral("6a0f3f4e-3c53-4d6e-9f0e-0d8b6f4b2a11");
    d.body = body;
    d.bodySize = body.size();
    JsonValue h = JsonValue::emptyObject();
    h.insert("fedora_messaging_schema", JsonValue("bodhi.update.comment.v1"));
    h.insert("fedora_messaging_severity", JsonValue(30));
    h.insert("sent-at", JsonValue("2024-06-01T12:00:00+00:00"));
    h.insert("fedora_messaging_user_bowlofeggs", JsonValue(true));
    h.insert("fedora_messaging_rpm_python-requests", JsonValue(true));
    h.insert("fedora_messaging_rpm_kernel", JsonValue(true));
    d.headers = h;
    return d;
}

QStringList toStringList(const JsonValue &array)
{
    QStringList out;
    for (const JsonValue &v : array.array()) {
        // The publisher formats header names with Python's str(): None -> "None".
        out.append(v.isNull() ? QStringLiteral("None") : v.toQString());
    }
    out.removeDuplicates();
    out.sort();
    return out;
}

} // namespace

class TestAmqpMessageMapper : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mapsEnvelope();
    void liberalDefaults();
    void drops_data();
    void drops();
    void sentAtParsing_data();
    void sentAtParsing();
    void tableConversion();
    void corpus();
};

void TestAmqpMessageMapper::mapsEnvelope()
{
    AmqpMessageMapper mapper({ QStringLiteral("fm"),
        QStringLiteral("amqps://h/%2Fv"),
        QStringLiteral("rabbitmq.fedoraproject.org"),
        true,
        1024 });
    const QDateTime received = QDateTime::fromSecsSinceEpoch(1717243300, QTimeZone::utc());
    QString error;
    const auto env =
        mapper.map(delivery(R"({"comment": {"text": "hi \u00e9"}, "n": 1})"), &error, received);
    QVERIFY2(env, qPrintable(error));
    QCOMPARE(env->transport(), Envelope::Transport::Amqp);
    QCOMPARE(env->topic(), QStringLiteral("org.x.y"));
    QCOMPARE(env->msgId(), QStringLiteral("6a0f3f4e-3c53-4d6e-9f0e-0d8b6f4b2a11"));
    QCOMPARE(env->msg()["comment"]["text"].toQString(), QStringLiteral("hi \u00e9"));
    QCOMPARE(env->msg()["n"].toInt64(), 1);
    QCOMPARE(env->timestamp(), 1717243200.0);
    QVERIFY(env->timestampValue().isInteger());
    QCOMPARE(env->sentAt(), QDateTime::fromSecsSinceEpoch(1717243200, QTimeZone::utc()));
    QCOMPARE(env->receivedAt(), received);
    QCOMPARE(env->deliveryTag(), quint64(7));
    QCOMPARE(env->busName(), QStringLiteral("fm"));
    QCOMPARE(env->endpoint(), QStringLiteral("amqps://h/%2Fv"));
    QCOMPARE(env->trust(), TrustState::BrokerUnsigned);
    QVERIFY(env->trustReason().contains(QStringLiteral("rabbitmq.fedoraproject.org")));
    QVERIFY(env->trustReason().contains(QStringLiteral("no signature")));
    QCOMPARE(env->headers().size(), std::size_t(6));
    QCOMPARE(AmqpMessageMapper::schemaName(*env), QStringLiteral("bodhi.update.comment.v1"));
    QCOMPARE(AmqpMessageMapper::severity(*env), 30);
    QCOMPARE(AmqpMessageMapper::objectNames(*env, QStringLiteral("user")),
        QStringList { QStringLiteral("bowlofeggs") });
    QCOMPARE(AmqpMessageMapper::objectNames(*env, QStringLiteral("rpm")),
        (QStringList { QStringLiteral("kernel"), QStringLiteral("python-requests") }));
    QVERIFY(AmqpMessageMapper::objectNames(*env, QStringLiteral("group")).isEmpty());
}

void TestAmqpMessageMapper::liberalDefaults()
{
    AmqpMessageMapper mapper;
    AmqpDelivery d = delivery("{}");
    d.contentEncoding.reset();
    d.messageId.reset();
    d.headers = JsonValue();
    QString error;
    const auto env = mapper.map(d, &error);
    QVERIFY2(env, qPrintable(error));
    QVERIFY(env->headers().isObject());
    QCOMPARE(env->headers().size(), std::size_t(0));
    QCOMPARE(AmqpMessageMapper::severity(*env), 20);
    QVERIFY(AmqpMessageMapper::schemaName(*env).isEmpty());
    QVERIFY(env->msgId().startsWith(QStringLiteral("sha256-")));
    QVERIFY(!env->sentAt().isValid());
    // The derived id is stable (a redelivery de-duplicates) and depends on the content.
    QCOMPARE(mapper.map(d)->msgId(), env->msgId());
    AmqpDelivery other = d;
    other.body = "{\"a\": 1}";
    QVERIFY(mapper.map(other)->msgId() != env->msgId());
    // A severity outside the four levels counts as INFO.
    AmqpDelivery odd = delivery("{}");
    odd.headers.insert("fedora_messaging_severity", JsonValue(99));
    QCOMPARE(AmqpMessageMapper::severity(*mapper.map(odd)), 20);
    // AMQP timestamp property as a fallback for sent-at.
    AmqpDelivery ts = d;
    ts.timestamp = 1700000000;
    QCOMPARE(mapper.map(ts)->timestamp(), 1700000000.0);
}

void TestAmqpMessageMapper::drops_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not JSON") << QByteArray("hello") << QString() << QStringLiteral("not JSON");
    QTest::newRow("truncated JSON")
        << QByteArray("{\"a\": ") << QString() << QStringLiteral("not JSON");
    QTest::newRow("array") << QByteArray("[1, 2]") << QString() << QStringLiteral("JSON array");
    QTest::newRow("string") << QByteArray("\"x\"") << QString() << QStringLiteral("JSON string");
    QTest::newRow("null") << QByteArray("null") << QString() << QStringLiteral("JSON null");
    QTest::newRow("latin-1 bytes")
        << QByteArray("{\"a\": \"caf\xe9\"}") << QString() << QStringLiteral("not UTF-8");
    QTest::newRow("BOM") << QByteArray("\xef\xbb\xbf{}") << QString() << QStringLiteral("not JSON");
    QTest::newRow("other encoding")
        << QByteArray("{}") << QStringLiteral("latin-1") << QStringLiteral("content_encoding");
    QTest::newRow("too big") << QByteArray(2048, ' ') + "{}" << QString()
                             << QStringLiteral("exceeds the limit of 1024 bytes");
}

void TestAmqpMessageMapper::drops()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, encoding);
    QFETCH(QString, reason);
    AmqpMessageMapper::Options o;
    o.maxBodySize = 1024;
    AmqpMessageMapper mapper(o);
    AmqpDelivery d = delivery(body);
    if (!encoding.isEmpty()) {
        d.contentEncoding = encoding;
    }
    QString error;
    QVERIFY(!mapper.map(d, &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
    // Encoding names are compared loosely.
    d = delivery("{}");
    d.contentEncoding = QStringLiteral("UTF8");
    QVERIFY(mapper.map(d));
}

void TestAmqpMessageMapper::sentAtParsing_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("msecs");
    QTest::newRow("fedora-messaging")
        << QStringLiteral("2024-06-01T12:00:00+00:00") << qint64(1717243200000);
    QTest::newRow("offset") << QStringLiteral("2024-06-01T14:00:00+02:00") << qint64(1717243200000);
    QTest::newRow("Z and fraction")
        << QStringLiteral("2024-06-01T12:00:00.250Z") << qint64(1717243200250);
    QTest::newRow("no offset = UTC")
        << QStringLiteral("2024-06-01T12:00:00") << qint64(1717243200000);
    QTest::newRow("garbage") << QStringLiteral("yesterday") << qint64(-1);
    QTest::newRow("empty") << QString() << qint64(-1);
}

void TestAmqpMessageMapper::sentAtParsing()
{
    QFETCH(QString, text);
    QFETCH(qint64, msecs);
    const QDateTime t = AmqpMessageMapper::parseSentAt(text);
    if (msecs < 0) {
        QVERIFY(!t.isValid());
    } else {
        QVERIFY(t.isValid());
        QCOMPARE(t.toMSecsSinceEpoch(), msecs);
        QCOMPARE(t.timeSpec(), Qt::UTC);
    }
}

void TestAmqpMessageMapper::tableConversion()
{
    // Every integer kind a publisher may use becomes an integer; tables nest.
    const JsonValue source = *JsonParser::parse(
        R"({"s": "x\u00e9", "i": 20, "big": 5000000000, "t": true, "f": 1.5, "n": null,
            "a": [1, "two", false], "o": {"k": "v"}})");
    AmqpTable builder;
    const amqp_table_t &table = builder.build(source);
    QCOMPARE(AmqpTable::toJson(table), source);

    // The kinds the builder never writes, as another publisher's client library would.
    std::array entries {
        tableEntry("u8", { AMQP_FIELD_KIND_U8, { .u8 = 200 } }),
        tableEntry("i16", { AMQP_FIELD_KIND_I16, { .i16 = -3 } }),
        tableEntry("u64", { AMQP_FIELD_KIND_U64, { .u64 = 18446744073709551615ULL } }),
        tableEntry("bytes", { AMQP_FIELD_KIND_BYTES, { .bytes = amqp_cstring_bytes("\xff\x41") } }),
    };
    const amqp_table_t t { static_cast<int>(entries.size()), entries.data() };
    const JsonValue j = AmqpTable::toJson(t);
    QCOMPARE(j["u8"].toInt64(), 200);
    QCOMPARE(j["i16"].toInt64(), -3);
    QVERIFY(j["u64"].isBigInteger());
    QCOMPARE(j["u64"].integerText(), std::string("18446744073709551615"));
    QCOMPARE(j["bytes"].toQString(), QStringLiteral("\ufffdA"));
}

void TestAmqpMessageMapper::corpus()
{
    QString loadError;
    const auto records = fedmsg::test::readJsonLines(
        fedmsg::test::testDataPath("samples/fm-corpus-public.jsonl"), &loadError);
    QVERIFY2(loadError.isEmpty(), qPrintable(loadError));
    AmqpMessageMapper mapper;
    fedmsg::test::CaseTally tally;
    const auto kinds = std::to_array<std::pair<const char *, const char *>>({
        { "usernames", "user" },
        { "groups", "group" },
        { "packages", "rpm" },
        { "containers", "container" },
        { "modules", "module" },
        { "flatpaks", "flatpak" },
    });
    for (const JsonValue &r : records) {
        QVERIFY(r.isObject());
        const QString id = r["id"].toQString();
        AmqpDelivery d;
        d.routingKey =
            r["prod_topic"].isString() ? r["prod_topic"].toQString() : r["topic"].toQString();
        d.contentType = r["properties"]["content_type"].toQString();
        d.contentEncoding = r["properties"]["content_encoding"].toQString();
        d.messageId = r["properties"]["message_id"].toQString();
        d.headers = r["headers"];
        d.body = QByteArray::fromStdString(JsonWriter::canonical(r["body"]));
        QString error;
        const auto env = mapper.map(d, &error);
        QStringList problems;
        if (!env) {
            problems << QStringLiteral("dropped: ") + error;
        } else {
            if (env->topic() != d.routingKey) {
                problems << QStringLiteral("topic");
            }
            if (env->msg() != r["body"]) {
                problems << QStringLiteral("msg != body");
            }
            if (env->msgId() != *d.messageId) {
                problems << QStringLiteral("msg_id");
            }
            if (env->headers() != r["headers"]) {
                problems << QStringLiteral("headers not kept");
            }
            if (AmqpMessageMapper::schemaName(*env) != r["schema"].toQString()) {
                problems << QStringLiteral("schema");
            }
            if (AmqpMessageMapper::severity(*env) != r["expected"]["severity"].toInt64()) {
                problems << QStringLiteral("severity");
            }
            const QDateTime sent =
                AmqpMessageMapper::parseSentAt(r["headers"]["sent-at"].toQString());
            if (env->sentAt() != sent) {
                problems << QStringLiteral("sent-at");
            }
            for (const auto &[property, kind] : kinds) {
                // A fallback record's expected lists are the base class's (empty), while its
                // headers come from the real schema: only the real schema's lists compare.
                if (r["errors"].contains(property) || r.contains("fallback_of")) {
                    continue; // the property raised at publish time: its headers were left out
                }
                const QStringList expected = toStringList(r["expected"][property]);
                const QStringList got = AmqpMessageMapper::objectNames(*env, QLatin1String(kind));
                if (got != expected) {
                    problems << QStringLiteral("%1: %2 != %3")
                                    .arg(QLatin1String(property),
                                        got.join(u','),
                                        expected.join(u','));
                }
            }
        }
        tally.add(id, problems);
    }
    tally.print();
    QVERIFY(tally.passed > 0);
    QCOMPARE(tally.failed, 0);
}

QTEST_GUILESS_MAIN(TestAmqpMessageMapper)
#include "TestAmqpMessageMapper.moc"
