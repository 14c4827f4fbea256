// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "CorpusUtil.h"
#include "TestData.h"

#include "message/Envelope.h"
#include "render/Renderer.h"
#include "render/SchemaRenderer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace fedmsg;

class TestSchemaRenderer : public QObject
{
    Q_OBJECT

    void checkCorpus(const QString &path);

private Q_SLOTS:
    void corpus();
    void regressionCases();
    void baseMessageFallback();
    void amqpEnvelopeDispatch();
    void relativeTimeAndStatusMaps();
    void packageHeaderPicksBetweenTwoDefinitions();
    void schemaFilesAreLayers();
    void splitlinesFirstIsPythons();
    void emptyAgentStillHasAnAvatar();
    void pythonJsonDumpCornerCases_data();
    void pythonJsonDumpCornerCases();
};

/// Builds the Envelope an AMQP source would produce for a corpus record.
static Envelope amqpEnvelope(const JsonValue &record, const QString &topic)
{
    JsonValue body = JsonValue::emptyObject();
    body.insert("topic", JsonValue(topic));
    body.insert("msg", record["body"]);
    body.insert("msg_id", record["properties"]["message_id"]);
    Envelope env(Envelope::Transport::Amqp, body);
    env.setHeaders(record["headers"]);
    return env;
}

void TestSchemaRenderer::corpus()
{
    QString path = qEnvironmentVariable("FEDMSG_FM_CORPUS");
    if (path.isEmpty())
        path = test::testDataPath("samples/fm-corpus-public.jsonl");
    checkCorpus(path);
}

void TestSchemaRenderer::regressionCases()
{
    // Cases of our own (same format as the corpus) for rendering differences found on larger
    // acceptance sets: tests/render/data/fm-regressions.jsonl.
    checkCorpus(test::sourcePath("tests/render/data/fm-regressions.jsonl"));
}

/// Renders every record of a corpus file (fm-corpus JSONL format) at the record's clock and
/// compares its "expected" block; prints the field table and the "N passed, M failed" line.
void TestSchemaRenderer::checkCorpus(const QString &path)
{
    QString error;
    const auto cases = test::readJsonLines(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!cases.empty());

    Renderer renderer(test::sourcePath("resources/render/services.json"));
    QVERIFY2(renderer.loadWarnings().isEmpty(), qPrintable(renderer.loadWarnings().join(u'\n')));
    test::FieldTable table;
    test::CaseTally tally;
    for (const JsonValue &c : cases) {
        const QString topic = c["topic"].toQString();
        QDateTime clock = QDateTime::fromString(c["clock_utc"].toQString(), Qt::ISODate);
        renderer.setClock(clock.isValid() ? std::function<QDateTime()>([clock] {
            return clock;
        })
                                          : std::function<QDateTime()>());
        const bool baseOnly = c["package"].toStdString() == "fallback";
        Rendering r;
        if (baseOnly) {
            r = renderer.renderSchema(c["schema"].toQString(),
                topic,
                c["body"],
                c["headers"],
                c["properties"]["message_id"].toQString(),
                true);
        } else {
            r = renderer.render(amqpEnvelope(c, topic));
        }
        QStringList bad;
        for (const auto &[key, exp] : c["expected"].object()) {
            if (c["errors"].contains(key))
                continue;
            const QString field = QString::fromStdString(key);
            bool ok = true;
            QString got;
            QString want;
            if (exp.isArray()) {
                QStringList have;
                if (key == "usernames")
                    have = r.usernames;
                else if (key == "packages")
                    have = r.packages;
                else if (key == "containers")
                    have = r.containers;
                else if (key == "modules")
                    have = r.modules;
                else if (key == "flatpaks")
                    have = r.flatpaks;
                else if (key == "groups")
                    have = r.groups;
                const QStringList w = test::expectedList(exp);
                ok = have == w;
                got = have.join(QStringLiteral(" | "));
                want = w.join(QStringLiteral(" | "));
            } else if (key == "severity") {
                ok = r.severity == exp.toInt64();
                got = QString::number(r.severity);
                want = render::Py::str(exp);
            } else {
                want = test::expectedText(exp);
                if (key == "summary")
                    got = r.subtitle;
                else if (key == "str")
                    got = r.longForm;
                else if (key == "url")
                    got = r.link;
                else if (key == "app_name")
                    got = r.appName;
                else if (key == "app_icon")
                    got = r.icon;
                else if (key == "agent_name")
                    got = r.agentName;
                else if (key == "agent_avatar")
                    got = r.secondaryIcon;
                ok = got == want;
            }
            table.add(field, ok);
            if (!ok)
                bad << QStringLiteral("%1: [%2]  WANT  [%3]")
                           .arg(field, got.left(300), want.left(300));
        }
        tally.add(c["id"].toQString(), bad);
    }
    table.print();
    tally.print();
    QCOMPARE(tally.failed, 0);
}

void TestSchemaRenderer::baseMessageFallback()
{
    Renderer renderer(test::sourcePath("resources/render/services.json"));
    auto body = JsonParser::parse(R"({"b":[1,2.0,{}],"a":"é\u0001","c":[]})");
    auto headers = JsonParser::parse(
        R"({"fedora_messaging_schema":"no.such.schema","fedora_messaging_severity":30})");
    QVERIFY(body && headers);
    const Rendering r = renderer.renderSchema(QStringLiteral("no.such.schema"),
        QStringLiteral("t.x"),
        *body,
        *headers,
        QStringLiteral("id-1"));
    QVERIFY(r.fallback);
    QCOMPARE(r.subtitle, QStringLiteral("t.x"));
    QCOMPARE(r.severity, 30);
    QCOMPARE(r.longForm,
        QStringLiteral(
            "Id: id-1\nTopic: t.x\nHeaders: {\n    \"fedora_messaging_schema\": "
            "\"no.such.schema\",\n"
            "    \"fedora_messaging_severity\": 30\n}\nBody: {\n    \"a\": \"\\u00e9\\u0001\",\n"
            "    \"b\": [\n        1,\n        2.0,\n        {}\n    ],\n    \"c\": []\n}"));
    QVERIFY(
        r.link.isEmpty() && r.icon.isEmpty() && r.secondaryIcon.isEmpty() && r.usernames.isEmpty());
}

void TestSchemaRenderer::amqpEnvelopeDispatch()
{
    Renderer renderer(test::sourcePath("resources/render/services.json"));
    // a fedmsg-era topic on the AMQP bus without schema header still gets the catalog service
    auto rec =
        JsonParser::parse(R"({"body":{"x":1},"headers":{},"properties":{"message_id":"m"}})");
    QVERIFY(rec);
    const Rendering r = renderer.render(
        amqpEnvelope(*rec, QStringLiteral("org.fedoraproject.prod.bodhi.update.comment")));
    QCOMPARE(r.serviceName, QStringLiteral("bodhi"));
    QCOMPARE(r.subtitle, QStringLiteral("org.fedoraproject.prod.bodhi.update.comment"));
    // the title is fedmsg.meta's msg2title form, so notifications look alike on both buses
    QCOMPARE(r.title, QStringLiteral("bodhi.update.comment"));
    QCOMPARE(renderer.render(amqpEnvelope(*rec, QStringLiteral("io.pagure.stg.pagure.git.receive")))
                 .title,
        QStringLiteral("pagure.git.receive"));
    QCOMPARE(renderer.render(amqpEnvelope(*rec, QStringLiteral("bodhi.update.comment"))).title,
        QStringLiteral("bodhi.update.comment"));
}

void TestSchemaRenderer::relativeTimeAndStatusMaps()
{
    Renderer renderer(test::sourcePath("resources/render/services.json"));
    // Not const: performance-no-automatic-move flags a lambda returning a const local.
    QDateTime now(QDate(2026, 1, 10), QTime(12, 0), Qt::UTC);
    renderer.setClock([now] {
        return now;
    });
    auto headers = JsonParser::parse(R"({"fedora_messaging_schema":"fedocal.meeting.reminder"})");
    QVERIFY(headers);
    // a reminder for a meeting that started 3 hours ago (Europe/Paris is UTC+1 in January)
    auto past = JsonParser::parse(
        R"({"calendar":{"calendar_name":"c"},"meeting":{"meeting_name":"m","meeting_date":"2026-01-10",)"
        R"("meeting_time_start":"10:00:00","meeting_timezone":"Europe/Paris"}})");
    QVERIFY(past);
    Rendering r = renderer.renderSchema(QStringLiteral("fedocal.meeting.reminder"),
        QStringLiteral("fedocal.meeting.reminder"),
        *past,
        *headers,
        QStringLiteral("id"));
    QCOMPARE(r.longForm,
        QStringLiteral(
            "Friendly reminder!  The 'm' meeting from the 'c' calendar starts 3 hours ago"));

    auto copr =
        JsonParser::parse(R"({"owner":"o","copr":"p","build":7,"chroot":"f-x","status":1})");
    auto coprHeaders = JsonParser::parse(R"({"fedora_messaging_schema":"copr.build.end"})");
    QVERIFY(copr && coprHeaders);
    r = renderer.renderSchema(QStringLiteral("copr.build.end"),
        QStringLiteral("copr.build.end"),
        *copr,
        *coprHeaders,
        QStringLiteral("id"));
    QCOMPARE(r.subtitle,
        QStringLiteral(
            "Copr Message in project \"o/p\": build 7: chroot \"f-x\" ended as \"succeeded\"."));
    QCOMPARE(r.usernames, QStringList { QStringLiteral("o") });
}

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

void TestSchemaRenderer::packageHeaderPicksBetweenTwoDefinitions()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("schemas")));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("services.json")), R"({"services": []})"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("schemas/a.json")),
        R"({"package": "pkg_a", "schemas": [
             {"name": "x.event", "summary": "A {msg.n}", "app_name": "a"}]})"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("schemas/b.json")),
        R"({"package": "pkg_b", "schemas": [
             {"name": "x._base", "app_name": "b"},
             {"name": "x.event", "extends": "x._base", "preferred": true, "summary": "B {msg.n}"}]})"));
    Renderer renderer(dir.filePath(QStringLiteral("services.json")));
    QVERIFY2(renderer.loadWarnings().isEmpty(), qPrintable(renderer.loadWarnings().join(u'\n')));
    const auto body = JsonParser::parse(R"({"n": 7})");
    QVERIFY(body);
    auto headersFor = [](const char *package) {
        const std::string json = package
            ? std::string(R"({"fedora_messaging_schema_package": ")") + package + "\"}"
            : std::string("{}");
        return *JsonParser::parse(json);
    };
    Rendering a = renderer.renderSchema(
        QStringLiteral("x.event"), QStringLiteral("t"), *body, headersFor("pkg_a"));
    QCOMPARE(a.subtitle, QStringLiteral("A 7"));
    QCOMPARE(a.appName, QStringLiteral("a"));
    Rendering b = renderer.renderSchema(
        QStringLiteral("x.event"), QStringLiteral("t"), *body, headersFor("pkg_b"));
    QCOMPARE(b.subtitle, QStringLiteral("B 7"));
    QCOMPARE(b.appName, QStringLiteral("b")); // extends resolved within its own package
    // no or unknown package header: the preferred definition
    Rendering c = renderer.renderSchema(
        QStringLiteral("x.event"), QStringLiteral("t"), *body, headersFor(nullptr));
    QCOMPARE(c.subtitle, QStringLiteral("B 7"));
    Rendering d = renderer.renderSchema(
        QStringLiteral("x.event"), QStringLiteral("t"), *body, headersFor("pkg_other"));
    QCOMPARE(d.subtitle, QStringLiteral("B 7"));
}

void TestSchemaRenderer::schemaFilesAreLayers()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("schemas")));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("services.json")),
        R"({"services": [], "schemas": [{"name": "y.one", "summary": "from services"}]})"));
    // files load in name order; a later file replaces an entry of the same name and package
    QVERIFY(writeFile(dir.filePath(QStringLiteral("schemas/10-base.json")),
        R"({"schemas": [{"name": "y.two", "summary": "old"}]})"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("schemas/20-user.json")),
        R"({"schemas": [{"name": "y.two", "summary": "new"}]})"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("schemas/30-broken.json")),
        "{\"schemas\": [\n  {\"name\": \"y.three\",}\n]}"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("schemas/40-dangling.json")),
        R"({"schemas": [{"name": "y.four", "extends": "y.nothing", "summary": "four"}]})"));
    Renderer renderer(dir.filePath(QStringLiteral("services.json")));
    const QStringList warnings = renderer.loadWarnings();
    QCOMPARE(warnings.size(), 2);
    QVERIFY2(
        warnings.at(0).contains(QStringLiteral("30-broken.json:2:")), qPrintable(warnings.at(0)));
    QVERIFY2(warnings.at(1).contains(QStringLiteral("extends unknown y.nothing")),
        qPrintable(warnings.at(1)));
    const auto body = JsonParser::parse("{}");
    const auto headers = JsonParser::parse("{}");
    auto summary = [&](const char *schema) {
        return renderer
            .renderSchema(QString::fromLatin1(schema), QStringLiteral("topic"), *body, *headers)
            .subtitle;
    };
    QCOMPARE(summary("y.one"), QStringLiteral("from services"));
    QCOMPARE(summary("y.two"), QStringLiteral("new"));
    QCOMPARE(summary("y.three"), QStringLiteral("topic")); // broken file skipped: base Message
    QCOMPARE(summary("y.four"), QStringLiteral("four"));
    QVERIFY(renderer.schemaRenderer().knownSchemas().contains(QStringLiteral("y.two")));
}

void TestSchemaRenderer::pythonJsonDumpCornerCases_data()
{
    // input JSON text, and what Python 3.11 prints for
    // json.dumps(json.loads(text), sort_keys=True, indent=4, separators=(",", ": "))
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("numbers")
        << QByteArray(R"({"a": 1e16, "b": 1.0, "c": -0.0, "d": 1e-7,
            "f": 123456789012345678901234567890, "g": -0, "h": 1E2, "k": 1e15, "m": 0.0001,
            "n": 0.00001})")
        << QStringLiteral("{\n    \"a\": 1e+16,\n    \"b\": 1.0,\n    \"c\": -0.0,\n"
                          "    \"d\": 1e-07,\n    \"f\": 123456789012345678901234567890,\n"
                          "    \"g\": 0,\n    \"h\": 100.0,\n    \"k\": 1000000000000000.0,\n"
                          "    \"m\": 0.0001,\n    \"n\": 1e-05\n}");
    QTest::newRow("strings, keys and empty containers")
        << QByteArray(R"({"s": "\ud83d\ude00 \u00e9\u0000\u001f\u007f\u2028\"\\/\b\f\n\r\t",
            "lone": "a\udc00", "\u00e9": {}, "Z": [], "": [null, true, false, [[]]]})")
        << QStringLiteral(
               "{\n    \"\": [\n        null,\n        true,\n        false,\n        [\n"
               "            []\n        ]\n    ],\n    \"Z\": [],\n    \"lone\": \"a\\udc00\",\n"
               "    \"s\": \"\\ud83d\\ude00 \\u00e9\\u0000\\u001f\\u007f\\u2028\\\"\\\\/\\b\\f\\n"
               "\\r\\t\",\n    \"\\u00e9\": {}\n}");
    QTest::newRow("float extremes")
        << QByteArray(R"({"inf": 1e400, "big": 1.7976931348623157e308, "tiny": 5e-324,
            "pi": 3.141592653589793})")
        << QStringLiteral("{\n    \"big\": 1.7976931348623157e+308,\n    \"inf\": Infinity,\n"
                          "    \"pi\": 3.141592653589793,\n    \"tiny\": 5e-324\n}");
}

void TestSchemaRenderer::pythonJsonDumpCornerCases()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    const auto value = JsonParser::parse(std::string_view(input.constData(), input.size()));
    QVERIFY(value);
    QCOMPARE(SchemaRenderer::pythonJsonDump(*value), expected);
}

void TestSchemaRenderer::splitlinesFirstIsPythons()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(QStringLiteral("services.json")),
        R"({"services": [], "schemas": [{"name": "s", "summary": "[{msg.m|splitlines_first}]"}]})"));
    Renderer renderer(dir.filePath(QStringLiteral("services.json")));
    QVERIFY(renderer.loadWarnings().isEmpty());
    const auto headers = JsonParser::parse("{}");
    auto summary = [&](const char *body) {
        return renderer
            .renderSchema(
                QStringLiteral("s"), QStringLiteral("t"), *JsonParser::parse(body), *headers)
            .subtitle;
    };
    QCOMPARE(summary(R"({"m": "fix: a\r\nbody"})"), QStringLiteral("[fix: a]"));
    QCOMPARE(summary(R"({"m": "one\rtwo"})"), QStringLiteral("[one]"));
    QCOMPARE(summary(R"({"m": "x\u2028y"})"), QStringLiteral("[x]"));
    QCOMPARE(summary(R"({"m": "x\u000by"})"), QStringLiteral("[x]"));
    QCOMPARE(summary(R"({"m": "single"})"), QStringLiteral("[single]"));
    // "".splitlines()[0] raises IndexError in Python: the property fails, the field is empty
    QCOMPARE(summary(R"({"m": ""})"), QString());
}

void TestSchemaRenderer::emptyAgentStillHasAnAvatar()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(QStringLiteral("services.json")),
        R"({"services": [], "schemas": [{"name": "s", "agent_name": "{msg.who?}"}]})"));
    Renderer renderer(dir.filePath(QStringLiteral("services.json")));
    QVERIFY(renderer.loadWarnings().isEmpty());
    const auto headers = JsonParser::parse("{}");
    auto render = [&](const char *body) {
        return renderer.renderSchema(
            QStringLiteral("s"), QStringLiteral("t"), *JsonParser::parse(body), *headers);
    };
    // user_avatar_url("") is a real URL in Python ("is None" decides, not emptiness)
    QCOMPARE(render(R"({"who": ""})").secondaryIcon, SchemaRenderer::userAvatarUrl(QString()));
    QVERIFY(render(R"({"who": null})").secondaryIcon.isEmpty());
    QVERIFY(render(R"({})").secondaryIcon.isEmpty());
    QCOMPARE(render(R"({"who": "kevin"})").secondaryIcon,
        SchemaRenderer::userAvatarUrl(QStringLiteral("kevin")));
}

QTEST_GUILESS_MAIN(TestSchemaRenderer)
#include "TestSchemaRenderer.moc"
