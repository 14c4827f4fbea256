// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "HistoryTestData.h"
#include "ResidentMappings.h"
#include "UnprivilegedChild.h"
#include "history/History.h"
#include "history/HistoryReader.h"
#include "history/HistorySchema.h"
#include "json/JsonWriter.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <memory>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace fedmsg;
using namespace std::chrono_literals;
using testdata::makeRecord;

namespace {
/// The msg_ids a search returns, in order (a query error is printed and gives no ids).
QStringList searchIds(History &history, const HistoryQuery &q)
{
    QString error;
    QStringList result;
    for (const auto &m : history.search(q, &error))
        result.append(m.msgId);
    if (!error.isEmpty())
        qWarning("%s", qPrintable(error));
    return result;
}

QStringList strings(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list.append(QString::fromUtf8(item));
    return list;
}
} // namespace

namespace {

/// The first value of the first row of sql, run on its own connection to the file (an invalid
/// QVariant when the file does not open or the query fails).
QVariant scalarAt(const QString &path, const char *sql)
{
    QVariant value;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("scalarAt"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QString::fromUtf8(sql)) && q.next())
                value = q.value(0);
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("scalarAt"));
    return value;
}

} // namespace

class TestHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void storeAndReadBack();
    void newFileHasSmallPagesAndIncrementalVacuum();
    void storedOnlyAfterCommit();
    void commitsAreGroupedWithinTheWindow();
    void commitWindowIsBounded();
    void idsAssignedBeforeCommitAreStableAcrossRestart();
    void amqpRoundTrip();
    void deduplicateByMsgId();
    void deduplicateByBodyHash();
    void untrustedCopyDoesNotHideTrustedOriginal();
    void unusualTextRoundTrips();
    void search_data();
    void search();
    void searchErrorsAreValues();
    void filters();
    void filtersNarrowedByFtsAreExact();
    void paging();
    void countsPerService();
    void markReadAndDecision();
    void fileIsPrivate();
    void clearRemovesEverything();
    void retentionByAge();
    void retentionByCount();
    void sizeCapShrinksTheFile();
    void pageCacheIsReleasedAfterRetention();
    void readsDoNotMapTheFile();
    void existingFileSwitchesToIncrementalVacuum();
    void existingFileGetsSmallPages();
    void migrationFromVersion1();
    void migrationFromVersion2();
    void migrationFromVersion3();
    void migrationFromVersion4();
    void duplicateFoundAfterRestart();
    void hashCollisionDoesNotDropAMessage();
    void serviceFilterReturnsTheSameRows();
    void newerSchemaIsLeftAlone();
    void corruptFileIsMovedAside();
    void readOnlyStopsAndResumes();
    void readOnlyFile();
    void diskFullStopsAndResumes();
    void retryTimerResumesWithoutNewMessages();
    void shutdownWritesQueuedRecords();
    void burstLargerThanPendingLimitIsStored();
    void pendingLimitWhileFailing();
    void inputQueueIsBounded();

private:
    std::unique_ptr<History> openHistory(HistoryOptions options = {});
    QList<StoreResult> storeAndWait(History &history, const QList<HistoryRecord> &records);
    void fillSearchCorpus(History &history);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestHistory::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("history.sqlite"));
}

void TestHistory::cleanup()
{
    m_dir.reset();
}

std::unique_ptr<History> TestHistory::openHistory(HistoryOptions options)
{
    if (options.databasePath.isEmpty())
        options.databasePath = m_path;
    // Tests that do not test the group commit window do not wait a second for each store.
    if (options.commitDelay == HistoryOptions().commitDelay)
        options.commitDelay = 10ms;
    auto history = std::make_unique<History>(options);
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(history->isReady(), 20000);
    }();
    return history;
}

QList<StoreResult> TestHistory::storeAndWait(History &history, const QList<HistoryRecord> &records)
{
    QList<StoreResult> results;
    auto connection = connect(&history, &History::stored, this, [&](const QList<StoreResult> &r) {
        results.append(r);
    });
    history.store(records);
    [&] {
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), records.size(), 20000);
    }();
    disconnect(connection);
    return results;
}

void TestHistory::storeAndReadBack()
{
    HistoryOptions options;
    options.maxAge = 0s; // a receive time in 2023 below
    auto history = openHistory(options);
    QCOMPARE(history->databasePath(), m_path);
    QVERIFY(history->isStoring());
    auto a = makeRecord(QStringLiteral("id-a"),
        QStringLiteral("org.fedoraproject.prod.bodhi.update.comment"),
        QStringLiteral("ralph commented on bodhi update"),
        { QStringLiteral("ralph") },
        { QStringLiteral("kernel") },
        QStringLiteral("bodhi"));
    a.envelope.setDeliveryTag(7);
    a.envelope.setReceivedAt(QDateTime::fromMSecsSinceEpoch(1700000001234, Qt::UTC));
    a.rendering.longForm = QStringLiteral("long form");
    a.rendering.secondaryIcon = QStringLiteral("https://seccdn.libravatar.org/avatar/x");
    a.rendering.objects = { QStringLiteral("packages/kernel") };
    a.rendering.severity = 30;
    a.decision = QStringLiteral("notify");
    a.decisionRule = QStringLiteral("my packages");
    auto b = makeRecord(QStringLiteral("id-b"),
        QStringLiteral("org.fedoraproject.prod.koji.build.complete"),
        QStringLiteral("build complete"),
        {},
        {},
        QStringLiteral("koji"));
    b.envelope.setDeliveryTag(8);
    b.envelope.setTrust(TrustState::Untrusted, QStringLiteral("bad signature"));

    const QList<StoreResult> results = storeAndWait(*history, { a, b });
    QCOMPARE(results.size(), 2);
    QCOMPARE(results[0].deliveryTag, 7U);
    QCOMPARE(results[1].deliveryTag, 8U);
    QCOMPARE(results[0].msgId, QStringLiteral("id-a"));
    QVERIFY(!results[0].duplicate && !results[1].duplicate);
    QVERIFY(results[0].rowId > 0 && results[1].rowId > results[0].rowId);

    QString error;
    const auto stored = history->message(results[0].rowId, &error);
    QVERIFY2(stored.has_value(), qPrintable(error));
    QCOMPARE(stored->id, results[0].rowId);
    QCOMPARE(stored->msgId, QStringLiteral("id-a"));
    QCOMPARE(stored->topic, a.envelope.topic());
    QCOMPARE(stored->body, QByteArray::fromStdString(a.envelope.canonicalBody()));
    QVERIFY(stored->headers.isEmpty());
    QCOMPARE(stored->busName, QStringLiteral("fedora"));
    QCOMPARE(stored->endpoint, QStringLiteral("tcp://hub.fedoraproject.org:9940"));
    QCOMPARE(stored->transport, Envelope::Transport::ZeroMq);
    QCOMPARE(stored->trust, TrustState::Trusted);
    QCOMPARE(stored->trustReason, QStringLiteral("signature valid"));
    QCOMPARE(stored->rendering, a.rendering);
    QCOMPARE(stored->receivedAt, QDateTime::fromMSecsSinceEpoch(1700000001234, Qt::UTC));
    QCOMPARE(stored->sentAt, a.envelope.sentAt());
    QCOMPARE(stored->decision, QStringLiteral("notify"));
    QCOMPARE(stored->decisionRule, QStringLiteral("my packages"));
    QVERIFY(!stored->read);
    const auto envelope = stored->toEnvelope(&error);
    QVERIFY2(envelope.has_value(), qPrintable(error));
    QVERIFY(envelope->body() == a.envelope.body());
    QCOMPARE(envelope->trust(), TrustState::Trusted);

    const auto second = history->message(results[1].rowId);
    QVERIFY(second.has_value());
    QCOMPARE(second->trust, TrustState::Untrusted);
    QCOMPARE(second->trustReason, QStringLiteral("bad signature"));
    QVERIFY(!history->message(999999, &error).has_value());
    QVERIFY(error.isEmpty());
}

// stored() must only arrive once another connection can see the rows, i.e. after COMMIT.
void TestHistory::storedOnlyAfterCommit()
{
    auto history = openHistory();
    HistoryReader independent(m_path);
    QList<qint64> seenCounts;
    connect(history.get(), &History::stored, this, [&](const QList<StoreResult> &results) {
        for (const StoreResult &r : results) {
            QString error;
            seenCounts.append(independent.message(r.rowId, &error).has_value() ? 1 : 0);
        }
    });
    QList<HistoryRecord> records;
    for (int i = 0; i < 50; ++i)
        records.append(makeRecord(
            QStringLiteral("commit-%1").arg(i), QStringLiteral("t.x"), QStringLiteral("x")));
    history->store(records);
    QTRY_COMPARE_WITH_TIMEOUT(seenCounts.size(), 50, 20000);
    QVERIFY(!seenCounts.contains(0));
}

// Issue 13 item 11: messages arriving one by one within the commit window share one
// transaction (stored() is emitted once per COMMIT, so it counts the commits).
void TestHistory::commitsAreGroupedWithinTheWindow()
{
    HistoryOptions options;
    options.commitDelay = 10min; // longer than the test: only retry() ends this window
    auto history = openHistory(options);
    QSignalSpy stored(history.get(), &History::stored);
    QList<quint64> tags;
    connect(history.get(), &History::stored, this, [&](const QList<StoreResult> &results) {
        for (const auto &r : results)
            tags.append(r.deliveryTag);
    });
    for (int i = 0; i < 5; ++i) {
        auto r = makeRecord(
            QStringLiteral("group-%1").arg(i), QStringLiteral("t.group"), QStringLiteral("g"));
        r.envelope.setDeliveryTag(1 + i);
        history->store(r);
        QTest::qWait(20); // arrivals spread out, as from a quiet bus (not synchronisation)
    }
    QVERIFY(tags.isEmpty()); // nothing acknowledged before the COMMIT
    history->retry(); // write what waits now
    QTRY_COMPARE(tags.size(), 5);
    QCOMPARE(tags, (QList<quint64> { 1, 2, 3, 4, 5 }));
    QCOMPARE(stored.size(), 1); // one transaction for all five
    QCOMPARE(history->count({}), 5);
}

// The window is bounded: a lone message is written without any further arrival or call.
void TestHistory::commitWindowIsBounded()
{
    HistoryOptions options;
    options.commitDelay = 200ms;
    auto history = openHistory(options);
    QSignalSpy stored(history.get(), &History::stored);
    history->store(makeRecord(QStringLiteral("lone"), QStringLiteral("t"), QStringLiteral("x")));
    QTRY_COMPARE(stored.size(), 1);
    QCOMPARE(history->count({}), 1);
}

// Issue 13 item 11: a record gets its id when it is handed on (assigned()), long before the
// commit window ends; the commit keeps that id, read state and decisions set before the commit
// are kept, a clean shutdown within the window writes everything, and after a restart new ids
// continue above the old ones.
void TestHistory::idsAssignedBeforeCommitAreStableAcrossRestart()
{
    HistoryOptions options;
    options.commitDelay = 10min; // longer than the test: only retry() and shutdown end it
    QList<StoreResult> assigned;
    {
        auto history = openHistory(options);
        connect(history.get(), &History::assigned, this, [&](const QList<StoreResult> &r) {
            assigned.append(r);
        });
        QSignalSpy stored(history.get(), &History::stored);
        QList<HistoryRecord> records;
        for (int i = 0; i < 3; ++i)
            records.append(makeRecord(
                QStringLiteral("keep-%1").arg(i), QStringLiteral("t.keep"), QStringLiteral("k")));
        history->store(records);
        history->store(records[1]); // a duplicate of an uncommitted record
        QTRY_COMPARE(assigned.size(), 4);
        QVERIFY(assigned[0].rowId > 0);
        QVERIFY(assigned[1].rowId > assigned[0].rowId);
        QVERIFY(assigned[2].rowId > assigned[1].rowId);
        QVERIFY(!assigned[2].duplicate);
        QVERIFY(assigned[3].duplicate);
        QCOMPARE(assigned[3].rowId, assigned[1].rowId);
        QCOMPARE(stored.size(), 0);
        QCOMPARE(history->count({}), 0); // nothing committed yet
        history->markRead({ assigned[2].rowId });
        history->setDecision(assigned[0].rowId, QStringLiteral("history"), QStringLiteral("r"));
    } // a clean shutdown within the window
    auto history = openHistory(options);
    QCOMPARE(history->count({}), 3);
    for (int i = 0; i < 3; ++i) {
        const auto stored = history->message(assigned[i].rowId);
        QVERIFY(stored.has_value());
        QCOMPARE(stored->msgId, QStringLiteral("keep-%1").arg(i));
        QCOMPARE(stored->read, i == 2);
    }
    QCOMPARE(history->message(assigned[0].rowId)->decision, QStringLiteral("history"));
    QCOMPARE(history->message(assigned[0].rowId)->decisionRule, QStringLiteral("r"));
    QList<StoreResult> later;
    connect(history.get(), &History::assigned, this, [&](const QList<StoreResult> &r) {
        later.append(r);
    });
    QSignalSpy stored(history.get(), &History::stored);
    history->store(
        makeRecord(QStringLiteral("after"), QStringLiteral("t.keep"), QStringLiteral("a")));
    QTRY_COMPARE(later.size(), 1);
    QVERIFY(later[0].rowId > assigned[2].rowId);
    history->retry();
    QTRY_COMPARE(stored.size(), 1);
    QCOMPARE(stored[0][0].value<QList<StoreResult>>(), later);
    QCOMPARE(history->message(later[0].rowId)->msgId, QStringLiteral("after"));
}

void TestHistory::amqpRoundTrip()
{
    auto history = openHistory();
    JsonValue::Object body;
    body.emplace_back("topic", JsonValue("org.fedoraproject.prod.copr.build.end"));
    body.emplace_back("msg_id", JsonValue("6c2d5f0e-amqp"));
    body.emplace_back("msg", JsonValue(JsonValue::Object { { "status", JsonValue(1) } }));
    HistoryRecord r;
    r.envelope = Envelope(Envelope::Transport::Amqp, JsonValue(std::move(body)));
    r.envelope.setHeaders(
        JsonValue(JsonValue::Object { { "fedora_messaging_schema", JsonValue("copr.build.end") },
            { "priority", JsonValue(0) } }));
    r.envelope.setBusName(QStringLiteral("fedora-messaging"));
    r.envelope.setEndpoint(QStringLiteral("amqps://rabbitmq.fedoraproject.org/%2Fpublic_pubsub"));
    r.envelope.setTrust(TrustState::BrokerUnsigned);
    r.envelope.setDeliveryTag(42);
    r.rendering.title = QStringLiteral("copr build finished");
    r.rendering.appName = QStringLiteral("Copr");
    r.rendering.agentName = QStringLiteral("msuchy");
    r.rendering.containers = { QStringLiteral("c1") };
    r.rendering.modules = { QStringLiteral("m1") };
    r.rendering.flatpaks = { QStringLiteral("f1") };
    r.rendering.groups = { QStringLiteral("g1") };
    r.rendering.fallback = true;
    const auto results = storeAndWait(*history, { r });
    QCOMPARE(results.first().deliveryTag, 42U);
    const auto stored = history->message(results.first().rowId);
    QVERIFY(stored.has_value());
    QCOMPARE(stored->transport, Envelope::Transport::Amqp);
    QCOMPARE(stored->trust, TrustState::BrokerUnsigned);
    QCOMPARE(stored->rendering, r.rendering);
    QVERIFY(!stored->sentAt.isValid());
    QCOMPARE(
        stored->headers, QByteArray::fromStdString(JsonWriter::canonical(r.envelope.headers())));
    const auto envelope = stored->toEnvelope();
    QVERIFY(envelope.has_value());
    QVERIFY(envelope->headers() == r.envelope.headers());
    QCOMPARE(envelope->transport(), Envelope::Transport::Amqp);
}

void TestHistory::deduplicateByMsgId()
{
    auto history = openHistory();
    auto first =
        makeRecord(QStringLiteral("dup-1"), QStringLiteral("t.a"), QStringLiteral("first"));
    first.envelope.setDeliveryTag(1);
    auto again = first;
    again.envelope.setDeliveryTag(2);
    again.envelope.setBusName(QStringLiteral("other-bus"));
    auto other =
        makeRecord(QStringLiteral("dup-2"), QStringLiteral("t.a"), QStringLiteral("other"));
    other.envelope.setDeliveryTag(3);
    // Duplicate inside one batch and in a later batch.
    const auto results = storeAndWait(*history, { first, again, other });
    QCOMPARE(results.size(), 3);
    QVERIFY(!results[0].duplicate);
    QVERIFY(results[1].duplicate);
    QCOMPARE(results[1].rowId, results[0].rowId);
    QCOMPARE(results[1].deliveryTag, 2U);
    QVERIFY(!results[2].duplicate);
    auto later = first;
    later.envelope.setDeliveryTag(4);
    const auto laterResults = storeAndWait(*history, { later });
    QVERIFY(laterResults.first().duplicate);
    QCOMPARE(laterResults.first().rowId, results[0].rowId);
    QCOMPARE(laterResults.first().deliveryTag, 4U);
    QCOMPARE(history->count({}), 2);
    HistoryQuery q;
    q.msgId = QStringLiteral("dup-1");
    const auto stored = history->search(q);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().busName, QStringLiteral("fedora")); // the first arrival is kept
}

// Issue 13 item 3: an unsigned copy that arrives first must not suppress the signed original.
void TestHistory::untrustedCopyDoesNotHideTrustedOriginal()
{
    auto history = openHistory();
    auto forged =
        makeRecord(QStringLiteral("race-1"), QStringLiteral("t.a"), QStringLiteral("forged"));
    forged.envelope.setTrust(TrustState::Untrusted, QStringLiteral("no signature"));
    forged.envelope.setDeliveryTag(1);
    auto genuine =
        makeRecord(QStringLiteral("race-1"), QStringLiteral("t.a"), QStringLiteral("genuine"));
    genuine.envelope.setDeliveryTag(2);
    const auto first = storeAndWait(*history, { forged });
    QVERIFY(!first.first().duplicate);
    // The trusted original arrives later: it replaces the untrusted row and is reported new.
    const auto second = storeAndWait(*history, { genuine });
    QVERIFY(!second.first().duplicate);
    QCOMPARE(second.first().deliveryTag, 2U);
    HistoryQuery q;
    q.msgId = QStringLiteral("race-1");
    auto stored = history->search(q);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().id, second.first().rowId);
    QCOMPARE(stored.first().trust, TrustState::Trusted);
    QCOMPARE(stored.first().rendering.title, QStringLiteral("genuine"));
    // The text index follows the replacement.
    HistoryQuery text;
    text.text = QStringLiteral("forged");
    QCOMPARE(history->count(text), 0);
    text.text = QStringLiteral("genuine");
    QCOMPARE(history->count(text), 1);
    // A later untrusted copy of the trusted message stays a duplicate and changes nothing.
    auto replay = forged;
    replay.envelope.setDeliveryTag(3);
    const auto third = storeAndWait(*history, { replay });
    QVERIFY(third.first().duplicate);
    QCOMPARE(third.first().rowId, second.first().rowId);
    stored = history->search(q);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().trust, TrustState::Trusted);
    // Both orders inside one batch: the trusted one wins, the untrusted one is a duplicate when
    // it comes second.
    auto forged2 =
        makeRecord(QStringLiteral("race-2"), QStringLiteral("t.a"), QStringLiteral("forged"));
    forged2.envelope.setTrust(TrustState::Untrusted, QStringLiteral("no signature"));
    auto genuine2 =
        makeRecord(QStringLiteral("race-2"), QStringLiteral("t.a"), QStringLiteral("genuine"));
    const auto batch = storeAndWait(*history, { forged2, genuine2, forged2 });
    QVERIFY(!batch[1].duplicate);
    QVERIFY(batch[2].duplicate);
    QCOMPARE(batch[2].rowId, batch[1].rowId);
    q.msgId = QStringLiteral("race-2");
    stored = history->search(q);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().trust, TrustState::Trusted);
    QCOMPARE(history->count({}), 2);
}

void TestHistory::deduplicateByBodyHash()
{
    auto history = openHistory();
    const auto a = makeRecord(
        QString(), QStringLiteral("t.nomsgid"), QStringLiteral("same"), {}, {}, {}, 1700000000);
    auto aAgain = makeRecord(
        QString(), QStringLiteral("t.nomsgid"), QStringLiteral("same"), {}, {}, {}, 1700000000);
    aAgain.envelope.setEndpoint(QStringLiteral("tcp://elsewhere:9940")); // not part of the body
    const auto b = makeRecord(
        QString(), QStringLiteral("t.nomsgid"), QStringLiteral("same"), {}, {}, {}, 1700000001);
    const auto results = storeAndWait(*history, { a, aAgain, b });
    QVERIFY(!results[0].duplicate);
    QVERIFY(results[1].duplicate);
    QCOMPARE(results[1].rowId, results[0].rowId);
    QVERIFY(!results[2].duplicate); // different timestamp, different body
    QCOMPARE(history->count({}), 2);
}

void TestHistory::fillSearchCorpus(History &history)
{
    QList<HistoryRecord> records;
    records << makeRecord(QStringLiteral("s1"),
        QStringLiteral("org.fedoraproject.prod.bodhi.update.comment"),
        QStringLiteral("ralph commented on a new update of kernel"),
        { QStringLiteral("ralph") },
        { QStringLiteral("kernel") },
        QStringLiteral("bodhi"));
    records << makeRecord(QStringLiteral("s2"),
        QStringLiteral("org.fedoraproject.prod.bodhi.update.request.stable"),
        QStringLiteral("update of python-requests submitted to stable"),
        { QStringLiteral("ralph-bot") },
        { QStringLiteral("python-requests") },
        QStringLiteral("bodhi"));
    records << makeRecord(QStringLiteral("s3"),
        QStringLiteral("org.fedoraproject.prod.buildsys.build.state.change"),
        QStringLiteral("build of kernel-6.5 completed"),
        { QStringLiteral("jforbes") },
        { QStringLiteral("kernel") },
        QStringLiteral("koji"));
    records << makeRecord(QStringLiteral("s4"),
        QStringLiteral("org.fedoraproject.prod.copr.build.end"),
        QStringLiteral("Überprüfung der Pakete abgeschlossen"),
        { QStringLiteral("msuchy") },
        { QStringLiteral("copr-cli") },
        QStringLiteral("copr"));
    records << makeRecord(QStringLiteral("s5"),
        QStringLiteral("org.fedoraproject.stg.bodhi.update.comment"),
        QStringLiteral("update new comment"),
        { QStringLiteral("ralph") },
        {},
        QStringLiteral("bodhi"));
    records[1].envelope.setBusName(QStringLiteral("fedora-messaging"));
    records[1].envelope.setTrust(TrustState::BrokerUnsigned);
    records[3].envelope.setTrust(TrustState::Untrusted, QStringLiteral("no signature"));
    records[4].envelope.setBusName(QStringLiteral("staging"));
    storeAndWait(history, records);
}

// Text is bound as UTF-8 by the writer and the extra JSON is written by hand: quotes,
// backslashes, control characters, non-ASCII and astral characters survive, and a msg_id with
// them is found and de-duplicated.
void TestHistory::unusualTextRoundTrips()
{
    HistoryOptions options;
    options.maxAge = 0s;
    auto history = openHistory(options);
    const QString odd = QStringLiteral("q\"uote \\ back\nline\u0001 \u00fcber \U0001F600 \u4e2d")
        + QChar(u'\0') + QStringLiteral("end");
    const QString msgId = QStringLiteral("id-\u00fc-\U0001F600");
    auto r = makeRecord(msgId,
        QStringLiteral("org.fedoraproject.prod.\u00fcber"),
        odd,
        { odd, QStringLiteral("plain") },
        { QStringLiteral("pkg\"x") },
        QStringLiteral("svc"));
    r.rendering.appName = odd;
    r.rendering.agentName = QStringLiteral("\U0001F600");
    r.rendering.objects = { QStringLiteral("a/\u00e9") };
    r.rendering.groups = { QString() };
    r.rendering.fallback = true;
    r.decision = QStringLiteral("n\u00f6tify");
    const auto first = storeAndWait(*history, { r });
    QVERIFY(!first.first().duplicate);
    HistoryQuery q;
    q.msgId = msgId;
    const auto rows = history->search(q);
    QCOMPARE(rows.size(), 1);
    const StoredMessage &m = rows.first();
    QCOMPARE(m.msgId, msgId);
    QCOMPARE(m.topic, QStringLiteral("org.fedoraproject.prod.\u00fcber"));
    QCOMPARE(m.rendering.title, odd);
    QCOMPARE(m.rendering.usernames, (QStringList { odd, QStringLiteral("plain") }));
    QCOMPARE(m.rendering.packages, QStringList { QStringLiteral("pkg\"x") });
    QCOMPARE(m.rendering.appName, odd);
    QCOMPARE(m.rendering.agentName, QStringLiteral("\U0001F600"));
    QCOMPARE(m.rendering.objects, QStringList { QStringLiteral("a/\u00e9") });
    QCOMPARE(m.rendering.groups, QStringList { QString() });
    QVERIFY(m.rendering.fallback);
    QCOMPARE(m.decision, QStringLiteral("n\u00f6tify"));
    QCOMPARE(m.body, QByteArray::fromStdString(r.envelope.canonicalBody()));
    q = {};
    q.user = odd;
    QCOMPARE(history->count(q), 1);
    q.user = QStringLiteral("plain");
    QCOMPARE(history->count(q), 1);
    q.user = odd.left(odd.indexOf(QChar(u'\0'))); // SQLite's JSON stops at NUL; still exact
    QCOMPARE(history->count(q), 0);
    q = {};
    q.text = QStringLiteral("\u00fcber");
    QCOMPARE(history->count(q), 1);
    const auto again = storeAndWait(*history, { r });
    QVERIFY(again.first().duplicate);
    QCOMPARE(again.first().rowId, first.first().rowId);
}

void TestHistory::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected"); // msg ids, newest first
    QTest::newRow("word") << QStringLiteral("kernel") << strings({ "s3", "s1" });
    QTest::newRow("word in topic") << QStringLiteral("buildsys") << strings({ "s3" });
    QTest::newRow("topic segment") << QStringLiteral("stg") << strings({ "s5" });
    QTest::newRow("username") << QStringLiteral("jforbes") << strings({ "s3" });
    QTest::newRow("package") << QStringLiteral("copr-cli") << strings({ "s4" });
    QTest::newRow("prefix") << QStringLiteral("upd*") << strings({ "s5", "s2", "s1" });
    QTest::newRow("prefix case-insensitive")
        << QStringLiteral("RAL*") << strings({ "s5", "s2", "s1" });
    QTest::newRow("phrase") << QStringLiteral("\"new update\"") << strings({ "s1" });
    QTest::newRow("phrase other order") << QStringLiteral("\"update new\"") << strings({ "s5" });
    QTest::newRow("phrase prefix") << QStringLiteral("\"python-req\"*") << strings({ "s2" });
    QTest::newRow("two words") << QStringLiteral("kernel ralph") << strings({ "s1" });
    QTest::newRow("or") << QStringLiteral("jforbes OR msuchy") << strings({ "s4", "s3" });
    QTest::newRow("exclude") << QStringLiteral("kernel -jforbes") << strings({ "s1" });
    QTest::newRow("diacritics folded") << QStringLiteral("uberprufung") << strings({ "s4" });
    QTest::newRow("no match") << QStringLiteral("fedmsg") << QStringList {};
    QTest::newRow("fts syntax is literal") << QStringLiteral("title:kernel") << QStringList {};
    QTest::newRow("unbalanced quote") << QStringLiteral("\"new update") << strings({ "s1" });
    QTest::newRow("unbalanced quote no prefix") << QStringLiteral("\"new upd") << QStringList {};
    QTest::newRow("parenthesis") << QStringLiteral("(kernel") << strings({ "s3", "s1" });
}

void TestHistory::search()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    auto history = openHistory();
    fillSearchCorpus(*history);
    HistoryQuery q;
    q.text = text;
    QString error;
    const auto found = history->search(q, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList ids;
    for (const auto &m : found)
        ids.append(m.msgId);
    QCOMPARE(ids, expected);
    QCOMPARE(history->count(q), expected.size());
}

void TestHistory::searchErrorsAreValues()
{
    auto history = openHistory();
    fillSearchCorpus(*history);
    HistoryQuery q;
    q.text = QStringLiteral("* - ()");
    QString error;
    QVERIFY(history->search(q, &error).isEmpty());
    QVERIFY2(error.contains(QStringLiteral("no words")), qPrintable(error));
    error.clear();
    QCOMPARE(history->count(q, &error), 0);
    QVERIFY(!error.isEmpty());
}

void TestHistory::filters()
{
    HistoryOptions options;
    options.maxAge = 0s; // keep the old rows below
    auto history = openHistory(options);
    fillSearchCorpus(*history);
    const auto ids = [&](const HistoryQuery &q) {
        return searchIds(*history, q);
    };
    HistoryQuery q;
    q.buses = { QStringLiteral("fedora-messaging"), QStringLiteral("staging") };
    QCOMPARE(ids(q), (strings({ "s5", "s2" })));
    q = {};
    q.services = { QStringLiteral("koji"), QStringLiteral("copr") };
    QCOMPARE(ids(q), (strings({ "s4", "s3" })));
    q = {};
    q.topicPrefix = QStringLiteral("org.fedoraproject.prod.bodhi.");
    QCOMPARE(ids(q), (strings({ "s2", "s1" })));
    q.topicPrefix = QStringLiteral("org.fedoraproject.prod.bodhi.update.c");
    QCOMPARE(ids(q), (strings({ "s1" })));
    q.topicPrefix = QStringLiteral("org.fedoraproject.prod.bodhi_"); // not a LIKE/GLOB pattern
    QCOMPARE(ids(q), QStringList {});
    q = {};
    q.user = QStringLiteral("ralph"); // exact: not ralph-bot
    QCOMPARE(ids(q), (strings({ "s5", "s1" })));
    q = {};
    q.package = QStringLiteral("kernel");
    QCOMPARE(ids(q), (strings({ "s3", "s1" })));
    q = {};
    q.trust = { TrustState::Untrusted, TrustState::BrokerUnsigned };
    QCOMPARE(ids(q), (strings({ "s4", "s2" })));
    q = {};
    q.msgId = QStringLiteral("s3");
    QCOMPARE(ids(q), (strings({ "s3" })));
    q = {};
    q.text = QStringLiteral("update");
    q.user = QStringLiteral("ralph");
    q.services = { QStringLiteral("bodhi") };
    QCOMPARE(ids(q), (strings({ "s5", "s1" })));

    // Time range on received time: [from, to).
    auto old = makeRecord(QStringLiteral("old"), QStringLiteral("t.old"), QStringLiteral("old"));
    old.envelope.setReceivedAt(QDateTime::fromMSecsSinceEpoch(1000000, Qt::UTC));
    auto mid = makeRecord(QStringLiteral("mid"), QStringLiteral("t.mid"), QStringLiteral("mid"));
    mid.envelope.setReceivedAt(QDateTime::fromMSecsSinceEpoch(2000000, Qt::UTC));
    storeAndWait(*history, { old, mid });
    q = {};
    q.from = QDateTime::fromMSecsSinceEpoch(1000000, Qt::UTC);
    q.to = QDateTime::fromMSecsSinceEpoch(2000000, Qt::UTC);
    QCOMPARE(ids(q), (strings({ "old" })));
    q.to = QDateTime::fromMSecsSinceEpoch(2000001, Qt::UTC);
    QCOMPARE(ids(q), (strings({ "mid", "old" })));
    q = {};
    q.to = QDateTime::fromMSecsSinceEpoch(1500000, Qt::UTC);
    QCOMPARE(ids(q), (strings({ "old" })));

    // Unread and decisions.
    QSignalSpy updated(history.get(), &History::updated);
    const auto s3 = history->search([] {
        HistoryQuery h;
        h.msgId = QStringLiteral("s3");
        return h;
    }());
    QCOMPARE(s3.size(), 1);
    history->markRead({ s3.first().id });
    history->setDecision(s3.first().id, QStringLiteral("mute"), QStringLiteral("koji noise"));
    QTRY_COMPARE(updated.size(), 2);
    q = {};
    q.unreadOnly = true;
    QCOMPARE(ids(q).size(), 6);
    QVERIFY(!ids(q).contains(QStringLiteral("s3")));
    q = {};
    q.decisions = { QStringLiteral("mute") };
    QCOMPARE(ids(q), (strings({ "s3" })));
    q.decisions = { QString() };
    QCOMPARE(ids(q).size(), 6);
}

// User, package and topic-prefix filters are narrowed by the FTS index (which ignores case,
// diacritics and separators) and then checked exactly.
void TestHistory::filtersNarrowedByFtsAreExact()
{
    HistoryOptions options;
    options.maxAge = 0s;
    auto history = openHistory(options);
    QList<HistoryRecord> records;
    records << makeRecord(QStringLiteral("e1"),
        QStringLiteral("org.fedoraproject.prod.bodhi.update.comment"),
        QStringLiteral("one"),
        { QStringLiteral("Ralph Bean"), QStringLiteral("@@") },
        { QStringLiteral("python3-requests") });
    records << makeRecord(QStringLiteral("e2"),
        QStringLiteral("org.FedoraProject.prod.bodhi.update.comment"),
        QStringLiteral("two"),
        { QStringLiteral("ralph.bean") },
        { QStringLiteral("python3 requests") });
    records << makeRecord(QStringLiteral("e3"),
        QStringLiteral("org.fedoraproject.prod.bodhi-update"),
        QStringLiteral("three"),
        { QStringLiteral("ralph") },
        { QStringLiteral("Python3-Requests") });
    records << makeRecord(QStringLiteral("e4"), QStringLiteral("...!"), QStringLiteral("four"));
    storeAndWait(*history, records);
    const auto ids = [&](const HistoryQuery &q) {
        return searchIds(*history, q);
    };
    HistoryQuery q;
    q.user = QStringLiteral("Ralph Bean"); // same tokens as ralph.bean, only e1 is exact
    QCOMPARE(ids(q), (strings({ "e1" })));
    q.user = QStringLiteral("ralph.bean");
    QCOMPARE(ids(q), (strings({ "e2" })));
    q.user = QStringLiteral("@@"); // no token to narrow by: exact check alone
    QCOMPARE(ids(q), (strings({ "e1" })));
    q.user = QStringLiteral("Ralph");
    QCOMPARE(ids(q), QStringList {});
    q = {};
    q.package = QStringLiteral("python3-requests");
    QCOMPARE(ids(q), (strings({ "e1" })));
    q.package = QStringLiteral("python3 requests");
    QCOMPARE(ids(q), (strings({ "e2" })));
    q = {};
    q.topicPrefix = QStringLiteral("org.fedoraproject.prod.bodhi"); // case-sensitive
    QCOMPARE(ids(q), (strings({ "e3", "e1" })));
    q.topicPrefix = QStringLiteral("org.fedoraproject.prod.bodhi.");
    QCOMPARE(ids(q), (strings({ "e1" })));
    q.topicPrefix = QStringLiteral("fedoraproject"); // a prefix, not a word inside the topic
    QCOMPARE(ids(q), QStringList {});
    q.topicPrefix = QStringLiteral("...");
    QCOMPARE(ids(q), (strings({ "e4" })));
    q = {};
    q.text = QStringLiteral("two OR three");
    q.topicPrefix = QStringLiteral("org.");
    q.package = QStringLiteral("Python3-Requests");
    QCOMPARE(ids(q), (strings({ "e3" })));
    QCOMPARE(history->count(q), 1);
    q = {};
    q.msgId = QStringLiteral("e2");
    QCOMPARE(ids(q), (strings({ "e2" })));
}

void TestHistory::paging()
{
    auto history = openHistory();
    QList<HistoryRecord> records;
    for (int i = 0; i < 25; ++i)
        records.append(makeRecord(
            QStringLiteral("p%1").arg(i), QStringLiteral("t.page"), QStringLiteral("page item")));
    const auto results = storeAndWait(*history, records);
    QList<qint64> all;
    for (const auto &r : results)
        all.prepend(r.rowId); // newest first
    for (bool keyset : { false, true }) {
        QList<qint64> seen;
        HistoryQuery q;
        q.text = QStringLiteral("page");
        q.limit = 10;
        for (int page = 0; page < 5; ++page) {
            const auto rows = history->search(q);
            if (rows.isEmpty())
                break;
            QVERIFY(rows.size() <= 10);
            for (const auto &m : rows)
                seen.append(m.id);
            if (keyset)
                q.afterRowId = rows.last().id;
            else
                q.offset += q.limit;
        }
        QCOMPARE(seen, all);
    }
    HistoryQuery ascending;
    ascending.oldestFirst = true;
    ascending.limit = 5;
    ascending.afterRowId = all.last(); // after the oldest
    const auto rows = history->search(ascending);
    QCOMPARE(rows.size(), 5);
    QCOMPARE(rows.first().id, all[all.size() - 2]);
    HistoryQuery unlimited;
    unlimited.limit = 0;
    QCOMPARE(history->search(unlimited).size(), 25);
    QCOMPARE(history->count(ascending), 25); // paging fields do not change the count
}

void TestHistory::countsPerService()
{
    auto history = openHistory();
    fillSearchCorpus(*history);
    auto old = makeRecord(QStringLiteral("old-koji"),
        QStringLiteral("t.old"),
        QStringLiteral("old"),
        {},
        {},
        QStringLiteral("koji"));
    old.envelope.setReceivedAt(QDateTime::currentDateTimeUtc().addDays(-3));
    storeAndWait(*history, { old });
    QList<ServiceCount> expectedAll = { { QStringLiteral("bodhi"), QStringLiteral("Bodhi"), 3 },
        { QStringLiteral("koji"), QStringLiteral("Koji"), 2 },
        { QStringLiteral("copr"), QStringLiteral("Copr"), 1 } };
    QCOMPARE(history->countsPerService({}), expectedAll);
    HistoryQuery window;
    window.from = QDateTime::currentDateTimeUtc().addDays(-1);
    QList<ServiceCount> expectedDay = { { QStringLiteral("bodhi"), QStringLiteral("Bodhi"), 3 },
        { QStringLiteral("copr"), QStringLiteral("Copr"), 1 },
        { QStringLiteral("koji"), QStringLiteral("Koji"), 1 } };
    QCOMPARE(history->countsPerService(window), expectedDay);
}

void TestHistory::markReadAndDecision()
{
    auto history = openHistory();
    const auto results = storeAndWait(*history,
        { makeRecord(QStringLiteral("r1"), QStringLiteral("t"), QStringLiteral("a")),
            makeRecord(QStringLiteral("r2"), QStringLiteral("t"), QStringLiteral("b")),
            makeRecord(QStringLiteral("r3"), QStringLiteral("t"), QStringLiteral("c")) });
    QSignalSpy updated(history.get(), &History::updated);
    history->markRead({ results[0].rowId, results[1].rowId });
    QTRY_COMPARE(updated.size(), 1);
    QCOMPARE(updated.first().first().value<QList<qint64>>(),
        (QList<qint64> { results[0].rowId, results[1].rowId }));
    QVERIFY(history->message(results[0].rowId)->read);
    QVERIFY(!history->message(results[2].rowId)->read);
    history->markRead({ results[0].rowId }, false);
    QTRY_COMPARE(updated.size(), 2);
    QVERIFY(!history->message(results[0].rowId)->read);
    history->setDecision(results[2].rowId, QStringLiteral("digest"), QStringLiteral("daily"));
    QTRY_COMPARE(updated.size(), 3);
    QCOMPARE(history->message(results[2].rowId)->decision, QStringLiteral("digest"));
    QCOMPARE(history->message(results[2].rowId)->decisionRule, QStringLiteral("daily"));
    history->markAllRead();
    QTRY_COMPARE(updated.size(), 4);
    QVERIFY(updated.last().first().value<QList<qint64>>().isEmpty());
    HistoryQuery unread;
    unread.unreadOnly = true;
    QCOMPARE(history->count(unread), 0);
}

void TestHistory::fileIsPrivate()
{
    // The history holds what the user subscribed to: only its owner may read it, whatever the
    // umask (022 here: a file SQLite creates would be 0644).
    const mode_t oldMask = ::umask(022);
    auto history = openHistory();
    storeAndWait(
        *history, { makeRecord(QStringLiteral("p1"), QStringLiteral("t"), QStringLiteral("a")) });
    ::umask(oldMask);
    const auto ownerOnly =
        QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser;
    for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
        const QFileInfo file(m_path + suffix);
        QVERIFY2(file.exists(), qPrintable(file.filePath()));
        QCOMPARE(file.permissions(), ownerOnly);
    }
}

void TestHistory::clearRemovesEverything()
{
    auto history = openHistory();
    QList<HistoryRecord> records;
    for (int i = 0; i < 200; ++i)
        records.append(makeRecord(QStringLiteral("c%1").arg(i),
            QStringLiteral("t.clear"),
            QStringLiteral("zanzibarsecret %1").arg(i),
            { QStringLiteral("alice") },
            {},
            QString(),
            1700000000,
            2000));
    storeAndWait(*history, records);
    QCOMPARE(history->count({}), 200);
    const auto onDisk = [&] {
        QByteArray bytes;
        for (const QString &suffix : { QString(), QStringLiteral("-wal") }) {
            QFile file(m_path + suffix);
            if (file.open(QIODevice::ReadOnly))
                bytes += file.readAll();
        }
        return bytes.contains("zanzibarsecret");
    };
    QVERIFY(onDisk()); // the check below can fail
    history->commitNow();
    const auto fileBytes = [&] {
        return QFileInfo(m_path).size() + QFileInfo(m_path + QStringLiteral("-wal")).size();
    };
    const qint64 before = fileBytes();
    QSignalSpy cleared(history.get(), &History::cleared);
    history->clear();
    QVERIFY(cleared.wait(20000));
    QCOMPARE(cleared.first().first().toBool(), true);
    QCOMPARE(history->count({}), 0);
    HistoryQuery text;
    text.text = QStringLiteral("zanzibarsecret");
    QCOMPARE(history->count(text), 0);
    // Removed for real: not in the database file nor its WAL (VACUUM rewrote the file, the WAL
    // was truncated).
    QVERIFY(!onDisk());
    // The file was rewritten without the freed pages (Debian's SQLite overwrites deleted content
    // itself, SQLITE_SECURE_DELETE; the VACUUM is what makes it so everywhere).
    QVERIFY2(fileBytes() * 4 < before,
        qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(fileBytes())));
    // Storing goes on, with ids that keep growing.
    const auto after = storeAndWait(*history,
        { makeRecord(QStringLiteral("c-after"), QStringLiteral("t"), QStringLiteral("new")) });
    QCOMPARE(history->count({}), 1);
    QVERIFY(after.first().rowId > 200);
}

void TestHistory::retentionByAge()
{
    HistoryOptions options;
    options.maxAge = 30 * 24h;
    options.maxCount = 0;
    options.pruneBatch = 7; // several steps
    auto history = openHistory(options);
    QList<HistoryRecord> records;
    for (int i = 0; i < 30; ++i) {
        auto r = makeRecord(QStringLiteral("age-%1").arg(i),
            QStringLiteral("t.age"),
            i % 2 != 0 ? QStringLiteral("expired entry") : QStringLiteral("fresh entry"),
            { QStringLiteral("user%1").arg(i) });
        if (i % 2 != 0)
            r.envelope.setReceivedAt(QDateTime::currentDateTimeUtc().addDays(-31 - i));
        records.append(r);
    }
    QSignalSpy pruned(history.get(), &History::pruned);
    storeAndWait(*history, records);
    QTRY_COMPARE_WITH_TIMEOUT(history->count({}), 15, 20000);
    int removed = 0;
    for (const auto &args : std::as_const(pruned))
        removed += args.first().toInt();
    QCOMPARE(removed, 15);
    QVERIFY(pruned.size() >= 3); // in steps of at most 7
    HistoryQuery q;
    q.text = QStringLiteral("expired");
    QCOMPARE(history->count(q), 0); // the FTS index follows deletions
    q.text = QStringLiteral("fresh");
    QCOMPARE(history->count(q), 15);
    q = {};
    q.user = QStringLiteral("user1");
    QCOMPARE(history->count(q), 0); // and so do the user rows
    q.user = QStringLiteral("user2");
    QCOMPARE(history->count(q), 1);
}

void TestHistory::retentionByCount()
{
    HistoryOptions options;
    options.maxAge = 0s;
    options.maxCount = 50;
    options.pruneBatch = 20;
    options.maxBatch = 40;
    auto history = openHistory(options);
    QList<HistoryRecord> records;
    for (int i = 0; i < 120; ++i)
        records.append(makeRecord(
            QStringLiteral("count-%1").arg(i), QStringLiteral("t.count"), QStringLiteral("n")));
    const auto results = storeAndWait(*history, records);
    QTRY_COMPARE_WITH_TIMEOUT(history->count({}), 50, 20000);
    HistoryQuery all;
    all.limit = 0;
    const auto kept = history->search(all);
    QCOMPARE(kept.first().id, results.last().rowId);
    QCOMPARE(kept.last().id, results[70].rowId); // the newest 50 arrivals stay
    // Changing the limit applies incrementally.
    history->setRetention(0s, 10);
    QTRY_COMPARE_WITH_TIMEOUT(history->count({}), 10, 20000);
}

// Issue 13 item 5: a byte cap beside age and count, and a file that shrinks when rows go.
void TestHistory::sizeCapShrinksTheFile()
{
    const qint64 cap = qint64(2) * 1024 * 1024;
    HistoryOptions options;
    options.maxBytes = cap;
    options.maxAge = 0s;
    options.maxCount = 0;
    auto history = openHistory(options);
    QSignalSpy pruned(history.get(), &History::pruned);
    const auto onDisk = [&] {
        return QFileInfo(m_path).size() + QFileInfo(m_path + QStringLiteral("-wal")).size();
    };
    // 48 messages of 200 KB: about 10 MB, five times the cap, in four commits. Retention may
    // already run between them (so the file is not necessarily ever seen above the cap here);
    // with no age or count limit, only the size cap removes rows.
    for (int batch = 0; batch < 4; ++batch) {
        QList<HistoryRecord> records;
        for (int i = 0; i < 12; ++i)
            records.append(makeRecord(QStringLiteral("big-%1-%2").arg(batch).arg(i),
                QStringLiteral("t.big"),
                QStringLiteral("big"),
                {},
                {},
                {},
                1700000000,
                200 * 1024));
        storeAndWait(*history, records);
    }
    QTRY_VERIFY(!pruned.isEmpty());
    // The files on disk shrink back under the cap plus a little slack (free pages given back,
    // WAL truncated).
    QTRY_VERIFY2_WITH_TIMEOUT(onDisk() <= cap + qint64(256) * 1024,
        qPrintable(QStringLiteral("%1 bytes on disk").arg(onDisk())),
        20000);
    // The oldest went first; the newest are kept.
    HistoryQuery q;
    q.msgId = QStringLiteral("big-3-11");
    QCOMPARE(history->search(q).size(), 1);
    q.msgId = QStringLiteral("big-0-0");
    QCOMPARE(history->search(q).size(), 0);
    QVERIFY(history->count({}) > 0);
    history.reset();
    QCOMPARE(scalarAt(m_path, "PRAGMA auto_vacuum").toInt(), 2); // INCREMENTAL
}

// Issue 13: the writer's page cache is given back once it is idle, also when the last thing it
// did was a retention step (before, the retention's file shrink cancelled the idle release, and
// a burst of big messages left up to 16 MB of SQLite page cache live for good).
// Issue 13: a commit writes each page it touched; 1 KiB pages halve the bytes written per
// message at 1 message/s (bench_history: 9349 -> 4779). SQLite ignores the page size once
// auto_vacuum is set, so both are checked on the file.
void TestHistory::newFileHasSmallPagesAndIncrementalVacuum()
{
    auto history = openHistory();
    storeAndWait(*history, { makeRecord(QStringLiteral("pages-1"), QStringLiteral("t.a"), {}) });
    QCOMPARE(scalarAt(m_path, "PRAGMA page_size").toInt(), 512);
    QCOMPARE(scalarAt(m_path, "PRAGMA auto_vacuum").toInt(), 2); // incremental
    QCOMPARE(scalarAt(m_path, "PRAGMA journal_mode").toString(), QStringLiteral("wal"));
}

void TestHistory::pageCacheIsReleasedAfterRetention()
{
    HistoryOptions options;
    options.maxBytes = qint64(4) * 1024 * 1024;
    options.maxAge = 0s;
    options.maxCount = 0;
    options.idleRelease = 2s;
    auto history = openHistory(options);
    QSignalSpy pruned(history.get(), &History::pruned);
    // 64 messages of 256 KB (16 MB, four times the cap) in one commit: the page cache fills,
    // then retention runs after that commit and shrinks the file.
    QList<HistoryRecord> records;
    for (int i = 0; i < 64; ++i)
        records.append(makeRecord(QStringLiteral("cache-%1").arg(i),
            QStringLiteral("t.big"),
            QStringLiteral("big"),
            {},
            {},
            {},
            1700000000,
            256 * 1024));
    sqlite3_memory_highwater(1); // reset
    storeAndWait(*history, records);
    const sqlite3_int64 busy = sqlite3_memory_highwater(0);
    // The same SQLite library as Qt's driver (else this test would measure nothing), and the
    // page cache did fill.
    QVERIFY2(busy > qint64(4) * 1024 * 1024, qPrintable(QString::number(busy)));
    QTRY_VERIFY(!pruned.isEmpty());
    QTRY_VERIFY2_WITH_TIMEOUT(sqlite3_memory_used() < qint64(2) * 1024 * 1024,
        qPrintable(QStringLiteral("SQLite still holds %1 bytes (%2 at most during the writes)")
                       .arg(sqlite3_memory_used())
                       .arg(busy)),
        10000);
}

// Pages of a mapped file stay in the process's resident memory once touched: after a
// 10 000-message burst the applet's reader had mapped 30 MiB of history.sqlite (bench_applet).
// Searches, counts and whole-message reads go through read() instead.
void TestHistory::readsDoNotMapTheFile()
{
    {
        auto history = openHistory();
        QList<HistoryRecord> records;
        for (int i = 0; i < 200; ++i)
            records.append(makeRecord(QStringLiteral("mapped-%1").arg(i),
                QStringLiteral("t.map"),
                QStringLiteral("word%1").arg(i),
                { QStringLiteral("ralph") },
                { QStringLiteral("pkg") },
                QStringLiteral("svc"),
                1700000000 + i,
                4096));
        storeAndWait(*history, records);
    } // closed: the WAL is checkpointed, so the reads below read the database file itself
    auto history = openHistory();
    HistoryQuery all;
    all.withBody = true;
    all.limit = 500;
    QCOMPARE(history->search(all).size(), 200);
    QCOMPARE(history->count(all), 200);
    QCOMPARE(history->countsPerService(all).size(), 1);
    HistoryQuery word;
    word.text = QStringLiteral("word7");
    QCOMPARE(history->search(word).size(), 1);
    const QString canonical = QFileInfo(m_path).canonicalFilePath();
    const QMap<QString, qint64> resident =
        fedmsg::test::residentKiBByMapping(QStringLiteral("/proc/self/smaps"));
    QVERIFY(!resident.isEmpty()); // smaps was read: our own binary is always mapped
    const qint64 mappedKiB = resident.value(canonical);
    QCOMPARE(mappedKiB, 0);
}

// A file made before the size cap (auto_vacuum NONE) is switched once, keeping its rows.
void TestHistory::existingFileSwitchesToIncrementalVacuum()
{
    {
        auto history = openHistory();
        storeAndWait(*history,
            { makeRecord(QStringLiteral("kept"), QStringLiteral("t"), QStringLiteral("x")) });
    }
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("novacuum"));
        db.setDatabaseName(m_path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA auto_vacuum = NONE")));
        QVERIFY(q.exec(QStringLiteral("VACUUM")));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("novacuum"));
    QCOMPARE(scalarAt(m_path, "PRAGMA auto_vacuum").toInt(), 0);
    auto history = openHistory();
    QCOMPARE(history->count({}), 1);
    history.reset();
    QCOMPARE(scalarAt(m_path, "PRAGMA auto_vacuum").toInt(), 2);
}

// A file made with larger pages (1 KiB: schema version 4) is rewritten once with 512-byte
// pages, in WAL mode again, keeping its rows.
void TestHistory::existingFileGetsSmallPages()
{
    {
        auto history = openHistory();
        storeAndWait(*history,
            { makeRecord(QStringLiteral("kept-1"), QStringLiteral("t.a"), QStringLiteral("one")),
                makeRecord(
                    QStringLiteral("kept-2"), QStringLiteral("t.b"), QStringLiteral("two")) });
    }
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bigpages"));
        db.setDatabaseName(m_path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const char *statement : { "PRAGMA journal_mode = DELETE",
                 "PRAGMA page_size = 1024",
                 "VACUUM",
                 "PRAGMA journal_mode = WAL" })
            QVERIFY2(q.exec(QString::fromLatin1(statement)), qPrintable(q.lastError().text()));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bigpages"));
    QCOMPARE(scalarAt(m_path, "PRAGMA page_size").toInt(), 1024);
    auto history = openHistory();
    QCOMPARE(history->count({}), 2);
    HistoryQuery q;
    q.text = QStringLiteral("two");
    QCOMPARE(searchIds(*history, q), strings({ "kept-2" }));
    const auto results = storeAndWait(*history,
        { makeRecord(QStringLiteral("kept-1"), QStringLiteral("t.a"), QStringLiteral("one")),
            makeRecord(QStringLiteral("new-3"), QStringLiteral("t.c"), QStringLiteral("three")) });
    QVERIFY(results[0].duplicate);
    QVERIFY(!results[1].duplicate);
    history.reset();
    QCOMPARE(scalarAt(m_path, "PRAGMA page_size").toInt(), 512);
    QCOMPARE(scalarAt(m_path, "PRAGMA journal_mode").toString(), QStringLiteral("wal"));
    QCOMPARE(scalarAt(m_path, "PRAGMA auto_vacuum").toInt(), 2);
    QCOMPARE(scalarAt(m_path, "SELECT count(*) FROM messages").toInt(), 3);
    QCOMPARE(scalarAt(m_path, "PRAGMA integrity_check").toString(), QStringLiteral("ok"));
}

void TestHistory::migrationFromVersion1()
{
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
        db.setDatabaseName(m_path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE messages (id INTEGER PRIMARY KEY, msg_id TEXT "
                                      "UNIQUE, topic TEXT NOT NULL,"
                                      " body TEXT NOT NULL, received_at INTEGER NOT NULL, title "
                                      "TEXT, subtitle TEXT, link TEXT,"
                                      " read INTEGER NOT NULL DEFAULT 0)")));
        QVERIFY(
            q.exec(QStringLiteral("INSERT INTO messages (msg_id, topic, body, received_at, title, "
                                  "subtitle, link, read) VALUES"
                                  " ('v1-a', 'org.fedoraproject.prod.bodhi.update.comment',"
                                  "  "
                                  "'{\"msg\":{},\"msg_id\":\"v1-a\",\"timestamp\":1600000000.5,"
                                  "\"topic\":\"org.fedoraproject.prod.bodhi.update.comment\"}',"
                                  "  1600000001, 'old bodhi comment', 'sub a', 'https://a', 1),"
                                  " (NULL, 'org.fedoraproject.prod.koji.tag', "
                                  "'{\"msg\":{},\"topic\":\"org.fedoraproject.prod.koji.tag\"}',"
                                  "  1600000002, 'old koji tag', NULL, NULL, 0),"
                                  " ('v1-c', 'org.fedoraproject.prod.git.receive', 'not json at "
                                  "all', 1600000003, 'old push', 's', 'l', 0)")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 1")));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1"));

    HistoryOptions options;
    options.maxAge = 0s; // the v1 rows are old; keep them
    auto history = openHistory(options);
    QCOMPARE(history->count({}), 3);
    HistoryQuery q;
    q.oldestFirst = true;
    const auto rows = history->search(q);
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows[0].msgId, QStringLiteral("v1-a"));
    QCOMPARE(rows[0].receivedAt, QDateTime::fromMSecsSinceEpoch(1600000001000, Qt::UTC));
    QCOMPARE(rows[0].sentAt, QDateTime::fromMSecsSinceEpoch(1600000000500, Qt::UTC));
    QCOMPARE(rows[0].rendering.title, QStringLiteral("old bodhi comment"));
    QCOMPARE(rows[0].rendering.link, QStringLiteral("https://a"));
    QVERIFY(rows[0].read);
    QVERIFY(rows[0].toEnvelope().has_value());
    QCOMPARE(rows[1].msgId, QString());
    QVERIFY(!rows[1].sentAt.isValid());
    QVERIFY(!rows[1].read);
    QCOMPARE(rows[2].body, QByteArray("not json at all"));
    QString error;
    QVERIFY(!rows[2].toEnvelope(&error).has_value());
    QVERIFY(error.contains(QStringLiteral("not JSON")));
    // Migrated rows are searchable and still de-duplicate.
    q = {};
    q.text = QStringLiteral("koji");
    QCOMPARE(history->count(q), 1);
    auto again = makeRecord(QStringLiteral("v1-a"),
        QStringLiteral("org.fedoraproject.prod.bodhi.update.comment"),
        QStringLiteral("again"));
    // Version 1 kept no trust ("unchecked"): an equally trusted copy is a duplicate (a more
    // trusted one would replace the row, see untrustedCopyDoesNotHideTrustedOriginal).
    again.envelope.setTrust(TrustState::Unchecked, QString());
    const auto results = storeAndWait(*history, { again });
    QVERIFY(results.first().duplicate);
    QCOMPARE(results.first().rowId, rows[0].id);
    history.reset();
    QCOMPARE(scalarAt(m_path, "PRAGMA user_version").toInt(), HistorySchema::CurrentVersion);
    QCOMPARE(scalarAt(m_path, "PRAGMA journal_mode").toString(), QStringLiteral("wal"));
    QCOMPARE(
        scalarAt(m_path, "SELECT count(*) FROM sqlite_master WHERE name = 'messages_v1'").toInt(),
        0);
    QVERIFY(scalarAt(m_path, "SELECT sql FROM sqlite_master WHERE name = 'messages_fts'")
                .toString()
                .contains(QStringLiteral("columnsize=0")));
}

// A version 2 database (with the topic/msg_id indexes and user/package tables that version 3
// dropped) keeps its rows, and the filters that used those tables still work.
void TestHistory::migrationFromVersion2()
{
    static constexpr std::array v2Schema = {
        "CREATE TABLE messages (id INTEGER PRIMARY KEY, dedup_key TEXT NOT NULL UNIQUE,"
        " msg_id TEXT NOT NULL DEFAULT '', topic TEXT NOT NULL DEFAULT '', body BLOB NOT NULL,"
        " headers BLOB, bus_name TEXT NOT NULL DEFAULT '', endpoint TEXT NOT NULL DEFAULT '',"
        " transport TEXT NOT NULL DEFAULT 'zeromq', trust TEXT NOT NULL DEFAULT 'unchecked',"
        " trust_reason TEXT NOT NULL DEFAULT '', received_at INTEGER NOT NULL, sent_at INTEGER,"
        " title TEXT NOT NULL DEFAULT '', subtitle TEXT NOT NULL DEFAULT '',"
        " long_form TEXT NOT NULL DEFAULT '', link TEXT NOT NULL DEFAULT '',"
        " icon TEXT NOT NULL DEFAULT '', secondary_icon TEXT NOT NULL DEFAULT '',"
        " service_name TEXT NOT NULL DEFAULT '', service_label TEXT NOT NULL DEFAULT '',"
        " usernames TEXT NOT NULL DEFAULT '', packages TEXT NOT NULL DEFAULT '',"
        " extra TEXT NOT NULL DEFAULT '{}', decision TEXT NOT NULL DEFAULT '',"
        " decision_rule TEXT NOT NULL DEFAULT '', is_read INTEGER NOT NULL DEFAULT 0)",
        "CREATE INDEX messages_received_at ON messages(received_at)",
        "CREATE INDEX messages_service ON messages(service_name, received_at)",
        "CREATE INDEX messages_bus ON messages(bus_name, id)",
        "CREATE INDEX messages_topic ON messages(topic)",
        "CREATE INDEX messages_msg_id ON messages(msg_id) WHERE msg_id <> ''",
        "CREATE INDEX messages_unread ON messages(id) WHERE is_read = 0",
        "CREATE TABLE message_users (name TEXT NOT NULL, message_id INTEGER NOT NULL,"
        " PRIMARY KEY(name, message_id)) WITHOUT ROWID",
        "CREATE INDEX message_users_by_message ON message_users(message_id)",
        "CREATE TABLE message_packages (name TEXT NOT NULL, message_id INTEGER NOT NULL,"
        " PRIMARY KEY(name, message_id)) WITHOUT ROWID",
        "CREATE INDEX message_packages_by_message ON message_packages(message_id)",
        "CREATE VIRTUAL TABLE messages_fts USING fts5(title, subtitle, topic, usernames,"
        " packages, content='messages', content_rowid='id',"
        " tokenize='unicode61 remove_diacritics 2')",
        "INSERT INTO messages (dedup_key, msg_id, topic, body, received_at, title, service_name,"
        " usernames, packages, extra) VALUES ('id:v2-a', 'v2-a',"
        " 'org.fedoraproject.prod.bodhi.update.comment', '{\"msg_id\":\"v2-a\"}',"
        " 1600000001000, 'kept bodhi comment', 'bodhi', 'ralph', 'kernel',"
        " '{\"usernames\":[\"ralph\"],\"packages\":[\"kernel\"],\"severity\":20}'),"
        " ('sha256:00', '', 'org.fedoraproject.prod.koji.tag', '{}', 1600000002000,"
        " 'kept koji tag', 'koji', '', '', '{}')",
        "INSERT INTO message_users VALUES ('ralph', 1)",
        "INSERT INTO message_packages VALUES ('kernel', 1)",
        "INSERT INTO messages_fts(messages_fts) VALUES ('rebuild')",
        "PRAGMA user_version = 2",
    };
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v2"));
        db.setDatabaseName(m_path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const char *statement : v2Schema)
            QVERIFY2(q.exec(QString::fromLatin1(statement)), qPrintable(q.lastError().text()));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v2"));

    HistoryOptions options;
    options.maxAge = 0s;
    auto history = openHistory(options);
    QCOMPARE(history->count({}), 2);
    HistoryQuery q;
    q.user = QStringLiteral("ralph");
    auto rows = history->search(q);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].msgId, QStringLiteral("v2-a"));
    QCOMPARE(rows[0].rendering.usernames, QStringList { QStringLiteral("ralph") });
    q = {};
    q.package = QStringLiteral("kernel");
    QCOMPARE(history->count(q), 1);
    q = {};
    q.msgId = QStringLiteral("v2-a");
    QCOMPARE(history->count(q), 1);
    q = {};
    q.topicPrefix = QStringLiteral("org.fedoraproject.prod.koji.");
    rows = history->search(q);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].rendering.title, QStringLiteral("kept koji tag"));
    q = {};
    q.text = QStringLiteral("bodhi");
    QCOMPARE(history->count(q), 1);
    // Still de-duplicates against the kept rows; new rows are found by the same filters.
    auto again = makeRecord(QStringLiteral("v2-a"),
        QStringLiteral("org.fedoraproject.prod.bodhi.update.comment"),
        QStringLiteral("again"));
    auto fresh = makeRecord(QStringLiteral("v3-b"),
        QStringLiteral("org.fedoraproject.prod.koji.tag"),
        QStringLiteral("new koji tag"),
        { QStringLiteral("ralph") });
    again.envelope.setTrust(TrustState::Unchecked, QString()); // never more trusted than the row
    const auto results = storeAndWait(*history, { again, fresh });
    QVERIFY(results[0].duplicate);
    QVERIFY(!results[1].duplicate);
    q = {};
    q.user = QStringLiteral("ralph");
    QCOMPARE(history->count(q), 2);
    q = {};
    q.topicPrefix = QStringLiteral("org.fedoraproject.prod.koji.");
    QCOMPARE(history->count(q), 2);
    history.reset();
    QCOMPARE(scalarAt(m_path, "PRAGMA user_version").toInt(), HistorySchema::CurrentVersion);
    QCOMPARE(scalarAt(m_path,
                 "SELECT count(*) FROM sqlite_master WHERE name IN ('messages_topic',"
                 " 'messages_msg_id', 'message_users', 'message_packages')")
                 .toInt(),
        0);
    QVERIFY(scalarAt(m_path, "SELECT sql FROM sqlite_master WHERE name = 'messages_fts'")
                .toString()
                .contains(QStringLiteral("columnsize=0")));
}

namespace {

// The rows of a database as text, one per row in id order: every column versions 3 and 4 share.
QStringList allRows(const QString &path)
{
    QStringList rows;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("allRows"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral(
                    "SELECT id, dedup_key, received_at, service_name, bus_name, trust, decision,"
                    " is_read, msg_id, topic, transport, sent_at, title, subtitle, link, icon,"
                    " secondary_icon, service_label, usernames, packages, trust_reason, endpoint,"
                    " decision_rule, long_form, extra, hex(headers), hex(body) FROM messages"
                    " ORDER BY id")))
                qWarning("%s", qPrintable(q.lastError().text()));
            while (q.next()) {
                QStringList row;
                for (int i = 0; i < 27; ++i)
                    row.append(
                        q.value(i).isNull() ? QStringLiteral("<null>") : q.value(i).toString());
                rows.append(row.join(QLatin1Char('|')));
            }
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("allRows"));
    return rows;
}

} // namespace

// Version 3 -> 4 (the dedup_key hash index, columns reordered, the service indexes by time and
// id): a version 3 database made from version 3's own statements keeps every message with
// every column, de-duplicates against them and filters them as before.
void TestHistory::migrationFromVersion3()
{
    static constexpr std::array v3Schema = {
        "PRAGMA page_size = 1024",
        "PRAGMA auto_vacuum = INCREMENTAL",
        "PRAGMA journal_mode = WAL",
        "CREATE TABLE messages ( id INTEGER PRIMARY KEY, dedup_key TEXT NOT NULL UNIQUE,"
        " msg_id TEXT NOT NULL DEFAULT '', topic TEXT NOT NULL DEFAULT '', body BLOB NOT NULL,"
        " headers BLOB, bus_name TEXT NOT NULL DEFAULT '', endpoint TEXT NOT NULL DEFAULT '',"
        " transport TEXT NOT NULL DEFAULT 'zeromq', trust TEXT NOT NULL DEFAULT 'unchecked',"
        " trust_reason TEXT NOT NULL DEFAULT '', received_at INTEGER NOT NULL, sent_at INTEGER,"
        " title TEXT NOT NULL DEFAULT '', subtitle TEXT NOT NULL DEFAULT '',"
        " long_form TEXT NOT NULL DEFAULT '', link TEXT NOT NULL DEFAULT '',"
        " icon TEXT NOT NULL DEFAULT '', secondary_icon TEXT NOT NULL DEFAULT '',"
        " service_name TEXT NOT NULL DEFAULT '', service_label TEXT NOT NULL DEFAULT '',"
        " usernames TEXT NOT NULL DEFAULT '', packages TEXT NOT NULL DEFAULT '',"
        " extra TEXT NOT NULL DEFAULT '{}', decision TEXT NOT NULL DEFAULT '',"
        " decision_rule TEXT NOT NULL DEFAULT '', is_read INTEGER NOT NULL DEFAULT 0)",
        "CREATE INDEX messages_received_at ON messages(received_at)",
        "CREATE INDEX messages_service ON messages(service_name, received_at)",
        "CREATE INDEX messages_bus ON messages(bus_name, id)",
        "CREATE INDEX messages_unread ON messages(id) WHERE is_read = 0",
        "CREATE VIRTUAL TABLE messages_fts USING fts5(title, subtitle, topic, usernames, packages,"
        " content='messages', content_rowid='id', tokenize='unicode61 remove_diacritics 2',"
        " columnsize=0)",
        "CREATE TRIGGER messages_after_update AFTER UPDATE OF title, subtitle, topic, usernames, "
        "packages ON messages BEGIN"
        " INSERT INTO messages_fts(messages_fts, rowid, title, subtitle, topic, usernames, "
        "packages)"
        " VALUES ('delete', old.id, old.title, old.subtitle, old.topic, old.usernames, "
        "old.packages);"
        " INSERT INTO messages_fts(rowid, title, subtitle, topic, usernames, packages)"
        " VALUES (new.id, new.title, new.subtitle, new.topic, new.usernames, new.packages);"
        " END",
    };
    const QStringList services = strings({ "bodhi", "koji", "copr" });
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v3"));
        db.setDatabaseName(m_path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const char *statement : v3Schema)
            QVERIFY2(q.exec(QString::fromLatin1(statement)), qPrintable(q.lastError().text()));
        QVERIFY(q.prepare(QStringLiteral(
            "INSERT INTO messages (id, dedup_key, msg_id, topic, body, headers, bus_name,"
            " endpoint, transport, trust, trust_reason, received_at, sent_at, title, subtitle,"
            " long_form, link, icon, secondary_icon, service_name, service_label, usernames,"
            " packages, extra, decision, decision_rule, is_read) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
            " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")));
        for (int i = 1; i <= 300; ++i) {
            // Gaps in the ids (retention, replaced rows), one message without a msg_id (keyed
            // by its body's hash), non-ASCII text, a null sent time and null headers.
            const qint64 id = qint64(i) * 3;
            const QString msgId =
                i == 7 ? QString() : QStringLiteral("2026-%1-ü").arg(i * 7919 % 1000003);
            const QString &service = services.at(i % 3);
            const QByteArray body = QStringLiteral("{\"i\":%1,\"ü\":\"\\u0000\"}").arg(i).toUtf8();
            q.addBindValue(id);
            q.addBindValue(msgId.isEmpty() ? QStringLiteral("sha256:%1").arg(i)
                                           : QStringLiteral("id:") + msgId);
            q.addBindValue(msgId.isEmpty() ? QStringLiteral("") : msgId);
            q.addBindValue(
                QStringLiteral("org.fedoraproject.prod.%1.thing.%2").arg(service).arg(i % 5));
            q.addBindValue(body);
            q.addBindValue(i % 2 != 0 ? QVariant(QByteArray("{\"h\":1}"))
                                      : QVariant(QMetaType::fromType<QByteArray>()));
            q.addBindValue(i % 4 != 0 ? QStringLiteral("fedora") : QStringLiteral("centos"));
            q.addBindValue(QStringLiteral("tcp://hub:%1").arg(i % 2));
            q.addBindValue(i % 2 != 0 ? QStringLiteral("amqp") : QStringLiteral("zeromq"));
            q.addBindValue(i % 5 != 0 ? QStringLiteral("trusted") : QStringLiteral("unchecked"));
            q.addBindValue(QStringLiteral("reason %1").arg(i));
            q.addBindValue(1700000000000LL + qint64(i) * 1000);
            q.addBindValue(i % 6 != 0 ? QVariant(1699999999000LL + qint64(i) * 1000)
                                      : QVariant(QMetaType::fromType<qint64>()));
            q.addBindValue(QStringLiteral("title %1 çà").arg(i));
            q.addBindValue(QStringLiteral("subtitle %1").arg(i));
            q.addBindValue(QStringLiteral("long form %1").arg(i));
            q.addBindValue(QStringLiteral("https://example.org/%1").arg(i));
            q.addBindValue(QStringLiteral("icon%1").arg(i));
            q.addBindValue(QStringLiteral("secondary%1").arg(i));
            q.addBindValue(service);
            q.addBindValue(QString(service.left(1).toUpper() + service.mid(1)));
            q.addBindValue(QStringLiteral("user%1").arg(i % 10));
            q.addBindValue(QStringLiteral("pkg%1").arg(i % 20));
            q.addBindValue(QStringLiteral("{\"usernames\":[\"user%1\"],\"packages\":[\"pkg%2\"],"
                                          "\"severity\":20}")
                               .arg(i % 10)
                               .arg(i % 20));
            q.addBindValue(i % 3 != 0 ? QStringLiteral("popup") : QStringLiteral("history"));
            q.addBindValue(QStringLiteral("rule %1").arg(i % 4));
            q.addBindValue(i % 2);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        QVERIFY(
            q.exec(QStringLiteral("INSERT INTO messages_fts(messages_fts) VALUES ('rebuild')")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 3")));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v3"));
    const QStringList before = allRows(m_path);
    QCOMPARE(before.size(), 300);
    // What the service filter found in version 3 (newest first).
    QStringList koji;
    for (int i = 300; i >= 1; --i) {
        if (services.at(i % 3) == QLatin1String("koji"))
            koji.append(i == 7 ? QString() : QStringLiteral("2026-%1-ü").arg(i * 7919 % 1000003));
    }

    HistoryOptions options;
    options.maxAge = 0s;
    auto history = openHistory(options);
    QCOMPARE(history->count({}), 300);
    HistoryQuery q;
    q.services = { QStringLiteral("koji") };
    q.limit = 1000;
    QCOMPARE(searchIds(*history, q), koji);
    q.limit = 10; // a page: the newest ten
    QCOMPARE(searchIds(*history, q), koji.mid(0, 10));
    QCOMPARE(history->countsPerService({}),
        (QList<ServiceCount> { { QStringLiteral("bodhi"), QStringLiteral("Bodhi"), 100 },
            { QStringLiteral("copr"), QStringLiteral("Copr"), 100 },
            { QStringLiteral("koji"), QStringLiteral("Koji"), 100 } }));
    q = {};
    q.msgId = QStringLiteral("2026-%1-ü").arg(150 * 7919 % 1000003);
    auto rows = history->search(q);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].id, 450);
    QCOMPARE(rows[0].rendering.title, QStringLiteral("title 150 çà"));
    q = {};
    q.text = QStringLiteral("\"title 150\"");
    QCOMPARE(history->count(q), 1); // the FTS index still points at the same rows
    // A stored message is still recognised, a new one is stored after the highest id.
    auto again = makeRecord(QStringLiteral("2026-%1-ü").arg(42 * 7919 % 1000003),
        QStringLiteral("org.fedoraproject.prod.koji.thing.2"),
        QStringLiteral("again"));
    again.envelope.setTrust(TrustState::Unchecked, QString()); // not more trusted than the row
    auto fresh = makeRecord(QStringLiteral("2026-new"),
        QStringLiteral("org.fedoraproject.prod.koji.x"),
        QStringLiteral("new"));
    const auto results = storeAndWait(*history, { again, fresh });
    QVERIFY(results[0].duplicate);
    QCOMPARE(results[0].rowId, 126);
    QVERIFY(!results[1].duplicate);
    QCOMPARE(results[1].rowId, 901);
    // The pages of the version 3 table are given back (not kept as free pages in the file).
    QTRY_VERIFY(scalarAt(m_path,
        "SELECT (SELECT freelist_count FROM pragma_freelist_count()) * 8"
        " < (SELECT page_count FROM pragma_page_count())")
                    .toBool());
    history.reset();

    QCOMPARE(scalarAt(m_path, "PRAGMA user_version").toInt(), HistorySchema::CurrentVersion);
    QCOMPARE(allRows(m_path).mid(0, 300), before); // every message, every column
    QCOMPARE(
        scalarAt(m_path, "SELECT count(*) FROM messages WHERE dedup_hash = 0 OR dedup_hash IS NULL")
            .toInt(),
        0);
    QCOMPARE(scalarAt(m_path, "SELECT count(*) FROM sqlite_master WHERE name = 'messages_service'")
                 .toInt(),
        0);
    QCOMPARE(scalarAt(m_path, "PRAGMA integrity_check").toString(), QStringLiteral("ok"));
}

// Version 4 -> 5 (one index by id with service, bus and read state instead of three): a
// version 4 database made from version 4's own statements keeps every message with every
// column and the same ids, and the service, bus and unread filters, the counts, marking read and
// de-duplication find the same rows as before.
void TestHistory::migrationFromVersion4()
{
    static const std::array v4Schema = {
        "PRAGMA page_size = 1024",
        "PRAGMA auto_vacuum = INCREMENTAL",
        "PRAGMA journal_mode = WAL",
        "CREATE TABLE messages ( id INTEGER PRIMARY KEY, dedup_hash INTEGER NOT NULL,"
        " dedup_key TEXT NOT NULL, received_at INTEGER NOT NULL,"
        " service_name TEXT NOT NULL DEFAULT '', bus_name TEXT NOT NULL DEFAULT '',"
        " trust TEXT NOT NULL DEFAULT 'unchecked', decision TEXT NOT NULL DEFAULT '',"
        " is_read INTEGER NOT NULL DEFAULT 0, msg_id TEXT NOT NULL DEFAULT '',"
        " topic TEXT NOT NULL DEFAULT '', transport TEXT NOT NULL DEFAULT 'zeromq',"
        " sent_at INTEGER, title TEXT NOT NULL DEFAULT '', subtitle TEXT NOT NULL DEFAULT '',"
        " link TEXT NOT NULL DEFAULT '', icon TEXT NOT NULL DEFAULT '',"
        " secondary_icon TEXT NOT NULL DEFAULT '', service_label TEXT NOT NULL DEFAULT '',"
        " usernames TEXT NOT NULL DEFAULT '', packages TEXT NOT NULL DEFAULT '',"
        " trust_reason TEXT NOT NULL DEFAULT '', endpoint TEXT NOT NULL DEFAULT '',"
        " decision_rule TEXT NOT NULL DEFAULT '', long_form TEXT NOT NULL DEFAULT '',"
        " extra TEXT NOT NULL DEFAULT '{}', headers BLOB, body BLOB NOT NULL)",
        "CREATE VIRTUAL TABLE messages_fts USING fts5(title, subtitle, topic, usernames, packages,"
        " content='messages', content_rowid='id', tokenize='unicode61 remove_diacritics 2',"
        " columnsize=0)",
        "CREATE INDEX messages_dedup ON messages(dedup_hash)",
        "CREATE INDEX messages_time_service ON messages(received_at, service_name)",
        "CREATE INDEX messages_id_service ON messages(id, service_name)",
        "CREATE INDEX messages_bus ON messages(bus_name, id)",
        "CREATE INDEX messages_unread ON messages(id) WHERE is_read = 0",
        "CREATE TRIGGER messages_after_update AFTER UPDATE OF title, subtitle, topic, usernames, "
        "packages ON messages BEGIN"
        " INSERT INTO messages_fts(messages_fts, rowid, title, subtitle, topic, usernames, "
        "packages)"
        " VALUES ('delete', old.id, old.title, old.subtitle, old.topic, old.usernames, "
        "old.packages);"
        " INSERT INTO messages_fts(rowid, title, subtitle, topic, usernames, packages)"
        " VALUES (new.id, new.title, new.subtitle, new.topic, new.usernames, new.packages);"
        " END",
    };
    const QStringList services = strings({ "bodhi", "koji", "copr" });
    const auto msgIdOf = [](qint64 i) {
        return i == 7 ? QString() : QStringLiteral("2026-%1-ü").arg(i * 7919 % 1000003);
    };
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v4"));
        db.setDatabaseName(m_path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const char *statement : v4Schema)
            QVERIFY2(q.exec(QString::fromLatin1(statement)), qPrintable(q.lastError().text()));
        QVERIFY(q.prepare(QStringLiteral(
            "INSERT INTO messages (id, dedup_hash, dedup_key, received_at, service_name,"
            " bus_name, trust, decision, is_read, msg_id, topic, transport, sent_at, title,"
            " subtitle, link, icon, secondary_icon, service_label, usernames, packages,"
            " trust_reason, endpoint, decision_rule, long_form, extra, headers, body) VALUES (?,"
            " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")));
        for (qint64 i = 1; i <= 300; ++i) {
            // Gaps in the ids, one message without a msg_id (keyed by its body's hash),
            // non-ASCII text, a null sent time and null headers.
            const QString msgId = msgIdOf(i);
            const QString &service = services.at(i % 3);
            const QString key = msgId.isEmpty() ? QStringLiteral("sha256:%1").arg(i)
                                                : QStringLiteral("id:") + msgId;
            const QByteArray utf8Key = key.toUtf8();
            q.addBindValue(i * 3);
            q.addBindValue(HistorySchema::deduplicationHash(
                std::string_view(utf8Key.constData(), std::size_t(utf8Key.size()))));
            q.addBindValue(key);
            q.addBindValue(1700000000000LL + qint64(i) * 1000);
            q.addBindValue(service);
            q.addBindValue(i % 4 != 0 ? QStringLiteral("fedora") : QStringLiteral("centos"));
            q.addBindValue(i % 5 != 0 ? QStringLiteral("trusted") : QStringLiteral("unchecked"));
            q.addBindValue(i % 3 != 0 ? QStringLiteral("popup") : QStringLiteral("history"));
            q.addBindValue(i % 2);
            q.addBindValue(msgId.isEmpty() ? QStringLiteral("") : msgId);
            q.addBindValue(
                QStringLiteral("org.fedoraproject.prod.%1.thing.%2").arg(service).arg(i % 5));
            q.addBindValue(i % 2 != 0 ? QStringLiteral("amqp") : QStringLiteral("zeromq"));
            q.addBindValue(i % 6 != 0 ? QVariant(1699999999000LL + i * 1000)
                                      : QVariant(QMetaType::fromType<qint64>()));
            q.addBindValue(QStringLiteral("title %1 çà").arg(i));
            q.addBindValue(QStringLiteral("subtitle %1").arg(i));
            q.addBindValue(QStringLiteral("https://example.org/%1").arg(i));
            q.addBindValue(QStringLiteral("icon%1").arg(i));
            q.addBindValue(QStringLiteral("secondary%1").arg(i));
            q.addBindValue(QString(service.left(1).toUpper() + service.mid(1)));
            q.addBindValue(QStringLiteral("user%1").arg(i % 10));
            q.addBindValue(QStringLiteral("pkg%1").arg(i % 20));
            q.addBindValue(QStringLiteral("reason %1").arg(i));
            q.addBindValue(QStringLiteral("tcp://hub:%1").arg(i % 2));
            q.addBindValue(QStringLiteral("rule %1").arg(i % 4));
            q.addBindValue(QStringLiteral("long form %1").arg(i));
            q.addBindValue(QStringLiteral("{\"usernames\":[\"user%1\"],\"packages\":[\"pkg%2\"],"
                                          "\"severity\":20}")
                               .arg(i % 10)
                               .arg(i % 20));
            q.addBindValue(i % 2 != 0 ? QVariant(QByteArray("{\"h\":1}"))
                                      : QVariant(QMetaType::fromType<QByteArray>()));
            q.addBindValue(QStringLiteral("{\"i\":%1,\"ü\":\"\\u0000\"}").arg(i).toUtf8());
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        QVERIFY(
            q.exec(QStringLiteral("INSERT INTO messages_fts(messages_fts) VALUES ('rebuild')")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 4")));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v4"));
    const QStringList before = allRows(m_path);
    QCOMPARE(before.size(), 300);
    // What the filters found in version 4 (newest first).
    QStringList koji;
    QStringList centos;
    QStringList unread;
    for (int i = 300; i >= 1; --i) {
        if (services.at(i % 3) == QLatin1String("koji"))
            koji.append(msgIdOf(i));
        if (i % 4 == 0)
            centos.append(msgIdOf(i));
        if (i % 2 == 0)
            unread.append(msgIdOf(i));
    }

    HistoryOptions options;
    options.maxAge = 0s;
    auto history = openHistory(options);
    QCOMPARE(history->count({}), 300);
    HistoryQuery q;
    q.services = { QStringLiteral("koji") };
    q.limit = 1000;
    QCOMPARE(searchIds(*history, q), koji);
    q.limit = 10; // a page: the newest ten
    QCOMPARE(searchIds(*history, q), koji.mid(0, 10));
    q = {};
    q.buses = { QStringLiteral("centos") };
    q.limit = 1000;
    QCOMPARE(searchIds(*history, q), centos);
    q = {};
    q.unreadOnly = true;
    q.limit = 1000;
    QCOMPARE(searchIds(*history, q), unread);
    QCOMPARE(history->count(q), 150);
    q.services = { QStringLiteral("koji") };
    q.buses = { QStringLiteral("fedora") };
    QCOMPARE(history->count(q), 25); // i = 4 mod 6 (even, koji), not 0 mod 4 (centos)
    QCOMPARE(history->countsPerService({}),
        (QList<ServiceCount> { { QStringLiteral("bodhi"), QStringLiteral("Bodhi"), 100 },
            { QStringLiteral("copr"), QStringLiteral("Copr"), 100 },
            { QStringLiteral("koji"), QStringLiteral("Koji"), 100 } }));
    q = {};
    q.msgId = msgIdOf(150);
    auto rows = history->search(q);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].id, 450);
    QCOMPARE(rows[0].rendering.title, QStringLiteral("title 150 çà"));
    q = {};
    q.text = QStringLiteral("\"title 150\"");
    QCOMPARE(history->count(q), 1);
    // A stored message is still recognised, a new one is stored after the highest id.
    auto again = makeRecord(msgIdOf(42),
        QStringLiteral("org.fedoraproject.prod.koji.thing.2"),
        QStringLiteral("again"));
    again.envelope.setTrust(TrustState::Unchecked, QString()); // not more trusted than the row
    auto fresh = makeRecord(QStringLiteral("2026-new"),
        QStringLiteral("org.fedoraproject.prod.koji.x"),
        QStringLiteral("new"));
    const auto results = storeAndWait(*history, { again, fresh });
    QVERIFY(results[0].duplicate);
    QCOMPARE(results[0].rowId, 126);
    QVERIFY(!results[1].duplicate);
    QCOMPARE(results[1].rowId, 901);
    QSignalSpy updated(history.get(), &History::updated);
    history->markAllRead();
    QVERIFY(updated.wait());
    q = {};
    q.unreadOnly = true;
    QCOMPARE(history->count(q), 0);
    history.reset();

    QCOMPARE(scalarAt(m_path, "PRAGMA user_version").toInt(), HistorySchema::CurrentVersion);
    QStringList after = allRows(m_path).mid(0, 300);
    QCOMPARE(after.size(), 300);
    // Every message, every column; only the read state changed (marked read above).
    for (qsizetype i = 0; i < before.size(); ++i) {
        QStringList was = before.at(i).split(QLatin1Char('|'));
        was[7] = QStringLiteral("1");
        QCOMPARE(after.at(i), was.join(QLatin1Char('|')));
    }
    QCOMPARE(scalarAt(m_path,
                 "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master"
                 " WHERE type = 'index' AND tbl_name = 'messages' ORDER BY name)")
                 .toString(),
        QStringLiteral("messages_dedup messages_id_state messages_time_service"));
    QCOMPARE(scalarAt(m_path, "PRAGMA page_size").toInt(), 512);
    QCOMPARE(scalarAt(m_path, "PRAGMA integrity_check").toString(), QStringLiteral("ok"));
}

// The key of a stored message comes from the database after a restart (nothing of it is held
// in memory) and is found through the hash index.
void TestHistory::duplicateFoundAfterRestart()
{
    auto first =
        makeRecord(QStringLiteral("restart-1"), QStringLiteral("t.a"), QStringLiteral("first"));
    auto noId = makeRecord(QString(), QStringLiteral("t.b"), QStringLiteral("no msg_id"));
    auto history = openHistory();
    const auto results = storeAndWait(*history, { first, noId });
    QVERIFY(!results[0].duplicate);
    QVERIFY(!results[1].duplicate);
    history.reset();
    history = openHistory();
    const auto again = storeAndWait(*history, { first, noId });
    QVERIFY(again[0].duplicate);
    QCOMPARE(again[0].rowId, results[0].rowId);
    QVERIFY(again[1].duplicate);
    QCOMPARE(again[1].rowId, results[1].rowId);
    QCOMPARE(history->count({}), 2);
}

// Only a 64-bit hash of the key is indexed: a row whose hash equals a new message's but whose
// key differs (a collision, planted here) neither hides that message nor is taken for it.
void TestHistory::hashCollisionDoesNotDropAMessage()
{
    auto history = openHistory();
    storeAndWait(*history,
        { makeRecord(
            QStringLiteral("planted"), QStringLiteral("t.a"), QStringLiteral("planted")) });
    history.reset();
    const qint64 hash = HistorySchema::deduplicationHash("id:victim");
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("collide"));
        db.setDatabaseName(m_path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.prepare(QStringLiteral("UPDATE messages SET dedup_hash = ?")));
        q.addBindValue(hash);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        QCOMPARE(q.numRowsAffected(), 1);
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("collide"));
    history = openHistory();
    auto victim =
        makeRecord(QStringLiteral("victim"), QStringLiteral("t.a"), QStringLiteral("victim"));
    const auto results = storeAndWait(*history, { victim });
    QVERIFY(!results[0].duplicate);
    QCOMPARE(history->count({}), 2);
    // Both share the hash now; the new one is found by its own key (the planted row's hash is
    // not that of its key, so only a hash-and-key lookup of "victim" is meaningful here).
    const auto again = storeAndWait(*history, { victim });
    QVERIFY(again[0].duplicate);
    QCOMPARE(again[0].rowId, results[0].rowId);
    HistoryQuery q;
    q.text = QStringLiteral("planted");
    QCOMPARE(searchIds(*history, q), strings({ "planted" })); // still there, itself
    q = {};
    q.msgId = QStringLiteral("victim");
    QCOMPARE(searchIds(*history, q), strings({ "victim" }));
    QCOMPARE(scalarAt(m_path, "SELECT count(DISTINCT dedup_hash) FROM messages").toInt(), 1);
}

// The service filter (no longer the leading column of an index) returns exactly the messages of
// the services asked for, newest first, pages included, with and without other filters.
void TestHistory::serviceFilterReturnsTheSameRows()
{
    auto history = openHistory();
    const QStringList services = strings({ "bodhi", "koji", "copr", "" });
    QList<HistoryRecord> records;
    QHash<QString, QStringList> expected; // newest first
    for (int i = 0; i < 200; ++i) {
        const QString &service = services.at((i * i + i / 7) % 4);
        const QString msgId = QStringLiteral("svc-%1").arg(i);
        auto r = makeRecord(msgId,
            QStringLiteral("org.fedoraproject.prod.%1.x").arg(service),
            QStringLiteral("message %1 %2")
                .arg(i % 2 != 0 ? QStringLiteral("odd") : QStringLiteral("even"))
                .arg(i),
            {},
            {},
            service);
        // Arrival times out of order with the ids (a clock set back): the order is the ids'.
        r.envelope.setReceivedAt(
            QDateTime::currentDateTimeUtc().addSecs(-1000 + (i % 2 != 0 ? i : -i)));
        records.append(r);
        expected[service].prepend(msgId);
    }
    storeAndWait(*history, records);
    for (const QString &service : services) {
        HistoryQuery q;
        q.services = { service };
        q.limit = 1000;
        QCOMPARE(searchIds(*history, q), expected.value(service));
        QCOMPARE(history->count(q), expected.value(service).size());
        q.limit = 7; // pages by keyset
        QStringList paged;
        for (;;) {
            const auto page = history->search(q);
            if (page.isEmpty())
                break;
            for (const auto &m : page)
                paged.append(m.msgId);
            q.afterRowId = page.last().id;
        }
        QCOMPARE(paged, expected.value(service));
    }
    HistoryQuery two;
    two.services = strings({ "koji", "copr" });
    two.text = QStringLiteral("odd");
    two.limit = 1000;
    QStringList oddKojiCopr;
    for (int i = 199; i >= 0; --i) {
        const QString &service = services.at((i * i + i / 7) % 4);
        if (i % 2 != 0 && (service == QLatin1String("koji") || service == QLatin1String("copr")))
            oddKojiCopr.append(QStringLiteral("svc-%1").arg(i));
    }
    QCOMPARE(searchIds(*history, two), oddKojiCopr);
    const QList<ServiceCount> counts = history->countsPerService({});
    qint64 total = 0;
    for (const ServiceCount &c : counts) {
        QCOMPARE(c.count, expected.value(c.serviceName).size());
        total += c.count;
    }
    QCOMPARE(total, 200);
}

void TestHistory::newerSchemaIsLeftAlone()
{
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v99"));
        db.setDatabaseName(m_path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE future (x)")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 99")));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v99"));
    HistoryOptions options;
    options.databasePath = m_path;
    History history(options);
    QSignalSpy storing(&history, &History::storingChanged);
    QTRY_COMPARE(storing.size(), 1);
    QCOMPARE(storing.first().at(0).toBool(), false);
    QVERIFY2(storing.first().at(1).toString().contains(QStringLiteral("newer")),
        qPrintable(storing.first().at(1).toString()));
    QVERIFY(!history.isStoring());
    QVERIFY(!history.isReady());
    QString error;
    QVERIFY(history.search({}, &error).isEmpty());
    QVERIFY(!error.isEmpty());
    QSignalSpy stored(&history, &History::stored);
    history.store(makeRecord(QStringLiteral("x"), QStringLiteral("t"), QStringLiteral("x")));
    HistoryReader reader(m_path);
    QVERIFY(!reader.open(&error));
    QVERIFY2(error.contains(QStringLiteral("version 99")), qPrintable(error));
    QCOMPARE(stored.size(), 0);
}

void TestHistory::corruptFileIsMovedAside()
{
    QByteArray garbage;
    for (int i = 0; i < 4096; ++i)
        garbage.append(static_cast<char>((i * 7919) & 0xff));
    {
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(garbage);
    }
    HistoryOptions options;
    options.databasePath = m_path;
    History history(options);
    QSignalSpy reset(&history, &History::databaseReset);
    QTRY_VERIFY_WITH_TIMEOUT(history.isReady(), 20000);
    QCOMPARE(reset.size(), 1);
    const QString movedTo = reset.first().at(0).toString();
    QVERIFY(movedTo.startsWith(m_path + QStringLiteral(".corrupt-")));
    QVERIFY2(reset.first().at(1).toString().contains(QStringLiteral("corrupt")),
        qPrintable(reset.first().at(1).toString()));
    QFile aside(movedTo);
    QVERIFY(aside.open(QIODevice::ReadOnly));
    QCOMPARE(aside.readAll(), garbage); // kept as it was, for the user to inspect
    const auto results = storeAndWait(history,
        { makeRecord(
            QStringLiteral("after"), QStringLiteral("t.x"), QStringLiteral("after recovery")) });
    QVERIFY(!results.first().duplicate);
    HistoryQuery q;
    q.text = QStringLiteral("recovery");
    QCOMPARE(history.count(q), 1);
    QVERIFY(history.isStoring());
}

// Root ignores file permissions (tests run as root in CI), so the read-only case is produced with
// PRAGMA query_only on the writer connection: SQLite then fails every write with SQLITE_READONLY,
// exactly the code a read-only file or mount gives. readOnlyFile() covers the real chmod case when
// not running as root.
void TestHistory::readOnlyStopsAndResumes()
{
    auto history = openHistory();
    QSignalSpy storing(history.get(), &History::storingChanged);
    QSignalSpy stored(history.get(), &History::stored);
    history->applyPragmaForTesting(QStringLiteral("query_only = 1"));
    QList<HistoryRecord> records;
    for (int i = 0; i < 3; ++i) {
        records.append(makeRecord(
            QStringLiteral("ro-%1").arg(i), QStringLiteral("t.ro"), QStringLiteral("ro")));
        records.last().envelope.setDeliveryTag(100 + i);
    }
    history->store(records);
    QTRY_COMPARE(storing.size(), 1);
    QCOMPARE(storing.first().at(0).toBool(), false);
    QVERIFY2(storing.first().at(1).toString().contains(QStringLiteral("read-only")),
        qPrintable(storing.first().at(1).toString()));
    QVERIFY(!history->isStoring());
    QCOMPARE(stored.size(), 0); // nothing acknowledged
    QCOMPARE(history->count({}), 0);
    // More arrivals while read-only: still nothing stored, no repeated status signal.
    history->store(
        makeRecord(QStringLiteral("ro-3"), QStringLiteral("t.ro"), QStringLiteral("ro")));
    history->applyPragmaForTesting(QStringLiteral("query_only = 0"));
    history->retry();
    QTRY_VERIFY(!stored.isEmpty());
    QList<quint64> tags;
    for (const auto &args : std::as_const(stored))
        for (const auto &r : args.first().value<QList<StoreResult>>())
            tags.append(r.deliveryTag);
    QCOMPARE(tags, (QList<quint64> { 100, 101, 102, 0 }));
    QCOMPARE(storing.size(), 2);
    QCOMPARE(storing.last().at(0).toBool(), true);
    QVERIFY(history->isStoring());
    QCOMPARE(history->count({}), 4);
}

// Issue 13 item 6: after "chmod 444 history.sqlite" and back, storing must resume and nothing
// queued may be lost. Root ignores file modes, so as root the test runs itself as nobody.
void TestHistory::readOnlyFile()
{
    if (testdata::mustDropPrivileges()) {
        QString output;
        const int code = testdata::runUnprivileged(QStringLiteral("readOnlyFile"), &output);
        if (code != 0)
            qWarning("child running as nobody:\n%s", qPrintable(output));
        QCOMPARE(code, 0);
        return;
    }
    openHistory().reset(); // create the database
    QVERIFY(QFile::setPermissions(m_path, QFileDevice::ReadOwner));
    auto history = std::make_unique<History>([&] {
        HistoryOptions o;
        o.databasePath = m_path;
        o.commitDelay = 10ms; // the failure shows at the first commit
        return o;
    }());
    QSignalSpy storing(history.get(), &History::storingChanged);
    QList<quint64> tags;
    connect(history.get(), &History::stored, this, [&](const QList<StoreResult> &results) {
        for (const auto &r : results)
            tags.append(r.deliveryTag);
    });
    QList<HistoryRecord> records;
    for (int i = 0; i < 20; ++i) {
        records.append(makeRecord(
            QStringLiteral("file-ro-%1").arg(i), QStringLiteral("t"), QStringLiteral("x")));
        records.last().envelope.setDeliveryTag(1 + i);
    }
    history->store(records.mid(0, 10));
    QTRY_VERIFY(!storing.isEmpty());
    QCOMPARE(storing.first().at(0).toBool(), false);
    QVERIFY2(storing.first().at(1).toString().contains(QStringLiteral("read-only")),
        qPrintable(storing.first().at(1).toString()));
    QVERIFY(tags.isEmpty());
    history->store(records.mid(10)); // more arrive while the file is read-only
    QVERIFY(QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    history->retry();
    QTRY_COMPARE_WITH_TIMEOUT(tags.size(), 20, 20000);
    QList<quint64> expected;
    for (quint64 i = 1; i <= 20; ++i)
        expected.append(i);
    QCOMPARE(tags, expected);
    QTRY_VERIFY(history->isStoring());
    HistoryReader reader(m_path);
    QCOMPARE(reader.count({}), 20);
    history.reset();
}

// SQLITE_FULL made deterministic: max_page_count caps the file at its current size, and records
// with large bodies need new pages.
void TestHistory::diskFullStopsAndResumes()
{
    auto history = openHistory();
    QSignalSpy storing(history.get(), &History::storingChanged);
    QSignalSpy stored(history.get(), &History::stored);
    history->applyPragmaForTesting(QStringLiteral("max_page_count = 1"));
    QList<HistoryRecord> records;
    for (int i = 0; i < 3; ++i) {
        records.append(makeRecord(QStringLiteral("full-%1").arg(i),
            QStringLiteral("t.full"),
            QStringLiteral("big"),
            {},
            {},
            {},
            1700000000,
            20000));
        records.last().envelope.setDeliveryTag(200 + i);
    }
    history->store(records);
    QTRY_COMPARE(storing.size(), 1);
    QCOMPARE(storing.first().at(0).toBool(), false);
    QVERIFY2(storing.first().at(1).toString().contains(QStringLiteral("full")),
        qPrintable(storing.first().at(1).toString()));
    QCOMPARE(stored.size(), 0);
    QCOMPARE(history->count({}), 0); // rolled back
    history->applyPragmaForTesting(QStringLiteral("max_page_count = 1073741823"));
    history->retry();
    QTRY_COMPARE(stored.size(), 1);
    QList<quint64> tags;
    for (const auto &r : stored.first().first().value<QList<StoreResult>>())
        tags.append(r.deliveryTag);
    QCOMPARE(tags, (QList<quint64> { 200, 201, 202 }));
    QTRY_COMPARE(storing.size(), 2);
    QVERIFY(storing.last().at(0).toBool());
    QCOMPARE(history->count({}), 3);
}

void TestHistory::retryTimerResumesWithoutNewMessages()
{
    auto history = openHistory();
    QSignalSpy storing(history.get(), &History::storingChanged);
    QSignalSpy stored(history.get(), &History::stored);
    history->applyPragmaForTesting(QStringLiteral("query_only = 1"));
    history->store(makeRecord(QStringLiteral("timer"), QStringLiteral("t"), QStringLiteral("x")));
    QTRY_COMPARE(storing.size(), 1);
    history->applyPragmaForTesting(QStringLiteral("query_only = 0"));
    // No retry() and no new message: the backoff timer (first after 1 s) writes it.
    QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 1, 10000);
    QVERIFY(history->isStoring());
}

void TestHistory::shutdownWritesQueuedRecords()
{
    {
        auto history = openHistory();
        QList<HistoryRecord> records;
        for (int i = 0; i < 200; ++i)
            records.append(makeRecord(
                QStringLiteral("late-%1").arg(i), QStringLiteral("t"), QStringLiteral("x")));
        history->store(records);
        // destroyed at once, before any event loop ran
    }
    HistoryReader reader(m_path);
    QString error;
    QCOMPARE(reader.count({}, &error), 200);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

// maxPending bounds what is held while writes fail, never a burst while storing works.
void TestHistory::burstLargerThanPendingLimitIsStored()
{
    HistoryOptions options;
    options.maxPending = 50;
    options.maxBatch = 20;
    auto history = openHistory(options);
    qint64 stored = 0;
    connect(history.get(), &History::stored, this, [&](const QList<StoreResult> &r) {
        stored += r.size();
    });
    for (int i = 0; i < 30; ++i) {
        QList<HistoryRecord> records;
        for (int j = 0; j < 10; ++j)
            records.append(makeRecord(QStringLiteral("burst-%1-%2").arg(i).arg(j),
                QStringLiteral("t"),
                QStringLiteral("x")));
        history->store(records);
    }
    QTRY_COMPARE_WITH_TIMEOUT(stored, 300, 20000);
    QCOMPARE(history->count({}), 300);
}

void TestHistory::pendingLimitWhileFailing()
{
    HistoryOptions options;
    options.maxPending = 5;
    auto history = openHistory(options);
    QSignalSpy storing(history.get(), &History::storingChanged);
    QList<quint64> tags;
    connect(history.get(), &History::stored, this, [&](const QList<StoreResult> &results) {
        for (const auto &r : results)
            tags.append(r.deliveryTag);
    });
    history->applyPragmaForTesting(QStringLiteral("query_only = 1"));
    auto first = makeRecord(QStringLiteral("held-0"), QStringLiteral("t"), QStringLiteral("x"));
    first.envelope.setDeliveryTag(1);
    history->store(first);
    QTRY_COMPARE(storing.size(), 1);
    QList<HistoryRecord> more;
    for (int i = 1; i < 9; ++i) {
        more.append(
            makeRecord(QStringLiteral("held-%1").arg(i), QStringLiteral("t"), QStringLiteral("x")));
        more.last().envelope.setDeliveryTag(1 + i);
    }
    history->store(more);
    history->applyPragmaForTesting(QStringLiteral("query_only = 0"));
    history->retry();
    QTRY_COMPARE(tags.size(), 5);
    QCOMPARE(tags, (QList<quint64> { 5, 6, 7, 8, 9 })); // the newest 5 were kept
}

// Issue 13 item 5: the queue from store() to the writer thread is bounded: store() waits for
// room instead of queueing without limit, and nothing is lost. One store() larger than the
// bound shows it deterministically.
void TestHistory::inputQueueIsBounded()
{
    HistoryOptions options;
    options.maxQueued = 10;
    auto history = openHistory(options);
    QList<quint64> tags;
    connect(history.get(), &History::stored, this, [&](const QList<StoreResult> &results) {
        for (const auto &r : results)
            tags.append(r.deliveryTag);
    });
    QList<HistoryRecord> records;
    QList<quint64> all;
    for (int i = 0; i < 25; ++i) {
        records.append(makeRecord(
            QStringLiteral("queued-%1").arg(i), QStringLiteral("t"), QStringLiteral("x")));
        records.last().envelope.setDeliveryTag(1 + i);
        all.append(1 + i);
    }
    history->store(records);
    QVERIFY(history->inputWaits() >= 2); // 25 through a queue of 10
    QCOMPARE(history->inputQueuePeak(), 10);
    QTRY_COMPARE(tags.size(), 25);
    QCOMPARE(tags, all); // nothing lost, in order
    QCOMPARE(history->count({}), 25);
}

QTEST_GUILESS_MAIN(TestHistory)
#include "TestHistory.moc"
