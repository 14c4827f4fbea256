// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "TestData.h"

#include "backfill/ArchivePage.h"
#include "backfill/ArchivedEnvelope.h"
#include "json/JsonParser.h"

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
};

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

QTEST_GUILESS_MAIN(TestArchivePage)
#include "TestArchivePage.moc"
