// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "CaseTally.h"
#include "amqp/AmqpTopicPatterns.h"

#include <QtTest>

using namespace fedmsg;

class TestAmqpTopicPatterns : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void translation_data();
    void translation();
    void rejected();
    void matching_data();
    void matching();
    void translatedPatternsSelectLikeFedmsgPrefixes();
};

void TestAmqpTopicPatterns::translation_data()
{
    QTest::addColumn<QStringList>("topics");
    QTest::addColumn<QStringList>("patterns");
    const QString bodhi = QStringLiteral("org.fedoraproject.prod.bodhi");
    QTest::newRow("nothing = everything") << QStringList {} << QStringList { QStringLiteral("#") };
    QTest::newRow("empty prefix = everything")
        << QStringList { bodhi, QString() } << QStringList { QStringLiteral("#") };
    QTest::newRow("prefix -> exact key and subtree")
        << QStringList { bodhi } << QStringList { bodhi, bodhi + QStringLiteral(".#") };
    QTest::newRow("trailing dot -> subtree only")
        << QStringList { QStringLiteral("org.fedoraproject.prod.") }
        << QStringList { QStringLiteral("org.fedoraproject.prod.#") };
    QTest::newRow("AMQP pattern passes through")
        << QStringList { QStringLiteral("org.fedoraproject.*.bodhi.#"),
               QStringLiteral("#.git.receive") }
        << QStringList { QStringLiteral("org.fedoraproject.*.bodhi.#"),
               QStringLiteral("#.git.receive") };
    QTest::newRow("duplicates removed") << QStringList { bodhi, bodhi + QStringLiteral(".") }
                                        << QStringList { bodhi, bodhi + QStringLiteral(".#") };
    QTest::newRow("hash among others = everything")
        << QStringList { bodhi, QStringLiteral("#") } << QStringList { QStringLiteral("#") };
    QTest::newRow("whitespace trimmed")
        << QStringList { QStringLiteral("  a.b ") }
        << QStringList { QStringLiteral("a.b"), QStringLiteral("a.b.#") };
}

void TestAmqpTopicPatterns::translation()
{
    QFETCH(QStringList, topics);
    QFETCH(QStringList, patterns);
    QStringList rejected;
    QCOMPARE(AmqpTopicPatterns::fromSubscriptions(topics, &rejected), patterns);
    QVERIFY2(rejected.isEmpty(), qPrintable(rejected.join(u';')));
    for (const QString &p : patterns) {
        QVERIFY2(AmqpTopicPatterns::isValidPattern(p), qPrintable(p));
    }
}

void TestAmqpTopicPatterns::rejected()
{
    QStringList rejected;
    const QStringList patterns = AmqpTopicPatterns::fromSubscriptions({ QStringLiteral("a..b"),
                                                                          QStringLiteral("bod*.x"),
                                                                          QStringLiteral(".a"),
                                                                          QString(300, u'x'),
                                                                          QStringLiteral("ok") },
        &rejected);
    QCOMPARE(patterns, (QStringList { QStringLiteral("ok"), QStringLiteral("ok.#") }));
    QCOMPARE(rejected.size(), 4);
    QVERIFY(rejected.at(0).startsWith(QStringLiteral("a..b: ")));
    QVERIFY(rejected.at(1).contains(QStringLiteral("whole words")));
    QVERIFY(rejected.at(3).contains(QStringLiteral("255")));
    // Only invalid subscriptions: nothing is bound (not everything).
    QVERIFY(AmqpTopicPatterns::fromSubscriptions({ QStringLiteral("a..b") }).isEmpty());
}

void TestAmqpTopicPatterns::matching_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("match");
    auto row = [](const char *p, const char *k, bool m) {
        QTest::addRow("%s ~ %s", p, k) << QString::fromLatin1(p) << QString::fromLatin1(k) << m;
    };
    row("#", "org.fedoraproject.prod.bodhi.update.comment", true);
    row("#", "", true);
    row("a.#", "a", true);
    row("a.#", "a.b.c", true);
    row("a.#", "ab.c", false);
    row("a.*", "a", false);
    row("a.*", "a.b", true);
    row("a.*", "a.b.c", false);
    row("org.fedoraproject.*.bodhi.#", "org.fedoraproject.prod.bodhi.update.comment", true);
    row("org.fedoraproject.*.bodhi.#", "org.fedoraproject.stg.bodhi.update.edit", true);
    row("org.fedoraproject.*.bodhi.#", "org.fedoraproject.prod.buildsys.build.state.change", false);
    row("#.git.receive", "org.fedoraproject.prod.git.receive", true);
    row("#.git.receive", "git.receive", true);
    row("#.git.receive", "org.fedoraproject.prod.git.receive.x", false);
    row("a.#.z", "a.z", true);
    row("a.#.z", "a.b.c.z", true);
    row("a.#.z", "a.b.c", false);
    row("#.#", "a", true);
    row("*.#.*", "a", false);
    row("*.#.*", "a.b", true);
    row("Org.x", "org.x", false);
    row("org.fedoraproject.prod.pagure.pull-request.new",
        "org.fedoraproject.prod.pagure.pull-request.new",
        true);
}

void TestAmqpTopicPatterns::matching()
{
    QFETCH(QString, pattern);
    QFETCH(QString, key);
    QFETCH(bool, match);
    QCOMPARE(AmqpTopicPatterns::matches(pattern, key), match);
}

void TestAmqpTopicPatterns::translatedPatternsSelectLikeFedmsgPrefixes()
{
    // For whole-word prefixes the AMQP patterns select exactly what a fedmsg SUB prefix would.
    const QStringList subs { QStringLiteral("org.fedoraproject.prod.bodhi"),
        QStringLiteral("org.fedoraproject.prod.buildsys.build") };
    const QStringList patterns = AmqpTopicPatterns::fromSubscriptions(subs);
    const QStringList keys { QStringLiteral("org.fedoraproject.prod.bodhi"),
        QStringLiteral("org.fedoraproject.prod.bodhi.update.comment"),
        QStringLiteral("org.fedoraproject.prod.buildsys.build.state.change"),
        QStringLiteral("org.fedoraproject.prod.buildsys.tag"),
        QStringLiteral("org.fedoraproject.stg.bodhi.update.comment"),
        QStringLiteral("org.fedoraproject.prod.bodhix.update") };
    fedmsg::test::CaseTally tally;
    for (const QString &key : keys) {
        bool fedmsg = false;
        for (const QString &s : subs) {
            fedmsg = fedmsg || key == s || key.startsWith(s + u'.');
        }
        if (AmqpTopicPatterns::matchesAny(patterns, key) == fedmsg)
            tally.pass();
        else
            tally.fail(key, QStringLiteral("pattern match differs from fedmsg's prefix match"));
    }
    tally.print();
    QCOMPARE(tally.failed, 0);
}

QTEST_GUILESS_MAIN(TestAmqpTopicPatterns)
#include "TestAmqpTopicPatterns.moc"
