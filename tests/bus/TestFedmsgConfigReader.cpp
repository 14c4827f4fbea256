// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "bus/BusPresets.h"
#include "bus/FedmsgConfigReader.h"
#include "json/JsonWriter.h"

#include <QTemporaryDir>
#include <QTest>

using namespace fedmsg;

namespace {
QString dataDir(const char *name)
{
    return QStringLiteral(FEDMSG_SOURCE_DIR "/tests/bus/data/") + QLatin1String(name);
}
QString joined(const QList<PyDiagnostic> &diags)
{
    QStringList out;
    for (const PyDiagnostic &d : diags)
        out << d.toString();
    return out.join(QLatin1Char('\n'));
}
} // namespace

class TestFedmsgConfigReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shippedStyleFiles();
    void mergeOrderAcrossFolders();
    void mappingToBusConfig();
    void errorsNameFileAndLine();
    void missingFolderIsNotAnError();
    void presets();
};

void TestFedmsgConfigReader::shippedStyleFiles()
{
    FedmsgConfigReader reader({ dataDir("etc-fedmsg.d") });
    QVERIFY(reader.read());
    QCOMPARE(reader.filesRead().size(), 5);
    // sorted by name: base, endpoints, logging, relay, ssl
    QVERIFY(reader.filesRead().at(0).endsWith(QStringLiteral("/base.py")));
    QVERIFY(reader.filesRead().at(4).endsWith(QStringLiteral("/ssl.py")));
    const JsonValue &c = reader.config();
    QCOMPARE(c["zmq_tcp_keepalive_idle"].toInt64(), 60);
    QCOMPARE(c["post_init_sleep"].toDouble(), 0.5);
    QCOMPARE(c["zmq_enabled"].toBool(), true);
    QCOMPARE(c["logging"]["formatters"]["bare"]["format"].toQString(),
        QStringLiteral("[%(asctime)s][%(name)10s %(levelname)7s] %(message)s"));
    QCOMPARE(
        c["logging"]["loggers"]["moksha"]["handlers"][0].toQString(), QStringLiteral("console"));
    QCOMPARE(c["logging"]["loggers"]["fedmsg"]["propagate"].toBool(true), false);
    QCOMPARE(c["endpoints"]["anitya-public-relay"][0].toQString(),
        QStringLiteral("tcp://release-monitoring.org:9940"));
    QCOMPARE(c["relay_inbound"][0].toQString(), QStringLiteral("tcp://127.0.0.1:2003"));
    QCOMPARE(reader.query(QStringLiteral("endpoints.relay_outbound")).size(), std::size_t(1));
    QCOMPARE(c["certnames"]["shell.localhost"].toQString(),
        QStringLiteral("shell-app01.phx2.fedoraproject.org"));
    // The socket.gethostname() key, the %-formatted endpoint name and os.path.sep are skipped
    // and reported with their lines.
    const QString diags = joined(reader.diagnostics());
    QVERIFY2(diags.contains(QStringLiteral("endpoints.py:3: unsupported: socket.gethostname()")),
        qPrintable(diags));
    QVERIFY2(diags.contains(QStringLiteral("endpoints.py:19: unsupported: %-formatting")),
        qPrintable(diags));
    QVERIFY2(diags.contains(QStringLiteral("ssl.py:30: unsupported: socket.gethostname()")),
        qPrintable(diags));
    QVERIFY2(
        diags.contains(QStringLiteral("ssl.py:47: unsupported: SEP.join()")), qPrintable(diags));
    QCOMPARE(
        c["endpoints"].size(), std::size_t(3)); // fedora-infrastructure, anitya, relay_outbound
    QCOMPARE(reader.topicPrefix(), QStringLiteral("org.fedoraproject"));
    QCOMPARE(reader.environment(), QStringLiteral("dev"));
}

void TestFedmsgConfigReader::mergeOrderAcrossFolders()
{
    FedmsgConfigReader reader({ dataDir("etc-fedmsg.d"), dataDir("home-fedmsg.d") });
    QVERIFY(reader.read());
    QCOMPARE(reader.filesRead().size(), 7);
    const JsonValue &c = reader.config();
    // aa-first.py says stg, zz-local.py (later) says prod.
    QCOMPARE(reader.environment(), QStringLiteral("prod"));
    QCOMPARE(reader.topicPrefix(), QStringLiteral("org.example"));
    // Dicts merge recursively: the override replaced one list and kept the other keys.
    QCOMPARE(c["endpoints"]["fedora-infrastructure"][0].toQString(),
        QStringLiteral("tcp://127.0.0.1:9940"));
    QCOMPARE(c["endpoints"]["fedora-infrastructure"].size(), std::size_t(1));
    QVERIFY(c["endpoints"].contains("relay_outbound"));
    QCOMPARE(c["endpoints"]["my-bus"].size(), std::size_t(2));
    QCOMPARE(c["logging"]["loggers"]["fedmsg"]["level"].toQString(), QStringLiteral("DEBUG"));
    QCOMPARE(c["logging"]["loggers"]["fedmsg"]["propagate"].toBool(true), false);
    QCOMPARE(c["logging"]["loggers"]["moksha"]["level"].toQString(), QStringLiteral("INFO"));
    QCOMPARE(c["validate_signatures"].toBool(true), false);

    const JsonValue merged = FedmsgConfigReader::merge(
        JsonValue(
            JsonValue::Object { { "a", JsonValue(JsonValue::Object { { "x", 1 }, { "y", 2 } }) } }),
        JsonValue(JsonValue::Object {
            { "a", JsonValue(JsonValue::Object { { "y", 3 } }) }, { "b", 4 } }));
    QCOMPARE(QByteArray::fromStdString(JsonWriter::canonical(merged)),
        QByteArray(R"({"a":{"x":1,"y":3},"b":4})"));
}

void TestFedmsgConfigReader::mappingToBusConfig()
{
    FedmsgConfigReader reader({ dataDir("etc-fedmsg.d") });
    reader.read();
    const BusConfig bus = reader.toBusConfig();
    QCOMPARE(bus.name, QStringLiteral("fedmsg.d"));
    QVERIFY(bus.enabled);
    QCOMPARE(bus.transport, BusConfig::Transport::ZeroMq);
    QStringList urls;
    for (const BusEndpoint &e : bus.endpoints)
        urls << e.url;
    QCOMPARE(urls.size(), 3);
    QVERIFY(urls.contains(QStringLiteral("tcp://hub.fedoraproject.org:9940")));
    QVERIFY(urls.contains(QStringLiteral("tcp://127.0.0.1:4001")));
    QVERIFY(
        !urls.contains(QStringLiteral("tcp://127.0.0.1:2003"))); // relay_inbound is not subscribed
    QVERIFY(bus.trust.validateSignatures);
    QCOMPARE(bus.trust.caLocation, QStringLiteral("https://fedoraproject.org/fedmsg/ca.crt"));
    QCOMPARE(bus.trust.crlLocation, QStringLiteral("https://fedoraproject.org/fedmsg/crl.pem"));
    QCOMPARE(bus.trust.routingPolicy.value(
                 QStringLiteral("org.fedoraproject.prod.announce.announcement")),
        QStringList { QStringLiteral("announce-lockbox.phx2.fedoraproject.org") });
    QCOMPARE(bus.trust.cryptoValidateBackends, QStringList { QStringLiteral("x509") });
    QCOMPARE(reader.relayInbound(), QStringList { QStringLiteral("tcp://127.0.0.1:2003") });
    QCOMPARE(reader.certName(QStringLiteral("shell"), QStringLiteral("localhost")),
        QStringLiteral("shell-app01.phx2.fedoraproject.org"));

    // crl_location = None means "no CRL"; absent means Fedora's URL.
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("ssl.py")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("config = dict(crl_location=None, ca_cert_location='/tmp/ca.crt',\n"
            "              endpoints=dict(x=['tcp://127.0.0.1:9']))\n");
    f.close();
    FedmsgConfigReader r2({ dir.path() });
    QVERIFY(r2.read());
    QVERIFY(r2.trustConfig().crlLocation.isEmpty());
    QCOMPARE(r2.trustConfig().caLocation, QStringLiteral("/tmp/ca.crt"));
    QVERIFY(!r2.trustConfig().validateSignatures); // fedmsg core's default
}

void TestFedmsgConfigReader::errorsNameFileAndLine()
{
    FedmsgConfigReader reader({ dataDir("broken.d") });
    QVERIFY(reader.read()); // 02-ok.py still counts
    QCOMPARE(reader.filesRead().size(), 1);
    QCOMPARE(reader.environment(), QStringLiteral("prod"));
    const QString diags = joined(reader.diagnostics());
    QVERIFY2(diags.contains(QStringLiteral("01-syntax.py:3: error: unterminated string literal")),
        qPrintable(diags));
    QVERIFY2(diags.contains(QStringLiteral("02-ok.py:2: unsupported: 'if' statement ignored")),
        qPrintable(diags));
    QVERIFY2(diags.contains(QStringLiteral("03-notdict.py:0: error: 'config' is not a dict")),
        qPrintable(diags));
}

void TestFedmsgConfigReader::missingFolderIsNotAnError()
{
    FedmsgConfigReader reader({ QStringLiteral("/nonexistent/fedmsg.d") });
    QVERIFY(!reader.read());
    QVERIFY(reader.diagnostics().isEmpty());
    QVERIFY(!reader.hasEndpoints());
    QVERIFY(BusPresets::fromFedmsgD({ QStringLiteral("/nonexistent/fedmsg.d") }).isEmpty());
}

void TestFedmsgConfigReader::presets()
{
    const QList<BusConfig> all = BusPresets::all({ dataDir("etc-fedmsg.d") });
    QCOMPARE(all.size(), 3);
    const BusConfig fedora = all.at(0);
    QCOMPARE(fedora.endpoints.first().url, QStringLiteral("tcp://hub.fedoraproject.org:9940"));
    QVERIFY(!fedora.enabled);
    QVERIFY(fedora.note.contains(QStringLiteral("2024")));
    QCOMPARE(fedora.trust.caLocation, QStringLiteral("https://fedoraproject.org/fedmsg/ca.crt"));
    QCOMPARE(fedora.trust.crlLocation, QStringLiteral("https://fedoraproject.org/fedmsg/crl.pem"));
    QCOMPARE(all.at(1).endpoints.first().url, QStringLiteral("tcp://fedmsg.olasd.eu:9940"));
    QVERIFY(!all.at(1).enabled);
    QVERIFY(all.at(2).enabled);
    QCOMPARE(all.at(2).name, QStringLiteral("fedmsg.d"));

    BusPresets::registerProvider([] {
        BusConfig amqp;
        amqp.name = QStringLiteral("fedora-messaging");
        amqp.transport = BusConfig::Transport::Amqp;
        return QList<BusConfig> { amqp };
    });
    const QList<BusConfig> more = BusPresets::all({});
    QCOMPARE(more.size(), 3);
    QCOMPARE(more.at(2).name, QStringLiteral("fedora-messaging"));
}

QTEST_GUILESS_MAIN(TestFedmsgConfigReader)
#include "TestFedmsgConfigReader.moc"
