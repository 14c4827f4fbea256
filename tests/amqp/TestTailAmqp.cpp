// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "AmqpTestBroker.h"

#include "amqp/AmqpMessageMapper.h"
#include "amqp/AmqpPublisher.h"
#include "amqp/AmqpSource.h"
#include "amqp/AmqpTopicPatterns.h"
#include "settings/Settings.h"
#include "json/JsonParser.h"

#include <QSignalSpy>
#include <QTemporaryDir>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTcpServer>
#include <QTest>

using namespace fedmsg;
using fedmsg::test::AmqpTestBroker;

namespace {
/// An environment segment of our own, so that no other user of the shared broker matches.
QString environment()
{
    return QStringLiteral("t%1").arg(QCoreApplication::applicationPid());
}

/// The publisher's login as a URL (for fedmsg-logger). Built by concatenation: "%2F" in the
/// vhost must not be taken for a QString::arg marker.
QString publisherUrl(const AmqpTestBroker &broker)
{
    return QStringLiteral("amqp://") + broker.value("FEDMSG_TEST_BROKER_PUBLISHER_USER")
        + QLatin1Char(':') + broker.value("FEDMSG_TEST_BROKER_PUBLISHER_PASSWORD")
        + QLatin1Char('@') + broker.host() + QLatin1Char(':') + QString::number(broker.tcpPort())
        + QStringLiteral("/%2Fpublic_pubsub");
}

/// rabbitmqctl list_queues on the test vhost: name -> the other columns asked for.
QMap<QString, QStringList> listQueues(const AmqpTestBroker &broker, const QStringList &columns)
{
    QString out;
    broker.script(QStringList { QStringLiteral("ctl"),
                      QStringLiteral("list_queues"),
                      QStringLiteral("-p"),
                      broker.value("FEDMSG_TEST_BROKER_VHOST"),
                      QStringLiteral("--no-table-headers"),
                      QStringLiteral("name") }
            + columns,
        &out);
    QMap<QString, QStringList> queues;
    for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        QStringList fields = line.split(QLatin1Char('\t'));
        const QString name = fields.takeFirst().trimmed();
        queues.insert(name, fields);
    }
    return queues;
}

/// The queues bound to routingKey on amq.topic (rabbitmqctl list_bindings).
QStringList queuesBoundTo(const AmqpTestBroker &broker, const QString &routingKey)
{
    QString out;
    broker.script({ QStringLiteral("ctl"),
                      QStringLiteral("list_bindings"),
                      QStringLiteral("-p"),
                      broker.value("FEDMSG_TEST_BROKER_VHOST"),
                      QStringLiteral("--no-table-headers"),
                      QStringLiteral("source_name"),
                      QStringLiteral("destination_name"),
                      QStringLiteral("routing_key") },
        &out);
    QStringList queues;
    for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList f = line.split(QLatin1Char('\t'));
        if (f.size() == 3 && f.at(0) == QStringLiteral("amq.topic")
            && f.at(2).trimmed() == routingKey)
            queues << f.at(1);
    }
    return queues;
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
    void adHocTailLeavesNoQueueBehind();
    void countAcknowledgesExactlyWhatWasPrinted();
    void loggerSetsTheSchemaHeaders();
    void refusedConnectionIsSaidInTheUsersLanguage();
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
    const QString errors = QString::fromUtf8(tail.readAllStandardError());
    QVERIFY2(tail.exitCode() == 0,
        qPrintable(QStringLiteral("fedmsg-tail exit %1; stderr: %2")
                       .arg(tail.exitCode())
                       .arg(errors.right(4000))));
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
    QVERIFY2(!errors.contains(QLatin1String("UNTRUSTED")), "broker messages are not fedmsg-signed");
    // The trust wording of popups, tray menu and history, said once on stderr.
    QCOMPARE(errors.count(QLatin1String("these messages are broker, unsigned: delivered by ")), 1);
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

void TestTailAmqp::adHocTailLeavesNoQueueBehind()
{
    AmqpTestBroker broker;
    FEDMSG_REQUIRE_BROKER(broker);
    // Fedora's broker is shared: an ad-hoc tail must not leave a queue (bound, filling up) for
    // an hour after every run. While it runs its queue is exclusive and auto-delete; after it,
    // the queue and its bindings are gone.
    const QString topic = QStringLiteral("org.fedoraproject.%1.adhoc").arg(environment());
    QProcess tail;
    startTail(tail, broker, topic, 2);
    QVERIFY(tail.waitForStarted(5000));
    AmqpPublisher publisher(broker.publisherOptions());
    QString error;
    QVERIFY2(publisher.connect(&error), qPrintable(error));
    QStringList bound;
    QElapsedTimer clock;
    clock.start();
    while (tail.state() == QProcess::Running && clock.elapsed() < 60000) {
        AmqpOutgoingMessage m;
        m.topic = topic + QStringLiteral(".ping");
        QVERIFY(!publisher.publish(m).isEmpty());
        publisher.waitForConfirms(5000);
        if (bound.isEmpty() && tail.waitForReadyRead(500)) {
            // One line printed: the tail is consuming, one more message ends it.
            for (const QString &pattern : AmqpTopicPatterns::fromSubscriptions({ topic }))
                bound += queuesBoundTo(broker, pattern);
            QVERIFY2(!bound.isEmpty(), "no queue bound to the tail's topic while it runs");
            const auto queues = listQueues(broker,
                { QStringLiteral("exclusive"),
                    QStringLiteral("auto_delete"),
                    QStringLiteral("durable") });
            for (const QString &q : std::as_const(bound)) {
                QVERIFY2(queues.contains(q), qPrintable(q));
                QCOMPARE(queues.value(q),
                    (QStringList {
                        QStringLiteral("true"), QStringLiteral("true"), QStringLiteral("false") }));
            }
        }
        tail.waitForFinished(300);
    }
    QVERIFY2(!bound.isEmpty(), "fedmsg-tail printed nothing in 60 s");
    QVERIFY2(tail.state() == QProcess::NotRunning, "fedmsg-tail did not print 2 messages in 60 s");
    QCOMPARE(tail.exitCode(), 0);
    // Gone with the connection (RabbitMQ deletes an exclusive queue as its owner closes).
    const auto after = listQueues(broker, {});
    for (const QString &q : std::as_const(bound))
        QVERIFY2(!after.contains(q), qPrintable(q + QStringLiteral(" is still on the broker")));
    for (const QString &pattern : AmqpTopicPatterns::fromSubscriptions({ topic }))
        QVERIFY(queuesBoundTo(broker, pattern).isEmpty());
}

void TestTailAmqp::countAcknowledgesExactlyWhatWasPrinted()
{
    AmqpTestBroker broker;
    FEDMSG_REQUIRE_BROKER(broker);
    // A configured bus with its own queue (the applet's kind, resumed across runs): five
    // messages wait in it. `--count 2` prints two and acknowledges those two, nothing beyond;
    // the next run starts at the third.
    const QString topic = QStringLiteral("org.fedoraproject.%1.counted").arg(environment());
    BusConfig bus = broker.bus({ topic });
    bus.name = QStringLiteral("counted");
    bus.enabled = true;
    QTemporaryDir home;
    const QString configHome = home.filePath(QStringLiteral("config"));
    {
        Settings settings(configHome + QStringLiteral("/fedmsg-notify/fedmsg-notify.conf"));
        settings.setBuses({ bus });
        settings.setAmqpQueueName(bus.name, bus.amqp.queueName);
        settings.sync();
    }
    AmqpPublisher publisher(broker.publisherOptions());
    QString error;
    QVERIFY2(publisher.connect(&error), qPrintable(error));
    AmqpError e;
    JsonValue args = JsonValue::emptyObject();
    args.insert("x-expires", JsonValue(3600000));
    QVERIFY2(
        publisher.connection().declareQueue(
            AmqpPublisher::channel(), bus.amqp.queueName, false, false, false, false, args, &e),
        qPrintable(e.text));
    for (const QString &pattern : AmqpTopicPatterns::fromSubscriptions({ topic }))
        QVERIFY(publisher.connection().bindQueue(AmqpPublisher::channel(),
            bus.amqp.queueName,
            QStringLiteral("amq.topic"),
            pattern,
            &e));
    for (int n = 1; n <= 5; ++n) {
        AmqpOutgoingMessage m;
        m.topic = topic + QStringLiteral(".item");
        m.body = *JsonParser::parse(QStringLiteral(R"({"n":%1})").arg(n).toStdString());
        QVERIFY(!publisher.publish(m).isEmpty());
    }
    QVERIFY(publisher.waitForConfirms(10000, &error));

    auto run = [&](int count) {
        QProcess tail;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome);
        tail.setProcessEnvironment(env);
        tail.start(qEnvironmentVariable("FEDMSG_TAIL_BIN"),
            { QStringLiteral("--no-default-config"),
                QStringLiteral("--bus"),
                bus.name,
                QStringLiteral("--json"),
                QStringLiteral("--count"),
                QString::number(count) });
        QList<qint64> ns;
        if (!tail.waitForFinished(60000)) {
            tail.kill();
            tail.waitForFinished();
            return ns;
        }
        for (const QString &line : QString::fromUtf8(tail.readAllStandardOutput())
                                       .split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            ns << JsonParser::parse(line.toStdString()).value_or(JsonValue())["msg"]["n"].toInt64();
        if (ns.size() != count)
            qWarning("%s", tail.readAllStandardError().constData());
        return ns;
    };
    QCOMPARE(run(2), (QList<qint64> { 1, 2 }));
    // Exactly those two are gone from the queue (the tail's connection is closed: nothing is
    // unacknowledged any more).
    QCOMPARE(listQueues(broker, { QStringLiteral("messages") }).value(bus.amqp.queueName),
        QStringList { QStringLiteral("3") });
    QCOMPARE(run(3), (QList<qint64> { 3, 4, 5 }));
    QCOMPARE(listQueues(broker, { QStringLiteral("messages") }).value(bus.amqp.queueName),
        QStringList { QStringLiteral("0") });
    QVERIFY(publisher.connection().deleteQueue(AmqpPublisher::channel(), bus.amqp.queueName, &e));
}

void TestTailAmqp::loggerSetsTheSchemaHeaders()
{
    AmqpTestBroker broker;
    FEDMSG_REQUIRE_BROKER(broker);
    // A consumer resolves the schema class from fedora_messaging_schema(_package): with
    // --schema the logger's message must carry them, or every consumer falls back to the base.
    const QString topic = QStringLiteral("org.fedoraproject.%1.logger").arg(environment());
    BusConfig bus = broker.bus({ topic });
    bus.amqp.transientQueue = true;
    AmqpSource source(bus);
    QSignalSpy received(&source, &Source::envelopesReceived);
    EndpointStatus::State state = EndpointStatus::State::Stopped;
    connect(&source, &Source::endpointStatusChanged, this, [&](const EndpointStatus &s) {
        state = s.state;
    });
    source.start();
    QTRY_COMPARE_WITH_TIMEOUT(state, EndpointStatus::State::Connected, 30000);
    QProcess logger;
    logger.start(qEnvironmentVariable("FEDMSG_LOGGER_BIN"),
        { QStringLiteral("--amqp-url"),
            publisherUrl(broker),
            QStringLiteral("--no-default-config"),
            QStringLiteral("--environment"),
            environment(),
            QStringLiteral("--schema"),
            QStringLiteral("bodhi.update.comment.v1"),
            QStringLiteral("--schema-package"),
            QStringLiteral("bodhi-messages"),
            QStringLiteral("--message"),
            QStringLiteral("with a schema") });
    QVERIFY(logger.waitForFinished(30000));
    QVERIFY2(logger.exitCode() == 0, logger.readAllStandardError().constData());
    QTRY_VERIFY_WITH_TIMEOUT(!received.isEmpty(), 30000);
    const Envelope env = received.first().first().value<QList<Envelope>>().first();
    QCOMPARE(env.msg()["log"].toQString(), QStringLiteral("with a schema"));
    QCOMPARE(AmqpMessageMapper::schemaName(env), QStringLiteral("bodhi.update.comment.v1"));
    QCOMPARE(env.headers()["fedora_messaging_schema_package"].toQString(),
        QStringLiteral("bodhi-messages"));
    source.stop();

    // --schema is a fedora-messaging header: on a ZeroMQ bus it is refused, not ignored.
    QProcess zmq;
    zmq.start(qEnvironmentVariable("FEDMSG_LOGGER_BIN"),
        { QStringLiteral("--no-default-config"),
            QStringLiteral("--endpoint"),
            QStringLiteral("tcp://127.0.0.1:1"),
            QStringLiteral("--schema"),
            QStringLiteral("x"),
            QStringLiteral("--message"),
            QStringLiteral("m") });
    QVERIFY(zmq.waitForFinished(30000));
    QCOMPARE(zmq.exitCode(), 2);
}

// A broker that is not there: fedmsg-tail says why in the user's language (issue 20), the
// library's own words beside it.
void TestTailAmqp::refusedConnectionIsSaidInTheUsersLanguage()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close(); // nothing listens there now
    QProcess tail;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANG"), QStringLiteral("de_DE.UTF-8"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("de_DE.UTF-8"));
    env.remove(QStringLiteral("LANGUAGE"));
    tail.setProcessEnvironment(env);
    tail.start(qEnvironmentVariable("FEDMSG_TAIL_BIN"),
        { QStringLiteral("--amqp-url"),
            QStringLiteral("amqp://127.0.0.1:%1/").arg(port),
            QStringLiteral("--no-default-config") });
    QVERIFY(tail.waitForStarted());
    QByteArray err;
    QElapsedTimer clock;
    clock.start();
    while (!err.contains("Keine Verbindung") && tail.state() == QProcess::Running
        && clock.elapsed() < 30000) {
        tail.waitForReadyRead(1000);
        err += tail.readAllStandardError();
    }
    tail.kill();
    tail.waitForFinished();
    err += tail.readAllStandardError();
    const QString text = QString::fromUtf8(err);
    QVERIFY2(text.contains(QStringLiteral("Keine Verbindung möglich")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestTailAmqp)
#include "TestTailAmqp.moc"
