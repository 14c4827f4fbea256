// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "notify/DoNotDisturb.h"

#include <QTest>
#include <QTimeZone>

using namespace fedmsg;
using namespace std::chrono_literals;

// Do-not-disturb policy with a hand-set clock: no X, no D-Bus, no waiting.
class TestDoNotDisturb : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void pauseForAnHourThenOneSummary();
    void pauseUntilTomorrowEndsAtEightNextDay();
    void pauseUntilResumed();
    void quietHoursAcrossMidnight();
    void criticalMayPass();
    void desktopInhibitionIsNotSummarised();

private:
    DoNotDisturb make()
    {
        return DoNotDisturb([this] {
            return m_now;
        });
    }
    static Notification normal()
    {
        Notification n;
        n.summary = QStringLiteral("Bodhi: comment on update");
        return n;
    }
    QDateTime m_now;
};

void TestDoNotDisturb::init()
{
    m_now = QDateTime(QDate(2026, 12, 5), QTime(14, 30), QTimeZone::utc());
}

void TestDoNotDisturb::pauseForAnHourThenOneSummary()
{
    DoNotDisturb dnd = make();
    QCOMPARE(dnd.admit(normal()), DoNotDisturb::Verdict::Show);
    dnd.pauseFor(1h);
    QVERIFY(dnd.isPaused());
    QCOMPARE(dnd.pausedUntil(), m_now.addSecs(3600));
    QCOMPARE(dnd.nextChange(), m_now.addSecs(3600));
    for (int i = 0; i < 7; ++i)
        QCOMPARE(dnd.admit(normal()), DoNotDisturb::Verdict::Held);
    QVERIFY(!dnd.takeSummary()); // still paused
    m_now = m_now.addSecs(3600);
    QVERIFY(!dnd.isPaused());
    QCOMPARE(dnd.admit(normal()), DoNotDisturb::Verdict::Show);
    const std::optional<Notification> summary = dnd.takeSummary();
    QVERIFY(summary);
    QCOMPARE(summary->summary, QStringLiteral("7 message(s) while paused"));
    QVERIFY(!dnd.takeSummary()); // one summary
}

void TestDoNotDisturb::pauseUntilTomorrowEndsAtEightNextDay()
{
    DoNotDisturb dnd = make();
    dnd.pauseUntilTomorrow();
    QCOMPARE(dnd.pausedUntil(), QDateTime(QDate(2026, 12, 6), QTime(8, 0), QTimeZone::utc()));
    m_now = QDateTime(QDate(2026, 12, 6), QTime(7, 59), QTimeZone::utc());
    QVERIFY(dnd.isPaused());
    m_now = QDateTime(QDate(2026, 12, 6), QTime(8, 0), QTimeZone::utc());
    QVERIFY(!dnd.isPaused());
}

void TestDoNotDisturb::pauseUntilResumed()
{
    DoNotDisturb dnd = make();
    dnd.pauseUntilResumed();
    m_now = m_now.addDays(30);
    QVERIFY(dnd.isPaused());
    QVERIFY(!dnd.pausedUntil().isValid());
    QVERIFY(!dnd.nextChange().isValid()); // nothing to wake up for
    QCOMPARE(dnd.admit(normal()), DoNotDisturb::Verdict::Held);
    dnd.resume();
    QVERIFY(!dnd.isPaused());
    QCOMPARE(dnd.takeSummary()->summary, QStringLiteral("1 message(s) while paused"));
}

void TestDoNotDisturb::quietHoursAcrossMidnight()
{
    DoNotDisturb dnd = make();
    dnd.setQuietHours(QTime(22, 0), QTime(7, 0));
    QVERIFY(!dnd.inQuietHours()); // 14:30
    QCOMPARE(dnd.nextChange(), QDateTime(QDate(2026, 12, 5), QTime(22, 0), QTimeZone::utc()));
    m_now = QDateTime(QDate(2026, 12, 5), QTime(23, 15), QTimeZone::utc());
    QVERIFY(dnd.inQuietHours());
    QCOMPARE(dnd.admit(normal()), DoNotDisturb::Verdict::Held);
    QCOMPARE(dnd.nextChange(), QDateTime(QDate(2026, 12, 6), QTime(7, 0), QTimeZone::utc()));
    m_now = QDateTime(QDate(2026, 12, 6), QTime(6, 59), QTimeZone::utc());
    QVERIFY(dnd.inQuietHours());
    QCOMPARE(dnd.admit(normal()), DoNotDisturb::Verdict::Held);
    QVERIFY(!dnd.takeSummary());
    m_now = QDateTime(QDate(2026, 12, 6), QTime(7, 0), QTimeZone::utc());
    QVERIFY(!dnd.inQuietHours());
    QCOMPARE(dnd.takeSummary()->summary, QStringLiteral("2 message(s) while paused"));
    // A window within one day works too; equal times turn quiet hours off.
    dnd.setQuietHours(QTime(12, 0), QTime(13, 0));
    m_now = QDateTime(QDate(2026, 12, 6), QTime(12, 30), QTimeZone::utc());
    QVERIFY(dnd.inQuietHours());
    dnd.setQuietHours(QTime(12, 0), QTime(12, 0));
    QVERIFY(!dnd.inQuietHours());
}

void TestDoNotDisturb::criticalMayPass()
{
    DoNotDisturb dnd = make();
    dnd.pauseUntilResumed();
    Notification critical = normal();
    critical.urgency = Notification::Urgency::Critical;
    QCOMPARE(dnd.admit(critical), DoNotDisturb::Verdict::Show);
    dnd.setAllowCritical(false);
    QCOMPARE(dnd.admit(critical), DoNotDisturb::Verdict::Held);
}

void TestDoNotDisturb::desktopInhibitionIsNotSummarised()
{
    DoNotDisturb dnd = make();
    dnd.setDesktopInhibited(true);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(dnd.admit(normal()), DoNotDisturb::Verdict::HeldByDesktop);
    dnd.setDesktopInhibited(false);
    QCOMPARE(dnd.heldCount(), 0);
    QVERIFY(!dnd.takeSummary()); // the server shows what it held; no summary of ours
    // Our pause ending while the desktop inhibits: the summary waits for the desktop.
    dnd.pauseFor(10min);
    QCOMPARE(dnd.admit(normal()), DoNotDisturb::Verdict::Held);
    dnd.setDesktopInhibited(true);
    m_now = m_now.addSecs(600);
    QVERIFY(!dnd.takeSummary());
    dnd.setDesktopInhibited(false);
    QCOMPARE(dnd.takeSummary()->summary, QStringLiteral("1 message(s) while paused"));
}

QTEST_GUILESS_MAIN(TestDoNotDisturb)
#include "TestDoNotDisturb.moc"
