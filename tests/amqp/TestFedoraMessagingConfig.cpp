// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "TestData.h"
#include "amqp/FedoraMessagingConfig.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace fedmsg;

namespace {

// fedora-messaging's shipped configs/fedora.toml (3.6), with a real UUID queue.
QByteArray fedoraTomlText()
{
    QFile f(test::sourcePath("tests/amqp/data/fedora.toml"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestFedoraMessagingConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fedoraToml();
    void defaultsAndEverything();
    void zeroQueueIsNotKept();
    void errors_data();
    void errors();
    void loadFromFile();
    void defaultPaths();
    void oversizedFileIsRefusedUnread();
};

void TestFedoraMessagingConfig::fedoraToml()
{
    QString error;
    const auto imp =
        FedoraMessagingConfig::parse(fedoraTomlText(), QStringLiteral("fedora.toml"), &error);
    QVERIFY2(imp, qPrintable(error));
    const BusConfig &b = imp->bus;
    QCOMPARE(b.transport, BusConfig::Transport::Amqp);
    QCOMPARE(b.endpoints.size(), 1);
    // The cosmetic user is dropped from the URL (EXTERNAL with the certificate's CN).
    QCOMPARE(
        b.endpoints[0].url, QStringLiteral("amqps://rabbitmq.fedoraproject.org/%2Fpublic_pubsub"));
    QCOMPARE(b.amqp.vhost, QStringLiteral("/public_pubsub"));
    QCOMPARE(b.amqp.loginIdentity, QStringLiteral("fedora"));
    QCOMPARE(b.amqp.caCertFile, QStringLiteral("/etc/fedora-messaging/cacert.pem"));
    QCOMPARE(b.amqp.certFile, QStringLiteral("/etc/fedora-messaging/fedora-cert.pem"));
    QCOMPARE(b.amqp.keyFile, QStringLiteral("/etc/fedora-messaging/fedora-key.pem"));
    QCOMPARE(b.amqp.queueName, QStringLiteral("2f3c8f4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f"));
    QCOMPARE(b.amqp.exchange, QStringLiteral("amq.topic"));
    QCOMPARE(b.amqp.prefetch, 25);
    QCOMPARE(b.topics,
        (QStringList { QStringLiteral("org.fedoraproject.prod.bodhi.#"),
            QStringLiteral("org.fedoraproject.*.buildsys.build.state.change") }));
    QVERIFY(imp->warnings.isEmpty());
}

void TestFedoraMessagingConfig::defaultsAndEverything()
{
    QString error;
    const auto imp = FedoraMessagingConfig::parse(
        "[[bindings]]\nqueue = \"q\"\nexchange = \"amq.topic\"\nrouting_keys = [\"a.b\", \"#\"]\n",
        QStringLiteral("min.toml"),
        &error);
    QVERIFY2(imp, qPrintable(error));
    QCOMPARE(imp->bus.endpoints[0].url, QStringLiteral("amqp://localhost"));
    QCOMPARE(imp->bus.amqp.vhost, QStringLiteral("/"));
    QVERIFY(imp->bus.topics.isEmpty()); // "#" = everything
    QVERIFY(imp->bus.amqp.queueName.isEmpty());
}

void TestFedoraMessagingConfig::zeroQueueIsNotKept()
{
    const auto imp = FedoraMessagingConfig::parse(
        "[queues.00000000-0000-0000-0000-000000000000]\ndurable = false\n"
        "[queues.my-queue]\ndurable = true\n",
        QStringLiteral("z.toml"));
    QVERIFY(imp);
    QVERIFY(imp->bus.amqp.queueName.isEmpty());
    QCOMPARE(imp->warnings.size(), 2);
    QVERIFY2(imp->warnings.at(0).startsWith(QStringLiteral("z.toml:1:")),
        qPrintable(imp->warnings.at(0)));
    QVERIFY(imp->warnings.at(1).startsWith(QStringLiteral("z.toml:3:")));
}

void TestFedoraMessagingConfig::errors_data()
{
    QTest::addColumn<QByteArray>("toml");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("contains");
    QTest::newRow("syntax") << QByteArray("amqp_url = \"x\"\n[tls\nca_cert = 1\n")
                            << QStringLiteral("bad.toml:2:") << QString();
    QTest::newRow("unterminated string")
        << QByteArray("\n\namqp_url = \"amqps://x\n") << QStringLiteral("bad.toml:3:") << QString();
    QTest::newRow("url type") << QByteArray("\namqp_url = 5\n") << QStringLiteral("bad.toml:2:")
                              << QStringLiteral("amqp_url must be a string");
    QTest::newRow("url scheme") << QByteArray("amqp_url = \"http://x\"\n")
                                << QStringLiteral("bad.toml:1:") << QStringLiteral("amqp");
    QTest::newRow("tls type") << QByteArray("[tls]\nca_cert = []\n")
                              << QStringLiteral("bad.toml:2:") << QStringLiteral("tls.ca_cert");
    QTest::newRow("routing keys type")
        << QByteArray("[[bindings]]\nqueue = \"q\"\nrouting_keys = \"#\"\n")
        << QStringLiteral("bad.toml:3:") << QStringLiteral("routing_keys");
    QTest::newRow("prefetch type")
        << QByteArray("[qos]\n\nprefetch_count = \"25\"\n") << QStringLiteral("bad.toml:3:")
        << QStringLiteral("prefetch_count");
}

void TestFedoraMessagingConfig::errors()
{
    QFETCH(QByteArray, toml);
    QFETCH(QString, prefix);
    QFETCH(QString, contains);
    QString error;
    QVERIFY(!FedoraMessagingConfig::parse(toml, QStringLiteral("bad.toml"), &error));
    QVERIFY2(error.startsWith(prefix), qPrintable(error));
    QVERIFY2(error.contains(contains), qPrintable(error));
}

void TestFedoraMessagingConfig::loadFromFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("config.toml"));
    QString error;
    QVERIFY(!FedoraMessagingConfig::load(path, &error));
    QVERIFY(error.startsWith(path));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(fedoraTomlText());
    f.close();
    const auto imp = FedoraMessagingConfig::load(path, &error, QStringLiteral("mine"));
    QVERIFY2(imp, qPrintable(error));
    QCOMPARE(imp->bus.name, QStringLiteral("mine"));
    QCOMPARE(imp->bus.noteArgument, path);
}

void TestFedoraMessagingConfig::defaultPaths()
{
    QTemporaryDir dir;
    qputenv("XDG_CONFIG_HOME", dir.path().toUtf8());
    const QStringList paths = FedoraMessagingConfig::defaultPaths();
    QCOMPARE(paths.size(), 2);
    QCOMPARE(paths[0], dir.filePath(QStringLiteral("fedora-messaging/config.toml")));
    QCOMPARE(paths[1], QStringLiteral("/etc/fedora-messaging/config.toml"));
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("fedora-messaging"))));
    QFile f(paths[0]);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    QCOMPARE(FedoraMessagingConfig::findExisting(), paths[0]);
}

// Issue 13 #8: a 190 MB config.toml cost 1 GB. Like the fedmsg.d reader, the import refuses a
// file over 4 MiB with an error naming the file and the cap, before reading it.
void TestFedoraMessagingConfig::oversizedFileIsRefusedUnread()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("config.toml"));
    const qint64 cap = qint64 { 4 } * 1024 * 1024;
    // Valid TOML just over the cap: the real config padded with comment lines.
    QByteArray text = fedoraTomlText();
    QVERIFY(!text.isEmpty());
    const QByteArray comment = QByteArray(99, '#') + '\n';
    while (text.size() <= cap)
        text += comment;
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
    f.close();
    QString error;
    QVERIFY(!FedoraMessagingConfig::load(path, &error));
    QVERIFY2(error.startsWith(path + QStringLiteral(": file too large")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("4 MiB")), qPrintable(error));
    QVERIFY(!FedoraMessagingConfig::parse(text, path, &error));
    QVERIFY2(error.contains(QStringLiteral("too large")), qPrintable(error));

    // Just under the cap is still read.
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text.left(cap - comment.size()));
    f.close();
    QVERIFY2(FedoraMessagingConfig::load(path, &error), qPrintable(error));

    // 190 MB (sparse, no disk used): refused from its size alone.
    QVERIFY(f.open(QIODevice::WriteOnly));
    QVERIFY(f.resize(190LL * 1000 * 1000));
    f.close();
    QVERIFY(!FedoraMessagingConfig::load(path, &error));
    QVERIFY2(error.contains(QStringLiteral("190000000 bytes")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestFedoraMessagingConfig)
#include "TestFedoraMessagingConfig.moc"
