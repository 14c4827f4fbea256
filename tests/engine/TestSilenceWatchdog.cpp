// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "engine/SilenceWatchdog.h"

#include <QSignalSpy>
#include <QTest>

using namespace fedmsg;
using namespace std::chrono_literals;

class TestSilenceWatchdog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void silenceIsReportedWithBackoff();
    void messagesResetAndUnwatchStops();
};

void TestSilenceWatchdog::silenceIsReportedWithBackoff()
{
    SilenceWatchdog dog;
    QSignalSpy spy(&dog, &SilenceWatchdog::silent);
    dog.watch(QStringLiteral("bus"), 100ms);
    QVERIFY(dog.isWatching(QStringLiteral("bus")));
    // 100, then 200, 400, 800, and never longer than 8x
    QTRY_VERIFY_WITH_TIMEOUT(spy.count() >= 5, 10000);
    QList<qint64> silences;
    for (const auto &args : spy) {
        QCOMPARE(args.at(0).toString(), QStringLiteral("bus"));
        silences << args.at(1).value<std::chrono::milliseconds>().count();
    }
    QCOMPARE(silences.mid(0, 5), (QList<qint64> { 100, 200, 400, 800, 800 }));
    QCOMPARE(dog.currentInterval(QStringLiteral("bus")), 800ms);
}

void TestSilenceWatchdog::messagesResetAndUnwatchStops()
{
    SilenceWatchdog dog;
    QSignalSpy spy(&dog, &SilenceWatchdog::silent);
    dog.watch(QStringLiteral("a"), 100ms);
    dog.watch(QStringLiteral("b"), 100ms);
    QTRY_VERIFY_WITH_TIMEOUT(spy.count() >= 2, 5000); // both went quiet
    QCOMPARE(dog.currentInterval(QStringLiteral("a")), 200ms);
    dog.messageArrived(QStringLiteral("a")); // a message: back to the configured interval
    QCOMPARE(dog.currentInterval(QStringLiteral("a")), 100ms);
    dog.messageArrived(QStringLiteral("unknown")); // ignored
    dog.unwatch(QStringLiteral("a"));
    dog.watch(QStringLiteral("b"), 0ms); // 0 = off
    QVERIFY(!dog.isWatching(QStringLiteral("a")));
    QVERIFY(!dog.isWatching(QStringLiteral("b")));
    QCOMPARE(dog.currentInterval(QStringLiteral("a")), 0ms);
    const auto before = spy.count();
    QTest::qWait(500);
    QCOMPARE(spy.count(), before);
}

QTEST_GUILESS_MAIN(TestSilenceWatchdog)
#include "TestSilenceWatchdog.moc"
