// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// A bus that cannot connect shows why in the user's language: real sources against a closed
// port on 127.0.0.1 under LANG=de_DE.UTF-8 (set by CMake), the status text made by
// BusListModel (the Buses page) and ConnectionTest (the bus editor's "Test"), and the library's
// own English text kept as the tooltip's details.
#include "LoopbackEndpoint.h"
#include "bus/BusConfig.h"
#include "bus/EndpointStatus.h"
#include "bus/Source.h"
#include "bus/StatusReason.h"
#include "engine/ConnectionTest.h"
#include "engine/Transports.h"
#include "i18n/Translations.h"
#include "model/BusListModel.h"

#include <QSignalSpy>
#include <QTest>

#include <amqp.h>
#include <zmq.h>

#include <cerrno>
#include <memory>

Q_DECLARE_METATYPE(fedmsg::StatusReason::Kind)

using namespace fedmsg;

class TestStatusText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void classify_data();
    void classify();
    void everyReasonIsTranslated();
    void refusedAmqpIsGerman();
    void refusedZeroMqIsGerman();
    void refusedConnectionTestIsGerman();
    void unknownReasonIsShownAsItIs();

private:
    /// The first status of @p bus that says it is down and why.
    static EndpointStatus firstFailure(const BusConfig &bus);
};

void TestStatusText::initTestCase()
{
    // The system's language, as the applet starts: LANG comes from CMake.
    QCOMPARE(qEnvironmentVariable("LANG"), QStringLiteral("de_DE.UTF-8"));
    QVERIFY(Translations::install());
    QCOMPARE(QLocale().language(), QLocale::German);
}

void TestStatusText::classify_data()
{
    using K = StatusReason::Kind;
    QTest::addColumn<QString>("detail");
    QTest::addColumn<StatusReason::Kind>("kind");
    // The libraries' own texts, straight from them.
    auto amqp = [](int status) {
        return QString::fromUtf8(amqp_error_string2(status));
    };
    auto zmq = [](int error) {
        return QString::fromLocal8Bit(zmq_strerror(error));
    };
    QTest::newRow("amqp socket")
        << QStringLiteral("connecting to 127.0.0.1:1: %1").arg(amqp(AMQP_STATUS_SOCKET_ERROR))
        << K::SocketError;
    QTest::newRow("amqp timeout") << amqp(AMQP_STATUS_TIMEOUT) << K::Timeout;
    QTest::newRow("amqp heartbeat") << amqp(AMQP_STATUS_HEARTBEAT_TIMEOUT) << K::Timeout;
    QTest::newRow("amqp lookup") << amqp(AMQP_STATUS_HOSTNAME_RESOLUTION_FAILED)
                                 << K::NameResolutionFailed;
    QTest::newRow("amqp bad data") << amqp(AMQP_STATUS_BAD_AMQP_DATA) << K::ProtocolError;
    QTest::newRow("amqp method") << amqp(AMQP_STATUS_WRONG_METHOD) << K::ProtocolError;
    QTest::newRow("ssl handshake") << amqp(AMQP_STATUS_SSL_CONNECTION_FAILED) << K::TlsFailed;
    QTest::newRow("amqp lost") << amqp(AMQP_STATUS_SOCKET_CLOSED) << K::ConnectionClosed;
    QTest::newRow("amqp version") << amqp(AMQP_STATUS_INCOMPATIBLE_AMQP_VERSION)
                                  << K::ProtocolError;
    QTest::newRow("amqp state") << amqp(AMQP_STATUS_UNEXPECTED_STATE) << K::ProtocolError;
    QTest::newRow("amqp ssl") << amqp(AMQP_STATUS_SSL_ERROR) << K::TlsFailed;
    QTest::newRow("amqp ssl peer") << amqp(AMQP_STATUS_SSL_PEER_VERIFY_FAILED) << K::TlsFailed;
    QTest::newRow("amqp closed") << amqp(AMQP_STATUS_CONNECTION_CLOSED) << K::ConnectionClosed;
    QTest::newRow("access refused")
        << QStringLiteral("login: broker closed the connection: 403 ACCESS_REFUSED - Login was "
                          "refused using authentication mechanism PLAIN.")
        << K::AuthenticationFailed;
    QTest::newRow("not found") << QStringLiteral("queue.declare: broker closed channel 1: 404 "
                                                 "NOT_FOUND - no queue 'x' in vhost '/'")
                               << K::NotFound;
    QTest::newRow("vhost") << QStringLiteral("login: broker closed the connection: 530 "
                                             "NOT_ALLOWED - vhost nope not found")
                           << K::NotFound;
    QTest::newRow("zmq refused") << zmq(ECONNREFUSED) << K::ConnectionRefused;
    QTest::newRow("zmq unreachable") << zmq(EHOSTUNREACH) << K::HostUnreachable;
    QTest::newRow("zmq net unreachable") << zmq(ENETUNREACH) << K::HostUnreachable;
    QTest::newRow("zmq timeout") << zmq(ETIMEDOUT) << K::Timeout;
    QTest::newRow("zmq curve") << QStringLiteral("authentication failed (status 400)")
                               << K::AuthenticationFailed;
    QTest::newRow("zmq protocol") << QStringLiteral("handshake failed: protocol error 268435458")
                                  << K::ProtocolError;
    QTest::newRow("zmq retry") << QStringLiteral("retrying in 100 ms") << K::Retrying;
    QTest::newRow("zmq closed") << QStringLiteral("connection closed") << K::ConnectionClosed;
    // The ZeroMQ source's own notes (lib/zeromq/ZmqWorker.cpp).
    QTest::newRow("zmq reconnecting") << QStringLiteral("reconnecting") << K::Reconnecting;
    QTest::newRow("zmq handshaking") << QStringLiteral("handshaking") << K::Reconnecting;
    QTest::newRow("curve client key")
        << QStringLiteral("no CURVE client key: not loaded") << K::CurveClientKeyMissing;
    QTest::newRow("curve server key")
        << QStringLiteral("bad CURVE server key (40 Z85 characters expected)")
        << K::CurveServerKeyInvalid;
    QTest::newRow("oversized") << QStringLiteral("a message larger than 64 MiB was refused")
                               << K::MessageTooLarge;
    QTest::newRow("unknown") << QStringLiteral("removed from the configuration") << K::Unknown;
    QTest::newRow("empty") << QString() << K::Unknown;
}

void TestStatusText::classify()
{
    QFETCH(QString, detail);
    QFETCH(StatusReason::Kind, kind);
    QCOMPARE(StatusReason::classify(detail), kind);
}

void TestStatusText::everyReasonIsTranslated()
{
    // Each sentence has a German translation (TestTranslations checks the .ts files' state;
    // this checks the sentences reach the user through the installed translator).
    for (int k = int(StatusReason::Kind::ConnectionRefused);
         k <= int(StatusReason::Kind::MessageTooLarge);
         ++k) {
        const auto kind = StatusReason::Kind(k);
        const QString german = StatusReason::text(kind);
        QVERIFY2(!german.isEmpty(), qPrintable(QString::number(k)));
        QVERIFY(Translations::install(QLocale(QLocale::English)));
        const QString english = StatusReason::text(kind);
        QVERIFY(Translations::install());
        QVERIFY2(german != english, qPrintable(english));
    }
}

EndpointStatus TestStatusText::firstFailure(const BusConfig &bus)
{
    QString error;
    std::unique_ptr<Source> source(Transports::createSource(bus, nullptr, &error));
    if (!source) {
        qWarning() << error;
        return {};
    }
    EndpointStatus failure;
    QObject::connect(
        source.get(), &Source::endpointStatusChanged, [&failure](const EndpointStatus &s) {
            using S = EndpointStatus::State;
            if (failure.detail.isEmpty() && !s.detail.isEmpty()
                && (s.state == S::Failed || s.state == S::Retrying || s.state == S::Disconnected))
                failure = s;
        });
    source->start();
    (void)QTest::qWaitFor(
        [&failure] {
            return !failure.detail.isEmpty();
        },
        30000);
    source->stop();
    return failure;
}

void TestStatusText::refusedAmqpIsGerman()
{
    BusConfig bus;
    bus.name = QStringLiteral("closed-amqp");
    bus.transport = BusConfig::Transport::Amqp;
    bus.enabled = true;
    bus.endpoints = { BusEndpoint {
        QStringLiteral("amqp://guest:guest@127.0.0.1:%1/%2F").arg(test::freeLoopbackPort()), {} } };
    const EndpointStatus failure = firstFailure(bus);
    QVERIFY(!failure.detail.isEmpty());
    qInfo().noquote() << "librabbitmq says:" << failure.detail;

    const QString shown = BusListModel::stateText(failure);
    QCOMPARE(shown,
        QStringLiteral("getrennt: Keine Verbindung möglich: Der Server lehnt die Verbindung ab "
                       "oder ist nicht erreichbar."));
    // The library's own words stay available as the details of the tooltip.
    BusListModel model;
    model.setBuses({ bus });
    model.setStatuses({ failure });
    const QModelIndex endpoint = model.index(0, BusListModel::StateColumn, model.index(0, 0));
    QCOMPARE(endpoint.data(Qt::DisplayRole).toString(), shown);
    const QString tip = endpoint.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.startsWith(shown) && tip.contains(failure.detail), qPrintable(tip));
}

void TestStatusText::refusedZeroMqIsGerman()
{
    BusConfig bus;
    bus.name = QStringLiteral("closed-zmq");
    bus.transport = BusConfig::Transport::ZeroMq;
    bus.enabled = true;
    bus.endpoints = { BusEndpoint { test::freeLoopbackEndpoint(), {} } };
    const EndpointStatus failure = firstFailure(bus);
    QVERIFY(!failure.detail.isEmpty());
    qInfo().noquote() << "the ZeroMQ source says:" << failure.detail;
    QCOMPARE(BusListModel::stateText(failure),
        QStringLiteral("getrennt: Noch keine Verbindung; neuer Versuch läuft."));
}

void TestStatusText::refusedConnectionTestIsGerman()
{
    // The bus editor's "Test" on a ZeroMQ bus first opens a TCP connection itself.
    BusConfig bus;
    bus.name = QStringLiteral("closed-test");
    bus.transport = BusConfig::Transport::ZeroMq;
    bus.endpoints = { BusEndpoint { test::freeLoopbackEndpoint(), {} } };
    ConnectionTest test;
    QSignalSpy finished(&test, &ConnectionTest::finished);
    test.start(bus);
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QCOMPARE(finished.first().at(1).toString(),
        bus.endpoints.first().url + QStringLiteral(": Der Server hat die Verbindung abgelehnt."));
}

void TestStatusText::unknownReasonIsShownAsItIs()
{
    EndpointStatus s;
    s.state = EndpointStatus::State::Failed;
    s.detail = QStringLiteral("something no list names");
    QCOMPARE(BusListModel::stateText(s), QStringLiteral("getrennt: something no list names"));
}

QTEST_GUILESS_MAIN(TestStatusText)
#include "TestStatusText.moc"
