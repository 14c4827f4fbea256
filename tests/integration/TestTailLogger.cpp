// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// fedmsg-logger -> fedmsg-tail end to end: both built programs, real sockets on 127.0.0.1.
#include "LoopbackEndpoint.h"
#include "PseudoTerminal.h"
#include "json/JsonParser.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <zmq.h>

#include <array>
#include <csignal>

using namespace fedmsg;
using fedmsg::test::freeLoopbackEndpoint;
using fedmsg::test::vectorCertDir;

namespace {

QString tailBin()
{
    return qEnvironmentVariable("FEDMSG_TAIL_BIN");
}
QString loggerBin()
{
    return qEnvironmentVariable("FEDMSG_LOGGER_BIN");
}
QStringList lines(const QByteArray &out)
{
    QStringList l = QString::fromUtf8(out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return l;
}

/// Runs fedmsg-logger to completion; returns its exit code (-1 on timeout).
int runLogger(
    const QStringList &args, const QByteArray &stdinData = {}, QByteArray *errOut = nullptr)
{
    QProcess p;
    p.start(loggerBin(), QStringList { QStringLiteral("--no-default-config") } + args);
    if (!p.waitForStarted(5000))
        return -1;
    if (!stdinData.isNull())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(15000)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    if (errOut)
        *errOut = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

class Tail
{
public:
    explicit Tail(const QStringList &args)
    {
        m_p.start(tailBin(), QStringList { QStringLiteral("--no-default-config") } + args);
    }
    ~Tail()
    {
        if (m_p.state() != QProcess::NotRunning) {
            m_p.kill();
            m_p.waitForFinished();
        }
    }
    Tail(const Tail &) = delete;
    Tail &operator=(const Tail &) = delete;
    Tail(Tail &&) = delete;
    Tail &operator=(Tail &&) = delete;
    QProcess &process() { return m_p; }
    bool waitForLines(int n, int timeoutMs = 10000)
    {
        QElapsedTimer t;
        t.start();
        while (lines(m_out).size() < n && t.elapsed() < timeoutMs) {
            m_p.waitForReadyRead(200);
            m_out += m_p.readAllStandardOutput();
            if (m_p.state() == QProcess::NotRunning) {
                m_out += m_p.readAllStandardOutput();
                break;
            }
        }
        return lines(m_out).size() >= n;
    }
    QStringList outLines() { return lines(m_out += m_p.readAllStandardOutput()); }
    QByteArray err() { return m_err += m_p.readAllStandardError(); }

private:
    QProcess m_p;
    QByteArray m_out;
    QByteArray m_err;
};

JsonValue parse(const QString &line)
{
    return JsonParser::parse(line.toStdString()).value_or(JsonValue());
}

/// The endpoint a socket bound to "tcp://127.0.0.1:*" got.
QString lastEndpoint(void *socket)
{
    std::array<char, 256> buf {};
    size_t len = buf.size();
    zmq_getsockopt(socket, ZMQ_LAST_ENDPOINT, buf.data(), &len);
    return QString::fromLatin1(buf.data());
}

} // namespace

class TestTailLogger : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void messageReachesTailTenOutOfTen();
    void loggerConnectsToRelayInboundWithoutLosingTheFirstMessage();
    void stdinLinesBecomeLogMessages();
    void signedIsTrustedUnsignedIsReported();
    void terseAndQueryFormats();
    void commonFedmsgOptions();
    void printConfigRefusesABrokenFile();
    void loggerRefusesInvalidUtf8LinesAndSendsTheOthers();
    void encryptedSigningKeyAsksOnTheTerminal();
    void tailExitsOnSigterm();
    void tailExitsOnBrokenPipe();
};

void TestTailLogger::initTestCase()
{
    QVERIFY2(QFile::exists(tailBin()), "FEDMSG_TAIL_BIN must name the built fedmsg-tail");
    QVERIFY2(QFile::exists(loggerBin()), "FEDMSG_LOGGER_BIN must name the built fedmsg-logger");
}

void TestTailLogger::messageReachesTailTenOutOfTen()
{
    const QString url = freeLoopbackEndpoint();
    Tail tail({ QStringLiteral("--endpoint"),
        url,
        QStringLiteral("--json"),
        QStringLiteral("--count"),
        QStringLiteral("10") });
    int delivered = 0;
    for (int i = 0; i < 10; ++i) {
        QCOMPARE(runLogger({ QStringLiteral("--bind"),
                     url,
                     QStringLiteral("--message"),
                     QStringLiteral("hi %1").arg(i) }),
            0);
        if (tail.waitForLines(i + 1, 5000))
            ++delivered;
        else
            qWarning("message %d did not arrive", i);
    }
    QCOMPARE(delivered, 10);
    QVERIFY(tail.process().waitForFinished(5000)); // --count 10 ends it
    QCOMPARE(tail.process().exitCode(), 0);
    const QStringList out = tail.outLines();
    QCOMPARE(out.size(), 10);
    for (int i = 0; i < 10; ++i) {
        const JsonValue body = parse(out.at(i));
        QCOMPARE(body["topic"].toQString(), QStringLiteral("org.fedoraproject.dev.logger.log"));
        QCOMPARE(body["msg"]["log"].toQString(), QStringLiteral("hi %1").arg(i));
        QVERIFY(body["msg_id"].toQString().contains(QLatin1Char('-')));
        QVERIFY(body["timestamp"].isInteger());
        QCOMPARE(body["i"].toInt64(), 1);
        QVERIFY(!body["username"].toQString().isEmpty());
    }
}

void TestTailLogger::loggerConnectsToRelayInboundWithoutLosingTheFirstMessage()
{
    // The test plays fedmsg-relay: a SUB bound at relay_inbound, subscribed to everything.
    void *ctx = zmq_ctx_new();
    void *sub = zmq_socket(ctx, ZMQ_SUB);
    zmq_setsockopt(sub, ZMQ_SUBSCRIBE, "", 0);
    QCOMPARE(zmq_bind(sub, "tcp://127.0.0.1:*"), 0);
    const QString url = lastEndpoint(sub);
    int received = 0;
    for (int i = 0; i < 10; ++i) {
        // A relay keeps calling into its socket (libzmq attaches new peers and sends them the
        // subscription only then), so poll while the logger runs instead of blocking on it.
        QProcess logger;
        logger.start(loggerBin(),
            { QStringLiteral("--no-default-config"),
                QStringLiteral("--endpoint"),
                url,
                QStringLiteral("--message"),
                QStringLiteral("relay %1").arg(i),
                QStringLiteral("--modname"),
                QStringLiteral("git"),
                QStringLiteral("--topic"),
                QStringLiteral("receive") });
        QVERIFY(logger.waitForStarted(5000));
        QElapsedTimer t;
        t.start();
        bool got = false;
        while (!got && t.elapsed() < 10000) {
            zmq_pollitem_t item { sub, 0, ZMQ_POLLIN, 0 };
            if (zmq_poll(&item, 1, 50) != 1)
                continue;
            std::array<char, 256> topic {};
            const int n = zmq_recv(sub, topic.data(), topic.size() - 1, 0);
            QVERIFY(n > 0);
            QCOMPARE(QByteArray(topic.data(), n), QByteArray("org.fedoraproject.dev.git.receive"));
            zmq_msg_t body;
            zmq_msg_init(&body);
            zmq_msg_recv(&body, sub, 0);
            const JsonValue v = parse(QString::fromUtf8(
                static_cast<const char *>(zmq_msg_data(&body)), int(zmq_msg_size(&body))));
            zmq_msg_close(&body);
            QCOMPARE(v["msg"]["log"].toQString(), QStringLiteral("relay %1").arg(i));
            got = true;
        }
        QVERIFY(logger.waitForFinished(10000));
        QCOMPARE(logger.exitCode(), 0);
        QVERIFY2(!logger.readAllStandardError().contains("no subscriber"),
            "the logger saw the relay's subscription");
        received += got ? 1 : 0;
    }
    zmq_close(sub);
    zmq_ctx_term(ctx);
    QCOMPARE(received, 10);
}

void TestTailLogger::stdinLinesBecomeLogMessages()
{
    const QString url = freeLoopbackEndpoint();
    Tail tail({ QStringLiteral("--endpoint"),
        url,
        QStringLiteral("--json"),
        QStringLiteral("--count"),
        QStringLiteral("3") });
    QCOMPARE(
        runLogger({ QStringLiteral("--bind"), url }, QByteArray("  first line  \nsecond\nthird\n")),
        0);
    QVERIFY(tail.waitForLines(3));
    const QStringList out = tail.outLines();
    QCOMPARE(parse(out.at(0))["msg"]["log"].toQString(), QStringLiteral("first line"));
    QCOMPARE(parse(out.at(1))["msg"]["log"].toQString(), QStringLiteral("second"));
    QCOMPARE(parse(out.at(2))["msg"]["log"].toQString(), QStringLiteral("third"));
    QCOMPARE(parse(out.at(2))["i"].toInt64(), 3);

    // --json-input: the whole stdin is one JSON value.
    Tail tail2({ QStringLiteral("--endpoint"),
        url,
        QStringLiteral("--json"),
        QStringLiteral("--count"),
        QStringLiteral("1") });
    QCOMPARE(runLogger({ QStringLiteral("--bind"),
                           url,
                           QStringLiteral("--json-input"),
                           QStringLiteral("--modname"),
                           QStringLiteral("ci"),
                           QStringLiteral("--topic"),
                           QStringLiteral("build.done") },
                 QByteArray("{\"package\": \"nethack\",\n \"ok\": true}")),
        0);
    QVERIFY(tail2.waitForLines(1));
    const JsonValue body = parse(tail2.outLines().at(0));
    QCOMPARE(body["topic"].toQString(), QStringLiteral("org.fedoraproject.dev.ci.build.done"));
    QCOMPARE(body["msg"]["package"].toQString(), QStringLiteral("nethack"));
    QCOMPARE(body["msg"]["ok"].toBool(), true);

    QByteArray err;
    QCOMPARE(runLogger({ QStringLiteral("--bind"),
                           url,
                           QStringLiteral("--json-input"),
                           QStringLiteral("--message"),
                           QStringLiteral("{bad"),
                           QStringLiteral("--wait"),
                           QStringLiteral("0") },
                 {},
                 &err),
        1);
    QVERIFY2(err.contains("--json-input"), err.constData());
}

void TestTailLogger::signedIsTrustedUnsignedIsReported()
{
    const QString url = freeLoopbackEndpoint();
    Tail tail({ QStringLiteral("--endpoint"),
        url,
        QStringLiteral("--json"),
        QStringLiteral("--validate"),
        QStringLiteral("--ca-cert"),
        vectorCertDir() + QStringLiteral("ca.crt"),
        QStringLiteral("--crl"),
        vectorCertDir() + QStringLiteral("crl.pem"),
        QStringLiteral("--count"),
        QStringLiteral("1") });
    QCOMPARE(runLogger({ QStringLiteral("--bind"),
                 url,
                 QStringLiteral("--message"),
                 QStringLiteral("unsigned one") }),
        0);
    QCOMPARE(runLogger({ QStringLiteral("--bind"),
                 url,
                 QStringLiteral("--message"),
                 QStringLiteral("signed one"),
                 QStringLiteral("--cert"),
                 vectorCertDir() + QStringLiteral("shell-app01.phx2.fedoraproject.org.crt"),
                 QStringLiteral("--key"),
                 vectorCertDir() + QStringLiteral("shell-app01.phx2.fedoraproject.org.key") }),
        0);
    QVERIFY(tail.waitForLines(1));
    QVERIFY(tail.process().waitForFinished(5000));
    const QStringList out = tail.outLines();
    QCOMPARE(out.size(), 1); // the unsigned message never reaches --json output
    const JsonValue body = parse(out.at(0));
    QCOMPARE(body["msg"]["log"].toQString(), QStringLiteral("signed one"));
    QCOMPARE(body["crypto"].toQString(), QStringLiteral("x509"));
    QVERIFY(body["signature"].isString());
    QVERIFY(body["certificate"].isString());
    const QByteArray err = tail.err();
    QVERIFY2(err.contains("UNTRUSTED"), err.constData());
    QVERIFY2(err.contains("1 shown, 1 untrusted"), err.constData());

    // A message signed by a certificate of another CA is untrusted too (text mode marks it).
    Tail text({ QStringLiteral("--endpoint"),
        url,
        QStringLiteral("--validate"),
        QStringLiteral("--ca-cert"),
        vectorCertDir() + QStringLiteral("ca.crt"),
        QStringLiteral("--crl"),
        QStringLiteral("none"),
        QStringLiteral("--count"),
        QStringLiteral("1") });
    QCOMPARE(runLogger({ QStringLiteral("--bind"),
                 url,
                 QStringLiteral("--message"),
                 QStringLiteral("rogue"),
                 QStringLiteral("--cert"),
                 vectorCertDir() + QStringLiteral("rogue-selfsigned-shell-app01.crt"),
                 QStringLiteral("--key"),
                 vectorCertDir() + QStringLiteral("rogue-selfsigned-shell-app01.key") }),
        0);
    QVERIFY(text.waitForLines(1));
    QVERIFY2(text.outLines().at(0).startsWith(QStringLiteral("UNTRUSTED (")),
        qPrintable(text.outLines().at(0)));
}

void TestTailLogger::terseAndQueryFormats()
{
    // One tail per format, each on its own endpoint, so that each one is surely subscribed.
    auto tailOnce = [](const QStringList &tailArgs, const QList<QStringList> &loggerRuns) {
        const QString url = freeLoopbackEndpoint();
        Tail tail(
            QStringList {
                QStringLiteral("--endpoint"), url, QStringLiteral("--count"), QStringLiteral("1") }
            + tailArgs);
        for (const QStringList &run : loggerRuns)
            runLogger(QStringList { QStringLiteral("--bind"), url } + run);
        tail.waitForLines(1);
        return tail.outLines();
    };
    const QStringList hello { QStringLiteral("--message"), QStringLiteral("hello world") };
    const QStringList terse = tailOnce({ QStringLiteral("--terse") }, { hello });
    QCOMPARE(terse.size(), 1);
    QVERIFY2(terse.at(0).contains(QStringLiteral(" -- ")), qPrintable(terse.at(0)));
    const QStringList query =
        tailOnce({ QStringLiteral("--query"), QStringLiteral("msg.log,topic") }, { hello });
    QCOMPARE(query, QStringList { QStringLiteral("hello world,org.fedoraproject.dev.logger.log") });
    // --exclude hides the first message; the second one (another modname) is shown.
    const QStringList excluded = tailOnce(
        { QStringLiteral("--exclude"), QStringLiteral("\\.logger\\."), QStringLiteral("--json") },
        { hello, hello + QStringList { QStringLiteral("--modname"), QStringLiteral("other") } });
    QCOMPARE(excluded.size(), 1);
    QCOMPARE(parse(excluded.at(0))["topic"].toQString(),
        QStringLiteral("org.fedoraproject.dev.other.log"));
    // --include shows only what matches.
    const QStringList included = tailOnce(
        { QStringLiteral("--include"), QStringLiteral("other"), QStringLiteral("--json") },
        { hello, hello + QStringList { QStringLiteral("--modname"), QStringLiteral("other") } });
    QCOMPARE(included.size(), 1);
    QCOMPARE(parse(included.at(0))["topic"].toQString(),
        QStringLiteral("org.fedoraproject.dev.other.log"));
    // --cowsay: the summary in a speech bubble over the cow
    const QStringList cow = tailOnce({ QStringLiteral("--cowsay") }, { hello });
    QVERIFY2(cow.size() >= 8, qPrintable(cow.join(u'\n')));
    QVERIFY(cow.at(0).startsWith(QStringLiteral(" __")));
    QVERIFY2(
        cow.join(u'\n').contains(QStringLiteral("(oo)\\_______")), qPrintable(cow.join(u'\n')));
    // --topic-prefix (a Python fedmsg common option) changes what the logger sends
    const QStringList prefixed = tailOnce({ QStringLiteral("--json") },
        { hello
            + QStringList { QStringLiteral("--topic-prefix"), QStringLiteral("org.example") } });
    QCOMPARE(prefixed.size(), 1);
    QCOMPARE(
        parse(prefixed.at(0))["topic"].toQString(), QStringLiteral("org.example.dev.logger.log"));
}

void TestTailLogger::commonFedmsgOptions()
{
    // --print-config shows the merged configuration with the command-line overrides and exits
    for (const QString &bin : { loggerBin(), tailBin() }) {
        QProcess p;
        p.start(bin,
            { QStringLiteral("--no-default-config"),
                QStringLiteral("--print-config"),
                QStringLiteral("--topic-prefix"),
                QStringLiteral("org.example"),
                QStringLiteral("--io-threads"),
                QStringLiteral("2"),
                QStringLiteral("--timeout"),
                QStringLiteral("1.5"),
                QStringLiteral("--linger"),
                QStringLiteral("0") });
        QVERIFY(p.waitForFinished(15000));
        QCOMPARE(p.exitCode(), 0);
        const JsonValue config = parse(QString::fromUtf8(p.readAllStandardOutput()));
        QCOMPARE(config["topic_prefix"].toQString(), QStringLiteral("org.example"));
        QCOMPARE(config["io_threads"].toInt64(), 2);
        QCOMPARE(config["timeout"].toDouble(), 1.5);
        QCOMPARE(config["zmq_linger"].toInt64(), 0);
    }
    // a value that is not a number is refused with the option's name
    QProcess bad;
    bad.start(tailBin(),
        { QStringLiteral("--no-default-config"),
            QStringLiteral("--io-threads"),
            QStringLiteral("many"),
            QStringLiteral("--endpoint"),
            QStringLiteral("tcp://127.0.0.1:1") });
    QVERIFY(bad.waitForFinished(15000));
    QCOMPARE(bad.exitCode(), 2);
    QVERIFY(bad.readAllStandardError().contains("--io-threads"));
}

void TestTailLogger::printConfigRefusesABrokenFile()
{
    // A missing comma on line 3: printing "{}" (or the defaults) and exiting 0 would present
    // a configuration that is not the one in the files.
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("base.py")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("config = dict(\n    validate_signatures=True,\n    topic_prefix='org.example'\n"
            "    environment='prod',\n)\n");
    f.close();
    for (const QString &bin : { loggerBin(), tailBin() }) {
        QProcess p;
        p.start(bin,
            { QStringLiteral("--no-default-config"),
                QStringLiteral("--config"),
                dir.path(),
                QStringLiteral("--print-config") });
        QVERIFY(p.waitForFinished(15000));
        const QByteArray out = p.readAllStandardOutput();
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(p.exitCode() != 0, out.constData());
        QVERIFY2(out.trimmed().isEmpty(), out.constData());
        QVERIFY2(err.contains("base.py:"), err.constData());
    }
}

void TestTailLogger::loggerRefusesInvalidUtf8LinesAndSendsTheOthers()
{
    const QString url = freeLoopbackEndpoint();
    Tail tail({ QStringLiteral("--endpoint"),
        url,
        QStringLiteral("--json"),
        QStringLiteral("--count"),
        QStringLiteral("2") });
    QByteArray err;
    // Line 2 is not UTF-8 (a Latin-1 byte, then a stray continuation byte).
    QCOMPARE(
        runLogger(
            { QStringLiteral("--bind"), url }, QByteArray("before\ncaf\xe9 \x80\nafter\n"), &err),
        1);
    QVERIFY2(err.contains("line 2") && err.contains("UTF-8"), err.constData());
    QVERIFY(tail.waitForLines(2));
    const QStringList out = tail.outLines();
    QCOMPARE(out.size(), 2);
    QCOMPARE(parse(out.at(0))["msg"]["log"].toQString(), QStringLiteral("before"));
    QCOMPARE(parse(out.at(1))["msg"]["log"].toQString(), QStringLiteral("after"));
}

void TestTailLogger::encryptedSigningKeyAsksOnTheTerminal()
{
    const QString crt = vectorCertDir() + QStringLiteral("shell-app01.phx2.fedoraproject.org.crt");
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString key = tmp.filePath(QStringLiteral("encrypted.key"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
        { QStringLiteral("pkey"),
            QStringLiteral("-in"),
            vectorCertDir() + QStringLiteral("shell-app01.phx2.fedoraproject.org.key"),
            QStringLiteral("-aes256"),
            QStringLiteral("-passout"),
            QStringLiteral("pass:s3cret"),
            QStringLiteral("-out"),
            key });
    if (!openssl.waitForStarted(5000))
        QSKIP("the openssl program is not installed");
    QVERIFY(openssl.waitForFinished(15000));
    QCOMPARE(openssl.exitCode(), 0);

    // Without a terminal (a session of its own): a clear error, nothing sent.
    {
        QProcess logger;
        logger.setChildProcessModifier([] {
            ::setsid();
        });
        logger.start(loggerBin(),
            { QStringLiteral("--no-default-config"),
                QStringLiteral("--bind"),
                freeLoopbackEndpoint(),
                QStringLiteral("--wait"),
                QStringLiteral("0"),
                QStringLiteral("--message"),
                QStringLiteral("x"),
                QStringLiteral("--cert"),
                crt,
                QStringLiteral("--key"),
                key });
        QVERIFY(logger.waitForFinished(15000));
        QVERIFY(logger.exitCode() != 0);
        const QByteArray err = logger.readAllStandardError();
        QVERIFY2(err.contains("pass phrase was not given"), err.constData());
    }

    // On a terminal: the prompt appears there, the typed pass phrase unlocks the key, and the
    // message arrives signed.
    fedmsg::test::PseudoTerminal pty;
    if (!pty.isValid())
        QSKIP("no pseudo-terminal available (posix_openpt)");
    const QString url = freeLoopbackEndpoint();
    Tail tail({ QStringLiteral("--endpoint"),
        url,
        QStringLiteral("--count"),
        QStringLiteral("1"),
        QStringLiteral("--json") });
    QProcess logger;
    const QByteArray terminal = pty.slavePath().toLocal8Bit();
    logger.setChildProcessModifier([terminal] {
        ::setsid();
        const int fd = ::open(terminal.constData(), O_RDWR); // becomes the controlling terminal
        if (fd >= 0)
            ::close(fd);
    });
    logger.start(loggerBin(),
        { QStringLiteral("--no-default-config"),
            QStringLiteral("--bind"),
            url,
            QStringLiteral("--message"),
            QStringLiteral("signed hello"),
            QStringLiteral("--cert"),
            crt,
            QStringLiteral("--key"),
            key });
    QByteArray screen;
    for (int i = 0; i < 50 && !screen.contains("Enter pass phrase"); ++i)
        screen += pty.screen(200);
    QVERIFY2(screen.contains("Enter pass phrase for"), screen.constData());
    QVERIFY(pty.type("s3cret\n"));
    QVERIFY(logger.waitForFinished(15000));
    QVERIFY2(logger.exitCode() == 0, logger.readAllStandardError().constData());
    tail.waitForLines(1);
    const QStringList got = tail.outLines();
    QCOMPARE(got.size(), 1);
    const JsonValue body = parse(got.first());
    QCOMPARE(body["msg"]["log"].toQString(), QStringLiteral("signed hello"));
    QVERIFY(body["signature"].isString());
    QVERIFY(!screen.contains("s3cret"));
}

void TestTailLogger::tailExitsOnSigterm()
{
    // Our own XPUB at the endpoint: the tail's subscription arriving means it is up (its
    // SIGTERM handler is installed before it subscribes), so the signal cannot come too early.
    void *ctx = zmq_ctx_new();
    void *pub = zmq_socket(ctx, ZMQ_XPUB);
    QVERIFY(zmq_bind(pub, "tcp://127.0.0.1:*") == 0);
    Tail tail({ QStringLiteral("--endpoint"), lastEndpoint(pub) });
    QVERIFY(tail.process().waitForStarted(5000));
    zmq_pollitem_t item { pub, 0, ZMQ_POLLIN, 0 };
    const int ready = zmq_poll(&item, 1, 30000);
    const int linger = 0;
    zmq_setsockopt(pub, ZMQ_LINGER, &linger, sizeof linger);
    zmq_close(pub);
    zmq_ctx_term(ctx);
    QVERIFY2(ready == 1, "fedmsg-tail did not subscribe within 30 s");
    ::kill(pid_t(tail.process().processId()), SIGTERM);
    QVERIFY(tail.process().waitForFinished(5000));
    QCOMPARE(tail.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(tail.process().exitCode(), 0);
}

void TestTailLogger::tailExitsOnBrokenPipe()
{
    const QString url = freeLoopbackEndpoint();
    QProcess sh;
    // head exits after one line; fedmsg-tail must then exit cleanly (status 0) on EPIPE.
    sh.start(QStringLiteral("bash"),
        { QStringLiteral("-c"),
            QStringLiteral("'%1' --no-default-config --endpoint %2 | head -n 1; echo "
                           "\"tail=${PIPESTATUS[0]}\" >&2")
                .arg(tailBin(), url) });
    QVERIFY(sh.waitForStarted(5000));
    QTest::qWait(300);
    QCOMPARE(runLogger({ QStringLiteral("--bind"), url }, QByteArray("one\n")), 0);
    QTRY_VERIFY_WITH_TIMEOUT(
        sh.bytesAvailable() > 0 || sh.waitForReadyRead(100), 5000); // head printed and exits
    QTest::qWait(100);
    // The next write hits the closed pipe.
    QCOMPARE(runLogger({ QStringLiteral("--bind"), url }, QByteArray("two\nthree\n")), 0);
    QVERIFY(sh.waitForFinished(10000));
    const QByteArray err = sh.readAllStandardError();
    QVERIFY2(err.contains("tail=0"), err.constData());
    QCOMPARE(lines(sh.readAllStandardOutput()).size(), 1);
}

QTEST_GUILESS_MAIN(TestTailLogger)
#include "TestTailLogger.moc"
