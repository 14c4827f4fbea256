// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "../history/HistoryTestData.h"
#include "history/History.h"
#include "message/TrustState.h"
#include "model/HistoryModel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace fedmsg;
using namespace std::chrono_literals;
using testdata::makeRecord;

namespace {

constexpr int StoredCount = 100000;
constexpr int PageSize = 300;

const QStringList Services = { QStringLiteral("bodhi"),
    QStringLiteral("koji"),
    QStringLiteral("pagure"),
    QStringLiteral("fas"),
    QStringLiteral("copr") };

/// Message i: service i % 5, user "user<i % 7>", trust by i % 4, decision by i % 3, received
/// i seconds after a fixed start; every 1000th title holds the word "needle".
HistoryRecord recordNumber(int i)
{
    const QString title =
        (i % 1000 == 0 ? QStringLiteral("needle %1") : QStringLiteral("message %1")).arg(i);
    HistoryRecord record = makeRecord(QStringLiteral("m%1").arg(i),
        QStringLiteral("org.fedoraproject.prod.test"),
        title,
        { QStringLiteral("user%1").arg(i % 7) },
        { QStringLiteral("pkg%1").arg(i % 11) },
        Services.at(i % 5));
    static const QList<TrustState> trusts = { TrustState::Trusted,
        TrustState::Untrusted,
        TrustState::BrokerUnsigned,
        TrustState::Unchecked };
    record.envelope.setTrust(trusts.at(i % 4), QString());
    record.envelope.setReceivedAt(QDateTime::fromSecsSinceEpoch(1767225600 + i, Qt::UTC));
    static const QStringList decisions = {
        QStringLiteral("notify"), QStringLiteral("history"), QString()
    };
    record.decision = decisions.at(i % 3);
    record.decisionRule =
        record.decision.isEmpty() ? QString() : QStringLiteral("rule %1").arg(i % 3);
    return record;
}

} // namespace

class TestHistoryModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void passesTheModelTester();
    void pagingReadsOnlyWhatIsAsked();
    void columnsInPlainWords();
    void search();
    void filters_data(); // NOLINT(readability-identifier-naming): Qt Test's name for the data
    void filters();
    void badSearchIsAnError();
    void newMessagesAreInsertedKeepingTheSelection();
    void newMessagesOutsideTheFilterAreLeftOut();
    void markRead();
    void clearEmptiesTheModel();
    void showsMessagesTheGroupCommitStillHolds();

private:
    void store(const QList<HistoryRecord> &records);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<History> m_history;
    int m_next = StoredCount;
};

void TestHistoryModel::initTestCase()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    HistoryOptions options;
    options.databasePath = m_dir->filePath(QStringLiteral("history.sqlite"));
    options.maxAge = 0s;
    options.maxCount = 0;
    options.commitDelay = 10ms;
    m_history = std::make_unique<History>(options);
    QTRY_VERIFY_WITH_TIMEOUT(m_history->isReady(), 20000);
    for (int first = 0; first < StoredCount; first += 10000) {
        QList<HistoryRecord> batch;
        for (int i = first; i < first + 10000; ++i)
            batch.append(recordNumber(i));
        store(batch);
    }
    QCOMPARE(m_history->count({}), StoredCount);
}

void TestHistoryModel::cleanupTestCase()
{
    m_history.reset();
    m_dir.reset();
}

void TestHistoryModel::store(const QList<HistoryRecord> &records)
{
    qsizetype stored = 0;
    auto connection =
        connect(m_history.get(), &History::stored, this, [&](const QList<StoreResult> &r) {
            stored += r.size();
        });
    m_history->store(records);
    [&] {
        QTRY_COMPARE_WITH_TIMEOUT(stored, records.size(), 120000);
    }();
    disconnect(connection);
}

void TestHistoryModel::passesTheModelTester()
{
    HistoryModel model(m_history.get(), PageSize);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.setFilter({}));
    model.fetchMore({});
    HistoryFilter filter;
    filter.service = QStringLiteral("koji");
    QVERIFY(model.setFilter(filter));
}

void TestHistoryModel::pagingReadsOnlyWhatIsAsked()
{
    HistoryModel model(m_history.get(), PageSize);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.rowsRead(), 0);
    QElapsedTimer clock; // printed, not asserted
    clock.start();
    QVERIFY(model.setFilter({}));
    qInfo("first page of %d rows over %d stored: %lld ms", PageSize, StoredCount, clock.elapsed());
    QCOMPARE(model.rowCount(), PageSize);
    QCOMPARE(model.rowsRead(), PageSize);
    QVERIFY(model.canFetchMore({}));
    // Newest first, consecutive across pages.
    QCOMPARE(model.message(0)->msgId, QStringLiteral("m%1").arg(StoredCount - 1));
    clock.restart();
    model.fetchMore({});
    qInfo("next page: %lld ms", clock.elapsed());
    QCOMPARE(model.rowCount(), 2 * PageSize);
    QCOMPARE(model.rowsRead(), 2 * PageSize);
    for (int row = 1; row < model.rowCount(); ++row)
        QCOMPARE(model.idAt(row), model.idAt(row - 1) - 1);
    QCOMPARE(model.rowOf(model.idAt(PageSize + 7)), PageSize + 7);
    QCOMPARE(model.rowOf(-5), -1);
    // A filter with few matches reads them all and no more.
    HistoryFilter needles;
    needles.text = QStringLiteral("needle");
    clock.restart();
    QVERIFY(model.setFilter(needles));
    qInfo("search \"needle\": %lld ms", clock.elapsed());
    QCOMPARE(model.rowCount(), StoredCount / 1000);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.rowsRead(), 2 * PageSize + StoredCount / 1000);
}

void TestHistoryModel::columnsInPlainWords()
{
    HistoryModel model(m_history.get(), PageSize);
    QVERIFY(model.setFilter({}));
    QCOMPARE(model.columnCount(), 5);
    QCOMPARE(
        model.headerData(HistoryModel::SummaryColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
        QStringLiteral("Summary"));
    QStringList trust;
    for (int row = 0; row < 4; ++row) {
        const int i = StoredCount - 1 - row;
        // The sentence; the title (often the topic in other words) only in the tooltip.
        QCOMPARE(model.index(row, HistoryModel::SummaryColumn).data().toString(),
            QStringLiteral("message %1 subtitle").arg(i));
        QCOMPARE(model.index(row, HistoryModel::SummaryColumn).data(Qt::ToolTipRole).toString(),
            QStringLiteral("message %1\nmessage %1 subtitle").arg(i));
        QCOMPARE(model.index(row, HistoryModel::ServiceColumn).data().toString(),
            Services.at(i % 5).left(1).toUpper() + Services.at(i % 5).mid(1));
        trust.append(model.index(row, HistoryModel::TrustColumn).data().toString());
        QCOMPARE(model.index(row, 0).data(HistoryModel::LinkRole).toString(),
            QStringLiteral("https://example.org/m%1").arg(i));
        QVERIFY(model.index(row, 0).data(HistoryModel::UnreadRole).toBool());
    }
    // 99999 % 4 == 3 (not checked), then 2, 1, 0: the words of popups, tray menu and tail.
    QCOMPARE(trust,
        (QStringList { QStringLiteral("unverified"),
            QStringLiteral("broker, unsigned"),
            QStringLiteral("untrusted"),
            QStringLiteral("signed") }));
    for (const TrustState s : { TrustState::Unchecked,
             TrustState::Trusted,
             TrustState::Untrusted,
             TrustState::BrokerUnsigned })
        QCOMPARE(HistoryModel::trustText(s), trustLabel(s));
    // Plain words, not the stored names: 99999 % 3 == 0 (notify), 99998 (none), 99997 (history).
    QCOMPARE(
        model.index(0, HistoryModel::DecisionColumn).data().toString(), QStringLiteral("notified"));
    QCOMPARE(model.index(1, HistoryModel::DecisionColumn).data().toString(),
        QStringLiteral("no decision"));
    QCOMPARE(model.index(2, HistoryModel::DecisionColumn).data().toString(),
        QStringLiteral("history only"));
    QCOMPARE(model.index(0, 0).data(HistoryModel::DecisionRuleRole).toString(),
        QStringLiteral("rule 0"));
}

void TestHistoryModel::search()
{
    HistoryModel model(m_history.get(), PageSize);
    HistoryFilter filter;
    filter.text = QStringLiteral("needle user3");
    QVERIFY(model.setFilter(filter));
    // needle at multiples of 1000; user3 where i % 7 == 3.
    QList<qint64> expected;
    for (int i = StoredCount - 1000; i >= 0; i -= 1000)
        if (i % 7 == 3)
            expected.append(i);
    QCOMPARE(model.rowCount(), expected.size());
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.message(row)->msgId, QStringLiteral("m%1").arg(expected.at(row)));
}

// NOLINTNEXTLINE(readability-convert-member-functions-to-static): a Qt Test slot
void TestHistoryModel::filters_data()
{
    QTest::addColumn<HistoryFilter>("filter");
    QTest::addColumn<int>("expected"); // matches among all 100 000
    HistoryFilter f;
    f.service = QStringLiteral("koji");
    QTest::newRow("service") << f << StoredCount / 5;
    f = {};
    f.bus = QStringLiteral("fedora");
    QTest::newRow("bus") << f << StoredCount;
    f.bus = QStringLiteral("other");
    QTest::newRow("other bus") << f << 0;
    f = {};
    f.user = QStringLiteral("user2");
    f.service = QStringLiteral("bodhi"); // i % 35 == 30
    QTest::newRow("user and service") << f << (StoredCount + 4) / 35;
    f = {};
    f.package = QStringLiteral("pkg10");
    f.trust = TrustState::Trusted; // i % 44 == 32
    QTest::newRow("package and trust") << f << (StoredCount + 11) / 44;
    f = {};
    f.decision = QString(); // i % 3 == 2
    QTest::newRow("no decision") << f << StoredCount / 3;
    f = {};
    f.from = QDateTime::fromSecsSinceEpoch(1767225600 + 500, Qt::UTC);
    f.to = QDateTime::fromSecsSinceEpoch(1767225600 + 1500, Qt::UTC);
    QTest::newRow("time range") << f << 1000;
}

void TestHistoryModel::filters()
{
    QFETCH(HistoryFilter, filter);
    QFETCH(int, expected);
    HistoryModel model(m_history.get(), PageSize);
    QVERIFY2(model.setFilter(filter), qPrintable(model.lastError()));
    QCOMPARE(model.rowCount(), std::min(expected, PageSize));
    QCOMPARE(model.canFetchMore({}), expected > PageSize);
    QCOMPARE(m_history->count(filter.toQuery(0)), expected);
    // Every loaded row matches.
    for (int row = 0; row < model.rowCount(); ++row) {
        const auto message = model.message(row);
        QVERIFY(message);
        if (!filter.service.isEmpty())
            QCOMPARE(message->rendering.serviceName, filter.service);
        if (!filter.user.isEmpty())
            QVERIFY(message->rendering.usernames.contains(filter.user));
        if (filter.trust)
            QCOMPARE(message->trust, *filter.trust);
        if (filter.decision)
            QCOMPARE(message->decision, *filter.decision);
        if (filter.from.isValid())
            QVERIFY(message->receivedAt >= filter.from && message->receivedAt < filter.to);
    }
}

void TestHistoryModel::badSearchIsAnError()
{
    HistoryModel model(m_history.get(), PageSize);
    QVERIFY(model.setFilter({}));
    QSignalSpy failed(&model, &HistoryModel::queryFailed);
    HistoryFilter filter;
    filter.text = QStringLiteral("\"unbalanced");
    if (model.setFilter(filter)) {
        // The query language accepted it: then it is an ordinary search.
        QCOMPARE(failed.size(), 0);
        return;
    }
    QCOMPARE(failed.size(), 1);
    QVERIFY(!model.lastError().isEmpty());
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
}

void TestHistoryModel::newMessagesAreInsertedKeepingTheSelection()
{
    HistoryModel model(m_history.get(), PageSize);
    QVERIFY(model.setFilter({}));
    QItemSelectionModel selection(&model);
    const qint64 selectedId = model.idAt(5);
    selection.setCurrentIndex(
        model.index(5, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const qint64 readBefore = model.rowsRead();
    QList<HistoryRecord> fresh;
    for (int n = 0; n < 3; ++n)
        fresh.append(recordNumber(m_next++));
    store(fresh);
    QTRY_COMPARE(model.rowCount(), PageSize + 3);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 2);
    QCOMPARE(model.rowsRead() - readBefore, 3); // only the new rows were read
    QCOMPARE(model.message(0)->msgId, QStringLiteral("m%1").arg(m_next - 1));
    QCOMPARE(model.message(2)->msgId, QStringLiteral("m%1").arg(m_next - 3));
    QCOMPARE(selection.currentIndex().row(), 8);
    QCOMPARE(model.idAt(selection.currentIndex().row()), selectedId);
    QCOMPARE(selection.selectedRows().size(), 1);
    QCOMPARE(model.idAt(selection.selectedRows().first().row()), selectedId);
}

void TestHistoryModel::newMessagesOutsideTheFilterAreLeftOut()
{
    HistoryModel model(m_history.get(), PageSize);
    HistoryFilter filter;
    filter.text = QStringLiteral("needle");
    QVERIFY(model.setFilter(filter));
    const int before = model.rowCount();
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QList<HistoryRecord> fresh;
    int needle = 0;
    for (int n = 0; n < 1001; ++n) {
        const int i = m_next++;
        if (i % 1000 == 0)
            needle = i;
        fresh.append(recordNumber(i));
    }
    QVERIFY(needle > 0);
    store(fresh);
    QTRY_COMPARE(model.rowCount(), before + 1);
    QCOMPARE(model.message(0)->msgId, QStringLiteral("m%1").arg(needle));
    QCOMPARE(model.rowCount(), before + 1);
}

void TestHistoryModel::markRead()
{
    HistoryModel model(m_history.get(), PageSize);
    QVERIFY(model.setFilter({}));
    const qint64 a = model.idAt(0);
    const qint64 b = model.idAt(2);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy updated(m_history.get(), &History::updated);
    model.markRead({ 0, 2 });
    QVERIFY(!model.index(0, 0).data(HistoryModel::UnreadRole).toBool());
    QVERIFY(model.index(1, 0).data(HistoryModel::UnreadRole).toBool());
    QVERIFY(!model.index(2, 0).data(HistoryModel::UnreadRole).toBool());
    QCOMPARE(changed.size(), 2);
    QVERIFY(updated.wait(20000));
    QVERIFY(m_history->message(a)->read);
    QVERIFY(m_history->message(b)->read);
    QVERIFY(!m_history->message(model.idAt(1))->read);
    // The unread filter now leaves them out.
    HistoryFilter unread;
    unread.unreadOnly = true;
    QVERIFY(model.setFilter(unread));
    QCOMPARE(model.rowOf(a), -1);
    QVERIFY(model.rowCount() > 0);
    // A change made elsewhere (another model, the tray's "Mark all read") shows here.
    HistoryModel other(m_history.get(), PageSize);
    QVERIFY(other.setFilter({}));
    QVERIFY(other.index(1, 0).data(HistoryModel::UnreadRole).toBool());
    m_history->markRead({ other.idAt(1) });
    QTRY_VERIFY(!other.index(1, 0).data(HistoryModel::UnreadRole).toBool());
}

void TestHistoryModel::clearEmptiesTheModel()
{
    HistoryModel model(m_history.get(), PageSize);
    QVERIFY(model.setFilter({}));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy cleared(m_history.get(), &History::cleared);
    m_history->clear();
    QVERIFY(cleared.wait(60000));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
    store({ recordNumber(m_next++) });
    QTRY_COMPARE(model.rowCount(), 1);
}

void TestHistoryModel::showsMessagesTheGroupCommitStillHolds()
{
    // History writes arrivals in groups (up to commitDelay, 10 s by default); the history window
    // opened just after a popup showed nothing of it until then. A model asks for the commit
    // when it is made and on each arrival, so what arrived is there at once.
    QTemporaryDir dir;
    HistoryOptions options;
    options.databasePath = dir.filePath(QStringLiteral("history.sqlite"));
    options.maxAge = 0s; // the records are from January
    options.commitDelay = 1h;
    History history(options);
    QTRY_VERIFY_WITH_TIMEOUT(history.isReady(), 20000);
    QSignalSpy assigned(&history, &History::assigned);
    history.store({ recordNumber(1) });
    QVERIFY(assigned.wait());
    QCOMPARE(history.count({}), 0); // assigned, not written
    HistoryModel model(&history, PageSize);
    QVERIFY(model.setFilter({}));
    QTRY_COMPARE(model.rowCount(), 1);
    history.store({ recordNumber(2) });
    QTRY_COMPARE(model.rowCount(), 2);
    QCOMPARE(model.message(0)->msgId, QStringLiteral("m2"));
}

QTEST_GUILESS_MAIN(TestHistoryModel)
#include "TestHistoryModel.moc"
