// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "CorpusUtil.h"
#include "TestData.h"

#include "render/Avatar.h"
#include "render/Renderer.h"
#include "render/processors/Native.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

#include <QTemporaryDir>
#include <QTest>

#include <array>

using namespace fedmsg;

class TestRenderer : public QObject
{
    Q_OBJECT

private:
    static QString dataFile() { return test::sourcePath("resources/render/services.json"); }
    static JsonValue parse(const char *text)
    {
        auto v = JsonParser::parse(text);
        return v ? *v : JsonValue();
    }

    void checkCorpus(const QString &path);

private Q_SLOTS:
    void corpus();
    void regressionCases();
    void builtinResourceLoads();
    void unknownTopicFallback();
    void oddMessagesNeverCrash();
    void hugeStringsAreClamped();
    void avatars();
    void userOverrideAndBrokenFile();
    void catalog();
    void percentIntLikePython_data();
    void percentIntLikePython();
    void hotnessAndKojiLinksFormatIdsLikePython();
    void nativeHandlersMatchTheDataFile();
};

/// Renders every record of a corpus file (meta-corpus JSONL format) and compares the fields of
/// its "expected" block (plus "reference" with FEDMSG_META_REFERENCE=1); prints the field table and
/// the "N passed, M failed" line.
void TestRenderer::checkCorpus(const QString &path)
{
    QString error;
    const auto cases = test::readJsonLines(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!cases.empty());

    Renderer renderer(dataFile());
    QVERIFY2(renderer.loadWarnings().isEmpty(), qPrintable(renderer.loadWarnings().join(u'\n')));
    test::FieldTable table;
    test::CaseTally tally;
    for (const JsonValue &c : cases) {
        auto fas = std::make_shared<FasCache>();
        for (const auto &[k, v] : c["fas_cache"].object())
            fas->insert(QString::fromStdString(k), v.toQString());
        renderer.setFasLookup(fas);
        renderer.clearConfig();
        for (const auto &[k, v] : c["config_overrides"].object())
            renderer.setConfigValue(QString::fromStdString(k), render::Py::str(v));
        QStringList skip;
        for (const JsonValue &f : c["network_dependent"].array())
            skip << f.toQString();

        const JsonValue &msg = c["msg"];
        const Rendering r = renderer.renderFedmsg(msg);
        QStringList bad;
        // The "reference" block (Python's offline output) is a secondary oracle: with
        // FEDMSG_META_REFERENCE=1 its fields are compared too (except those that errored).
        JsonValue oracle = c["expected"];
        if (qEnvironmentVariableIntValue("FEDMSG_META_REFERENCE") == 1) {
            for (const auto &[key, v] : c["reference"].object()) {
                bool errored = false;
                for (const JsonValue &e : c["reference_errors"].array())
                    errored = errored || e.toStdString() == key;
                if (!errored && !oracle.contains(key) && key != "agent")
                    oracle.insert(key, v);
            }
        }
        for (const auto &[key, exp] : oracle.object()) {
            const QString field = QString::fromStdString(key);
            if (skip.contains(field))
                continue;
            bool ok = true;
            QString got;
            if (field == QLatin1String("usernames") || field == QLatin1String("packages")
                || field == QLatin1String("objects")) {
                const QStringList want = test::expectedList(exp);
                const QStringList have = field == QLatin1String("usernames") ? r.usernames
                    : field == QLatin1String("packages")                     ? r.packages
                                                                             : r.objects;
                ok = want == have;
                got = have.join(QStringLiteral(" | ")) + QStringLiteral("  WANT  ")
                    + want.join(QStringLiteral(" | "));
            } else if (field == QLatin1String("emails")) {
                QStringList want;
                for (const auto &[email, user] : exp.object())
                    want << QString::fromStdString(email);
                QStringList have;
                for (const QString &u : r.usernames)
                    have << u + QStringLiteral("@fedoraproject.org");
                ok = render::Py::sortedUnique(want) == have;
            } else {
                const QString want = test::expectedText(exp);
                if (field == QLatin1String("title"))
                    got = r.title;
                else if (field == QLatin1String("subtitle"))
                    got = r.subtitle;
                else if (field == QLatin1String("link"))
                    got = r.link;
                else if (field == QLatin1String("icon"))
                    got = r.icon;
                else if (field == QLatin1String("secondary_icon"))
                    got = r.secondaryIcon;
                else if (field == QLatin1String("long_form"))
                    got = r.longForm;
                else if (field == QLatin1String("agent"))
                    got = renderer.agent(msg);
                ok = got == want;
                if (!ok)
                    got = QStringLiteral("[%1]  WANT  [%2]").arg(got, want);
            }
            table.add(field, ok);
            if (!ok)
                bad << field + QStringLiteral(": ") + got;
        }
        tally.add(c["id"].toQString(), bad);
    }
    table.print();
    tally.print();
    QCOMPARE(tally.failed, 0);
}

void TestRenderer::corpus()
{
    QString path = qEnvironmentVariable("FEDMSG_META_CORPUS");
    if (path.isEmpty())
        path = test::testDataPath("samples/meta-corpus-public.jsonl");
    checkCorpus(path);
}

void TestRenderer::regressionCases()
{
    // Cases of our own (same format as the corpus) for rendering differences found on larger
    // acceptance sets: tests/render/data/meta-regressions.jsonl.
    checkCorpus(test::sourcePath("tests/render/data/meta-regressions.jsonl"));
}

void TestRenderer::builtinResourceLoads()
{
    Renderer renderer(Renderer::builtinDataFile());
    QVERIFY2(renderer.loadWarnings().isEmpty(), qPrintable(renderer.loadWarnings().join(u'\n')));
    QVERIFY(renderer.services().size() >= 50);
    QCOMPARE(renderer.processorFor(QStringLiteral("org.fedoraproject.prod.bodhi.update.comment"))
                 .info()
                 .name,
        QStringLiteral("Bodhi"));
}

void TestRenderer::unknownTopicFallback()
{
    Renderer renderer(dataFile());
    const Rendering r = renderer.renderFedmsg(parse(
        R"({"topic":"org.fedoraproject.prod.nosuchservice.thing.happened","msg":{"agent":"ralph"}})"));
    QVERIFY(r.fallback);
    QCOMPARE(r.title, QStringLiteral("nosuchservice.thing.happened"));
    QCOMPARE(r.subtitle, QStringLiteral("ralph: nosuchservice.thing.happened"));
    QCOMPARE(r.usernames, QStringList { QStringLiteral("ralph") });
    QCOMPARE(r.serviceName, QStringLiteral("unhandled"));
    // "git" must not swallow "github", and an env outside the alternation falls through
    QCOMPARE(
        renderer.processorFor(QStringLiteral("org.fedoraproject.prod.github.push")).info().name,
        QStringLiteral("github"));
    QCOMPARE(renderer.processorFor(QStringLiteral("org.fedoraproject.qa.bodhi.update.comment"))
                 .info()
                 .name,
        QStringLiteral("unhandled"));
    QCOMPARE(renderer.processorFor(QStringLiteral("org.fedoraproject.dev.git")).info().name,
        QStringLiteral("git"));
}

void TestRenderer::oddMessagesNeverCrash()
{
    Renderer renderer(dataFile());
    const QStringList topics = { QStringLiteral("bodhi.update.comment"),
        QStringLiteral("git.receive"),
        QStringLiteral("buildsys.build.state.change"),
        QStringLiteral("pkgdb.acl.update"),
        QStringLiteral("github.push"),
        QStringLiteral("compose.rawhide.complete") };
    const std::array bodies = { "null",
        "[]",
        "\"text\"",
        "42",
        "{}",
        R"({"update":null,"comment":[1,2]})",
        R"({"commit":{"stats":{"files":7}},"agent":{"x":1}})" };
    for (const QString &t : topics) {
        for (const char *b : bodies) {
            const QByteArray json = QByteArrayLiteral("{\"topic\":\"org.fedoraproject.prod.")
                + t.toUtf8() + QByteArrayLiteral("\",\"msg\":") + b + '}';
            const Rendering r = renderer.renderFedmsg(parse(json.constData()));
            QCOMPARE(r.title, t);
        }
    }
    // not an object at all, no topic, deeply nested
    QCOMPARE(renderer.renderFedmsg(parse("[1,2,3]")).title, QString());
    QVERIFY(renderer.renderFedmsg(parse("{}")).fallback);
    QByteArray deep =
        QByteArrayLiteral("{\"topic\":\"org.fedoraproject.prod.bodhi.update.comment\",\"msg\":");
    for (int i = 0; i < 500; ++i)
        deep += "{\"comment\":";
    deep += "1";
    for (int i = 0; i < 501; ++i)
        deep += '}';
    const Rendering r = renderer.renderFedmsg(parse(deep.constData()));
    QCOMPARE(r.title, QStringLiteral("bodhi.update.comment"));
    QCOMPARE(r.subtitle, QString());
}

void TestRenderer::hugeStringsAreClamped()
{
    Renderer renderer(dataFile());
    const QString big(1 << 20, QLatin1Char('x'));
    JsonValue msg =
        parse(R"({"topic":"org.fedoraproject.prod.bodhi.update.edit","msg":{"update":{}}})");
    JsonValue inner = msg["msg"];
    JsonValue update = inner["update"];
    update.insert("title", JsonValue(big));
    inner.insert("update", update);
    inner.insert("agent", JsonValue(big));
    msg.insert("msg", inner);
    const Rendering r = renderer.renderFedmsg(msg);
    QVERIFY(!r.subtitle.isEmpty());
    QVERIFY(r.subtitle.size() <= 2001);
}

void TestRenderer::avatars()
{
    QCOMPARE(Avatar::forUser(QStringLiteral("ralph")),
        QStringLiteral(
            "https://seccdn.libravatar.org/avatar/"
            "9c9f7784935381befc302fe3c814f9136e7a33953d0318761669b8643f4df55c?s=64&d=retro"));
    QCOMPARE(Avatar::forUser(QStringLiteral("bodhi")),
        QStringLiteral("https://apps.fedoraproject.org/img/icons/bodhi-64.png"));
    QVERIFY(Avatar::forEmail(QStringLiteral("a@b.c"))
                .startsWith(QStringLiteral("https://seccdn.libravatar.org/avatar/")));
}

void TestRenderer::userOverrideAndBrokenFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString good = dir.filePath(QStringLiteral("good.json"));
    {
        QFile f(good);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"services":[{"id":"demo","name":"demo","label":"Demo Events",
  "rules":[{"topic":"demo.thing","subtitle":"{msg.agent} did {msg.what|trunc:5}",
            "usernames":["{msg.agent}"],"secondary_icon":"{msg.agent|avatar}",
            "link":"https://example.org/{msg.id}"}]}]})");
    }
    Renderer renderer(good);
    QVERIFY2(renderer.loadWarnings().isEmpty(), qPrintable(renderer.loadWarnings().join(u'\n')));
    const Rendering r = renderer.renderFedmsg(parse(
        R"({"topic":"org.fedoraproject.prod.demo.thing","msg":{"agent":"ralph","what":"something long","id":7}})"));
    QCOMPARE(r.subtitle, QStringLiteral("ralph did somet..."));
    QCOMPARE(r.link, QStringLiteral("https://example.org/7"));
    QCOMPARE(r.secondaryIcon, Avatar::forUser(QStringLiteral("ralph")));
    QCOMPARE(r.serviceLabel, QStringLiteral("Demo Events"));

    const QString broken = dir.filePath(QStringLiteral("broken.json"));
    {
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"services\": [\n  {\"name\": \"x\",}\n]}\n");
    }
    QString error;
    QVERIFY(!renderer.load(broken, &error));
    QVERIFY2(error.startsWith(broken + QStringLiteral(":2:")), qPrintable(error));
    // the previous rules stay active
    QCOMPARE(renderer.loadedFile(), good);
    QCOMPARE(renderer.services().size(), 1);

    // the default constructor ignores a broken user file and uses the built-in one
    qputenv("XDG_DATA_HOME", dir.path().toUtf8());
    QStandardPaths::setTestModeEnabled(false);
    QDir().mkpath(dir.filePath(QStringLiteral("fedmsg-notify/render")));
    QFile::copy(broken, Renderer::userDataFile());
    Renderer fallback;
    QCOMPARE(fallback.loadedFile(), Renderer::builtinDataFile());
    QVERIFY(!fallback.loadWarnings().isEmpty());
    QVERIFY(fallback.loadWarnings().first().contains(QStringLiteral(":2:")));
    QFile::remove(Renderer::userDataFile());
    QFile::copy(good, Renderer::userDataFile());
    Renderer user;
    QCOMPARE(user.loadedFile(), Renderer::userDataFile());
}

void TestRenderer::catalog()
{
    Renderer renderer(dataFile());
    const auto bodhi = renderer.service(QStringLiteral("bodhi"));
    QVERIFY(bodhi);
    QCOMPARE(bodhi->label, QStringLiteral("Package Updates"));
    QVERIFY(!bodhi->description.isEmpty());
    QStringList ids;
    for (const ServiceInfo &s : renderer.services()) {
        QVERIFY2(!s.label.isEmpty(), qPrintable(s.id));
        ids << s.id;
    }
    QCOMPARE(ids.removeDuplicates(), 0);
}

QTEST_GUILESS_MAIN(TestRenderer)
#include "TestRenderer.moc"

void TestRenderer::percentIntLikePython_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("expected"); // Python's '%i' % json.loads(json); "raises" if it does
    QTest::newRow("int") << "42"
                         << "42";
    QTest::newRow("negative") << "-7"
                              << "-7";
    QTest::newRow("big int") << "123456789012345678901234567890"
                             << "123456789012345678901234567890";
    QTest::newRow("True") << "true"
                          << "1";
    QTest::newRow("False") << "false"
                           << "0";
    QTest::newRow("float") << "1.9"
                           << "1";
    QTest::newRow("negative float") << "-1.9"
                                    << "-1";
    QTest::newRow("-0.0") << "-0.0"
                          << "0";
    QTest::newRow("float beyond int64") << "1e20"
                                        << "100000000000000000000";
    QTest::newRow("NaN") << "NaN"
                         << "raises";
    QTest::newRow("Infinity") << "Infinity"
                              << "raises";
    QTest::newRow("string") << "\"12\""
                            << "raises";
    QTest::newRow("None") << "null"
                          << "raises";
    QTest::newRow("list") << "[1]"
                          << "raises";
}

void TestRenderer::percentIntLikePython()
{
    QFETCH(QString, json);
    QFETCH(QString, expected);
    const auto v = JsonParser::parse(json.toStdString());
    QVERIFY(v);
    QString got;
    try {
        got = render::Py::percentInt(*v);
    } catch (const render::MetaFailure &) {
        got = QStringLiteral("raises");
    }
    QCOMPARE(got, expected);
}

void TestRenderer::hotnessAndKojiLinksFormatIdsLikePython()
{
    // Both processors format these ids with '%i': a bool is an int in Python, so True is "1".
    // (The hotness copy of the conversion refused bools and left the link empty.)
    Renderer renderer(dataFile());
    const Rendering hotness = renderer.renderFedmsg(parse(
        R"({"topic":"org.fedoraproject.prod.hotness.update.bug.file","msg":{"bug":{"bug_id":true}}})"));
    QCOMPARE(hotness.link, QStringLiteral("https://bugzilla.redhat.com/show_bug.cgi?id=1"));
    const Rendering koji = renderer.renderFedmsg(parse(
        R"({"topic":"org.fedoraproject.prod.buildsys.build.state.change","msg":{"build_id":2.5}})"));
    QCOMPARE(koji.link, QStringLiteral("http://koji.fedoraproject.org/koji/buildinfo?buildID=2"));
}

void TestRenderer::nativeHandlersMatchTheDataFile()
{
    // The registration list (processors/NativeRegistry.cpp) and the built-in data file name the
    // same handlers: none registered twice, none unused, none missing.
    QStringList registered;
    for (const auto &[name, factory] : render::nativeFactories()) {
        QVERIFY(factory);
        registered << name;
    }
    QCOMPARE(registered.removeDuplicates(), 0);
    QFile f(dataFile());
    QVERIFY(f.open(QIODevice::ReadOnly));
    const auto doc = JsonParser::parse(f.readAll().toStdString());
    QVERIFY(doc);
    QStringList used;
    for (const JsonValue &s : (*doc)["services"].array())
        if (s["handler"].isString())
            used << s["handler"].toQString();
    used.removeDuplicates();
    registered.sort();
    used.sort();
    QCOMPARE(used, registered);
}
