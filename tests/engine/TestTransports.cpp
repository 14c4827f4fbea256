// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "amqp/AmqpPresets.h"
#include "amqp/AmqpSource.h"
#include "bus/BusPresets.h"
#include "engine/Transports.h"
#include "zeromq/ZmqSource.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace fedmsg;

namespace {
QString dataDir(const char *name)
{
    return QStringLiteral(FEDMSG_SOURCE_DIR "/tests/config/data/") + QLatin1String(name);
}
QStringList names(const QList<BusConfig> &buses)
{
    QStringList out;
    for (const BusConfig &b : buses)
        out << b.name;
    return out;
}
} // namespace

class TestTransports : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void presetsListEveryTransportWithoutSetUp();
    void createSourceMakesTheTransportOfTheBus();
    void createSourceRefusesABusWithConfigError();

private:
    QTemporaryDir m_xdg; ///< no fedora-messaging config.toml to import
};

void TestTransports::init()
{
    qputenv("XDG_CONFIG_HOME", m_xdg.path().toLocal8Bit());
}

// Before, the AMQP presets were there only after Transports::registerAll() had run (Engine's
// constructor called it): BusPresets::all() alone listed the ZeroMQ ones and fedmsg.d.
void TestTransports::presetsListEveryTransportWithoutSetUp()
{
    const QList<BusConfig> all = Transports::presets({ dataDir("etc-fedmsg.d") });
    QCOMPARE(names(all),
        (QStringList { BusPresets::fedoraFedmsg().name,
            BusPresets::debianFedmsg().name,
            AmqpPresets::productionName(),
            AmqpPresets::stagingName(),
            QStringLiteral("fedmsg.d") }));
    const BusConfig &fedora = all.at(0);
    QCOMPARE(fedora.endpoints.first().url, QStringLiteral("tcp://hub.fedoraproject.org:9940"));
    QVERIFY(!fedora.enabled);
    QVERIFY(fedora.note.contains(QStringLiteral("2024")));
    QCOMPARE(fedora.trust.caLocation, QStringLiteral("https://fedoraproject.org/fedmsg/ca.crt"));
    QCOMPARE(fedora.trust.crlLocation, QStringLiteral("https://fedoraproject.org/fedmsg/crl.pem"));
    QCOMPARE(all.at(1).endpoints.first().url, QStringLiteral("tcp://fedmsg.olasd.eu:9940"));
    QVERIFY(!all.at(1).enabled);
    QCOMPARE(all.at(2).transport, BusConfig::Transport::Amqp);
    QVERIFY(all.at(4).enabled);

    // Without fedmsg.d endpoints the imported bus is not listed; names stay unique.
    const QList<BusConfig> none = Transports::presets({ QStringLiteral("/nonexistent/fedmsg.d") });
    QCOMPARE(none.size(), 4);
    QCOMPARE(BusPresets::uniqueByName(none + none).size(), 4);
}

void TestTransports::createSourceMakesTheTransportOfTheBus()
{
    BusConfig zmq = BusPresets::debianFedmsg();
    QString error;
    std::unique_ptr<Source> source(Transports::createSource(zmq, nullptr, &error));
    QVERIFY2(source, qPrintable(error));
    QVERIFY(qobject_cast<ZmqSource *>(source.get()));
    QVERIFY(!source->isAtLeastOnce());

    source.reset(Transports::createSource(AmqpPresets::fedoraProduction(), nullptr, &error));
    QVERIFY2(source, qPrintable(error));
    QVERIFY(qobject_cast<AmqpSource *>(source.get()));
    QVERIFY(source->isAtLeastOnce());
}

void TestTransports::createSourceRefusesABusWithConfigError()
{
    BusConfig bus = BusPresets::debianFedmsg();
    bus.configError = QStringLiteral("20-ssl.py:3: error: something");
    QString error;
    std::unique_ptr<Source> source(Transports::createSource(bus, nullptr, &error));
    QVERIFY(!source);
    QCOMPARE(error, bus.configError);
}

QTEST_GUILESS_MAIN(TestTransports)
#include "TestTransports.moc"
