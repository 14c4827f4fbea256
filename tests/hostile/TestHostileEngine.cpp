// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The applet's message path with real components in-process (the bus imported from a fedmsg.d
// folder as the applet imports it, Engine, ZmqSource, the built-in Renderer, History on SQLite)
// against the real hostile_publisher process, one case at a time. Every good message is stored
// exactly once and trusted, nothing forged is trusted, the genuine message is never hidden by an
// earlier unsigned copy, only http(s) links are accepted, and what the notifier sends to the
// real notification server of the harness (dunst) holds no control or bidi character and no
// unescaped markup.
#include "HostileHarness.h"
#include "config/FedmsgConfigReader.h"
#include "engine/Engine.h"
#include "history/History.h"
#include "notify/DBusNotifier.h"
#include "render/Renderer.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fedmsg;
using namespace fedmsg::test;

namespace {

QString dunstctl(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("dunstctl"), args);
    if (!p.waitForFinished(5000))
        return {};
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

/// What dunst received, newest first: (summary, body) of each closed notification.
QList<std::pair<QString, QString>> dunstHistory()
{
    QList<std::pair<QString, QString>> out;
    const QJsonDocument doc =
        QJsonDocument::fromJson(dunstctl({ QStringLiteral("history") }).toUtf8());
    for (const auto &v : doc.object().value(QStringLiteral("data")).toArray().at(0).toArray()) {
        const QJsonObject o = v.toObject();
        out.append({ o.value(QStringLiteral("summary"))
                         .toObject()
                         .value(QStringLiteral("data"))
                         .toString(),
            o.value(QStringLiteral("body")).toObject().value(QStringLiteral("data")).toString() });
    }
    return out;
}

/// Markup left in a body the server parses as markup: a raw tag, or '&' that starts no entity.
QString unescapedMarkup(const QString &body)
{
    static const QRegularExpression entity(
        QStringLiteral("^&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);"));
    for (qsizetype i = 0; i < body.size(); ++i) {
        if (body.at(i) == QLatin1Char('<') || body.at(i) == QLatin1Char('>'))
            return body.mid(std::max<qsizetype>(0, i - 40), 80);
        if (body.at(i) == QLatin1Char('&') && !entity.match(body.mid(i, 12)).hasMatch())
            return body.mid(std::max<qsizetype>(0, i - 40), 80);
    }
    return {};
}

/// Ids of the good messages whose text is hostile (not the plain numbered ones).
bool isPlainGood(const QString &id)
{
    return id.startsWith(QLatin1String("HX-good-")) || id.startsWith(QLatin1String("HX-flood-"))
        || id == QLatin1String("HX-end");
}

} // namespace

class TestHostileEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void hostilePublisher_data();
    void hostilePublisher();
};

void TestHostileEngine::initTestCase()
{
    QVERIFY2(QFile::exists(hostilePublisherBin()),
        "FEDMSG_HOSTILE_PUBLISHER_BIN must name the built hostile_publisher");
    auto *iface = QDBusConnection::sessionBus().interface();
    QVERIFY2(iface
            && iface->isServiceRegistered(QStringLiteral("org.freedesktop.Notifications")).value(),
        "needs the notification server (dunst) of tests/run-headless.sh");
}

void TestHostileEngine::cleanup()
{
    dunstctl({ QStringLiteral("close-all") });
}

void TestHostileEngine::hostilePublisher_data()
{
    QTest::addColumn<QString>("hostileCase");
    for (const QString &c : hostileCases())
        QTest::newRow(qPrintable(c)) << c;
}

void TestHostileEngine::hostilePublisher()
{
    QFETCH(QString, hostileCase);
    const bool flood = hostileCase == QLatin1String("flood");

    QTemporaryDir dir;
    HostilePublisherProcess publisher;
    QString error;
    QVERIFY2(publisher.start({ hostileCase }, 50000, &error), qPrintable(error));
    const QString fedmsgD = dir.filePath(QStringLiteral("fedmsg.d"));
    QVERIFY(writeHostileFedmsgD(fedmsgD, publisher.manifest().endpoint));

    HistoryOptions options;
    options.databasePath = dir.filePath(QStringLiteral("history.sqlite"));
    options.commitDelay = std::chrono::milliseconds(10); // no need to wait for the window
    options.maxCount = 0; // the flood is 50 000 messages: retention must not remove any of them
    History history(options);
    Renderer renderer;
    Engine engine(&history, &renderer);
    // What the applet would notify, and what it must never show.
    QList<EngineMessage> toNotify;
    QString endId;
    bool endStored = false;
    QStringList badLinks;
    connect(&engine, &Engine::messagesStored, this, [&](const QList<EngineMessage> &batch) {
        for (const EngineMessage &m : batch) {
            const QString id = firstHostileId(m.record.envelope.msgId());
            endStored = endStored || (!endId.isEmpty() && id == endId);
            const QString link = m.record.rendering.link;
            const QUrl accepted = DBusNotifier::safeLink(link);
            const QString plain = link.trimmed().toLower();
            const bool looksHttp = plain.startsWith(QLatin1String("http://"))
                || plain.startsWith(QLatin1String("https://"));
            if (!accepted.isEmpty()
                && (!looksHttp
                    || (accepted.scheme() != QLatin1String("http")
                        && accepted.scheme() != QLatin1String("https"))
                    || accepted.host().isEmpty()))
                badLinks << link;
            if (m.record.decision == Engine::decisionNotify() && !isPlainGood(id))
                toNotify.append(m);
        }
    });
    const QList<BusConfig> buses = FedmsgConfigReader::importedBuses({ fedmsgD });
    QCOMPARE(buses.size(), 1);
    QVERIFY(buses.first().trust.validateSignatures);
    engine.setBuses(buses);
    QCOMPARE(engine.sourceCount(), 1);

    QVERIFY2(publisher.waitUntilDone(flood ? 300000 : 60000), qPrintable(publisher.errors()));
    endId = publisher.manifest().end;
    HistoryQuery last;
    last.msgId = endId;
    const int storeTimeoutMs = flood ? 600000 : 60000; // a variable: QTRY's step is derived from it
    QTRY_VERIFY2_WITH_TIMEOUT(endStored || history.count(last) > 0,
        "the last good message was never stored",
        storeTimeoutMs);
    engine.stop();
    publisher.finish();
    // The engine passes a message on before History's COMMIT: wait for that (the end of the
    // commit window) before reading the database.
    QTRY_VERIFY2_WITH_TIMEOUT(
        history.count(last) > 0, "the last good message was never committed", storeTimeoutMs);

    // Everything History holds, by msg_id: rows, and rows stored as trusted.
    QHash<QString, int> rows;
    QHash<QString, int> trusted;
    HistoryQuery page;
    page.limit = 5000;
    page.oldestFirst = true;
    for (;;) {
        const QList<StoredMessage> got = history.search(page, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const StoredMessage &s : got) {
            const QString id = firstHostileId(s.msgId);
            ++rows[id];
            if (s.trust == TrustState::Trusted)
                ++trusted[id];
        }
        if (got.size() < page.limit)
            break;
        page.afterRowId = got.last().id;
    }

    const HostileManifest &m = publisher.manifest();
    int wrongCount = 0;
    QStringList wrong;
    for (const QString &id : m.good) {
        // The shadowed message may be stored beside its unsigned copy; trusted exactly once.
        const bool ok = trusted.value(id) == 1 && (m.bad.contains(id) || rows.value(id) == 1);
        if (!ok) {
            ++wrongCount;
            if (wrong.size() < 10)
                wrong << QStringLiteral("%1: %2 rows, %3 trusted")
                             .arg(id)
                             .arg(rows.value(id))
                             .arg(trusted.value(id));
        }
    }
    QVERIFY2(wrongCount == 0,
        qPrintable(QStringLiteral("%1 of %2 good messages not stored exactly once as trusted: %3")
                       .arg(wrongCount)
                       .arg(m.good.size())
                       .arg(wrong.join(QStringLiteral("; ")))));
    for (const QString &id : m.bad)
        if (!m.good.contains(id))
            QVERIFY2(
                trusted.value(id) == 0, qPrintable(id + QStringLiteral(" was stored as trusted")));
    QVERIFY2(badLinks.isEmpty(),
        qPrintable(QStringLiteral("links accepted: ") + badLinks.join(QStringLiteral(", "))));

    // What the notifier sends for the hostile texts, as the notification server received it.
    if (toNotify.isEmpty())
        return;
    QVERIFY2(toNotify.size() <= 20, "dunst keeps 20 notifications in its history");
    DBusNotifier notifier;
    QSignalSpy shown(&notifier, &DBusNotifier::shown);
    for (const EngineMessage &msg : std::as_const(toNotify)) {
        // As the applet builds it (app/tray Application::onMessages).
        Notification n;
        n.summary = msg.record.rendering.title;
        n.body = msg.record.rendering.subtitle;
        n.link = msg.record.rendering.link;
        n.historyId = msg.historyId;
        notifier.show(n);
    }
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), toNotify.size(), 15000);
    const bool markup = notifier.capabilities().contains(QStringLiteral("body-markup"));
    QSignalSpy closed(&notifier, &DBusNotifier::closed);
    notifier.closeAll();
    QTRY_COMPARE_WITH_TIMEOUT(closed.count(), toNotify.size(), 15000);
    const auto received = dunstHistory().mid(0, toNotify.size()); // newest first
    QCOMPARE(received.size(), toNotify.size());
    for (const auto &[summary, body] : received) {
        const QString inSummary = findHostileChar(summary);
        QVERIFY2(
            inSummary.isEmpty(), qPrintable(QStringLiteral("notification summary: ") + inSummary));
        const QString inBody = findHostileChar(body);
        QVERIFY2(inBody.isEmpty(), qPrintable(QStringLiteral("notification body: ") + inBody));
        if (markup) {
            const QString left = unescapedMarkup(body);
            QVERIFY2(left.isEmpty(),
                qPrintable(QStringLiteral("unescaped markup in the body: ") + left));
        }
    }
}

QTEST_GUILESS_MAIN(TestHostileEngine)
#include "TestHostileEngine.moc"
