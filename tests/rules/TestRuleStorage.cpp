// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "RuleSamples.h"
#include "engine/RuleStorage.h"
#include "render/Renderer.h"
#include "rules/MessageTypeCatalog.h"
#include "rules/MuteRule.h"
#include "rules/RuleFile.h"
#include "rules/StarterRules.h"
#include "settings/Settings.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fedmsg;
using namespace fedmsg::rules;

namespace {
// (Outside the class: moc misreads this raw string.)
QByteArray withABadRuleFirst(QByteArray json)
{
    return json.replace("\"rules\":[",
        R"("rules":[{"name":"Bad","when":{"field":"topic","op":"regex","value":"("},"then":{"action":"notify"}},)");
}
} // namespace

// Rules between a real settings file in a temporary config, rule files and the engine.
class TestRuleStorage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { m_catalog = std::make_unique<MessageTypeCatalog>(m_renderer); }
    void newProfileKeepsEverythingInTheHistory();
    void starterRulesAreOfferedOnceTheAccountIsKnown();
    void settingsRoundTrip();
    void unreadableStoredRulesAreKeptAsideAndFirstRunRulesUsed();
    void storedDocumentWithABadRuleKeepsTheOthers();
    void importExportRoundTrip();
    void importRefusesAFileWithABadRuleAndChangesNothing();
    void demoProfileNotifiesEverything();
    void muteRuleGoesFirstAndReplacesItsOwnType();
    void muteRuleIsRefusedWhenStoredRulesCannotBeReadWhole();

private:
    QByteArray myRules() const
    {
        return R"({"format":"fedmsg-notify-rules","version":1,"default":{"action":"digest"},
            "rules":[{"id":"wiki","name":"Nothing from the wiki","when":{"field":"service","value":"wiki"},
            "then":{"action":"drop"}}]})";
    }
    /// myRules() with a rule "Bad" first whose regex does not compile.
    QByteArray rulesWithABadOne() const { return withABadRuleFirst(myRules()); }
    Renderer m_renderer { Renderer::builtinDataFile() };
    std::unique_ptr<MessageTypeCatalog> m_catalog;
};

void TestRuleStorage::newProfileKeepsEverythingInTheHistory()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("s.conf")));
    const StoredRules stored = RuleStorage::load(settings, m_catalog.get());
    QVERIFY(stored.newProfile);
    QVERIFY(!stored.starterRulesAdded); // no account yet
    QVERIFY(stored.rules.rules.isEmpty());
    QCOMPARE(stored.rules.defaultAction.kind, RuleAction::Kind::HistoryOnly);
    QVERIFY(stored.errors.isEmpty());
}

void TestRuleStorage::starterRulesAreOfferedOnceTheAccountIsKnown()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.conf"));
    {
        Settings settings(path);
        settings.setFedoraAccount(QStringLiteral("kalev"));
        const StoredRules stored = RuleStorage::load(settings, m_catalog.get());
        QVERIFY(stored.starterRulesAdded);
        QCOMPARE(stored.rules.rules.size(), StarterRules::make().size());
        QCOMPARE(stored.rules.defaultAction.kind, RuleAction::Kind::HistoryOnly);
        QVERIFY(stored.rules.rule(QStringLiteral("starter-builds")));
        // Every starter rule excludes my own actions.
        for (const Rule &r : stored.rules.rules)
            QVERIFY2(
                r.toJson()
                    .value(QStringLiteral("when"))
                    .toObject()
                    .value(QStringLiteral("all"))
                    .toArray()
                    .contains(QJsonObject { { QStringLiteral("not"),
                        QJsonObject { { QStringLiteral("field"), QStringLiteral("by-me") } } } }),
                qPrintable(r.name));
        QVERIFY(settings.starterRulesOffered());
        settings.sync();
    }
    // Offered once: removing them sticks.
    Settings settings(path);
    RuleStorage::save(settings, RuleStorage::firstRunRules());
    QVERIFY(!RuleStorage::offerStarterRules(settings, m_catalog.get()));
    const StoredRules stored = RuleStorage::load(settings, m_catalog.get());
    QVERIFY(!stored.newProfile);
    QVERIFY(stored.rules.rules.isEmpty());
    QVERIFY(!StarterRules::explanation().isEmpty());
}

void TestRuleStorage::settingsRoundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.conf"));
    QList<RuleError> errors;
    const auto set = RuleSet::fromJson(myRules(), m_catalog.get(), &errors);
    QVERIFY(set && errors.isEmpty());
    {
        Settings settings(path);
        QSignalSpy changed(&settings, &Settings::rulesChanged);
        RuleStorage::save(settings, *set);
        QCOMPARE(changed.size(), 1);
        settings.sync();
    }
    Settings settings(path);
    const StoredRules stored = RuleStorage::load(settings, m_catalog.get());
    QVERIFY(!stored.newProfile);
    QCOMPARE(stored.rules.toJson(), set->toJson());
    // What is stored is the export format itself, under the versioned key.
    QSettings raw(path, QSettings::IniFormat);
    QCOMPARE(raw.value(QStringLiteral("Rules/v1")).toString().toUtf8(), set->toJson());
}

void TestRuleStorage::unreadableStoredRulesAreKeptAsideAndFirstRunRulesUsed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.conf"));
    {
        Settings settings(path);
        settings.setRulesJson("{\"format\":\"fedmsg-notify-rules\",\"version\":1,\"rules\":[{,]}");
        settings.sync();
    }
    Settings settings(path);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot be read")));
    const StoredRules stored = RuleStorage::load(settings, m_catalog.get());
    QVERIFY(stored.keptAside.startsWith(QStringLiteral("Rules/broken-")));
    QCOMPARE(stored.errors.size(), 1);
    QVERIFY(stored.errors[0].problem.startsWith(QStringLiteral("not JSON")));
    QCOMPARE(stored.rules.defaultAction.kind, RuleAction::Kind::HistoryOnly);
    settings.sync();
    QSettings raw(path, QSettings::IniFormat);
    QVERIFY(raw.value(stored.keptAside).toString().contains(QStringLiteral("[{,]")));
    QVERIFY(!raw.contains(QStringLiteral("Rules/v1")));
}

void TestRuleStorage::storedDocumentWithABadRuleKeepsTheOthers()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("s.conf")));
    const QByteArray json = rulesWithABadOne();
    settings.setRulesJson(json);
    QTest::ignoreMessage(
        QtWarningMsg, QRegularExpression(QStringLiteral("rule left out: rule 'Bad'")));
    const StoredRules stored = RuleStorage::load(settings, m_catalog.get());
    QCOMPARE(stored.rules.rules.size(), 1);
    QCOMPARE(stored.errors.size(), 1);
    QCOMPARE(stored.errors[0].rule, QStringLiteral("Bad"));
    QVERIFY(stored.keptAside.isEmpty());
    QCOMPARE(settings.rulesJson(), json); // not rewritten: the user can still fix it
}

void TestRuleStorage::importExportRoundTrip()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("rules.json"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(myRules());
    f.close();
    Settings settings(dir.filePath(QStringLiteral("s.conf")));
    QList<RuleError> errors;
    QVERIFY(RuleStorage::importFile(settings, file, m_catalog.get(), &errors));
    const QString out = dir.filePath(QStringLiteral("out.json"));
    QString error;
    QVERIFY2(RuleStorage::exportFile(settings, out, m_catalog.get(), &error), qPrintable(error));
    const auto exported = RuleFile::read(out, m_catalog.get(), &errors);
    QVERIFY(exported && errors.isEmpty());
    QCOMPARE(exported->toJson(), RuleFile::read(file, m_catalog.get(), &errors)->toJson());
    QCOMPARE(exported->defaultAction.kind, RuleAction::Kind::Digest);
    QVERIFY(
        !RuleFile::write(dir.filePath(QStringLiteral("no/such/dir/x.json")), *exported, &error));
    QVERIFY(error.contains(QStringLiteral("no/such/dir")));
}

void TestRuleStorage::importRefusesAFileWithABadRuleAndChangesNothing()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("s.conf")));
    QList<RuleError> errors;
    QVERIFY(RuleStorage::importFile(settings, QStringLiteral(":/nothing"), m_catalog.get(), &errors)
        == false);
    QCOMPARE(errors.size(), 1);
    errors.clear();
    const QString file = dir.filePath(QStringLiteral("rules.json"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QByteArray json = myRules();
    json.replace(R"("value":"wiki")", R"("value":"wikki")");
    f.write(json);
    f.close();
    RuleStorage::save(settings, RuleStorage::demoRules());
    const QByteArray before = settings.rulesJson();
    QVERIFY(!RuleStorage::importFile(settings, file, m_catalog.get(), &errors));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors[0].rule, QStringLiteral("Nothing from the wiki"));
    QCOMPARE(errors[0].field, QStringLiteral("when.value"));
    QVERIFY(errors[0].problem.contains(QStringLiteral("unknown service 'wikki'")));
    QVERIFY(errors[0].problem.startsWith(file));
    QCOMPARE(settings.rulesJson(), before);
}

void TestRuleStorage::demoProfileNotifiesEverything()
{
    QCOMPARE(RuleStorage::demoRules().defaultAction.kind, RuleAction::Kind::Notify);
    QVERIFY(RuleStorage::demoRules().rules.isEmpty());
}

void TestRuleStorage::muteRuleGoesFirstAndReplacesItsOwnType()
{
    const test::RuleSamples samples(m_renderer);
    const test::RuleSample *comment = samples.topic(QStringLiteral(".bodhi.update.comment"));
    const test::RuleSample *build = samples.topic(QStringLiteral(".buildsys.build.state.change"));
    QVERIFY(comment && build);
    const QString type = m_catalog->typeOf(comment->envelope.topic(), comment->rendering);
    QCOMPARE(type, QStringLiteral("bodhi/update.comment"));

    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("s.conf")));
    settings.setRulesJson(myRules());
    const QDateTime now(QDate(2026, 12, 5), QTime(10, 0), Qt::UTC);
    RuleError error;
    const std::optional<Rule> hour =
        MuteRule::make(*m_catalog, type, std::chrono::hours(1), now, &error);
    QVERIFY2(hour, qPrintable(error.toString()));
    QCOMPARE(hour->id, QStringLiteral("mute-bodhi-update-comment"));
    QVERIFY2(hour->name.startsWith(QStringLiteral("Mute ")), qPrintable(hour->name));
    QVERIFY2(!hour->name.contains(QLatin1Char('/')), qPrintable(hour->name)); // labels, not ids
    QString reason;
    QVERIFY2(RuleStorage::addFirst(settings, *hour, m_catalog.get(), &reason), qPrintable(reason));

    StoredRules stored = RuleStorage::load(settings, m_catalog.get());
    QCOMPARE(stored.rules.rules.size(), 2);
    QCOMPARE(stored.rules.rules[0].id, hour->id);
    QCOMPARE(stored.rules.rules[0].action.kind, RuleAction::Kind::Mute);
    QCOMPARE(stored.rules.rules[0].action.muteUntil, now.addSecs(3600));
    QCOMPARE(stored.rules.rules[1].id, QStringLiteral("wiki")); // the user's rules kept, after it
    QCOMPARE(stored.rules.defaultAction.kind, RuleAction::Kind::Digest);

    // What it does: the same type stays in the history during the hour, others are untouched,
    // and after the hour the rule is passed over.
    RulesStage stage(std::make_shared<MessageTypeCatalog>(m_renderer));
    stage.setRules(stored.rules);
    QDateTime clock = now.addSecs(60);
    stage.setClock([&clock] {
        return clock;
    });
    RuleDecision d = stage.decide(comment->envelope, comment->rendering, comment->agent);
    QCOMPARE(d.action.kind, RuleAction::Kind::Mute);
    QCOMPARE(d.ruleId, hour->id);
    d = stage.decide(build->envelope, build->rendering, build->agent);
    QVERIFY(d.ruleId != hour->id);
    clock = now.addSecs(3601);
    d = stage.decide(comment->envelope, comment->rendering, comment->agent);
    QVERIFY(d.ruleId != hour->id);
    QCOMPARE(d.action.kind, RuleAction::Kind::Digest);

    // Muting the same type again ("Always") replaces the rule instead of adding one.
    const std::optional<Rule> always =
        MuteRule::make(*m_catalog, type, std::chrono::seconds(0), now, &error);
    QVERIFY(always);
    QVERIFY(RuleStorage::addFirst(settings, *always, m_catalog.get(), &reason));
    stored = RuleStorage::load(settings, m_catalog.get());
    QCOMPARE(stored.rules.rules.size(), 2);
    QCOMPARE(stored.rules.rules[0].id, hour->id);
    QCOMPARE(stored.rules.rules[0].action.kind, RuleAction::Kind::HistoryOnly);
}

void TestRuleStorage::muteRuleIsRefusedWhenStoredRulesCannotBeReadWhole()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("s.conf")));
    const QByteArray json = rulesWithABadOne();
    settings.setRulesJson(json);
    RuleError error;
    const std::optional<Rule> mute = MuteRule::make(*m_catalog,
        QStringLiteral("bodhi/update.comment"),
        std::chrono::hours(1),
        QDateTime::currentDateTimeUtc(),
        &error);
    QVERIFY(mute);
    QString reason;
    QVERIFY(!RuleStorage::addFirst(settings, *mute, m_catalog.get(), &reason));
    QVERIFY2(reason.contains(QStringLiteral("Bad")), qPrintable(reason));
    QCOMPARE(settings.rulesJson(), json); // the rule the user still has to fix is not lost
}

QTEST_GUILESS_MAIN(TestRuleStorage)
#include "TestRuleStorage.moc"
