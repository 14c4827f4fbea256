// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "Application.h"
#include "TrayIcon.h"
#include "engine/Engine.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace fedmsg;

// The applet's fedmsg.d folders and what it shows about broken configuration, under the
// harness (tray, dunst). HOME is moved to a temporary folder, the system folder is an option.
class TestApplicationConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void readsSystemThenUserThenConfigFolders();
    void brokenTrustFolderDoesNotConnectAndSaysWhy();

private:
    Application::Options options() const;
    bool write(const QString &relativePath, const QByteArray &text) const;
    /// Enabled buses with endpoints that carry no configError: what should have a source.
    static int startable(const QList<BusConfig> &buses);
    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_home;
};

void TestApplicationConfig::init()
{
    if (qEnvironmentVariableIsEmpty("FEDMSG_HEADLESS_INNER"))
        QSKIP("needs the X display, tray and notification server of tests/run-headless.sh");
    m_dir = std::make_unique<QTemporaryDir>();
    qputenv("XDG_RUNTIME_DIR", m_dir->path().toLocal8Bit()); // own single-instance socket
    m_home = qgetenv("HOME");
    qputenv("HOME", m_dir->path().toLocal8Bit());
}

void TestApplicationConfig::cleanup()
{
    if (!m_home.isEmpty())
        qputenv("HOME", m_home);
}

Application::Options TestApplicationConfig::options() const
{
    Application::Options o;
    o.settingsPath = m_dir->filePath(QStringLiteral("settings.conf"));
    o.historyPath = m_dir->filePath(QStringLiteral("history.sqlite"));
    o.systemConfigDir = m_dir->filePath(QStringLiteral("etc/fedmsg.d"));
    return o;
}

bool TestApplicationConfig::write(const QString &relativePath, const QByteArray &text) const
{
    const QString path = m_dir->filePath(relativePath);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

int TestApplicationConfig::startable(const QList<BusConfig> &buses)
{
    return int(std::count_if(buses.begin(), buses.end(), [](const BusConfig &b) {
        return b.enabled && !b.endpoints.isEmpty() && b.configError.isEmpty();
    }));
}

// Issue 13 #7: the applet read only --config folders, not /etc/fedmsg.d and ~/.fedmsg.d.
void TestApplicationConfig::readsSystemThenUserThenConfigFolders()
{
    QVERIFY(write(QStringLiteral("etc/fedmsg.d/base.py"),
        "config = dict(endpoints={'sys': ['tcp://127.0.0.1:1']})\n"));
    QVERIFY(write(QStringLiteral(".fedmsg.d/mine.py"),
        "config = dict(endpoints={'user': ['tcp://127.0.0.1:2']})\n"));
    QVERIFY(write(QStringLiteral("extra/more.py"),
        "config = dict(endpoints={'extra': ['tcp://127.0.0.1:3']})\n"));
    Application::Options o = options();
    o.configDirs = { m_dir->filePath(QStringLiteral("extra")) };
    Application app(o);
    QVERIFY(app.start());
    const QList<BusConfig> buses = app.engine()->buses();
    const auto bus = std::find_if(buses.begin(), buses.end(), [](const BusConfig &b) {
        return b.name == QStringLiteral("fedmsg.d");
    });
    QVERIFY(bus != buses.end());
    QStringList urls;
    for (const BusEndpoint &e : bus->endpoints)
        urls << e.url;
    urls.sort();
    QCOMPARE(urls,
        (QStringList { QStringLiteral("tcp://127.0.0.1:1"),
            QStringLiteral("tcp://127.0.0.1:2"),
            QStringLiteral("tcp://127.0.0.1:3") }));
    QVERIFY(bus->configError.isEmpty());
    QVERIFY(bus->enabled);
    QCOMPARE(app.engine()->sourceCount(), startable(buses)); // the fedmsg.d bus among them
}

// Issue 13 #2 and #8 in the applet: a folder that cannot be read whole gives no source, and the
// user is told which file and line, in a notification and in the tray status.
void TestApplicationConfig::brokenTrustFolderDoesNotConnectAndSaysWhy()
{
    QVERIFY(write(QStringLiteral(".fedmsg.d/10-endpoints.py"),
        "config = dict(endpoints={'bus': ['tcp://127.0.0.1:1']})\n"));
    QVERIFY(write(QStringLiteral(".fedmsg.d/20-ssl.py"),
        "config = dict(\n    validate_signatures=True\n    crl_location=None,\n)\n"));
    Application app(options());
    QSignalSpy notified(&app, &Application::notified);
    QVERIFY(app.start());
    const QList<BusConfig> buses = app.engine()->buses();
    const auto bus = std::find_if(buses.begin(), buses.end(), [](const BusConfig &b) {
        return b.name == QStringLiteral("fedmsg.d");
    });
    QVERIFY(bus != buses.end());
    QVERIFY(bus->enabled && !bus->endpoints.isEmpty() && !bus->configError.isEmpty());
    QCOMPARE(app.engine()->sourceCount(), startable(buses)); // every other bus, not this one
    QCOMPARE(notified.count(), 1);
    QVERIFY2(notified.at(0).at(0).toString().contains(QStringLiteral("configuration problem")),
        qPrintable(notified.at(0).at(0).toString()));
    app.tray()->flush(); // the tooltip follows within TrayIcon::UpdateDelay
    const QString tip = app.tray()->toolTip();
    QVERIFY2(tip.contains(QStringLiteral("20-ssl.py:3: error")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("does not connect")), qPrintable(tip));
}

QTEST_MAIN(TestApplicationConfig)
#include "TestApplicationConfig.moc"
