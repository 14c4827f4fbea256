// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "cli/TailFormatter.h"
#include "cli/TerminalText.h"
#include "cli/TopicFilter.h"
#include "json/JsonParser.h"

#include <QTest>

using namespace fedmsg;

namespace {
Envelope envelope(const char *json)
{
    return { Envelope::Transport::ZeroMq, JsonParser::parse(json).value() };
}
constexpr const char *Bodhi =
    R"({"topic":"org.fedoraproject.prod.bodhi.update.comment","timestamp":1700000000,
  "msg_id":"2023-abc","i":1,"username":"apache","signature":"c2ln\n","certificate":"Y2VydA==\n","crypto":"x509",
  "msg":{"comment":{"text":"works for me"},"agent":"alice","package":{"name":"nethack"},"packages":["nethack","nethack-data"]}})";
// Every kind of terminal control a message might carry: CSI clear screen, an OSC title change, a
// C1 CSI (U+009B), a right-to-left override and isolate, a newline and a tab, in the topic, the
// users, the packages and the text.
constexpr const char *Hostile =
    R"({"topic":"org.fedoraproject.prod.bodhi.update.comment\u001b]0;pwned\u0007",
  "timestamp":1700000000,"msg_id":"id\u202e","username":"root\u001b[2J",
  "msg":{"log":"clear\u001b[2J\u009b31m\u202egnp.exe\u2066\nnext\tline\u200f\u061c",
  "agent":"mal\u001b]0;title\u0007lory","package":"p\u001b[31m"}})";

/// The first character of text that a terminal would act on (C0 except the layout's \n and \t,
/// DEL, C1, bidi controls), or -1. withLayout: the format itself may write \n and \t.
qsizetype firstControl(const QString &text, bool withLayout)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (withLayout && (c == u'\n' || c == u'\t'))
            continue;
        if (c < 0x20 || (c >= 0x7F && c < 0xA0) || (c >= 0x202A && c <= 0x202E)
            || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C)
            return i;
    }
    return -1;
}
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
    void noModeLetsControlsThrough_data();
    void noModeLetsControlsThrough();
    void jsonStaysExactUnderHostileInput();
    void untrustedMarkerIsEscaped();
    void terminalTextEscapesAndClips();
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
        Rendering r;
        r.title = QStringLiteral("bodhi.update.comment");
        r.subtitle = QStringLiteral("alice commented");
        r.link = QStringLiteral("https://bodhi.example/u/1");
        return std::optional<Rendering>(r);
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
        Rendering r;
        r.usernames = { QStringLiteral("carol") };
        r.packages = { QStringLiteral("nethack-data") };
        return std::optional<Rendering>(r);
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
        Rendering r;
        r.subtitle = QStringLiteral("moo");
        return std::optional<Rendering>(r);
    });
    Envelope env(Envelope::Transport::ZeroMq, JsonValue::emptyObject());
    QVERIFY(f.format(env).startsWith(QStringLiteral(" _____\n< moo >\n")));
}

void TestTailFormatter::noModeLetsControlsThrough_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("hook");
    QTest::addColumn<bool>("color");
    QTest::addColumn<bool>("withLayout");
    QTest::newRow("default") << int(TailFormatter::Mode::Default) << false << false << false;
    QTest::newRow("terse") << int(TailFormatter::Mode::Terse) << false << false << false;
    QTest::newRow("terse rendered") << int(TailFormatter::Mode::Terse) << true << false << false;
    QTest::newRow("query") << int(TailFormatter::Mode::Query) << false << false << false;
    QTest::newRow("gource") << int(TailFormatter::Mode::Gource) << false << false << false;
    QTest::newRow("gource rendered") << int(TailFormatter::Mode::Gource) << true << false << false;
    QTest::newRow("cowsay") << int(TailFormatter::Mode::Cowsay) << false << false << true;
    QTest::newRow("cowsay rendered") << int(TailFormatter::Mode::Cowsay) << true << false << true;
    QTest::newRow("pretty") << int(TailFormatter::Mode::Pretty) << false << false << true;
    QTest::newRow("really-pretty")
        << int(TailFormatter::Mode::ReallyPretty) << false << false << true;
    QTest::newRow("really-pretty colour")
        << int(TailFormatter::Mode::ReallyPretty) << false << true << true;
}

void TestTailFormatter::noModeLetsControlsThrough()
{
    QFETCH(int, mode);
    QFETCH(bool, hook);
    QFETCH(bool, color);
    QFETCH(bool, withLayout);
    TailFormatter f;
    f.setMode(TailFormatter::Mode(mode));
    f.setColor(color);
    f.setQuery(QStringLiteral("topic,msg.log,msg.agent"));
    if (hook) {
        f.setRenderHook([](const Envelope &e) {
            Rendering r;
            r.title = e.topic();
            r.subtitle = e.msg()["log"].toQString();
            r.link = QStringLiteral("https://x.example/\u001b]8;;evil\u0007");
            r.usernames = { e.msg()["agent"].toQString() };
            r.objects = { QStringLiteral("obj\u202e") };
            return std::optional<Rendering>(r);
        });
    }
    QString out = f.format(envelope(Hostile));
    if (color) {
        // Our own colour sequences are the only escapes allowed.
        for (const char *c : { "\033[0m", "\033[34;01m", "\033[32m", "\033[36m", "\033[35m" })
            out.remove(QString::fromLatin1(c));
    }
    const qsizetype at = firstControl(out, withLayout);
    QVERIFY2(at < 0,
        qPrintable(QStringLiteral("U+%1 at %2 in: %3")
                       .arg(at < 0 ? 0 : out.at(at).unicode(), 4, 16, QLatin1Char('0'))
                       .arg(at)
                       .arg(out)));
    // Shown, escaped, not dropped: the reader can still see what was sent.
    if (mode == int(TailFormatter::Mode::Default) || mode == int(TailFormatter::Mode::Query))
        QVERIFY2(out.contains(QStringLiteral("\\x1b]0;pwned\\x07")), qPrintable(out));
    if (hook && mode == int(TailFormatter::Mode::Terse))
        QVERIFY2(out.contains(QStringLiteral("\\u202egnp.exe\\u2066")), qPrintable(out));
}

void TestTailFormatter::jsonStaysExactUnderHostileInput()
{
    TailFormatter f;
    f.setMode(TailFormatter::Mode::Json);
    const Envelope e = envelope(Hostile);
    const QString out = f.format(e);
    QCOMPARE(firstControl(out, false), qsizetype(-1));
    // Still the exact JSON: it parses back to the same body (JSON's escapes keep it harmless).
    const auto back = JsonParser::parse(out.toStdString());
    QVERIFY(back.has_value());
    QVERIFY(*back == e.body());
    QCOMPARE((*back)["msg"]["log"].toQString(),
        QStringLiteral("clear\u001b[2J\u009b31m\u202egnp.exe\u2066\nnext\tline\u200f\u061c"));
}

void TestTailFormatter::untrustedMarkerIsEscaped()
{
    Envelope e = envelope(Hostile);
    e.setTrust(TrustState::Untrusted, QStringLiteral("Untrusted: bad cert CN=\u001b[2Jevil\u202e"));
    const QString marker = TailFormatter::untrustedMarker(e);
    QCOMPARE(firstControl(marker, false), qsizetype(-1));
    QVERIFY2(marker.contains(QStringLiteral("\\x1b[2J")), qPrintable(marker));
}

void TestTailFormatter::terminalTextEscapesAndClips()
{
    // Exactly the controls change; other text (accents, emoji, backslashes) stays as it is.
    QCOMPARE(TerminalText::escape(QStringLiteral("a\u001b[2J\u0007\u007f\u009b\u202e\u2066b")),
        QStringLiteral("a\\x1b[2J\\x07\\x7f\\u009b\\u202e\\u2066b"));
    QCOMPARE(TerminalText::escape(QStringLiteral("line\n\tx\r")), QStringLiteral("line\\n\\tx\\r"));
    QCOMPARE(TerminalText::escape(QStringLiteral("line\n\tx"), TerminalText::Layout::KeepNewlines),
        QStringLiteral("line\n\tx"));
    const QString plain = QStringLiteral("café 😀 C:\\path \u05d0\u05d1");
    QCOMPARE(TerminalText::escape(plain), plain);
    QVERIFY(!TerminalText::needsEscape(plain));
    // Clipped at a character boundary, saying how much was cut.
    const QString long1 = QString(10, QChar(0xe9)); // 20 bytes of UTF-8
    QCOMPARE(TerminalText::clip(long1, 20), long1);
    QCOMPARE(TerminalText::clip(long1, 7),
        QString(3, QChar(0xe9)) + QStringLiteral(" [… 14 bytes cut]"));
    const QString huge(qsizetype(5) * 1024 * 1024, QLatin1Char('x'));
    QCOMPARE(TerminalText::clip(huge, 2048).size(),
        2048 + QStringLiteral(" [… 5240832 bytes cut]").size());
}

QTEST_GUILESS_MAIN(TestTailFormatter)
#include "TestTailFormatter.moc"
