// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "bus/TailFormatter.h"
#include "bus/TopicFilter.h"
#include "json/JsonParser.h"

#include <QTest>

using namespace fedmsg;

namespace {
Envelope envelope(const char *json)
{
    return Envelope(Envelope::Transport::ZeroMq, JsonParser::parse(json).value());
}
const char *Bodhi =
    R"({"topic":"org.fedoraproject.prod.bodhi.update.comment","timestamp":1700000000,
  "msg_id":"2023-abc","i":1,"username":"apache","signature":"c2ln\n","certificate":"Y2VydA==\n","crypto":"x509",
  "msg":{"comment":{"text":"works for me"},"agent":"alice","package":{"name":"nethack"},"packages":["nethack","nethack-data"]}})";
} // namespace

class TestTailFormatter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void topicFilter();
    void jsonIsCanonical();
    void queryPaths();
    void terseFallbackAndHook();
    void prettyStripsCredentials();
    void reallyPrettyColours();
    void gource();
    void usersAndPackages();
    void cowsay();
};

void TestTailFormatter::topicFilter()
{
    TopicFilter f;
    QVERIFY(f.accepts(QStringLiteral("org.fedoraproject.prod.bodhi.update")));
    QVERIFY(!f.accepts(QStringLiteral("org.fedoraproject._heartbeat"))); // fedmsg-tail's default
    f.setPrefixes({ QStringLiteral("org.fedoraproject.prod.bodhi"), QStringLiteral("io.pagure") });
    QVERIFY(f.accepts(QStringLiteral("io.pagure.prod.pagure.pull-request.new")));
    QVERIFY(!f.accepts(QStringLiteral("org.fedoraproject.prod.buildsys.build")));
    QVERIFY(f.setInclude(QStringLiteral("update\\.(comment|request)$")));
    QVERIFY(f.accepts(QStringLiteral("org.fedoraproject.prod.bodhi.update.comment")));
    QVERIFY(!f.accepts(QStringLiteral("org.fedoraproject.prod.bodhi.update.edit")));
    QVERIFY(f.setExclude(QStringLiteral("comment")));
    QVERIFY(!f.accepts(QStringLiteral("org.fedoraproject.prod.bodhi.update.comment")));
    QVERIFY(f.setExclude(QString()));
    QVERIFY(f.accepts(QStringLiteral("org.fedoraproject.prod.bodhi.update.comment")));
    QString error;
    QVERIFY(!f.setInclude(QStringLiteral("(unclosed"), &error));
    QVERIFY(error.contains(QStringLiteral("(unclosed")));
}

void TestTailFormatter::jsonIsCanonical()
{
    TailFormatter f;
    f.setMode(TailFormatter::Mode::Json);
    const QString out = f.format(envelope(Bodhi));
    QVERIFY(!out.contains(QLatin1Char('\n')));
    QVERIFY(out.startsWith(
        QStringLiteral("{\"certificate\":\"Y2VydA==\\n\",\"crypto\":\"x509\",\"i\":1,")));
}

void TestTailFormatter::queryPaths()
{
    const Envelope e = envelope(Bodhi);
    QCOMPARE(
        TailFormatter::query(e.body(), { QStringLiteral("msg.comment.text"), QStringLiteral("i") }),
        QStringLiteral("works for me,1"));
    QCOMPARE(TailFormatter::query(e.body(), { QStringLiteral("msg.packages.1") }),
        QStringLiteral("nethack-data"));
    QCOMPARE(
        TailFormatter::query(e.body(), { QStringLiteral("msg.nothing") }), QStringLiteral("null"));
    TailFormatter f;
    f.setMode(TailFormatter::Mode::Query);
    f.setQuery(QStringLiteral("topic,msg.agent"));
    QCOMPARE(f.format(e), QStringLiteral("org.fedoraproject.prod.bodhi.update.comment,alice"));
}

void TestTailFormatter::terseFallbackAndHook()
{
    TailFormatter f;
    f.setMode(TailFormatter::Mode::Terse);
    const Envelope log =
        envelope(R"({"topic":"org.fedoraproject.dev.logger.log","msg":{"log":"hello\nworld"}})");
    QCOMPARE(f.format(log), QStringLiteral("logger.log -- hello world"));
    f.setRenderHook([](const Envelope &) {
        return std::optional<TailRendering>(TailRendering { QStringLiteral("bodhi.update.comment"),
            QStringLiteral("alice commented"),
            QStringLiteral("https://bodhi.example/u/1"),
            {},
            {},
            {} });
    });
    QCOMPARE(f.format(envelope(Bodhi)),
        QStringLiteral("bodhi.update.comment -- alice commented https://bodhi.example/u/1"));
}

void TestTailFormatter::prettyStripsCredentials()
{
    TailFormatter f;
    f.setMode(TailFormatter::Mode::Pretty);
    const QString out = f.format(envelope(Bodhi));
    QVERIFY(!out.contains(QStringLiteral("signature")));
    QVERIFY(!out.contains(QStringLiteral("certificate")));
    QVERIFY(out.contains(QStringLiteral("works for me")));
    QVERIFY(out.count(QLatin1Char('\n')) > 5);
}

void TestTailFormatter::reallyPrettyColours()
{
    TailFormatter f;
    f.setMode(TailFormatter::Mode::ReallyPretty);
    const QString plain = f.format(envelope(Bodhi));
    QVERIFY(!plain.contains(QLatin1Char('\033')));
    QVERIFY(plain.contains(QStringLiteral("\n  \"msg\": {\n    \"agent\": \"alice\"")));
    f.setColor(true);
    const QString coloured = f.format(envelope(Bodhi));
    QVERIFY(coloured.contains(QStringLiteral("\033[32m\"alice\"\033[0m")));
    QVERIFY(!coloured.contains(QStringLiteral("signature")));
}

void TestTailFormatter::gource()
{
    TailFormatter f;
    f.setMode(TailFormatter::Mode::Gource);
    const QStringList parts = f.format(envelope(Bodhi)).split(QLatin1Char('|'));
    QCOMPARE(parts.size(), 5);
    QCOMPARE(parts.at(0), QStringLiteral("1700000000"));
    QCOMPARE(parts.at(1), QStringLiteral("alice"));
    QCOMPARE(parts.at(2), QStringLiteral("A"));
    QCOMPARE(parts.at(3), QStringLiteral("/bodhi/update/comment"));
    QCOMPARE(parts.at(4).size(), 6);
    // Same service, same colour.
    const QString other = f.format(
        envelope(R"({"topic":"org.fedoraproject.prod.bodhi.update.edit","timestamp":1,"msg":{}})"));
    QCOMPARE(other.section(QLatin1Char('|'), 4), parts.at(4));
    QCOMPARE(other.section(QLatin1Char('|'), 1, 1), QStringLiteral("unknown"));
}

void TestTailFormatter::usersAndPackages()
{
    TailFormatter f;
    const Envelope e = envelope(Bodhi);
    QCOMPARE(f.usersOf(e), QStringList { QStringLiteral("alice") });
    QCOMPARE(f.packagesOf(e),
        (QStringList { QStringLiteral("nethack"), QStringLiteral("nethack-data") }));
    QVERIFY(f.passesUserPackageFilter(e));
    f.setUsers({ QStringLiteral("bob") });
    QVERIFY(!f.passesUserPackageFilter(e));
    f.setUsers({ QStringLiteral("bob"), QStringLiteral("alice") });
    QVERIFY(f.passesUserPackageFilter(e));
    f.setPackages({ QStringLiteral("kernel") });
    QVERIFY(!f.passesUserPackageFilter(e));
    f.setPackages({ QStringLiteral("nethack-data") });
    QVERIFY(f.passesUserPackageFilter(e));
    f.setRenderHook([](const Envelope &) {
        return std::optional<TailRendering>(TailRendering {
            {}, {}, {}, { QStringLiteral("carol") }, { QStringLiteral("nethack-data") }, {} });
    });
    QVERIFY(!f.passesUserPackageFilter(e)); // the renderer says carol, not bob/alice
}

void TestTailFormatter::cowsay()
{
    // the output of `cowsay Hello` (cowsay 3.03, default cow, -W 40)
    QCOMPARE(TailFormatter::cowsay(QStringLiteral("Hello")),
        QStringLiteral(" _______\n"
                       "< Hello >\n"
                       " -------\n"
                       "        \\   ^__^\n"
                       "         \\  (oo)\\_______\n"
                       "            (__)\\       )\\/\\\n"
                       "                ||----w |\n"
                       "                ||     ||"));
    // several lines: / | \ borders, words wrapped before 40 columns, long words cut
    const QString text =
        QStringLiteral("kevin submitted FEDORA-2024-1 to testing for python-requests-2.31 and "
                       "averyveryverylongpackagenamewithoutanyspacesatall-1.0");
    const QStringList lines = TailFormatter::cowsay(text).split(u'\n');
    QCOMPARE(lines.at(1), QStringLiteral("/ kevin submitted FEDORA-2024-1 to        \\"));
    QCOMPARE(lines.at(2), QStringLiteral("| testing for python-requests-2.31 and    |"));
    QCOMPARE(lines.at(3), QStringLiteral("| averyveryverylongpackagenamewithoutanys |"));
    QCOMPARE(lines.at(4), QStringLiteral("\\ pacesatall-1.0                          /"));
    QCOMPARE(lines.at(0).size(), lines.at(5).size());

    TailFormatter f;
    f.setMode(TailFormatter::Mode::Cowsay);
    f.setRenderHook([](const Envelope &) {
        TailRendering r;
        r.subtitle = QStringLiteral("moo");
        return std::optional<TailRendering>(r);
    });
    Envelope env(Envelope::Transport::ZeroMq, JsonValue::emptyObject());
    QVERIFY(f.format(env).startsWith(QStringLiteral(" _____\n< moo >\n")));
}

QTEST_GUILESS_MAIN(TestTailFormatter)
#include "TestTailFormatter.moc"
