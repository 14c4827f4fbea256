// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "bus/Source.h"
#include "config/FedmsgConfigReader.h"
#include "engine/Transports.h"
#include "json/JsonWriter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>
#include <unistd.h>

using namespace fedmsg;

namespace {
QString dataDir(const char *name)
{
    return QStringLiteral(FEDMSG_SOURCE_DIR "/tests/config/data/") + QLatin1String(name);
}
QString joined(const QList<PyDiagnostic> &diags)
{
    QStringList out;
    for (const PyDiagnostic &d : diags)
        out << d.toString();
    return out.join(QLatin1Char('\n'));
}
bool writeFile(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}
// Endpoints in one file, signature checking on in another, as a deployment splits them.
constexpr const char *EndpointsPy = "config = dict(endpoints={'bus': ['tcp://127.0.0.1:9']})\n";
constexpr const char *SslPy = "config = dict(\n"
                              "    validate_signatures=True,\n"
                              "    ca_cert_location='/etc/pki/fedmsg/ca.crt',\n"
                              "    crl_location=None,\n"
                              ")\n";
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
    void missingCommaFailsClosed();
    void trustKeyInDoubtFailsClosed_data();
    void trustKeyInDoubtFailsClosed();
    void otherUnsupportedValuesKeepTheBus();
    void unreadableFileIsReported();
    void tooLargeFileIsAProblemTheUserSees();
    void applicationReadsSystemUserThenConfigFolders();
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
    QVERIFY(
        FedmsgConfigReader::importedBuses({ QStringLiteral("/nonexistent/fedmsg.d") }).isEmpty());
}

// Issue 13 #2: one missing comma in the file that turns validation on made the reader skip the
// file and fall back to validate_signatures=False. Now the bus carries a configError naming
// file:line, and no source is made for it.
void TestFedmsgConfigReader::missingCommaFailsClosed()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("10-endpoints.py")), EndpointsPy));
    QByteArray broken(SslPy);
    broken.replace("validate_signatures=True,", "validate_signatures=True");
    QVERIFY(writeFile(dir.filePath(QStringLiteral("20-ssl.py")), broken));

    FedmsgConfigReader reader({ dir.path() });
    reader.read();
    QVERIFY(reader.hasEndpoints());
    QCOMPARE(reader.trustProblems().size(), 1);
    const BusConfig bus = reader.toBusConfig();
    QVERIFY2(bus.configError.contains(QStringLiteral("20-ssl.py:3: error")),
        qPrintable(bus.configError));

    const QList<BusConfig> imported = FedmsgConfigReader::importedBuses({ dir.path() });
    QCOMPARE(imported.size(), 1);
    QCOMPARE(imported[0].configError, bus.configError);
    QString error;
    std::unique_ptr<Source> source(Transports::createSource(imported[0], nullptr, &error));
    QVERIFY(!source);
    QCOMPARE(error, bus.configError);

    // The same folder read whole: validation on, no error, a source is made.
    QVERIFY(writeFile(dir.filePath(QStringLiteral("20-ssl.py")), SslPy));
    FedmsgConfigReader fixed({ dir.path() });
    fixed.read();
    QVERIFY(fixed.trustProblems().isEmpty());
    QVERIFY(fixed.toBusConfig().configError.isEmpty());
    QVERIFY(fixed.toBusConfig().trust.validateSignatures);
    source.reset(Transports::createSource(fixed.toBusConfig(), nullptr, &error));
    QVERIFY(source);
}

void TestFedmsgConfigReader::trustKeyInDoubtFailsClosed_data()
{
    QTest::addColumn<QByteArray>("ssl");
    QTest::addColumn<QString>("expected");
    QTest::newRow("value not a literal")
        << QByteArray("import os\nconfig = dict(validate_signatures=os.environ.get('V'))\n")
        << QStringLiteral("key 'validate_signatures' skipped");
    QTest::newRow("routing policy")
        << QByteArray("import os\nconfig = {'routing_policy': os.policy, 'x': 1}\n")
        << QStringLiteral("key 'routing_policy' skipped");
    QTest::newRow("routing policy entry")
        << QByteArray("import socket\nconfig = dict(routing_policy={\n"
                      "    'org.example.prod.announce': ['a', socket.gethostname()],\n"
                      "    'org.example.prod.x': socket.getfqdn(),\n})\n")
        << QStringLiteral("20-ssl.py:3: unsupported: socket.gethostname() (list element skipped)");
    QTest::newRow("statement") << QByteArray("config = dict(validate_signatures=False)\n"
                                             "config['validate_signatures'] = True\n")
                               << QStringLiteral("statement ignored");
    QTest::newRow("if block") << QByteArray("config = dict()\nif True:\n"
                                            "    config = dict(validate_signatures=True)\n")
                              << QStringLiteral("'if' statement ignored");
    QTest::newRow("whole config") << QByteArray("import os\nconfig = os.config\n")
                                  << QStringLiteral("the whole 'config' is skipped");
    QTest::newRow("not a dict") << QByteArray("config = [1]\n")
                                << QStringLiteral("'config' is not a dict");
}

void TestFedmsgConfigReader::trustKeyInDoubtFailsClosed()
{
    QFETCH(QByteArray, ssl);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("10-endpoints.py")), EndpointsPy));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("20-ssl.py")), ssl));
    FedmsgConfigReader reader({ dir.path() });
    reader.read();
    const BusConfig bus = reader.toBusConfig();
    QVERIFY2(bus.configError.contains(QStringLiteral("20-ssl.py:")), qPrintable(bus.configError));
    QVERIFY2(bus.configError.contains(expected), qPrintable(bus.configError));
    QVERIFY(!Transports::createSource(bus, nullptr));
}

void TestFedmsgConfigReader::otherUnsupportedValuesKeepTheBus()
{
    // Fedora's own files: socket.gethostname(), %-formatting, os.path.sep; nothing about trust.
    FedmsgConfigReader reader({ dataDir("etc-fedmsg.d") });
    reader.read();
    QVERIFY(!reader.diagnostics().isEmpty());
    QVERIFY2(reader.trustProblems().isEmpty(), qPrintable(joined(reader.trustProblems())));
    // certnames (signing, not trust) lost an entry: that is reported with its key path.
    const QList<PyDiagnostic> diags = reader.diagnostics();
    QVERIFY(std::any_of(diags.begin(), diags.end(), [](const PyDiagnostic &d) {
        return d.keyPath == QStringList { QStringLiteral("certnames") };
    }));
    QVERIFY(reader.toBusConfig().configError.isEmpty());
}

void TestFedmsgConfigReader::unreadableFileIsReported()
{
    if (::geteuid() == 0)
        QSKIP("root reads files whatever their mode");
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("10-endpoints.py")), EndpointsPy));
    const QString ssl = dir.filePath(QStringLiteral("20-ssl.py"));
    QVERIFY(writeFile(ssl, SslPy));
    QVERIFY(QFile::setPermissions(ssl, QFileDevice::WriteOwner));
    FedmsgConfigReader reader({ dir.path() });
    reader.read();
    QVERIFY2(joined(reader.errors()).contains(QStringLiteral("20-ssl.py:0: error")),
        qPrintable(joined(reader.diagnostics())));
    QVERIFY(!reader.toBusConfig().configError.isEmpty());
}

// Issue 13 #8: the applet said nothing about a fedmsg.d file too large to read.
void TestFedmsgConfigReader::tooLargeFileIsAProblemTheUserSees()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("10-endpoints.py")), EndpointsPy));
    QFile big(dir.filePath(QStringLiteral("20-big.py")));
    QVERIFY(big.open(QIODevice::WriteOnly));
    QVERIFY(big.resize(FedmsgConfigReader::MaxFileSize + 1)); // sparse: costs no disk
    big.close();
    QStringList problems;
    const QList<BusConfig> all = Transports::presets({ dir.path() }, &problems);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems[0].contains(QStringLiteral("20-big.py")), qPrintable(problems[0]));
    QVERIFY2(problems[0].contains(QStringLiteral("too large")), qPrintable(problems[0]));
    QVERIFY2(problems[0].contains(QStringLiteral("4 MiB")), qPrintable(problems[0]));
    const auto bus = std::find_if(all.begin(), all.end(), [](const BusConfig &b) {
        return b.name == QStringLiteral("fedmsg.d");
    });
    QVERIFY(bus != all.end());
    QVERIFY(bus->configError.contains(QStringLiteral("20-big.py")));

    // Even when the unreadable file is the one with the endpoints, the bus is listed with its
    // error, so the user sees why nothing connects.
    QVERIFY(QFile::remove(dir.filePath(QStringLiteral("10-endpoints.py"))));
    const QList<BusConfig> only = FedmsgConfigReader::importedBuses({ dir.path() });
    QCOMPARE(only.size(), 1);
    QVERIFY(only[0].endpoints.isEmpty());
    QVERIFY(!only[0].configError.isEmpty());
}

// Issue 13 #7: the applet passed only --config folders. It now reads what fedmsg-tail reads:
// the system folder, ~/.fedmsg.d, then --config.
void TestFedmsgConfigReader::applicationReadsSystemUserThenConfigFolders()
{
    QTemporaryDir home;
    const QByteArray oldHome = qgetenv("HOME");
    qputenv("HOME", home.path().toLocal8Bit());
    const QString system = home.filePath(QStringLiteral("etc/fedmsg.d"));
    const QString user = home.filePath(QStringLiteral(".fedmsg.d"));
    const QString extra = home.filePath(QStringLiteral("extra"));
    QCOMPARE(FedmsgConfigReader::defaultDirectories(),
        (QStringList { QStringLiteral("/etc/fedmsg.d"), user }));
    QCOMPARE(
        FedmsgConfigReader::withDefaults({ extra }, system), (QStringList { system, user, extra }));

    QVERIFY(writeFile(system + QStringLiteral("/base.py"),
        "config = dict(environment='stg', endpoints={'sys': ['tcp://127.0.0.1:1']})\n"));
    QVERIFY(writeFile(user + QStringLiteral("/mine.py"),
        "config = dict(environment='prod', endpoints={'user': ['tcp://127.0.0.1:2']})\n"));
    QVERIFY(writeFile(extra + QStringLiteral("/more.py"),
        "config = dict(endpoints={'extra': ['tcp://127.0.0.1:3']})\n"));
    const QList<BusConfig> all =
        Transports::presets(FedmsgConfigReader::withDefaults({ extra }, system));
    qputenv("HOME", oldHome);
    const auto bus = std::find_if(all.begin(), all.end(), [](const BusConfig &b) {
        return b.name == QStringLiteral("fedmsg.d");
    });
    QVERIFY(bus != all.end());
    QStringList urls;
    for (const BusEndpoint &e : bus->endpoints)
        urls << e.url;
    urls.sort();
    QCOMPARE(urls,
        (QStringList { QStringLiteral("tcp://127.0.0.1:1"),
            QStringLiteral("tcp://127.0.0.1:2"),
            QStringLiteral("tcp://127.0.0.1:3") }));
}

QTEST_GUILESS_MAIN(TestFedmsgConfigReader)
#include "TestFedmsgConfigReader.moc"
