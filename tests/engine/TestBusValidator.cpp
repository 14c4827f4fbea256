// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// What the Buses page's editor refuses, field by field (real files in a temporary directory).
#include "engine/BusImport.h"
#include "engine/BusValidator.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace fedmsg;
using Field = BusFieldError::Field;

class TestBusValidator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void zeroMqEndpoints_data();
    void zeroMqEndpoints();
    void curveKeys();
    void fieldsOfAZeroMqBus();
    void fieldsOfAnAmqpBus();
    void endpointTextRoundTrips();
    void uniqueNames();
};

namespace {
BusConfig zeroMqBus()
{
    BusConfig bus;
    bus.name = QStringLiteral("mine");
    bus.endpoints = { { QStringLiteral("tcp://127.0.0.1:9940"), {} } };
    bus.trust.validateSignatures = false;
    return bus;
}

QList<Field> fields(const QList<BusFieldError> &errors)
{
    QList<Field> result;
    for (const BusFieldError &e : errors)
        result.append(e.field);
    return result;
}
} // namespace

void TestBusValidator::zeroMqEndpoints_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("error");
    QTest::newRow("tcp") << "tcp://hub.fedoraproject.org:9940"
                         << "";
    QTest::newRow("ipv6") << "tcp://[::1]:9940"
                          << "";
    QTest::newRow("ipc") << "ipc:///run/fedmsg.sock"
                         << "";
    QTest::newRow("no port") << "tcp://127.0.0.1"
                             << "tcp://127.0.0.1: the port is missing (tcp://host:port)";
    QTest::newRow("port 0") << "tcp://h:0"
                            << "tcp://h:0: the port must be 1 to 65535";
    QTest::newRow("port too big") << "tcp://h:70000"
                                  << "tcp://h:70000: the port must be 1 to 65535";
    QTest::newRow("scheme") << "http://h:80"
                            << "http://h:80: a fedmsg endpoint is tcp://host:port or ipc://path";
    QTest::newRow("space") << "tcp://h h:1"
                           << "tcp://h h:1: not a valid tcp://host:port";
}

void TestBusValidator::zeroMqEndpoints()
{
    QFETCH(QString, url);
    QFETCH(QString, error);
    QCOMPARE(BusValidator::zeroMqEndpointError(url), error);
}

void TestBusValidator::curveKeys()
{
    QCOMPARE(BusValidator::curveKeyError(QString()), QString());
    QCOMPARE(
        BusValidator::curveKeyError(QStringLiteral("rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7")),
        QString());
    QCOMPARE(BusValidator::curveKeyError(QStringLiteral("short")),
        QStringLiteral("a CURVE key is 40 Z85 characters; this one has 5"));
    QCOMPARE(BusValidator::curveKeyError(QString(39, u'a') + u'~'),
        QStringLiteral("'~' is not a Z85 character"));
}

void TestBusValidator::fieldsOfAZeroMqBus()
{
    BusConfig bus = zeroMqBus();
    QCOMPARE(BusValidator::validate(bus, {}), QList<BusFieldError> {});
    QCOMPARE(fields(BusValidator::validate(bus, { QStringLiteral("mine") })),
        QList<Field> { Field::Name });
    bus.name = QStringLiteral("my bus");
    QCOMPARE(fields(BusValidator::validate(bus, {})), QList<Field> { Field::Name });
    bus = zeroMqBus();
    bus.endpoints.clear();
    QCOMPARE(BusValidator::validate(bus, {}).value(0).message,
        QStringLiteral("enter at least one endpoint"));
    bus = zeroMqBus();
    bus.endpoints[0].curveServerKey = QStringLiteral("x");
    QCOMPARE(fields(BusValidator::validate(bus, {})), QList<Field> { Field::CurveServerKey });
    // Trust locations are checked only when signatures are.
    bus = zeroMqBus();
    bus.trust.caLocation = QStringLiteral("/nonexistent/ca.crt");
    bus.trust.crlLocation = QStringLiteral("ftp://example.org/crl.pem");
    QCOMPARE(BusValidator::validate(bus, {}), QList<BusFieldError> {});
    bus.trust.validateSignatures = true;
    const QList<BusFieldError> errors = BusValidator::validate(bus, {});
    QCOMPARE(fields(errors), (QList<Field> { Field::CaLocation, Field::CrlLocation }));
    QCOMPARE(errors[0].message, QStringLiteral("/nonexistent/ca.crt: no such file"));
    bus.trust.caLocation = QStringLiteral("https://fedoraproject.org/fedmsg/ca.crt");
    bus.trust.crlLocation.clear();
    QCOMPARE(BusValidator::validate(bus, {}), QList<BusFieldError> {});
    bus.archiveUrl = QStringLiteral("datagrepper");
    QCOMPARE(fields(BusValidator::validate(bus, {})), QList<Field> { Field::ArchiveUrl });
    bus.archiveUrl = BusConfig::fedoraArchiveUrl();
    QCOMPARE(BusValidator::validate(bus, {}), QList<BusFieldError> {});
}

void TestBusValidator::fieldsOfAnAmqpBus()
{
    QTemporaryDir dir;
    const QString cert = dir.filePath(QStringLiteral("client.crt"));
    QFile f(cert);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not checked here\n");
    f.close();
    BusConfig bus;
    bus.name = QStringLiteral("fm");
    bus.transport = BusConfig::Transport::Amqp;
    bus.endpoints = { { QStringLiteral("amqps://broker.example/%2Fpublic_pubsub"), {} } };
    QCOMPARE(BusValidator::validate(bus, {}), QList<BusFieldError> {});
    bus.endpoints[0].url = QStringLiteral("tcp://broker.example:5671");
    QCOMPARE(fields(BusValidator::validate(bus, {})), QList<Field> { Field::Endpoints });
    bus.endpoints[0].url = QStringLiteral("amqps://broker.example/%2Fpublic_pubsub");
    bus.endpoints.append(bus.endpoints[0]);
    QCOMPARE(BusValidator::validate(bus, {}).value(0).message,
        QStringLiteral("a fedora-messaging bus has one broker URL"));
    bus.endpoints.removeLast();
    bus.endpoints[0].url = QStringLiteral("amqps://me:secret@broker.example/%2Fpublic_pubsub");
    const QList<BusFieldError> secret = BusValidator::validate(bus, {});
    QCOMPARE(fields(secret), QList<Field> { Field::Endpoints });
    QVERIFY2(!secret[0].message.contains(QStringLiteral("secret")), qPrintable(secret[0].message));
    bus.endpoints[0].url = QStringLiteral("amqps://fedora:@broker.example/%2Fpublic_pubsub");
    QCOMPARE(BusValidator::validate(bus, {}), QList<BusFieldError> {}); // no password: fine
    bus.amqp.certFile = cert;
    QCOMPARE(BusValidator::validate(bus, {}),
        (QList<BusFieldError> {
            { Field::KeyFile, QStringLiteral("a client certificate needs its key file") } }));
    bus.amqp.keyFile = dir.filePath(QStringLiteral("missing.key"));
    QCOMPARE(BusValidator::validate(bus, {}),
        (QList<BusFieldError> {
            { Field::KeyFile, bus.amqp.keyFile + QStringLiteral(": no such file") } }));
    bus.amqp.keyFile = cert;
    bus.amqp.caCertFile = dir.path();
    QCOMPARE(BusValidator::validate(bus, {}),
        (QList<BusFieldError> {
            { Field::CaCertFile, dir.path() + QStringLiteral(": not a file") } }));
}

void TestBusValidator::endpointTextRoundTrips()
{
    const QList<BusEndpoint> shared { { QStringLiteral("tcp://a:1"), QStringLiteral("K") },
        { QStringLiteral("tcp://b:2"), QStringLiteral("K") } };
    QString key;
    const QString text = BusValidator::endpointsToText(shared, &key);
    QCOMPARE(text, QStringLiteral("tcp://a:1\ntcp://b:2"));
    QCOMPARE(key, QStringLiteral("K"));
    QCOMPARE(BusValidator::endpointsFromText(text, key), shared);
    const QList<BusEndpoint> own { { QStringLiteral("tcp://a:1"), QStringLiteral("K1") },
        { QStringLiteral("tcp://b:2"), QString() } };
    const QString ownText = BusValidator::endpointsToText(own, &key);
    QCOMPARE(ownText, QStringLiteral("tcp://a:1 K1\ntcp://b:2"));
    QCOMPARE(key, QString());
    QCOMPARE(BusValidator::endpointsFromText(ownText, key), own);
    QCOMPARE(BusValidator::endpointsFromText(QStringLiteral("\n  tcp://c:3  \n\n"), QString()),
        (QList<BusEndpoint> { { QStringLiteral("tcp://c:3"), QString() } }));
}

void TestBusValidator::uniqueNames()
{
    QCOMPARE(BusImport::uniqueName(QStringLiteral("fedmsg.d"), {}), QStringLiteral("fedmsg.d"));
    QCOMPARE(BusImport::uniqueName(QStringLiteral("fedmsg.d"),
                 { QStringLiteral("fedmsg.d"), QStringLiteral("fedmsg.d-2") }),
        QStringLiteral("fedmsg.d-3"));
}

QTEST_GUILESS_MAIN(TestBusValidator)
#include "TestBusValidator.moc"
