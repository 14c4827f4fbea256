// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The tray over StatusNotifierItem, what GNOME's AppIndicator extension and Plasma use (issue
// 17): this test is the panel. It owns org.kde.StatusNotifierWatcher on the harness's session
// bus with a registered host, starts the real fedmsg-notify (FEDMSG_NOTIFY_BIN) on the demo bus
// under Xvfb, waits for its item to register, reads the item's icon, tooltip and status over
// D-Bus, walks its menu over com.canonical.dbusmenu with the labels the user sees, and clicks
// entries through dbusmenu's Event: the history window appears on the X display, the pause
// shows in the menu, Quit ends the program and its item leaves the watcher.
//
// How Qt 6.4 picks the protocol: QSystemTrayIcon asks the platform theme for a D-Bus tray
// (QGenericUnixTheme, and the KDE and GNOME themes derived from it, all do it the same way):
// the first time, it reads org.kde.StatusNotifierWatcher's IsStatusNotifierHostRegistered and
// keeps the answer for the life of the process. True: StatusNotifierItem (QDBusTrayIcon); else
// XEmbed on xcb. So the watcher and its host must be on the bus before the program starts;
// neither QT_QPA_PLATFORMTHEME nor XDG_CURRENT_DESKTOP is needed (they are cleared below to show
// it). Tried: without the host Qt logs "D-Bus tray available: false" and docks in trayer over
// XEmbed; on the offscreen platform there is no tray at all, also with
// QT_QPA_PLATFORMTHEME=generic (the applet logs "no system tray"): hence xcb on Xvfb.

#include "PrivateHome.h"
#include "StatusNotifierWatcher.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusReply>
#include <QDBusVariant>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fedmsg;
using fedmsg::test::StatusNotifierWatcher;

namespace {

const QString ItemInterface = QStringLiteral("org.kde.StatusNotifierItem");
const QString ItemPath = QStringLiteral("/StatusNotifierItem");
const QString MenuInterface = QStringLiteral("com.canonical.dbusmenu");

/// One entry of a dbusmenu layout (GetLayout's (ia{sv}av), recursively).
struct MenuEntry
{
    int id = 0;
    QVariantMap properties;
    QList<MenuEntry> children;

    QString type() const { return properties.value(QStringLiteral("type")).toString(); }
    bool visible() const { return properties.value(QStringLiteral("visible"), true).toBool(); }
    bool enabled() const { return properties.value(QStringLiteral("enabled"), true).toBool(); }
    /// The label as the user sees it: dbusmenu marks the access key with '_', "__" is a '_'.
    QString shown() const
    {
        QString label = properties.value(QStringLiteral("label")).toString();
        QString out;
        for (qsizetype i = 0; i < label.size(); ++i) {
            if (label.at(i) == QLatin1Char('_') && i + 1 < label.size()) {
                out += label.at(++i) == QLatin1Char('_') ? QStringLiteral("_") : label.mid(i, 1);
                continue;
            }
            out += label.at(i);
        }
        return out;
    }
    /// The visible entries' labels, separators left out.
    QStringList shownLabels() const
    {
        QStringList labels;
        for (const MenuEntry &c : children)
            if (c.visible() && c.type() != QLatin1String("separator"))
                labels.append(c.shown());
        return labels;
    }
    const MenuEntry *find(const QString &label) const
    {
        for (const MenuEntry &c : children)
            if (c.shown() == label)
                return &c;
        return nullptr;
    }
};

MenuEntry readEntry(const QDBusArgument &arg)
{
    MenuEntry entry;
    arg.beginStructure();
    arg >> entry.id >> entry.properties;
    arg.beginArray();
    while (!arg.atEnd()) {
        QDBusVariant child;
        arg >> child;
        entry.children.append(readEntry(child.variant().value<QDBusArgument>()));
    }
    arg.endArray();
    arg.endStructure();
    return entry;
}

/// One icon of IconPixmap / ToolTip: width, height, ARGB32 in network byte order.
struct Pixmap
{
    int width = 0;
    int height = 0;
    QByteArray argb;
};

QList<Pixmap> readPixmaps(const QDBusArgument &arg)
{
    QList<Pixmap> out;
    arg.beginArray();
    while (!arg.atEnd()) {
        Pixmap p;
        arg.beginStructure();
        arg >> p.width >> p.height >> p.argb;
        arg.endStructure();
        out.append(p);
    }
    arg.endArray();
    return out;
}

int opaquePixels(const Pixmap &p)
{
    int n = 0;
    for (qsizetype i = 0; i + 3 < p.argb.size(); i += 4)
        if (quint8(p.argb.at(i)) > 0x80) // A of ARGB, network byte order
            ++n;
    return n;
}

/// Titles of the top-level windows mapped (viewable) on the X display.
bool windowIsViewable(const QString &title)
{
    QProcess tree;
    tree.start(QStringLiteral("xwininfo"), { QStringLiteral("-root"), QStringLiteral("-tree") });
    if (!tree.waitForFinished(5000))
        return false;
    // 0x1a00007 "Message history — fedmsg-notify": ("fedmsg-notify" "fedmsg-notify") ...
    const QRegularExpression line(
        QStringLiteral("^\\s*(0x[0-9a-f]+) \"") + QRegularExpression::escape(title),
        QRegularExpression::MultilineOption);
    for (auto it = line.globalMatch(QString::fromUtf8(tree.readAllStandardOutput()));
         it.hasNext();) {
        QProcess info;
        info.start(QStringLiteral("xwininfo"), { QStringLiteral("-id"), it.next().captured(1) });
        if (info.waitForFinished(5000)
            && info.readAllStandardOutput().contains("Map State: IsViewable"))
            return true;
    }
    return false;
}

} // namespace

class TestStatusNotifierItem : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void itemRegistersWithIconTooltipStatusAndMenu();

private:
    QVariant itemProperty(const QString &name);
    MenuEntry layout();
    void click(int id) { menuEvent(id, QStringLiteral("clicked")); }
    /// dbusmenu's Event(id, name) as a panel sends it, or AboutToShow(id) for "AboutToShow".
    void menuEvent(int id, const QString &name);

    std::unique_ptr<StatusNotifierWatcher> m_watcher;
    QString m_item; ///< the item's bus name
    QString m_menuPath;
};

void TestStatusNotifierItem::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("FEDMSG_HEADLESS_INNER"))
        QSKIP("needs the X display and private session bus of tests/run-headless.sh");
    QVERIFY2(QFileInfo::exists(qEnvironmentVariable("FEDMSG_NOTIFY_BIN")),
        "FEDMSG_NOTIFY_BIN must name the built fedmsg-notify");
    m_watcher = std::make_unique<StatusNotifierWatcher>();
    QString error;
    QVERIFY2(m_watcher->registerOn(QDBusConnection::sessionBus(), &error), qPrintable(error));
    QVERIFY(m_watcher->isHostRegistered());
}

// The calls to the applet wait with the event loop running (BlockWithGui): the watcher the
// applet talks to lives in this process, and a call that blocked it could wait for an applet
// that waits for the watcher (seen once in CI: 25 s, no reply).
QVariant TestStatusNotifierItem::itemProperty(const QString &name)
{
    QDBusMessage get = QDBusMessage::createMethodCall(
        m_item, ItemPath, QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    get << ItemInterface << name;
    const QDBusReply<QDBusVariant> reply =
        QDBusConnection::sessionBus().call(get, QDBus::BlockWithGui);
    if (!reply.isValid()) {
        qWarning() << "Get" << name << reply.error().message();
        return {};
    }
    return reply.value().variant();
}

MenuEntry TestStatusNotifierItem::layout()
{
    QDBusMessage call = QDBusMessage::createMethodCall(
        m_item, m_menuPath, MenuInterface, QStringLiteral("GetLayout"));
    call << 0 << -1 << QStringList();
    const QDBusMessage reply = QDBusConnection::sessionBus().call(call, QDBus::BlockWithGui);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() != 2) {
        qWarning() << "GetLayout:" << reply.errorMessage();
        return {};
    }
    return readEntry(reply.arguments().at(1).value<QDBusArgument>());
}

void TestStatusNotifierItem::menuEvent(int id, const QString &name)
{
    const bool aboutToShow = name == QLatin1String("AboutToShow");
    QDBusMessage call = QDBusMessage::createMethodCall(
        m_item, m_menuPath, MenuInterface, aboutToShow ? name : QStringLiteral("Event"));
    call << id;
    if (!aboutToShow)
        call << name << QVariant::fromValue(QDBusVariant(QString())) << uint(0);
    const QDBusMessage reply = QDBusConnection::sessionBus().call(call, QDBus::BlockWithGui);
    QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));
}

void TestStatusNotifierItem::itemRegistersWithIconTooltipStatusAndMenu()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString home = dir.path();
    QVERIFY(test::makePrivateHome(home));

    QSignalSpy registered(m_watcher.get(), &StatusNotifierWatcher::StatusNotifierItemRegistered);
    QSignalSpy unregistered(
        m_watcher.get(), &StatusNotifierWatcher::StatusNotifierItemUnregistered);
    QProcess applet;
    QProcessEnvironment env = test::privateHomeEnvironment(home);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    env.remove(QStringLiteral("QT_QPA_PLATFORMTHEME"));
    env.remove(QStringLiteral("XDG_CURRENT_DESKTOP"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("qt.qpa.tray.debug=true"));
    applet.setProcessEnvironment(env);
    QByteArray log;
    connect(&applet, &QProcess::readyReadStandardError, this, [&] {
        log += applet.readAllStandardError();
    });
    const auto stop = qScopeGuard([&applet] {
        if (applet.state() != QProcess::NotRunning) {
            applet.kill();
            applet.waitForFinished(5000);
        }
    });
    // --background: the tray only (no welcome); --demo: messages from the embedded demo bus.
    applet.start(qEnvironmentVariable("FEDMSG_NOTIFY_BIN"),
        { QStringLiteral("--demo"), QStringLiteral("--background") });
    QVERIFY2(applet.waitForStarted(10000), qPrintable(applet.errorString()));

    QTRY_VERIFY2_WITH_TIMEOUT(!registered.isEmpty(),
        qPrintable(QStringLiteral("no item registered with the watcher; the applet said:\n")
            + QString::fromUtf8(log)),
        20000);
    m_item = registered.first().first().toString();
    // Qt registers its connection's unique name (the item is at /StatusNotifierItem there).
    QCOMPARE(QDBusConnection::sessionBus().interface()->servicePid(m_item).value(),
        uint(applet.processId()));
    QCOMPARE(m_watcher->registeredItems(), QStringList { m_item });

    // The item: what a panel reads to draw it.
    QCOMPARE(itemProperty(QStringLiteral("Status")).toString(), QStringLiteral("Active"));
    QCOMPARE(
        itemProperty(QStringLiteral("Category")).toString(), QStringLiteral("ApplicationStatus"));
    QCOMPARE(itemProperty(QStringLiteral("Id")).toString(), QStringLiteral("fedmsg-notify"));
    QVERIFY(!itemProperty(QStringLiteral("Title")).toString().isEmpty());
    // The state is drawn into the icon (no theme name): pixmaps at 16 and 32 px at least,
    // whole ARGB32 images with something drawn in them.
    const QList<Pixmap> pixmaps =
        readPixmaps(itemProperty(QStringLiteral("IconPixmap")).value<QDBusArgument>());
    QVERIFY(!pixmaps.isEmpty());
    QStringList widths;
    for (const Pixmap &p : pixmaps) {
        QCOMPARE(p.argb.size(), qsizetype(p.width) * p.height * 4);
        QVERIFY2(opaquePixels(p) > p.width, qPrintable(QString::number(p.width)));
        widths.append(QString::number(p.width));
    }
    QVERIFY2(widths.contains(QStringLiteral("16")) && widths.contains(QStringLiteral("32")),
        qPrintable(widths.join(QLatin1Char(' '))));

    // The tooltip (icon name, icon, title, text): the program and its bus state; the demo bus
    // connects and its messages arrive.
    QString tipTitle;
    QTRY_VERIFY2_WITH_TIMEOUT(
        [&] {
            const auto tip = itemProperty(QStringLiteral("ToolTip")).value<QDBusArgument>();
            QString iconName;
            QString text;
            tip.beginStructure();
            tip >> iconName;
            (void)readPixmaps(tip);
            tip >> tipTitle >> text;
            tip.endStructure();
            return tipTitle.contains(QStringLiteral(": connected — last message"));
        }(),
        qPrintable(tipTitle),
        20000);
    QVERIFY2(tipTitle.startsWith(QStringLiteral("fedmsg-notify — Connected to 1 endpoint")),
        qPrintable(tipTitle));

    // The menu over com.canonical.dbusmenu, as the panel shows it.
    m_menuPath = itemProperty(QStringLiteral("Menu")).value<QDBusObjectPath>().path();
    QVERIFY2(!m_menuPath.isEmpty() && m_menuPath != QLatin1String("/"), qPrintable(m_menuPath));
    MenuEntry root = layout();
    QStringList labels = root.shownLabels();
    QVERIFY2(labels.size() == 8, qPrintable(labels.join(QLatin1Char('|'))));
    QVERIFY2(labels.first().startsWith(QStringLiteral("Connect")), qPrintable(labels.first()));
    QVERIFY(!root.find(labels.first())->enabled()); // the status line is not an action
    QCOMPARE(labels.mid(1),
        QStringList({ QStringLiteral("Recent messages"),
            QStringLiteral("Pause notifications"),
            QStringLiteral("Mark all read"),
            QStringLiteral("History…"),
            QStringLiteral("Preferences…"),
            QStringLiteral("About"),
            QStringLiteral("Quit") }));
    const MenuEntry *pause = root.find(QStringLiteral("Pause notifications"));
    QCOMPARE(pause->properties.value(QStringLiteral("children-display")).toString(),
        QStringLiteral("submenu"));
    QCOMPARE(pause->shownLabels(),
        QStringList({ QStringLiteral("For 1 hour"),
            QStringLiteral("Until tomorrow"),
            QStringLiteral("Until resumed") }));
    // Hidden until paused: present, not visible.
    QVERIFY(root.find(QStringLiteral("Resume notifications")));
    QVERIFY(!root.find(QStringLiteral("Resume notifications"))->visible());
    // The demo's messages are listed under Recent messages once the panel opens the menu (its
    // rows are made when the menu is about to show: AboutToShow, then "closed" after).
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            menuEvent(0, QStringLiteral("AboutToShow"));
            const bool listed =
                !layout().find(QStringLiteral("Recent messages"))->shownLabels().isEmpty();
            menuEvent(0, QStringLiteral("closed"));
            return listed;
        }(),
        20000);

    // History… clicked in the panel's menu: the history window on the X display.
    QVERIFY(!windowIsViewable(QStringLiteral("Message history")));
    click(root.find(QStringLiteral("History…"))->id);
    QTRY_VERIFY_WITH_TIMEOUT(windowIsViewable(QStringLiteral("Message history")), 20000);

    // Pause > Until resumed: the menu, read again, offers Resume instead of Pause.
    click(pause->find(QStringLiteral("Until resumed"))->id);
    QTRY_VERIFY_WITH_TIMEOUT(
        layout().find(QStringLiteral("Resume notifications"))->visible(), 10000);
    root = layout();
    QVERIFY(!root.find(QStringLiteral("Pause notifications"))->visible());
    QVERIFY(root.shownLabels().contains(QStringLiteral("Resume notifications")));

    // Quit: the program ends cleanly and its item leaves the watcher.
    click(root.find(QStringLiteral("Quit"))->id);
    QVERIFY2(applet.waitForFinished(30000), "the applet did not quit");
    QCOMPARE(applet.exitStatus(), QProcess::NormalExit);
    QCOMPARE(applet.exitCode(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(unregistered.size(), 1, 10000);
    QCOMPARE(unregistered.first().first().toString(), m_item);
    QVERIFY(m_watcher->registeredItems().isEmpty());
    log += applet.readAllStandardError();
    // Qt said which tray it chose (without the host: "false", and XEmbed in trayer).
    QVERIFY2(log.contains("qt.qpa.tray: D-Bus tray available: true"), log.constData());
}

QTEST_GUILESS_MAIN(TestStatusNotifierItem)
#include "TestStatusNotifierItem.moc"
