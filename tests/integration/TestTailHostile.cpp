// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The built fedmsg-tail against a hostile publisher on a real ZeroMQ socket: nothing a message
// carries may reach the terminal as a control sequence, in any output mode or diagnostic.
#include "LoopbackEndpoint.h"
#include "json/JsonParser.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

#include <zmq.h>

#include <csignal>

using namespace fedmsg;
using fedmsg::test::freeLoopbackEndpoint;

namespace {

/// A fedmsg publisher that sends whatever it is told to (frame topic, body).
class HostilePublisher
{
public:
    explicit HostilePublisher(const QString &url)
        : m_ctx(zmq_ctx_new())
        , m_socket(zmq_socket(m_ctx, ZMQ_PUB))
    {
        const int linger = 0;
        zmq_setsockopt(m_socket, ZMQ_LINGER, &linger, sizeof linger);
        m_bound = zmq_bind(m_socket, url.toLatin1().constData()) == 0;
    }
    ~HostilePublisher()
    {
        zmq_close(m_socket);
        zmq_ctx_term(m_ctx);
    }
    HostilePublisher(const HostilePublisher &) = delete;
    HostilePublisher &operator=(const HostilePublisher &) = delete;
    HostilePublisher(HostilePublisher &&) = delete;
    HostilePublisher &operator=(HostilePublisher &&) = delete;
    bool isBound() const { return m_bound; }
    void send(const QByteArray &topic, const QByteArray &body)
    {
        zmq_send(m_socket, topic.constData(), std::size_t(topic.size()), ZMQ_SNDMORE);
        zmq_send(m_socket, body.constData(), std::size_t(body.size()), 0);
    }

private:
    void *m_ctx = nullptr;
    void *m_socket = nullptr;
    bool m_bound = false;
};

QByteArray message(const QByteArray &topic,
    const QByteArray &msgJson,
    const QByteArray &id,
    const QByteArray &username = R"(u\u001b[2J)")
{
    return R"({"topic":")" + topic + R"(","msg_id":")" + id
        + R"(","timestamp":1700000000,"i":1,"username":")" + username + R"(","msg":)" + msgJson
        + "}";
}

// Plain messages that every mode shows recognisably (text, or the user for --gource).
const QByteArray LogTopic = "org.fedoraproject.prod.logger.log";

const QByteArray Topic = "org.fedoraproject.prod.bodhi.update.comment";
// Escapes as JSON carries them: CSI clear screen, OSC title, C1 CSI, RLO, LRI, RLM, ALM.
const QByteArray Evil =
    R"(clear\u001b[2J\u001b]0;pwned\u0007\u009b31m\u202egnp.exe\u2066\u200f\u061c)";

/// Index of the first terminal control in out (\n and \t allowed: the format writes them).
qsizetype firstControl(const QString &out)
{
    for (qsizetype i = 0; i < out.size(); ++i) {
        const char16_t c = out.at(i).unicode();
        if (c == u'\n' || c == u'\t')
            continue;
        if (c < 0x20 || (c >= 0x7F && c < 0xA0) || (c >= 0x202A && c <= 0x202E)
            || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C)
            return i;
    }
    return -1;
}

} // namespace

class TestTailHostile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noControlSequenceReachesTheTerminal_data();
    void noControlSequenceReachesTheTerminal();
};

void TestTailHostile::noControlSequenceReachesTheTerminal_data()
{
    QTest::addColumn<QStringList>("mode");
    QTest::newRow("default") << QStringList {};
    QTest::newRow("terse") << QStringList { QStringLiteral("--terse") };
    QTest::newRow("query") << QStringList { QStringLiteral("--query"),
        QStringLiteral("topic,msg.log,username") };
    QTest::newRow("cowsay") << QStringList { QStringLiteral("--cowsay") };
    QTest::newRow("gource") << QStringList { QStringLiteral("--gource") };
    QTest::newRow("pretty") << QStringList { QStringLiteral("--pretty") };
    QTest::newRow("really-pretty") << QStringList { QStringLiteral("--really-pretty") };
    QTest::newRow("json") << QStringList { QStringLiteral("--json") };
}

void TestTailHostile::noControlSequenceReachesTheTerminal()
{
    QFETCH(QStringList, mode);
    const QString url = freeLoopbackEndpoint();
    HostilePublisher pub(url);
    QVERIFY(pub.isBound());
    QProcess tail;
    tail.start(qEnvironmentVariable("FEDMSG_TAIL_BIN"),
        QStringList { QStringLiteral("--no-default-config"),
            QStringLiteral("--no-validate"),
            QStringLiteral("--endpoint"),
            url }
            + mode);
    QVERIFY(tail.waitForStarted(5000));
    // The subscription is up once a probe comes through (ZeroMQ's slow joiner).
    QByteArray out;
    QElapsedTimer clock;
    clock.start();
    int probes = 0;
    while (!out.contains("probe") && clock.elapsed() < 20000) {
        pub.send(LogTopic,
            message(LogTopic, R"({"log":"probe"})", QByteArray::number(++probes), "probe"));
        tail.waitForReadyRead(100);
        out += tail.readAllStandardOutput();
    }
    QVERIFY2(out.contains("probe"), "fedmsg-tail never showed the probe");

    // Controls in the topic, the text, the user; a topic-frame/body mismatch with a 5 MB topic
    // (a diagnostic on stderr); then a harmless last message.
    // The topic frame carries the raw bytes (ESC, BEL, U+202E in UTF-8), the body their escapes.
    const QByteArray evilTopicFrame = Topic + ".x\x1b]0;title\x07\xe2\x80\xae";
    const QByteArray evilTopicJson = Topic + R"(.x\u001b]0;title\u0007\u202e)";
    pub.send(evilTopicFrame,
        message(evilTopicJson, R"({"log":")" + Evil + R"(","agent":"a\u001b[31m"})", "e1"));
    pub.send(Topic, message(Topic, R"({"log":")" + Evil + R"(","agent":"\u202eadmin"})", "e2"));
    const QByteArray hugeTopic =
        Topic + ".\\u001b[2J" + QByteArray(qsizetype { 5 } * 1024 * 1024, 'x');
    pub.send(Topic, message(hugeTopic, R"({"log":"mismatch"})", "e3"));
    pub.send(LogTopic, message(LogTopic, R"({"log":"the end"})", "end", "theend"));
    clock.restart();
    while (!out.contains("the end") && !out.contains("theend") && clock.elapsed() < 20000) {
        tail.waitForReadyRead(200);
        out += tail.readAllStandardOutput();
    }
    QVERIFY2(out.contains("the end") || out.contains("theend"),
        "fedmsg-tail never showed the last message");
    tail.terminate();
    QVERIFY(tail.waitForFinished(10000));
    out += tail.readAllStandardOutput();
    const QByteArray err = tail.readAllStandardError();

    const QString text = QString::fromUtf8(out);
    const qsizetype at = firstControl(text);
    QVERIFY2(at < 0,
        qPrintable(QStringLiteral("stdout has U+%1: %2")
                       .arg(at < 0 ? 0 : text.at(at).unicode(), 4, 16, QLatin1Char('0'))
                       .arg(text.mid(std::max<qsizetype>(0, at - 60), 120))));
    const QString errText = QString::fromUtf8(err);
    const qsizetype errAt = firstControl(errText);
    QVERIFY2(
        errAt < 0, qPrintable(QStringLiteral("stderr has a control: %1").arg(errText.left(300))));
    // The mismatch is reported, clipped, saying how much was cut.
    QVERIFY2(errText.contains(QStringLiteral("bytes cut")), qPrintable(errText.left(300)));
    QVERIFY2(err.size() < qsizetype { 16 } * 1024,
        qPrintable(QStringLiteral("%1 bytes on stderr").arg(err.size())));
    if (mode == QStringList { QStringLiteral("--json") }) {
        // Exact JSON still: every line parses, the controls survive as JSON escapes.
        const QList<QByteArray> lines = out.split('\n');
        int evil = 0;
        for (const QByteArray &line : lines) {
            if (line.isEmpty())
                continue;
            const auto v = JsonParser::parse(line.toStdString());
            QVERIFY2(v.has_value(), line.constData());
            if ((*v)["msg"]["log"].toQString().contains(QStringLiteral("gnp.exe"))) {
                ++evil;
                QVERIFY((*v)["msg"]["log"].toQString().contains(QStringLiteral("\u001b[2J")));
            }
        }
        QCOMPARE(evil, 2);
    }
}

QTEST_GUILESS_MAIN(TestTailHostile)
#include "TestTailHostile.moc"
