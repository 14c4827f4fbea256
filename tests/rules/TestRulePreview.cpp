// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "RuleSamples.h"
#include "engine/RulePreview.h"
#include "history/History.h"
#include "rules/RuleContext.h"
#include "rules/RuleSubject.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace fedmsg;
using namespace fedmsg::rules;

// preview(rule) over a real History (SQLite in a temporary folder) holding the public samples.
class TestRulePreview : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void countsWhatTheRuleMatchesInTheLastSevenDays_data();
    void countsWhatTheRuleMatchesInTheLastSevenDays();
    void olderMessagesWhenAsked();
    void keepsAtMostTheIdsAskedFor();
    void matchesWhatEvaluatingEachWholeMessageMatches_data();
    void matchesWhatEvaluatingEachWholeMessageMatches();
    void aBodyThatNoLongerParsesMatchesNothing();

private:
    static Rule rule(const QByteArray &when)
    {
        RuleError error;
        const auto r = Rule::fromJson(QJsonDocument::fromJson("{\"name\":\"p\",\"when\":" + when
                                          + ",\"then\":{\"action\":\"notify\"}}")
                                          .object(),
            0,
            nullptr,
            &error);
        return r.value_or(Rule {});
    }
    int count(const std::function<bool(const test::RuleSample &)> &pred) const
    {
        int n = 0;
        for (const test::RuleSample &s : m_samples->all)
            n += pred(s) ? 1 : 0;
        return n;
    }

    QTemporaryDir m_dir;
    Renderer m_renderer { Renderer::builtinDataFile() };
    std::unique_ptr<test::RuleSamples> m_samples;
    std::unique_ptr<History> m_history;
    std::unique_ptr<RulesStage> m_stage;
    int m_old = 0; ///< samples stored as 10 days old (every fifth)
};

void TestRulePreview::initTestCase()
{
    m_samples = std::make_unique<test::RuleSamples>(m_renderer);
    QVERIFY(m_samples->all.size() > 100);
    HistoryOptions options;
    options.databasePath = m_dir.filePath(QStringLiteral("history.sqlite"));
    options.commitDelay = std::chrono::milliseconds(10);
    m_history = std::make_unique<History>(options);
    QList<HistoryRecord> records;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int n = 0;
    for (const test::RuleSample &s : m_samples->all) {
        JsonValue body = s.envelope.body();
        body.insert("msg_id", JsonValue(QStringLiteral("preview-%1").arg(n)));
        Envelope e(s.envelope.transport(), body);
        e.setHeaders(s.envelope.headers());
        e.setBusName(s.envelope.busName());
        e.setTrust(s.envelope.trust(), s.envelope.trustReason());
        const bool old = n % 5 == 4;
        m_old += old ? 1 : 0;
        e.setReceivedAt(old ? now.addDays(-10) : now.addSecs(-n));
        records.append(HistoryRecord { e, s.rendering, {}, {} });
        ++n;
    }
    QSignalSpy stored(m_history.get(), &History::stored);
    m_history->store(records);
    m_history->commitNow();
    HistoryQuery all;
    all.limit = 0;
    QTRY_COMPARE_WITH_TIMEOUT(m_history->count(all), qint64(records.size()), 20000);
    m_stage = std::make_unique<RulesStage>(std::make_shared<MessageTypeCatalog>(m_renderer));
    m_stage->setContext(RuleContext { QStringLiteral("kalev"), nullptr, {} });
}

void TestRulePreview::countsWhatTheRuleMatchesInTheLastSevenDays_data()
{
    QTest::addColumn<QByteArray>("when");
    QTest::addColumn<int>("expected");
    int n = 0;
    auto recent = [&n](bool match) {
        const bool old = n++ % 5 == 4; // stored as 10 days old, as in initTestCase()
        return match && !old;
    };
    // The expected counts come from the samples themselves, minus the ones stored as old.
    n = 0;
    QTest::newRow("service bodhi")
        << QByteArray(R"({"field":"service","value":"bodhi"})")
        << count([&](const test::RuleSample &s) {
               return recent(s.rendering.serviceName == QLatin1String("bodhi"));
           });
    n = 0;
    QTest::newRow("glob") << QByteArray(R"({"field":"topic","op":"glob","value":"*.buildsys.*"})")
                          << count([&](const test::RuleSample &s) {
                                 return recent(
                                     s.envelope.topic().contains(QLatin1String(".buildsys.")));
                             });
    n = 0;
    QTest::newRow("by-me (reads bodies)")
        << QByteArray(R"({"field":"by-me"})") << count([&](const test::RuleSample &s) {
               return recent(s.agent == QLatin1String("kalev"));
           });
    n = 0;
    QTest::newRow("body") << QByteArray(
        R"({"field":"body","path":"msg.comment.update.user.name","op":"==","value":"kalev"})")
                          << 1;
    n = 0;
    QTest::newRow("trust") << QByteArray(R"({"field":"trust","value":"broker-unsigned"})")
                           << count([&](const test::RuleSample &s) {
                                  return recent(s.envelope.trust() == TrustState::BrokerUnsigned);
                              });
    n = 0;
    QTest::newRow("nagios") << QByteArray(R"({"field":"service","value":"nagios","op":"in"})")
                            << count([&](const test::RuleSample &s) {
                                   return recent(
                                       s.rendering.serviceName == QLatin1String("nagios"));
                               });
}

void TestRulePreview::countsWhatTheRuleMatchesInTheLastSevenDays()
{
    QFETCH(QByteArray, when);
    QFETCH(int, expected);
    QVERIFY(expected > 0);
    const Rule r = rule(when);
    QVERIFY(r.when);
    const RulePreviewResult result = RulePreview(*m_history, m_renderer, *m_stage).run(r);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.examined, qint64(m_samples->all.size() - m_old));
    QCOMPARE(result.matched, qint64(expected));
    QCOMPARE(result.ids.size(), expected);
    for (qint64 id : result.ids) {
        const auto m = m_history->message(id);
        QVERIFY(m.has_value());
        QVERIFY(m->receivedAt > QDateTime::currentDateTimeUtc().addDays(-7));
    }
}

void TestRulePreview::olderMessagesWhenAsked()
{
    const Rule everything = rule(R"({"all":[]})");
    const RulePreviewResult month =
        RulePreview(*m_history, m_renderer, *m_stage)
            .run(everything, QDateTime::currentDateTimeUtc().addDays(-30));
    QCOMPARE(month.examined, qint64(m_samples->all.size()));
    QCOMPARE(month.matched, qint64(m_samples->all.size()));
}

void TestRulePreview::keepsAtMostTheIdsAskedFor()
{
    const RulePreviewResult r =
        RulePreview(*m_history, m_renderer, *m_stage).run(rule(R"({"all":[]})"), {}, 3);
    QCOMPARE(r.ids.size(), 3);
    QVERIFY(r.matched > 3);
    QVERIFY(r.ids[0] > r.ids[1]); // newest first
}

void TestRulePreview::matchesWhatEvaluatingEachWholeMessageMatches_data()
{
    QTest::addColumn<QByteArray>("when");
    QTest::newRow("body reached only after a topic condition")
        << QByteArray(R"({"all":[{"field":"topic","op":"glob","value":"*.bodhi.update.comment"},)"
                      R"({"field":"body","path":"msg.comment.update.user.name","op":"==",)"
                      R"("value":"kalev"}]})");
    QTest::newRow("body or a service")
        << QByteArray(R"({"any":[{"field":"service","value":"bodhi"},)"
                      R"({"field":"body","path":"msg.build_id","op":"exists"}]})");
    QTest::newRow("not a body path")
        << QByteArray(R"({"not":{"field":"body","path":"msg.update","op":"exists"}})");
    QTest::newRow("body != after not by-me")
        << QByteArray(R"({"all":[{"not":{"field":"by-me"}},)"
                      R"({"field":"body","path":"msg.owner","op":"!=","value":"x"}]})");
    QTest::newRow("body != a string") << QByteArray(
        R"({"field":"body","path":"msg.comment.update.user.name","op":"!=","value":"kalev"})");
    QTest::newRow("body contains, in arrays and strings") << QByteArray(
        R"({"any":[{"field":"body","path":"msg.tags","op":"contains","value":"testing"},)"
        R"({"field":"body","path":"msg.fields","op":"contains","value":"pull_requests"},)"
        R"({"field":"body","path":"msg.comment.update.user.name","op":"contains",)"
        R"("value":"kal"}]})");
    QTest::newRow("by-me or mentions-me")
        << QByteArray(R"({"any":[{"field":"by-me"},{"field":"mentions-me"}]})");
    QTest::newRow("type, usernames, packages")
        << QByteArray(R"({"any":[{"field":"type","value":"bodhi/update.comment"},)"
                      R"({"field":"usernames","op":"any","value":["bowlofeggs","ralph"]},)"
                      R"({"field":"packages","op":"in","value":["kernel","firefox"]}]})");
    QTest::newRow("trust, bus, title, text")
        << QByteArray(R"({"all":[{"field":"trust","value":["trusted","broker-unsigned"]},)"
                      R"({"field":"bus","value":["demo","fedora"]},)"
                      R"({"any":[{"field":"title","op":"contains","value":"build"},)"
                      R"({"field":"text","op":"matches","value":"(?i)update"}]}]})");
}

// The preview reads only the columns a rule needs and parses a body only when the conditions
// that need none have not decided: the same matches as parsing every stored message whole and
// evaluating the rule on it (the preview's first way; a body that does not parse matches
// nothing), for rules of every kind of condition.
void TestRulePreview::matchesWhatEvaluatingEachWholeMessageMatches()
{
    QFETCH(QByteArray, when);
    const Rule r = rule(when);
    QVERIFY(r.when);
    HistoryQuery query;
    query.from = QDateTime::currentDateTimeUtc().addDays(-7);
    query.limit = 0;
    QString error;
    const QList<StoredMessage> stored = m_history->search(query, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    rules::RuleContext context = m_stage->context();
    context.now = QDateTime::currentDateTimeUtc();
    QList<qint64> expected;
    for (const StoredMessage &m : stored) {
        const std::optional<Envelope> e = m.toEnvelope();
        if (!e)
            continue;
        const RuleSubject subject { *e,
            m.rendering,
            m.topic,
            m_stage->catalog().typeOf(m.topic, m.rendering),
            std::nullopt,
            &m_renderer };
        if (r.when->evaluate(subject, context, nullptr, false) == RuleCondition::Result::True)
            expected.append(m.id);
    }
    QVERIFY(!expected.isEmpty());
    QVERIFY(expected.size() < stored.size());
    const RulePreviewResult result =
        RulePreview(*m_history, m_renderer, *m_stage).run(r, {}, int(stored.size()));
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.examined, qint64(stored.size()));
    QCOMPARE(result.matched, qint64(expected.size()));
    QCOMPARE(result.ids, expected);
}

// A stored body that is not JSON any more (the file edited, a disk error): the row is examined
// and matches no rule that reads bodies, also one decided before its body condition is reached
// (any: the topic matched); a rule without body conditions still matches it. A body whose
// strings are written with escapes matches as its parsed strings say (the preview's check of
// ==, != and contains on the body's text must not decide it).
void TestRulePreview::aBodyThatNoLongerParsesMatchesNothing()
{
    QTemporaryDir dir;
    HistoryOptions options;
    options.databasePath = dir.filePath(QStringLiteral("broken.sqlite"));
    options.commitDelay = std::chrono::milliseconds(0);
    History history(options);
    const test::RuleSample *comment = m_samples->topic(QStringLiteral(".bodhi.update.comment"));
    QVERIFY(comment);
    QList<HistoryRecord> records;
    for (int i = 0; i < 3; ++i) {
        JsonValue body = comment->envelope.body();
        body.insert("msg_id", JsonValue(QStringLiteral("broken-%1").arg(i)));
        Envelope e(comment->envelope.transport(), body);
        e.setBusName(comment->envelope.busName());
        e.setTrust(comment->envelope.trust(), comment->envelope.trustReason());
        e.setReceivedAt(QDateTime::currentDateTimeUtc());
        records.append(HistoryRecord { e, comment->rendering, {}, {} });
    }
    QSignalSpy stored(&history, &History::stored);
    history.store(records);
    QVERIFY(stored.wait(20000));
    const QList<StoredMessage> rows = history.search(HistoryQuery {});
    QCOMPARE(rows.size(), 3);
    const qint64 broken = rows[0].id;
    const qint64 whole = rows[1].id;
    const qint64 escaped = rows[2].id;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("breaker"));
        db.setDatabaseName(options.databasePath);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.prepare(QStringLiteral("UPDATE messages SET body = ? WHERE id = ?")));
        q.addBindValue(QByteArray(R"({"topic": "org.fedoraproject.prod.bodhi.update.comment",)"));
        q.addBindValue(broken);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        // Valid JSON whose strings are written with escapes (not as History writes them).
        q.addBindValue(QByteArray(R"({"topic":"org.fedoraproject.prod.bodhi.update.comment",)"
                                  R"("msg":{"who":"\u006balev","list":["k\u0061lev"]}})"));
        q.addBindValue(escaped);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("breaker"));
    QVERIFY(!history.message(broken)->toEnvelope());
    QVERIFY(history.message(escaped)->toEnvelope());
    const RulePreview preview(history, m_renderer, *m_stage);
    const QByteArray topic =
        R"({"field":"topic","value":"org.fedoraproject.prod.bodhi.update.comment"})";
    const auto body = [](const char *path, const char *op) -> QByteArray {
        return QByteArray(R"({"field":"body","path":")") + path + R"(","op":")" + op
            + R"(","value":"kalev"})";
    };
    const QList<std::pair<QByteArray, QList<qint64>>> cases {
        { topic, { broken, whole, escaped } },
        { "{\"all\":[" + topic + R"(,{"field":"body","path":"msg","op":"exists"}]})",
            { whole, escaped } },
        { "{\"any\":[" + topic + R"(,{"field":"body","path":"nothing","op":"exists"}]})",
            { whole, escaped } },
        { R"({"not":{"field":"body","path":"nothing","op":"exists"}})", { whole, escaped } },
        // Strings compared before the body is parsed: the escaped body's are not its text.
        { body("msg.who", "=="), { escaped } },
        { body("msg.who", "!="), { whole } },
        { body("msg.list", "contains"), { escaped } },
        { "{\"not\":" + body("msg.who", "==") + "}", { whole } },
    };
    for (const auto &[when, ids] : cases) {
        const RulePreviewResult result = preview.run(rule(when));
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.examined, qint64(3));
        QVERIFY2(result.ids == ids, when.constData());
    }
}

QTEST_GUILESS_MAIN(TestRulePreview)
#include "TestRulePreview.moc"
