// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "settings/Settings.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fedmsg;

class TestSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultsOnEmptyFile();
    void valuesPersistAcrossInstances();
    void clampsOutOfRangeValues();
    void setterEmitsOnlyOnChange();
    void busesMergeStoredWithPresets();
    void brokenFileIsKeptAsideAndDefaultsUsed();
    void amqpQueueNameSurvivesRestart();

private:
    static BusConfig preset(const QString &name, bool enabled)
    {
        BusConfig b;
        b.name = name;
        b.label = name.toUpper();
        b.enabled = enabled;
        b.endpoints = { BusEndpoint { QStringLiteral("tcp://example.org:9940"), {} } };
        b.trust.caLocation = QStringLiteral("https://example.org/ca.crt");
        return b;
    }
};

void TestSettings::defaultsOnEmptyFile()
{
    QTemporaryDir dir;
    Settings s(dir.filePath(QStringLiteral("a/b.conf")));
    QVERIFY(s.notificationsEnabled());
    QVERIFY(s.disabledServices().isEmpty());
    QCOMPARE(s.historyMaxAgeDays(), 30);
    QCOMPARE(s.historyMaxCount(), 50000);
    QVERIFY(s.recoveredFrom().isEmpty());
}

void TestSettings::valuesPersistAcrossInstances()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.conf"));
    {
        Settings s(path);
        s.setNotificationsEnabled(false);
        s.setDisabledServices(
            { QStringLiteral("koji"), QStringLiteral("bodhi"), QStringLiteral("koji") });
        s.setHistoryMaxAgeDays(7);
        s.sync();
    }
    Settings s(path);
    QVERIFY(!s.notificationsEnabled());
    QCOMPARE(
        s.disabledServices(), (QStringList { QStringLiteral("bodhi"), QStringLiteral("koji") }));
    QCOMPARE(s.historyMaxAgeDays(), 7);
}

void TestSettings::clampsOutOfRangeValues()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.conf"));
    {
        QSettings raw(path, QSettings::IniFormat);
        raw.setValue(QStringLiteral("History/maxAgeDays"), -5);
        raw.setValue(QStringLiteral("History/maxCount"), 1);
    }
    Settings s(path);
    QCOMPARE(s.historyMaxAgeDays(), 1);
    QCOMPARE(s.historyMaxCount(), 100);
}

void TestSettings::setterEmitsOnlyOnChange()
{
    QTemporaryDir dir;
    Settings s(dir.filePath(QStringLiteral("s.conf")));
    QSignalSpy spy(&s, &Settings::notificationsEnabledChanged);
    s.setNotificationsEnabled(true); // already the default
    QCOMPARE(spy.count(), 0);
    s.setNotificationsEnabled(false);
    QCOMPARE(spy.count(), 1);
}

void TestSettings::busesMergeStoredWithPresets()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.conf"));
    const QList<BusConfig> presets { preset(QStringLiteral("fedora"), false),
        preset(QStringLiteral("debian"), false) };
    {
        Settings s(path);
        QList<BusConfig> buses = s.buses(presets);
        QCOMPARE(buses.size(), 2);
        buses[0].enabled = true;
        buses[0].topics = { QStringLiteral("org.fedoraproject.prod.bodhi") };
        BusConfig mine;
        mine.name = QStringLiteral("mine");
        mine.enabled = true;
        mine.endpoints = { BusEndpoint {
            QStringLiteral("tcp://127.0.0.1:5555"), QStringLiteral("key") } };
        mine.silenceReconnectMs = 600000;
        buses.append(mine);
        QSignalSpy spy(&s, &Settings::busesChanged);
        s.setBuses(buses);
        QCOMPARE(spy.count(), 1);
        s.sync();
    }
    Settings s(path);
    const QList<BusConfig> buses = s.buses(presets);
    QCOMPARE(buses.size(), 3);
    QCOMPARE(buses[0].name, QStringLiteral("fedora"));
    QVERIFY(buses[0].enabled);
    QCOMPARE(buses[0].topics, QStringList { QStringLiteral("org.fedoraproject.prod.bodhi") });
    QCOMPARE(buses[0].trust.caLocation, QStringLiteral("https://example.org/ca.crt"));
    QVERIFY(!buses[1].enabled);
    QCOMPARE(buses[2].name, QStringLiteral("mine"));
    QCOMPARE(buses[2].endpoints.size(), 1);
    QCOMPARE(buses[2].endpoints[0].curveServerKey, QStringLiteral("key"));
    QCOMPARE(buses[2].silenceReconnectMs, 600000);
    QCOMPARE(buses[0].silenceReconnectMs, -1); // automatic unless set
}

void TestSettings::brokenFileIsKeptAsideAndDefaultsUsed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.conf"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    const QByteArray garbage("[Notifications]\nenabled=false\n\0\xff\xfe garbage", 40);
    f.write(garbage);
    f.close();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is broken")));
    Settings s(path);
    QVERIFY(!s.recoveredFrom().isEmpty());
    QVERIFY(QFile::exists(s.recoveredFrom()));
    QFile kept(s.recoveredFrom());
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), garbage); // nothing of the user's file is lost
    QVERIFY(s.notificationsEnabled()); // defaults
    s.setNotificationsEnabled(false);
    s.sync();
    QVERIFY(!Settings(path).notificationsEnabled());
}

void TestSettings::amqpQueueNameSurvivesRestart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.conf"));
    BusConfig amqp = preset(QStringLiteral("fedora-messaging"), true);
    amqp.transport = BusConfig::Transport::Amqp;
    {
        Settings s(path);
        s.setAmqpQueueName(amqp.name, QStringLiteral("4b7c5ad8-2c0e-4c57-9a4c-9f1ad4c1a0ee"));
        s.sync();
    }
    Settings s(path);
    const QList<BusConfig> buses = s.buses({ amqp });
    QCOMPARE(buses.size(), 1);
    QCOMPARE(buses[0].amqp.queueName, QStringLiteral("4b7c5ad8-2c0e-4c57-9a4c-9f1ad4c1a0ee"));
}

QTEST_GUILESS_MAIN(TestSettings)
#include "TestSettings.moc"
