// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "packages/PackageSetCache.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using fedmsg::packages::PackageSetCache;

class TestPackageSetCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void anotherSourceIsAbsent();
    void damagedFilesAreAbsent_data();
    void damagedFilesAreAbsent();
    void keysCannotLeaveTheFolder();
    void unwritableFolderSaysWhy();
};

void TestPackageSetCache::roundTrip()
{
    QTemporaryDir dir;
    const PackageSetCache cache(dir.path() + QStringLiteral("/sub"));
    const QDateTime fetched = QDateTime(QDate(2026, 12, 1), QTime(8, 30), Qt::UTC);
    const auto names = std::make_shared<const QSet<QString>>(
        QSet<QString> { QStringLiteral("python-foo"), QStringLiteral("4ti2") });
    QString error;
    QVERIFY2(cache.save(QStringLiteral("distgit"),
                 QStringLiteral("@python-sig"),
                 QStringLiteral("https://src.fedoraproject.org"),
                 { names, fetched },
                 &error),
        qPrintable(error));
    const auto loaded = cache.load(QStringLiteral("distgit"),
        QStringLiteral("@python-sig"),
        QStringLiteral("https://src.fedoraproject.org"));
    QVERIFY(loaded);
    QCOMPARE(*loaded->names, *names);
    QCOMPARE(loaded->fetched, fetched);
    QVERIFY(!cache.load(QStringLiteral("distgit"),
        QStringLiteral("python-sig"),
        QStringLiteral("https://src.fedoraproject.org")));
}

void TestPackageSetCache::anotherSourceIsAbsent()
{
    QTemporaryDir dir;
    const PackageSetCache cache(dir.path());
    QVERIFY(cache.save(QStringLiteral("distgit"),
        QStringLiteral("alice"),
        QStringLiteral("https://src.fedoraproject.org"),
        { std::make_shared<const QSet<QString>>(), QDateTime::currentDateTimeUtc() }));
    QVERIFY(!cache.load(QStringLiteral("distgit"),
        QStringLiteral("alice"),
        QStringLiteral("https://src.stg.fedoraproject.org")));
}

void TestPackageSetCache::damagedFilesAreAbsent_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("cut short") << QByteArray(R"({"format": 1, "source": "s", "key": "alice", "fe)");
    QTest::newRow("other format") << QByteArray(
        R"({"format": 2, "source": "s", "key": "alice", "fetched": "2026-12-01T08:30:00Z", "names": []})");
    QTest::newRow("bad time") << QByteArray(
        R"({"format": 1, "source": "s", "key": "alice", "fetched": "yesterday", "names": []})");
    QTest::newRow("name not a string") << QByteArray(
        R"({"format": 1, "source": "s", "key": "alice", "fetched": "2026-12-01T08:30:00Z", "names": ["a", 3]})");
    QTest::newRow("names not a list") << QByteArray(
        R"({"format": 1, "source": "s", "key": "alice", "fetched": "2026-12-01T08:30:00Z", "names": "a"})");
}

void TestPackageSetCache::damagedFilesAreAbsent()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const PackageSetCache cache(dir.path());
    QFile file(cache.pathFor(QStringLiteral("distgit"), QStringLiteral("alice")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    QVERIFY(!cache.load(QStringLiteral("distgit"), QStringLiteral("alice"), QStringLiteral("s")));
}

void TestPackageSetCache::keysCannotLeaveTheFolder()
{
    QTemporaryDir dir;
    const PackageSetCache cache(dir.path());
    const QString path = cache.pathFor(QStringLiteral("distgit"), QStringLiteral("../../etc/x"));
    QCOMPARE(QFileInfo(path).absolutePath(), QDir(dir.path()).absolutePath());
}

void TestPackageSetCache::unwritableFolderSaysWhy()
{
    QTemporaryDir dir;
    QFile blocker(dir.path() + QStringLiteral("/file"));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const PackageSetCache cache(blocker.fileName() + QStringLiteral("/cache"));
    QString error;
    QVERIFY(!cache.save(QStringLiteral("installed"),
        QStringLiteral("rpm"),
        QStringLiteral("/var/lib/rpm"),
        { std::make_shared<const QSet<QString>>(), QDateTime::currentDateTimeUtc() },
        &error));
    QVERIFY2(error.contains(QStringLiteral("cannot")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestPackageSetCache)
#include "TestPackageSetCache.moc"
