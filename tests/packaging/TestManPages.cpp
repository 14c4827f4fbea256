// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

// The man pages (packaging/man/*.1) are written by hand; this keeps them and each program's
// --help, which QCommandLineParser prints from the option table, saying the same: every option
// --help lists is described in the man page, and every option the man page describes exists.
class TestManPages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void optionsMatchHelp_data();
    void optionsMatchHelp();
    void parsersWork();

private:
    static QSet<QString> helpOptions(const QString &help);
    static QSet<QString> describedOptions(const QString &page);
};

namespace {
QString readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}
} // namespace

// Option lines of QCommandLineParser's help: "  -h, --help   Displays ...", "  --config <dir> ...".
QSet<QString> TestManPages::helpOptions(const QString &help)
{
    QSet<QString> names;
    static const QRegularExpression line(QStringLiteral("^  (-[^ ]|--[a-z])"));
    static const QRegularExpression option(QStringLiteral("(?:^|[ ,])(--?[a-z][a-z0-9-]*)"));
    for (const QString &l : help.split(QLatin1Char('\n'))) {
        if (!line.match(l).hasMatch())
            continue;
        // Only the option column: up to the first run of two spaces after the names.
        const QString column = l.mid(2).section(QStringLiteral("  "), 0, 0);
        auto it = option.globalMatch(column);
        while (it.hasNext())
            names.insert(it.next().captured(1));
    }
    return names;
}

// Options the page describes: the first line of each .TP paragraph, in troff ("\-\-config").
QSet<QString> TestManPages::describedOptions(const QString &page)
{
    QSet<QString> names;
    static const QRegularExpression option(QStringLiteral("(?:^|[ \"])(--?[a-z][a-z0-9-]*)"));
    const QStringList lines = page.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        if (lines.at(i) != QLatin1String(".TP") || !lines.at(i + 1).startsWith(QLatin1String(".B")))
            continue;
        QString tag = lines.at(i + 1);
        tag.replace(QLatin1String("\\-"), QLatin1String("-"));
        tag = tag.section(QLatin1Char(' '), 1); // drop the macro
        auto it = option.globalMatch(tag);
        while (it.hasNext())
            names.insert(it.next().captured(1));
    }
    return names;
}

void TestManPages::optionsMatchHelp_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("page");
    const QString man = QStringLiteral(FEDMSG_SOURCE_DIR "/packaging/man/");
    QTest::newRow("fedmsg-notify")
        << qEnvironmentVariable("FEDMSG_NOTIFY_BIN") << man + QStringLiteral("fedmsg-notify.1");
    QTest::newRow("fedmsg-tail") << qEnvironmentVariable("FEDMSG_TAIL_BIN")
                                 << man + QStringLiteral("fedmsg-tail.1");
    QTest::newRow("fedmsg-logger")
        << qEnvironmentVariable("FEDMSG_LOGGER_BIN") << man + QStringLiteral("fedmsg-logger.1");
}

void TestManPages::optionsMatchHelp()
{
    QFETCH(QString, program);
    QFETCH(QString, page);
    QVERIFY2(!program.isEmpty(), "FEDMSG_*_BIN is not set");
    QProcess p;
    p.start(program, { QStringLiteral("--help") });
    QVERIFY2(p.waitForFinished(30000), qPrintable(p.errorString()));
    QCOMPARE(p.exitCode(), 0);
    const QString help = QString::fromUtf8(p.readAllStandardOutput());
    const QString text = readAll(page);
    QVERIFY2(!text.isEmpty(), qPrintable(page));

    const QSet<QString> inHelp = helpOptions(help);
    const QSet<QString> inPage = describedOptions(text);
    QVERIFY2(inHelp.size() >= 5, qPrintable(help));
    QStringList missing = (inHelp - inPage).values();
    QStringList stale = (inPage - inHelp).values();
    missing.sort();
    stale.sort();
    QVERIFY2(missing.isEmpty(),
        qPrintable(QStringLiteral("--help lists options the man page does not describe: ")
            + missing.join(QLatin1Char(' '))));
    QVERIFY2(stale.isEmpty(),
        qPrintable(QStringLiteral("the man page describes options --help does not list: ")
            + stale.join(QLatin1Char(' '))));
    // The version in .TH is the project's.
    QVERIFY2(text.contains(QStringLiteral("\"fedmsg-notify " FEDMSG_NOTIFY_VERSION "\"")),
        "the .TH line names another version than the project's");
}

// The two parsers above find what they should in known text, so an empty result is not a pass.
void TestManPages::parsersWork()
{
    const QString help =
        QStringLiteral("Usage: x [options]\nOptions:\n  -h, --help      Displays help.\n"
                       "  --config <dir>  Also import fedmsg.d files from <dir>; see --other.\n"
                       "                  continued --not-an-option\n");
    QCOMPARE(helpOptions(help),
        (QSet<QString> {
            QStringLiteral("-h"), QStringLiteral("--help"), QStringLiteral("--config") }));
    const QString page = QStringLiteral(".TP\n.BR \\-h \", \" \\-\\-help\nShow \\-\\-x.\n"
                                        ".TP\n.BI \\-\\-config \" dir\"\ntext\n.TP\n.I FILE\n");
    QCOMPARE(describedOptions(page),
        (QSet<QString> {
            QStringLiteral("-h"), QStringLiteral("--help"), QStringLiteral("--config") }));
}

QTEST_GUILESS_MAIN(TestManPages)
#include "TestManPages.moc"
