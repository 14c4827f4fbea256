// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "TestData.h"
#include "amqp/AmqpAddress.h"
#include "amqp/AmqpBackoff.h"
#include "amqp/AmqpPresets.h"

#include <QCryptographicHash>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace fedmsg;

namespace {
QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestAmqpPresets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void productionPreset();
    void stagingPreset();
    void bundledFilesAreFedoras();
    void systemCopiesWin();
    void restoresDeletedCopies();
    void addressParsing_data();
    void addressParsing();
    void backoff();

private:
    QTemporaryDir m_home;
};

void TestAmqpPresets::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("XDG_CACHE_HOME", m_home.filePath(QStringLiteral("cache")).toUtf8());
    QStandardPaths::setTestModeEnabled(false);
}

void TestAmqpPresets::productionPreset()
{
    const BusConfig b = AmqpPresets::fedoraProduction();
    QCOMPARE(b.name, QStringLiteral("fedora-messaging"));
    QCOMPARE(b.transport, BusConfig::Transport::Amqp);
    QVERIFY(b.enabled);
    QCOMPARE(b.endpoints.size(), 1);
    QCOMPARE(
        b.endpoints[0].url, QStringLiteral("amqps://rabbitmq.fedoraproject.org/%2Fpublic_pubsub"));
    const auto address = AmqpAddress::parse(b.endpoints[0].url, b.amqp.vhost);
    QVERIFY(address);
    QCOMPARE(address->host, QStringLiteral("rabbitmq.fedoraproject.org"));
    QCOMPARE(address->port, 5671);
    QVERIFY(address->tls);
    QCOMPARE(address->vhost, QStringLiteral("/public_pubsub"));
    QCOMPARE(b.amqp.vhost, QStringLiteral("/public_pubsub"));
    QCOMPARE(b.amqp.loginIdentity, QStringLiteral("fedora"));
    QCOMPARE(b.amqp.prefetch, 25);
    QCOMPARE(b.amqp.exchange, QStringLiteral("amq.topic"));
    QVERIFY(b.amqp.queueName.isEmpty()); // generated on first start, then persisted
    QVERIFY(b.topics.isEmpty());
    for (const QString &f : { b.amqp.caCertFile, b.amqp.certFile, b.amqp.keyFile }) {
        QVERIFY2(QFile::exists(f), qPrintable(f));
    }
    if (!QFile::exists(QStringLiteral("/etc/fedora-messaging/cacert.pem"))) {
        QVERIFY(b.amqp.caCertFile.startsWith(m_home.path()));
        QCOMPARE(QFile::permissions(b.amqp.keyFile) & (QFile::ReadOther | QFile::ReadGroup),
            QFile::Permissions());
    }
    QCOMPARE(AmqpPresets::all().size(), 2);
}

void TestAmqpPresets::stagingPreset()
{
    const BusConfig b = AmqpPresets::fedoraStaging();
    QCOMPARE(b.name, QStringLiteral("fedora-messaging-stg"));
    QVERIFY(!b.enabled);
    QCOMPARE(b.endpoints[0].url,
        QStringLiteral("amqps://rabbitmq.stg.fedoraproject.org/%2Fpublic_pubsub"));
    QCOMPARE(b.amqp.loginIdentity, QStringLiteral("fedora.stg"));
    QVERIFY(b.amqp.caCertFile.endsWith(QStringLiteral("stg-cacert.pem")));
}

void TestAmqpPresets::bundledFilesAreFedoras()
{
    QTemporaryDir cache;
    const auto files = AmqpPresets::certificateFiles(
        AmqpPresets::Environment::Production, nullptr, QString(), cache.path());
    QVERIFY(files);
    QVERIFY(!files->fromSystem);
    for (const char *name : { "cacert.pem", "fedora-cert.pem", "fedora-key.pem" }) {
        // The source files the resource was compiled from (Fedora's published copies).
        const QString shipped =
            test::sourcePath("resources/certs/fedora-messaging/") + QLatin1String(name);
        QVERIFY2(QFile::exists(shipped), qPrintable(shipped));
        QCOMPARE(readAll(cache.filePath(QLatin1String(name))), readAll(shipped));
    }
    // The production CA's SHA-256 fingerprint begins E5:38:D0:EA (Fedora's public broker CA, as
    // published in fedora-messaging's configs/).
    QFile ca(files->caCert);
    QVERIFY(ca.open(QIODevice::ReadOnly));
    const QByteArray pem = ca.readAll();
    const qsizetype b = pem.indexOf("-----BEGIN CERTIFICATE-----");
    const qsizetype e = pem.indexOf("-----END CERTIFICATE-----");
    QVERIFY(b >= 0 && e > b);
    const QByteArray der =
        QByteArray::fromBase64(pem.mid(b + 27, e - b - 27).simplified().replace(' ', ""));
    QCOMPARE(QCryptographicHash::hash(der, QCryptographicHash::Sha256).left(4).toHex(),
        QByteArray("e538d0ea"));
}

void TestAmqpPresets::systemCopiesWin()
{
    QTemporaryDir system;
    QTemporaryDir cache;
    for (const char *name : { "cacert.pem", "fedora-cert.pem" }) {
        QFile f(system.filePath(QLatin1String(name)));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("system copy\n");
    }
    // Two of three present: the bundled set is used (never mix files of two sets).
    auto files = AmqpPresets::certificateFiles(
        AmqpPresets::Environment::Production, nullptr, system.path(), cache.path());
    QVERIFY(files && !files->fromSystem);
    QVERIFY(files->caCert.startsWith(cache.path()));
    QFile key(system.filePath(QStringLiteral("fedora-key.pem")));
    QVERIFY(key.open(QIODevice::WriteOnly));
    key.write("key\n");
    key.close();
    files = AmqpPresets::certificateFiles(
        AmqpPresets::Environment::Production, nullptr, system.path(), cache.path());
    QVERIFY(files && files->fromSystem);
    QCOMPARE(files->caCert, system.filePath(QStringLiteral("cacert.pem")));
    QCOMPARE(files->key, system.filePath(QStringLiteral("fedora-key.pem")));
}

void TestAmqpPresets::restoresDeletedCopies()
{
    const BusConfig b = AmqpPresets::fedoraProduction();
    if (b.amqp.caCertFile.startsWith(QStringLiteral("/etc/"))) {
        QSKIP("/etc/fedora-messaging copies are in use on this machine");
    }
    QVERIFY(QFile::remove(b.amqp.caCertFile));
    AmqpPresets::restoreBundledFiles(b.amqp);
    QVERIFY(QFile::exists(b.amqp.caCertFile));
    // Never writes outside its own cache directory.
    QTemporaryDir elsewhere;
    AmqpSettings foreign = b.amqp;
    foreign.caCertFile = elsewhere.filePath(QStringLiteral("cacert.pem"));
    AmqpPresets::restoreBundledFiles(foreign);
    QVERIFY(!QFile::exists(foreign.caCertFile));
}

void TestAmqpPresets::addressParsing_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<bool>("tls");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("vhost");
    QTest::addColumn<QString>("user");
    QTest::newRow("fedora") << QStringLiteral(
        "amqps://fedora:@rabbitmq.fedoraproject.org/%2Fpublic_pubsub")
                            << true << true << QStringLiteral("rabbitmq.fedoraproject.org") << 5671
                            << QStringLiteral("/public_pubsub") << QStringLiteral("fedora");
    QTest::newRow("plain default")
        << QStringLiteral("amqp://localhost") << true << false << QStringLiteral("localhost")
        << 5672 << QStringLiteral("/") << QString();
    QTest::newRow("port and vhost")
        << QStringLiteral("amqp://u:p@h:1234/v") << true << false << QStringLiteral("h") << 1234
        << QStringLiteral("v") << QStringLiteral("u");
    QTest::newRow("http") << QStringLiteral("http://h/") << false << false << QString() << 0
                          << QString() << QString();
    QTest::newRow("no host") << QStringLiteral("amqps:///x") << false << false << QString() << 0
                             << QString() << QString();
}

void TestAmqpPresets::addressParsing()
{
    QFETCH(QString, url);
    QFETCH(bool, ok);
    QString error;
    const auto a = AmqpAddress::parse(url, {}, &error);
    QCOMPARE(bool(a), ok);
    if (!ok) {
        QVERIFY(!error.isEmpty());
        return;
    }
    QFETCH(bool, tls);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, vhost);
    QFETCH(QString, user);
    QCOMPARE(a->tls, tls);
    QCOMPARE(a->host, host);
    QCOMPARE(a->port, port);
    QCOMPARE(a->vhost, vhost);
    QCOMPARE(a->user, user);
    QVERIFY(!a->displayUrl().contains(u'@'));
    QCOMPARE(AmqpAddress::parse(a->displayUrl())->vhost, vhost);
}

void TestAmqpPresets::backoff()
{
    AmqpBackoff b(1000, 300000);
    b.seed(42);
    int previous = 0;
    for (int i = 0; i < 6; ++i) {
        const int d = b.nextDelayMs();
        const double base = std::min(300000.0, 1000.0 * std::pow(2.718281828, i));
        QVERIFY2(d >= base * 0.88 - 1 && d <= base * 1.12 + 1, qPrintable(QString::number(d)));
        QVERIFY(d > previous);
        previous = d;
    }
    for (int i = 0; i < 10; ++i) {
        QVERIFY(b.nextDelayMs() <= 300000);
    }
    b.reset();
    QVERIFY(b.nextDelayMs() <= 1120);
}

QTEST_GUILESS_MAIN(TestAmqpPresets)
#include "TestAmqpPresets.moc"
