// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "config/PyLiteralReader.h"
#include "json/JsonWriter.h"

#include <QDir>
#include <QTest>

#include <array>

using namespace fedmsg;

class TestPyLiteralReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void literals_data();
    void literals();
    void assignmentsAndNames();
    void unsupportedIsReportedWithLine();
    void syntaxErrorHasLine();
    void neverExecutes();
    void truncatedAndMangledInputNeverCrashes();
};

void TestPyLiteralReader::literals_data()
{
    QTest::addColumn<QByteArray>("expr");
    QTest::addColumn<QByteArray>("json"); // canonical JSON, or "!" for "not a value"

    QTest::newRow("dict call with keywords")
        << QByteArray("dict(a=1, b='x',)") << QByteArray(R"({"a":1,"b":"x"})");
    QTest::newRow("dict literal keeps last duplicate")
        << QByteArray("{'a': 1, 'a': 2}") << QByteArray(R"({"a":2})");
    QTest::newRow("nested dicts and lists")
        << QByteArray("dict(x=dict(y=[1, (2, 3)]))") << QByteArray(R"({"x":{"y":[1,[2,3]]}})");
    QTest::newRow("implicit concatenation")
        << QByteArray("('tcp://' \"host\"\n':9940')") << QByteArray(R"("tcp://host:9940")");
    QTest::newRow("plus on strings") << QByteArray("'a' + 'b'") << QByteArray(R"("ab")");
    QTest::newRow("plus on lists") << QByteArray("[1] + [2]") << QByteArray("[1,2]");
    QTest::newRow("booleans and None")
        << QByteArray("[True, False, None]") << QByteArray("[true,false,null]");
    QTest::newRow("numbers") << QByteArray("[0, -5, 0.5, 1e3, 0x10, 1_000, 10L]")
                             << QByteArray("[0,-5,0.5,1000.0,16,1000,10]");
    QTest::newRow("big integer") << QByteArray("123456789012345678901234567890")
                                 << QByteArray("123456789012345678901234567890");
    QTest::newRow("escapes") << QByteArray(R"('a\n\t\x41\u00e9\\ \q')")
                             << QByteArray(R"("a\n\tA\u00e9\\ \\q")");
    QTest::newRow("raw string") << QByteArray(R"(r'^((?!_heartbeat).)*$\d')")
                                << QByteArray(R"("^((?!_heartbeat).)*$\\d")");
    QTest::newRow("triple quoted") << QByteArray("'''a\nb'''") << QByteArray(R"("a\nb")");
    QTest::newRow("unicode prefix") << QByteArray("u'caf\xc3\xa9'") << QByteArray(R"("caf\u00e9")");
    QTest::newRow("parenthesised value") << QByteArray("('x')") << QByteArray(R"("x")");
    QTest::newRow("empty tuple") << QByteArray("()") << QByteArray("[]");
    QTest::newRow("comments inside") << QByteArray("[1, # one\n 2]") << QByteArray("[1,2]");
    QTest::newRow("integer dict keys become strings")
        << QByteArray("{1: 'a', True: 'b'}") << QByteArray(R"({"1":"a","true":"b"})");
    QTest::newRow("list() of a literal") << QByteArray("list([1, 2])") << QByteArray("[1,2]");
    QTest::newRow("dict spread") << QByteArray("dict({'a': 1}, b=2)")
                                 << QByteArray(R"({"a":1,"b":2})");
    QTest::newRow("percent format is unsupported") << QByteArray("'%s' % 'x'") << QByteArray("!");
    QTest::newRow("function call is unsupported") << QByteArray("os.getcwd()") << QByteArray("!");
    QTest::newRow("unknown name is unsupported") << QByteArray("hostname") << QByteArray("!");
    QTest::newRow("f-string is unsupported") << QByteArray("f'{x}'") << QByteArray("!");
    QTest::newRow("comprehension is unsupported")
        << QByteArray("[x for x in y]") << QByteArray("!");
    QTest::newRow("unterminated string") << QByteArray("'abc") << QByteArray("!");
    QTest::newRow("unbalanced bracket") << QByteArray("[1, 2") << QByteArray("!");
    QTest::newRow("trailing garbage") << QByteArray("1 2") << QByteArray("!");
}

void TestPyLiteralReader::literals()
{
    QFETCH(QByteArray, expr);
    QFETCH(QByteArray, json);
    QList<PyDiagnostic> diags;
    const std::optional<JsonValue> v = PyLiteralReader::evaluate(expr.toStdString(), &diags);
    if (json == "!") {
        QVERIFY2(!v, v ? JsonWriter::canonical(*v).c_str() : "");
        QVERIFY(!diags.isEmpty());
        return;
    }
    QVERIFY2(v, diags.isEmpty() ? "no value" : qPrintable(diags.first().toString()));
    QCOMPARE(QByteArray::fromStdString(JsonWriter::canonical(*v)), json);
}

void TestPyLiteralReader::assignmentsAndNames()
{
    const char *src = "import os\n"
                      "fmt = \"[%(asctime)s] %(message)s\"\n"
                      "port = 9940\n"
                      "base = 'tcp://127.0.0.1:'\n"
                      "config = dict(\n"
                      "    fmt=fmt,\n"
                      "    endpoints={'a': [base + '1']},\n"
                      "    port=port,\n"
                      ")\n";
    QList<PyDiagnostic> diags;
    const auto v = PyLiteralReader::readAssignment(src, QStringLiteral("t.py"), "config", &diags);
    QVERIFY(v);
    QVERIFY2(diags.isEmpty(), diags.isEmpty() ? "" : qPrintable(diags.first().toString()));
    QCOMPARE((*v)["fmt"].toQString(), QStringLiteral("[%(asctime)s] %(message)s"));
    QCOMPARE((*v)["endpoints"]["a"][0].toQString(), QStringLiteral("tcp://127.0.0.1:1"));
    QCOMPARE((*v)["port"].toInt64(), 9940);
}

void TestPyLiteralReader::unsupportedIsReportedWithLine()
{
    const char *src = "import socket\n" // 1
                      "hostname = socket.gethostname()\n" // 2
                      "config = dict(\n" // 3
                      "    a=1,\n" // 4
                      "    b=hostname,\n" // 5
                      "    c=os.path.join('/etc', 'pki'),\n" // 6
                      "    d=[1, '%s' % hostname, 3],\n" // 7
                      ")\n";
    QList<PyDiagnostic> diags;
    const auto v = PyLiteralReader::readAssignment(src, QStringLiteral("x.py"), "config", &diags);
    QVERIFY(v);
    QCOMPARE((*v)["a"].toInt64(), 1);
    QVERIFY(!v->contains("b"));
    QVERIFY(!v->contains("c"));
    QCOMPARE(QByteArray::fromStdString(JsonWriter::canonical((*v)["d"])), QByteArray("[1,3]"));
    QStringList texts;
    for (const PyDiagnostic &d : diags)
        texts << d.toString();
    const QString all = texts.join(QLatin1Char('\n'));
    QVERIFY2(
        all.contains(QStringLiteral("x.py:2: unsupported: socket.gethostname()")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("used at line 5")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("x.py:6: unsupported: os.path.join()")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("x.py:7: unsupported: %-formatting")), qPrintable(all));
}

void TestPyLiteralReader::syntaxErrorHasLine()
{
    const char *src = "config = dict(\n    a=1,\n    b=\"oops,\n)\n";
    QList<PyDiagnostic> diags;
    QVERIFY(!PyLiteralReader::readAssignment(src, QStringLiteral("bad.py"), "config", &diags));
    QCOMPARE(diags.size(), 1);
    QCOMPARE(diags.first().kind, PyDiagnostic::Kind::Error);
    QCOMPARE(diags.first().line, 3);
    QVERIFY(diags.first().toString().startsWith(QStringLiteral("bad.py:3: error: unterminated")));
}

void TestPyLiteralReader::neverExecutes()
{
    // Calls are never evaluated: this must neither run anything nor hang.
    const char *src = "__import__('os').system('touch /tmp/fedmsg-notify-pwned')\n"
                      "config = dict(x=__import__('os').system('false'), y=1)\n"
                      "if True:\n    config = {}\n";
    QList<PyDiagnostic> diags;
    const auto v =
        PyLiteralReader::readAssignment(src, QStringLiteral("evil.py"), "config", &diags);
    QVERIFY(v);
    QCOMPARE(QByteArray::fromStdString(JsonWriter::canonical(*v)), QByteArray(R"({"y":1})"));
    QVERIFY(!QFile::exists(QStringLiteral("/tmp/fedmsg-notify-pwned")));
    QVERIFY(diags.size() >= 3);
}

void TestPyLiteralReader::truncatedAndMangledInputNeverCrashes()
{
    // Every prefix of every fixture, and each with one byte flipped to a nasty character:
    // the reader must return (a value or diagnostics) without crashing or hanging.
    const QDir dir(QStringLiteral(FEDMSG_SOURCE_DIR "/tests/config/data/etc-fedmsg.d"));
    int runs = 0;
    for (const QString &name : dir.entryList({ QStringLiteral("*.py") })) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        const std::array<char, 12> nasty = {
            '(', ')', '[', '{', '}', '"', '\'', '\\', '\n', '#', '%', '\0'
        };
        for (qsizetype cut = 0; cut <= text.size(); cut += 7) {
            QList<PyDiagnostic> diags;
            PyLiteralReader::readAssignment(
                std::string_view(text.constData(), std::size_t(cut)), name, "config", &diags);
            QByteArray mangled = text;
            if (cut < mangled.size())
                mangled[cut] = nasty[std::size_t(cut) % nasty.size()];
            PyLiteralReader::readAssignment(
                std::string_view(mangled.constData(), std::size_t(mangled.size())),
                name,
                "config",
                &diags);
            runs += 2;
        }
    }
    QVERIFY(runs > 500);
    // Nesting is limited like Python's parser (about 200 levels), never by the stack.
    const std::string ok = "config = " + std::string(150, '[') + std::string(150, ']') + "\n";
    QList<PyDiagnostic> diags;
    QVERIFY(PyLiteralReader::readAssignment(ok, QStringLiteral("deep.py"), "config", &diags));
    const std::string deep = "config = " + std::string(100000, '[') + "\n";
    QVERIFY(!PyLiteralReader::readAssignment(deep, QStringLiteral("deep.py"), "config", &diags));
    QVERIFY(diags.last().message.contains(QStringLiteral("nested")));
}

QTEST_GUILESS_MAIN(TestPyLiteralReader)
#include "TestPyLiteralReader.moc"
