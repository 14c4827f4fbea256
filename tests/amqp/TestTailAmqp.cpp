// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "AmqpTestBroker.h"

#include "amqp/AmqpPublisher.h"
#include "json/JsonParser.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

using namespace fedmsg;
using fedmsg::test::AmqpTestBroker;

namespace {
/// An environment segment of our own, so that no other user of the shared broker matches.
QString environment()
{
    return QStringLiteral("t%1").arg(QCoreApplication::applicationPid());
}

// fedmsg-tail on the test broker's TLS port with its client certificate, printing JSON.
void startTail(QProcess &tail, const AmqpTestBroker &broker, const QString &topic, int count)
{
    tail.start(qEnvironmentVariable("FEDMSG_TAIL_BIN"),
        { QStringLiteral("--amqp-url"),
            broker.tlsUrl(),
            QStringLiteral("--ca-cert"),
            broker.value("FEDMSG_TEST_BROKER_CA"),
            QStringLiteral("--cert"),
            broker.value("FEDMSG_TEST_BROKER_CLIENT_CERT"),
            QStringLiteral("--key"),
            broker.value("FEDMSG_TEST_BROKER_CLIENT_KEY"),
            QStringLiteral("--topic"),
            topic,
            QStringLiteral("--json"),
            QStringLiteral("--count"),
            QString::number(count),
            QStringLiteral("--no-default-config") });
}
} // namespace

// fedmsg-tail --amqp-url against the RabbitMQ node of tests/rabbitmq/broker.sh.
class TestTailAmqp : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tailsSubscribedTopicsFromTheBroker();
    void loggerPublishesWhatTailReceives();
};

void TestTailAmqp::tailsSubscribedTopicsFromTheBroker()
{
    AmqpTestBroker broker;
    if (!broker.load())
        QSKIP("RabbitMQ test broker (tests/rabbitmq/broker.sh) not running; use "
              "tests/run-headless.sh");
    QProcess tail;
    const QString prefix = QStringLiteral("org.fedoraproject.") + environment();
    startTail(tail, broker, prefix + QStringLiteral(".bodhi"), 3);
    QVERIFY(tail.waitForStarted(5000));

    AmqpPublisher publisher(broker.publisherOptions());
    QString error;
    QVERIFY2(publisher.connect(&error), qPrintable(error));
    // The queue exists once tail has connected; publish until three bodhi messages got through.
    QElapsedTimer clock;
    clock.start();
    int sent = 0;
    while (tail.state() == QProcess::Running && clock.elapsed() < 60000) {
        AmqpOutgoingMessage other;
        other.topic = prefix + QStringLiteral(".buildsys.build.state.change");
        other.body = *JsonParser::parse(R"({"name":"koji-noise"})");
        publisher.publish(other);
        AmqpOutgoingMessage m;
        m.topic = prefix + QStringLiteral(".bodhi.update.comment");
        m.body = *JsonParser::parse(QStringLiteral(R"({"n":%1})").arg(++sent).toStdString());
        QVERIFY(!publisher.publish(m).isEmpty());
        publisher.waitForConfirms(5000);
        tail.waitForFinished(300);
    }
    QVERIFY2(tail.state() == QProcess::NotRunning, "fedmsg-tail did not print 3 messages in 60 s");
    QCOMPARE(tail.exitCode(), 0);
    const QStringList lines = QString::fromUtf8(tail.readAllStandardOutput())
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    for (const QString &line : lines) {
        const auto body = JsonParser::parse(line.toStdString());
        QVERIFY2(body.has_value(), qPrintable(line));
        QCOMPARE((*body)["topic"].toQString(), prefix + QStringLiteral(".bodhi.update.comment"));
        QVERIFY((*body)["msg"]["n"].isInteger());
        QVERIFY(!(*body)["msg_id"].toQString().isEmpty());
    }
    QVERIFY2(!tail.readAllStandardError().contains("UNTRUSTED"),
        "broker messages are not fedmsg-signed");
}

void TestTailAmqp::loggerPublishesWhatTailReceives()
{
    AmqpTestBroker broker;
    if (!broker.load())
        QSKIP("RabbitMQ test broker (tests/rabbitmq/broker.sh) not running; use "
              "tests/run-headless.sh");
    QProcess tail;
    startTail(tail, broker, QStringLiteral("org.fedoraproject.%1.logger").arg(environment()), 1);
    QVERIFY(tail.waitForStarted(5000));
    // Built by concatenation: "%2F" in the vhost must not be taken for a QString::arg marker.
    const QString url = QStringLiteral("amqp://")
        + broker.value("FEDMSG_TEST_BROKER_PUBLISHER_USER") + QLatin1Char(':')
        + broker.value("FEDMSG_TEST_BROKER_PUBLISHER_PASSWORD") + QLatin1Char('@') + broker.host()
        + QLatin1Char(':') + QString::number(broker.tcpPort())
        + QStringLiteral("/%2Fpublic_pubsub");
    QElapsedTimer clock;
    clock.start();
    while (tail.state() == QProcess::Running && clock.elapsed() < 60000) {
        QProcess logger;
        logger.start(qEnvironmentVariable("FEDMSG_LOGGER_BIN"),
            { QStringLiteral("--amqp-url"),
                url,
                QStringLiteral("--no-default-config"),
                QStringLiteral("--environment"),
                environment(),
                QStringLiteral("--message"),
                QStringLiteral("deploy done") });
        QVERIFY(logger.waitForFinished(30000));
        QVERIFY2(logger.exitCode() == 0, logger.readAllStandardError().constData());
        tail.waitForFinished(500);
    }
    QVERIFY2(tail.state() == QProcess::NotRunning,
        "fedmsg-tail did not receive fedmsg-logger's message");
    const QStringList lines = QString::fromUtf8(tail.readAllStandardOutput())
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1);
    const auto body = JsonParser::parse(lines.first().toStdString());
    QVERIFY(body.has_value());
    QCOMPARE((*body)["topic"].toQString(),
        QStringLiteral("org.fedoraproject.%1.logger.log").arg(environment()));
    QCOMPARE((*body)["msg"]["log"].toQString(), QStringLiteral("deploy done"));
}

QTEST_GUILESS_MAIN(TestTailAmqp)
#include "TestTailAmqp.moc"
