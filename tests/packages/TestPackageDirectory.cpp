// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "PagureTestServer.h"
#include "packages/PackageDirectory.h"
#include "packages/PackageSetCache.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using fedmsg::packages::PackageDirectory;
using fedmsg::packages::PackageDirectoryOptions;
using fedmsg::packages::PackageSetCache;
using fedmsg::packages::PackageSetView;
using fedmsg::test::PagureTestServer;
using State = PackageSetView::State;
using Names = QSet<QString>;

Names nameSet(std::initializer_list<const char *> list)
{
    Names set;
    for (const char *name : list)
        set.insert(QString::fromUtf8(name));
    return set;
}

namespace {
const QString ownerPage1 = QStringLiteral("/api/0/projects?owner=alice&namespace=rpms&short=1");
const QString ownerPage2 = ownerPage1 + QStringLiteral("&page=2");
const QString ownerPage3 = ownerPage1 + QStringLiteral("&page=3");
const QString usernamePage1 =
    QStringLiteral("/api/0/projects?username=alice&namespace=rpms&short=1");
const QString bobOwner = QStringLiteral("/api/0/projects?owner=bob&namespace=rpms&short=1");
const QString bobUsername = QStringLiteral("/api/0/projects?username=bob&namespace=rpms&short=1");
const QString groupPage1 = QStringLiteral("/api/0/group/python-sig?projects=1&acl=commit");
const QString groupPage2 = groupPage1 + QStringLiteral("&page=2");
const Names alicePackages =
    nameSet({ "python-foo", "perl-Foo-Bar", "4ti2", "gtk2", "python3.12", "python-bar" });

QByteArray onePage(const QStringList &names)
{
    QByteArray projects;
    for (const QString &name : names) {
        if (!projects.isEmpty())
            projects += ", ";
        projects += R"({"name": ")" + name.toUtf8() + R"(", "namespace": "rpms"})";
    }
    return R"({"pagination": {"next": null, "page": 1, "pages": 1}, "projects": [)" + projects
        + "]}";
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    QCOMPARE(file.write(content), content.size());
}
} // namespace

class TestPackageDirectory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    // dist-git
    void trackNeverWaitsThenTheSetIsReady();
    void multiPageOwnerListingIsCached();
    void groupListing();
    void cacheWithinExpiryIsNotFetchedAgain();
    void cacheIsUsedOffline();
    void retryFailedWhenTheNetworkIsBack();
    void expiredCacheIsRefreshedInTheBackground();
    void refreshedAgainWhenItExpires();
    void errorWithoutCacheIsUnavailable();
    void errorKeepsTheCachedSet();
    void unknownGroupIsUnavailable();
    void untrackedMaintainers();

    // installed packages
    void rpmSourceNames();
    void rpmDatabaseChangeReadsAgain();
    void dpkgSourceNames();
    void dpkgStatusReplacedReadsAgain();
    void noToolIsUnavailable();
    void failingToolSaysWhy();
    void installedSetIsCachedForTheNextStart();

private:
    [[nodiscard]] PackageDirectoryOptions options() const;
    void routeAlice();
    /// PATH = a folder holding only these fake tools (from fake-tools/).
    void useFakeTools(const QStringList &tools);
    void saveCache(const QString &key, const Names &names, const QDateTime &fetched);

    QByteArray m_originalPath;
    std::unique_ptr<PagureTestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_cacheDir;
    QString m_rpmDatabase;
    QString m_dpkgStatus;
    QString m_toolOutput;
};

void TestPackageDirectory::initTestCase()
{
    m_originalPath = qgetenv("PATH");
    QVERIFY(QFileInfo(qEnvironmentVariable("FEDMSG_FAKE_TOOLS_DIR") + QStringLiteral("/rpm"))
                .isExecutable());
}

void TestPackageDirectory::init()
{
    m_server = std::make_unique<PagureTestServer>();
    QVERIFY(m_server->isListening());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_cacheDir = m_dir->filePath(QStringLiteral("cache"));
    m_rpmDatabase = m_dir->filePath(QStringLiteral("rpmdb"));
    m_dpkgStatus = m_dir->filePath(QStringLiteral("dpkg/status"));
    m_toolOutput = m_dir->filePath(QStringLiteral("tool-output"));
    qputenv("FAKE_TOOL_OUTPUT", m_toolOutput.toLocal8Bit());
    qunsetenv("FAKE_TOOL_STATUS");
    qunsetenv("FAKE_TOOL_ERROR");
}

void TestPackageDirectory::cleanup()
{
    qputenv("PATH", m_originalPath);
    m_server.reset();
    m_dir.reset();
}

PackageDirectoryOptions TestPackageDirectory::options() const
{
    PackageDirectoryOptions options;
    options.distGitUrl = m_server->url();
    options.cacheDir = m_cacheDir;
    options.rpmDatabasePaths = { m_rpmDatabase };
    options.dpkgStatusPath = m_dpkgStatus;
    options.databaseSettle = std::chrono::milliseconds(50);
    return options;
}

void TestPackageDirectory::routeAlice()
{
    m_server->routeFile(ownerPage1, "projects-owner-page1.json");
    m_server->routeFile(ownerPage2, "projects-owner-page2.json");
    m_server->routeFile(ownerPage3, "projects-owner-page3.json");
    m_server->routeFile(usernamePage1, "projects-username-page1.json");
}

void TestPackageDirectory::useFakeTools(const QStringList &tools)
{
    const QString bin = m_dir->filePath(QStringLiteral("bin"));
    QVERIFY(QDir().mkpath(bin));
    for (const QString &tool : tools) {
        QVERIFY(QFile::link(
            qEnvironmentVariable("FEDMSG_FAKE_TOOLS_DIR") + u'/' + tool, bin + u'/' + tool));
    }
    // /bin and /usr/bin stay for the scripts' sh and cat; the real rpm/dpkg-query there are never
    // found first, and the database paths of the options are the test's own.
    qputenv("PATH", bin.toLocal8Bit() + ":/usr/bin:/bin");
}

void TestPackageDirectory::saveCache(
    const QString &key, const Names &names, const QDateTime &fetched)
{
    const PackageSetCache cache(m_cacheDir);
    QVERIFY(cache.save(QStringLiteral("distgit"),
        key,
        m_server->url().toString(QUrl::StripTrailingSlash),
        { std::make_shared<const QSet<QString>>(names), fetched }));
}

void TestPackageDirectory::trackNeverWaitsThenTheSetIsReady()
{
    routeAlice();
    QFile page1(fedmsg::test::testDataPath("packages/projects-owner-page1.json"));
    QVERIFY(page1.open(QIODevice::ReadOnly));
    m_server->route(ownerPage1, { 200, page1.readAll(), true });
    PackageDirectory directory(options());
    QSignalSpy changed(&directory, &PackageDirectory::changed);
    directory.track({ QStringLiteral("alice") });
    QCOMPARE(directory.maintainedBy(QStringLiteral("alice")).state, State::Loading);
    QTRY_COMPARE(m_server->heldCount(), 1);
    // The first page is still on its way: the caller has its answer anyway.
    QCOMPARE(directory.maintainedBy(QStringLiteral("alice")).state, State::Loading);
    QVERIFY(
        !directory.maintainedBy(QStringLiteral("alice")).contains(QStringLiteral("python-foo")));
    m_server->release(ownerPage1);
    QTRY_COMPARE(directory.maintainedBy(QStringLiteral("alice")).state, State::Ready);
    QVERIFY(!changed.isEmpty());
    const PackageSetView view = directory.maintainedBy(QStringLiteral("alice"));
    QVERIFY(view.contains(QStringLiteral("python-foo")));
    QVERIFY2(view.reason.startsWith(QStringLiteral("fetched ")), qPrintable(view.reason));
    QVERIFY(view.fetched.isValid());
}

void TestPackageDirectory::multiPageOwnerListingIsCached()
{
    routeAlice();
    {
        PackageDirectory directory(options());
        directory.track({ QStringLiteral("alice") });
        QTRY_COMPARE(directory.maintainedBy(QStringLiteral("alice")).state, State::Ready);
        QCOMPARE(*directory.maintainedBy(QStringLiteral("alice")).names, alicePackages);
    }
    const auto cached = PackageSetCache(m_cacheDir)
                            .load(QStringLiteral("distgit"),
                                QStringLiteral("alice"),
                                m_server->url().toString(QUrl::StripTrailingSlash));
    QVERIFY(cached);
    QCOMPARE(*cached->names, alicePackages);
}

void TestPackageDirectory::groupListing()
{
    m_server->routeFile(groupPage1, "group-page1.json");
    m_server->routeFile(groupPage2, "group-page2.json");
    PackageDirectory directory(options());
    directory.track({ QStringLiteral("@python-sig") });
    QTRY_COMPARE(directory.maintainedBy(QStringLiteral("@python-sig")).state, State::Ready);
    QCOMPARE(*directory.maintainedBy(QStringLiteral("@python-sig")).names,
        nameSet({ "python-requests", "python-urllib3" }));
}

void TestPackageDirectory::cacheWithinExpiryIsNotFetchedAgain()
{
    routeAlice();
    m_server->route(bobOwner, { 200, onePage({ QStringLiteral("bobs-package") }) });
    m_server->route(bobUsername, { 200, onePage({}) });
    saveCache(QStringLiteral("alice"),
        { QStringLiteral("cached-package") },
        QDateTime::currentDateTimeUtc().addSecs(-3600));
    PackageDirectory directory(options());
    directory.track({ QStringLiteral("alice"), QStringLiteral("bob") });
    QTRY_COMPARE(directory.maintainedBy(QStringLiteral("bob")).state, State::Ready);
    const PackageSetView alice = directory.maintainedBy(QStringLiteral("alice"));
    QCOMPARE(alice.state, State::Ready);
    QCOMPARE(*alice.names, nameSet({ "cached-package" }));
    QVERIFY2(alice.reason.startsWith(QStringLiteral("cached, fetched ")), qPrintable(alice.reason));
    QCOMPARE(m_server->hits(ownerPage1), 0);
    QCOMPARE(m_server->hits(bobOwner), 1);
}

void TestPackageDirectory::cacheIsUsedOffline()
{
    routeAlice();
    {
        PackageDirectory directory(options());
        directory.track({ QStringLiteral("alice") });
        QTRY_COMPARE(directory.maintainedBy(QStringLiteral("alice")).state, State::Ready);
    }
    // A day later, offline: the cached set is past its expiry and the server is gone.
    saveCache(QStringLiteral("alice"), alicePackages, QDateTime::currentDateTimeUtc().addDays(-2));
    m_server->stop();
    PackageDirectory directory(options());
    directory.track({ QStringLiteral("alice") });
    QTRY_VERIFY(directory.maintainedBy(QStringLiteral("alice"))
                    .reason.contains(QStringLiteral("refreshing failed")));
    const PackageSetView view = directory.maintainedBy(QStringLiteral("alice"));
    QCOMPARE(view.state, State::Ready);
    QCOMPARE(*view.names, alicePackages);
    QVERIFY2(view.reason.startsWith(QStringLiteral("cached, fetched ")), qPrintable(view.reason));
    QVERIFY2(
        view.reason.contains(QStringLiteral("cannot reach 127.0.0.1")), qPrintable(view.reason));
}

void TestPackageDirectory::retryFailedWhenTheNetworkIsBack()
{
    routeAlice();
    m_server->stop();
    PackageDirectory directory(options());
    directory.track({ QStringLiteral("alice") });
    QTRY_COMPARE(directory.maintainedBy(QStringLiteral("alice")).state, State::Unavailable);
    QVERIFY(directory.maintainedBy(QStringLiteral("alice"))
                .reason.contains(QStringLiteral("cannot reach 127.0.0.1")));
    // The next try would be in 5 minutes; the network is back now.
    QVERIFY(m_server->resume());
    directory.retryFailed();
    QTRY_COMPARE(directory.maintainedBy(QStringLiteral("alice")).state, State::Ready);
    QCOMPARE(*directory.maintainedBy(QStringLiteral("alice")).names, alicePackages);
}

void TestPackageDirectory::expiredCacheIsRefreshedInTheBackground()
{
    routeAlice();
    saveCache(QStringLiteral("alice"),
        { QStringLiteral("old-package") },
        QDateTime::currentDateTimeUtc().addSecs(qint64(-25) * 3600));
    PackageDirectory directory(options());
    QSignalSpy changed(&directory, &PackageDirectory::changed);
    directory.track({ QStringLiteral("alice") });
    // First the cached set (usable at once), then the fetched one replaces it.
    QTRY_VERIFY(
        directory.maintainedBy(QStringLiteral("alice")).contains(QStringLiteral("python-foo")));
    QVERIFY(changed.size() >= 2);
    const PackageSetView view = directory.maintainedBy(QStringLiteral("alice"));
    QVERIFY(!view.contains(QStringLiteral("old-package")));
    QVERIFY2(view.reason.startsWith(QStringLiteral("fetched ")), qPrintable(view.reason));
    QCOMPARE(m_server->hits(ownerPage3), 1);
}

void TestPackageDirectory::refreshedAgainWhenItExpires()
{
    m_server->route(ownerPage1, { 200, onePage({ QStringLiteral("first") }) });
    m_server->route(usernamePage1, { 200, onePage({}) });
    PackageDirectoryOptions shortExpiry = options();
    shortExpiry.distGitExpiry = std::chrono::seconds(1);
    PackageDirectory directory(shortExpiry);
    directory.track({ QStringLiteral("alice") });
    QTRY_VERIFY(directory.maintainedBy(QStringLiteral("alice")).contains(QStringLiteral("first")));
    m_server->route(ownerPage1, { 200, onePage({ QStringLiteral("second") }) });
    QTRY_VERIFY(directory.maintainedBy(QStringLiteral("alice")).contains(QStringLiteral("second")));
    QVERIFY(m_server->hits(ownerPage1) >= 2);
}

void TestPackageDirectory::errorWithoutCacheIsUnavailable()
{
    m_server->routeFile(ownerPage1, "malformed-truncated.json");
    PackageDirectory directory(options());
    directory.track({ QStringLiteral("alice") });
    QTRY_COMPARE(directory.maintainedBy(QStringLiteral("alice")).state, State::Unavailable);
    const PackageSetView view = directory.maintainedBy(QStringLiteral("alice"));
    QVERIFY2(view.reason.startsWith(
                 QStringLiteral("packages of alice unknown: page 1 from 127.0.0.1 is not JSON")),
        qPrintable(view.reason));
    QVERIFY(!view.contains(QStringLiteral("python-foo")));
}

void TestPackageDirectory::errorKeepsTheCachedSet()
{
    m_server->route(ownerPage1, { 502, "<html>Bad Gateway</html>" });
    saveCache(QStringLiteral("alice"), alicePackages, QDateTime::currentDateTimeUtc().addDays(-3));
    PackageDirectory directory(options());
    directory.track({ QStringLiteral("alice") });
    QTRY_VERIFY(directory.maintainedBy(QStringLiteral("alice"))
                    .reason.contains(QStringLiteral("answered HTTP 502")));
    const PackageSetView view = directory.maintainedBy(QStringLiteral("alice"));
    QCOMPARE(view.state, State::Ready);
    QCOMPARE(*view.names, alicePackages);
}

void TestPackageDirectory::unknownGroupIsUnavailable()
{
    m_server->routeFile(
        QStringLiteral("/api/0/group/nope?projects=1&acl=commit"), "error-nogroup.json", 404);
    PackageDirectory directory(options());
    directory.track({ QStringLiteral("@nope"), QStringLiteral("not a name") });
    QTRY_COMPARE(directory.maintainedBy(QStringLiteral("@nope")).state, State::Unavailable);
    QCOMPARE(directory.maintainedBy(QStringLiteral("@nope")).reason,
        QStringLiteral("packages of @nope unknown: dist-git has no such group (Group not "
                       "found, ENOGROUP)"));
    QTRY_COMPARE(directory.maintainedBy(QStringLiteral("not a name")).state, State::Unavailable);
    QVERIFY(directory.maintainedBy(QStringLiteral("not a name"))
                .reason.contains(QStringLiteral("is not a Fedora account or '@group' name")));
}

void TestPackageDirectory::untrackedMaintainers()
{
    routeAlice();
    PackageDirectory directory(options());
    QCOMPARE(directory.maintainedBy(QStringLiteral("zed")).state, State::Unavailable);
    directory.track({ QStringLiteral(" alice "), QStringLiteral("alice"), QString() });
    QCOMPARE(directory.tracked(), QStringList { QStringLiteral("alice") });
    QTRY_COMPARE(directory.maintainedBy(QStringLiteral("alice")).state, State::Ready);
    directory.track({});
    QCOMPARE(directory.maintainedBy(QStringLiteral("alice")).state, State::Unavailable);
    QVERIFY(directory.maintainedBy(QStringLiteral("alice"))
                .reason.contains(QStringLiteral("not tracked")));
}

void TestPackageDirectory::rpmSourceNames()
{
    useFakeTools({ QStringLiteral("rpm"), QStringLiteral("dpkg-query") });
    QVERIFY(QDir().mkpath(m_rpmDatabase));
    writeFile(m_rpmDatabase + QStringLiteral("/rpmdb.sqlite"), "db");
    QVERIFY(QFile::copy(fedmsg::test::testDataPath("packages/rpm-qa-sourcerpm.txt"), m_toolOutput));
    PackageDirectory directory(options());
    QSignalSpy changed(&directory, &PackageDirectory::changed);
    QVERIFY(directory.installed().state != State::Ready);
    QTRY_COMPARE(directory.installed().state, State::Ready);
    const PackageSetView view = directory.installed();
    QCOMPARE(*view.names,
        nameSet({ "python-foo", "perl-Foo-Bar", "4ti2", "python3.12", "kernel", "glibc" }));
    QVERIFY2(view.reason.contains(QStringLiteral("with rpm")), qPrintable(view.reason));
    QVERIFY(!changed.isEmpty());
}

void TestPackageDirectory::rpmDatabaseChangeReadsAgain()
{
    useFakeTools({ QStringLiteral("rpm") });
    QVERIFY(QDir().mkpath(m_rpmDatabase));
    writeFile(m_rpmDatabase + QStringLiteral("/rpmdb.sqlite"), "db");
    writeFile(m_toolOutput, "bash-5.2.26-3.fc40.src.rpm\n");
    PackageDirectory directory(options());
    QCOMPARE(directory.installed().state, State::Loading);
    QTRY_VERIFY(directory.installed().contains(QStringLiteral("bash")));
    // dnf installs python-foo: the tool's answer changes, then the database file is written.
    writeFile(m_toolOutput, "bash-5.2.26-3.fc40.src.rpm\npython-foo-1.2-3.fc40.src.rpm\n");
    writeFile(m_rpmDatabase + QStringLiteral("/rpmdb.sqlite"), "db, changed");
    QTRY_VERIFY(directory.installed().contains(QStringLiteral("python-foo")));
    // ...and a second transaction that only creates a file in the folder (sqlite's WAL).
    writeFile(m_toolOutput, "python-foo-1.2-3.fc40.src.rpm\n");
    writeFile(m_rpmDatabase + QStringLiteral("/rpmdb.sqlite-wal"), "wal");
    QTRY_VERIFY(!directory.installed().contains(QStringLiteral("bash")));
}

void TestPackageDirectory::dpkgSourceNames()
{
    useFakeTools({ QStringLiteral("rpm"), QStringLiteral("dpkg-query") });
    // rpm is on PATH but there is no rpm database: dpkg is the package manager here.
    QVERIFY(QDir().mkpath(QFileInfo(m_dpkgStatus).path()));
    writeFile(m_dpkgStatus, "Package: glibc\n");
    QVERIFY(
        QFile::copy(fedmsg::test::testDataPath("packages/dpkg-query-source.txt"), m_toolOutput));
    PackageDirectory directory(options());
    QCOMPARE(directory.installed().state, State::Loading);
    QTRY_COMPARE(directory.installed().state, State::Ready);
    QCOMPARE(*directory.installed().names, nameSet({ "glibc", "python3.11", "perl" }));
    QVERIFY(directory.installed().reason.contains(QStringLiteral("with dpkg-query")));
}

void TestPackageDirectory::dpkgStatusReplacedReadsAgain()
{
    useFakeTools({ QStringLiteral("dpkg-query") });
    QVERIFY(QDir().mkpath(QFileInfo(m_dpkgStatus).path()));
    writeFile(m_dpkgStatus, "Package: glibc\n");
    writeFile(m_toolOutput, "ii \tglibc\n");
    PackageDirectory directory(options());
    QCOMPARE(directory.installed().state, State::Loading);
    QTRY_VERIFY(directory.installed().contains(QStringLiteral("glibc")));
    // dpkg writes status-new and renames it over status.
    writeFile(m_toolOutput, "ii \tglibc\nii \tnginx\n");
    writeFile(m_dpkgStatus + QStringLiteral("-new"), "Package: glibc\n\nPackage: nginx\n");
    QVERIFY(QFile::remove(m_dpkgStatus));
    QVERIFY(QFile::rename(m_dpkgStatus + QStringLiteral("-new"), m_dpkgStatus));
    QTRY_VERIFY(directory.installed().contains(QStringLiteral("nginx")));
    // The new file is watched too.
    writeFile(m_toolOutput, "ii \tnginx\n");
    writeFile(m_dpkgStatus, "Package: nginx\n");
    QTRY_VERIFY(!directory.installed().contains(QStringLiteral("glibc")));
}

void TestPackageDirectory::noToolIsUnavailable()
{
    useFakeTools({});
    qputenv("PATH", m_dir->filePath(QStringLiteral("bin")).toLocal8Bit());
    QVERIFY(QDir().mkpath(m_rpmDatabase));
    PackageDirectory directory(options());
    QCOMPARE(directory.installed().state, State::Loading);
    QTRY_COMPARE(directory.installed().state, State::Unavailable);
    const QString reason = directory.installed().reason;
    QVERIFY2(reason.startsWith(QStringLiteral("installed packages unknown: neither rpm")),
        qPrintable(reason));
    QVERIFY(reason.contains(m_dpkgStatus));
    QVERIFY(!directory.installed().contains(QStringLiteral("glibc")));
}

void TestPackageDirectory::failingToolSaysWhy()
{
    useFakeTools({ QStringLiteral("rpm") });
    QVERIFY(QDir().mkpath(m_rpmDatabase));
    writeFile(m_toolOutput, "");
    qputenv("FAKE_TOOL_STATUS", "1");
    qputenv("FAKE_TOOL_ERROR", "error: cannot open Packages database in /var/lib/rpm");
    PackageDirectory directory(options());
    QCOMPARE(directory.installed().state, State::Loading);
    QTRY_COMPARE(directory.installed().state, State::Unavailable);
    QCOMPARE(directory.installed().reason,
        QStringLiteral("installed packages unknown: rpm exited with status 1: error: cannot "
                       "open Packages database in /var/lib/rpm"));
}

void TestPackageDirectory::installedSetIsCachedForTheNextStart()
{
    useFakeTools({ QStringLiteral("rpm") });
    QVERIFY(QDir().mkpath(m_rpmDatabase));
    writeFile(m_toolOutput, "bash-5.2.26-3.fc40.src.rpm\n");
    {
        PackageDirectory directory(options());
        QCOMPARE(directory.installed().state, State::Loading);
        QTRY_VERIFY(directory.installed().contains(QStringLiteral("bash")));
    }
    qputenv("FAKE_TOOL_STATUS", "1");
    qputenv("FAKE_TOOL_ERROR", "error: rpmdb locked");
    PackageDirectory directory(options());
    QCOMPARE(directory.installed().state, State::Loading);
    QTRY_VERIFY(directory.installed().reason.contains(QStringLiteral("reading again failed")));
    QCOMPARE(directory.installed().state, State::Ready);
    QVERIFY(directory.installed().contains(QStringLiteral("bash")));
    QVERIFY(directory.installed().reason.startsWith(QStringLiteral("cached, read ")));
    QVERIFY(directory.installed().reason.contains(QStringLiteral("error: rpmdb locked")));
}

QTEST_GUILESS_MAIN(TestPackageDirectory)
#include "TestPackageDirectory.moc"
