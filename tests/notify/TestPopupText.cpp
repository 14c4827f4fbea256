// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "message/Envelope.h"
#include "message/TrustState.h"
#include "notify/DBusNotifier.h"
#include "notify/IconFiles.h"
#include "notify/PopupText.h"
#include "render/Renderer.h"
#include "json/JsonParser.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace fedmsg;

// What a popup says, from the real rendering catalog: no bus, no server.
class TestPopupText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void kindWords_data();
    void kindWords();
    void humanSummaryFromTheCatalog_data();
    void humanSummaryFromTheCatalog();
    void classicTitleKeepsFedmsgMeta();
    void oneTrustWording();
    void actionsAtMostThreeAndOnlyWithTheCapability();
    void hintsNameTheApplicationAndTopic();
    void shippedIconIsWrittenOnce();

private:
    static Envelope envelope(const QString &topic, const char *msg);
    Renderer m_renderer;
};

Envelope TestPopupText::envelope(const QString &topic, const char *msg)
{
    const QByteArray json = QByteArrayLiteral("{\"topic\": \"") + topic.toUtf8()
        + QByteArrayLiteral("\", \"msg_id\": \"2019-abc\", \"timestamp\": 1, \"msg\": ") + msg
        + QByteArrayLiteral("}");
    std::optional<JsonValue> body = JsonParser::parse(json.toStdString());
    Q_ASSERT(body);
    Envelope env(Envelope::Transport::ZeroMq, std::move(*body));
    env.setTrust(TrustState::Trusted);
    return env;
}

void TestPopupText::kindWords_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("words");
    QTest::newRow("comment") << QStringLiteral("org.fedoraproject.prod.bodhi.update.comment")
                             << QStringLiteral("bodhi") << QStringLiteral("comment on update");
    QTest::newRow("new") << QStringLiteral("io.pagure.prod.pagure.pull-request.new")
                         << QStringLiteral("pagure") << QStringLiteral("new pull request");
    QTest::newRow("plain") << QStringLiteral("org.fedoraproject.prod.buildsys.build.state.change")
                           << QStringLiteral("buildsys") << QStringLiteral("build state change");
    QTest::newRow("underscore") << QStringLiteral(
        "org.fedoraproject.dev.askbot.post.flag_offensive.delete")
                                << QStringLiteral("askbot")
                                << QStringLiteral("post flag offensive delete");
    QTest::newRow("service not in topic") << QStringLiteral("org.fedoraproject.prod.git.receive")
                                          << QStringLiteral("distgit") << QStringLiteral("receive");
    QTest::newRow("nothing after the service")
        << QStringLiteral("org.fedoraproject.prod.bodhi") << QStringLiteral("bodhi") << QString();
}

void TestPopupText::kindWords()
{
    QFETCH(QString, topic);
    QFETCH(QString, service);
    QFETCH(QString, words);
    QCOMPARE(PopupText::kindWords(topic, service), words);
}

void TestPopupText::humanSummaryFromTheCatalog_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<QString>("msg");
    QTest::addColumn<QString>("summary");
    QTest::newRow("bodhi comment")
        << QStringLiteral("org.fedoraproject.prod.bodhi.update.comment")
        << QStringLiteral("{\"comment\": {\"user\": {\"name\": \"ralph\"}, \"text\": \"works\", "
                          "\"update_title\": \"foo-1.0-1.fc30\"}}")
        << QStringLiteral("Bodhi: comment on update");
    QTest::newRow("koji: the label, the processor's name is not a proper name")
        << QStringLiteral("org.fedoraproject.prod.buildsys.build.state.change")
        << QStringLiteral("{\"name\": \"foo\", \"version\": \"1\", \"release\": \"1\", "
                          "\"new\": 1, \"owner\": \"ralph\", \"build_id\": 1}")
        << QStringLiteral("Koji Builds: build state change");
}

void TestPopupText::humanSummaryFromTheCatalog()
{
    QFETCH(QString, topic);
    QFETCH(QString, msg);
    const Envelope env = envelope(topic, msg.toUtf8().constData());
    const Rendering r = m_renderer.render(env);
    const std::optional<ServiceInfo> service = m_renderer.service(r.serviceName);
    QVERIFY2(service, qPrintable(r.serviceName));
    const Notification n = PopupText::build(env, r, NotifyDecision(), &*service);
    QFETCH(QString, summary);
    QCOMPARE(n.summary, summary);
    QCOMPARE(n.body, r.subtitle);
    QCOMPARE(n.topic, topic);
    QCOMPARE(n.msgId, QStringLiteral("2019-abc"));
    QCOMPARE(n.category, QStringLiteral("x-fedmsg.") + r.serviceName.toLower());
    QVERIFY(n.offerMute);
    QVERIFY(n.offerWhy);
}

void TestPopupText::classicTitleKeepsFedmsgMeta()
{
    const Envelope env =
        envelope(QStringLiteral("org.fedoraproject.prod.bodhi.update.comment"), "{}");
    const Rendering r = m_renderer.render(env);
    const Notification n =
        PopupText::build(env, r, NotifyDecision(), nullptr, PopupText::TitleStyle::Classic);
    QCOMPARE(n.summary, r.title);
    QCOMPARE(n.summary, QStringLiteral("bodhi.update.comment"));
}

// fedora-messaging messages are "broker, unsigned" (they were shown as verified in the tray
// menu and as "(unsigned)" in popups); one function gives the words for every surface.
void TestPopupText::oneTrustWording()
{
    Envelope env = envelope(QStringLiteral("org.fedoraproject.prod.bodhi.update.comment"), "{}");
    const Rendering r = m_renderer.render(env);
    QVERIFY(!PopupText::build(env, r, {}, nullptr).summary.contains(QLatin1Char('(')));
    env.setTrust(TrustState::BrokerUnsigned);
    QVERIFY2(PopupText::build(env, r, {}, nullptr)
                 .summary.endsWith(QStringLiteral(" (broker, unsigned)")),
        qPrintable(PopupText::build(env, r, {}, nullptr).summary));
    QCOMPARE(trustLabel(TrustState::BrokerUnsigned), QStringLiteral("broker, unsigned"));
    QCOMPARE(trustLabel(TrustState::Unchecked), QStringLiteral("unverified"));
    QCOMPARE(trustLabel(TrustState::Untrusted), QStringLiteral("untrusted"));
    QCOMPARE(trustLabel(TrustState::Trusted), QStringLiteral("signed"));
}

void TestPopupText::actionsAtMostThreeAndOnlyWithTheCapability()
{
    Notification n;
    n.link = QStringLiteral("https://bodhi.fedoraproject.org/updates/FEDORA-2019-1");
    n.offerMute = true;
    n.offerWhy = true;
    const QStringList caps { QStringLiteral("actions"), QStringLiteral("body") };
    const QStringList actions = DBusNotifier::actionsFor(n, caps);
    QCOMPARE(actions.size(), 6); // three key/label pairs
    QCOMPARE(actions.at(0), QStringLiteral("default"));
    QCOMPARE(actions.at(2), QStringLiteral("mute"));
    QCOMPARE(actions.at(4), QStringLiteral("why"));
    QVERIFY(DBusNotifier::actionsFor(n, { QStringLiteral("body") }).isEmpty());
    n.link = QStringLiteral("javascript:alert(1)");
    QVERIFY(!DBusNotifier::actionsFor(n, caps).contains(QStringLiteral("default")));
}

void TestPopupText::hintsNameTheApplicationAndTopic()
{
    Notification n;
    n.topic = QStringLiteral("org.fedoraproject.prod.bodhi.update.comment\x1b[2J");
    n.urgency = Notification::Urgency::Critical;
    n.imagePath = QStringLiteral("/tmp/a b.png");
    const QVariantMap hints = DBusNotifier::hintsFor(n);
    QCOMPARE(hints.value(QStringLiteral("desktop-entry")).toString(),
        QStringLiteral("org.fedoraproject.FedmsgNotify"));
    QCOMPARE(hints.value(QStringLiteral("x-fedmsg-topic")).toString(),
        QStringLiteral("org.fedoraproject.prod.bodhi.update.comment[2J"));
    QCOMPARE(hints.value(QStringLiteral("urgency")).value<uchar>(), uchar(2));
    QCOMPARE(hints.value(QStringLiteral("image-path")).toString(),
        QStringLiteral("file:///tmp/a%20b.png"));
}

void TestPopupText::shippedIconIsWrittenOnce()
{
    QTemporaryDir dir;
    const QString resource = QStringLiteral(":/fedmsg-notify/icons/fedmsg-notify-64.png");
    const QString path = IconFiles::materialize(resource, dir.path());
    QVERIFY(!path.isEmpty());
    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QFile original(resource);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll(), original.readAll());
    const QDateTime modified = QFileInfo(path).lastModified();
    QCOMPARE(IconFiles::materialize(resource, dir.path()), path);
    QCOMPARE(QFileInfo(path).lastModified(), modified);
    QVERIFY(IconFiles::materialize(QStringLiteral(":/no/such.png"), dir.path()).isEmpty());
}

QTEST_GUILESS_MAIN(TestPopupText)
#include "TestPopupText.moc"
