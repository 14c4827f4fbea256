// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "notify/BurstControl.h"
#include "render/Renderer.h"
#include "json/JsonParser.h"

#include <QTest>

using namespace fedmsg;
using namespace std::chrono_literals;

// The burst policy with a hand-driven clock: no X, no D-Bus, no waiting.
class TestBurstControl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void globalBucketThenOneDigest();
    void twoThousandInOneSecondGiveFivePopupsAndOneDigest();
    void tenThousandHeldKeepBoundedBodies();
    void perRuleBucket();
    void bucketRefills();
    void sameObjectReplacesInPlace();
    void digestRuleTakesNoToken();
    void limitsChangeAtOnce();

private:
    BurstControl make(BurstControl::Limits limits = {});
    static JsonValue comment(int i);
    Renderer m_renderer;
    std::chrono::steady_clock::time_point m_now = std::chrono::steady_clock::time_point(1h);
};

BurstControl TestBurstControl::make(BurstControl::Limits limits)
{
    return BurstControl(limits, [this] {
        return m_now;
    });
}

JsonValue TestBurstControl::comment(int i)
{
    const QByteArray json = QStringLiteral(
        "{\"topic\": \"org.fedoraproject.prod.bodhi.update.comment\", \"msg_id\": \"id-%1\", "
        "\"timestamp\": %1, \"msg\": {\"comment\": {\"user\": {\"name\": \"user%2\"}, "
        "\"text\": \"works\", \"update_alias\": \"FEDORA-2019-1\", \"update_title\": "
        "\"python-foo-1.0-1.fc30\"}}}")
                                .arg(i)
                                .arg(i % 3)
                                .toUtf8();
    return *JsonParser::parse(json.toStdString());
}

void TestBurstControl::globalBucketThenOneDigest()
{
    BurstControl burst = make();
    int shown = 0;
    for (int i = 0; i < 20; ++i) {
        Notification n;
        n.summary = QStringLiteral("m%1").arg(i);
        if (burst.offer(n, QStringLiteral("rule-%1").arg(i), {}, comment(i))
            == BurstControl::Verdict::Show)
            ++shown;
        QCOMPARE(n.replacesId, 0U);
    }
    QCOMPARE(shown, 5);
    QCOMPARE(burst.heldCount(), 15);
    QCOMPARE(*burst.digestDue(), m_now + 60s);
    QVERIFY(!burst.takeDigest(m_renderer)); // not due yet
    m_now += 60s;
    const std::optional<Notification> digest = burst.takeDigest(m_renderer);
    QVERIFY(digest);
    QCOMPARE(digest->summary, QStringLiteral("15 new messages"));
    QCOMPARE(digest->category, QStringLiteral("x-fedmsg.digest"));
    qInfo().noquote() << "digest body:" << digest->body;
    // The Conglomerator groups the 15 comments on one update into one line.
    QVERIFY2(!digest->body.contains(QLatin1Char('\n')), qPrintable(digest->body));
    QVERIFY2(digest->body.contains(QStringLiteral("python-foo")), qPrintable(digest->body));
    QCOMPARE(burst.heldCount(), 0);
    QVERIFY(!burst.digestDue());
    QVERIFY(!burst.takeDigest(m_renderer));
}

// A rule whose action is "digest": its messages wait for the digest and leave the popups of
// other rules their tokens.
void TestBurstControl::digestRuleTakesNoToken()
{
    BurstControl burst = make();
    for (int i = 0; i < 10; ++i)
        burst.holdForDigest(comment(i));
    QCOMPARE(burst.heldCount(), 10);
    QCOMPARE(*burst.digestDue(), m_now + 60s);
    Notification n;
    QCOMPARE(burst.offer(n, QStringLiteral("other"), {}, comment(99)), BurstControl::Verdict::Show);
    m_now += 60s;
    const std::optional<Notification> digest = burst.takeDigest(m_renderer);
    QVERIFY(digest);
    QCOMPARE(digest->summary, QStringLiteral("10 new messages"));
}

// The preferences change the rate and the digest window while the applet runs.
void TestBurstControl::limitsChangeAtOnce()
{
    BurstControl burst = make();
    const auto offer = [&](int i) {
        Notification n;
        return burst.offer(n, QStringLiteral("r%1").arg(i), {}, comment(i))
            == BurstControl::Verdict::Show;
    };
    QVERIFY(offer(0));
    QVERIFY(offer(1));
    // Down to 1 a minute: what is left of the bucket shrinks with it.
    burst.setLimits({ 1, 3, std::chrono::milliseconds(10000) });
    QCOMPARE(burst.limits().globalPerMinute, 1.0);
    QVERIFY(offer(2));
    QVERIFY(!offer(3)); // held for the digest
    QVERIFY(burst.digestDue().has_value());
    QCOMPARE(*burst.digestDue(), m_now + 10s); // the new window
    // Up to 10 a minute: the bucket grows as time refills it, not at once.
    burst.setLimits({ 10, 10, std::chrono::milliseconds(60000) });
    QVERIFY(!offer(4));
    m_now += 6s; // one token at 10 a minute
    QVERIFY(offer(5));
}

void TestBurstControl::twoThousandInOneSecondGiveFivePopupsAndOneDigest()
{
    BurstControl burst = make();
    int shown = 0;
    for (int i = 0; i < 2000; ++i) {
        m_now += 500us;
        Notification n;
        if (burst.offer(n, QStringLiteral("koji"), {}, comment(i)) == BurstControl::Verdict::Show)
            ++shown;
    }
    // The rule's own bucket (3 a minute) is the tighter one here.
    QCOMPARE(shown, 3);
    m_now += 60s;
    const std::optional<Notification> digest = burst.takeDigest(m_renderer);
    QVERIFY(digest);
    QCOMPARE(digest->summary, QStringLiteral("1997 new messages"));
    QVERIFY(!burst.takeDigest(m_renderer, true)); // one digest, nothing left
}

// A burst of 10 000 held messages: the digest counts every one, but keeps at most
// MaxHeldBodies bodies for its grouping (each without its signature and certificate), not 10 000.
void TestBurstControl::tenThousandHeldKeepBoundedBodies()
{
    BurstControl burst = make();
    const auto signedComment = [](int i) {
        JsonValue m = comment(i);
        m.insert("certificate", JsonValue(std::string(1800, 'c')));
        m.insert("signature", JsonValue(std::string(172, 's')));
        return m;
    };
    int shown = 0;
    for (int i = 0; i < 10000; ++i) {
        Notification n;
        if (burst.offer(n, QStringLiteral("koji"), {}, signedComment(i))
            == BurstControl::Verdict::Show)
            ++shown;
    }
    QCOMPARE(shown, 3);
    QCOMPARE(burst.heldCount(), 9997);
    QVERIFY2(burst.heldBodies() <= BurstControl::MaxHeldBodies,
        qPrintable(QString::number(burst.heldBodies())));
    QCOMPARE(burst.heldBodies(), BurstControl::MaxHeldBodies);
    const JsonValue &kept = burst.heldBody(0);
    QVERIFY(!kept.contains("certificate"));
    QVERIFY(!kept.contains("signature"));
    QCOMPARE(kept["msg_id"].toQString(), QStringLiteral("id-3"));
    m_now += 60s;
    const std::optional<Notification> digest = burst.takeDigest(m_renderer);
    QVERIFY(digest);
    QCOMPARE(digest->summary, QStringLiteral("9997 new messages"));
    // The comments on one update are one line; what was only counted is "more".
    QCOMPARE(digest->body,
        QStringLiteral("user0, user1, and user2 commented on python-foo-1.0-1.fc30\n"
                       "… and %1 more")
            .arg(9997 - BurstControl::MaxHeldBodies));
    QCOMPARE(burst.heldCount(), 0);
    QCOMPARE(burst.heldBodies(), 0);
}

void TestBurstControl::perRuleBucket()
{
    BurstControl burst = make({ 4, 2, 60s });
    const auto offer = [&burst](const QString &rule) {
        Notification n;
        return burst.offer(n, rule, {}, comment(0)) == BurstControl::Verdict::Show;
    };
    QVERIFY(offer(QStringLiteral("a")));
    QVERIFY(offer(QStringLiteral("a")));
    QVERIFY(!offer(QStringLiteral("a"))); // rule a is spent...
    QVERIFY(offer(QStringLiteral("b"))); // ...rule b is not
    QVERIFY(offer(QStringLiteral("b")));
    QVERIFY(!offer(QStringLiteral("c"))); // global (4) spent; the held one took no token
    QCOMPARE(burst.heldCount(), 2);
}

void TestBurstControl::bucketRefills()
{
    BurstControl burst = make({ 5, 5, 60s });
    Notification n;
    for (int i = 0; i < 5; ++i)
        QCOMPARE(burst.offer(n, {}, {}, comment(i)), BurstControl::Verdict::Show);
    QCOMPARE(burst.offer(n, {}, {}, comment(5)), BurstControl::Verdict::Held);
    m_now += 11s; // 5 a minute: one token every 12 s
    QCOMPARE(burst.offer(n, {}, {}, comment(6)), BurstControl::Verdict::Held);
    m_now += 1s;
    QCOMPARE(burst.offer(n, {}, {}, comment(7)), BurstControl::Verdict::Show);
}

void TestBurstControl::sameObjectReplacesInPlace()
{
    BurstControl burst = make({ 5, 1, 60s });
    const QString update = QStringLiteral("bodhi:FEDORA-2019-1");
    Notification first;
    QCOMPARE(
        burst.offer(first, QStringLiteral("r"), update, comment(0)), BurstControl::Verdict::Show);
    burst.noteShown(7, update);
    // The rule's bucket is empty, but an update of the open popup replaces it in place; it takes
    // global tokens only (4 left).
    for (int i = 1; i < 5; ++i) {
        Notification again;
        QCOMPARE(burst.offer(again, QStringLiteral("r"), update, comment(i)),
            BurstControl::Verdict::Show);
        QCOMPARE(again.replacesId, 7U);
    }
    Notification tooMany;
    QCOMPARE(
        burst.offer(tooMany, QStringLiteral("r"), update, comment(5)), BurstControl::Verdict::Held);
    QCOMPARE(tooMany.replacesId, 0U);
    m_now += 60s;
    burst.noteClosed(7);
    Notification afterClose;
    QCOMPARE(burst.offer(afterClose, QStringLiteral("r"), update, comment(6)),
        BurstControl::Verdict::Show);
    QCOMPARE(afterClose.replacesId, 0U); // a new popup: the old one is gone
}

QTEST_GUILESS_MAIN(TestBurstControl)
#include "TestBurstControl.moc"
