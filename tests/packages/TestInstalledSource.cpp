// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "TestData.h"
#include "packages/InstalledSource.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using fedmsg::packages::InstalledSource;

namespace {
QByteArray readData(const char *name)
{
    QFile file(fedmsg::test::testDataPath("packages/") + QLatin1String(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && file.write(content) == content.size();
}

QSet<QString> nameSet(std::initializer_list<const char *> list)
{
    QSet<QString> set;
    for (const char *name : list)
        set.insert(QString::fromUtf8(name));
    return set;
}
} // namespace

class TestInstalledSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rpmOutputGivesSourceNames();
    void dpkgOutputGivesInstalledSourceNames();
    void readersDoNotChangeTheRpmStamp();
    void writersChangeTheStamp();
};

void TestInstalledSource::rpmOutputGivesSourceNames()
{
    const QByteArray output = readData("rpm-qa-sourcerpm.txt");
    QVERIFY(!output.isEmpty());
    QCOMPARE(InstalledSource::parseRpm(output),
        nameSet({ "python-foo", "perl-Foo-Bar", "4ti2", "python3.12", "kernel", "glibc" }));
    QVERIFY(InstalledSource::parseRpm(QByteArray()).isEmpty());
}

void TestInstalledSource::dpkgOutputGivesInstalledSourceNames()
{
    const QByteArray output = readData("dpkg-query-source.txt");
    QVERIFY(!output.isEmpty());
    // "rc " (removed, configuration left) and "iU " (unpacked, not configured) are not installed.
    QCOMPARE(InstalledSource::parseDpkg(output), nameSet({ "glibc", "python3.11", "perl" }));
    // A name with a space, no status, no name: skipped; a status without its error column: read.
    QCOMPARE(
        InstalledSource::parseDpkg("ii \tsome name\n\tnoStatus\nii \t\nii\tx\n"), nameSet({ "x" }));
}

void TestInstalledSource::readersDoNotChangeTheRpmStamp()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("rpmdb.sqlite")), "database"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("rpmdb.sqlite-shm")), "shared memory"));
    const QString before = InstalledSource::databaseStamp(dir.path());
    QVERIFY(!before.isEmpty());
    // What `rpm -qa` may do to the folder: write sqlite's shared-memory index, create an empty
    // write-ahead log and remove it again.
    QVERIFY(writeFile(dir.filePath(QStringLiteral("rpmdb.sqlite-shm")), "shared memory, read"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("rpmdb.sqlite-wal")), ""));
    QCOMPARE(InstalledSource::databaseStamp(dir.path()), before);
    QVERIFY(QFile::remove(dir.filePath(QStringLiteral("rpmdb.sqlite-wal"))));
    QCOMPARE(InstalledSource::databaseStamp(dir.path()), before);
}

void TestInstalledSource::writersChangeTheStamp()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("rpmdb.sqlite")), "database"));
    const QString empty = InstalledSource::databaseStamp(dir.path());
    QVERIFY(writeFile(dir.filePath(QStringLiteral("rpmdb.sqlite-wal")), "a transaction"));
    const QString withLog = InstalledSource::databaseStamp(dir.path());
    QVERIFY(withLog != empty);
    QVERIFY(writeFile(dir.filePath(QStringLiteral("rpmdb.sqlite")), "database, checkpointed"));
    QVERIFY(InstalledSource::databaseStamp(dir.path()) != withLog);

    const QString status = dir.filePath(QStringLiteral("status"));
    QVERIFY(writeFile(status, "Package: glibc\n"));
    const QString dpkg = InstalledSource::databaseStamp(status);
    QVERIFY(writeFile(status, "Package: glibc\n\nPackage: nginx\n"));
    QVERIFY(InstalledSource::databaseStamp(status) != dpkg);
}

QTEST_GUILESS_MAIN(TestInstalledSource)
#include "TestInstalledSource.moc"
