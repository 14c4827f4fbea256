// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "RuleSamples.h"
#include "rules/MessageTypeCatalog.h"
#include "rules/RuleExplainer.h"
#include "rules/RuleSet.h"
#include "rules/RuleSubject.h"
#include "rules/RulesStage.h"

#include <QJsonDocument>
#include <QTest>

using namespace fedmsg;
using namespace fedmsg::rules;

namespace {
QByteArray document(
    const QByteArray &rules, const QByteArray &defaultAction = "{\"action\":\"history\"}")
{
    return "{\"format\":\"fedmsg-notify-rules\",\"version\":1,\"default\":" + defaultAction
        + ",\"rules\":[" + rules + "]}";
}
QByteArray oneRule(const QByteArray &when, const QByteArray &then = "{\"action\":\"notify\"}")
{
    return "{\"name\":\"R\",\"when\":" + when + ",\"then\":" + then + "}";
}
} // namespace

class TestRuleSet : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void conditions_data();
    void conditions();
    void actions_data();
    void actions();
    void firstMatchDecidesInOrder();
    void invalidRulesAreRefusedNamingRuleFieldAndProblem_data();
    void invalidRulesAreRefusedNamingRuleFieldAndProblem();
    void documentsThatAreNotRuleFilesAreRefused_data();
    void documentsThatAreNotRuleFilesAreRefused();
    void exportImportRoundTrip();
    void untrustedPopsUpOnlyThroughARuleThatNamesIt();
    void untrustedPolicyHidesKeepsOrShows();
    void explainSaysConditionByCondition();
    void storedDecisionRoundTripAndSentence();
    void packageSetNotReadySaysSo();
    void catalogAndToggles();

private:
    RuleDecision decide(const RuleSet &set,
        const test::RuleSample &s,
        const QString &account,
        RuleExplanation *explanation = nullptr) const
    {
        RulesStage stage(m_catalog);
        stage.setRules(set);
        stage.setContext(RuleContext { account, &m_packages, m_now });
        if (explanation)
            *explanation = stage.explain(s.envelope, s.rendering, s.agent);
        return stage.decide(s.envelope, s.rendering, s.agent);
    }

    Renderer m_renderer { Renderer::builtinDataFile() };
    std::shared_ptr<MessageTypeCatalog> m_catalog;
    std::unique_ptr<test::RuleSamples> m_samples;
    test::FixedPackageSets m_packages;
    QDateTime m_now = QDateTime(QDate(2026, 12, 5), QTime(12, 0), Qt::UTC);
};

void TestRuleSet::initTestCase()
{
    m_catalog = std::make_shared<MessageTypeCatalog>(m_renderer);
    m_samples = std::make_unique<test::RuleSamples>(m_renderer);
    QVERIFY2(m_samples->loadError.isEmpty(), qPrintable(m_samples->loadError));
    QVERIFY(m_samples->all.size() > 100);
    using P = test::FixedPackageSets;
    m_packages.maintained.insert(
        QStringLiteral("kalev"), P::ready({ QStringLiteral("xdg-desktop-portal") }));
    m_packages.maintained.insert(QStringLiteral("alice"), P::ready({ QStringLiteral("vim") }));
    m_packages.maintained.insert(
        QStringLiteral("@gnome-sig"), P::ready({ QStringLiteral("xdg-desktop-portal") }));
    m_packages.maintained.insert(QStringLiteral("@loading"), packages::PackageSetView {});
    m_packages.installedView =
        P::ready({ QStringLiteral("xdg-desktop-portal"), QStringLiteral("bash") });
    // The sample most cases use: kalev comments on his update of xdg-desktop-portal.
    const test::RuleSample *s = m_samples->topic(QStringLiteral("prod.bodhi.update.comment"));
    QVERIFY(s);
    QCOMPARE(s->agent, QStringLiteral("kalev"));
    QVERIFY(s->rendering.usernames.contains(QStringLiteral("kalev")));
    QCOMPARE(s->rendering.packages, QStringList { QStringLiteral("xdg-desktop-portal") });
}

// Every condition, on the real bodhi comment sample: '+' matches, '-' does not, '?' cannot be
// known (and then the rule does not match either).
void TestRuleSet::conditions_data()
{
    QTest::addColumn<QByteArray>("when");
    QTest::addColumn<QString>("account");
    QTest::addColumn<char>("expected");
    const QString kalev = QStringLiteral("kalev");
    const QString alice = QStringLiteral("alice");
    auto row = [](const char *name, const QByteArray &when, const QString &account, char expected) {
        QTest::newRow(name) << when << account << expected;
    };
    row("topic exact",
        R"({"field":"topic","op":"exact","value":"org.fedoraproject.prod.bodhi.update.comment"})",
        {},
        '+');
    row("topic exact is whole",
        R"({"field":"topic","op":"exact","value":"bodhi.update.comment"})",
        {},
        '-');
    row("topic exact is default op",
        R"({"field":"topic","value":"org.fedoraproject.prod.bodhi.update.comment"})",
        {},
        '+');
    row("topic prefix",
        R"({"field":"topic","op":"prefix","value":"org.fedoraproject.prod.bodhi"})",
        {},
        '+');
    row("topic prefix no",
        R"({"field":"topic","op":"prefix","value":"org.fedoraproject.stg"})",
        {},
        '-');
    row("topic glob", R"({"field":"topic","op":"glob","value":"*.bodhi.update.*"})", {}, '+');
    row("topic glob anchored",
        R"({"field":"topic","op":"glob","value":"bodhi.update.*"})",
        {},
        '-');
    row("topic glob ?",
        R"({"field":"topic","op":"glob","value":"org.fedoraproject.pro?.bodhi.update.comment"})",
        {},
        '+');
    row("topic regex",
        R"j({"field":"topic","op":"regex","value":"bodhi\\.update\\.(comment|karma)"})j",
        {},
        '+');
    row("topic regex no", R"({"field":"topic","op":"regex","value":"^bodhi"})", {}, '-');
    row("service list", R"({"field":"service","value":["copr","bodhi"]})", {}, '+');
    row("service no", R"({"field":"service","value":"wiki"})", {}, '-');
    row("type kind", R"({"field":"type","value":"bodhi/update.comment"})", {}, '+');
    row("type service", R"({"field":"type","value":"bodhi"})", {}, '+');
    row("type other kind", R"({"field":"type","value":"bodhi/update.karma.threshold"})", {}, '-');
    row("bus", R"({"field":"bus","value":"demo"})", {}, '+');
    row("bus no", R"({"field":"bus","value":["fedora"]})", {}, '-');
    row("trust", R"({"field":"trust","value":"trusted"})", {}, '+');
    row("trust no", R"({"field":"trust","value":["untrusted","broker-unsigned"]})", {}, '-');
    row("usernames any", R"({"field":"usernames","op":"any","value":["nobody","kalev"]})", {}, '+');
    row("usernames any no", R"({"field":"usernames","value":["nobody"]})", {}, '-');
    row("usernames all", R"({"field":"usernames","op":"all","value":["kalev"]})", {}, '+');
    row("usernames all no",
        R"({"field":"usernames","op":"all","value":["kalev","nobody"]})",
        {},
        '-');
    row("by-me", R"({"field":"by-me"})", kalev, '+');
    row("by-me other", R"({"field":"by-me"})", alice, '-');
    row("by-me no account", R"({"field":"by-me"})", {}, '?');
    row("mentions-me", R"({"field":"mentions-me"})", kalev, '+');
    row("mentions-me other", R"({"field":"mentions-me"})", alice, '-');
    row("mentions-me no account", R"({"field":"mentions-me"})", {}, '?');
    row("packages in",
        R"({"field":"packages","op":"in","value":["vim","xdg-desktop-portal"]})",
        {},
        '+');
    row("packages in no", R"({"field":"packages","value":"vim"})", {}, '-');
    row("maintained by me", R"({"field":"packages","op":"maintained-by-me"})", kalev, '+');
    row("maintained by me no", R"({"field":"packages","op":"maintained-by-me"})", alice, '-');
    row("maintained by me unknown account",
        R"({"field":"packages","op":"maintained-by-me"})",
        QStringLiteral("bob"),
        '?');
    row("maintained by me no account", R"({"field":"packages","op":"maintained-by-me"})", {}, '?');
    row("maintained by group",
        R"({"field":"packages","op":"maintained-by","value":["alice","@gnome-sig"]})",
        {},
        '+');
    row("maintained by no",
        R"({"field":"packages","op":"maintained-by","value":"alice"})",
        {},
        '-');
    row("maintained by loading",
        R"({"field":"packages","op":"maintained-by","value":["alice","@loading"]})",
        {},
        '?');
    row("installed", R"({"field":"packages","op":"installed"})", {}, '+');
    row("body ==",
        R"({"field":"body","path":"msg.comment.update.user.name","op":"==","value":"kalev"})",
        {},
        '+');
    row("body == number",
        R"({"field":"body","path":"msg.comment.karma","op":"==","value":0})",
        {},
        '+');
    row("body == type differs",
        R"({"field":"body","path":"msg.comment.karma","op":"==","value":"0"})",
        {},
        '-');
    row("body !=",
        R"({"field":"body","path":"msg.comment.update.user.name","op":"!=","value":"kalev"})",
        {},
        '-');
    row("body != missing",
        R"({"field":"body","path":"msg.nothing","op":"!=","value":"kalev"})",
        {},
        '+');
    row("body exists", R"({"field":"body","path":"msg.comment.karma","op":"exists"})", {}, '+');
    row("body exists no",
        R"({"field":"body","path":"msg.comment.nothing","op":"exists"})",
        {},
        '-');
    row("body index",
        R"({"field":"body","path":"msg.comment.update.builds[0].nvr","op":"contains","value":"xdg-desktop"})",
        {},
        '+');
    row("body index out of range",
        R"({"field":"body","path":"msg.comment.update.builds[5].nvr","op":"exists"})",
        {},
        '-');
    row("body array contains",
        R"({"field":"body","path":"msg.comment.bug_feedback","op":"contains","value":"x"})",
        {},
        '-');
    row("body matches",
        R"({"field":"body","path":"msg.comment.update.alias","op":"matches","value":"^FEDORA-20[0-9]{2}-"})",
        {},
        '+');
    row("body <", R"({"field":"body","path":"msg.comment.karma","op":"<","value":1})", {}, '+');
    row("body >", R"({"field":"body","path":"msg.comment.karma","op":">","value":0})", {}, '-');
    row("title contains", R"({"field":"title","op":"contains","value":"BODHI.update"})", {}, '+');
    row("title matches", R"({"field":"title","op":"matches","value":"^copr"})", {}, '-');
    row("text contains", R"({"field":"text","value":"kalev"})", {}, '+');
    row("text matches", R"({"field":"text","op":"matches","value":"comment"})", {}, '+');
    row("all",
        R"({"all":[{"field":"service","value":"bodhi"},{"field":"mentions-me"}]})",
        kalev,
        '+');
    row("all one false",
        R"({"all":[{"field":"service","value":"bodhi"},{"field":"mentions-me"}]})",
        alice,
        '-');
    row("any",
        R"({"any":[{"field":"service","value":"wiki"},{"field":"service","value":"bodhi"}]})",
        {},
        '+');
    row("any none",
        R"({"any":[{"field":"service","value":"wiki"},{"field":"service","value":"copr"}]})",
        {},
        '-');
    row("not", R"({"not":{"field":"service","value":"wiki"}})", {}, '+');
    row("nested except mine",
        R"({"all":[{"any":[{"field":"service","value":"wiki"},{"field":"service","value":"bodhi"}]},{"not":{"field":"by-me"}}]})",
        kalev,
        '-');
    row("nested except mine other",
        R"({"all":[{"any":[{"field":"service","value":"wiki"},{"field":"service","value":"bodhi"}]},{"not":{"field":"by-me"}}]})",
        alice,
        '+');
    row("not unknown stays unknown", R"({"not":{"field":"by-me"}})", {}, '?');
    row("any true beats unknown",
        R"({"any":[{"field":"by-me"},{"field":"service","value":"bodhi"}]})",
        {},
        '+');
    row("all false beats unknown",
        R"({"all":[{"field":"by-me"},{"field":"service","value":"wiki"}]})",
        {},
        '-');
    row("empty all matches", R"({"all":[]})", {}, '+');
}

void TestRuleSet::conditions()
{
    QFETCH(QByteArray, when);
    QFETCH(QString, account);
    QFETCH(char, expected);
    QList<RuleError> errors;
    const std::optional<RuleSet> set =
        RuleSet::fromJson(document(oneRule(when)), m_catalog.get(), &errors);
    QVERIFY(set);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).toString()));
    QCOMPARE(set->rules.size(), 1);
    const test::RuleSample &s = *m_samples->topic(QStringLiteral("prod.bodhi.update.comment"));
    RuleExplanation e;
    const RuleDecision d = decide(*set, s, account, &e);
    QCOMPARE(d.why == RuleDecision::Why::Rule, expected == '+');
    QCOMPARE(
        d.decisionName(), expected == '+' ? QStringLiteral("notify") : QStringLiteral("history"));
    QCOMPARE(e.traces.size(), 1);
    QCOMPARE(char(e.traces[0].outcomes.at(0).state), expected);
    QCOMPARE(e.decision, d);
    if (expected == '+')
        QCOMPARE(d.outcomes.at(0), '+');
}

void TestRuleSet::actions_data()
{
    QTest::addColumn<QByteArray>("then");
    QTest::addColumn<QString>("decision");
    QTest::addColumn<QString>("words");
    QTest::newRow("notify") << QByteArray(R"({"action":"notify"})") << "notify"
                            << "notify";
    QTest::newRow("critical sticky")
        << QByteArray(R"({"action":"notify","urgency":"critical","sticky":true})") << "notify"
        << "notify (critical, sticky)";
    QTest::newRow("low timeout") << QByteArray(
        R"({"action":"notify","urgency":"low","timeout":5000})")
                                 << "notify"
                                 << "notify (low, 5 s)";
    QTest::newRow("history") << QByteArray(R"({"action":"history"})") << "history"
                             << "history only";
    QTest::newRow("drop") << QByteArray(R"({"action":"drop"})") << "drop"
                          << "drop";
    QTest::newRow("digest") << QByteArray(R"({"action":"digest"})") << "digest"
                            << "digest";
    QTest::newRow("mute until later")
        << QByteArray(R"({"action":"mute","until":"2026-12-06T00:00:00Z"})") << "mute"
        << "mute until 2026-12-06 00:00 UTC";
    // A mute that has ended passes the message on: here to the default (notify).
    QTest::newRow("mute ended") << QByteArray(R"({"action":"mute","until":"2026-12-05T11:59:00Z"})")
                                << "notify"
                                << "notify";
}

void TestRuleSet::actions()
{
    QFETCH(QByteArray, then);
    QFETCH(QString, decision);
    QFETCH(QString, words);
    QList<RuleError> errors;
    const auto set = RuleSet::fromJson(
        document(oneRule(R"({"field":"service","value":"bodhi"})", then), R"({"action":"notify"})"),
        m_catalog.get(),
        &errors);
    QVERIFY(set && errors.isEmpty());
    const RuleDecision d =
        decide(*set, *m_samples->topic(QStringLiteral("prod.bodhi.update.comment")), {});
    QCOMPARE(d.decisionName(), decision);
    QCOMPARE(RuleExplainer::actionText(d.action), words);
    // The action reads back as written.
    QString field;
    QString problem;
    const auto written = set->rules[0].action.toJson();
    QCOMPARE(RuleAction::fromJson(written, &field, &problem), set->rules[0].action);
}

void TestRuleSet::firstMatchDecidesInOrder()
{
    const QByteArray bodhi = R"({"field":"service","value":"bodhi"})";
    const QByteArray rules = "{\"name\":\"first\",\"when\":" + bodhi
        + ",\"then\":{\"action\":\"digest\"}},{\"name\":\"second\",\"when\":" + bodhi
        + ",\"then\":{\"action\":\"drop\"}},{\"name\":\"wiki\",\"when\":{\"field\":\"service\","
          "\"value\":\"wiki\"},\"then\":{\"action\":\"notify\"}}";
    QList<RuleError> errors;
    auto set = RuleSet::fromJson(document(rules), m_catalog.get(), &errors);
    QVERIFY(set && errors.isEmpty());
    const test::RuleSample &comment =
        *m_samples->topic(QStringLiteral("prod.bodhi.update.comment"));
    RuleDecision d = decide(*set, comment, {});
    QCOMPARE(d.ruleId, QStringLiteral("first"));
    QCOMPARE(d.ruleIndex, 0);
    QCOMPARE(d.decisionName(), QStringLiteral("digest"));
    set->rules[0].enabled = false; // a switched-off rule is passed over
    d = decide(*set, comment, {});
    QCOMPARE(d.ruleId, QStringLiteral("second"));
    QCOMPARE(d.decisionName(), QStringLiteral("drop"));
    // Nothing matches a copr build: the default decides.
    d = decide(*set, *m_samples->topic(QStringLiteral("copr.build.end")), {});
    QCOMPARE(d.why, RuleDecision::Why::Default);
    QVERIFY(d.ruleId.isEmpty());
    QCOMPARE(d.decisionName(), QStringLiteral("history"));
    // A rule without a condition matches everything.
    RuleError error;
    const std::optional<Rule> all = Rule::fromJson(
        QJsonDocument::fromJson(R"({"name":"all","then":{"action":"drop"}})").object(),
        0,
        nullptr,
        &error);
    QVERIFY(all);
    set->rules.prepend(*all);
    QCOMPARE(decide(*set, comment, {}).ruleId, QStringLiteral("all"));
}

void TestRuleSet::invalidRulesAreRefusedNamingRuleFieldAndProblem_data()
{
    QTest::addColumn<QByteArray>("rule");
    QTest::addColumn<QString>("ruleName");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("problem");
    auto row = [](const char *name,
                   const QByteArray &rule,
                   const char *ruleName,
                   const char *field,
                   const char *problem) {
        QTest::newRow(name) << rule << QString::fromUtf8(ruleName) << QString::fromUtf8(field)
                            << QString::fromUtf8(problem);
    };
    row("bad regex",
        oneRule(R"({"field":"topic","op":"regex","value":"bodhi("})"),
        "R",
        "when.value",
        "bad regex: missing closing parenthesis");
    row("bad glob-free regex in text",
        oneRule(R"({"field":"text","op":"matches","value":"[a-"})"),
        "R",
        "when.value",
        "bad regex");
    row("bad body regex",
        oneRule(R"({"field":"body","path":"msg.a","op":"matches","value":"*"})"),
        "R",
        "when.value",
        "bad regex");
    row("unknown field",
        oneRule(R"({"field":"colour","value":"red"})"),
        "R",
        "when.field",
        "unknown field 'colour'");
    row("no field", oneRule(R"({"value":"red"})"), "R", "when", "a condition needs \"field\"");
    row("unknown service",
        oneRule(R"({"field":"service","value":["bodhi","nosuch"]})"),
        "R",
        "when.value",
        "unknown service 'nosuch'");
    row("unknown service in type",
        oneRule(R"({"field":"type","value":"nosuch/x.y"})"),
        "R",
        "when.value",
        "unknown service 'nosuch'");
    row("bad JSON path empty member",
        oneRule(R"({"field":"body","path":"msg..user","op":"exists"})"),
        "R",
        "when.path",
        "bad JSON path 'msg..user': an empty member name");
    row("bad JSON path index",
        oneRule(R"({"field":"body","path":"msg.builds[x]","op":"exists"})"),
        "R",
        "when.path",
        "bad JSON path 'msg.builds[x]'");
    row("bad JSON path missing",
        oneRule(R"({"field":"body","op":"exists"})"),
        "R",
        "when.path",
        "bad JSON path '': missing");
    row("unknown action",
        oneRule(R"({"field":"service","value":"bodhi"})", R"({"action":"shout"})"),
        "R",
        "then.action",
        "unknown action 'shout'");
    row("no action", "{\"name\":\"R\"}", "R", "then", "missing");
    row("bad urgency",
        oneRule(
            R"({"field":"service","value":"bodhi"})", R"({"action":"notify","urgency":"loud"})"),
        "R",
        "then.urgency",
        "unknown urgency");
    row("sticky with timeout",
        oneRule(R"({"field":"service","value":"bodhi"})",
            R"({"action":"notify","sticky":true,"timeout":5})"),
        "R",
        "then.timeout",
        "a sticky notification has no timeout");
    row("mute without time",
        oneRule(
            R"({"field":"service","value":"bodhi"})", R"({"action":"mute","until":"tomorrow"})"),
        "R",
        "then.until",
        "must be a date and time");
    row("unknown op",
        oneRule(R"({"field":"topic","op":"contains","value":"x"})"),
        "R",
        "when.op",
        "op 'contains' does not apply to topic");
    row("unknown op name",
        oneRule(R"({"field":"topic","op":"~=","value":"x"})"),
        "R",
        "when.op",
        "unknown op '~='");
    row("unknown trust",
        oneRule(R"({"field":"trust","value":"signed"})"),
        "R",
        "when.value",
        "unknown trust state 'signed'");
    row("empty list",
        oneRule(R"({"field":"usernames","value":[]})"),
        "R",
        "when.value",
        "must be a string or a list of strings");
    row("body compare to list",
        oneRule(R"({"field":"body","path":"msg.a","op":"==","value":[1]})"),
        "R",
        "when.value",
        "must be a string, number");
    row("body < string",
        oneRule(R"({"field":"body","path":"msg.a","op":"<","value":"3"})"),
        "R",
        "when.value",
        "must be a number");
    row("unknown key in condition",
        oneRule(R"({"field":"topic","value":"a","colour":1})"),
        "R",
        "when.colour",
        "unknown key for field topic");
    row("all with another key",
        oneRule(R"({"all":[],"field":"topic"})"),
        "R",
        "when",
        "\"all\" must be the only key");
    row("nested",
        oneRule(R"({"all":[{"field":"topic","value":"a"},{"not":{"field":"x"}}]})"),
        "R",
        "when.all[1].not.field",
        "unknown field 'x'");
    row("no name", R"({"then":{"action":"notify"}})", "#2", "name", "missing or empty");
    row("unknown rule key",
        R"({"name":"R","then":{"action":"notify"},"colour":1})",
        "R",
        "colour",
        "unknown key");
    row("bad revision",
        R"({"name":"R","revision":0,"then":{"action":"notify"}})",
        "R",
        "revision",
        "must be a whole number");
    row("duplicate id",
        R"({"name":"R","then":{"action":"notify"}},{"name":"R","then":{"action":"drop"}})",
        "R",
        "id",
        "another rule already has the id 'r'");
}

void TestRuleSet::invalidRulesAreRefusedNamingRuleFieldAndProblem()
{
    QFETCH(QByteArray, rule);
    QFETCH(QString, ruleName);
    QFETCH(QString, field);
    QFETCH(QString, problem);
    // A good rule beside the bad one is kept.
    const QByteArray good = R"({"name":"good","then":{"action":"drop"}})";
    QList<RuleError> errors;
    const auto set = RuleSet::fromJson(document(good + "," + rule), m_catalog.get(), &errors);
    QVERIFY(set);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors[0].rule, ruleName);
    QCOMPARE(errors[0].field, field);
    QVERIFY2(errors[0].problem.startsWith(problem), qPrintable(errors[0].problem));
    QVERIFY(errors[0].toString().contains(QStringLiteral("rule '%1'").arg(ruleName)));
    QVERIFY(set->rule(QStringLiteral("good")));
}

void TestRuleSet::documentsThatAreNotRuleFilesAreRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("problem");
    QTest::newRow("not JSON") << QByteArray("{\"format\":\n  oops}") << QString()
                              << "not JSON: illegal number at line 2, column 3";
    QTest::newRow("array") << QByteArray("[]") << QString() << "the document must be a JSON object";
    QTest::newRow("format") << QByteArray(R"({"format":"dunstrc","version":1,"rules":[]})")
                            << "format"
                            << "must be \"fedmsg-notify-rules\"";
    QTest::newRow("newer version")
        << QByteArray(R"({"format":"fedmsg-notify-rules","version":2,"rules":[]})") << "version"
        << "version 2 is not one this program reads (1 to 1)";
    QTest::newRow("no rules") << QByteArray(R"({"format":"fedmsg-notify-rules","version":1})")
                              << "rules"
                              << "must be a list of rules";
    QTest::newRow("bad default") << document({}, R"({"action":"maybe"})") << "default.action"
                                 << "unknown action 'maybe'";
}

void TestRuleSet::documentsThatAreNotRuleFilesAreRefused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    QFETCH(QString, problem);
    QList<RuleError> errors;
    QVERIFY(!RuleSet::fromJson(json, m_catalog.get(), &errors));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors[0].field, field);
    QVERIFY2(errors[0].problem.startsWith(problem), qPrintable(errors[0].problem));
}

void TestRuleSet::exportImportRoundTrip()
{
    const QByteArray rules = R"({"id":"mine","revision":4,"name":"My builds","enabled":false,
        "when":{"all":[{"field":"topic","op":"glob","value":"*.buildsys.build.state.change"},
          {"field":"packages","op":"maintained-by-me"},{"not":{"field":"by-me"}},
          {"any":[{"field":"body","path":"msg.new","op":"==","value":1},
                  {"field":"body","path":"msg.owner","op":"exists"},
                  {"field":"usernames","op":"all","value":["a","b"]},
                  {"field":"packages","op":"maintained-by","value":"@python-sig"},
                  {"field":"packages","op":"installed"},{"field":"trust","value":["trusted","unchecked"]},
                  {"field":"type","value":"bodhi/update.comment"},{"field":"bus","value":"fedora"},
                  {"field":"title","op":"matches","value":"x+"},{"field":"text","op":"contains","value":"y"},
                  {"field":"mentions-me"},{"field":"packages","op":"in","value":["p","q"]}]}]},
        "then":{"action":"notify","urgency":"critical","timeout":2500}},
        {"name":"Mute anitya","when":{"field":"service","value":"anitya"},"then":{"action":"mute","until":"2026-12-06T00:00:00Z"}})";
    QList<RuleError> errors;
    const auto set =
        RuleSet::fromJson(document(rules, R"({"action":"digest"})"), m_catalog.get(), &errors);
    QVERIFY(set);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).toString()));
    QCOMPARE(set->rules.size(), 2);
    QCOMPARE(set->rules[1].id, QStringLiteral("mute-anitya"));
    QCOMPARE(set->maintainers(), QStringList { QStringLiteral("@python-sig") });
    const QByteArray exported = set->toJson();
    const auto again = RuleSet::fromJson(exported, m_catalog.get(), &errors);
    QVERIFY(again && errors.isEmpty());
    QCOMPARE(again->toJson(), exported);
    QCOMPARE(again->toJson(false), set->toJson(false));
    QCOMPARE(again->defaultAction.kind, RuleAction::Kind::Digest);
    QCOMPARE(again->rules[0].revision, 4);
    QVERIFY(!again->rules[0].enabled);
    QCOMPARE(again->rules[0].conditionCount(), 18);
}

void TestRuleSet::untrustedPopsUpOnlyThroughARuleThatNamesIt()
{
    test::RuleSample forged = *m_samples->topic(QStringLiteral("prod.bodhi.update.comment"));
    forged.envelope.setTrust(TrustState::Untrusted, QStringLiteral("signature invalid"));
    QList<RuleError> errors;
    // Everything notifies: but not the untrusted copy.
    auto set = RuleSet::fromJson(
        document(oneRule(R"({"field":"service","value":"bodhi"})"), R"({"action":"notify"})"),
        m_catalog.get(),
        &errors);
    QVERIFY(set);
    RuleDecision d = decide(*set, forged, {});
    QCOMPARE(d.decisionName(), QStringLiteral("history"));
    QCOMPARE(d.why, RuleDecision::Why::Untrusted);
    QCOMPARE(d.asked, RuleAction::Kind::Notify);
    QCOMPARE(d.ruleId, QStringLiteral("r"));
    // A negated trust condition does not count as asking for untrusted messages.
    set = RuleSet::fromJson(document(oneRule(R"({"not":{"field":"trust","value":"untrusted"}})")),
        m_catalog.get(),
        &errors);
    QCOMPARE(decide(*set, forged, {}).decisionName(), QStringLiteral("history"));
    // A rule that asks for them by name may pop them up (the notifier marks them unsigned).
    set = RuleSet::fromJson(
        document(oneRule(
            R"({"all":[{"field":"service","value":"bodhi"},{"field":"trust","value":["trusted","untrusted"]}]})")),
        m_catalog.get(),
        &errors);
    d = decide(*set, forged, {});
    QCOMPARE(d.decisionName(), QStringLiteral("notify"));
    QCOMPARE(d.why, RuleDecision::Why::Rule);
    QVERIFY(errors.isEmpty());
}

void TestRuleSet::untrustedPolicyHidesKeepsOrShows()
{
    test::RuleSample forged = *m_samples->topic(QStringLiteral("prod.bodhi.update.comment"));
    forged.envelope.setTrust(TrustState::Untrusted, QStringLiteral("no signature"));
    const test::RuleSample &signedCopy =
        *m_samples->topic(QStringLiteral("prod.bodhi.update.comment"));
    QList<RuleError> errors;
    auto set = RuleSet::fromJson(
        document(oneRule(R"({"field":"service","value":"bodhi"})"), R"({"action":"notify"})"),
        m_catalog.get(),
        &errors);
    QVERIFY(set);
    const auto decideWith = [&](UntrustedPolicy policy, const test::RuleSample &s) {
        RulesStage stage(m_catalog);
        stage.setRules(*set);
        RuleContext context { {}, &m_packages, m_now };
        context.untrusted = policy;
        stage.setContext(context);
        return stage.decide(s.envelope, s.rendering, s.agent);
    };
    RuleDecision d = decideWith(UntrustedPolicy::Hide, forged);
    QCOMPARE(d.action.kind, RuleAction::Kind::Drop);
    QCOMPARE(d.why, RuleDecision::Why::Untrusted);
    QCOMPARE(
        decideWith(UntrustedPolicy::HistoryOnly, forged).decisionName(), QStringLiteral("history"));
    d = decideWith(UntrustedPolicy::ShowMarked, forged);
    QCOMPARE(d.decisionName(), QStringLiteral("notify"));
    QCOMPARE(d.why, RuleDecision::Why::Rule);
    // The policy is for untrusted messages only.
    QCOMPARE(
        decideWith(UntrustedPolicy::Hide, signedCopy).decisionName(), QStringLiteral("notify"));
    QCOMPARE(
        untrustedPolicyFromName(untrustedPolicyName(UntrustedPolicy::Hide)), UntrustedPolicy::Hide);
    QCOMPARE(untrustedPolicyFromName(QStringLiteral("nonsense")), UntrustedPolicy::HistoryOnly);
}

void TestRuleSet::explainSaysConditionByCondition()
{
    const QByteArray rules =
        R"({"name":"Wiki","when":{"field":"service","value":"wiki"},"then":{"action":"drop"}},
        {"name":"My updates","when":{"all":[{"field":"topic","op":"glob","value":"*.bodhi.update.comment"},
        {"field":"packages","op":"maintained-by-me"},{"not":{"field":"by-me"}}]},"then":{"action":"notify"}})";
    QList<RuleError> errors;
    const auto set = RuleSet::fromJson(document(rules), m_catalog.get(), &errors);
    QVERIFY(set && errors.isEmpty());
    const test::RuleSample &s = *m_samples->topic(QStringLiteral("prod.bodhi.update.comment"));
    RuleExplanation e;
    decide(*set, s, QStringLiteral("kalev"), &e);
    QCOMPARE(e.decision.why, RuleDecision::Why::Default);
    QCOMPARE(RuleExplainer::lines(*set, e),
        (QStringList { QStringLiteral("rule 'Wiki': service is wiki ✗ → no match"),
            QStringLiteral(
                "rule 'My updates': topic matches *.bodhi.update.comment ✓, package in "
                "packages I maintain ✓ (xdg-desktop-portal), not (user is me ✓) ✗ → no match"),
            QStringLiteral("no rule matched, default → history only") }));
    // Someone else's comment on kalev's update, seen by kalev... and by alice, who does not
    // maintain it.
    test::FixedPackageSets &p = m_packages;
    p.maintained.insert(QStringLiteral("spot"),
        test::FixedPackageSets::ready({ QStringLiteral("xdg-desktop-portal") }));
    decide(*set, s, QStringLiteral("spot"), &e);
    QCOMPARE(RuleExplainer::sentence(*set, e),
        QStringLiteral(
            "rule 'My updates': topic matches *.bodhi.update.comment ✓, package in "
            "packages I maintain ✓ (xdg-desktop-portal), not (user is me ✗) ✓ → notify"));
    p.maintained.remove(QStringLiteral("spot"));
}

void TestRuleSet::storedDecisionRoundTripAndSentence()
{
    const QByteArray rules =
        R"({"name":"My updates","revision":2,"when":{"all":[{"field":"service","value":"bodhi"},
        {"not":{"field":"by-me"}}]},"then":{"action":"notify","urgency":"critical"}})";
    QList<RuleError> errors;
    auto set = RuleSet::fromJson(document(rules), m_catalog.get(), &errors);
    QVERIFY(set && errors.isEmpty());
    const test::RuleSample &s = *m_samples->topic(QStringLiteral("prod.bodhi.update.comment"));
    const RuleDecision d = decide(*set, s, QStringLiteral("alice"));
    QCOMPARE(d.outcomes, std::string("+++-"));
    const QString stored = d.toCompactJson();
    QVERIFY(stored.size() < 200);
    const std::optional<RuleDecision> back = RuleDecision::fromCompactJson(stored);
    QVERIFY(back);
    QCOMPARE(*back, d);
    QCOMPARE(RuleExplainer::sentence(*set, *back),
        QStringLiteral(
            "rule 'My updates': service is bodhi ✓, not (user is me ✗) ✓ → notify (critical)"));
    set->rules[0].revision = 3;
    QCOMPARE(RuleExplainer::sentence(*set, *back),
        QStringLiteral("rule 'My updates' (revision 2; changed since) → notify (critical)"));
    set->rules.clear();
    QCOMPARE(RuleExplainer::sentence(*set, *back),
        QStringLiteral("rule 'My updates' (since removed) → notify (critical)"));
    QVERIFY(!RuleDecision::fromCompactJson(QStringLiteral("builtin")));
}

void TestRuleSet::packageSetNotReadySaysSo()
{
    QList<RuleError> errors;
    const auto set = RuleSet::fromJson(
        document(oneRule(R"({"field":"packages","op":"installed"})")), m_catalog.get(), &errors);
    QVERIFY(set);
    const packages::PackageSetView keep = m_packages.installedView;
    m_packages.installedView = packages::PackageSetView {};
    RuleExplanation e;
    const test::RuleSample &s = *m_samples->topic(QStringLiteral("prod.bodhi.update.comment"));
    decide(*set, s, {}, &e);
    QCOMPARE(RuleExplainer::lines(*set, e).constFirst(),
        QStringLiteral("rule 'R': package installed here ? (the package list is not loaded yet) → "
                       "not known, passed over"));
    m_packages.installedView = test::FixedPackageSets::unavailable(
        QStringLiteral("neither rpm nor dpkg-query is installed"));
    decide(*set, s, {}, &e);
    QVERIFY(RuleExplainer::lines(*set, e).constFirst().contains(
        QStringLiteral("(neither rpm nor dpkg-query is installed)")));
    // Without any package sources at all.
    RulesStage stage(m_catalog);
    stage.setRules(*set);
    e = stage.explain(s.envelope, s.rendering, s.agent);
    QVERIFY(
        RuleExplainer::lines(*set, e).constFirst().contains(QStringLiteral("no package sources")));
    m_packages.installedView = keep;
}

void TestRuleSet::catalogAndToggles()
{
    const MessageTypeCatalog &catalog = *m_catalog;
    QVERIFY(catalog.services().size() > 40);
    QVERIFY(catalog.hasService(QStringLiteral("bodhi")));
    QVERIFY(!catalog.hasService(QStringLiteral("nosuch")));
    const MessageType bodhi = catalog.type(QStringLiteral("bodhi"));
    QCOMPARE(bodhi.label, QStringLiteral("Package Updates"));
    QVERIFY(!bodhi.description.isEmpty());
    QVERIFY(bodhi.icon.endsWith(QStringLiteral("bodhi.png")));
    QStringList kinds;
    for (const MessageType &t : catalog.kinds(QStringLiteral("bodhi")))
        kinds << t.kind;
    QVERIFY2(kinds.contains(QStringLiteral("update.comment")), qPrintable(kinds.join(u',')));
    const MessageType comment = catalog.type(QStringLiteral("bodhi/update.comment"));
    QCOMPARE(comment.service, QStringLiteral("bodhi"));
    QCOMPARE(comment.icon, bodhi.icon);
    QCOMPARE(comment.label, QStringLiteral("update comment"));
    // Both buses give a message the same type.
    const test::RuleSample &fedmsg =
        *m_samples->topic(QStringLiteral("prod.buildsys.build.state.change"));
    const test::RuleSample *amqp = nullptr;
    for (const test::RuleSample &s : m_samples->all)
        if (s.envelope.transport() == Envelope::Transport::Amqp
            && s.envelope.topic().endsWith(QStringLiteral("buildsys.build.state.change")))
            amqp = &s;
    if (!amqp)
        QFAIL("no fedora-messaging buildsys.build.state.change sample");
    QCOMPARE(catalog.typeOf(fedmsg.envelope.topic(), fedmsg.rendering),
        QStringLiteral("buildsys/build.state.change"));
    QCOMPARE(catalog.typeOf(amqp->envelope.topic(), amqp->rendering),
        QStringLiteral("buildsys/build.state.change"));

    // Toggles: a type that is off is stored, not popped up.
    RulesStage stage(m_catalog);
    const test::RuleSample &s = *m_samples->topic(QStringLiteral("prod.bodhi.update.comment"));
    QCOMPARE(
        stage.decide(s.envelope, s.rendering, s.agent).decisionName(), QStringLiteral("notify"));
    stage.setToggles(MessageTypeToggles({ QStringLiteral("bodhi/update.comment") }));
    RuleDecision d = stage.decide(s.envelope, s.rendering, s.agent);
    QCOMPARE(d.decisionName(), QStringLiteral("history"));
    QCOMPARE(d.why, RuleDecision::Why::TypeOff);
    QCOMPARE(RuleExplainer::sentence(stage.rules(), d),
        QStringLiteral("no rule matched, default → notify, but message type bodhi/update.comment "
                       "is switched off → history only"));
    stage.setToggles(
        MessageTypeToggles({ QStringLiteral("bodhi") })); // a former disabledServices entry
    QCOMPARE(stage.decide(s.envelope, s.rendering, s.agent).why, RuleDecision::Why::TypeOff);
    stage.setToggles(MessageTypeToggles(
        { QStringLiteral("bodhi/update.karma.threshold"), QStringLiteral("wiki") }));
    QCOMPARE(
        stage.decide(s.envelope, s.rendering, s.agent).decisionName(), QStringLiteral("notify"));
    MessageTypeToggles t;
    t.setOn(QStringLiteral("wiki"), false);
    t.setOn(QStringLiteral("copr"), false);
    t.setOn(QStringLiteral("wiki"), true);
    QCOMPARE(t.off(), QStringList { QStringLiteral("copr") });
}

QTEST_GUILESS_MAIN(TestRuleSet)
#include "TestRuleSet.moc"
