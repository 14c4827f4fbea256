// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "settings/Settings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
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
    void fileCutAtAnyLineEndIsKeptAsideAndDefaultsUsed();
    void busCountNotCoveringEntriesIsBroken();
    void versionOneFileWithoutEndMarkerIsAccepted();
    void readOnlyNeverMovesCreatesOrWrites();
    void everyBusKeyOfAFileIsReadAndWrittenBack();
    void versionTwoMigratesDisabledServicesAndKeepsNotifying();
    void newProfileHasNoRules();
    void rulesRoundTripAsOneJsonText();
    void unreadableRulesAreKeptAside();
    void accountAndStarterOffer();
    void preferencesPopupAndHistoryOptions();
    void titleBypassAndRelaySwitchesSignalAndPersist();
    void untrustedPolicyDefaultsToHistoryAndPersists();
    void everyKeyIsInTheReadmeTable();
    void everyKeyWrittenIsListed();
    void valuesThatAreNotNumbersOrSwitchesReadAsDefaults();

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

// The keys the preferences' Notifications page writes: defaults, clamping, refusal, signals.
void TestSettings::preferencesPopupAndHistoryOptions()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.conf"));
    {
        Settings s(path);
        QCOMPARE(s.popupTimeoutMs(), -1);
        QCOMPARE(s.defaultUrgency(), QStringLiteral("normal"));
        QCOMPARE(s.popupsPerMinute(), 5);
        QCOMPARE(s.digestWindowSeconds(), 60);
        QVERIFY(s.showImages());
        QCOMPARE(s.historyMaxSizeMiB(), 256);
        QSignalSpy options(&s, &Settings::notificationOptionsChanged);
        QSignalSpy limits(&s, &Settings::historyLimitsChanged);
        s.setPopupTimeoutMs(8000);
        s.setDefaultUrgency(QStringLiteral("critical"));
        s.setDefaultUrgency(QStringLiteral("loud")); // refused, kept
        s.setPopupsPerMinute(500); // clamped
        s.setDigestWindowSeconds(1); // clamped
        s.setShowImages(false);
        s.setQuietHours(QTime(22, 0), QTime(7, 0));
        QCOMPARE(options.size(), 6);
        s.setHistoryMaxSizeMiB(64);
        s.setHistoryMaxAgeDays(9);
        s.setHistoryMaxCount(1000);
        QCOMPARE(limits.size(), 3);
    }
    Settings s(path);
    QCOMPARE(s.popupTimeoutMs(), 8000);
    QCOMPARE(s.defaultUrgency(), QStringLiteral("critical"));
    QCOMPARE(s.popupsPerMinute(), 60);
    QCOMPARE(s.digestWindowSeconds(), 10);
    QVERIFY(!s.showImages());
    QCOMPARE(s.historyMaxSizeMiB(), 64);
    QCOMPARE(s.historyMaxAgeDays(), 9);
    QCOMPARE(s.historyMaxCount(), 1000);
    QCOMPARE(s.quietHoursStart(), QTime(22, 0));
}

// The three switches the Notifications page sets (issue 19): each saved, each change announced
// once on notificationOptionsChanged (the running applet follows it), a repeat not announced.
void TestSettings::titleBypassAndRelaySwitchesSignalAndPersist()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.conf"));
    {
        Settings s(path);
        QVERIFY(!s.classicNotificationTitle());
        QVERIFY(s.criticalBreaksThrough());
        QVERIFY(!s.dbusRelay());
        QSignalSpy options(&s, &Settings::notificationOptionsChanged);
        s.setClassicNotificationTitle(true);
        s.setCriticalBreaksThrough(false);
        s.setDbusRelay(true);
        QCOMPARE(options.size(), 3);
        s.setClassicNotificationTitle(true);
        s.setCriticalBreaksThrough(false);
        s.setDbusRelay(true);
        QCOMPARE(options.size(), 3); // unchanged: nothing to follow
    }
    QSettings raw(path, QSettings::IniFormat);
    QCOMPARE(
        raw.value(QStringLiteral("Notifications/classicTitle")).toString(), QStringLiteral("true"));
    QCOMPARE(raw.value(QStringLiteral("Notifications/criticalBreaksThrough")).toString(),
        QStringLiteral("false"));
    QCOMPARE(
        raw.value(QStringLiteral("Notifications/dbusRelay")).toString(), QStringLiteral("true"));
    Settings s(path);
    QVERIFY(s.classicNotificationTitle());
    QVERIFY(!s.criticalBreaksThrough());
    QVERIFY(s.dbusRelay());
}

void TestSettings::untrustedPolicyDefaultsToHistoryAndPersists()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.conf"));
    {
        Settings s(path);
        QCOMPARE(s.untrustedPolicy(), QStringLiteral("history"));
        QSignalSpy changed(&s, &Settings::untrustedPolicyChanged);
        s.setUntrustedPolicy(QStringLiteral("hide"));
        s.setUntrustedPolicy(QStringLiteral("hide"));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toString(), QStringLiteral("hide"));
    }
    {
        Settings s(path);
        QCOMPARE(s.untrustedPolicy(), QStringLiteral("hide"));
        s.setUntrustedPolicy(QStringLiteral("show"));
    }
    QSettings raw(path, QSettings::IniFormat);
    QCOMPARE(raw.value(QStringLiteral("Trust/untrusted")).toString(), QStringLiteral("show"));
    raw.setValue(QStringLiteral("Trust/untrusted"), QStringLiteral("nonsense"));
    raw.sync();
    Settings s(path);
    QCOMPARE(s.untrustedPolicy(), QStringLiteral("history")); // an unknown value is the default
}

void TestSettings::defaultsOnEmptyFile()
{
    QTemporaryDir dir;
    Settings s(dir.filePath(QStringLiteral("a/b.conf")));
    QVERIFY(s.notificationsEnabled());
    QVERIFY(s.messageTypesOff().isEmpty());
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
        s.setMessageTypesOff(
            { QStringLiteral("koji"), QStringLiteral("bodhi"), QStringLiteral("koji") });
        s.setHistoryMaxAgeDays(7);
        s.sync();
    }
    Settings s(path);
    QVERIFY(!s.notificationsEnabled());
    QCOMPARE(
        s.messageTypesOff(), (QStringList { QStringLiteral("bodhi"), QStringLiteral("koji") }));
    QCOMPARE(s.historyMaxAgeDays(), 7);
}

void TestSettings::clampsOutOfRangeValues()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.conf"));
    {
        QSettings raw(path, QSettings::IniFormat);
        raw.setValue(QStringLiteral("General/schemaVersion"), 1); // as an older version wrote
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

// Issue 13 #8: a file cut at a line end lost the bus list without a word. Every prefix of a
// real file that ends at a line end is now found broken, kept aside and replaced by defaults.
void TestSettings::fileCutAtAnyLineEndIsKeptAsideAndDefaultsUsed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.conf"));
    const QList<BusConfig> presets { preset(QStringLiteral("fedora"), false) };
    {
        Settings s(path);
        QList<BusConfig> buses = s.buses(presets);
        for (int i = 0; i < 3; ++i) {
            BusConfig mine = preset(QStringLiteral("mine-%1").arg(i), true);
            mine.topics = { QStringLiteral("org.example.%1").arg(i) };
            buses.append(mine);
        }
        s.setBuses(buses);
        s.sync();
    }
    {
        // A later session adds a group the first one did not have; the end stays the end.
        Settings s(path);
        s.setAmqpQueueName(QStringLiteral("fedora"), QStringLiteral("q-1"));
        s.setMessageTypesOff({ QStringLiteral("koji") });
        s.sync();
    }
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray whole = f.readAll();
    f.close();
    QCOMPARE(Settings(path).buses(presets).size(), 4); // the whole file is fine
    QVERIFY(Settings(path).recoveredFrom().isEmpty());

    QList<qsizetype> lineEnds { 0 }; // every cut at a line end, the empty file included
    for (qsizetype i = 0; i + 1 < whole.size(); ++i)
        if (whole.at(i) == '\n')
            lineEnds.append(i + 1);
    int cuts = 0;
    for (const qsizetype length : std::as_const(lineEnds)) {
        const QByteArray cut = whole.left(length);
        QTemporaryDir caseDir;
        const QString cutPath = caseDir.filePath(QStringLiteral("s.conf"));
        QFile out(cutPath);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(cut);
        out.close();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is broken")));
        Settings s(cutPath);
        QVERIFY2(!s.recoveredFrom().isEmpty(),
            qPrintable(QStringLiteral("not detected when cut after %1 bytes:\n%2")
                           .arg(cut.size())
                           .arg(QString::fromUtf8(cut))));
        QFile kept(s.recoveredFrom());
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), cut); // the user's file is kept as it was
        QCOMPARE(s.buses(presets).size(), 1); // defaults: the presets only
        QVERIFY(s.messageTypesOff().isEmpty());
        ++cuts;
    }
    QVERIFY(cuts > 20);
}

void TestSettings::busCountNotCoveringEntriesIsBroken()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.conf"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    // A version 1 file (no end marker) whose bus list lost its "size" line. ("[%General]" is how
    // QSettings writes the group named General.)
    f.write("[%General]\nschemaVersion=1\n\n[Buses]\n1\\name=mine\n1\\enabled=true\n"
            "2\\name=other\n");
    f.close();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("bus list is cut short")));
    Settings s(path);
    QVERIFY(!s.recoveredFrom().isEmpty());
    QVERIFY(s.brokenReason().contains(QStringLiteral("2 entries")));
}

void TestSettings::versionOneFileWithoutEndMarkerIsAccepted()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.conf"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[%General]\nschemaVersion=1\n\n[Buses]\n1\\name=mine\n1\\enabled=true\n"
            "1\\endpoints=tcp://127.0.0.1:9\nsize=1\n");
    f.close();
    {
        Settings s(path);
        QVERIFY(s.recoveredFrom().isEmpty());
        const QList<BusConfig> buses = s.buses({});
        QCOMPARE(buses.size(), 1);
        QCOMPARE(buses[0].name, QStringLiteral("mine"));
        s.sync();
    }
    // Migrated: it now carries the end marker, on its last line.
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    QVERIFY2(lines.size() >= 2 && lines.at(lines.size() - 2).startsWith("[zzEnd]"),
        lines.join('\n').constData());
}

// Issue 13 #8: fedmsg-tail --bus renamed the applet's broken settings file. A reader opens it
// read-only: nothing is moved, created or written.
void TestSettings::readOnlyNeverMovesCreatesOrWrites()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.conf"));
    const QByteArray broken("[Buses]\n1\\name=mine\n1\\enabled=true\n");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(broken);
    f.close();
    {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is broken")));
        Settings s(path, Settings::Mode::ReadOnly);
        QVERIFY(!s.brokenReason().isEmpty());
        QVERIFY(s.recoveredFrom().isEmpty());
        QCOMPARE(s.buses({ preset(QStringLiteral("fedora"), false) }).size(), 1); // defaults
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("read-only")));
        s.setNotificationsEnabled(false);
        s.sync();
    }
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList { QStringLiteral("s.conf") });
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), broken);
    f.close();

    // A good file is read, and left byte for byte as it was.
    QVERIFY(QFile::remove(path));
    {
        Settings writer(path);
        writer.setHistoryMaxAgeDays(9);
        writer.sync();
    }
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray good = f.readAll();
    f.close();
    {
        Settings s(path, Settings::Mode::ReadOnly);
        QVERIFY(s.brokenReason().isEmpty());
        QCOMPARE(s.historyMaxAgeDays(), 9);
    }
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), good);
    f.close();

    // A missing file and folder are not created.
    const QString absent = dir.filePath(QStringLiteral("absent/s.conf"));
    {
        Settings s(absent, Settings::Mode::ReadOnly);
        QVERIFY(s.notificationsEnabled());
    }
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("absent"))));
}

void TestSettings::everyBusKeyOfAFileIsReadAndWrittenBack()
{
    // The key names are the file format users have on disk: every per-bus key, as written today.
    const QByteArray text = "[%General]\nschemaVersion=2\n\n"
                            "[AmqpQueues]\nmine=q-1234\n\n"
                            "[Buses]\n"
                            "1\\name=mine\n"
                            "1\\label=My bus\n"
                            "1\\enabled=true\n"
                            "1\\transport=amqp\n"
                            "1\\endpoints=amqps://a.example/%2Fv, amqps://b.example/%2Fv\n"
                            "1\\curveServerKeys=k1, k2\n"
                            "1\\topics=org.a, org.b\n"
                            "1\\validateSignatures=false\n"
                            "1\\caLocation=/ca.pem\n"
                            "1\\crlLocation=/crl.pem\n"
                            "1\\routingNitpicky=true\n"
                            "1\\amqpCaCert=/amqp-ca.pem\n"
                            "1\\amqpCert=/amqp.crt\n"
                            "1\\amqpKey=/amqp.key\n"
                            "1\\amqpVhost=/v\n"
                            "1\\silenceReconnectMs=1234\n"
                            "1\\archiveUrl=http://127.0.0.1:8080/datagrepper\n"
                            "size=1\n\n"
                            "[zzEnd]\ncomplete=true\n";
    const QStringList busKeys { QStringLiteral("amqpCaCert"),
        QStringLiteral("amqpCert"),
        QStringLiteral("amqpKey"),
        QStringLiteral("amqpVhost"),
        QStringLiteral("archiveUrl"),
        QStringLiteral("caLocation"),
        QStringLiteral("crlLocation"),
        QStringLiteral("curveServerKeys"),
        QStringLiteral("enabled"),
        QStringLiteral("endpoints"),
        QStringLiteral("label"),
        QStringLiteral("name"),
        QStringLiteral("routingNitpicky"),
        QStringLiteral("silenceReconnectMs"),
        QStringLiteral("topics"),
        QStringLiteral("transport"),
        QStringLiteral("validateSignatures") };
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.conf"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
    f.close();
    QList<BusConfig> buses;
    {
        Settings s(path);
        QVERIFY(s.brokenReason().isEmpty());
        buses = s.buses({});
    }
    QCOMPARE(buses.size(), 1);
    const BusConfig &b = buses[0];
    QCOMPARE(b.name, QStringLiteral("mine"));
    QCOMPARE(b.label, QStringLiteral("My bus"));
    QVERIFY(b.enabled);
    QCOMPARE(b.transport, BusConfig::Transport::Amqp);
    QCOMPARE(b.endpoints,
        (QList<BusEndpoint> { { QStringLiteral("amqps://a.example/%2Fv"), QStringLiteral("k1") },
            { QStringLiteral("amqps://b.example/%2Fv"), QStringLiteral("k2") } }));
    QCOMPARE(b.topics, (QStringList { QStringLiteral("org.a"), QStringLiteral("org.b") }));
    QVERIFY(!b.trust.validateSignatures);
    QCOMPARE(b.trust.caLocation, QStringLiteral("/ca.pem"));
    QCOMPARE(b.trust.crlLocation, QStringLiteral("/crl.pem"));
    QVERIFY(b.trust.routingNitpicky);
    QCOMPARE(b.amqp.caCertFile, QStringLiteral("/amqp-ca.pem"));
    QCOMPARE(b.amqp.certFile, QStringLiteral("/amqp.crt"));
    QCOMPARE(b.amqp.keyFile, QStringLiteral("/amqp.key"));
    QCOMPARE(b.amqp.vhost, QStringLiteral("/v"));
    QCOMPARE(b.amqp.queueName, QStringLiteral("q-1234"));
    QCOMPARE(b.silenceReconnectMs, 1234);
    QCOMPARE(b.archiveUrl, QStringLiteral("http://127.0.0.1:8080/datagrepper"));

    // Written back under the same names, and only those.
    QVERIFY(QFile::remove(path));
    {
        Settings s(path);
        s.setBuses(buses);
        s.sync();
    }
    QSettings raw(path, QSettings::IniFormat);
    raw.beginGroup(QStringLiteral("Buses"));
    raw.beginGroup(QStringLiteral("1"));
    QStringList written = raw.childKeys();
    written.sort();
    QCOMPARE(written, busKeys);
    QCOMPARE(raw.childGroups(), QStringList {}); // the queue name is not in the bus list
    raw.endGroup();
    raw.endGroup();
    QCOMPARE(raw.value(QStringLiteral("AmqpQueues/mine")).toString(), QStringLiteral("q-1234"));
    QCOMPARE(raw.value(QStringLiteral("Buses/1/transport")).toString(), QStringLiteral("amqp"));
}

void TestSettings::versionTwoMigratesDisabledServicesAndKeepsNotifying()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.conf"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[%General]\nschemaVersion=2\n\n[Notifications]\ndisabledServices=koji, bodhi\n\n"
            "[zzEnd]\ncomplete=true\n");
    f.close();
    {
        Settings s(path);
        QCOMPARE(
            s.messageTypesOff(), (QStringList { QStringLiteral("bodhi"), QStringLiteral("koji") }));
        // A profile from before rules keeps what it did: everything pops up.
        QVERIFY(s.rulesJson().contains("\"default\":{\"action\":\"notify\"}"));
        s.sync();
    }
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY(!text.contains("disabledServices"));
    QVERIFY(text.contains("schemaVersion=3"));
}

void TestSettings::newProfileHasNoRules()
{
    QTemporaryDir dir;
    Settings s(dir.filePath(QStringLiteral("s.conf")));
    QVERIFY(s.rulesJson().isEmpty()); // the applet's safe first run decides
    QVERIFY(s.fedoraAccount().isEmpty());
    QVERIFY(!s.starterRulesOffered());
}

void TestSettings::rulesRoundTripAsOneJsonText()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.conf"));
    const QByteArray json = "{\"format\": \"fedmsg-notify-rules\", \"version\": 1,\n \"rules\": "
                            "[{\"name\": \"a, b; \\\"c\\\" = d \\u00e9\u00e9 [x]\", \"then\": "
                            "{\"action\": \"drop\"}}]}\n";
    {
        Settings s(path);
        QSignalSpy changed(&s, &Settings::rulesChanged);
        s.setRulesJson(json);
        s.setRulesJson(json);
        QCOMPARE(changed.size(), 1);
        s.sync();
    }
    Settings s(path);
    QCOMPARE(s.rulesJson(), json);
    QVERIFY(s.recoveredFrom().isEmpty());
}

void TestSettings::unreadableRulesAreKeptAside()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.conf"));
    {
        Settings s(path);
        s.setRulesJson("{not json");
        const QString kept = s.keepRulesAside();
        QVERIFY(kept.startsWith(QStringLiteral("Rules/broken-")));
        QVERIFY(s.rulesJson().isEmpty());
        s.sync();
        QSettings raw(path, QSettings::IniFormat);
        QCOMPARE(raw.value(kept).toString(), QStringLiteral("{not json"));
    }
    Settings ro(path, Settings::Mode::ReadOnly);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("read-only")));
    QVERIFY(ro.keepRulesAside().isEmpty());
}

namespace {
// The first cell of each row of the README's settings table ("### The settings file"), every
// `…` in it: the keys the README documents for people who script the file.
QStringList readmeKeys(QString *error)
{
    QFile f(QStringLiteral(FEDMSG_SOURCE_DIR "/README.md"));
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return {};
    }
    const QString text = QString::fromUtf8(f.readAll());
    const qsizetype start = text.indexOf(QStringLiteral("\n### The settings file\n"));
    if (start < 0) {
        *error = QStringLiteral("README.md has no section \"### The settings file\"");
        return {};
    }
    const qsizetype end = text.indexOf(QRegularExpression(QStringLiteral("\n##? ")), start + 1);
    const QStringList lines = text.mid(start, end < 0 ? -1 : end - start).split(QLatin1Char('\n'));
    QStringList keys;
    static const QRegularExpression code(QStringLiteral("`([^`]+)`"));
    for (const QString &line : lines) {
        if (!line.startsWith(QLatin1String("| `")))
            continue;
        const QString cell = line.section(QLatin1Char('|'), 1, 1);
        auto it = code.globalMatch(cell);
        while (it.hasNext())
            keys.append(it.next().captured(1));
    }
    if (keys.isEmpty())
        *error = QStringLiteral("the settings file section of README.md has no table of keys");
    return keys;
}
} // namespace

// Every key the code reads (Settings::keys(), the list its key constants are made from) is in
// the README's table, and the table names no key the code does not have.
void TestSettings::everyKeyIsInTheReadmeTable()
{
    QString error;
    const QStringList documented = readmeKeys(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QStringList keys = Settings::keys();
    QVERIFY(keys.size() >= 40);
    QStringList missing;
    for (const QString &k : keys)
        if (!documented.contains(k))
            missing.append(k);
    QVERIFY2(missing.isEmpty(),
        qPrintable(QStringLiteral("not in README.md's settings table: ") + missing.join(u' ')));
    QStringList unknown;
    for (const QString &k : documented)
        if (!keys.contains(k))
            unknown.append(k);
    QVERIFY2(unknown.isEmpty(),
        qPrintable(QStringLiteral("README.md documents keys Settings does not have: ")
            + unknown.join(u' ')));
}

// Whatever the setters write is on the list (so on the README's table too): every setter, a bus
// with every field, a queue name, rules kept aside.
void TestSettings::everyKeyWrittenIsListed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.conf"));
    {
        Settings s(path);
        s.setNotificationsEnabled(false);
        s.setClassicNotificationTitle(true);
        s.setCriticalBreaksThrough(false);
        s.setDbusRelay(true);
        s.setLanguage(QStringLiteral("de"));
        s.setQuietHours(QTime(22, 0), QTime(7, 0));
        s.setMessageTypesOff({ QStringLiteral("wiki") });
        s.setRulesJson("{}");
        QVERIFY(!s.keepRulesAside().isEmpty());
        s.setRulesJson("{\"rules\":[]}");
        s.setFedoraAccount(QStringLiteral("me"));
        s.setUntrustedPolicy(QStringLiteral("show"));
        s.setStarterRulesOffered(true);
        s.setWelcomeShown(true);
        s.setPopupTimeoutMs(5000);
        s.setDefaultUrgency(QStringLiteral("low"));
        s.setPopupsPerMinute(7);
        s.setDigestWindowSeconds(30);
        s.setShowImages(false);
        s.setHistoryMaxAgeDays(3);
        s.setHistoryMaxCount(1000);
        s.setHistoryMaxSizeMiB(10);
        BusConfig bus = preset(QStringLiteral("mine"), true);
        bus.topics = { QStringLiteral("org.a") };
        bus.amqp.queueName = QStringLiteral("q-1");
        bus.archiveUrl = QStringLiteral("https://example.org/datagrepper");
        s.setBuses({ bus });
        s.sync();
    }
    QSettings raw(path, QSettings::IniFormat);
    const QStringList written = raw.allKeys();
    QVERIFY(written.size() >= 35);
    const QStringList keys = Settings::keys();
    static const QRegularExpression entry(QStringLiteral("^Buses/\\d+/"));
    QStringList unlisted;
    for (QString k : written) {
        k.replace(entry, QStringLiteral("Buses/<n>/"));
        if (k.startsWith(QLatin1String("AmqpQueues/")))
            k = QStringLiteral("AmqpQueues/<bus>");
        if (k.startsWith(QLatin1String("Rules/broken-")))
            k = QStringLiteral("Rules/broken-<time>");
        if (!keys.contains(k))
            unlisted.append(k);
    }
    QVERIFY2(unlisted.isEmpty(),
        qPrintable(QStringLiteral("written but not in Settings::keys(): ") + unlisted.join(u' ')));
}

// A hand edit that is not a number or not true/false reads as the key's default (QVariant took
// "abc" for 0, which the clamp made the lowest value, and any text but "false" for true).
void TestSettings::valuesThatAreNotNumbersOrSwitchesReadAsDefaults()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.conf"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[General]\nschemaVersion=3\n\n"
            "[History]\nmaxAgeDays=a month\nmaxCount=lots\nmaxSizeMiB=12x\n\n"
            "[Notifications]\nenabled=maybe\nshowImages=nope\nclassicTitle=yes please\n"
            "timeoutMs=soon\npopupsPerMinute=many\ndigestWindowSeconds=\n\n"
            "[Buses]\n1\\name=mine\n1\\validateSignatures=nah\n1\\enabled=sure\n"
            "1\\silenceReconnectMs=later\nsize=1\n\n"
            "[zzEnd]\ncomplete=true\n");
    f.close();
    Settings s(path);
    QVERIFY(s.brokenReason().isEmpty());
    QCOMPARE(s.historyMaxAgeDays(), 30);
    QCOMPARE(s.historyMaxCount(), 50000);
    QCOMPARE(s.historyMaxSizeMiB(), 256);
    QCOMPARE(s.popupTimeoutMs(), -1);
    QCOMPARE(s.popupsPerMinute(), 5);
    QCOMPARE(s.digestWindowSeconds(), 60);
    QVERIFY(s.notificationsEnabled());
    QVERIFY(s.showImages());
    QVERIFY(!s.classicNotificationTitle());
    const QList<BusConfig> buses = s.buses({ preset(QStringLiteral("mine"), false) });
    QCOMPARE(buses.size(), 1);
    QVERIFY(buses[0].trust.validateSignatures); // the preset's: a typo never switches it off
    QVERIFY(!buses[0].enabled); // the preset's
    QCOMPARE(buses[0].silenceReconnectMs, -1);
    // What QSettings writes and 1/0 still read as switches.
    QSettings edit(path, QSettings::IniFormat);
    edit.setValue(QStringLiteral("Notifications/showImages"), QStringLiteral("0"));
    edit.setValue(QStringLiteral("Notifications/classicTitle"), QStringLiteral("1"));
    edit.setValue(QStringLiteral("History/maxAgeDays"), QStringLiteral(" 12 "));
    edit.sync();
    Settings again(path, Settings::Mode::ReadOnly);
    QVERIFY(!again.showImages());
    QVERIFY(again.classicNotificationTitle());
    QCOMPARE(again.historyMaxAgeDays(), 12);
}

void TestSettings::accountAndStarterOffer()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.conf"));
    {
        Settings s(path);
        QSignalSpy changed(&s, &Settings::fedoraAccountChanged);
        s.setFedoraAccount(QStringLiteral(" kalev "));
        QCOMPARE(changed.size(), 1);
        s.setStarterRulesOffered(true);
        s.sync();
    }
    Settings s(path);
    QCOMPARE(s.fedoraAccount(), QStringLiteral("kalev"));
    QVERIFY(s.starterRulesOffered());
}

QTEST_GUILESS_MAIN(TestSettings)
#include "TestSettings.moc"
