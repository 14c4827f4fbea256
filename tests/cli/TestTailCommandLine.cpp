// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "cli/TailCommandLine.h"

#include <QTemporaryDir>
#include <QTest>

using namespace fedmsg;

namespace {
// fedmsg-tail's command line read without starting the program (no default fedmsg.d).
std::variant<TailOptions, int> tail(QStringList arguments)
{
    TailCommandLine commandLine;
    arguments.prepend(QStringLiteral("fedmsg-tail"));
    arguments.insert(1, QStringLiteral("--no-default-config"));
    return commandLine.read(arguments);
}
TailOptions options(const QStringList &arguments)
{
    const auto read = tail(arguments);
    if (const int *code = std::get_if<int>(&read)) {
        qWarning() << "exit status" << *code << "for" << arguments;
        return {};
    }
    return std::get<TailOptions>(read);
}
int exitStatus(const QStringList &arguments)
{
    const auto read = tail(arguments);
    return std::holds_alternative<int>(read) ? std::get<int>(read) : -1;
}
QStringList urls(const BusConfig &bus)
{
    QStringList out;
    for (const BusEndpoint &e : bus.endpoints)
        out << e.url;
    return out;
}
} // namespace

class TestTailCommandLine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void endpointsAndTopics();
    void formatPrecedence_data();
    void formatPrecedence();
    void usersAndPackagesNeedTheRenderer();
    void trustOptions();
    void amqpUrlChoosesTheBroker();
    void historyTakesTheQuery();
    void refusals_data();
    void refusals();
    void sinceDurations_data();
    void sinceDurations();
    void sinceTakesTheArchive();

private:
    QTemporaryDir m_home; ///< no settings, no fedora-messaging config.toml
};

void TestTailCommandLine::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.path().toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toLocal8Bit());
}

void TestTailCommandLine::endpointsAndTopics()
{
    const TailOptions o = options({ QStringLiteral("--endpoint"),
        QStringLiteral("tcp://127.0.0.1:1"),
        QStringLiteral("--endpoint"),
        QStringLiteral("tcp://127.0.0.1:2"),
        QStringLiteral("--topic"),
        QStringLiteral("org.a"),
        QStringLiteral("--topic"),
        QStringLiteral("org.b"),
        QStringLiteral("--count"),
        QStringLiteral("3") });
    QCOMPARE(urls(o.bus),
        (QStringList { QStringLiteral("tcp://127.0.0.1:1"), QStringLiteral("tcp://127.0.0.1:2") }));
    QCOMPARE(o.bus.transport, BusConfig::Transport::ZeroMq);
    QCOMPARE(o.bus.name, QStringLiteral("fedmsg-tail"));
    QCOMPARE(o.bus.topics, (QStringList { QStringLiteral("org.a"), QStringLiteral("org.b") }));
    QVERIFY(o.filter.accepts(QStringLiteral("org.b.x")));
    QVERIFY(!o.filter.accepts(QStringLiteral("org.c.x")));
    QVERIFY(!o.filter.accepts(QStringLiteral("org.a._heartbeat"))); // the default --exclude
    QCOMPARE(o.mode, TailFormatter::Mode::Default);
    QCOMPARE(o.maxCount, 3);
    QVERIFY(!o.history);
    QVERIFY(!o.needsRenderer());
}

void TestTailCommandLine::formatPrecedence_data()
{
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("renderer");
    QTest::newRow("terse") << QStringList { QStringLiteral("--terse") }
                           << int(TailFormatter::Mode::Terse) << true;
    QTest::newRow("json over terse")
        << QStringList { QStringLiteral("--json"), QStringLiteral("--terse") }
        << int(TailFormatter::Mode::Json) << false;
    QTest::newRow("query over pretty") << QStringList { QStringLiteral("--query"),
        QStringLiteral("msg.a"),
        QStringLiteral("--pretty") } << int(TailFormatter::Mode::Query)
                                       << false;
    QTest::newRow("cowsay over really-pretty")
        << QStringList { QStringLiteral("--really-pretty"), QStringLiteral("--cowsay") }
        << int(TailFormatter::Mode::Cowsay) << true;
    QTest::newRow("gource") << QStringList { QStringLiteral("--gource") }
                            << int(TailFormatter::Mode::Gource) << true;
}

void TestTailCommandLine::formatPrecedence()
{
    QFETCH(QStringList, flags);
    QFETCH(int, mode);
    QFETCH(bool, renderer);
    const TailOptions o = options(
        QStringList { QStringLiteral("--endpoint"), QStringLiteral("tcp://127.0.0.1:1") } + flags);
    QCOMPARE(int(o.mode), mode);
    QCOMPARE(o.needsRenderer(), renderer);
    QCOMPARE(int(o.formatter().mode()), mode);
}

void TestTailCommandLine::usersAndPackagesNeedTheRenderer()
{
    const TailOptions o = options({ QStringLiteral("--endpoint"),
        QStringLiteral("tcp://127.0.0.1:1"),
        QStringLiteral("--users"),
        QStringLiteral("alice, bob"),
        QStringLiteral("--users"),
        QStringLiteral("carol"),
        QStringLiteral("--packages"),
        QStringLiteral("nethack") });
    QCOMPARE(o.users,
        (QStringList { QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol") }));
    QCOMPARE(o.packages, QStringList { QStringLiteral("nethack") });
    QVERIFY(o.needsRenderer());
}

void TestTailCommandLine::trustOptions()
{
    const TailOptions on = options({ QStringLiteral("--endpoint"),
        QStringLiteral("tcp://127.0.0.1:1"),
        QStringLiteral("--validate"),
        QStringLiteral("--ca-cert"),
        QStringLiteral("/x/ca.crt"),
        QStringLiteral("--crl"),
        QStringLiteral("none") });
    QVERIFY(on.bus.trust.validateSignatures);
    QCOMPARE(on.bus.trust.caLocation, QStringLiteral("/x/ca.crt"));
    QVERIFY(on.bus.trust.crlLocation.isEmpty());
    const TailOptions off = options({ QStringLiteral("--endpoint"),
        QStringLiteral("tcp://127.0.0.1:1"),
        QStringLiteral("--validate"),
        QStringLiteral("--no-validate"),
        QStringLiteral("--crl"),
        QStringLiteral("/x/crl.pem") });
    QVERIFY(!off.bus.trust.validateSignatures);
    QCOMPARE(off.bus.trust.crlLocation, QStringLiteral("/x/crl.pem"));
}

void TestTailCommandLine::amqpUrlChoosesTheBroker()
{
    const TailOptions o = options({ QStringLiteral("--amqp-url"),
        QStringLiteral("amqps://broker.example/%2Fpublic_pubsub"),
        QStringLiteral("--cert"),
        QStringLiteral("/c.pem"),
        QStringLiteral("--key"),
        QStringLiteral("/k.pem"),
        QStringLiteral("--ca-cert"),
        QStringLiteral("/ca.pem"),
        QStringLiteral("--validate") });
    QCOMPARE(o.bus.transport, BusConfig::Transport::Amqp);
    QCOMPARE(o.bus.name, QStringLiteral("fedmsg-tail"));
    QCOMPARE(
        urls(o.bus), QStringList { QStringLiteral("amqps://broker.example/%2Fpublic_pubsub") });
    QCOMPARE(o.bus.amqp.certFile, QStringLiteral("/c.pem"));
    QCOMPARE(o.bus.amqp.keyFile, QStringLiteral("/k.pem"));
    QCOMPARE(o.bus.amqp.caCertFile, QStringLiteral("/ca.pem"));
    QVERIFY(o.bus.amqp.queueName.isEmpty());
    QVERIFY(o.bus.amqp.transientQueue);
    // --ca-cert is the broker's CA here, not a fedmsg trust anchor.
    QVERIFY(o.bus.trust.caLocation != QStringLiteral("/ca.pem"));
}

void TestTailCommandLine::historyTakesTheQuery()
{
    const TailOptions o = options({ QStringLiteral("--history"),
        QStringLiteral("--history-db"),
        QStringLiteral("/x/h.sqlite"),
        QStringLiteral("kernel"),
        QStringLiteral("build*") });
    QVERIFY(o.history);
    QCOMPARE(o.historyDb, QStringLiteral("/x/h.sqlite"));
    QCOMPARE(o.historyText, QStringLiteral("kernel build*"));
}

void TestTailCommandLine::refusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no endpoints") << QStringList {};
    QTest::newRow("query without --history") << QStringList {
        QStringLiteral("--endpoint"), QStringLiteral("tcp://127.0.0.1:1"), QStringLiteral("kernel")
    };
    QTest::newRow("bad --include") << QStringList { QStringLiteral("--endpoint"),
        QStringLiteral("tcp://127.0.0.1:1"),
        QStringLiteral("--include"),
        QStringLiteral("(") };
    QTest::newRow("unknown --bus")
        << QStringList { QStringLiteral("--bus"), QStringLiteral("no-such-bus") };
    QTest::newRow("--since without a unit") << QStringList { QStringLiteral("--endpoint"),
        QStringLiteral("tcp://127.0.0.1:1"),
        QStringLiteral("--archive-url"),
        QStringLiteral("http://127.0.0.1:1/datagrepper"),
        QStringLiteral("--since"),
        QStringLiteral("90") };
    QTest::newRow("--since without an archive") << QStringList { QStringLiteral("--endpoint"),
        QStringLiteral("tcp://127.0.0.1:1"),
        QStringLiteral("--since"),
        QStringLiteral("2h") };
    QTest::newRow("--since with --history") << QStringList { QStringLiteral("--history"),
        QStringLiteral("--archive-url"),
        QStringLiteral("http://127.0.0.1:1/datagrepper"),
        QStringLiteral("--since"),
        QStringLiteral("2h") };
    QTest::newRow("missing --config") << QStringList { QStringLiteral("--config"),
        QStringLiteral("/nonexistent/fedmsg.d"),
        QStringLiteral("--endpoint"),
        QStringLiteral("tcp://127.0.0.1:1") };
}

void TestTailCommandLine::refusals()
{
    QFETCH(QStringList, arguments);
    QCOMPARE(exitStatus(arguments), 2);
}

void TestTailCommandLine::sinceDurations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ms"); // -1: refused
    QTest::newRow("2h") << QStringLiteral("2h") << qint64(2 * 3600 * 1000);
    QTest::newRow("30m") << QStringLiteral("30m") << qint64(30 * 60 * 1000);
    QTest::newRow("90s") << QStringLiteral("90s") << qint64(90 * 1000);
    QTest::newRow("1d") << QStringLiteral("1d") << qint64(24 * 3600 * 1000);
    QTest::newRow("1h30m") << QStringLiteral("1h30m") << qint64(90 * 60 * 1000);
    QTest::newRow("7d") << QStringLiteral("7d") << qint64(7) * 24 * 3600 * 1000;
    QTest::newRow("8d") << QStringLiteral("8d") << qint64(-1);
    QTest::newRow("bare number") << QStringLiteral("90") << qint64(-1);
    QTest::newRow("zero") << QStringLiteral("0m") << qint64(-1);
    QTest::newRow("empty") << QString() << qint64(-1);
    QTest::newRow("negative") << QStringLiteral("-2h") << qint64(-1);
    QTest::newRow("unit first") << QStringLiteral("h2") << qint64(-1);
    QTest::newRow("trailing junk") << QStringLiteral("2hx") << qint64(-1);
    QTest::newRow("huge") << QStringLiteral("999999999d") << qint64(-1);
}

void TestTailCommandLine::sinceDurations()
{
    QFETCH(QString, text);
    QFETCH(qint64, ms);
    QString error;
    const std::optional<qint64> got = TailCommandLine::parseDuration(text, &error);
    if (ms < 0) {
        QVERIFY(!got);
        QVERIFY(!error.isEmpty());
    } else {
        QVERIFY2(got, qPrintable(error));
        QCOMPARE(*got, ms);
    }
}

void TestTailCommandLine::sinceTakesTheArchive()
{
    const QStringList endpoint { QStringLiteral("--endpoint"),
        QStringLiteral("tcp://127.0.0.1:1") };
    // Not asked: nothing to catch up on.
    QCOMPARE(options(endpoint).sinceMs, qint64(0));
    // --archive-url names it.
    TailOptions o = options(endpoint
        + QStringList { QStringLiteral("--since"),
            QStringLiteral("2h"),
            QStringLiteral("--archive-url"),
            QStringLiteral("http://127.0.0.1:8/dg") });
    QCOMPARE(o.sinceMs, qint64(2 * 3600 * 1000));
    QCOMPARE(o.bus.archiveUrl, QStringLiteral("http://127.0.0.1:8/dg"));
    // The environment variable stands in for it (the end-to-end tests use it), below the flag.
    qputenv("FEDMSG_ARCHIVE_URL", "http://127.0.0.1:9/env");
    o = options(endpoint + QStringList { QStringLiteral("--since"), QStringLiteral("30m") });
    QCOMPARE(o.bus.archiveUrl, QStringLiteral("http://127.0.0.1:9/env"));
    o = options(endpoint
        + QStringList { QStringLiteral("--since"),
            QStringLiteral("30m"),
            QStringLiteral("--archive-url"),
            QStringLiteral("http://127.0.0.1:8/dg") });
    QCOMPARE(o.bus.archiveUrl, QStringLiteral("http://127.0.0.1:8/dg"));
    qunsetenv("FEDMSG_ARCHIVE_URL");
    // Fedora's presets have one.
    o = options({ QStringLiteral("--bus"),
        QStringLiteral("fedora-messaging"),
        QStringLiteral("--since"),
        QStringLiteral("1h") });
    QCOMPARE(o.bus.archiveUrl, QStringLiteral("https://apps.fedoraproject.org/datagrepper"));
    QCOMPARE(o.sinceMs, qint64(3600 * 1000));
    // Another broker is not archived there.
    QCOMPARE(exitStatus({ QStringLiteral("--amqp-url"),
                 QStringLiteral("amqps://broker.example/%2Fpublic_pubsub"),
                 QStringLiteral("--since"),
                 QStringLiteral("1h") }),
        2);
}

QTEST_GUILESS_MAIN(TestTailCommandLine)
#include "TestTailCommandLine.moc"
