// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "PagureTestServer.h"
#include "packages/DistGitFetcher.h"

#include <QSignalSpy>
#include <QTest>

using fedmsg::packages::DistGitFetcher;
using fedmsg::packages::PackageDirectoryOptions;
using fedmsg::test::PagureTestServer;

namespace {
const QString ownerPage1 = QStringLiteral("/api/0/projects?owner=alice&namespace=rpms&short=1");
const QString ownerPage2 = ownerPage1 + QStringLiteral("&page=2");
const QString ownerPage3 = ownerPage1 + QStringLiteral("&page=3");
const QString usernamePage1 =
    QStringLiteral("/api/0/projects?username=alice&namespace=rpms&short=1");
const QString groupPage1 = QStringLiteral("/api/0/group/python-sig?projects=1&acl=commit");
const QString groupPage2 = groupPage1 + QStringLiteral("&page=2");

using Names = QSet<QString>;

Names nameSet(std::initializer_list<const char *> list)
{
    Names set;
    for (const char *name : list)
        set.insert(QString::fromUtf8(name));
    return set;
}
} // namespace

class TestDistGitFetcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void startUrlsAreFmnsQueries();
    void multiPageOwnerListing();
    void groupListingKeepsRpmsOnly();
    void accountWithoutPackagesIsEmpty();
    void badPagesFailWithAReason_data();
    void badPagesFailWithAReason();
    void unknownGroupSaysSo();
    void unknownAccountSaysSo();
    void slowPageTimesOut();
    void slowPageStillArrives();
    void oversizedPageIsRefused();
    void invalidNameIsNotAsked();
    void cancelledFetchReportsNothing();

private:
    [[nodiscard]] PackageDirectoryOptions options() const;
    /// Fetches maintainer; returns the names or (through reason) why it failed.
    static Names fetch(DistGitFetcher &fetcher, const QString &maintainer, QString *reason);

    std::unique_ptr<PagureTestServer> m_server;
};

void TestDistGitFetcher::init()
{
    m_server = std::make_unique<PagureTestServer>();
    QVERIFY(m_server->isListening());
}

void TestDistGitFetcher::cleanup()
{
    m_server.reset();
}

PackageDirectoryOptions TestDistGitFetcher::options() const
{
    PackageDirectoryOptions options;
    options.distGitUrl = m_server->url();
    return options;
}

Names TestDistGitFetcher::fetch(DistGitFetcher &fetcher, const QString &maintainer, QString *reason)
{
    QSignalSpy fetched(&fetcher, &DistGitFetcher::fetched);
    QSignalSpy failed(&fetcher, &DistGitFetcher::failed);
    fetcher.fetch(maintainer);
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(fetched.size() + failed.size() == 1, 20000);
    }();
    if (!failed.isEmpty()) {
        *reason = failed.at(0).at(1).toString();
        return {};
    }
    reason->clear();
    return *fetched.at(0).at(1).value<std::shared_ptr<const QSet<QString>>>();
}

void TestDistGitFetcher::startUrlsAreFmnsQueries()
{
    const QUrl base(QStringLiteral("https://src.fedoraproject.org/"));
    const QList<QUrl> account = DistGitFetcher::startUrls(base, QStringLiteral("alice"));
    QCOMPARE(account.size(), 2);
    QCOMPARE(account.at(0).toString(),
        QStringLiteral("https://src.fedoraproject.org/api/0/projects?owner=alice&namespace=rpms"
                       "&short=1&per_page=100"));
    QCOMPARE(account.at(1).toString(),
        QStringLiteral("https://src.fedoraproject.org/api/0/projects?username=alice&namespace="
                       "rpms&short=1&per_page=100"));
    const QList<QUrl> group = DistGitFetcher::startUrls(base, QStringLiteral("@python-sig"));
    QCOMPARE(group.size(), 1);
    QCOMPARE(group.at(0).toString(),
        QStringLiteral("https://src.fedoraproject.org/api/0/group/python-sig?projects=1&acl="
                       "commit&per_page=100"));
}

void TestDistGitFetcher::multiPageOwnerListing()
{
    m_server->routeFile(ownerPage1, "projects-owner-page1.json");
    m_server->routeFile(ownerPage2, "projects-owner-page2.json");
    m_server->routeFile(ownerPage3, "projects-owner-page3.json");
    m_server->routeFile(usernamePage1, "projects-username-page1.json");
    DistGitFetcher fetcher(options());
    QString reason;
    const Names names = fetch(fetcher, QStringLiteral("alice"), &reason);
    QVERIFY2(reason.isEmpty(), qPrintable(reason));
    QCOMPARE(names,
        nameSet({ "python-foo", "perl-Foo-Bar", "4ti2", "gtk2", "python3.12", "python-bar" }));
    for (const QString &page : { ownerPage1, ownerPage2, ownerPage3, usernamePage1 })
        QCOMPARE(m_server->hits(page), 1);
    QCOMPARE(m_server->requests().size(), 4);
    QVERIFY(!fetcher.isFetching(QStringLiteral("alice")));
}

void TestDistGitFetcher::groupListingKeepsRpmsOnly()
{
    m_server->routeFile(groupPage1, "group-page1.json");
    m_server->routeFile(groupPage2, "group-page2.json");
    DistGitFetcher fetcher(options());
    QString reason;
    const Names names = fetch(fetcher, QStringLiteral("@python-sig"), &reason);
    QVERIFY2(reason.isEmpty(), qPrintable(reason));
    // group-page1.json also lists container/python-requests: not an rpm.
    QCOMPARE(names, nameSet({ "python-requests", "python-urllib3" }));
    QCOMPARE(m_server->hits(groupPage2), 1);
}

void TestDistGitFetcher::accountWithoutPackagesIsEmpty()
{
    // What dist-git answers for an account that owns nothing (or that it does not know: the
    // projects filter does not tell the two apart).
    m_server->routeFile(QStringLiteral("/api/0/projects?owner=nobody-here&namespace=rpms&short=1"),
        "projects-empty.json");
    m_server->routeFile(
        QStringLiteral("/api/0/projects?username=nobody-here&namespace=rpms&short=1"),
        "projects-empty.json");
    DistGitFetcher fetcher(options());
    QString reason;
    const Names names = fetch(fetcher, QStringLiteral("nobody-here"), &reason);
    QVERIFY2(reason.isEmpty(), qPrintable(reason));
    QVERIFY(names.isEmpty());
    QCOMPARE(m_server->requests().size(), 2);
}

void TestDistGitFetcher::badPagesFailWithAReason_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("reason");
    const auto file = [](const char *name) {
        QFile data(fedmsg::test::testDataPath("packages/") + QLatin1String(name));
        return data.open(QIODevice::ReadOnly) ? data.readAll() : QByteArray();
    };
    QTest::newRow("malformed JSON")
        << 200 << file("malformed-truncated.json") << "page 1 from 127.0.0.1 is not JSON";
    QTest::newRow("HTML from a proxy") << 200 << file("not-json.html") << "is not JSON";
    QTest::newRow("HTTP 500") << 500 << file("error-server.json")
                              << "page 1 from 127.0.0.1 answered HTTP 500 (An error occurred";
    QTest::newRow("HTTP 503 without a body") << 503 << QByteArray() << "answered HTTP 503";
    QTest::newRow("no projects list")
        << 200 << QByteArray(R"({"total_projects": 0})") << "has no \"projects\" list";
    QTest::newRow("a list, not an object") << 200 << QByteArray("[]") << "has no \"projects\" list";
    QTest::newRow("next page on another site")
        << 200
        << QByteArray(
               R"({"projects": [], "pagination": {"next": "https://evil.example/api/0/projects?page=2"}})")
        << "links its next page to another site (https://evil.example";
    QTest::newRow("next page is the same page")
        << 200
        << QByteArray(
               R"({"projects": [], "pagination": {"next": "{base}/api/0/projects?owner=alice&namespace=rpms&short=1&per_page=100"}})")
        << "links back to a page already read";
}

void TestDistGitFetcher::badPagesFailWithAReason()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, reason);
    m_server->route(ownerPage1, { status, body, false });
    DistGitFetcher fetcher(options());
    QString why;
    const Names names = fetch(fetcher, QStringLiteral("alice"), &why);
    QVERIFY(names.isEmpty());
    QVERIFY2(why.contains(reason), qPrintable(why));
    // The second listing is never asked for: a failed fetch reports nothing partial.
    QCOMPARE(m_server->hits(usernamePage1), 0);
}

void TestDistGitFetcher::unknownGroupSaysSo()
{
    m_server->routeFile(groupPage1, "error-nogroup.json", 404);
    DistGitFetcher fetcher(options());
    QString reason;
    fetch(fetcher, QStringLiteral("@no-such-sig"), &reason);
    QCOMPARE(m_server->requests().size(), 1);
    // The route above is for python-sig; no-such-sig gets the server's generic 404 answer.
    QVERIFY2(reason.startsWith(QStringLiteral("dist-git has no such group")), qPrintable(reason));
    fetch(fetcher, QStringLiteral("@python-sig"), &reason);
    QCOMPARE(reason, QStringLiteral("dist-git has no such group (Group not found, ENOGROUP)"));
}

void TestDistGitFetcher::unknownAccountSaysSo()
{
    m_server->route(
        ownerPage1, { 404, R"({"error": "No such user found", "error_code": "ENOUSER"})" });
    DistGitFetcher fetcher(options());
    QString reason;
    fetch(fetcher, QStringLiteral("alice"), &reason);
    QCOMPARE(reason,
        QStringLiteral("dist-git does not know this account (No such user found, ENOUSER)"));
}

void TestDistGitFetcher::slowPageTimesOut()
{
    m_server->routeFile(ownerPage1, "projects-owner-page1.json");
    m_server->routeFile(ownerPage2, "projects-owner-page2.json");
    m_server->route(ownerPage3, { 200, "{}", true });
    PackageDirectoryOptions shortTimeout = options();
    shortTimeout.pageTimeout = std::chrono::milliseconds(300);
    DistGitFetcher fetcher(shortTimeout);
    QString reason;
    const Names names = fetch(fetcher, QStringLiteral("alice"), &reason);
    QVERIFY(names.isEmpty());
    QCOMPARE(reason, QStringLiteral("127.0.0.1 did not answer within 0.3 s"));
}

void TestDistGitFetcher::slowPageStillArrives()
{
    m_server->routeFile(ownerPage1, "projects-owner-page1.json");
    m_server->routeFile(ownerPage2, "projects-owner-page2.json");
    m_server->routeFile(ownerPage3, "projects-owner-page3.json");
    m_server->routeFile(usernamePage1, "projects-username-page1.json");
    QFile page2(fedmsg::test::testDataPath("packages/projects-owner-page2.json"));
    QVERIFY(page2.open(QIODevice::ReadOnly));
    m_server->route(ownerPage2, { 200, page2.readAll(), true });
    DistGitFetcher fetcher(options());
    QSignalSpy fetched(&fetcher, &DistGitFetcher::fetched);
    QSignalSpy failed(&fetcher, &DistGitFetcher::failed);
    fetcher.fetch(QStringLiteral("alice"));
    QTRY_COMPARE(m_server->heldCount(), 1);
    QVERIFY(fetcher.isFetching(QStringLiteral("alice")));
    QVERIFY(fetched.isEmpty());
    m_server->release(ownerPage2);
    QTRY_COMPARE(fetched.size(), 1);
    QVERIFY(failed.isEmpty());
    QCOMPARE(fetched.at(0).at(1).value<std::shared_ptr<const QSet<QString>>>()->size(), 6);
}

void TestDistGitFetcher::oversizedPageIsRefused()
{
    m_server->route(ownerPage1, { 200, QByteArray(200000, ' ') + "{\"projects\": []}" });
    PackageDirectoryOptions small = options();
    small.maximumPageBytes = 1000;
    DistGitFetcher fetcher(small);
    QString reason;
    fetch(fetcher, QStringLiteral("alice"), &reason);
    QCOMPARE(reason, QStringLiteral("page 1 from 127.0.0.1 is larger than 1000 bytes"));
}

void TestDistGitFetcher::invalidNameIsNotAsked()
{
    DistGitFetcher fetcher(options());
    for (const QString &bad : { QStringLiteral("../../etc"),
             QStringLiteral("a b"),
             QStringLiteral("@"),
             QStringLiteral("alice?owner=bob") }) {
        QString reason;
        fetch(fetcher, bad, &reason);
        QVERIFY2(reason.contains(QStringLiteral("is not a Fedora account or group name")),
            qPrintable(reason));
    }
    QCOMPARE(m_server->requests().size(), 0);
}

void TestDistGitFetcher::cancelledFetchReportsNothing()
{
    m_server->route(ownerPage1, { 200, "{\"projects\": []}", true });
    DistGitFetcher fetcher(options());
    QSignalSpy fetched(&fetcher, &DistGitFetcher::fetched);
    QSignalSpy failed(&fetcher, &DistGitFetcher::failed);
    fetcher.fetch(QStringLiteral("alice"));
    QTRY_COMPARE(m_server->heldCount(), 1);
    fetcher.cancel(QStringLiteral("alice"));
    QVERIFY(!fetcher.isFetching(QStringLiteral("alice")));
    m_server->release(ownerPage1);
    // A fresh fetch afterwards completes, and is the only thing reported.
    m_server->route(usernamePage1, { 200, "{\"projects\": []}", false });
    fetcher.fetch(QStringLiteral("alice"));
    QTRY_COMPARE(fetched.size(), 1);
    QCOMPARE(failed.size(), 0);
}

QTEST_GUILESS_MAIN(TestDistGitFetcher)
#include "TestDistGitFetcher.moc"
