// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// "Mute…" and "Why?" on a popup, end to end under tests/run-headless.sh: a real ZeroMQ publisher
// on 127.0.0.1 (the bus, from the settings file), the whole applet, and a real dunst. dunst 1.9
// invokes a notification's other actions only from its context menu (`dunstctl context`), which
// it shows through the `dmenu` program of its configuration: the test runs its own dunst (the
// harness's is stopped and started again afterwards) whose dmenu is a script that keeps the
// menu dunst offers and answers with the line the test picked. dunst then sends ActionInvoked
// to the applet itself, as it does for a person's choice.
#include "Application.h"
#include "LoopbackEndpoint.h"
#include "TrayIcon.h"

#include "engine/Engine.h"
#include "engine/RuleStorage.h"
#include "history/History.h"
#include "history/HistoryQuery.h"
#include "history/StoredMessage.h"
#include "rules/Rule.h"
#include "rules/RuleAction.h"
#include "rules/RuleDecision.h"
#include "rules/RuleError.h"
#include "rules/RuleExplainer.h"
#include "rules/RuleSet.h"
#include "settings/Settings.h"
#include "zeromq/Publisher.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace fedmsg;

namespace {

const QString Service = QStringLiteral("org.freedesktop.Notifications");
const QString BusName = QStringLiteral("local");
const QString ShownRuleName = QStringLiteral("Bodhi comments pop up");

QDBusConnectionInterface *bus()
{
    return QDBusConnection::sessionBus().interface();
}

bool serverRegistered()
{
    return bus() != nullptr && bus()->isServiceRegistered(Service).value();
}

QString dunstctl(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("dunstctl"), args);
    if (!p.waitForFinished(10000) || p.exitCode() != 0)
        return QStringLiteral("(dunstctl %1 failed)").arg(args.join(QLatin1Char(' ')));
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

QString displayed()
{
    return dunstctl({ QStringLiteral("count"), QStringLiteral("displayed") });
}

QMessageBox *visibleMessageBox(const QString &title)
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *box = qobject_cast<QMessageBox *>(w);
            box != nullptr && box->isVisible() && box->windowTitle() == title)
            return box;
    return nullptr;
}

} // namespace

class TestNotificationActions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void whyAndMuteThroughDunst();

private:
    /// One ZeroMQ bus (the test's publisher), everything pops up, and a rule of the user's
    /// deciding for bodhi's messages (so "Why?" has a rule to name).
    Application::Options options();
    /// Opens dunst's context menu with @p pick chosen; returns the menu dunst offered.
    QStringList chooseInContextMenu(const QString &pick);
    void publishComment(const QString &text, JsonValue *sent);
    static StoredMessage storedMessage(Application &app, const QString &msgId);

    QTemporaryDir m_dunstDir;
    QProcess m_dunst;
    std::unique_ptr<QTemporaryDir> m_dir;
    PublisherOptions m_publisherOptions;
    std::unique_ptr<Publisher> m_publisher;
};

// NOLINTNEXTLINE(readability-function-cognitive-complexity): QTest's macros are branches
void TestNotificationActions::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("FEDMSG_HEADLESS_INNER"))
        QSKIP("needs the X display, tray and notification server of tests/run-headless.sh");
    QVERIFY2(serverRegistered(), "needs the notification server (dunst) of tests/run-headless.sh");
    QVERIFY(m_dunstDir.isValid());

    // The dmenu stand-in: keeps what dunst offers, answers with the first line that starts
    // with the test's pick.
    const QString script = m_dunstDir.filePath(QStringLiteral("pick.sh"));
    QFile s(script);
    QVERIFY(s.open(QIODevice::WriteOnly));
    s.write(QStringLiteral("#!/bin/sh\n"
                           "dir='%1'\n"
                           "cat > \"$dir/menu.tmp\"\n"
                           "pick=$(cat \"$dir/pick\")\n"
                           "awk -v p=\"$pick\" 'index($0, p) == 1 && !done { print; done = 1 }' "
                           "\"$dir/menu.tmp\"\n"
                           "mv \"$dir/menu.tmp\" \"$dir/menu.txt\"\n")
                .arg(m_dunstDir.path())
                .toUtf8());
    s.close();
    QVERIFY(s.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    QFile config(m_dunstDir.filePath(QStringLiteral("dunstrc")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(QStringLiteral("[global]\n    dmenu = %1\n").arg(script).toUtf8());
    config.close();

    // The harness's dunst gives the name up; ours takes it.
    const uint pid = bus()->servicePid(Service).value();
    QVERIFY(pid > 0);
    QCOMPARE(::kill(static_cast<pid_t>(pid), SIGTERM), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!serverRegistered(), 10000);
    m_dunst.setProcessChannelMode(QProcess::ForwardedChannels);
    m_dunst.start(QStringLiteral("dunst"),
        { QStringLiteral("-config"),
            config.fileName(),
            QStringLiteral("-verbosity"),
            QStringLiteral("warn") });
    QVERIFY(m_dunst.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(serverRegistered(), 10000);
    QCOMPARE(qint64(bus()->servicePid(Service).value()), m_dunst.processId());
}

// NOLINTNEXTLINE(readability-function-cognitive-complexity): QTest's macros are branches
void TestNotificationActions::cleanupTestCase()
{
    if (m_dunst.state() != QProcess::NotRunning) {
        m_dunst.terminate();
        m_dunst.waitForFinished(10000);
    }
    // Leave the harness's server (D-Bus activated, default configuration) for the next tests.
    QTRY_VERIFY_WITH_TIMEOUT(!serverRegistered(), 10000);
    if (bus() != nullptr && bus()->activatableServiceNames().value().contains(Service))
        bus()->startService(Service);
}

void TestNotificationActions::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    qputenv("XDG_RUNTIME_DIR", m_dir->path().toLocal8Bit()); // own single-instance socket
    m_publisherOptions = PublisherOptions {};
    m_publisherOptions.mode = PublisherOptions::Mode::Bind;
    m_publisherOptions.url = QStringLiteral("tcp://127.0.0.1:%1").arg(test::freeLoopbackPort());
    m_publisherOptions.lingerMs = 0;
    m_publisher = std::make_unique<Publisher>(m_publisherOptions);
    QString error;
    QVERIFY2(m_publisher->open(&error), qPrintable(error));
    dunstctl({ QStringLiteral("close-all") });
}

void TestNotificationActions::cleanup()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (qobject_cast<QMessageBox *>(w))
            w->close();
    m_publisher.reset();
    dunstctl({ QStringLiteral("close-all") });
}

Application::Options TestNotificationActions::options()
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
    settings.setBuses({ bus });
    rules::RuleSet set;
    set.defaultAction = rules::RuleAction::notify();
    // Sticky: dunst would close the popup after its timeout, before the test opens its menu.
    rules::RuleAction sticky = rules::RuleAction::notify();
    sticky.sticky = true;
    const QJsonObject shown {
        { QStringLiteral("name"), ShownRuleName },
        { QStringLiteral("when"),
            QJsonObject { { QStringLiteral("field"), QStringLiteral("service") },
                { QStringLiteral("value"), QStringLiteral("bodhi") } } },
        { QStringLiteral("then"), sticky.toJson() },
    };
    rules::RuleError error;
    const std::optional<rules::Rule> rule = rules::Rule::fromJson(shown, 0, nullptr, &error);
    if (rule)
        set.rules.append(*rule);
    else
        qWarning().noquote() << "test rule:" << error.toString();
    settings.setRulesJson(set.toJson());
    settings.setFedoraAccount(QStringLiteral("tester"));
    settings.sync();
    return o;
}

QStringList TestNotificationActions::chooseInContextMenu(const QString &pick)
{
    QFile::remove(m_dunstDir.filePath(QStringLiteral("menu.txt")));
    QFile p(m_dunstDir.filePath(QStringLiteral("pick")));
    if (!p.open(QIODevice::WriteOnly))
        return {};
    p.write(pick.toUtf8());
    p.close();
    dunstctl({ QStringLiteral("context") });
    QFile menu(m_dunstDir.filePath(QStringLiteral("menu.txt")));
    if (!QTest::qWaitFor(
            [&menu] {
                return menu.exists();
            },
            10000)
        || !menu.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(menu.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

void TestNotificationActions::publishComment(const QString &text, JsonValue *sent)
{
    JsonValue msg = JsonValue::emptyObject();
    JsonValue comment = JsonValue::emptyObject();
    comment.insert("text", JsonValue(text));
    comment.insert("user", JsonValue(std::string("kalev")));
    msg.insert("comment", comment);
    QString error;
    QVERIFY2(m_publisher->publish(
                 QStringLiteral("bodhi"), QStringLiteral("update.comment"), msg, &error, sent),
        qPrintable(error));
}

StoredMessage TestNotificationActions::storedMessage(Application &app, const QString &msgId)
{
    HistoryQuery q;
    q.msgId = msgId;
    const QList<StoredMessage> found = app.history()->search(q);
    return found.isEmpty() ? StoredMessage {} : found.constFirst();
}

// NOLINTNEXTLINE(readability-function-cognitive-complexity): QTest's macros are branches
void TestNotificationActions::whyAndMuteThroughDunst()
{
    const Application::Options o = options();
    Application app(o);
    QSignalSpy muted(&app, &Application::muted);
    QSignalSpy notified(&app, &Application::notified);
    QVERIFY(app.start());
    QTRY_COMPARE_WITH_TIMEOUT(app.tray()->state(), TrayIcon::State::Connected, 20000);
    const QString topic =
        m_publisher->fullTopic(QStringLiteral("bodhi"), QStringLiteral("update.comment"));
    QVERIFY(m_publisher->waitForSubscriber(topic, 10000));

    // 1. A comment pops up; dunst offers at most three actions for it, "Mute…" and "Why?" too.
    JsonValue first;
    publishComment(QStringLiteral("first"), &first);
    const QString firstId = first["msg_id"].toQString();
    QVERIFY(!firstId.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(displayed(), QStringLiteral("1"), 20000);
    const QStringList menu = chooseInContextMenu(QStringLiteral("#Why?"));
    const QString joined = menu.join(QLatin1Char('\n'));
    QVERIFY2(!menu.isEmpty(), "dunst showed no context menu");
    qInfo().noquote() << "dunst's context menu:" << joined;
    const auto actions = std::count_if(menu.cbegin(), menu.cend(), [](const QString &line) {
        return line.startsWith(QLatin1Char('#'));
    });
    QVERIFY2(actions <= 3, qPrintable(joined));
    QVERIFY2(menu.filter(QRegularExpression(QStringLiteral("^#Mute… "))).size() == 1,
        qPrintable(joined));
    QVERIFY2(menu.filter(QRegularExpression(QStringLiteral("^#Why\\? "))).size() == 1,
        qPrintable(joined));

    // 2. "Why?": a window with the explanation of the deciding rule, the user's.
    const QString whyTitle = QStringLiteral("Why this notification?");
    QTRY_VERIFY_WITH_TIMEOUT(visibleMessageBox(whyTitle), 10000);
    // Readable once committed: within HistoryOptions::commitDelay (10 s by default).
    QTRY_COMPARE_WITH_TIMEOUT(
        storedMessage(app, firstId).decision, QStringLiteral("notify"), 30000);
    const StoredMessage firstStored = storedMessage(app, firstId);
    const std::optional<rules::RuleDecision> decision =
        rules::RuleDecision::fromCompactJson(firstStored.decisionRule);
    QVERIFY(decision);
    const QString expected =
        rules::RuleExplainer::sentence(app.engine()->rulesStage().rules(), *decision);
    QVERIFY2(expected.contains(ShownRuleName), qPrintable(expected));
    QCOMPARE(visibleMessageBox(whyTitle)->text(), expected);
    visibleMessageBox(whyTitle)->close();
    // The applet closes the popup after the action (dunst 1.9 keeps it open).
    QTRY_COMPARE_WITH_TIMEOUT(displayed(), QStringLiteral("0"), 10000);

    // 3. A second comment: "Mute…", then "For 1 hour" in the chooser, with the keyboard.
    JsonValue second;
    publishComment(QStringLiteral("second"), &second);
    QTRY_COMPARE_WITH_TIMEOUT(displayed(), QStringLiteral("1"), 20000);
    QVERIFY(!chooseInContextMenu(QStringLiteral("#Mute…")).isEmpty());
    const QString muteTitle = QStringLiteral("Mute similar messages");
    QTRY_VERIFY_WITH_TIMEOUT(visibleMessageBox(muteTitle), 10000);
    QMessageBox *chooser = visibleMessageBox(muteTitle);
    QPushButton *oneHour = nullptr;
    for (QAbstractButton *b : chooser->buttons())
        if (b->text() == QStringLiteral("For 1 hour"))
            oneHour = qobject_cast<QPushButton *>(b);
    QVERIFY(oneHour);
    const QDateTime chosenAt = QDateTime::currentDateTimeUtc();
    QTest::keyClick(oneHour, Qt::Key_Space);
    QTRY_COMPARE(muted.size(), 1);
    const QString ruleId = muted.at(0).at(0).toString();
    QCOMPARE(ruleId, QStringLiteral("mute-bodhi-update-comment"));

    // The rule is in the settings file, first of the user's rules (editable like any other).
    {
        Settings stored(o.settingsPath);
        const StoredRules read = RuleStorage::load(stored, &app.engine()->rulesStage().catalog());
        QVERIFY(read.errors.isEmpty());
        QVERIFY(!read.rules.rules.isEmpty());
        const rules::Rule &rule = read.rules.rules.constFirst();
        QCOMPARE(rule.id, ruleId);
        QCOMPARE(rule.action.kind, rules::RuleAction::Kind::Mute);
        QVERIFY(rule.action.muteUntil >= chosenAt.addSecs(3600 - 5));
        QVERIFY(rule.action.muteUntil <= QDateTime::currentDateTimeUtc().addSecs(3600 + 5));
        QCOMPARE(read.rules.rules.value(1).name, ShownRuleName);
    }

    // 4. A similar comment: kept in the history, decided "mute", and no popup in dunst. A
    // message of another service follows it: once that one is in dunst, the muted one would
    // have been there before it.
    QVERIFY(!notified.isEmpty()); // the confirmation: "Mute Bodhi — …"
    QVERIFY2(notified.last().at(0).toString().startsWith(QStringLiteral("Mute ")),
        qPrintable(notified.last().at(0).toString()));
    dunstctl({ QStringLiteral("close-all") });
    QTRY_COMPARE_WITH_TIMEOUT(displayed(), QStringLiteral("0"), 10000);
    const int historyBefore =
        dunstctl({ QStringLiteral("count"), QStringLiteral("history") }).toInt();
    JsonValue third;
    publishComment(QStringLiteral("third"), &third);
    const QString thirdId = third["msg_id"].toQString();
    QTRY_COMPARE_WITH_TIMEOUT(storedMessage(app, thirdId).decision, QStringLiteral("mute"), 30000);
    QVERIFY(m_publisher->publish(QStringLiteral("buildsys"),
        QStringLiteral("build.state.change"),
        JsonValue::emptyObject()));
    QTRY_COMPARE_WITH_TIMEOUT(displayed(), QStringLiteral("1"), 20000);
    dunstctl({ QStringLiteral("close-all") });
    QTRY_COMPARE_WITH_TIMEOUT(displayed(), QStringLiteral("0"), 10000);
    QCOMPARE(dunstctl({ QStringLiteral("count"), QStringLiteral("history") }).toInt(),
        historyBefore + 1); // the build's popup only
    const QJsonArray history =
        QJsonDocument::fromJson(dunstctl({ QStringLiteral("history") }).toUtf8())
            .object()
            .value(QStringLiteral("data"))
            .toArray()
            .at(0)
            .toArray();
    const QString newest = history.at(0)
                               .toObject()
                               .value(QStringLiteral("summary"))
                               .toObject()
                               .value(QStringLiteral("data"))
                               .toString();
    QVERIFY2(!newest.isEmpty() && !newest.startsWith(QStringLiteral("Bodhi")), qPrintable(newest));
}

QTEST_MAIN(TestNotificationActions)
#include "TestNotificationActions.moc"
