// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "notify/DBusNotifier.h"
#include "notify/IconFiles.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace fedmsg;

namespace {
const QString Service = QStringLiteral("org.freedesktop.Notifications");

QDBusConnectionInterface *bus()
{
    return QDBusConnection::sessionBus().interface();
}

bool serverRegistered()
{
    return bus() != nullptr && bus()->isServiceRegistered(Service).value();
}
} // namespace

// The server tests need a notification server on the session bus (QSKIP returns from the test,
// so it has to be a macro).
// NOLINTNEXTLINE(cppcoreguidelines-macro-usage): QSKIP must return from the test function
#define REQUIRE_SERVER()                                                                           \
    do {                                                                                           \
        if (!serverRegistered())                                                                   \
            QSKIP("needs a notification server (dunst) on the session bus: run under "             \
                  "tests/run-headless.sh");                                                        \
    } while (false)

// A stand-in for Plasma's notification server, which the harness does not have: the spec's
// methods plus the Inhibited property (an extension only Plasma has), on its own connection.
class InhibitingServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
    Q_PROPERTY(bool Inhibited READ inhibited)
public:
    bool inhibited() const { return m_inhibited; }
    void setInhibited(bool on, const QDBusConnection &connection)
    {
        m_inhibited = on;
        QDBusMessage changed =
            QDBusMessage::createSignal(QStringLiteral("/org/freedesktop/Notifications"),
                QStringLiteral("org.freedesktop.DBus.Properties"),
                QStringLiteral("PropertiesChanged"));
        changed << QStringLiteral("org.freedesktop.Notifications")
                << QVariantMap { { QStringLiteral("Inhibited"), on } } << QStringList();
        connection.send(changed);
    }
public Q_SLOTS:
    // NOLINTNEXTLINE(readability-identifier-naming): the D-Bus method name
    QStringList GetCapabilities() { return { QStringLiteral("body") }; }

private:
    bool m_inhibited = true;
};

// Talks to the real dunst that tests/run-headless.sh starts on the private session bus; the
// pure parts (safe links, text cleaning, markup escaping) run without one too.
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
    void controlAndBidiCharactersNeverReachTheServer();
    void plainTextWithoutAServer();
    void richPopupAsDunstReportsIt();
    void sameObjectReplacesThePopupInPlace();
    void serverAppearingAfterTheNotifierIsUsed();
    void plasmaInhibitedIsFollowed();
    void cleanupTestCase();

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
    if (!serverRegistered())
        qInfo("no notification server on the session bus: only the tests that need none run");
}

void TestDBusNotifier::cleanupTestCase()
{
    // Leave a server for the tests after this one, whatever happened here.
    if (bus() != nullptr && !serverRegistered()
        && bus()->activatableServiceNames().value().contains(Service))
        bus()->startService(Service);
}

void TestDBusNotifier::cleanup()
{
    if (serverRegistered())
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
    REQUIRE_SERVER();
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
    // dunst 1.9 sends no ActivationToken (X11): the token is empty, not made up.
    QCOMPARE(clicked.at(0).at(2).toString(), QString());
    // dunst keeps the notification after an action: the notifier closes it.
    QTRY_COMPARE(closed.count(), 1);
    QCOMPARE(notifier.openCount(), 0);
}

void TestDBusNotifier::bodyMarkupIsEscapedOnTheServer()
{
    REQUIRE_SERVER();
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
    REQUIRE_SERVER();
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

// Message text is untrusted: terminal controls (ESC, CSI, BEL, C1 controls, DEL) and bidi
// controls that reorder what the user reads (RLO, LRI..PDI, LRM/RLM, ALM) never reach the
// notification server, in the summary or the body; the body keeps its newlines and tabs.
void TestDBusNotifier::controlAndBidiCharactersNeverReachTheServer()
{
    REQUIRE_SERVER();
    const auto isHostile = [](QChar c) {
        const char16_t u = c.unicode();
        return (u < 0x20 && u != u'\n' && u != u'\t') || (u >= 0x7F && u <= 0x9F)
            || (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069) || u == 0x200E
            || u == 0x200F || u == 0x061C;
    };
    DBusNotifier notifier;
    QSignalSpy shown(&notifier, &DBusNotifier::shown);
    QSignalSpy closed(&notifier, &DBusNotifier::closed);
    Notification n;
    n.summary =
        QStringLiteral("build \x1b[2J\x1b]0;pwned\x07 of \u202Egpj.exe\u202C ok\r\nnext\tcol");
    n.body = QStringLiteral("line one\x1b[31m red\u009b1m\x7f\nline two\t\u2066x\u2069 "
                            "\u200Eleft\u200F \u061Cend\x00\x08!");
    notifier.show(n);
    QVERIFY(shown.wait(5000));
    notifier.closeAll();
    QVERIFY(closed.wait(5000));
    const QJsonArray history = dunstHistory();
    QVERIFY(!history.isEmpty());
    const QJsonObject received = history.at(0).toObject();
    const QString summary = received.value(QStringLiteral("summary"))
                                .toObject()
                                .value(QStringLiteral("data"))
                                .toString();
    const QString body =
        received.value(QStringLiteral("body")).toObject().value(QStringLiteral("data")).toString();
    qInfo() << "server got summary" << summary << "body" << body;
    for (const QChar c : summary)
        QVERIFY2(!isHostile(c) && c != u'\n' && c != u'\t',
            qPrintable(QStringLiteral("summary holds U+%1").arg(c.unicode(), 4, 16, QChar(u'0'))));
    for (const QChar c : body)
        QVERIFY2(!isHostile(c),
            qPrintable(QStringLiteral("body holds U+%1").arg(c.unicode(), 4, 16, QChar(u'0'))));
    // The harmless text is all still there, in order.
    QCOMPARE(summary, QStringLiteral("build [2J]0;pwned of gpj.exe ok next col"));
    QVERIFY2(body.startsWith(QStringLiteral("line one[31m red1m\nline two")), qPrintable(body));
    QVERIFY2(body.contains(QStringLiteral("left end!")), qPrintable(body));
    // The builder the notifier uses says the same without a server.
    QCOMPARE(DBusNotifier::plainText(n.summary, DBusNotifier::TextKind::SingleLine), summary);
    QCOMPARE(DBusNotifier::plainText(
                 QStringLiteral("a\u0085b\u2028c"), DBusNotifier::TextKind::MultiLine),
        QStringLiteral("ab\nc"));
}

// Icon, category, application and summary as dunst stores them (dunstctl history).
void TestDBusNotifier::richPopupAsDunstReportsIt()
{
    REQUIRE_SERVER();
    DBusNotifier notifier;
    QSignalSpy shown(&notifier, &DBusNotifier::shown);
    QSignalSpy closed(&notifier, &DBusNotifier::closed);
    Notification n;
    n.summary = QStringLiteral("Bodhi: comment on update");
    n.body = QStringLiteral("ralph commented on FEDORA-2019-46910daf41");
    n.link = QStringLiteral("https://bodhi.fedoraproject.org/updates/FEDORA-2019-46910daf41");
    n.category = QStringLiteral("x-fedmsg.bodhi");
    n.topic = QStringLiteral("org.fedoraproject.prod.bodhi.update.comment");
    n.offerMute = true;
    n.offerWhy = true;
    notifier.show(n);
    QVERIFY(shown.wait(5000));
    notifier.closeAll();
    QVERIFY(closed.wait(5000));
    const QJsonObject received = dunstHistory().at(0).toObject();
    const auto field = [&received](const char *name) {
        return received.value(QLatin1String(name))
            .toObject()
            .value(QStringLiteral("data"))
            .toVariant();
    };
    qInfo() << "dunst stored" << received;
    QCOMPARE(field("summary").toString(), n.summary);
    QCOMPARE(field("appname").toString(), QStringLiteral("fedmsg-notify"));
    QCOMPARE(field("category").toString(), n.category);
    // The shipped icon, written to the cache folder, so it shows from a build tree too.
    const QString icon = IconFiles::applicationIcon();
    QVERIFY(!icon.isEmpty());
    QVERIFY(QFile::exists(icon));
    QCOMPARE(field("icon_path").toString(), icon);
    // A safe link: the default action (dunst stores its key).
    QCOMPARE(field("default_action_name").toString(), QStringLiteral("default"));
}

// replaces_id: the second message about an update replaces its popup instead of stacking.
void TestDBusNotifier::sameObjectReplacesThePopupInPlace()
{
    REQUIRE_SERVER();
    DBusNotifier notifier;
    QSignalSpy shown(&notifier, &DBusNotifier::shown);
    Notification n;
    n.summary = QStringLiteral("Bodhi: comment on update");
    n.body = QStringLiteral("first comment");
    notifier.show(n);
    QVERIFY(shown.wait(5000));
    const uint id = shown.last().first().toUInt();
    n.body = QStringLiteral("second comment");
    n.replacesId = id;
    notifier.show(n);
    QTRY_COMPARE(shown.size(), 2);
    QCOMPARE(shown.last().first().toUInt(), id);
    QTRY_COMPARE(
        dunstctl({ QStringLiteral("count"), QStringLiteral("displayed") }), QStringLiteral("1"));
    QCOMPARE(notifier.openCount(), 1);
}

void TestDBusNotifier::plainTextWithoutAServer()
{
    QCOMPARE(DBusNotifier::plainText(
                 QStringLiteral("a\x1b[2J\u202Eb\r\nc\td"), DBusNotifier::TextKind::SingleLine),
        QStringLiteral("a[2Jb c d"));
    QCOMPARE(DBusNotifier::plainText(
                 QStringLiteral("a\u0085b\u2028c"), DBusNotifier::TextKind::MultiLine),
        QStringLiteral("ab\nc"));
}

// No server when the notifier starts: it says so (state, count), hands every notification to the
// fallback, and uses the server as soon as one appears, told by the service watcher.
void TestDBusNotifier::serverAppearingAfterTheNotifierIsUsed()
{
    REQUIRE_SERVER();
    if (!bus()->activatableServiceNames().value().contains(Service))
        QSKIP("needs org.freedesktop.Notifications to be D-Bus activatable (dunst's service file)");
    const uint pid = bus()->servicePid(Service).value();
    QVERIFY(pid > 0);
    QCOMPARE(::kill(static_cast<pid_t>(pid), SIGTERM), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!serverRegistered(), 10000);

    DBusNotifier notifier;
    QSignalSpy availability(&notifier, &DBusNotifier::serverAvailableChanged);
    QSignalSpy unavailable(&notifier, &DBusNotifier::serverUnavailable);
    QSignalSpy shown(&notifier, &DBusNotifier::shown);
    QVERIFY(!notifier.isServerAvailable());
    Notification n;
    n.summary = QStringLiteral("while nobody listens");
    notifier.show(n);
    notifier.show(n);
    QCOMPARE(unavailable.size(), 2);
    QCOMPARE(notifier.notShownCount(), 2);
    QVERIFY(!notifier.capabilitiesKnown());

    // dunst starts after the notifier (D-Bus activation, as a login session would).
    QVERIFY(bus()->startService(Service).isValid());
    QTRY_COMPARE(availability.size(), 1);
    QCOMPARE(availability.first().first().toBool(), true);
    QVERIFY(notifier.isServerAvailable());
    QCOMPARE(notifier.notShownCount(), 0);
    // The new owner is asked for its capabilities and name right away, before any show().
    QTRY_VERIFY(notifier.capabilitiesKnown());
    QVERIFY(notifier.capabilities().contains(QStringLiteral("actions")));
    QTRY_VERIFY(notifier.serverName().startsWith(QStringLiteral("dunst")));

    n.summary = QStringLiteral("now there is a server");
    notifier.show(n);
    QVERIFY(shown.wait(5000));
    QCOMPARE(unavailable.size(), 2);
    QTRY_COMPARE(
        dunstctl({ QStringLiteral("count"), QStringLiteral("displayed") }), QStringLiteral("1"));
}

// Plasma's do-not-disturb: read when the server appears, followed through PropertiesChanged.
void TestDBusNotifier::plasmaInhibitedIsFollowed()
{
    REQUIRE_SERVER();
    if (!bus()->activatableServiceNames().value().contains(Service))
        QSKIP("needs org.freedesktop.Notifications to be D-Bus activatable (dunst's service file)");
    DBusNotifier notifier;
    QTRY_VERIFY(notifier.capabilitiesKnown());
    QVERIFY(!notifier.desktopInhibited()); // dunst has no Inhibited property
    QSignalSpy inhibited(&notifier, &DBusNotifier::desktopInhibitedChanged);
    const uint pid = bus()->servicePid(Service).value();
    QCOMPARE(::kill(static_cast<pid_t>(pid), SIGTERM), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!serverRegistered(), 10000);

    QDBusConnection plasma =
        QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("plasma"));
    InhibitingServer server;
    QVERIFY(plasma.registerObject(QStringLiteral("/org/freedesktop/Notifications"),
        &server,
        QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllProperties));
    QVERIFY(plasma.registerService(Service));
    QTRY_COMPARE(inhibited.size(), 1);
    QCOMPARE(inhibited.last().first().toBool(), true);
    QVERIFY(notifier.desktopInhibited());
    server.setInhibited(false, plasma);
    QTRY_COMPARE(inhibited.size(), 2);
    QCOMPARE(notifier.desktopInhibited(), false);
    server.setInhibited(true, plasma);
    QTRY_COMPARE(inhibited.size(), 3);
    // The server leaves: its do-not-disturb goes with it.
    plasma.unregisterService(Service);
    QTRY_COMPARE(inhibited.size(), 4);
    QVERIFY(!notifier.desktopInhibited());
    QDBusConnection::disconnectFromBus(QStringLiteral("plasma"));
    QVERIFY(bus()->startService(Service).isValid());
    QTRY_VERIFY_WITH_TIMEOUT(serverRegistered(), 10000);
}

QTEST_GUILESS_MAIN(TestDBusNotifier)
#include "TestDBusNotifier.moc"
