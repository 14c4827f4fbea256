// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The message types as the preferences show them, under LANG=de_DE.UTF-8 (set by CMake), from
// the real rendering catalog: every service has a label from the data file, shown translated;
// a kind is its topic's words (data, the same in every language) inside a translated sentence.
#include "i18n/Translations.h"
#include "render/Renderer.h"
#include "rules/MessageTypeCatalog.h"

#include <QTest>

using namespace fedmsg;

class TestCatalogTexts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyServiceHasATranslatedLabel();
    void kindIsTopicWordsInATranslatedSentence();
};

void TestCatalogTexts::initTestCase()
{
    QCOMPARE(qEnvironmentVariable("LANG"), QStringLiteral("de_DE.UTF-8"));
    QVERIFY(Translations::install());
}

void TestCatalogTexts::everyServiceHasATranslatedLabel()
{
    const Renderer renderer;
    const rules::MessageTypeCatalog german(renderer);
    QVERIFY(Translations::install(QLocale(QLocale::English)));
    const rules::MessageTypeCatalog english(renderer);
    QVERIFY(Translations::install());
    const QList<rules::MessageType> services = german.services();
    QVERIFY(services.size() >= 20);
    QCOMPARE(services.size(), english.services().size());
    int translated = 0;
    for (const rules::MessageType &s : services) {
        // A label of the data file, not the bare key.
        QVERIFY2(!s.label.isEmpty() && s.label != s.service, qPrintable(s.service));
        QVERIFY2(!s.description.isEmpty(), qPrintable(s.service));
        const auto en = std::find_if(english.services().cbegin(),
            english.services().cend(),
            [&](const rules::MessageType &e) {
                return e.id == s.id;
            });
        QVERIFY(en != english.services().cend());
        translated += s.label != en->label ? 1 : 0;
        QVERIFY2(s.description != en->description, qPrintable(en->description));
    }
    // Some labels are product names the same in German (TestTranslations allows those).
    QVERIFY2(qsizetype(translated) * 2 > services.size(),
        qPrintable(
            QStringLiteral("%1 of %2 labels translated").arg(translated).arg(services.size())));
}

void TestCatalogTexts::kindIsTopicWordsInATranslatedSentence()
{
    const Renderer renderer;
    const rules::MessageTypeCatalog catalog(renderer);
    const rules::MessageType comment = catalog.type(QStringLiteral("bodhi/update.comment"));
    QCOMPARE(comment.label, QStringLiteral("update comment"));
    QCOMPARE(comment.description,
        QStringLiteral(
            "Paketaktualisierungen: Nachrichten, deren Thema auf „update.comment“ endet"));
    // A kind no schema names (made up from a topic) reads the same way.
    const rules::MessageType build =
        catalog.type(QStringLiteral("bodhi/buildsys.build.state.change"));
    QCOMPARE(build.label, QStringLiteral("buildsys build state change"));
    QVERIFY2(build.description.startsWith(QStringLiteral("Paketaktualisierungen: Nachrichten")),
        qPrintable(build.description));
}

QTEST_GUILESS_MAIN(TestCatalogTexts)
#include "TestCatalogTexts.moc"
