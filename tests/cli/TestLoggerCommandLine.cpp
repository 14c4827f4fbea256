// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "cli/LoggerCommandLine.h"

#include <QTemporaryDir>
#include <QTest>

using namespace fedmsg;

namespace {
// fedmsg-logger's command line read without starting the program (no default fedmsg.d).
std::variant<LoggerOptions, int> logger(QStringList arguments)
{
    LoggerCommandLine commandLine;
    arguments.prepend(QStringLiteral("fedmsg-logger"));
    arguments.insert(1, QStringLiteral("--no-default-config"));
    return commandLine.read(arguments);
}
LoggerOptions options(const QStringList &arguments)
{
    const auto read = logger(arguments);
    if (const int *code = std::get_if<int>(&read)) {
        qWarning() << "exit status" << *code << "for" << arguments;
        return {};
    }
    return std::get<LoggerOptions>(read);
}
int exitStatus(const QStringList &arguments)
{
    const auto read = logger(arguments);
    return std::holds_alternative<int>(read) ? std::get<int>(read) : -1;
}
} // namespace

class TestLoggerCommandLine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void connectToARelay();
    void bindAndSettle();
    void signingCertificate();
    void amqpUrlChoosesTheBroker();
    void amqpTopic();
    void refusals_data();
    void refusals();

private:
    QTemporaryDir m_home; ///< no settings, no fedora-messaging config.toml
};

void TestLoggerCommandLine::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.path().toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toLocal8Bit());
}

void TestLoggerCommandLine::connectToARelay()
{
    const LoggerOptions o = options({ QStringLiteral("--endpoint"),
        QStringLiteral("tcp://127.0.0.1:9"),
        QStringLiteral("--modname"),
        QStringLiteral("m"),
        QStringLiteral("--topic"),
        QStringLiteral("t"),
        QStringLiteral("--message"),
        QStringLiteral("hi"),
        QStringLiteral("--environment"),
        QStringLiteral("stg"),
        QStringLiteral("--settle"),
        QStringLiteral("50") });
    QVERIFY(!o.amqpBus);
    QCOMPARE(o.publisher.mode, PublisherOptions::Mode::Connect);
    QCOMPARE(o.publisher.url, QStringLiteral("tcp://127.0.0.1:9"));
    QCOMPARE(o.publisher.environment, QStringLiteral("stg"));
    QCOMPARE(o.modname, QStringLiteral("m"));
    QCOMPARE(o.topic, QStringLiteral("t"));
    QCOMPARE(o.message, std::optional<QString>(QStringLiteral("hi")));
    QVERIFY(!o.jsonInput);
    QCOMPARE(o.waitMs, 5000);
    QCOMPARE(o.settleMs, 0); // --settle is for --bind only
    QVERIFY(o.publisher.certFile.isEmpty());
    QVERIFY(!o.publisher.passphrase);
}

void TestLoggerCommandLine::bindAndSettle()
{
    const LoggerOptions o = options({ QStringLiteral("--bind"),
        QStringLiteral("tcp://127.0.0.1:9"),
        QStringLiteral("--settle"),
        QStringLiteral("50"),
        QStringLiteral("--wait"),
        QStringLiteral("100"),
        QStringLiteral("--json-input") });
    QCOMPARE(o.publisher.mode, PublisherOptions::Mode::Bind);
    QCOMPARE(o.settleMs, 50);
    QCOMPARE(o.waitMs, 100);
    QVERIFY(o.jsonInput);
    QVERIFY(!o.message);
}

void TestLoggerCommandLine::signingCertificate()
{
    const LoggerOptions o = options({ QStringLiteral("--endpoint"),
        QStringLiteral("tcp://127.0.0.1:9"),
        QStringLiteral("--cert"),
        QStringLiteral("/c.pem"),
        QStringLiteral("--key"),
        QStringLiteral("/k.pem") });
    QCOMPARE(o.publisher.certFile, QStringLiteral("/c.pem"));
    QCOMPARE(o.publisher.keyFile, QStringLiteral("/k.pem"));
    QVERIFY(o.publisher.passphrase); // asked for on the terminal if the key is encrypted
}

void TestLoggerCommandLine::amqpUrlChoosesTheBroker()
{
    const LoggerOptions o = options({ QStringLiteral("--amqp-url"),
        QStringLiteral("amqps://broker.example/%2Fpublic_pubsub"),
        QStringLiteral("--cert"),
        QStringLiteral("/c.pem"),
        QStringLiteral("--key"),
        QStringLiteral("/k.pem"),
        QStringLiteral("--ca-cert"),
        QStringLiteral("/ca.pem"),
        QStringLiteral("--schema"),
        QStringLiteral("base.message") });
    QVERIFY(o.amqpBus);
    QCOMPARE(o.amqpBus->transport, BusConfig::Transport::Amqp);
    QCOMPARE(o.amqpBus->endpoints.first().url,
        QStringLiteral("amqps://broker.example/%2Fpublic_pubsub"));
    QCOMPARE(o.amqpBus->amqp.certFile, QStringLiteral("/c.pem"));
    QCOMPARE(o.amqpBus->amqp.keyFile, QStringLiteral("/k.pem"));
    QCOMPARE(o.amqpBus->amqp.caCertFile, QStringLiteral("/ca.pem"));
    QCOMPARE(o.schema, std::optional<QString>(QStringLiteral("base.message")));
    // The client certificate is the broker's login here: nothing is signed.
    QVERIFY(o.publisher.certFile.isEmpty());
}

void TestLoggerCommandLine::amqpTopic()
{
    LoggerOptions o;
    o.publisher.topicPrefix = QStringLiteral("org.fedoraproject");
    o.publisher.environment = QStringLiteral("prod");
    QCOMPARE(o.amqpTopic(), QStringLiteral("org.fedoraproject.prod.logger.log"));
    o.modname = QStringLiteral("org.fedoraproject.stg.bodhi");
    o.topic = QStringLiteral("update");
    QCOMPARE(o.amqpTopic(), QStringLiteral("org.fedoraproject.stg.bodhi.update"));
}

void TestLoggerCommandLine::refusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("nowhere to send") << QStringList {};
    QTest::newRow("--schema without AMQP") << QStringList { QStringLiteral("--endpoint"),
        QStringLiteral("tcp://127.0.0.1:9"),
        QStringLiteral("--schema"),
        QStringLiteral("x") };
    QTest::newRow("--cert without --key") << QStringList { QStringLiteral("--endpoint"),
        QStringLiteral("tcp://127.0.0.1:9"),
        QStringLiteral("--cert"),
        QStringLiteral("/c.pem") };
    QTest::newRow("unknown --bus")
        << QStringList { QStringLiteral("--bus"), QStringLiteral("no-such-bus") };
    QTest::newRow("--bus names a ZeroMQ bus")
        << QStringList { QStringLiteral("--bus"), QStringLiteral("debian-fedmsg") };
}

void TestLoggerCommandLine::refusals()
{
    QFETCH(QStringList, arguments);
    QCOMPARE(exitStatus(arguments), 2);
}

QTEST_GUILESS_MAIN(TestLoggerCommandLine)
#include "TestLoggerCommandLine.moc"
