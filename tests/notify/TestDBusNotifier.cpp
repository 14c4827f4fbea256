// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "notify/DBusNotifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace fedmsg;

// Talks to the real dunst that tests/run-headless.sh starts on the private session bus.
class TestDBusNotifier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void safeLinkAcceptsOnlyHttp_data();
    void safeLinkAcceptsOnlyHttp();
    void escapesMarkup();
    void showsAndClickOpensLink();
    void bodyMarkupIsEscapedOnTheServer();
    void unsafeLinkGetsNoAction();

private:
    static QString dunstctl(const QStringList &args);
    static QJsonArray dunstHistory();
};

QString TestDBusNotifier::dunstctl(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("dunstctl"), args);
    if (!p.waitForFinished(5000))
        return {};
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

QJsonArray TestDBusNotifier::dunstHistory()
{
    const QJsonDocument doc =
        QJsonDocument::fromJson(dunstctl({ QStringLiteral("history") }).toUtf8());
    return doc.object().value(QStringLiteral("data")).toArray().at(0).toArray();
}

void TestDBusNotifier::initTestCase()
{
    auto *iface = QDBusConnection::sessionBus().interface();
    if (!iface
        || !iface->isServiceRegistered(QStringLiteral("org.freedesktop.Notifications")).value())
        QSKIP("needs a notification server (dunst) on the session bus: run under "
              "tests/run-headless.sh");
}

void TestDBusNotifier::cleanup()
{
    dunstctl({ QStringLiteral("close-all") });
}

void TestDBusNotifier::safeLinkAcceptsOnlyHttp_data()
{
    QTest::addColumn<QString>("link");
    QTest::addColumn<bool>("safe");
    QTest::newRow("https page") << QStringLiteral(
        "https://bodhi.fedoraproject.org/updates/FEDORA-2019-1")
                                << true;
    QTest::newRow("http page") << QStringLiteral(
        "http://koji.fedoraproject.org/koji/taskinfo?taskID=1")
                               << true;
    QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)") << false;
    QTest::newRow("file") << QStringLiteral("file:///etc/passwd") << false;
    QTest::newRow("data") << QStringLiteral("data:text/html,<script>") << false;
    QTest::newRow("no host") << QStringLiteral("https:///path") << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("uppercase scheme")
        << QStringLiteral("HTTPS://src.fedoraproject.org/rpms/x") << true;
    // A look-alike: the part before @ is a user name, the page is on evil.example.
    QTest::newRow("user info look-alike")
        << QStringLiteral("https://bodhi.fedoraproject.org@evil.example/updates/x") << false;
    QTest::newRow("user and password")
        << QStringLiteral("https://user:secret@src.fedoraproject.org/") << false;
    QTest::newRow("control character")
        << QStringLiteral("https://src.fedoraproject.org/\x1b[2J") << false;
}

void TestDBusNotifier::safeLinkAcceptsOnlyHttp()
{
    QFETCH(QString, link);
    QFETCH(bool, safe);
    QCOMPARE(!DBusNotifier::safeLink(link).isEmpty(), safe);
}

void TestDBusNotifier::escapesMarkup()
{
    QCOMPARE(DBusNotifier::escapeMarkup(QStringLiteral("<b>a</b> & \"q\"")),
        QStringLiteral("&lt;b&gt;a&lt;/b&gt; &amp; &quot;q&quot;"));
}

void TestDBusNotifier::showsAndClickOpensLink()
{
    DBusNotifier notifier;
    QVERIFY(notifier.isServerAvailable());
    QSignalSpy shown(&notifier, &DBusNotifier::shown);
    QSignalSpy clicked(&notifier, &DBusNotifier::linkActivated);
    QSignalSpy closed(&notifier, &DBusNotifier::closed);
    Notification n;
    n.summary = QStringLiteral("bodhi.update.comment");
    n.body = QStringLiteral("ralph commented on FEDORA-2019-46910daf41");
    n.link = QStringLiteral("https://bodhi.fedoraproject.org/updates/FEDORA-2019-46910daf41");
    n.historyId = 42;
    notifier.show(n);
    QVERIFY(shown.wait(5000));
    QVERIFY(notifier.capabilitiesKnown());
    QVERIFY(notifier.capabilities().contains(QStringLiteral("actions")));
    QCOMPARE(shown.at(0).at(1).toLongLong(), 42);
    QTRY_COMPARE(
        dunstctl({ QStringLiteral("count"), QStringLiteral("displayed") }), QStringLiteral("1"));

    dunstctl({ QStringLiteral("action"), QStringLiteral("0") });
    QVERIFY(clicked.wait(5000));
    QCOMPARE(clicked.at(0).at(0).toUrl(), QUrl(n.link));
    QCOMPARE(clicked.at(0).at(1).toLongLong(), 42);
    // dunst keeps the notification after an action: the notifier closes it.
    QTRY_COMPARE(closed.count(), 1);
    QCOMPARE(notifier.openCount(), 0);
}

void TestDBusNotifier::bodyMarkupIsEscapedOnTheServer()
{
    DBusNotifier notifier;
    QSignalSpy shown(&notifier, &DBusNotifier::shown);
    QSignalSpy closed(&notifier, &DBusNotifier::closed);
    Notification n;
    n.summary = QStringLiteral("evil");
    n.body = QStringLiteral("<a href=\"https://evil.example\">click</a> & <b>bold</b>");
    notifier.show(n);
    QVERIFY(shown.wait(5000));
    if (!notifier.capabilities().contains(QStringLiteral("body-markup")))
        QSKIP("the notification server does not parse markup, so there is nothing to escape");
    notifier.closeAll();
    QVERIFY(closed.wait(5000));
    const QJsonArray history = dunstHistory();
    QVERIFY(!history.isEmpty());
    const QString body = history.at(0)
                             .toObject()
                             .value(QStringLiteral("body"))
                             .toObject()
                             .value(QStringLiteral("data"))
                             .toString();
    // What reached the server is the escaped text: no tag survives as markup.
    QCOMPARE(body, DBusNotifier::escapeMarkup(n.body));
}

void TestDBusNotifier::unsafeLinkGetsNoAction()
{
    DBusNotifier notifier;
    QSignalSpy shown(&notifier, &DBusNotifier::shown);
    QSignalSpy clicked(&notifier, &DBusNotifier::linkActivated);
    Notification n;
    n.summary = QStringLiteral("phish");
    n.body = QStringLiteral("click me");
    n.link = QStringLiteral("javascript:alert(1)");
    notifier.show(n);
    QVERIFY(shown.wait(5000));
    QTRY_COMPARE(
        dunstctl({ QStringLiteral("count"), QStringLiteral("displayed") }), QStringLiteral("1"));
    dunstctl({ QStringLiteral("action"), QStringLiteral("0") });
    QTest::qWait(300); // nothing may arrive; a short settle is the only way to observe absence
    QCOMPARE(clicked.count(), 0);
}

QTEST_GUILESS_MAIN(TestDBusNotifier)
#include "TestDBusNotifier.moc"
