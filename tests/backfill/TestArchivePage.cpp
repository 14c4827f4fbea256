// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "TestData.h"

#include "backfill/ArchivePage.h"
#include "backfill/ArchivedEnvelope.h"
#include "json/JsonParser.h"
#include "json/JsonWriter.h"

#include <QFile>
#include <QTest>

using namespace fedmsg;

class TestArchivePage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void documentedShapeIsRead();
    void brokenPagesAreRefused_data();
    void brokenPagesAreRefused();
    void fedoraMessagingArchiveKeepsTheAmqpShape();
    void searchPageIsRead();
    void searchEntryMakesTheSameEnvelope();
    void brokenSearchEntriesAreRefused_data();
    void brokenSearchEntriesAreRefused();
};

namespace {

JsonValue parsed(const QByteArray &text)
{
    return JsonParser::parse(std::string_view(text.constData(), text.size())).value_or(JsonValue());
}

BusConfig fedoraBus()
{
    BusConfig bus;
    bus.name = QStringLiteral("fedora");
    bus.transport = BusConfig::Transport::Amqp;
    return bus;
}

} // namespace

void TestArchivePage::documentedShapeIsRead()
{
    QFile file(test::testDataPath("datagrepper/raw-page.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString error;
    const auto page = ArchivePage::parse(file.readAll(), &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->messages.size(), std::size_t(3));
    QCOMPARE(page->pages, 9);
    QCOMPARE(page->total, qint64(25));
    BusConfig bus;
    bus.name = QStringLiteral("fedora-fedmsg");
    const auto env =
        ArchivedEnvelope::fromArchive(page->messages[0], bus, QStringLiteral("http://a"), &error);
    QVERIFY2(env, qPrintable(error));
    QCOMPARE(env->topic(), QStringLiteral("org.fedoraproject.prod.copr.chroot.start"));
    QVERIFY(env->timestampValue().isInteger());
    QCOMPARE(env->timestamp(), 1504643075.0);
    QVERIFY(!env->body().contains("source_version"));
    QCOMPARE(env->transport(), Envelope::Transport::ZeroMq);
}

void TestArchivePage::brokenPagesAreRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("is not JSON");
    QTest::newRow("cut") << QByteArray(R"({"raw_messages":[{"topic":"a"},)")
                         << QStringLiteral("is not JSON");
    QTest::newRow("html") << QByteArray("<html><body>datagrepper</body></html>")
                          << QStringLiteral("is not JSON");
    QTest::newRow("array") << QByteArray("[]") << QStringLiteral("not a JSON object");
    QTest::newRow("error") << QByteArray(R"({"error":"page must be > 0","arguments":{}})")
                           << QStringLiteral("answered with an error: page must be > 0");
    QTest::newRow("no list") << QByteArray(R"({"pages":1,"total":1})")
                             << QStringLiteral("no \"raw_messages\" list");
    QTest::newRow("no pages") << QByteArray(R"({"raw_messages":[],"total":0})")
                              << QStringLiteral("\"pages\" and \"total\"");
    QTest::newRow("float total") << QByteArray(R"({"raw_messages":[],"pages":0,"total":0.5})")
                                 << QStringLiteral("\"pages\" and \"total\"");
    QTest::newRow("negative") << QByteArray(R"({"raw_messages":[],"pages":-1,"total":0})")
                              << QStringLiteral("\"pages\" and \"total\"");
}

void TestArchivePage::brokenPagesAreRefused()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, reason);
    QString error;
    QVERIFY(!ArchivePage::parse(body, &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
}

void TestArchivePage::fedoraMessagingArchiveKeepsTheAmqpShape()
{
    const QByteArray text =
        R"({"certificate":null,"crypto":null,"headers":{"fedora_messaging_schema":"bodhi.update.comment.v1","sent-at":"2024-06-01T12:00:00+00:00","priority":0},"i":0,"msg":{"comment":{"text":"hi"}},"msg_id":"5730aab0-b3ef-5995-b5bc-55c6fb262e7f","signature":null,"source_name":"datanommer","source_version":"1.2.0","timestamp":1717243200.0,"topic":"org.fedoraproject.prod.bodhi.update.comment","username":null})";
    auto archived = JsonParser::parse(std::string_view(text.constData(), text.size()));
    QVERIFY(archived);
    BusConfig bus;
    bus.name = QStringLiteral("fedora");
    bus.transport = BusConfig::Transport::Amqp;
    QString error;
    const auto env = ArchivedEnvelope::fromArchive(
        *archived, bus, QStringLiteral("https://apps.fedoraproject.org/datagrepper"), &error);
    QVERIFY2(env, qPrintable(error));
    QCOMPARE(env->transport(), Envelope::Transport::Amqp);
    // What AmqpMessageMapper makes of the live delivery: topic, msg, msg_id, integer sent-at.
    QCOMPARE(QString::fromStdString(env->canonicalBody()),
        QStringLiteral(
            R"({"msg":{"comment":{"text":"hi"}},"msg_id":"5730aab0-b3ef-5995-b5bc-55c6fb262e7f","timestamp":1717243200,"topic":"org.fedoraproject.prod.bodhi.update.comment"})"));
    QCOMPARE(env->headers()["fedora_messaging_schema"].toQString(),
        QStringLiteral("bodhi.update.comment.v1"));
    QCOMPARE(env->trust(), TrustState::BrokerUnsigned);
    QCOMPARE(env->busName(), QStringLiteral("fedora"));
}

void TestArchivePage::searchPageIsRead()
{
    // A /v2/search page as datagrepper 1.x writes it: the same members as /raw's, in the
    // order of its dict, entries in fedora-messaging's form (tests/data/datagrepper/README.md).
    QFile file(test::testDataPath("datagrepper/search-page.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString error;
    const auto page = ArchivePage::parse(file.readAll(), &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->messages.size(), std::size_t(3));
    QCOMPARE(page->total, 25);
    QCOMPARE(page->pages, 9);
    const QString url = QStringLiteral("https://apps.fedoraproject.org/datagrepper");
    QStringList ids;
    for (const JsonValue &entry : page->messages) {
        const auto env = ArchivedEnvelope::fromSearch(entry, fedoraBus(), url, &error);
        QVERIFY2(env, qPrintable(error));
        QCOMPARE(env->topic(), entry["topic"].toQString());
        QCOMPARE(env->body()["msg"], entry["body"]);
        QCOMPARE(env->timestampValue().toInt64(), 1717243200); // the sent-at header
        QVERIFY(!env->headers()["fedora_messaging_schema"].toQString().isEmpty());
        ids.append(env->msgId());
    }
    QCOMPARE(ids,
        (QStringList { QStringLiteral("d4b5094d-e30d-58fd-a13e-5242b4492fa7"),
            QStringLiteral("ee641998-87e0-5b93-86d6-9f08abf63148"),
            QStringLiteral("57c3202e-c333-5a05-b88c-bf03561514af") }));
}

void TestArchivePage::searchEntryMakesTheSameEnvelope()
{
    // One message as /raw serves it (datanommer as_dict()) and as /v2/search serves it
    // (as_fedora_message_dict()): the same envelope either way.
    const JsonValue raw = parsed(
        R"({"certificate":null,"crypto":null,"headers":{"fedora_messaging_schema":"bodhi.update.comment.v1","sent-at":"2024-06-01T12:00:00+00:00","priority":0},"i":0,"msg":{"comment":{"text":"hi"}},"msg_id":"5730aab0-b3ef-5995-b5bc-55c6fb262e7f","signature":null,"source_name":"datanommer","source_version":"1.2.0","timestamp":1717243200.0,"topic":"org.fedoraproject.prod.bodhi.update.comment","username":null})");
    const JsonValue search = parsed(
        R"({"body": {"comment": {"text": "hi"}}, "headers": {"fedora_messaging_schema": "bodhi.update.comment.v1", "sent-at": "2024-06-01T12:00:00+00:00", "priority": 0}, "id": "5730aab0-b3ef-5995-b5bc-55c6fb262e7f", "priority": 0, "queue": null, "topic": "org.fedoraproject.prod.bodhi.update.comment"})");
    const QString url = QStringLiteral("https://apps.fedoraproject.org/datagrepper");
    QString error;
    const auto fromRaw = ArchivedEnvelope::fromArchive(raw, fedoraBus(), url, &error);
    QVERIFY2(fromRaw, qPrintable(error));
    const auto fromSearch = ArchivedEnvelope::fromSearch(search, fedoraBus(), url, &error);
    QVERIFY2(fromSearch, qPrintable(error));
    QCOMPARE(fromSearch->canonicalBody(), fromRaw->canonicalBody());
    QCOMPARE(
        JsonWriter::canonical(fromSearch->headers()), JsonWriter::canonical(fromRaw->headers()));
    QCOMPARE(fromSearch->transport(), Envelope::Transport::Amqp);
    QCOMPARE(fromSearch->trust(), TrustState::BrokerUnsigned);
    QCOMPARE(fromSearch->trustReason(), fromRaw->trustReason());
    QCOMPARE(fromSearch->msgId(), QStringLiteral("5730aab0-b3ef-5995-b5bc-55c6fb262e7f"));
    QCOMPARE(fromSearch->busName(), QStringLiteral("fedora"));
    QCOMPARE(fromSearch->endpoint(), url);
}

void TestArchivePage::brokenSearchEntriesAreRefused_data()
{
    QTest::addColumn<QByteArray>("entry");
    QTest::addColumn<bool>("fedmsgBus");
    QTest::addColumn<QString>("reason");
    const QByteArray good = R"({"body": {"a": 1}, "headers": {}, "id": "x", "topic": "t.u.v.w"})";
    QTest::newRow("not an object")
        << QByteArray("[1, 2]") << false << QStringLiteral("not a JSON object");
    QTest::newRow("no topic") << QByteArray(R"({"body": {"a": 1}, "id": "x"})") << false
                              << QStringLiteral("no string \"topic\"");
    QTest::newRow("topic not a string") << QByteArray(R"({"body": {}, "topic": 7})") << false
                                        << QStringLiteral("no string \"topic\"");
    QTest::newRow("no body (the /raw form)")
        << QByteArray(R"({"msg": {"a": 1}, "msg_id": "x", "topic": "t.u.v.w"})") << false
        << QStringLiteral("\"body\" is not a JSON object");
    QTest::newRow("body a string") << QByteArray(R"({"body": "{}", "topic": "t.u.v.w"})") << false
                                   << QStringLiteral("\"body\" is not a JSON object");
    QTest::newRow("a fedmsg bus") << good << true
                                  << QStringLiteral("a fedmsg bus is caught up from /raw");
}

void TestArchivePage::brokenSearchEntriesAreRefused()
{
    QFETCH(QByteArray, entry);
    QFETCH(bool, fedmsgBus);
    QFETCH(QString, reason);
    BusConfig bus = fedoraBus();
    if (fedmsgBus)
        bus.transport = BusConfig::Transport::ZeroMq;
    QString error;
    QVERIFY(!ArchivedEnvelope::fromSearch(parsed(entry), bus, QStringLiteral("http://a/"), &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
    QVERIFY(!error.contains(QLatin1Char('\n')));
}

QTEST_GUILESS_MAIN(TestArchivePage)
#include "TestArchivePage.moc"
