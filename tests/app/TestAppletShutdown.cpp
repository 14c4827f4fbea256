// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The real fedmsg-notify (FEDMSG_NOTIFY_BIN) is stopped by SIGTERM, SIGINT or SIGHUP while
// messages from a real ZeroMQ publisher are in flight: it exits with status 0, its
// single-instance socket is gone, and the history holds every message its engine received (the
// engine logs each one under QT_LOGGING_RULES=fedmsg.engine.messages.debug=true).

#include "LoopbackEndpoint.h"
#include "PrivateHome.h"

#include "engine/Transports.h"
#include "history/History.h"
#include "settings/Settings.h"
#include "zeromq/Publisher.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace fedmsg;

class TestAppletShutdown : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void signalStopsCleanly_data();
    void signalStopsCleanly();
};

void TestAppletShutdown::initTestCase()
{
    QVERIFY2(QFileInfo::exists(qEnvironmentVariable("FEDMSG_NOTIFY_BIN")),
        "FEDMSG_NOTIFY_BIN must name the built fedmsg-notify");
}

void TestAppletShutdown::signalStopsCleanly_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
    QTest::newRow("SIGHUP") << int(SIGHUP);
}

void TestAppletShutdown::signalStopsCleanly()
{
    QFETCH(int, signalNumber);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString home = dir.path();
    QVERIFY(test::makePrivateHome(home, { "fedmsg.d" }));

    // One bus, ours: every preset off, so nothing reaches beyond 127.0.0.1.
    const QString endpoint = test::freeLoopbackEndpoint();
    {
        QList<BusConfig> buses = Transports::presets({ home + QStringLiteral("/fedmsg.d") });
        for (BusConfig &bus : buses)
            bus.enabled = false;
        BusConfig bus;
        bus.name = QStringLiteral("shutdown-test");
        bus.label = bus.name;
        bus.enabled = true;
        bus.transport = BusConfig::Transport::ZeroMq;
        bus.endpoints = { BusEndpoint { endpoint, QString() } };
        bus.trust.validateSignatures = false;
        buses.append(bus);
        Settings settings(home + QStringLiteral("/config/fedmsg-notify/fedmsg-notify.conf"));
        settings.setBuses(buses);
        settings.sync();
    }

    PublisherOptions po;
    po.mode = PublisherOptions::Mode::Bind;
    po.url = endpoint;
    po.sendHighWaterMark = 0;
    Publisher publisher(po);
    QString error;
    QVERIFY2(publisher.open(&error), qPrintable(error));

    QProcess applet;
    QProcessEnvironment env = test::privateHomeEnvironment(home);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(
        QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("fedmsg.engine.messages.debug=true"));
    applet.setProcessEnvironment(env);
    QByteArray log;
    connect(&applet, &QProcess::readyReadStandardError, this, [&] {
        log += applet.readAllStandardError();
    });
    applet.start(qEnvironmentVariable("FEDMSG_NOTIFY_BIN"),
        { QStringLiteral("--config"), home + QStringLiteral("/fedmsg.d") });
    QVERIFY2(applet.waitForStarted(10000), qPrintable(applet.errorString()));
    const QString socketPath = home + QStringLiteral("/runtime/fedmsg-notify.sock");
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(socketPath), 20000);

    const QString topic = publisher.fullTopic(QStringLiteral("shutdown"), QStringLiteral("test"));
    QVERIFY2(publisher.waitForSubscriber(topic, 20000), "the applet never subscribed");
    int published = 0;
    const auto publish = [&](int n) {
        for (int i = 0; i < n; ++i) {
            JsonValue msg = JsonValue::emptyObject();
            msg.insert("n", JsonValue(published));
            QVERIFY2(
                publisher.publish(QStringLiteral("shutdown"), QStringLiteral("test"), msg, &error),
                qPrintable(error));
            ++published;
        }
    };
    static const QRegularExpression received(QStringLiteral("received (\\S+) from "));
    publish(50);
    QTRY_VERIFY_WITH_TIMEOUT(received.match(QString::fromUtf8(log)).hasMatch(), 20000);
    // A burst, and the signal while it is still being received, rendered and stored.
    publish(400);
    QVERIFY(::kill(static_cast<pid_t>(applet.processId()), signalNumber) == 0);

    QVERIFY2(applet.waitForFinished(30000), "the applet did not exit after the signal");
    log += applet.readAllStandardError();
    QCOMPARE(applet.exitStatus(), QProcess::NormalExit);
    QCOMPARE(applet.exitCode(), 0);
    QVERIFY2(!QFileInfo::exists(socketPath), "the single-instance socket was left behind");

    QSet<QString> receivedIds;
    for (auto it = received.globalMatch(QString::fromUtf8(log)); it.hasNext();)
        receivedIds.insert(it.next().captured(1));
    QVERIFY(!receivedIds.isEmpty());

    HistoryOptions ho;
    ho.databasePath = home + QStringLiteral("/data/fedmsg-notify/history.sqlite");
    QVERIFY(QFileInfo::exists(ho.databasePath));
    History history(ho);
    if (!history.isReady()) {
        QSignalSpy ready(&history, &History::ready);
        QVERIFY(ready.wait(10000));
    }
    HistoryQuery all;
    all.limit = 0;
    const QList<StoredMessage> stored = history.search(all, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QSet<QString> storedIds;
    for (const StoredMessage &m : stored)
        storedIds.insert(m.msgId);
    qInfo("published %d, the engine received %lld, the history holds %lld",
        published,
        qlonglong(receivedIds.size()),
        qlonglong(storedIds.size()));
    const QSet<QString> lost = receivedIds - storedIds;
    QVERIFY2(lost.isEmpty(),
        qPrintable(QStringLiteral("%1 received messages are not in the history, e.g. %2")
                       .arg(lost.size())
                       .arg(lost.isEmpty() ? QString() : *lost.begin())));
}

QTEST_GUILESS_MAIN(TestAppletShutdown)
#include "TestAppletShutdown.moc"
