// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "rules/AccountDetector.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fedmsg::rules;

// The account name from ~/.fedora.upn or a Kerberos ticket, with real files and a real (fake)
// klist program: a shell script written by the test.
class TestAccountDetector : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesUpnAndKlist();
    void upnFileWins();
    void kerberosPrincipalFromKlist();
    void noTicket();
    void absentKlistIsSaid();

private:
    static QString write(const QTemporaryDir &dir,
        const QString &name,
        const QByteArray &text,
        bool executable = false)
    {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(text);
        f.close();
        if (executable)
            f.setPermissions(f.permissions() | QFile::ExeOwner);
        return f.fileName();
    }
    static QList<QVariant> run(const QString &upn, const QString &klist)
    {
        AccountDetector detector;
        QSignalSpy finished(&detector, &AccountDetector::finished);
        detector.start(upn, klist);
        if (!finished.wait(10000))
            return {};
        return finished.at(0);
    }
};

void TestAccountDetector::parsesUpnAndKlist()
{
    QCOMPARE(AccountDetector::fromUpnText(QStringLiteral("  kalev\n")), QStringLiteral("kalev"));
    QCOMPARE(AccountDetector::fromUpnText(QStringLiteral("")), QString());
    QCOMPARE(AccountDetector::fromUpnText(QStringLiteral("../etc\n")), QString());
    QCOMPARE(
        AccountDetector::fromKlistOutput(QStringLiteral(
            "Principal name                 Cache name\n--------------                 ----------\n"
            "bob@EXAMPLE.COM                KCM:1000:1\nalice@FEDORAPROJECT.ORG        "
            "KCM:1000:2\n")),
        QStringLiteral("alice"));
    QCOMPARE(AccountDetector::fromKlistOutput(
                 QStringLiteral("Default principal: spot@FEDORAPROJECT.ORG\n")),
        QStringLiteral("spot"));
    QCOMPARE(AccountDetector::fromKlistOutput(
                 QStringLiteral("x@FEDORAPROJECT.ORG.EVIL\nbob@EXAMPLE.COM")),
        QString());
}

void TestAccountDetector::upnFileWins()
{
    QTemporaryDir dir;
    const QString upn = write(dir, QStringLiteral(".fedora.upn"), "kalev\n");
    const QList<QVariant> r = run(upn, dir.filePath(QStringLiteral("no-klist")));
    QCOMPARE(r.value(0).toString(), QStringLiteral("kalev"));
    QCOMPARE(r.value(1).toString(), QStringLiteral("~/.fedora.upn"));
}

void TestAccountDetector::kerberosPrincipalFromKlist()
{
    QTemporaryDir dir;
    const QString klist = write(dir,
        QStringLiteral("klist"),
        "#!/bin/sh\n[ \"$1\" = -l ] || exit 3\necho 'Principal name                 Cache name'\n"
        "echo 'alice@FEDORAPROJECT.ORG        KCM:1000:2'\n",
        true);
    const QList<QVariant> r = run(dir.filePath(QStringLiteral("absent.upn")), klist);
    QCOMPARE(r.value(0).toString(), QStringLiteral("alice"));
    QCOMPARE(r.value(1).toString(), QStringLiteral("Kerberos (klist)"));
}

void TestAccountDetector::noTicket()
{
    QTemporaryDir dir;
    const QString klist = write(dir,
        QStringLiteral("klist"),
        "#!/bin/sh\necho 'klist: No credentials cache found' >&2\nexit 1\n",
        true);
    const QList<QVariant> r = run(dir.filePath(QStringLiteral("absent.upn")), klist);
    QCOMPARE(r.size(), 2);
    QVERIFY(r.value(0).toString().isEmpty());
    QCOMPARE(r.value(1).toString(), QStringLiteral("no @FEDORAPROJECT.ORG Kerberos ticket"));
}

void TestAccountDetector::absentKlistIsSaid()
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("klist"));
    const QList<QVariant> r = run(dir.filePath(QStringLiteral("absent.upn")), missing);
    QCOMPARE(r.size(), 2);
    QVERIFY(r.value(0).toString().isEmpty());
    QCOMPARE(r.value(1).toString(), missing + QStringLiteral(" is not installed"));
}

QTEST_GUILESS_MAIN(TestAccountDetector)
#include "TestAccountDetector.moc"
