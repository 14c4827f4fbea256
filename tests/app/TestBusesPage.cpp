// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The preferences' Buses page driven with real key events on xcb under the headless harness,
// over the whole applet: a ZeroMQ bus added through the dialog receives from a real publisher on
// 127.0.0.1, an AMQP bus from the test RabbitMQ; "Test connection" really connects; imports
// from a fedmsg.d folder and a config.toml in a temporary directory.
#include "../LoopbackEndpoint.h"
#include "../amqp/AmqpTestBroker.h"
#include "Application.h"
#include "BusEditorDialog.h"
#include "BusesPage.h"
#include "PreferencesDialog.h"
#include "amqp/AmqpPublisher.h"
#include "demo/DemoBus.h"
#include "engine/Engine.h"
#include "model/BusListModel.h"
#include "rules/RulesStage.h"
#include "settings/Settings.h"
#include "zeromq/Publisher.h"

#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUuid>

#include <algorithm>
#include <memory>

using namespace fedmsg;
using Field = BusFieldError::Field;

class TestBusesPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void addZeroMqBusWithTheKeyboardAndReceiveFromARealPublisher();
    void addAmqpBusAndReceiveFromTheBroker();
    void testConnectionSucceedsAndFailsWithTheReason();
    void testAmqpConnectionSucceedsAndFailsWithTheReason();
    void badEndpointIsRefusedAtTheField();
    void importFedmsgFolderThroughTheFileChooser();
    void importConfigToml();
    void switchOffAndRemoveWithTheKeyboard();
    void untrustedPolicyFollowsTheEngine();
    void everyControlHasAnAccessibleName();
    void curveClientKeyComesFromTheKeychain();
    void unsignedMessagesFollowThePolicyEndToEnd();
    void presetsAreTheOnesTheAppletReads();
    void demoModeShowsTheDemoBusReadOnly();

private:
    Application::Options options() const;
    /// Starts the applet, opens the preferences on the Buses page with Ctrl+PgDown.
    BusesPage *openBusesPage(Application &app);
    /// Opens the editor with Alt+A (Add…) and waits until it has the keyboard.
    BusEditorDialog *addWithTheKeyboard(BusesPage *page);
    /// The editor, once it is open and has the keyboard.
    BusEditorDialog *waitForEditor(BusesPage *page);
    QString settingsText() const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {
void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget *focus = QApplication::focusWidget();
    QVERIFY(focus);
    QTest::keyClick(focus, key, modifiers);
}

/// Moves to a field by its label's mnemonic and types @p text over what is there.
void typeAt(Qt::Key mnemonic, const QString &text)
{
    press(mnemonic, Qt::AltModifier);
    press(Qt::Key_A, Qt::ControlModifier);
    press(Qt::Key_Backspace);
    QTest::keyClicks(QApplication::focusWidget(), text);
}

void writeFile(const QString &path, const QByteArray &contents)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(contents), contents.size());
}

PreferencesDialog *openDialog()
{
    const auto windows = QApplication::topLevelWidgets();
    for (QWidget *w : windows)
        if (auto *d = qobject_cast<PreferencesDialog *>(w); d && d->isVisible())
            return d;
    return nullptr;
}

QString endpointState(const BusListModel *model, const QString &bus, int endpoint = 0)
{
    const int row = model->rowOf(bus);
    if (row < 0)
        return {};
    return model
        ->index(endpoint, BusListModel::StateColumn, model->index(row, BusListModel::LabelColumn))
        .data()
        .toString();
}

bool hasBus(const Settings &settings, const QString &name)
{
    const QList<BusConfig> buses = settings.buses({});
    return std::any_of(buses.begin(), buses.end(), [&](const BusConfig &b) {
        return b.name == name;
    });
}
} // namespace

void TestBusesPage::init()
{
    if (qEnvironmentVariableIsEmpty("FEDMSG_HEADLESS_INNER"))
        QSKIP("needs the X display, tray and session bus of tests/run-headless.sh");
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    qputenv("XDG_RUNTIME_DIR", m_dir->path().toLocal8Bit()); // own single-instance socket
}

void TestBusesPage::cleanup()
{
    m_dir.reset();
}

Application::Options TestBusesPage::options() const
{
    Application::Options o;
    o.settingsPath = m_dir->filePath(QStringLiteral("settings.conf"));
    o.historyPath = m_dir->filePath(QStringLiteral("history.sqlite"));
    o.configDirs = { m_dir->filePath(QStringLiteral("no-fedmsg.d")) };
    o.systemConfigDir = m_dir->filePath(QStringLiteral("no-etc-fedmsg.d"));
    return o;
}

QString TestBusesPage::settingsText() const
{
    QFile f(m_dir->filePath(QStringLiteral("settings.conf")));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

BusesPage *TestBusesPage::openBusesPage(Application &app)
{
    if (!app.start())
        return nullptr;
    app.showPreferences();
    if (!QTest::qWaitFor([] {
            return openDialog() != nullptr;
        }))
        return nullptr;
    PreferencesDialog *dialog = openDialog();
    dialog->activateWindow();
    if (!QTest::qWaitForWindowActive(dialog))
        return nullptr;
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageDown, Qt::ControlModifier);
    if (dialog->currentPage() != PreferencesDialog::Buses)
        return nullptr;
    auto *page = dialog->findChild<BusesPage *>();
    page->busView()->setFocus();
    return page;
}

BusEditorDialog *TestBusesPage::addWithTheKeyboard(BusesPage *page)
{
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::AltModifier);
    return waitForEditor(page);
}

BusEditorDialog *TestBusesPage::waitForEditor(BusesPage *page)
{
    if (!QTest::qWaitFor([page] {
            return page->editor() != nullptr;
        }))
        return nullptr;
    BusEditorDialog *editor = page->editor();
    // Keys go to the editor once it is the active window and holds the keyboard focus.
    if (!QTest::qWaitFor([editor] {
            QWidget *focus = QApplication::focusWidget();
            return QApplication::activeWindow() == editor && focus != nullptr
                && editor->isAncestorOf(focus);
        }))
        return nullptr;
    return editor;
}

void TestBusesPage::addZeroMqBusWithTheKeyboardAndReceiveFromARealPublisher()
{
    PublisherOptions po;
    po.mode = PublisherOptions::Mode::Bind;
    po.url = test::freeLoopbackEndpoint();
    Publisher publisher(po);
    QString error;
    QVERIFY2(publisher.open(&error), qPrintable(error));

    Application app(options());
    BusesPage *page = openBusesPage(app);
    QVERIFY(page);
    BusEditorDialog *editor = addWithTheKeyboard(page);
    QVERIFY(editor);
    QCOMPARE(QApplication::focusWidget(), editor->kindBox()); // a new bus starts at its kind
    QCOMPARE(editor->kindBox()->currentIndex(), 0); // fedmsg (ZeroMQ)
    typeAt(Qt::Key_N, QStringLiteral("loopback"));
    typeAt(Qt::Key_L, QStringLiteral("Loopback publisher"));
    typeAt(Qt::Key_D, po.url);
    QCOMPARE(QApplication::focusWidget(), editor->endpointsEdit());
    press(Qt::Key_N, Qt::AltModifier);
    QSignalSpy sourcesChanged(app.engine(), &Engine::sourcesChanged);
    press(Qt::Key_Return); // OK
    QTRY_VERIFY(page->editor() == nullptr);

    // Saved through Settings, and the running engine started the bus's source at once.
    Settings saved(options().settingsPath, Settings::Mode::ReadOnly);
    QVERIFY(hasBus(saved, QStringLiteral("loopback")));
    QVERIFY(settingsText().contains(po.url));
    QVERIFY(!sourcesChanged.isEmpty());
    const QList<BusConfig> running = app.engine()->buses();
    const auto bus = std::find_if(running.begin(), running.end(), [](const BusConfig &b) {
        return b.name == QLatin1String("loopback");
    });
    QVERIFY(bus != running.end());
    QVERIFY(bus->enabled);
    QCOMPARE(bus->endpoints.value(0).url, po.url);

    // Its endpoint's live state reaches the page.
    QTRY_COMPARE_WITH_TIMEOUT(endpointState(page->model(), QStringLiteral("loopback")),
        QStringLiteral("connected"),
        10000);
    QCOMPARE(
        page->model()
            ->index(page->model()->rowOf(QStringLiteral("loopback")), BusListModel::StateColumn)
            .data()
            .toString(),
        QStringLiteral("connected"));

    // A message from the real publisher arrives through the new bus.
    const QString topic = publisher.fullTopic(QStringLiteral("busespage"), QStringLiteral("hello"));
    QVERIFY(publisher.waitForSubscriber(topic, 10000));
    QSignalSpy stored(app.engine(), &Engine::messagesStored);
    QVERIFY2(publisher.publish(QStringLiteral("busespage"),
                 QStringLiteral("hello"),
                 JsonValue(JsonValue::Object { { "text", JsonValue(QStringLiteral("hi")) } }),
                 &error),
        qPrintable(error));
    QVERIFY(stored.wait(10000));
    const auto messages = stored.first().at(0).value<QList<EngineMessage>>();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.first().record.envelope.topic(), topic);
}

void TestBusesPage::addAmqpBusAndReceiveFromTheBroker()
{
    test::AmqpTestBroker broker;
    FEDMSG_REQUIRE_BROKER(broker);
    const QString topic = QStringLiteral("org.fedoraproject.test.busespage.")
        + QUuid::createUuid().toString(QUuid::Id128);

    Application app(options());
    BusesPage *page = openBusesPage(app);
    QVERIFY(page);
    BusEditorDialog *editor = addWithTheKeyboard(page);
    QVERIFY(editor);
    press(Qt::Key_Down); // kind: fedora-messaging (AMQP)
    QCOMPARE(editor->kindBox()->currentIndex(), 1);
    QVERIFY(editor->amqpUrlEdit()->isVisible());
    QVERIFY(!editor->endpointsEdit()->isVisible());
    typeAt(Qt::Key_N, QStringLiteral("broker"));
    typeAt(Qt::Key_U, broker.tlsUrl());
    typeAt(Qt::Key_A, broker.value("FEDMSG_TEST_BROKER_CA"));
    QCOMPARE(QApplication::focusWidget(), editor->caCertEdit());
    typeAt(Qt::Key_C, broker.value("FEDMSG_TEST_BROKER_CLIENT_CERT"));
    typeAt(Qt::Key_Y, broker.value("FEDMSG_TEST_BROKER_CLIENT_KEY"));
    QCOMPARE(QApplication::focusWidget(), editor->keyEdit());
    typeAt(Qt::Key_O, topic);
    QCOMPARE(QApplication::focusWidget(), editor->topicsEdit());
    press(Qt::Key_N, Qt::AltModifier);
    press(Qt::Key_Return);
    QTRY_VERIFY(page->editor() == nullptr);
    const int row = page->model()->rowOf(QStringLiteral("broker"));
    QVERIFY(row >= 0);
    QCOMPARE(page->model()->buses().at(row).transport, BusConfig::Transport::Amqp);
    QCOMPARE(page->model()->buses().at(row).topics, QStringList { topic });

    QTRY_COMPARE_WITH_TIMEOUT(
        endpointState(page->model(), QStringLiteral("broker")), QStringLiteral("connected"), 20000);
    // Connected means the queue is bound: the message is routed to it.
    AmqpPublisher publisher(broker.publisherOptions());
    QString error;
    QVERIFY2(publisher.connect(&error), qPrintable(error));
    AmqpOutgoingMessage m;
    m.topic = topic + QStringLiteral(".ping");
    m.schema = QStringLiteral("test.v1");
    QSignalSpy stored(app.engine(), &Engine::messagesStored);
    QVERIFY2(!publisher.publish(m, &error).isEmpty(), qPrintable(error));
    QVERIFY(stored.wait(20000));
    const auto messages = stored.first().at(0).value<QList<EngineMessage>>();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.first().record.envelope.topic(), m.topic);
}

void TestBusesPage::testConnectionSucceedsAndFailsWithTheReason()
{
    PublisherOptions po;
    po.mode = PublisherOptions::Mode::Bind;
    po.url = test::freeLoopbackEndpoint();
    Publisher publisher(po);
    QString error;
    QVERIFY2(publisher.open(&error), qPrintable(error));

    Application app(options());
    BusesPage *page = openBusesPage(app);
    QVERIFY(page);
    BusEditorDialog *editor = addWithTheKeyboard(page);
    QVERIFY(editor);
    QSignalSpy tested(editor, &BusEditorDialog::connectionTested);
    typeAt(Qt::Key_D, po.url);
    press(Qt::Key_T, Qt::AltModifier);
    QVERIFY(tested.wait(20000));
    QCOMPARE(tested.first().at(0).toBool(), true);
    QCOMPARE(
        editor->testResult()->text(), QStringLiteral("Connected: connected to %1").arg(po.url));

    // Nobody listens there: refused, and the reason is the system's.
    const QString closed = test::freeLoopbackEndpoint();
    typeAt(Qt::Key_D, closed);
    tested.clear();
    press(Qt::Key_T, Qt::AltModifier);
    QVERIFY(tested.wait(20000));
    QCOMPARE(tested.first().at(0).toBool(), false);
    QVERIFY2(editor->testResult()->text().startsWith(QStringLiteral("Failed: ") + closed),
        qPrintable(editor->testResult()->text()));
    QVERIFY2(editor->testResult()->text().contains(QStringLiteral("refused")),
        qPrintable(editor->testResult()->text()));

    // Testing saves nothing; Escape leaves without saving.
    press(Qt::Key_Escape);
    QTRY_VERIFY(page->editor() == nullptr);
    QVERIFY(!settingsText().contains(closed));
    QVERIFY(!settingsText().contains(po.url));
}

void TestBusesPage::testAmqpConnectionSucceedsAndFailsWithTheReason()
{
    test::AmqpTestBroker broker;
    FEDMSG_REQUIRE_BROKER(broker);
    Application app(options());
    BusesPage *page = openBusesPage(app);
    QVERIFY(page);
    BusEditorDialog *editor = addWithTheKeyboard(page);
    QVERIFY(editor);
    press(Qt::Key_Down);
    QSignalSpy tested(editor, &BusEditorDialog::connectionTested);
    typeAt(Qt::Key_U, broker.tlsUrl());
    typeAt(Qt::Key_A, broker.value("FEDMSG_TEST_BROKER_CA"));
    typeAt(Qt::Key_C, broker.value("FEDMSG_TEST_BROKER_CLIENT_CERT"));
    typeAt(Qt::Key_Y, broker.value("FEDMSG_TEST_BROKER_CLIENT_KEY"));
    press(Qt::Key_T, Qt::AltModifier);
    QVERIFY(tested.wait(30000));
    QVERIFY2(tested.first().at(0).toBool(), qPrintable(editor->testResult()->text()));
    QVERIFY2(editor->testResult()->text().startsWith(QStringLiteral("Connected: logged in to")),
        qPrintable(editor->testResult()->text()));

    // A client certificate of another CA: the broker refuses the connection, and says why.
    typeAt(Qt::Key_C,
        test::vectorCertDir() + QStringLiteral("bodhi-app01.phx2.fedoraproject.org.crt"));
    typeAt(Qt::Key_Y,
        test::vectorCertDir() + QStringLiteral("bodhi-app01.phx2.fedoraproject.org.key"));
    tested.clear();
    press(Qt::Key_T, Qt::AltModifier);
    QVERIFY(tested.wait(30000));
    QCOMPARE(tested.first().at(0).toBool(), false);
    const QString text = editor->testResult()->text();
    qInfo().noquote() << "AMQP test with a foreign client certificate:" << text;
    QVERIFY2(text.startsWith(QStringLiteral("Failed: amqps://")), qPrintable(text));
    QVERIFY2(text.section(QStringLiteral("public_pubsub: "), 1).size() > 5, qPrintable(text));
    // A password in the URL is refused at the field: the settings file holds no secrets.
    typeAt(Qt::Key_U,
        QStringLiteral("amqp://someone:secret@%1:%2").arg(broker.host()).arg(broker.tcpPort())
            + QStringLiteral("/%2Fpublic_pubsub"));
    tested.clear();
    press(Qt::Key_T, Qt::AltModifier);
    QTRY_COMPARE(tested.size(), 1); // a mnemonic clicks, animated
    QVERIFY(editor->errorAt(Field::Endpoints).contains(QStringLiteral("password")));
    QVERIFY(!editor->errorAt(Field::Endpoints).contains(QStringLiteral("secret")));
    press(Qt::Key_Escape);
    QTRY_VERIFY(page->editor() == nullptr);
}

void TestBusesPage::badEndpointIsRefusedAtTheField()
{
    Application app(options());
    BusesPage *page = openBusesPage(app);
    QVERIFY(page);
    const QString before = settingsText();
    BusEditorDialog *editor = addWithTheKeyboard(page);
    QVERIFY(editor);
    typeAt(Qt::Key_N, QStringLiteral("broken"));
    typeAt(Qt::Key_D, QStringLiteral("tcp://127.0.0.1"));
    typeAt(Qt::Key_S, QStringLiteral("tooshort"));
    press(Qt::Key_N, Qt::AltModifier);
    press(Qt::Key_Return);
    // Still open, the reason under each wrong field, the focus on the first one.
    QVERIFY(page->editor() == editor);
    QVERIFY(editor->isVisible());
    QCOMPARE(editor->errorAt(Field::Endpoints),
        QStringLiteral("tcp://127.0.0.1: the port is missing (tcp://host:port)"));
    QCOMPARE(editor->errorAt(Field::CurveServerKey),
        QStringLiteral("a CURVE key is 40 Z85 characters; this one has 8"));
    QCOMPARE(editor->endpointsEdit()->accessibleDescription(), editor->errorAt(Field::Endpoints));
    QCOMPARE(QApplication::focusWidget(), editor->endpointsEdit());
    QCOMPARE(editor->errorAt(Field::Name), QString());
    // A name that is taken is refused too.
    typeAt(Qt::Key_D, QStringLiteral("tcp://127.0.0.1:99999"));
    typeAt(Qt::Key_S, QString());
    press(Qt::Key_N, Qt::AltModifier);
    press(Qt::Key_Return);
    QCOMPARE(editor->errorAt(Field::Endpoints),
        QStringLiteral("tcp://127.0.0.1:99999: the port must be 1 to 65535"));
    QCOMPARE(editor->errorAt(Field::CurveServerKey), QString());
    press(Qt::Key_Escape);
    QTRY_VERIFY(page->editor() == nullptr);
    QCOMPARE(settingsText(), before);
    QVERIFY(page->model()->rowOf(QStringLiteral("broken")) < 0);
}

void TestBusesPage::importFedmsgFolderThroughTheFileChooser()
{
    const QString folder = m_dir->filePath(QStringLiteral("imported.d"));
    QVERIFY(QDir().mkpath(folder));
    writeFile(folder + QStringLiteral("/endpoints.py"),
        "config = dict(\n"
        "    endpoints={'relay_outbound': ['tcp://127.0.0.1:9940']},\n"
        "    validate_signatures=False,\n"
        ")\n");
    const QString broken = m_dir->filePath(QStringLiteral("broken.d"));
    QVERIFY(QDir().mkpath(broken));
    writeFile(broken + QStringLiteral("/ssl.py"), "config = dict(validate_signatures=\n");

    Application app(options());
    BusesPage *page = openBusesPage(app);
    QVERIFY(page);
    // A folder that cannot be read whole is refused with the file and line.
    QVERIFY(!page->importFedmsgFolder(broken));
    QVERIFY2(page->messageLabel()->text().contains(QStringLiteral("ssl.py:")),
        qPrintable(page->messageLabel()->text()));
    QVERIFY(page->model()->rowOf(QStringLiteral("fedmsg.d")) < 0);

    // Alt+F opens the chooser; the folder is typed and Enter takes it.
    press(Qt::Key_F, Qt::AltModifier);
    QTRY_VERIFY(page->fileDialog());
    QFileDialog *chooser = page->fileDialog();
    QVERIFY(QTest::qWaitForWindowActive(chooser));
    auto *name = chooser->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
    QVERIFY(name);
    QTRY_COMPARE(QApplication::focusWidget(), name);
    QTest::keyClicks(name, folder);
    press(Qt::Key_Return);
    QTRY_VERIFY(page->fileDialog() == nullptr);
    const int row = page->model()->rowOf(QStringLiteral("fedmsg.d"));
    QVERIFY2(row >= 0, qPrintable(page->messageLabel()->text()));
    const BusConfig bus = page->model()->buses().at(row);
    QCOMPARE(bus.transport, BusConfig::Transport::ZeroMq);
    QCOMPARE(bus.endpoints.value(0).url, QStringLiteral("tcp://127.0.0.1:9940"));
    QVERIFY(!bus.trust.validateSignatures);
    Settings saved(options().settingsPath, Settings::Mode::ReadOnly);
    QVERIFY(hasBus(saved, QStringLiteral("fedmsg.d")));
    // Again: a second bus, under a name of its own.
    QVERIFY(page->importFedmsgFolder(folder));
    QVERIFY(page->model()->rowOf(QStringLiteral("fedmsg.d-2")) >= 0);
}

void TestBusesPage::importConfigToml()
{
    const QString path = m_dir->filePath(QStringLiteral("config.toml"));
    writeFile(path,
        "amqp_url = \"amqps://broker.example:5671/%2Fpublic_pubsub\"\n"
        "[tls]\n"
        "ca_cert = \"/etc/fedora-messaging/cacert.pem\"\n"
        "keyfile = \"/etc/fedora-messaging/fedora-key.pem\"\n"
        "certfile = \"/etc/fedora-messaging/fedora-cert.pem\"\n"
        "[[bindings]]\n"
        "queue = \"q\"\n"
        "exchange = \"amq.topic\"\n"
        "routing_keys = [\"org.fedoraproject.prod.bodhi.#\"]\n");
    const QString bad = m_dir->filePath(QStringLiteral("bad.toml"));
    writeFile(bad, "amqp_url = \n");

    Application app(options());
    BusesPage *page = openBusesPage(app);
    QVERIFY(page);
    QVERIFY(!page->importToml(bad));
    QVERIFY2(page->messageLabel()->text().contains(QStringLiteral("bad.toml:1")),
        qPrintable(page->messageLabel()->text()));

    press(Qt::Key_T, Qt::AltModifier);
    QTRY_VERIFY(page->fileDialog());
    QFileDialog *chooser = page->fileDialog();
    QVERIFY(QTest::qWaitForWindowActive(chooser));
    auto *name = chooser->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
    QTRY_COMPARE(QApplication::focusWidget(), name);
    QTest::keyClicks(name, path);
    press(Qt::Key_Return);
    QTRY_VERIFY(page->fileDialog() == nullptr);
    const int row = page->model()->rowOf(QStringLiteral("fedora-messaging-imported"));
    QVERIFY2(row >= 0, qPrintable(page->messageLabel()->text()));
    const BusConfig bus = page->model()->buses().at(row);
    QCOMPARE(bus.transport, BusConfig::Transport::Amqp);
    QCOMPARE(bus.endpoints.value(0).url, QStringLiteral("amqps://broker.example/%2Fpublic_pubsub"));
    QCOMPARE(bus.amqp.certFile, QStringLiteral("/etc/fedora-messaging/fedora-cert.pem"));
    QCOMPARE(bus.topics, QStringList { QStringLiteral("org.fedoraproject.prod.bodhi.#") });
    QVERIFY(settingsText().contains(QStringLiteral("broker.example")));
}

void TestBusesPage::switchOffAndRemoveWithTheKeyboard()
{
    Application app(options());
    BusesPage *page = openBusesPage(app);
    QVERIFY(page);
    const QString folder = m_dir->filePath(QStringLiteral("imported.d"));
    QVERIFY(QDir().mkpath(folder));
    writeFile(folder + QStringLiteral("/endpoints.py"),
        "config = dict(endpoints={'a': ['tcp://127.0.0.1:9941']}, validate_signatures=False)\n");
    QVERIFY(page->importFedmsgFolder(folder));
    page->busView()->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), page->busView());
    const int row = page->model()->rowOf(QStringLiteral("fedmsg.d"));
    QCOMPARE(page->busView()->currentIndex().row(), row); // the imported bus is selected
    QVERIFY(page->model()->buses().at(row).enabled);
    QTRY_VERIFY(app.engine()->sourceCount() >= 1);
    const int sources = app.engine()->sourceCount();

    press(Qt::Key_Space); // off
    QVERIFY(!page->model()->buses().at(row).enabled);
    QCOMPARE(app.engine()->sourceCount(), sources - 1);
    {
        Settings saved(options().settingsPath, Settings::Mode::ReadOnly);
        const QList<BusConfig> buses = saved.buses({});
        QVERIFY(std::any_of(buses.begin(), buses.end(), [](const BusConfig &b) {
            return b.name == QLatin1String("fedmsg.d") && !b.enabled;
        }));
    }
    press(Qt::Key_Space); // on again
    QCOMPARE(app.engine()->sourceCount(), sources);

    // Enter edits, Escape leaves; Delete removes (presets cannot be removed).
    press(Qt::Key_Return);
    BusEditorDialog *editor = waitForEditor(page);
    QVERIFY(editor);
    QVERIFY(editor->nameEdit()->isReadOnly());
    QCOMPARE(editor->endpointsEdit()->toPlainText(), QStringLiteral("tcp://127.0.0.1:9941"));
    press(Qt::Key_Escape);
    QTRY_VERIFY(page->editor() == nullptr);
    page->window()->activateWindow(); // the window manager's part: no window manager here
    QTRY_COMPARE(QApplication::focusWidget(), page->busView()); // the page gave it back
    press(Qt::Key_Delete);
    QCOMPARE(page->model()->rowOf(QStringLiteral("fedmsg.d")), -1);
    QCOMPARE(app.engine()->sourceCount(), sources - 1);
    QVERIFY(!settingsText().contains(QStringLiteral("9941")));
    // Presets left as they come are not written to the file (they follow the program).
    QVERIFY2(!settingsText().contains(QStringLiteral("rabbitmq.fedoraproject.org")),
        qPrintable(settingsText()));
    page->busView()->setCurrentIndex(page->model()->index(0, 0));
    QVERIFY(!page->removeButton()->isEnabled()); // the first row is a preset
}

void TestBusesPage::untrustedPolicyFollowsTheEngine()
{
    Application app(options());
    BusesPage *page = openBusesPage(app);
    QVERIFY(page);
    QCOMPARE(page->untrustedBox()->currentData().toString(), QStringLiteral("history"));
    press(Qt::Key_U, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), page->untrustedBox());
    press(Qt::Key_Up);
    QCOMPARE(page->untrustedBox()->currentData().toString(), QStringLiteral("hide"));
    QCOMPARE(app.engine()->rulesStage().context().untrusted, rules::UntrustedPolicy::Hide);
    QCOMPARE(Settings(options().settingsPath, Settings::Mode::ReadOnly).untrustedPolicy(),
        QStringLiteral("hide"));
    press(Qt::Key_Down);
    press(Qt::Key_Down);
    QCOMPARE(app.engine()->rulesStage().context().untrusted, rules::UntrustedPolicy::ShowMarked);
}

// The page lists the presets the running applet uses: the fedmsg.d folders it reads (--config
// included, not only /etc/fedmsg.d and ~/.fedmsg.d), fedora-messaging's config.toml where
// fedora-messaging keeps it, Fedora's public broker; the same buses as the engine runs.
void TestBusesPage::presetsAreTheOnesTheAppletReads()
{
    const QString config = m_dir->filePath(QStringLiteral("xdg-config"));
    QVERIFY(QDir().mkpath(config + QStringLiteral("/fedora-messaging")));
    writeFile(config + QStringLiteral("/fedora-messaging/config.toml"),
        "amqp_url = \"amqps://127.0.0.1:1/%2Fpublic_pubsub\"\n"
        "[[bindings]]\n"
        "queue = \"q\"\n"
        "exchange = \"amq.topic\"\n"
        "routing_keys = [\"org.fedoraproject.prod.koji.#\"]\n");
    const QByteArray oldConfig = qgetenv("XDG_CONFIG_HOME");
    qputenv("XDG_CONFIG_HOME", config.toLocal8Bit());
    const auto restore = qScopeGuard([&] {
        qputenv("XDG_CONFIG_HOME", oldConfig);
    });
    const QString fedmsgD = m_dir->filePath(QStringLiteral("cli-fedmsg.d"));
    QVERIFY(QDir().mkpath(fedmsgD));
    const QString endpoint = test::freeLoopbackEndpoint();
    writeFile(fedmsgD + QStringLiteral("/endpoints.py"),
        "config = dict(endpoints={'here': ['" + endpoint.toUtf8()
            + "']}, validate_signatures=False)\n");
    Application::Options o = options();
    o.configDirs = { fedmsgD }; // fedmsg-notify --config DIR

    Application app(o);
    BusesPage *page = openBusesPage(app);
    QVERIFY(page);
    const BusListModel *model = page->model();
    // The --config folder's bus, as a preset (it cannot be removed, only switched off).
    const int row = model->rowOf(QStringLiteral("fedmsg.d"));
    QVERIFY2(row >= 0, "the bus of the applet's --config folder is not on the page");
    QCOMPARE(model->buses().at(row).endpoints.value(0).url, endpoint);
    page->busView()->setCurrentIndex(model->index(row, BusListModel::LabelColumn));
    QVERIFY(!page->removeButton()->isEnabled());
    // fedora-messaging's own config.toml, and Fedora's public broker.
    const int toml = model->rowOf(QStringLiteral("fedora-messaging-imported"));
    QVERIFY(toml >= 0);
    QCOMPARE(model->buses().at(toml).topics,
        QStringList { QStringLiteral("org.fedoraproject.prod.koji.#") });
    const int fedora = model->rowOf(QStringLiteral("fedora-messaging"));
    QVERIFY(fedora >= 0);
    QVERIFY(model->buses().at(fedora).endpoints.value(0).url.contains(
        QStringLiteral("rabbitmq.fedoraproject.org")));
    // Exactly the buses the engine runs.
    QStringList shown;
    for (const BusConfig &b : model->buses())
        shown.append(b.name);
    QStringList running;
    for (const BusConfig &b : app.engine()->buses())
        running.append(b.name);
    shown.sort();
    running.sort();
    QCOMPARE(shown, running);
    // Switching the --config bus off reaches the engine, and stays a preset: saved as off only.
    page->busView()->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), page->busView());
    press(Qt::Key_Space);
    QVERIFY(!model->buses().at(row).enabled);
    const QList<BusConfig> now = app.engine()->buses();
    const auto bus = std::find_if(now.begin(), now.end(), [](const BusConfig &b) {
        return b.name == QLatin1String("fedmsg.d");
    });
    QVERIFY(bus != now.end());
    QVERIFY(!bus->enabled);
}

// Under --demo the applet receives only from its embedded demo bus: the page shows that bus
// (its live state), says so, and changes nothing (no tick, no add, edit, remove or import).
void TestBusesPage::demoModeShowsTheDemoBusReadOnly()
{
    Application::Options o = options();
    o.demo = true;
    Application app(o);
    BusesPage *page = openBusesPage(app);
    QVERIFY(page);
    QVERIFY(app.demoBus());
    QVERIFY(page->isDemo());
    const BusListModel *model = page->model();
    QCOMPARE(model->buses().size(), 1);
    const BusConfig shown = model->buses().first();
    QCOMPARE(shown.name, app.demoBus()->busConfig().name);
    QCOMPARE(shown.endpoints.value(0).url, app.demoBus()->endpoint());
    QVERIFY2(page->messageLabel()->text().contains(QStringLiteral("--demo")),
        qPrintable(page->messageLabel()->text()));
    QTRY_COMPARE_WITH_TIMEOUT(endpointState(model, shown.name), QStringLiteral("connected"), 10000);
    for (QPushButton *b : { page->addButton(),
             page->editButton(),
             page->removeButton(),
             page->importFedmsgButton(),
             page->importTomlButton() })
        QVERIFY2(!b->isEnabled(), qPrintable(b->accessibleName()));
    // Space does not switch it off, Enter opens no editor, Delete removes nothing.
    QTRY_COMPARE(QApplication::focusWidget(), page->busView());
    QCOMPARE(page->busView()->currentIndex().row(), 0);
    press(Qt::Key_Space);
    QVERIFY(model->buses().first().enabled);
    press(Qt::Key_Return);
    press(Qt::Key_Delete);
    QCOMPARE(model->buses().size(), 1);
    QVERIFY(page->editor() == nullptr);
    QVERIFY(!page->importFedmsgFolder(m_dir->path()));
    QVERIFY(!settingsText().contains(QStringLiteral("[Buses]")));
    QVERIFY(app.engine()->sourceCount() >= 1);
}

void TestBusesPage::everyControlHasAnAccessibleName()
{
    Application app(options());
    BusesPage *page = openBusesPage(app);
    QVERIFY(page);
    BusEditorDialog *editor = addWithTheKeyboard(page);
    QVERIFY(editor);
    QStringList unnamed;
    for (QWidget *root : { static_cast<QWidget *>(page), static_cast<QWidget *>(editor) }) {
        const auto widgets = root->findChildren<QWidget *>();
        for (QWidget *w : widgets) {
            if (w->focusPolicy() == Qt::NoFocus)
                continue;
            if (qobject_cast<QComboBox *>(w->parentWidget()))
                continue; // the combo box's own parts
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
            if (w->accessibleName().isEmpty()
                && (iface == nullptr || iface->text(QAccessible::Name).isEmpty()))
                unnamed.append(
                    QString::fromLatin1(w->metaObject()->className()) + u' ' + w->objectName());
        }
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    press(Qt::Key_Escape);
}

void TestBusesPage::curveClientKeyComesFromTheKeychain()
{
    Application app(options());
    BusesPage *page = openBusesPage(app);
    QVERIFY(page);
    BusEditorDialog *editor = addWithTheKeyboard(page);
    QVERIFY(editor);
    typeAt(Qt::Key_N, QStringLiteral("curve-") + QUuid::createUuid().toString(QUuid::Id128));
    press(Qt::Key_Y, Qt::AltModifier); // Show client key
    QTRY_VERIFY_WITH_TIMEOUT(!editor->clientKeyEdit()->text().isEmpty(), 20000);
    const QString publicKey = editor->clientKeyEdit()->text();
    QVERIFY2(publicKey.size() == 40, qPrintable(publicKey)); // Z85, from the keychain
    // Asked again: the same pair (kept, not made anew).
    editor->clientKeyEdit()->clear();
    press(Qt::Key_Y, Qt::AltModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!editor->clientKeyEdit()->text().isEmpty(), 20000);
    QCOMPARE(editor->clientKeyEdit()->text(), publicKey);
    typeAt(Qt::Key_D, QStringLiteral("tcp://127.0.0.1:9942"));
    press(Qt::Key_N, Qt::AltModifier);
    press(Qt::Key_Return);
    QTRY_VERIFY(page->editor() == nullptr);
    QVERIFY(settingsText().contains(QStringLiteral("9942")));
    QVERIFY(!settingsText().contains(publicKey)); // keys live in the keychain only
}

void TestBusesPage::unsignedMessagesFollowThePolicyEndToEnd()
{
    PublisherOptions po;
    po.mode = PublisherOptions::Mode::Bind;
    po.url = test::freeLoopbackEndpoint();
    Publisher publisher(po); // unsigned: no certificate
    QString error;
    QVERIFY2(publisher.open(&error), qPrintable(error));

    Application app(options());
    BusesPage *page = openBusesPage(app);
    QVERIFY(page);
    BusEditorDialog *editor = addWithTheKeyboard(page);
    QVERIFY(editor);
    typeAt(Qt::Key_N, QStringLiteral("checked"));
    typeAt(Qt::Key_D, po.url);
    QVERIFY(!editor->validateBox()->isChecked());
    press(Qt::Key_V, Qt::AltModifier); // Validate signatures (a mnemonic clicks, animated)
    QTRY_VERIFY(editor->validateBox()->isChecked());
    typeAt(Qt::Key_A, test::vectorCertDir() + QStringLiteral("ca.crt"));
    press(Qt::Key_N, Qt::AltModifier);
    press(Qt::Key_Return);
    QTRY_VERIFY(page->editor() == nullptr);
    page->window()->activateWindow();
    QTRY_VERIFY(QApplication::focusWidget() && page->isAncestorOf(QApplication::focusWidget()));

    // Hide: the unsigned message is kept with the decision "drop".
    press(Qt::Key_U, Qt::AltModifier);
    press(Qt::Key_Up);
    QCOMPARE(page->untrustedBox()->currentData().toString(), QStringLiteral("hide"));
    const QString topic =
        publisher.fullTopic(QStringLiteral("busespage"), QStringLiteral("unsigned"));
    QVERIFY(publisher.waitForSubscriber(topic, 10000));
    QSignalSpy stored(app.engine(), &Engine::messagesStored);
    const auto publishOne = [&]() -> EngineMessage {
        stored.clear();
        QString why;
        if (!publisher.publish(QStringLiteral("busespage"),
                QStringLiteral("unsigned"),
                JsonValue(JsonValue::Object {}),
                &why)
            || !stored.wait(10000))
            return {};
        return stored.first().at(0).value<QList<EngineMessage>>().value(0);
    };
    EngineMessage m = publishOne();
    QCOMPARE(m.record.envelope.trust(), TrustState::Untrusted);
    QCOMPARE(m.record.decision, QStringLiteral("drop"));
    // History only (the default).
    press(Qt::Key_Down);
    QCOMPARE(page->untrustedBox()->currentData().toString(), QStringLiteral("history"));
    m = publishOne();
    QCOMPARE(m.record.envelope.trust(), TrustState::Untrusted);
    QCOMPARE(m.record.decision, Engine::decisionHistoryOnly());
}

QTEST_MAIN(TestBusesPage)
#include "TestBusesPage.moc"
