// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "bus/CommandLineTool.h"
#include "bus/FedmsgConfigReader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace fedmsg;

class TestCommandLineTool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setsUpTheProgram();
    void configFoldersInOrder();
    void missingConfigFolderIsAnError();
};

void TestCommandLineTool::setsUpTheProgram()
{
    const CommandLineTool tool(QStringLiteral("fedmsg-tool-test"));
    QCOMPARE(QCoreApplication::applicationName(), QStringLiteral("fedmsg-tool-test"));
    QCOMPARE(QCoreApplication::applicationVersion(), QStringLiteral(FEDMSG_NOTIFY_VERSION));
    QCommandLineParser p;
    tool.addFedmsgOptions(p);
    QVERIFY(p.parse({ QStringLiteral("x"),
        QStringLiteral("--config"),
        QStringLiteral("/a"),
        QStringLiteral("--config=/b"),
        QStringLiteral("--no-default-config") }));
    QCOMPARE(tool.configPaths(p), (QStringList { QStringLiteral("/a"), QStringLiteral("/b") }));
}

void TestCommandLineTool::configFoldersInOrder()
{
    QTemporaryDir one;
    QTemporaryDir two;
    QVERIFY(one.isValid() && two.isValid());
    auto write = [](const QString &path, const QByteArray &text) {
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
    };
    QVERIFY(write(one.filePath(QStringLiteral("base.py")),
        "config = dict(topic_prefix='org.example', environment='stg')\n"));
    QVERIFY(write(two.filePath(QStringLiteral("over.py")), "config = dict(environment='prod')\n"));
    const CommandLineTool tool(QStringLiteral("fedmsg-tool-test"));
    QCommandLineParser p;
    tool.addFedmsgOptions(p);
    QVERIFY(p.parse({ QStringLiteral("x"),
        QStringLiteral("--no-default-config"),
        QStringLiteral("--config"),
        one.path(),
        QStringLiteral("--config"),
        two.path() }));
    FedmsgConfigReader reader(QStringList { QStringLiteral("/nonexistent-default") });
    QVERIFY(tool.readConfig(p, reader));
    QCOMPARE(reader.topicPrefix(), QStringLiteral("org.example"));
    QCOMPARE(reader.environment(), QStringLiteral("prod")); // the later folder wins
}

void TestCommandLineTool::missingConfigFolderIsAnError()
{
    const CommandLineTool tool(QStringLiteral("fedmsg-tool-test"));
    QCommandLineParser p;
    tool.addFedmsgOptions(p);
    QVERIFY(p.parse({ QStringLiteral("x"),
        QStringLiteral("--no-default-config"),
        QStringLiteral("--config"),
        QStringLiteral("/nonexistent/fedmsg.d") }));
    FedmsgConfigReader reader;
    QVERIFY(!tool.readConfig(p, reader));
}

QTEST_GUILESS_MAIN(TestCommandLineTool)
#include "TestCommandLineTool.moc"
