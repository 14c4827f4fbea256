// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "DatagrepperTestServer.h"

#include "backfill/ArchiveEndpoints.h"
#include "backfill/BackfillClient.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace fedmsg;
using fedmsg::test::DatagrepperTestServer;

namespace {

QDateTime until()
{
    return QDateTime::fromSecsSinceEpoch(1764907200, Qt::UTC);
}

BusConfig unsignedBus(const QString &archiveUrl)
{
    BusConfig bus;
    bus.name = QStringLiteral("archived");
    bus.transport = BusConfig::Transport::ZeroMq;
    bus.trust.validateSignatures = false;
    bus.archiveUrl = archiveUrl;
    return bus;
}

// A fedora-messaging bus: the one kind that asks /v2/search.
BusConfig amqpBus(const QString &archiveUrl)
{
    BusConfig bus;
    bus.name = QStringLiteral("fedora");
    bus.transport = BusConfig::Transport::Amqp;
    bus.archiveUrl = archiveUrl;
    return bus;
}

BackfillOptions quickRetries()
{
    BackfillOptions o;
    o.retryDelayMs = 5;
    o.maxRetryDelayMs = 20;
    o.maxRetries = 4;
    return o;
}

// What a run handed on, collected.
struct Run
{
    explicit Run(BackfillClient &client)
    {
        QObject::connect(
            &client, &BackfillClient::envelopesReceived, [this](const QList<Envelope> &b) {
                for (const Envelope &e : b)
                    ids.append(e.msgId());
                envelopes.append(b);
                ++batches;
            });
        QObject::connect(&client, &BackfillClient::progress, [this](const BackfillProgress &p) {
            progress.append(p);
        });
        QObject::connect(
            &client, &BackfillClient::problem, [this](const QString &, const QString &why, int) {
                problems.append(why);
            });
        QObject::connect(&client,
            &BackfillClient::messageDropped,
            [this](const QString &, const QString &, const QString &why) {
                dropped.append(why);
            });
        QObject::connect(&client, &BackfillClient::finished, [this](const BackfillResult &r) {
            results.append(r);
        });
    }
    QStringList ids;
    QList<Envelope> envelopes;
    QList<BackfillProgress> progress;
    QStringList problems;
    QStringList dropped;
    QList<BackfillResult> results;
    int batches = 0;
};

QStringList expectedFmIds(int count)
{
    QStringList ids;
    for (int i = 0; i < count; ++i)
        ids.append(QStringLiteral("fm-archived-%1").arg(i, 5, 10, QLatin1Char('0')));
    return ids;
}

// Everything a run's envelopes carry onwards, one line each (rendering, rules and history read
// no more than this).
QStringList described(const QList<Envelope> &envelopes)
{
    QStringList out;
    for (const Envelope &e : envelopes)
        out.append(QStringList { e.msgId(),
            e.topic(),
            QString::fromStdString(e.canonicalBody()),
            QString::fromStdString(JsonWriter::canonical(e.headers())),
            QString::number(int(e.trust())),
            e.trustReason(),
            QString::number(int(e.transport())),
            e.busName(),
            e.endpoint() }
                       .join(u'|'));
    return out;
}

// One finished run of client from a fresh start, the archive's endpoint not forgotten.
void runToEnd(BackfillClient &client, Run &run)
{
    const qsizetype before = run.results.size();
    QVERIFY(client.start(until().addSecs(-3600), until()));
    QTRY_VERIFY_WITH_TIMEOUT(run.results.size() > before, 20000);
}

QStringList expectedIds(int from, int to)
{
    QStringList ids;
    for (int i = from; i < to; ++i)
        ids.append(QStringLiteral("2026-archived-%1").arg(i, 5, 10, QLatin1Char('0')));
    return ids;
}

} // namespace

class TestBackfillClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyPageInOrderWithPinnedWindow();
    void serverErrorIsRetriedThenSucceeds();
    void truncatedAndMalformedPagesAreRetried_data();
    void truncatedAndMalformedPagesAreRetried();
    void offlineIsReportedAndRetried();
    void givesUpAfterRetriesKeepingWhatCame();
    void refusedQueryIsNotRetried();
    void slowPageIsWaitedFor();
    void overlappingPagesAreDeduplicated();
    void cancelStopsAtOnce();
    void keepsTheNewestWithinMaxMessages();
    void windowIsBoundedByMaxAge();
    void subscriptionsBecomeCategoriesAndFilterLocally();
    void brokenEntryIsDroppedNotThePage();
    void archivedSignaturesVerifyAfterTheDatagrepperFix();
    void refusesWithoutArchive();
    void searchEndpointIsUsedWhereOffered();
    void olderArchivesFallBackToRaw_data();
    void olderArchivesFallBackToRaw();
    void brokenSearchPagesAreRetriedAfterTheProbe();
    void fedmsgBusAsksRawOnly();
};

void TestBackfillClient::initTestCase()
{
    // The endpoint choice is told in the debug log; the tests expect those lines.
    QLoggingCategory::setFilterRules(QStringLiteral("fedmsg.backfill.debug=true"));
}

void TestBackfillClient::everyPageInOrderWithPinnedWindow()
{
    DatagrepperTestServer server;
    server.setMessages(DatagrepperTestServer::demoMessages(250));
    BackfillClient client(unsignedBus(server.archiveUrl()));
    Run run(client);
    const QDateTime since = until().addSecs(-7200);
    QVERIFY(client.start(since, until()));
    QTRY_VERIFY_WITH_TIMEOUT(!run.results.isEmpty(), 20000);
    const BackfillResult r = run.results.first();
    QCOMPARE(r.outcome, BackfillResult::Outcome::Complete);
    QCOMPARE(r.messages, 250);
    QCOMPARE(run.ids, expectedIds(0, 250));
    QCOMPARE(run.batches, 3);
    QCOMPARE(run.progress.size(), 3);
    QCOMPARE(
        run.progress.last(), (BackfillProgress { QStringLiteral("archived"), 3, 3, 250, 250 }));
    QCOMPARE(run.progress.first().page, 1);
    QCOMPARE(run.progress.first().messages, 100);
    // Every page asked the same pinned window, oldest first, 100 rows (datagrepper's cap).
    const QList<QUrlQuery> queries = server.queries();
    QCOMPARE(queries.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(queries[i].queryItemValue(QStringLiteral("start")),
            QString::number(since.toSecsSinceEpoch()));
        QCOMPARE(queries[i].queryItemValue(QStringLiteral("end")),
            QString::number(until().toSecsSinceEpoch()));
        QCOMPARE(queries[i].queryItemValue(QStringLiteral("order")), QStringLiteral("asc"));
        QCOMPARE(queries[i].queryItemValue(QStringLiteral("rows_per_page")), QStringLiteral("100"));
        QCOMPARE(queries[i].queryItemValue(QStringLiteral("page")), QString::number(i + 1));
    }
    // Envelopes like a live source's: repaired body (no datagrepper fields, integer time).
    const Envelope &e = run.envelopes.first();
    QVERIFY(!e.body().contains("source_name"));
    QVERIFY(!e.body().contains("source_version"));
    QVERIFY(e.timestampValue().isInteger());
    QCOMPARE(e.busName(), QStringLiteral("archived"));
    QCOMPARE(e.endpoint(), server.archiveUrl());
    QCOMPARE(e.trust(), TrustState::Unchecked);
    QVERIFY(run.problems.isEmpty());
}

void TestBackfillClient::serverErrorIsRetriedThenSucceeds()
{
    DatagrepperTestServer server;
    server.setMessages(DatagrepperTestServer::demoMessages(250));
    server.addFault(2, DatagrepperTestServer::Fault::Status, 503);
    server.addFault(2, DatagrepperTestServer::Fault::Status, 502);
    BackfillClient client(unsignedBus(server.archiveUrl()));
    client.setOptions(quickRetries());
    Run run(client);
    QVERIFY(client.start(until().addSecs(-3600), until()));
    QTRY_VERIFY_WITH_TIMEOUT(!run.results.isEmpty(), 20000);
    QCOMPARE(run.results.first().outcome, BackfillResult::Outcome::Complete);
    QCOMPARE(run.problems,
        (QStringList { QStringLiteral("the archive answered HTTP 503"),
            QStringLiteral("the archive answered HTTP 502") }));
    QCOMPARE(run.results.first().retries, 2);
    QCOMPARE(server.requestsOfPage(2), 3);
    QCOMPARE(run.ids, expectedIds(0, 250)); // nothing lost, nothing twice
}

void TestBackfillClient::truncatedAndMalformedPagesAreRetried_data()
{
    QTest::addColumn<DatagrepperTestServer::Fault>("fault");
    QTest::addColumn<QString>("reason");
    QTest::newRow("truncated JSON")
        << DatagrepperTestServer::Fault::TruncatedJson << QStringLiteral("is not JSON");
    QTest::newRow("transfer cut short")
        << DatagrepperTestServer::Fault::CutTransfer << QStringLiteral("cannot reach the archive");
    QTest::newRow("wrong shape") << DatagrepperTestServer::Fault::WrongShape
                                 << QStringLiteral("no \"raw_messages\" list");
}

void TestBackfillClient::truncatedAndMalformedPagesAreRetried()
{
    QFETCH(DatagrepperTestServer::Fault, fault);
    QFETCH(QString, reason);
    DatagrepperTestServer server;
    server.setMessages(DatagrepperTestServer::demoMessages(150));
    server.addFault(1, fault);
    BackfillClient client(unsignedBus(server.archiveUrl()));
    client.setOptions(quickRetries());
    Run run(client);
    QVERIFY(client.start(until().addSecs(-3600), until()));
    QTRY_VERIFY_WITH_TIMEOUT(!run.results.isEmpty(), 20000);
    QCOMPARE(run.results.first().outcome, BackfillResult::Outcome::Complete);
    QCOMPARE(run.problems.size(), 1);
    QVERIFY2(run.problems.first().contains(reason), qPrintable(run.problems.first()));
    QCOMPARE(run.ids, expectedIds(0, 150));
}

void TestBackfillClient::offlineIsReportedAndRetried()
{
    DatagrepperTestServer server;
    server.setMessages(DatagrepperTestServer::demoMessages(30));
    server.http().stop();
    BackfillClient client(unsignedBus(server.archiveUrl()));
    BackfillOptions o = quickRetries();
    o.maxRetries = 1000;
    o.retryDelayMs = 50;
    o.maxRetryDelayMs = 50;
    client.setOptions(o);
    Run run(client);
    QVERIFY(client.start(until().addSecs(-3600), until()));
    QTRY_VERIFY(!run.problems.isEmpty());
    QVERIFY2(run.problems.first().startsWith(QStringLiteral("cannot reach the archive")),
        qPrintable(run.problems.first()));
    QVERIFY(run.results.isEmpty()); // not fatal: still trying
    QVERIFY(server.http().resume());
    QTRY_VERIFY_WITH_TIMEOUT(!run.results.isEmpty(), 20000);
    QCOMPARE(run.results.first().outcome, BackfillResult::Outcome::Complete);
    QCOMPARE(run.ids, expectedIds(0, 30));
}

void TestBackfillClient::givesUpAfterRetriesKeepingWhatCame()
{
    DatagrepperTestServer server;
    server.setMessages(DatagrepperTestServer::demoMessages(250));
    server.setPermanentFault(2, DatagrepperTestServer::Fault::Status, 500);
    BackfillClient client(unsignedBus(server.archiveUrl()));
    client.setOptions(quickRetries());
    Run run(client);
    QVERIFY(client.start(until().addSecs(-3600), until()));
    QTRY_VERIFY_WITH_TIMEOUT(!run.results.isEmpty(), 20000);
    const BackfillResult r = run.results.first();
    QCOMPARE(r.outcome, BackfillResult::Outcome::Failed);
    QVERIFY2(r.reason.contains(QStringLiteral("HTTP 500"))
            && r.reason.contains(QStringLiteral("page 2")),
        qPrintable(r.reason));
    QCOMPARE(run.problems.size(), 4); // maxRetries
    QCOMPARE(server.requestsOfPage(2), 5);
    QCOMPARE(server.requestsOfPage(3), 0);
    QCOMPARE(run.ids, expectedIds(0, 100)); // page 1 was handed on
}

void TestBackfillClient::refusedQueryIsNotRetried()
{
    DatagrepperTestServer server;
    server.setMessages(DatagrepperTestServer::demoMessages(10));
    server.addFault(1, DatagrepperTestServer::Fault::Status, 400);
    BackfillClient client(unsignedBus(server.archiveUrl()));
    client.setOptions(quickRetries());
    Run run(client);
    QVERIFY(client.start(until().addSecs(-3600), until()));
    QTRY_VERIFY_WITH_TIMEOUT(!run.results.isEmpty(), 20000);
    QCOMPARE(run.results.first().outcome, BackfillResult::Outcome::Failed);
    QCOMPARE(run.results.first().reason, QStringLiteral("the archive refused the query: HTTP 400"));
    QCOMPARE(server.requestsOfPage(1), 1);
}

void TestBackfillClient::slowPageIsWaitedFor()
{
    DatagrepperTestServer server;
    server.setMessages(DatagrepperTestServer::demoMessages(250));
    server.addFault(2, DatagrepperTestServer::Fault::Held);
    BackfillClient client(unsignedBus(server.archiveUrl()));
    Run run(client);
    QVERIFY(client.start(until().addSecs(-3600), until()));
    QTRY_COMPARE(server.http().heldCount(), 1);
    QCOMPARE(run.progress.size(), 1);
    QCOMPARE(run.progress.first().pages, 3);
    QVERIFY(run.results.isEmpty());
    QVERIFY(client.isRunning());
    server.http().releaseAll();
    QTRY_VERIFY_WITH_TIMEOUT(!run.results.isEmpty(), 20000);
    QCOMPARE(run.results.first().outcome, BackfillResult::Outcome::Complete);
    QCOMPARE(run.ids, expectedIds(0, 250));
    QVERIFY(run.problems.isEmpty());
}

void TestBackfillClient::overlappingPagesAreDeduplicated()
{
    DatagrepperTestServer server;
    server.setMessages(DatagrepperTestServer::demoMessages(250));
    server.setOverlap(7);
    BackfillClient client(unsignedBus(server.archiveUrl()));
    Run run(client);
    QVERIFY(client.start(until().addSecs(-3600), until()));
    QTRY_VERIFY_WITH_TIMEOUT(!run.results.isEmpty(), 20000);
    QCOMPARE(run.results.first().duplicates, 14);
    QCOMPARE(run.ids, expectedIds(0, 250));
}

void TestBackfillClient::cancelStopsAtOnce()
{
    DatagrepperTestServer server;
    server.setMessages(DatagrepperTestServer::demoMessages(250));
    server.addFault(2, DatagrepperTestServer::Fault::Held);
    BackfillClient client(unsignedBus(server.archiveUrl()));
    Run run(client);
    QVERIFY(client.start(until().addSecs(-3600), until()));
    QTRY_COMPARE(server.http().heldCount(), 1);
    client.cancel();
    QCOMPARE(run.results.size(), 1);
    QCOMPARE(run.results.first().outcome, BackfillResult::Outcome::Cancelled);
    QCOMPARE(run.results.first().messages, 100);
    QVERIFY(!client.isRunning());
    server.http().releaseAll();
    // Nothing after the cancel: the held page's answer goes nowhere, no further page is asked.
    QTest::qWait(200); // a window for a wrong late emission; no condition marks "nothing came"
    QCOMPARE(run.ids.size(), 100);
    QCOMPARE(run.results.size(), 1);
    QCOMPARE(server.requestsOfPage(3), 0);
    // The client can run again.
    QVERIFY(client.start(until().addSecs(-3600), until()));
    QTRY_COMPARE(run.results.size(), 2);
    QCOMPARE(run.results.last().outcome, BackfillResult::Outcome::Complete);
}

void TestBackfillClient::keepsTheNewestWithinMaxMessages()
{
    DatagrepperTestServer server;
    server.setMessages(DatagrepperTestServer::demoMessages(250));
    BackfillClient client(unsignedBus(server.archiveUrl()));
    BackfillOptions o;
    o.maxMessages = 120;
    client.setOptions(o);
    Run run(client);
    QVERIFY(client.start(until().addSecs(-3600), until()));
    QTRY_VERIFY_WITH_TIMEOUT(!run.results.isEmpty(), 20000);
    QCOMPARE(run.results.first().skipped, 130);
    QCOMPARE(run.results.first().messages, 120);
    QCOMPARE(run.ids, expectedIds(130, 250));
    // Page 1 told the total; pages 2 and 3 hold the newest 120.
    QCOMPARE(server.requestsOfPage(1), 1);
    QCOMPARE(server.requestsOfPage(2), 1);
    QCOMPARE(server.requestsOfPage(3), 1);
}

void TestBackfillClient::windowIsBoundedByMaxAge()
{
    DatagrepperTestServer server;
    server.setMessages(DatagrepperTestServer::demoMessages(3));
    BackfillClient client(unsignedBus(server.archiveUrl()));
    Run run(client);
    QVERIFY(client.start(until().addDays(-3), until()));
    QTRY_VERIFY_WITH_TIMEOUT(!run.results.isEmpty(), 20000);
    const QDateTime oldest = until().addMSecs(-client.options().maxAgeMs); // 24 h by default
    QVERIFY(run.results.first().sinceClamped);
    QCOMPARE(run.results.first().since, oldest);
    QCOMPARE(server.queries().first().queryItemValue(QStringLiteral("start")),
        QString::number(oldest.toSecsSinceEpoch()));
}

void TestBackfillClient::subscriptionsBecomeCategoriesAndFilterLocally()
{
    // The planner: a prefix reaching the category narrows the query; a shorter one cannot.
    ArchiveQuery q =
        ArchiveQuery::forSubscriptions({ QStringLiteral("org.fedoraproject.prod.bodhi"),
            QStringLiteral("org.fedoraproject.prod.buildsys.build") });
    QCOMPARE(q.categories, (QStringList { QStringLiteral("bodhi"), QStringLiteral("buildsys") }));
    QVERIFY(q.topics.isEmpty()); // exact topics are never made from prefixes
    QVERIFY(q.accepts(QStringLiteral("org.fedoraproject.prod.buildsys.build.state.change")));
    QVERIFY(!q.accepts(QStringLiteral("org.fedoraproject.prod.buildsys.tag")));
    QVERIFY(!q.accepts(QStringLiteral("org.fedoraproject.stg.bodhi.update.comment")));
    QVERIFY(ArchiveQuery::forSubscriptions({ QStringLiteral("org.fedoraproject.prod.bodhi"),
                                               QStringLiteral("org.fedoraproject.prod") })
                .categories.isEmpty());
    QVERIFY(ArchiveQuery::forSubscriptions({}).accepts(QStringLiteral("anything")));
    QVERIFY(ArchiveQuery::forSubscriptions({ QString() }).prefixes.isEmpty());
    // An AMQP bus: whole words and wildcards, as its broker bindings match.
    const ArchiveQuery amqp =
        ArchiveQuery::forSubscriptions({ QStringLiteral("org.fedoraproject.*.buildsys.#"),
                                           QStringLiteral("org.fedoraproject.prod.bodhi") },
            BusConfig::Transport::Amqp);
    QCOMPARE(
        amqp.categories, (QStringList { QStringLiteral("buildsys"), QStringLiteral("bodhi") }));
    QVERIFY(amqp.accepts(QStringLiteral("org.fedoraproject.stg.buildsys.tag")));
    QVERIFY(amqp.accepts(QStringLiteral("org.fedoraproject.prod.bodhi.update.comment")));
    QVERIFY(!amqp.accepts(QStringLiteral("org.fedoraproject.prod.bodhix.update")));
    QVERIFY(ArchiveQuery::forSubscriptions(
        { QStringLiteral("#.git.receive") }, BusConfig::Transport::Amqp)
                .categories.isEmpty());
    QVERIFY(ArchiveQuery::forSubscriptions({}, BusConfig::Transport::Amqp)
                .accepts(QStringLiteral("a.b")));
    ArchiveQuery extra;
    extra.topics = { QStringLiteral("org.fedoraproject.prod.bodhi.update.comment") };
    extra.notUsers = { QStringLiteral("bot") };
    extra.packages = { QStringLiteral("kernel") };
    const QUrlQuery uq = extra.urlQuery(until().addSecs(-60), until(), 2, 50);
    QCOMPARE(uq.allQueryItemValues(QStringLiteral("topic")), extra.topics);
    QCOMPARE(uq.allQueryItemValues(QStringLiteral("not_user")), extra.notUsers);
    QCOMPARE(uq.allQueryItemValues(QStringLiteral("package")), extra.packages);
    QCOMPARE(uq.queryItemValue(QStringLiteral("page")), QStringLiteral("2"));

    // The run: the category goes to the server (which here answers everything anyway), the
    // prefix is checked here.
    DatagrepperTestServer server;
    const QList<QByteArray> messages = DatagrepperTestServer::demoMessages(84);
    server.setMessages(messages);
    int bodhi = 0;
    for (const QByteArray &m : messages)
        bodhi += m.contains(R"("topic":"org.fedoraproject.prod.bodhi.)") ? 1 : 0;
    QVERIFY(bodhi > 0 && bodhi < 84);
    BusConfig bus = unsignedBus(server.archiveUrl());
    bus.topics = { QStringLiteral("org.fedoraproject.prod.bodhi") };
    BackfillClient client(bus);
    Run run(client);
    QVERIFY(client.start(until().addSecs(-3600), until()));
    QTRY_VERIFY_WITH_TIMEOUT(!run.results.isEmpty(), 20000);
    QCOMPARE(server.queries().first().allQueryItemValues(QStringLiteral("category")),
        QStringList { QStringLiteral("bodhi") });
    QCOMPARE(run.results.first().messages, bodhi);
    QCOMPARE(run.results.first().filtered, 84 - bodhi);
    for (const Envelope &e : std::as_const(run.envelopes))
        QVERIFY(e.topic().startsWith(QStringLiteral("org.fedoraproject.prod.bodhi")));
}

void TestBackfillClient::brokenEntryIsDroppedNotThePage()
{
    DatagrepperTestServer server;
    QList<QByteArray> messages = DatagrepperTestServer::demoMessages(5);
    messages.insert(2, "42");
    messages.insert(4, R"({"msg":{},"msg_id":"no-topic"})");
    messages.insert(5,
        R"({"topic":"org.x.prod.y.z","timestamp":"soon","source_name":"d","source_version":"1"})");
    server.setMessages(messages);
    BackfillClient client(unsignedBus(server.archiveUrl()));
    Run run(client);
    QVERIFY(client.start(until().addSecs(-3600), until()));
    QTRY_VERIFY_WITH_TIMEOUT(!run.results.isEmpty(), 20000);
    QCOMPARE(run.results.first().outcome, BackfillResult::Outcome::Complete);
    QCOMPARE(run.ids, expectedIds(0, 5));
    QCOMPARE(run.results.first().dropped, 3);
    QCOMPARE(run.dropped.size(), 3);
    QCOMPARE(run.dropped.at(0), QStringLiteral("an archived message is not a JSON object"));
    QCOMPARE(run.dropped.at(1), QStringLiteral("an archived message has no string \"topic\""));
}

void TestBackfillClient::archivedSignaturesVerifyAfterTheDatagrepperFix()
{
    // Real Fedora production messages as datagrepper served them (source fields, float time),
    // checked with the 2017 Fedora CA at a time it was valid; one tampered, one stripped.
    QFile page(test::testDataPath("datagrepper/raw-page.json"));
    QVERIFY(page.open(QIODevice::ReadOnly));
    const QByteArray text = page.readAll();
    auto parsed = JsonParser::parse(std::string_view(text.constData(), text.size()));
    QVERIFY(parsed);
    QList<QByteArray> messages;
    for (const JsonValue &m : (*parsed)["raw_messages"].array())
        messages.append(QByteArray::fromStdString(JsonWriter::canonical(m)));
    QCOMPARE(messages.size(), 3);
    JsonValue tampered = (*parsed)["raw_messages"][1];
    tampered.insert("msg_id", JsonValue("2017-tampered"));
    JsonValue stripped = (*parsed)["raw_messages"][2];
    stripped.remove("signature");
    stripped.insert("msg_id", JsonValue("2017-stripped"));
    messages.append(QByteArray::fromStdString(JsonWriter::canonical(tampered)));
    messages.append(QByteArray::fromStdString(JsonWriter::canonical(stripped)));
    DatagrepperTestServer server;
    server.setMessages(messages);

    BusConfig bus;
    bus.name = QStringLiteral("fedora-2017");
    bus.archiveUrl = server.archiveUrl();
    bus.trust.validateSignatures = true;
    bus.trust.caLocation = test::testDataPath("vectors/certs/fedora_ca.crt");
    bus.trust.crlLocation.clear();
    bus.trust.verifyTime = QDateTime(QDate(2023, 6, 1), QTime(0, 0), Qt::UTC);
    BackfillClient client(bus);
    Run run(client);
    QVERIFY(client.start(until().addSecs(-3600), until()));
    QTRY_VERIFY_WITH_TIMEOUT(!run.results.isEmpty(), 20000);
    QCOMPARE(run.envelopes.size(), 5);
    for (int i = 0; i < 3; ++i) {
        QVERIFY2(run.envelopes[i].trust() == TrustState::Trusted,
            qPrintable(run.envelopes[i].trustReason()));
        QVERIFY(!run.envelopes[i].body().contains("source_name"));
        QVERIFY(!run.envelopes[i].body().contains("headers")); // empty headers go, as fedmsg does
        QVERIFY(run.envelopes[i].timestampValue().isInteger());
    }
    QCOMPARE(run.envelopes[3].trust(), TrustState::Untrusted);
    QCOMPARE(run.envelopes[4].trust(), TrustState::Untrusted);
}

void TestBackfillClient::refusesWithoutArchive()
{
    BusConfig bus = unsignedBus(QString());
    BackfillClient client(bus);
    QString error;
    QVERIFY(!client.start(until().addSecs(-60), until(), &error));
    QCOMPARE(error, QStringLiteral("bus archived has no archive URL"));
    client.setArchiveUrl(QStringLiteral("ftp://example.org/x"));
    QVERIFY(!client.start(until().addSecs(-60), until(), &error));
    QVERIFY(error.contains(QStringLiteral("not an http(s) URL")));
    client.setArchiveUrl(QStringLiteral("http://127.0.0.1:1/datagrepper"));
    QVERIFY(!client.start(until(), until(), &error));
    QCOMPARE(error, QStringLiteral("the window to catch up on is empty"));
    QCOMPARE(BackfillClient::pageUrl(QStringLiteral("https://apps.fedoraproject.org/datagrepper/"),
                 ArchiveQuery {},
                 until().addSecs(-60),
                 until(),
                 1,
                 100)
                 .path(),
        QStringLiteral("/datagrepper/raw"));
    QCOMPARE(BackfillClient::pageUrl(QStringLiteral("https://apps.fedoraproject.org/datagrepper/"),
                 ArchiveQuery {},
                 until().addSecs(-60),
                 until(),
                 1,
                 100,
                 ArchiveEndpoints::Api::Search)
                 .path(),
        QStringLiteral("/datagrepper/v2/search"));
}

void TestBackfillClient::searchEndpointIsUsedWhereOffered()
{
    // The same 150 fedora-messaging messages on an old datagrepper (/raw only) and on a new one
    // (/v2/search too, its entries in fedora-messaging's own form).
    const auto archive = DatagrepperTestServer::fedoraMessagingMessages(150);
    QCOMPARE(archive.search.size(), 150);
    DatagrepperTestServer old;
    old.setMessages(archive.raw);
    DatagrepperTestServer current;
    current.setMessages(archive.raw);
    current.setSearchMessages(archive.search);
    current.setSearch(DatagrepperTestServer::Search::Offered);
    ArchiveEndpoints::forget(old.archiveUrl());
    ArchiveEndpoints::forget(current.archiveUrl());

    BackfillClient fromOld(amqpBus(old.archiveUrl()));
    Run oldRun(fromOld);
    QTest::ignoreMessage(QtDebugMsg,
        QRegularExpression(QStringLiteral(
            "has no usable /v2/search \\(it answered HTTP 404\\); asking /raw instead")));
    runToEnd(fromOld, oldRun);
    QCOMPARE(oldRun.results.first().outcome, BackfillResult::Outcome::Complete);
    QCOMPARE(oldRun.results.first().endpoint, QStringLiteral("raw"));
    QCOMPARE(old.requestsTo(QStringLiteral("v2/search")), 1); // the probe
    QCOMPARE(old.requestsTo(QStringLiteral("raw")), 2);

    BackfillClient fromCurrent(amqpBus(current.archiveUrl()));
    Run run(fromCurrent);
    QTest::ignoreMessage(
        QtDebugMsg, QRegularExpression(QStringLiteral("offers /v2/search; using it this session")));
    runToEnd(fromCurrent, run);
    const BackfillResult r = run.results.first();
    QCOMPARE(r.outcome, BackfillResult::Outcome::Complete);
    QCOMPARE(r.endpoint, QStringLiteral("v2/search"));
    QCOMPARE(current.requestsTo(QStringLiteral("raw")), 0);
    QCOMPARE(current.requestsTo(QStringLiteral("v2/search")), 2);
    // The same pinned window, order and paging as /raw is asked.
    const QList<QUrlQuery> queries = current.queries();
    QCOMPARE(queries.size(), 2);
    QCOMPARE(queries[0].queryItemValue(QStringLiteral("order")), QStringLiteral("asc"));
    QCOMPARE(queries[1].queryItemValue(QStringLiteral("page")), QStringLiteral("2"));
    QCOMPARE(queries[1].queryItemValue(QStringLiteral("start")),
        old.queries()[1].queryItemValue(QStringLiteral("start")));
    QCOMPARE(queries[1].queryItemValue(QStringLiteral("end")),
        old.queries()[1].queryItemValue(QStringLiteral("end")));

    // What goes on is the same, message for message, in the same order.
    QCOMPARE(run.ids, expectedFmIds(150));
    QCOMPARE(oldRun.ids, expectedFmIds(150));
    QStringList fromSearch = described(run.envelopes);
    QStringList fromRaw = described(oldRun.envelopes);
    // (Each server's own address, the archive URL and the "{base}" HttpTestServer fills in.)
    fromSearch.replaceInStrings(current.http().url().toString(), QStringLiteral("<server>"));
    fromRaw.replaceInStrings(old.http().url().toString(), QStringLiteral("<server>"));
    QCOMPARE(fromSearch, fromRaw);
    QCOMPARE(r.messages, oldRun.results.first().messages);
    QCOMPARE(r.dropped, 0);
    QVERIFY(run.problems.isEmpty());

    // Remembered for the session: the old archive is not asked for /v2/search again.
    runToEnd(fromOld, oldRun);
    QCOMPARE(oldRun.results.last().endpoint, QStringLiteral("raw"));
    QCOMPARE(old.requestsTo(QStringLiteral("v2/search")), 1);
    QCOMPARE(old.requestsTo(QStringLiteral("raw")), 4);
    runToEnd(fromCurrent, run);
    QCOMPARE(run.results.last().endpoint, QStringLiteral("v2/search"));
    QCOMPARE(current.requestsTo(QStringLiteral("raw")), 0);
}

void TestBackfillClient::olderArchivesFallBackToRaw_data()
{
    QTest::addColumn<DatagrepperTestServer::Search>("search");
    QTest::addColumn<QString>("why");
    QTest::newRow("HTTP 404 (datagrepper before 1.0)")
        << DatagrepperTestServer::Search::Absent << QStringLiteral("it answered HTTP 404");
    QTest::newRow("HTTP 405") << DatagrepperTestServer::Search::MethodNotAllowed
                              << QStringLiteral("it answered HTTP 405");
    QTest::newRow("an HTML page") << DatagrepperTestServer::Search::HtmlPage
                                  << QStringLiteral("the archive's page is not JSON");
    QTest::newRow("malformed JSON") << DatagrepperTestServer::Search::MalformedJson
                                    << QStringLiteral("the archive's page is not JSON");
}

void TestBackfillClient::olderArchivesFallBackToRaw()
{
    QFETCH(DatagrepperTestServer::Search, search);
    QFETCH(QString, why);
    const auto archive = DatagrepperTestServer::fedoraMessagingMessages(120);
    DatagrepperTestServer server;
    server.setMessages(archive.raw);
    server.setSearchMessages(archive.search);
    server.setSearch(search);
    ArchiveEndpoints::forget(server.archiveUrl());
    BackfillClient client(amqpBus(server.archiveUrl()));
    client.setOptions(quickRetries());
    Run run(client);
    QTest::ignoreMessage(QtDebugMsg,
        QRegularExpression(QStringLiteral("has no usable /v2/search \\(")
            + QRegularExpression::escape(why) + QStringLiteral(".*\\); asking /raw instead")));
    runToEnd(client, run);
    const BackfillResult r = run.results.first();
    QCOMPARE(r.outcome, BackfillResult::Outcome::Complete);
    QCOMPARE(r.endpoint, QStringLiteral("raw"));
    QCOMPARE(run.ids, expectedFmIds(120));
    // Not a failure: nothing reported, nothing asked again.
    QVERIFY(run.problems.isEmpty());
    QCOMPARE(r.retries, 0);
    QCOMPARE(server.requestsTo(QStringLiteral("v2/search")), 1);
    QCOMPARE(server.requestsTo(QStringLiteral("raw")), 2);
    QVERIFY(ArchiveEndpoints::known(server.archiveUrl() + u'/') == ArchiveEndpoints::Api::Raw);
    // The next catch-up goes to /raw straight away.
    runToEnd(client, run);
    QCOMPARE(run.results.last().endpoint, QStringLiteral("raw"));
    QCOMPARE(server.requestsTo(QStringLiteral("v2/search")), 1);
}

void TestBackfillClient::brokenSearchPagesAreRetriedAfterTheProbe()
{
    const auto archive = DatagrepperTestServer::fedoraMessagingMessages(250);
    DatagrepperTestServer server;
    server.setMessages(archive.raw);
    server.setSearchMessages(archive.search);
    server.setSearch(DatagrepperTestServer::Search::Offered);
    // The probe fails for a passing reason (no conclusion drawn), a later page comes back cut
    // short, another one not in the documented shape: each is a failed page, asked again.
    server.addFault(1, DatagrepperTestServer::Fault::Status, 503);
    server.addFault(2, DatagrepperTestServer::Fault::TruncatedJson);
    server.addFault(3, DatagrepperTestServer::Fault::WrongShape);
    ArchiveEndpoints::forget(server.archiveUrl());
    BackfillClient client(amqpBus(server.archiveUrl()));
    client.setOptions(quickRetries());
    Run run(client);
    runToEnd(client, run);
    const BackfillResult r = run.results.first();
    QCOMPARE(r.outcome, BackfillResult::Outcome::Complete);
    QCOMPARE(r.endpoint, QStringLiteral("v2/search"));
    QCOMPARE(run.problems.size(), 3);
    QCOMPARE(run.problems[0], QStringLiteral("the archive answered HTTP 503"));
    QVERIFY2(run.problems[1].contains(QStringLiteral("is not JSON")), qPrintable(run.problems[1]));
    QVERIFY2(run.problems[2].contains(QStringLiteral("no \"raw_messages\" list")),
        qPrintable(run.problems[2]));
    QCOMPARE(r.retries, 3);
    QCOMPARE(server.requestsTo(QStringLiteral("raw")), 0);
    QCOMPARE(server.requestsTo(QStringLiteral("v2/search")), 6);
    QCOMPARE(run.ids, expectedFmIds(250)); // nothing lost, nothing twice
    QVERIFY(ArchiveEndpoints::known(server.archiveUrl()) == ArchiveEndpoints::Api::Search);

    // A broken entry is dropped alone, with its reason; the rest of its page counts.
    ArchiveEndpoints::forget(server.archiveUrl());
    QList<QByteArray> entries = archive.search.mid(0, 3);
    entries[1] = R"({"body": "not an object", "headers": {}, "id": "x", "topic": "a.b.c.d"})";
    server.setSearchMessages(entries);
    runToEnd(client, run);
    QCOMPARE(run.results.last().dropped, 1);
    QCOMPARE(
        run.dropped.last(), QStringLiteral("an archived message's \"body\" is not a JSON object"));
    QCOMPARE(run.results.last().messages, 2);
}

void TestBackfillClient::fedmsgBusAsksRawOnly()
{
    // A fedmsg bus needs the signature fields only /raw keeps, even where /v2/search is offered.
    DatagrepperTestServer server;
    server.setMessages(DatagrepperTestServer::demoMessages(120));
    server.setSearchMessages(DatagrepperTestServer::fedoraMessagingMessages(120).search);
    server.setSearch(DatagrepperTestServer::Search::Offered);
    ArchiveEndpoints::forget(server.archiveUrl());
    BackfillClient client(unsignedBus(server.archiveUrl()));
    Run run(client);
    QTest::ignoreMessage(QtDebugMsg,
        QRegularExpression(QStringLiteral("a fedmsg bus asks /raw \\(/v2/search entries carry no "
                                          "fedmsg signature\\)")));
    runToEnd(client, run);
    QCOMPARE(run.results.first().outcome, BackfillResult::Outcome::Complete);
    QCOMPARE(run.results.first().endpoint, QStringLiteral("raw"));
    QCOMPARE(run.ids, expectedIds(0, 120));
    QCOMPARE(server.requestsTo(QStringLiteral("v2/search")), 0);
    QVERIFY(!ArchiveEndpoints::known(server.archiveUrl())); // nothing learnt about the archive
}

QTEST_GUILESS_MAIN(TestBackfillClient)
#include "TestBackfillClient.moc"
