// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "TestData.h"
#include "render/Avatar.h"
#include "render/Conglomerator.h"
#include "render/Renderer.h"
#include "json/JsonParser.h"

#include <QTest>

using namespace fedmsg;

class TestConglomerator : public QObject
{
    Q_OBJECT

private:
    static JsonValue parse(const QString &text)
    {
        const QByteArray b = text.toUtf8();
        auto v =
            JsonParser::parse(std::string_view(b.constData(), static_cast<std::size_t>(b.size())));
        return v ? *v : JsonValue();
    }
    static JsonValue comment(const QString &user, const QString &update, int ts, const QString &id)
    {
        return parse(QStringLiteral(
            R"({"topic":"org.fedoraproject.prod.bodhi.update.comment","timestamp":%3,"msg_id":"%4",
            "msg":{"agent":"%1","comment":{"author":"%1","karma":0,"text":"ok","update_title":"%2"}}})")
                         .arg(user, update)
                         .arg(ts)
                         .arg(id));
    }

private Q_SLOTS:
    void bodhiCommentsByUpdate()
    {
        Renderer renderer(test::sourcePath("resources/render/services.json"));
        Conglomerator cg(renderer);
        const std::vector<JsonValue> msgs = { comment(QStringLiteral("hreindl"),
                                                  QStringLiteral("sqlite-3.8.6-2.fc20"),
                                                  100,
                                                  QStringLiteral("a")),
            comment(QStringLiteral("volter"),
                QStringLiteral("sqlite-3.8.6-2.fc20"),
                200,
                QStringLiteral("b")) };
        const auto out = cg.conglomerate(msgs);
        QCOMPARE(out.size(), 1);
        QCOMPARE(
            out[0].subtitle, QStringLiteral("hreindl and volter commented on sqlite-3.8.6-2.fc20"));
        QCOMPARE(out[0].link,
            QStringLiteral("https://bodhi.fedoraproject.org/updates/sqlite-3.8.6-2.fc20"));
        QCOMPARE(out[0].count, 2);
        QCOMPARE(out[0].timestamp, 150.0);
        QCOMPARE(out[0].startTime, 100.0);
        QCOMPARE(out[0].endTime, 200.0);
        QCOMPARE(out[0].msgIds, (QStringList { QStringLiteral("a"), QStringLiteral("b") }));
        QCOMPARE(out[0].categories, QStringList { QStringLiteral("bodhi") });
        QCOMPARE(out[0].kind, QStringLiteral("bodhi.comments.ByUpdate"));
    }

    void bodhiCommentsByUser()
    {
        Renderer renderer(test::sourcePath("resources/render/services.json"));
        Conglomerator cg(renderer);
        const std::vector<JsonValue> msgs = {
            comment(QStringLiteral("ralph"), QStringLiteral("a-1-1"), 1, QStringLiteral("1")),
            comment(QStringLiteral("ralph"), QStringLiteral("b-1-1"), 2, QStringLiteral("2")),
            comment(QStringLiteral("ralph"), QStringLiteral("c-1-1"), 3, QStringLiteral("3")),
            comment(QStringLiteral("ralph"), QStringLiteral("d-1-1"), 4, QStringLiteral("4"))
        };
        const auto out = cg.conglomerate(msgs);
        QCOMPARE(out.size(), 1);
        QCOMPARE(out[0].subtitle, QStringLiteral("ralph commented on a-1-1, b-1-1, and 2 others"));
        QCOMPARE(out[0].link, QStringLiteral("https://bodhi.fedoraproject.org/users/ralph"));
        QCOMPARE(out[0].secondaryIcon, Avatar::forUser(QStringLiteral("ralph")));
    }

    void genericAndSingles()
    {
        Renderer renderer(test::sourcePath("resources/render/services.json"));
        Conglomerator cg(renderer);
        const auto fas = [](const char *user) {
            return parse(
                QStringLiteral(R"({"topic":"org.fedoraproject.prod.fas.user.update","timestamp":5,
                "msg":{"agent":"%1","user":"%1","fields":["ircnick"]}})")
                    .arg(QString::fromUtf8(user)));
        };
        const std::vector<JsonValue> msgs = { fas("ralph"),
            fas("pingou"),
            fas("ralph"),
            comment(QStringLiteral("x"), QStringLiteral("a-1-1"), 1, QStringLiteral("1")) };
        const auto out = cg.conglomerate(msgs);
        QCOMPARE(out.size(), 2);
        QCOMPARE(out[0].subtitle, QStringLiteral("pingou and ralph: 3 Account Changes events"));
        QCOMPARE(out[0].kind, QStringLiteral("generic"));
        QCOMPARE(out[1].kind, QStringLiteral("single"));
        QCOMPARE(out[1].subtitle, QStringLiteral("x commented on bodhi update a-1-1 (karma: 0)"));
        // without the generic step every message stays alone
        QCOMPARE(cg.conglomerate(msgs, false).size(), 4);
    }

    void oddMessagesAreSafe()
    {
        Renderer renderer(test::sourcePath("resources/render/services.json"));
        Conglomerator cg(renderer);
        const std::vector<JsonValue> msgs = {
            parse(QStringLiteral(
                R"({"topic":"org.fedoraproject.prod.bodhi.update.comment","msg":{}})")),
            parse(QStringLiteral(
                R"({"topic":"org.fedoraproject.prod.bodhi.update.comment","msg":[]})")),
            parse(QStringLiteral("[]"))
        };
        const auto out = cg.conglomerate(msgs, false);
        QCOMPARE(out.size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestConglomerator)
#include "TestConglomerator.moc"
