// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "settings/Settings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <grp.h>
#include <unistd.h>

using namespace fedmsg;

// Fault suite, item 8 (generic settings-file cases): a settings file that cannot be read as the
// applet wrote it is kept aside byte for byte, the applet starts on defaults, and the next write
// never replaces the user's file unseen. Real files on the real filesystem; the unreadable case
// runs as an unprivileged user in a child process when the suite runs as root (root reads any
// file).
class TestSettingsFileFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void garbageIsKeptAsideAndDefaultsUsed_data();
    void garbageIsKeptAsideAndDefaultsUsed();
    void truncatedAtLineEndIsKeptAside();
    void unreadableFileIsNeverReplaced();
    void unreadableChild();

private:
    static BusConfig bus(const QString &name)
    {
        BusConfig b;
        b.name = name;
        b.label = name.toUpper();
        b.enabled = true;
        b.endpoints = { BusEndpoint { QStringLiteral("tcp://127.0.0.1:9940"), {} } };
        return b;
    }
    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    static bool writeAll(const QString &path, const QByteArray &data)
    {
        QFile f(path);
        return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
    }
};

void TestSettingsFileFaults::garbageIsKeptAsideAndDefaultsUsed_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("nul bytes") << QByteArray("[Notifications]\nenabled=false\n\0\0\0", 33);
    QTest::newRow("invalid utf-8")
        << QByteArray("[Notifications]\nenabled=false\nx=\xff\xfe\xc0\n");
    QTest::newRow("random binary") << [] {
        QByteArray b;
        for (int i = 0; i < 4096; ++i)
            b.append(static_cast<char>((i * 7919 + 13) % 256));
        return b;
    }();
}

void TestSettingsFileFaults::garbageIsKeptAsideAndDefaultsUsed()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fedmsg-notify.conf"));
    QVERIFY(writeAll(path, content));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is broken")));
    Settings s(path);
    QVERIFY2(!s.recoveredFrom().isEmpty(), "a garbage file must be reported as kept aside");
    QCOMPARE(readAll(s.recoveredFrom()), content); // nothing of the user's file lost
    QVERIFY(s.notificationsEnabled()); // defaults
    QCOMPARE(s.historyMaxCount(), 50000);
    s.setNotificationsEnabled(false);
    s.sync();
    QCOMPARE(readAll(s.recoveredFrom()), content); // the kept copy is never written to
    QVERIFY(!Settings(path).notificationsEnabled()); // the new file works
}

// Issue 13 item 8: a file cut at a line end in the middle of the bus list must not silently
// lose the list. (Detection is helper C's fix on branch fix-config.)
void TestSettingsFileFaults::truncatedAtLineEndIsKeptAside()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fedmsg-notify.conf"));
    {
        Settings s(path);
        s.setBuses({ bus(QStringLiteral("one")),
            bus(QStringLiteral("two")),
            bus(QStringLiteral("three")) });
        s.sync();
    }
    const QByteArray whole = readAll(path);
    QVERIFY(whole.contains("three"));
    // Cut at the line end just after the second bus's name: a partial write or a full disk.
    const qsizetype cut = whole.indexOf('\n', whole.indexOf("=two")) + 1;
    QVERIFY(cut > 0 && cut < whole.size());
    const QByteArray truncated = whole.left(cut);
    QVERIFY(writeAll(path, truncated));

    Settings s(path);
    const QList<BusConfig> buses = s.buses({});
    const bool listIntact = buses.size() == 3;
    QVERIFY2(listIntact || !s.recoveredFrom().isEmpty(),
        qPrintable(QStringLiteral("the bus list shrank from 3 to %1 with no file kept aside")
                       .arg(buses.size())));
    if (!listIntact)
        QCOMPARE(readAll(s.recoveredFrom()), truncated);
}

// As root the file is readable whatever its mode, so the check runs in a child process (this test
// binary, function unreadableChild) as the unprivileged user "nobody".
void TestSettingsFileFaults::unreadableFileIsNeverReplaced()
{
    QTemporaryDir dir;
    QVERIFY(QFile::setPermissions(dir.path(),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
            | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther));
    const QString path = dir.filePath(QStringLiteral("fedmsg-notify.conf"));
    const QByteArray content("[General]\nSchemaVersion=1\n\n[Notifications]\nenabled=false\n");
    QVERIFY(writeAll(path, content));
    QVERIFY(QFile::setPermissions(path, QFileDevice::WriteOwner | QFileDevice::WriteOther));

    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FEDMSG_FAULTS_UNREADABLE_SETTINGS"), path);
    env.insert(QStringLiteral("HOME"), dir.path());
    child.setProcessEnvironment(env);
    if (::geteuid() == 0) {
        child.setChildProcessModifier([] {
            // 65534 = nobody/nogroup on Debian; give up supplementary groups first.
            if (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0)
                ::_exit(3);
        });
        // The build tree must be reachable by "nobody" (it is under a root-owned checkout).
        const QString self = QCoreApplication::applicationFilePath();
        const QString copy = dir.filePath(QStringLiteral("child"));
        QVERIFY(QFile::copy(self, copy));
        QVERIFY(QFile::setPermissions(copy,
            QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::ReadOther
                | QFileDevice::ExeOther));
        child.start(copy, { QStringLiteral("unreadableChild") });
    } else {
        child.start(QCoreApplication::applicationFilePath(), { QStringLiteral("unreadableChild") });
    }
    QVERIFY(child.waitForFinished(60000));
    const QByteArray out = child.readAllStandardOutput() + child.readAllStandardError();
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, out.constData());
    QVERIFY2(!out.contains("SKIP"), out.constData());
    // Whatever the child did, the user's bytes still exist: at the path or in a kept-aside copy.
    bool found = readAll(path) == content;
    const QStringList aside =
        QDir(dir.path()).entryList({ QStringLiteral("fedmsg-notify.conf.broken-*") }, QDir::Files);
    for (const QString &name : aside)
        found = found || readAll(dir.filePath(name)) == content;
    QVERIFY2(found, "the unreadable settings file was replaced: the user's settings are lost");
}

void TestSettingsFileFaults::unreadableChild()
{
    const QString path = qEnvironmentVariable("FEDMSG_FAULTS_UNREADABLE_SETTINGS");
    if (path.isEmpty())
        QSKIP("runs only as the child of unreadableFileIsNeverReplaced");
    QVERIFY2(!QFile(path).open(QIODevice::ReadOnly), "the settings file must be unreadable here");
    Settings s(path);
    // Defaults are used, the user is told (kept aside or a warning), and writing a setting does
    // not overwrite the file that could not be read.
    QVERIFY(s.notificationsEnabled());
    s.setNotificationsEnabled(false);
    s.sync();
}

QTEST_GUILESS_MAIN(TestSettingsFileFaults)
#include "TestSettingsFileFaults.moc"
