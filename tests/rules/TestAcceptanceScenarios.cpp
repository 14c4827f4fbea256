// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Issue 15's acceptance scenarios, on real sample messages (the demo bus's fedmsg envelopes and
// the public fedora-messaging corpus), with the rule file fedmsg-tail --rules reads in
// TestTailRules (tests/rules/data/acceptance-rules.json).
#include "RuleSamples.h"
#include "rules/RuleFile.h"
#include "rules/RulesStage.h"
#include "rules/StarterRules.h"

#include <QTest>

using namespace fedmsg;
using namespace fedmsg::rules;

class TestAcceptanceScenarios : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void kojiBuildsOfMyPackagesExceptMine();
    void commentsOnMyBodhiUpdatesAreCritical();
    void nothingFromTheWiki();
    void everythingUntrustedToHistoryOnly();
    void coprBuildsGoToTheDigest();
    void anityaIsMutedUntilTomorrow();
    void freshProfilePopsUpNothing();
    void starterRulesPopUpExactlyWhatIsAboutMe();

private:
    RuleDecision decide(const test::RuleSample &s, const QString &account) const
    {
        RulesStage stage(m_catalog);
        stage.setRules(m_rules);
        stage.setContext(RuleContext { account, &m_packages, m_now });
        return stage.decide(s.envelope, s.rendering, s.agent);
    }
    QList<const test::RuleSample *> withTopic(const QString &part) const
    {
        QList<const test::RuleSample *> out;
        for (const test::RuleSample &s : m_samples->all)
            if (s.envelope.topic().contains(part))
                out << &s;
        return out;
    }

    Renderer m_renderer { Renderer::builtinDataFile() };
    std::shared_ptr<MessageTypeCatalog> m_catalog;
    std::unique_ptr<test::RuleSamples> m_samples;
    test::FixedPackageSets m_packages;
    RuleSet m_rules;
    QDateTime m_now = QDateTime(QDate(2026, 12, 5), QTime(12, 0), Qt::UTC);
};

void TestAcceptanceScenarios::initTestCase()
{
    m_catalog = std::make_shared<MessageTypeCatalog>(m_renderer);
    m_samples = std::make_unique<test::RuleSamples>(m_renderer);
    QVERIFY2(m_samples->loadError.isEmpty(), qPrintable(m_samples->loadError));
    QList<RuleError> errors;
    const auto set = RuleFile::read(
        test::sourcePath("tests/rules/data/acceptance-rules.json"), m_catalog.get(), &errors);
    QVERIFY2(set, qPrintable(errors.value(0).toString()));
    m_rules = *set;
    using P = test::FixedPackageSets;
    m_packages.maintained.insert(QStringLiteral("alice"),
        P::ready({ QStringLiteral("chromium"), QStringLiteral("eclipse-ptp") }));
    m_packages.maintained.insert(QStringLiteral("spot"), P::ready({ QStringLiteral("chromium") }));
    m_packages.maintained.insert(QStringLiteral("bob"), P::ready({ QStringLiteral("vim") }));
    m_packages.maintained.insert(
        QStringLiteral("kalev"), P::ready({ QStringLiteral("xdg-desktop-portal") }));
}

// "All koji builds of packages I maintain except those I started myself."
void TestAcceptanceScenarios::kojiBuildsOfMyPackagesExceptMine()
{
    const auto builds = withTopic(QStringLiteral("buildsys.build.state.change"));
    QVERIFY(builds.size() >= 4); // the fedmsg sample and the fedora-messaging corpus's
    int mine = 0;
    for (const test::RuleSample *s : builds) {
        const QString package = s->rendering.packages.value(0);
        QVERIFY2(!package.isEmpty(), qPrintable(s->envelope.topic()));
        // alice maintains every one and started none.
        RuleDecision d = decide(*s, QStringLiteral("alice"));
        QCOMPARE(d.ruleId, QStringLiteral("my-builds"));
        QCOMPARE(d.decisionName(), QStringLiteral("notify"));
        // bob maintains none of them.
        QCOMPARE(decide(*s, QStringLiteral("bob")).decisionName(), QStringLiteral("history"));
        // spot maintains chromium: notified of its builds, except the one he started.
        d = decide(*s, QStringLiteral("spot"));
        const bool startedBySpot = s->agent == QLatin1String("spot");
        mine += startedBySpot ? 1 : 0;
        const bool expectNotify = package == QLatin1String("chromium") && !startedBySpot;
        QCOMPARE(
            d.decisionName(), expectNotify ? QStringLiteral("notify") : QStringLiteral("history"));
    }
    QVERIFY(mine >= 1); // the corpus has a build spot started
}

// "Comments on my bodhi updates as critical."
void TestAcceptanceScenarios::commentsOnMyBodhiUpdatesAreCritical()
{
    const test::RuleSample *comment = m_samples->topic(QStringLiteral("bodhi.update.comment"));
    QVERIFY(comment);
    const RuleDecision d = decide(*comment, QStringLiteral("kalev"));
    QCOMPARE(d.ruleId, QStringLiteral("comments"));
    QCOMPARE(d.action.kind, RuleAction::Kind::Notify);
    QCOMPARE(d.action.urgency, RuleAction::Urgency::Critical);
    // Other bodhi messages are not comments.
    for (const test::RuleSample *s : withTopic(QStringLiteral(".bodhi.")))
        if (!s->envelope.topic().endsWith(QStringLiteral("update.comment")))
            QVERIFY(decide(*s, QStringLiteral("kalev")).ruleId != QStringLiteral("comments"));
}

// "Nothing from the wiki."
void TestAcceptanceScenarios::nothingFromTheWiki()
{
    const auto wiki = withTopic(QStringLiteral(".wiki."));
    QVERIFY(wiki.size() >= 3);
    for (const test::RuleSample *s : wiki) {
        const RuleDecision d = decide(*s, QStringLiteral("alice"));
        QCOMPARE(d.decisionName(), QStringLiteral("drop"));
        QCOMPARE(d.ruleId, QStringLiteral("wiki"));
    }
}

// "Everything untrusted to history only": whatever rule would match, nothing untrusted pops up.
void TestAcceptanceScenarios::everythingUntrustedToHistoryOnly()
{
    int wouldPopUp = 0;
    for (const test::RuleSample &trusted : m_samples->all) {
        test::RuleSample s = trusted;
        s.envelope.setTrust(TrustState::Untrusted, QStringLiteral("forged"));
        for (const QString &account : { QStringLiteral("alice"), QStringLiteral("kalev") }) {
            wouldPopUp += decide(trusted, account).action.popsUp() ? 1 : 0;
            const RuleDecision d = decide(s, account);
            QVERIFY2(!d.action.popsUp(), qPrintable(s.envelope.topic()));
        }
    }
    QVERIFY(wouldPopUp > 5); // the same messages, trusted, do pop up
}

// "A digest of copr builds."
void TestAcceptanceScenarios::coprBuildsGoToTheDigest()
{
    const auto copr = withTopic(QStringLiteral(".copr.build."));
    QVERIFY(copr.size() >= 2);
    for (const test::RuleSample *s : copr)
        QCOMPARE(decide(*s, QStringLiteral("alice")).decisionName(), QStringLiteral("digest"));
    const test::RuleSample *worker = m_samples->topic(QStringLiteral("copr.chroot.start"));
    if (worker)
        QCOMPARE(
            decide(*worker, QStringLiteral("alice")).decisionName(), QStringLiteral("history"));
}

// "Mute anitya until tomorrow": muted today, back to the other rules tomorrow.
void TestAcceptanceScenarios::anityaIsMutedUntilTomorrow()
{
    const auto anitya = withTopic(QStringLiteral(".anitya."));
    QVERIFY(anitya.size() >= 10);
    for (const test::RuleSample *s : anitya) {
        QCOMPARE(decide(*s, QStringLiteral("alice")).decisionName(), QStringLiteral("mute"));
        RulesStage tomorrow(m_catalog);
        tomorrow.setRules(m_rules);
        tomorrow.setContext(RuleContext { QStringLiteral("alice"), &m_packages, m_now.addDays(1) });
        const RuleDecision d = tomorrow.decide(s->envelope, s->rendering, s->agent);
        QCOMPARE(d.decisionName(), QStringLiteral("history"));
        QCOMPARE(d.why, RuleDecision::Why::Default);
    }
}

// A fresh profile (default history only, no rules) pops up none of the public samples.
void TestAcceptanceScenarios::freshProfilePopsUpNothing()
{
    RulesStage stage(m_catalog);
    stage.setRules(RuleSet {});
    for (const test::RuleSample &s : m_samples->all)
        QCOMPARE(stage.decide(s.envelope, s.rendering, s.agent).decisionName(),
            QStringLiteral("history"));
}

// With an account and the starter rules, exactly the messages about the user's packages or
// that mention the user pop up, none of the user's own actions.
void TestAcceptanceScenarios::starterRulesPopUpExactlyWhatIsAboutMe()
{
    RuleSet starter;
    starter.rules = StarterRules::make();
    for (const QString &account :
        { QStringLiteral("kalev"), QStringLiteral("spot"), QStringLiteral("alice") }) {
        RulesStage stage(m_catalog);
        stage.setRules(starter);
        stage.setContext(RuleContext { account, &m_packages, m_now });
        const packages::PackageSetView mine = m_packages.maintainedBy(account);
        int popped = 0;
        for (const test::RuleSample &s : m_samples->all) {
            const QString topic = s.envelope.topic();
            const bool aboutMyPackage = std::any_of(
                s.rendering.packages.cbegin(), s.rendering.packages.cend(), [&](const QString &p) {
                    return mine.contains(p);
                });
            const bool buildOrUpdate =
                topic.endsWith(QStringLiteral(".buildsys.build.state.change"))
                || topic.contains(QStringLiteral(".bodhi.update."));
            const bool expected = s.agent != account
                && ((aboutMyPackage && buildOrUpdate) || s.rendering.usernames.contains(account));
            const bool pops = stage.decide(s.envelope, s.rendering, s.agent).action.popsUp();
            QVERIFY2(pops == expected, qPrintable(QStringLiteral("%1 for %2").arg(topic, account)));
            popped += pops ? 1 : 0;
        }
        // Builds of spot's and alice's packages that others started pop up; kalev's only
        // message is his own comment on his own update: his action, nothing pops up.
        QCOMPARE(popped > 0, account != QLatin1String("kalev"));
    }
}

QTEST_GUILESS_MAIN(TestAcceptanceScenarios)
#include "TestAcceptanceScenarios.moc"
