// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// What a bus import writes into the bus (label, note, configuration error) is shown in the
// user's language where it is fixed text, and as it is where it is data: real imports of a
// fedmsg.d folder and a fedora-messaging config.toml in a temporary directory, under
// LANG=de_DE.UTF-8 (set by CMake), shown through BusListModel (the Buses page).
#include "bus/BusConfig.h"
#include "config/FedmsgConfigReader.h"
#include "engine/BusImport.h"
#include "i18n/Translations.h"
#include "model/BusListModel.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace fedmsg;

class TestImportedBusTexts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fedmsgFolderNoteIsGerman();
    void tomlNoteIsGerman();
    void typedLabelStaysAsTyped();
    void presetTextsFollowTheLanguage();
    void unreadableFolderSaysWhyInGerman();

private:
    static void writeFile(const QString &path, const QByteArray &content);
    static QString noteShown(const BusConfig &bus);
    static QString labelShown(const BusConfig &bus);

    QTemporaryDir m_dir;
};

void TestImportedBusTexts::initTestCase()
{
    QCOMPARE(qEnvironmentVariable("LANG"), QStringLiteral("de_DE.UTF-8"));
    QVERIFY(Translations::install());
    QVERIFY(m_dir.isValid());
}

void TestImportedBusTexts::writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(content), content.size());
}

QString TestImportedBusTexts::noteShown(const BusConfig &bus)
{
    BusListModel model;
    model.setBuses({ bus });
    return model.index(0, BusListModel::LabelColumn).data(Qt::ToolTipRole).toString();
}

QString TestImportedBusTexts::labelShown(const BusConfig &bus)
{
    BusListModel model;
    model.setBuses({ bus });
    return model.index(0, BusListModel::LabelColumn).data().toString();
}

void TestImportedBusTexts::fedmsgFolderNoteIsGerman()
{
    const QString folder = m_dir.filePath(QStringLiteral("fedmsg.d"));
    QVERIFY(QDir().mkpath(folder));
    writeFile(folder + QStringLiteral("/endpoints.py"),
        "config = dict(\n"
        "    endpoints={'relay_outbound': ['tcp://127.0.0.1:9940']},\n"
        "    validate_signatures=False,\n"
        ")\n");
    QString error;
    const auto bus = BusImport::fedmsgFolder(folder, {}, &error);
    QVERIFY2(bus, qPrintable(error));
    // Stored: the English source (a marker the UI translates) and the path, apart.
    QCOMPARE(bus->note, QStringLiteral("Imported from %1"));
    QCOMPARE(bus->noteArgument, QDir(folder).absolutePath());
    QCOMPARE(noteShown(*bus), QStringLiteral("Importiert aus %1").arg(QDir(folder).absolutePath()));
    // The label is a name and a path: the same in every language.
    QCOMPARE(labelShown(*bus), QStringLiteral("fedmsg.d (%1)").arg(QDir(folder).absolutePath()));
}

void TestImportedBusTexts::tomlNoteIsGerman()
{
    const QString path = m_dir.filePath(QStringLiteral("config.toml"));
    writeFile(path,
        "amqp_url = \"amqps://broker.example:5671/%2Fpublic_pubsub\"\n"
        "[[bindings]]\n"
        "queue = \"q\"\n"
        "exchange = \"amq.topic\"\n"
        "routing_keys = [\"org.fedoraproject.prod.bodhi.#\"]\n");
    QString error;
    const auto bus = BusImport::fedoraMessagingToml(path, {}, &error);
    QVERIFY2(bus, qPrintable(error));
    QCOMPARE(noteShown(*bus), QStringLiteral("Importiert aus %1").arg(path));
    QCOMPARE(labelShown(*bus), QStringLiteral("fedora-messaging (config.toml)"));
}

void TestImportedBusTexts::typedLabelStaysAsTyped()
{
    // A label the user typed is shown as typed, even one that reads like a preset's note.
    BusConfig bus;
    bus.name = QStringLiteral("mine");
    for (const QString &typed : { QStringLiteral("My own bus"),
             QStringLiteral("Imported from %1"),
             QStringLiteral("fedmsg.d (/etc/fedmsg.d)") }) {
        bus.label = typed;
        QCOMPARE(labelShown(bus), typed);
    }
}

void TestImportedBusTexts::presetTextsFollowTheLanguage()
{
    // The stored text stays English; the shown one follows the language installed now.
    BusConfig bus;
    bus.name = QStringLiteral("fedmsg.d");
    bus.note = QStringLiteral("Imported from %1");
    bus.noteArgument = QStringLiteral("/etc/fedmsg.d");
    QVERIFY(Translations::install(QLocale(QStringLiteral("fr_FR"))));
    QCOMPARE(noteShown(bus), QStringLiteral("Importé depuis /etc/fedmsg.d"));
    QVERIFY(Translations::install(QLocale(QLocale::English)));
    QCOMPARE(noteShown(bus), QStringLiteral("Imported from /etc/fedmsg.d"));
    QVERIFY(Translations::install());
    QCOMPARE(noteShown(bus), QStringLiteral("Importiert aus /etc/fedmsg.d"));
}

void TestImportedBusTexts::unreadableFolderSaysWhyInGerman()
{
    // The auto-import of the system's fedmsg.d fails closed with a reason the Buses page shows.
    const QString folder = m_dir.filePath(QStringLiteral("broken.d"));
    QVERIFY(QDir().mkpath(folder));
    writeFile(folder + QStringLiteral("/endpoints.py"),
        "config = dict(endpoints={'relay_outbound': ['tcp://127.0.0.1:9940']})\n");
    writeFile(folder + QStringLiteral("/ssl.py"), "config = dict(validate_signatures=\n");
    const QList<BusConfig> buses = FedmsgConfigReader::importedBuses({ folder });
    QCOMPARE(buses.size(), 1);
    QVERIFY2(buses.first().configError.startsWith(
                 QStringLiteral("fedmsg.d konnte nicht vollständig gelesen werden")),
        qPrintable(buses.first().configError));
}

QTEST_GUILESS_MAIN(TestImportedBusTexts)
#include "TestImportedBusTexts.moc"
