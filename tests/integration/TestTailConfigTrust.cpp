// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// fedmsg-tail and broken configuration files, as built programs over real sockets: trust fails
// closed when fedmsg.d cannot be read whole, and a reader never moves the applet's settings.
#include "LoopbackEndpoint.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using fedmsg::test::freeLoopbackEndpoint;

namespace {

QString tailBin()
{
    return qEnvironmentVariable("FEDMSG_TAIL_BIN");
}
QString loggerBin()
{
    return qEnvironmentVariable("FEDMSG_LOGGER_BIN");
}

bool writeFile(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

/// Sends one unsigned message from a bound fedmsg-logger (it waits up to 3 s for a subscriber,
/// then sends anyway); returns its exit code.
int sendUnsigned(const QString &url)
{
    QProcess p;
    p.start(loggerBin(),
        { QStringLiteral("--no-default-config"),
            QStringLiteral("--bind"),
            url,
            QStringLiteral("--wait"),
            QStringLiteral("3000"),
            QStringLiteral("--message"),
            QStringLiteral("not signed") });
    if (!p.waitForFinished(15000)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

/// A fedmsg.d folder whose endpoints file is fine and whose ssl.py, which turns validation on,
/// misses one comma.
void writeBrokenTrustFolder(const QString &dir, const QString &url)
{
    QVERIFY(writeFile(dir + QStringLiteral("/10-endpoints.py"),
        QStringLiteral("config = dict(endpoints={'test': ['%1']})\n").arg(url).toUtf8()));
    QVERIFY(writeFile(dir + QStringLiteral("/20-ssl.py"),
        "config = dict(\n"
        "    validate_signatures=True\n"
        "    ca_cert_location='/nonexistent/ca.crt',\n"
        ")\n"));
}

} // namespace

class TestTailConfigTrust : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void brokenTrustFolderIsRefused();
    void noValidateIsTheExplicitOverride();
    void busOptionLeavesTheAppletsBrokenSettingsAlone();
    void loggerRefusesToSendWhenSigningIsInDoubt();
};

void TestTailConfigTrust::initTestCase()
{
    QVERIFY2(QFile::exists(tailBin()), "FEDMSG_TAIL_BIN must name the built fedmsg-tail");
    QVERIFY2(QFile::exists(loggerBin()), "FEDMSG_LOGGER_BIN must name the built fedmsg-logger");
}

// Issue 13 #2: with one comma missing the file was skipped, validation fell back to off and the
// unsigned message was printed. Now fedmsg-tail refuses to start and names file:line.
void TestTailConfigTrust::brokenTrustFolderIsRefused()
{
    QTemporaryDir dir;
    const QString url = freeLoopbackEndpoint();
    writeBrokenTrustFolder(dir.path(), url);
    QProcess tail;
    tail.start(tailBin(),
        { QStringLiteral("--no-default-config"),
            QStringLiteral("--config"),
            dir.path(),
            QStringLiteral("--json"),
            QStringLiteral("--count"),
            QStringLiteral("1") });
    QVERIFY(tail.waitForStarted(5000));
    QCOMPARE(sendUnsigned(url), 0);
    if (!tail.waitForFinished(10000)) {
        tail.kill();
        tail.waitForFinished();
        QFAIL("fedmsg-tail kept running on a fedmsg.d folder it could not read whole");
    }
    const QByteArray out = tail.readAllStandardOutput();
    const QString err = QString::fromUtf8(tail.readAllStandardError());
    QVERIFY2(out.isEmpty(), out.constData()); // the unsigned message was not printed
    QCOMPARE(tail.exitCode(), 2);
    QVERIFY2(err.contains(QStringLiteral("20-ssl.py:3: error")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("does not connect")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("--no-validate")), qPrintable(err));
}

void TestTailConfigTrust::noValidateIsTheExplicitOverride()
{
    QTemporaryDir dir;
    const QString url = freeLoopbackEndpoint();
    writeBrokenTrustFolder(dir.path(), url);
    QProcess tail;
    tail.start(tailBin(),
        { QStringLiteral("--no-default-config"),
            QStringLiteral("--config"),
            dir.path(),
            QStringLiteral("--no-validate"),
            QStringLiteral("--json"),
            QStringLiteral("--count"),
            QStringLiteral("1") });
    QVERIFY(tail.waitForStarted(5000));
    QCOMPARE(sendUnsigned(url), 0);
    QVERIFY(tail.waitForFinished(10000)); // --count 1: it printed the message
    QCOMPARE(tail.exitCode(), 0);
    QVERIFY(tail.readAllStandardOutput().contains("not signed"));
    const QString err = QString::fromUtf8(tail.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("warning:")), qPrintable(err));
}

// The logger's side of fail-closed trust: a folder whose sign_messages=True file misses a comma
// must not make fedmsg-logger send unsigned; --cert/--key (explicit signing) is the way out.
void TestTailConfigTrust::loggerRefusesToSendWhenSigningIsInDoubt()
{
    QTemporaryDir dir;
    const QString url = freeLoopbackEndpoint();
    QVERIFY(writeFile(dir.path() + QStringLiteral("/10-endpoints.py"),
        QStringLiteral("config = dict(relay_inbound=['%1'])\n").arg(url).toUtf8()));
    QVERIFY(writeFile(dir.path() + QStringLiteral("/20-ssl.py"),
        "config = dict(\n"
        "    sign_messages=True\n"
        "    validate_signatures=True,\n"
        ")\n"));
    QProcess logger;
    logger.start(loggerBin(),
        { QStringLiteral("--no-default-config"),
            QStringLiteral("--config"),
            dir.path(),
            QStringLiteral("--message"),
            QStringLiteral("would go out unsigned") });
    QVERIFY(logger.waitForFinished(15000));
    QCOMPARE(logger.exitCode(), 2);
    const QString err = QString::fromUtf8(logger.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("20-ssl.py:3: error")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("nothing sent")), qPrintable(err));
}

// Issue 13 #8: fedmsg-tail --bus renamed the applet's broken settings file to .broken-<time>.
void TestTailConfigTrust::busOptionLeavesTheAppletsBrokenSettingsAlone()
{
    QTemporaryDir config;
    const QString settingsDir = config.filePath(QStringLiteral("fedmsg-notify"));
    const QString path = settingsDir + QStringLiteral("/fedmsg-notify.conf");
    const QByteArray broken =
        QByteArray("[Notifications]\nenabled=false\n") + '\0' + QByteArray("\xff garbage\n");
    QVERIFY(writeFile(path, broken));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    QProcess tail;
    tail.setProcessEnvironment(env);
    tail.start(tailBin(),
        { QStringLiteral("--no-default-config"),
            QStringLiteral("--bus"),
            QStringLiteral("no-such-bus") });
    QVERIFY(tail.waitForFinished(15000));
    QCOMPARE(tail.exitCode(), 2);
    const QString err = QString::fromUtf8(tail.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("no bus named no-such-bus")), qPrintable(err));
    QCOMPARE(QDir(settingsDir).entryList(QDir::Files | QDir::Hidden),
        QStringList { QStringLiteral("fedmsg-notify.conf") });
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), broken);
}

QTEST_GUILESS_MAIN(TestTailConfigTrust)
#include "TestTailConfigTrust.moc"
