// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Catching up after a gap through the whole applet under tests/run-headless.sh: a real ZeroMQ
// publisher on 127.0.0.1 (the bus, from the settings file), a local datagrepper (the bus's
// archive), the real notification server (dunst), the tray. The system bus is the harness's
// session bus, where the resume test plays logind. No translation is installed: the texts are
// the source strings ("%n message(s)").
#include "Application.h"
#include "DatagrepperTestServer.h"
#include "LoopbackEndpoint.h"
#include "TrayIcon.h"

#include "backfill/CatchUp.h"
#include "engine/Engine.h"
#include "history/History.h"
#include "history/HistoryQuery.h"
#include "history/StoredMessage.h"
#include "rules/Rule.h"
#include "rules/RuleAction.h"
#include "rules/RuleError.h"
#include "rules/RuleSet.h"
#include "settings/Settings.h"
#include "zeromq/Publisher.h"
#include "json/JsonParser.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace fedmsg;
using fedmsg::test::DatagrepperTestServer;

namespace {

const QString BusName = QStringLiteral("local");

bool isCatchUpSummary(const QString &summary)
{
    return summary.endsWith(QStringLiteral("while you were away"))
        || summary.startsWith(QStringLiteral("Catch-up of"));
}

int catchUpPopups(const QSignalSpy &notified)
{
    int n = 0;
    for (const QList<QVariant> &args : notified)
        n += isCatchUpSummary(args.at(0).toString()) ? 1 : 0;
    return n;
}

// What dunst itself holds of a summary: every popup closed, then counted in its history.
int dunstPopupsWithSummary(const QString &summary)
{
    QProcess close;
    close.start(QStringLiteral("dunstctl"), { QStringLiteral("close-all") });
    if (!close.waitForFinished(10000))
        return -1;
    QProcess history;
    history.start(QStringLiteral("dunstctl"), { QStringLiteral("history") });
    if (!history.waitForFinished(10000) || history.exitCode() != 0)
        return -1;
    const QByteArray out = history.readAllStandardOutput();
    const QByteArray quoted = "\"" + summary.toUtf8() + "\"";
    return int(out.count(quoted));
}

// The live form of an archived sample (what the publisher sent before datagrepper kept it).
JsonValue liveBody(const QByteArray &archived)
{
    JsonValue body = *JsonParser::parse(std::string_view(archived.constData(), archived.size()));
    body.remove("source_name");
    body.remove("source_version");
    body.remove("headers");
    body.insert("timestamp", JsonValue(std::int64_t(QDateTime::currentSecsSinceEpoch())));
    return body;
}

int bodhiCount(const QList<QByteArray> &archive)
{
    int n = 0;
    for (const QByteArray &m : archive) {
        const auto body = JsonParser::parse(std::string_view(m.constData(), m.size()));
        n += body && (*body)["topic"].toQString().contains(QStringLiteral(".bodhi.")) ? 1 : 0;
    }
    return n;
}

} // namespace

class TestCatchUpApplet : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void publisherBackAfter500ArchivedGivesOnePopup();
    void liveMessageDuringTheBackfillIsStoredOnce();
    void cancelKeepsWhatWasStoredAndSaysSo();
    void resumeFromSuspendCatchesUp();

private:
    /// The settings of a profile with one ZeroMQ bus (archive: the local datagrepper) and the
    /// rules: everything pops up but bodhi's messages, kept in the history only.
    Application::Options options();
    void openPublisher();
    /// Starts the applet, waits for the bus, sends one live message and waits for it stored.
    void startWithOneLiveMessage(Application &app);
    qint64 stored(Application &app) const;
    QStringList storedIds(Application &app) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DatagrepperTestServer> m_server;
    PublisherOptions m_publisherOptions;
    std::unique_ptr<Publisher> m_publisher;
    JsonValue m_liveSent;
};

void TestCatchUpApplet::init()
{
    if (qEnvironmentVariableIsEmpty("FEDMSG_HEADLESS_INNER"))
        QSKIP("needs the X display, tray and notification server of tests/run-headless.sh");
    m_dir = std::make_unique<QTemporaryDir>();
    qputenv("XDG_RUNTIME_DIR", m_dir->path().toLocal8Bit()); // own single-instance socket
    m_server = std::make_unique<DatagrepperTestServer>();
    m_publisherOptions = PublisherOptions {};
    m_publisherOptions.mode = PublisherOptions::Mode::Bind;
    m_publisherOptions.url = QStringLiteral("tcp://127.0.0.1:%1").arg(test::freeLoopbackPort());
    m_publisherOptions.lingerMs = 0;
    openPublisher();
}

void TestCatchUpApplet::cleanup()
{
    m_publisher.reset();
    m_server.reset();
}

void TestCatchUpApplet::openPublisher()
{
    m_publisher = std::make_unique<Publisher>(m_publisherOptions);
    QString error;
    QVERIFY2(m_publisher->open(&error), qPrintable(error));
}

Application::Options TestCatchUpApplet::options()
{
    Application::Options o;
    o.settingsPath = m_dir->filePath(QStringLiteral("settings.conf"));
    o.historyPath = m_dir->filePath(QStringLiteral("history.sqlite"));
    o.configDirs = { m_dir->filePath(QStringLiteral("no-fedmsg.d")) };
    Settings settings(o.settingsPath);
    BusConfig bus;
    bus.name = BusName;
    bus.label = QStringLiteral("Local test bus");
    bus.enabled = true;
    bus.transport = BusConfig::Transport::ZeroMq;
    bus.endpoints = { BusEndpoint { m_publisherOptions.url, {} } };
    bus.trust.validateSignatures = false;
    bus.archiveUrl = m_server->archiveUrl();
    settings.setBuses({ bus });
    rules::RuleSet set;
    set.defaultAction = rules::RuleAction::notify();
    QJsonObject quiet;
    quiet.insert(QStringLiteral("name"), QStringLiteral("Quiet bodhi"));
    quiet.insert(QStringLiteral("when"),
        QJsonObject { { QStringLiteral("field"), QStringLiteral("service") },
            { QStringLiteral("value"), QStringLiteral("bodhi") } });
    quiet.insert(QStringLiteral("then"), rules::RuleAction::historyOnly().toJson());
    rules::RuleError error;
    const std::optional<rules::Rule> rule = rules::Rule::fromJson(quiet, 0, nullptr, &error);
    if (rule)
        set.rules.append(*rule);
    else
        qWarning().noquote() << "test rule:" << error.toString();
    settings.setRulesJson(set.toJson());
    settings.setFedoraAccount(QStringLiteral("tester"));
    settings.sync();
    return o;
}

void TestCatchUpApplet::startWithOneLiveMessage(Application &app)
{
    QVERIFY(app.start());
    QVERIFY(app.catchUp());
    QTRY_COMPARE_WITH_TIMEOUT(app.tray()->state(), TrayIcon::State::Connected, 20000);
    const QString topic =
        m_publisher->fullTopic(QStringLiteral("buildsys"), QStringLiteral("build.state.change"));
    QVERIFY(m_publisher->waitForSubscriber(topic, 10000));
    QVERIFY(m_publisher->publish(QStringLiteral("buildsys"),
        QStringLiteral("build.state.change"),
        JsonValue::emptyObject(),
        nullptr,
        &m_liveSent));
    QTRY_COMPARE_WITH_TIMEOUT(stored(app), 1, 20000);
    QTRY_VERIFY(app.catchUp()->lastSeen(BusName).isValid());
}

qint64 TestCatchUpApplet::stored(Application &app) const
{
    HistoryQuery all;
    all.limit = 0;
    return app.history()->count(all);
}

QStringList TestCatchUpApplet::storedIds(Application &app) const
{
    HistoryQuery all;
    all.limit = 0;
    all.withBody = false;
    QStringList ids;
    for (const StoredMessage &m : app.history()->search(all))
        ids.append(m.msgId);
    return ids;
}

// Issue 18's acceptance: publisher stopped, 500 messages archived meanwhile, publisher back: all
// 500 in the history exactly once, one catch-up popup (in dunst too), the rules applied.
void TestCatchUpApplet::publisherBackAfter500ArchivedGivesOnePopup()
{
    Application app(options());
    QSignalSpy notified(&app, &Application::notified);
    startWithOneLiveMessage(app);
    QTRY_VERIFY_WITH_TIMEOUT(notified.count() >= 1, 10000); // the live one popped up
    QSignalSpy caughtUp(app.catchUp(), &CatchUp::caughtUp);
    const qsizetype before = notified.count();

    m_publisher.reset();
    QTRY_VERIFY_WITH_TIMEOUT(app.tray()->state() != TrayIcon::State::Connected, 20000);
    QList<QByteArray> archive { DatagrepperTestServer::archived(m_liveSent) };
    const QList<QByteArray> missed = DatagrepperTestServer::demoMessages(500);
    archive.append(missed);
    m_server->setMessages(archive);
    // dunst's history outlives this test (ctest --repeat, other tests): count what is added.
    const QString summary = QStringLiteral("500 message(s) while you were away");
    const int inDunstBefore = dunstPopupsWithSummary(summary);
    QVERIFY(inDunstBefore >= 0);
    openPublisher();

    QTRY_COMPARE_WITH_TIMEOUT(caughtUp.count(), 1, 60000);
    QTRY_VERIFY(!app.tray()->toolTip().contains(QStringLiteral("Catching up")));
    QCOMPARE(caughtUp.at(0).at(1).toInt(), 500);
    const int muted = bodhiCount(missed);
    QVERIFY(muted > 0);
    QCOMPARE(caughtUp.at(0).at(2).toInt(), 500 - muted); // "for you": bodhi's were not

    // All 500 once, next to the live one (stored: the COMMIT follows the ids).
    QTRY_COMPARE_WITH_TIMEOUT(stored(app), 501, 20000);
    const QStringList ids = storedIds(app);
    QCOMPARE(ids.size(), 501);
    const QSet<QString> unique(ids.cbegin(), ids.cend());
    QCOMPARE(unique.size(), 501);
    for (int i = 0; i < 500; ++i)
        QVERIFY(
            unique.contains(QStringLiteral("2026-archived-%1").arg(i, 5, 10, QLatin1Char('0'))));
    // The muted ones are stored all the same, decided "history only".
    HistoryQuery all;
    all.limit = 0;
    int bodhiStored = 0;
    for (const StoredMessage &m : app.history()->search(all))
        bodhiStored += m.topic.contains(QStringLiteral(".bodhi.")) ? 1 : 0;
    QCOMPARE(bodhiStored, muted);

    // One popup for the 500, none per message.
    QCOMPARE(notified.count() - before, 1);
    QCOMPARE(notified.last().at(0).toString(), summary);
    QTRY_COMPARE_WITH_TIMEOUT(dunstPopupsWithSummary(summary), inDunstBefore + 1, 10000);
    QCOMPARE(catchUpPopups(notified), 1);
}

// A message that arrives live while the archive is read is stored once (the archive's copy is a
// duplicate), pops up as live, and is not counted in the summary; the tooltip shows the progress.
void TestCatchUpApplet::liveMessageDuringTheBackfillIsStoredOnce()
{
    Application app(options());
    QSignalSpy notified(&app, &Application::notified);
    startWithOneLiveMessage(app);
    QSignalSpy caughtUp(app.catchUp(), &CatchUp::caughtUp);
    auto *cancel = app.tray()->menu()->findChild<QAction *>(QStringLiteral("cancelCatchUpAction"));
    QVERIFY(cancel);
    QVERIFY(!cancel->isVisible());

    m_publisher.reset();
    QTRY_VERIFY_WITH_TIMEOUT(app.tray()->state() != TrayIcon::State::Connected, 20000);
    QList<QByteArray> archive { DatagrepperTestServer::archived(m_liveSent) };
    const QList<QByteArray> missed = DatagrepperTestServer::demoMessages(300);
    archive.append(missed);
    m_server->setMessages(archive);
    m_server->addFault(2, DatagrepperTestServer::Fault::Held); // page 2 waits for the test
    openPublisher();

    // Page 1 is in: the tooltip says how far, the menu offers to cancel.
    QTRY_VERIFY_WITH_TIMEOUT(m_server->http().heldCount() == 1, 30000);
    QTRY_VERIFY2_WITH_TIMEOUT(
        app.tray()->toolTip().contains(QStringLiteral("Catching up on local: 100 of 301")),
        qPrintable(app.tray()->toolTip()),
        10000);
    QVERIFY(cancel->isVisible());

    // Message 150 (on the held page 2) comes live first.
    const QString id = QStringLiteral("2026-archived-00150");
    const QString topic =
        m_publisher->fullTopic(QStringLiteral("buildsys"), QStringLiteral("build.state.change"));
    QVERIFY(m_publisher->waitForSubscriber(topic, 10000));
    QVERIFY(m_publisher->sendBody(liveBody(missed.at(150))));
    QTRY_VERIFY_WITH_TIMEOUT(storedIds(app).contains(id), 20000);
    QCOMPARE(caughtUp.count(), 0);

    m_server->http().releaseAll();
    QTRY_COMPARE_WITH_TIMEOUT(caughtUp.count(), 1, 30000);
    QCOMPARE(caughtUp.at(0).at(1).toInt(), 299); // 300 missed, one of them came live
    QTRY_COMPARE_WITH_TIMEOUT(stored(app), 301, 20000);
    const QStringList ids = storedIds(app);
    QCOMPARE(ids.count(id), 1);
    QCOMPARE(ids.size(), 301);
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 301);
    QTRY_VERIFY(!app.tray()->toolTip().contains(QStringLiteral("Catching up")));
    QVERIFY(!cancel->isVisible());
    QCOMPARE(catchUpPopups(notified), 1);
    QCOMPARE(
        notified.last().at(0).toString(), QStringLiteral("299 message(s) while you were away"));
}

// "Cancel catch-up" in the tray menu: the paging stops, what came is kept, a popup says so.
void TestCatchUpApplet::cancelKeepsWhatWasStoredAndSaysSo()
{
    Application app(options());
    QSignalSpy notified(&app, &Application::notified);
    startWithOneLiveMessage(app);
    QSignalSpy caughtUp(app.catchUp(), &CatchUp::caughtUp);

    m_publisher.reset();
    QTRY_VERIFY_WITH_TIMEOUT(app.tray()->state() != TrayIcon::State::Connected, 20000);
    m_server->setMessages(DatagrepperTestServer::demoMessages(480));
    m_server->addFault(3, DatagrepperTestServer::Fault::Held);
    openPublisher();
    QTRY_VERIFY_WITH_TIMEOUT(m_server->http().heldCount() == 1, 30000);
    QTRY_VERIFY2_WITH_TIMEOUT(
        app.tray()->toolTip().contains(QStringLiteral("Catching up on local: 200 of 480")),
        qPrintable(app.tray()->toolTip()),
        10000);

    auto *cancel = app.tray()->menu()->findChild<QAction *>(QStringLiteral("cancelCatchUpAction"));
    QVERIFY(cancel && cancel->isVisible() && cancel->isEnabled());
    cancel->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(caughtUp.count(), 1, 30000);
    QCOMPARE(
        caughtUp.at(0).at(3).value<BackfillResult>().outcome, BackfillResult::Outcome::Cancelled);
    QCOMPARE(caughtUp.at(0).at(1).toInt(), 200);
    QTRY_COMPARE_WITH_TIMEOUT(stored(app), 201, 20000); // the live one, the two pages fetched
    QTRY_VERIFY(!app.tray()->toolTip().contains(QStringLiteral("Catching up")));
    QVERIFY(!cancel->isVisible());
    QCOMPARE(catchUpPopups(notified), 1);
    QCOMPARE(notified.last().at(0).toString(), QStringLiteral("Catch-up of local cancelled"));
    // Page 3 was never answered; nothing more was asked.
    QCOMPARE(m_server->requestsOfPage(4), 0);
}

// logind's PrepareForSleep(false) (resume): the applet asks the archive what it missed.
void TestCatchUpApplet::resumeFromSuspendCatchesUp()
{
    QDBusConnection fake =
        QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("fake-logind"));
    QVERIFY(fake.isConnected());
    QVERIFY(fake.registerService(QStringLiteral("org.freedesktop.login1")));
    const auto unregister = qScopeGuard([&fake] {
        fake.unregisterService(QStringLiteral("org.freedesktop.login1"));
        QDBusConnection::disconnectFromBus(QStringLiteral("fake-logind"));
    });

    Application app(options());
    QSignalSpy notified(&app, &Application::notified);
    startWithOneLiveMessage(app);
    QSignalSpy caughtUp(app.catchUp(), &CatchUp::caughtUp);
    // The applet's match rule for PrepareForSleep is in place once a call on its connection
    // (the system bus, here the session bus) was answered.
    QVERIFY(QDBusConnection::systemBus()
                .interface()
                ->isServiceRegistered(QStringLiteral("org.freedesktop.login1"))
                .value());

    // Asleep: the connection stays (the publisher kept running), but the messages went by.
    m_server->setMessages(DatagrepperTestServer::demoMessages(40));
    QVERIFY(!app.catchUp()->isRunning());
    QDBusMessage resumed = QDBusMessage::createSignal(QStringLiteral("/org/freedesktop/login1"),
        QStringLiteral("org.freedesktop.login1.Manager"),
        QStringLiteral("PrepareForSleep"));
    resumed.setArguments({ false });
    QVERIFY(fake.send(resumed));
    QTRY_COMPARE_WITH_TIMEOUT(caughtUp.count(), 1, 30000);
    QCOMPARE(caughtUp.at(0).at(1).toInt(), 40);
    QTRY_COMPARE_WITH_TIMEOUT(stored(app), 41, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(catchUpPopups(notified), 1, 10000);
    QCOMPARE(notified.last().at(0).toString(), QStringLiteral("40 message(s) while you were away"));
}

int main(int argc, char *argv[])
{
    // The harness's session bus doubles as the system bus (logind lives there for this test);
    // set before Qt opens the system bus.
    const QByteArray session = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    if (!session.isEmpty())
        qputenv("DBUS_SYSTEM_BUS_ADDRESS", session);
    QApplication app(argc, argv);
    QApplication::setQuitOnLastWindowClosed(false);
    TestCatchUpApplet test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestCatchUpApplet.moc"
