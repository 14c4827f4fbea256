// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "cli/CommandLineTool.h"
#include "config/FedmsgConfigReader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace fedmsg;

namespace {

/// Parses "--no-default-config" + args with the tool's options and reads the configuration.
bool readWith(const QStringList &args, FedmsgConfigReader &reader)
{
    const CommandLineTool tool(QStringLiteral("fedmsg-tool-test"));
    QCommandLineParser p;
    tool.addFedmsgOptions(p);
    if (!p.parse(QStringList { QStringLiteral("x"), QStringLiteral("--no-default-config") } + args))
        return false;
    return tool.readConfig(p, reader);
}

} // namespace

class TestCommandLineTool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setsUpTheProgram();
    void configFoldersInOrder();
    void missingConfigFolderIsAnError();
    void overridesAndBadNumbers();
    void printConfigFailsOnABrokenFile();
    void loadConfigGivesTheExitStatus();
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
    FedmsgConfigReader reader(QStringList { QStringLiteral("/nonexistent-default") });
    QVERIFY(
        readWith({ QStringLiteral("--config"), one.path(), QStringLiteral("--config"), two.path() },
            reader));
    QCOMPARE(reader.topicPrefix(), QStringLiteral("org.example"));
    QCOMPARE(reader.environment(), QStringLiteral("prod")); // the later folder wins
}

void TestCommandLineTool::missingConfigFolderIsAnError()
{
    FedmsgConfigReader reader;
    QVERIFY(
        !readWith({ QStringLiteral("--config"), QStringLiteral("/nonexistent/fedmsg.d") }, reader));
    QVERIFY(!readWith(
        { QStringLiteral("--config-filename"), QStringLiteral("/nonexistent/fedmsg.py") }, reader));
}

void TestCommandLineTool::overridesAndBadNumbers()
{
    FedmsgConfigReader reader;
    QVERIFY(!reader.ioThreads() && !reader.timeout() && !reader.lingerMs());
    QVERIFY(readWith({ QStringLiteral("--topic-prefix=org.example"),
                         QStringLiteral("--io-threads=3"),
                         QStringLiteral("--post-init-sleep=0.25"),
                         QStringLiteral("--timeout=2"),
                         QStringLiteral("--high-water-mark=0"),
                         QStringLiteral("--linger=-1") },
        reader));
    QCOMPARE(reader.topicPrefix(), QStringLiteral("org.example"));
    QCOMPARE(reader.ioThreads(), 3);
    QCOMPARE(reader.postInitSleep(), 0.25);
    QCOMPARE(reader.timeout(), 2.0);
    QCOMPARE(reader.highWaterMark(), 0);
    QCOMPARE(reader.lingerMs(), -1);
    QCOMPARE(reader.toBusConfig().ioThreads, 3);
    for (const char *bad :
        { "--io-threads=0", "--io-threads=two", "--timeout=-1", "--linger=1.5" }) {
        FedmsgConfigReader r;
        QVERIFY2(!readWith({ QString::fromLatin1(bad) }, r), bad);
    }
}

void TestCommandLineTool::printConfigFailsOnABrokenFile()
{
    // --print-config on a folder with a syntax error: not the (partial) configuration and 0,
    // but status 1 (the file:line error is on stderr from readConfig).
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("broken.py")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("config = dict(\n    a=1\n    b=2,\n)\n");
    f.close();
    const CommandLineTool tool(QStringLiteral("fedmsg-tool-test"));
    QCommandLineParser p;
    tool.addFedmsgOptions(p);
    QVERIFY(p.parse({ QStringLiteral("x"),
        QStringLiteral("--no-default-config"),
        QStringLiteral("--config"),
        dir.path(),
        QStringLiteral("--print-config") }));
    FedmsgConfigReader reader;
    tool.readConfig(p, reader); // may fail closed by itself: the answer below must not be 0
    QCOMPARE(tool.printConfigIfAsked(p, reader), std::optional<int>(1));

    FedmsgConfigReader good;
    QCommandLineParser q;
    tool.addFedmsgOptions(q);
    QVERIFY(q.parse({ QStringLiteral("x"), QStringLiteral("--no-default-config") }));
    QVERIFY(tool.readConfig(q, good));
    QCOMPARE(tool.printConfigIfAsked(q, good), std::nullopt);
}

void TestCommandLineTool::loadConfigGivesTheExitStatus()
{
    const CommandLineTool tool(QStringLiteral("fedmsg-tool-test"));
    QCommandLineParser missing;
    tool.addFedmsgOptions(missing);
    QVERIFY(missing.parse({ QStringLiteral("x"),
        QStringLiteral("--no-default-config"),
        QStringLiteral("--config"),
        QStringLiteral("/nonexistent/fedmsg.d") }));
    FedmsgConfigReader unread;
    QCOMPARE(tool.loadConfig(missing, unread), std::optional<int>(2));

    QCommandLineParser plain;
    tool.addFedmsgOptions(plain);
    QVERIFY(plain.parse({ QStringLiteral("x"), QStringLiteral("--no-default-config") }));
    FedmsgConfigReader read;
    QCOMPARE(tool.loadConfig(plain, read), std::nullopt);

    QCommandLineParser print;
    tool.addFedmsgOptions(print);
    QVERIFY(print.parse({ QStringLiteral("x"),
        QStringLiteral("--no-default-config"),
        QStringLiteral("--print-config") }));
    FedmsgConfigReader printed;
    QCOMPARE(tool.loadConfig(print, printed), std::optional<int>(0));
}

QTEST_GUILESS_MAIN(TestCommandLineTool)
#include "TestCommandLineTool.moc"
