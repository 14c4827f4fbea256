// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The history limits of the preferences apply to the running History (issue 19): changed
// through Settings, as the Notifications page changes them, and wired by HistoryLimits, as
// the applet wires them.

#include "engine/HistoryLimits.h"
#include "history/History.h"
#include "settings/Settings.h"

#include "../history/HistoryTestData.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace fedmsg;

namespace {
constexpr qint64 MiB = qint64 { 1024 } * 1024;
} // namespace

class TestHistoryLimits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void limitsAreReadFromSettings();
    void lowerCountPrunesAtOnce();
    void lowerSizePrunesAtOnce();

private:
    /// A History made as the applet makes it (limits from m_settings, following them), holding
    /// n messages of paddingBytes each, the oldest first.
    std::unique_ptr<History> historyWith(int n, int paddingBytes = 0);
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;
};

void TestHistoryLimits::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<Settings>(m_dir->filePath(QStringLiteral("settings.ini")));
}

void TestHistoryLimits::cleanup()
{
    m_settings.reset();
    m_dir.reset();
}

std::unique_ptr<History> TestHistoryLimits::historyWith(int n, int paddingBytes)
{
    HistoryOptions options;
    options.databasePath = m_dir->filePath(QStringLiteral("history.sqlite"));
    HistoryLimits::read(*m_settings, &options);
    auto history = std::make_unique<History>(options);
    HistoryLimits::follow(m_settings.get(), history.get());
    QList<HistoryRecord> records;
    for (int i = 0; i < n; ++i) {
        records.append(testdata::makeRecord(QStringLiteral("limit-%1").arg(i),
            QStringLiteral("org.fedoraproject.prod.koji.tag"),
            QStringLiteral("message %1").arg(i),
            {},
            {},
            QStringLiteral("koji"),
            1700000000,
            paddingBytes));
    }
    QSignalSpy stored(history.get(), &History::stored);
    qint64 count = 0;
    connect(history.get(), &History::stored, this, [&count](const QList<StoreResult> &r) {
        count += r.size();
    });
    history->store(records);
    history->commitNow();
    while (count < n && stored.wait(20000)) {}
    [&] {
        QCOMPARE(count, qint64(n));
    }();
    return history;
}

void TestHistoryLimits::limitsAreReadFromSettings()
{
    m_settings->setHistoryMaxAgeDays(9);
    m_settings->setHistoryMaxCount(1234);
    m_settings->setHistoryMaxSizeMiB(64);
    HistoryOptions options;
    HistoryLimits::read(*m_settings, &options);
    QCOMPARE(options.maxAge.count(), 9 * 24 * 3600);
    QCOMPARE(options.maxCount, 1234);
    QCOMPARE(options.maxBytes, 64LL * 1024 * 1024);
}

void TestHistoryLimits::lowerCountPrunesAtOnce()
{
    auto history = historyWith(150);
    QCOMPARE(history->count({}), 150);
    m_settings->setHistoryMaxCount(100); // what the preferences' spin box does
    QTRY_COMPARE_WITH_TIMEOUT(history->count({}), 100, 20000);
    // The oldest went: the newest 100 are left.
    HistoryQuery q;
    q.oldestFirst = true;
    q.limit = 1;
    const auto oldest = history->search(q);
    QCOMPARE(oldest.size(), 1);
    QCOMPARE(oldest.first().msgId, QStringLiteral("limit-50"));
    q.msgId = QStringLiteral("limit-49");
    QCOMPARE(history->count(q), 0);
}

void TestHistoryLimits::lowerSizePrunesAtOnce()
{
    // About 3 MiB of messages under the default 256 MiB cap, then a cap of 1 MiB.
    auto history = historyWith(300, 10000);
    const QString path = m_dir->filePath(QStringLiteral("history.sqlite"));
    const auto onDisk = [&path] {
        return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
    };
    QVERIFY2(onDisk() > 2 * MiB, qPrintable(QString::number(onDisk())));
    QSignalSpy pruned(history.get(), &History::pruned);
    m_settings->setHistoryMaxSizeMiB(1);
    QVERIFY(pruned.wait(20000));
    QTRY_VERIFY2_WITH_TIMEOUT(onDisk() <= MiB, qPrintable(QString::number(onDisk())), 20000);
    const qint64 left = history->count({});
    QVERIFY(left > 0);
    QVERIFY(left < 300);
    HistoryQuery q;
    q.msgId = QStringLiteral("limit-299"); // the newest is kept
    QCOMPARE(history->count(q), 1);
}

QTEST_GUILESS_MAIN(TestHistoryLimits)
#include "TestHistoryLimits.moc"
