// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "RuleSamples.h"
#include "engine/RulePreview.h"
#include "history/History.h"

#include <QJsonDocument>
#include <QSignalSpy>
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

QTEST_GUILESS_MAIN(TestRulePreview)
#include "TestRulePreview.moc"
