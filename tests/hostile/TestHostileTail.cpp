// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The real fedmsg-tail against the real hostile_publisher process, one case at a time, in the
// default, --terse, --json and --really-pretty formats, validating with the test CA and CRL from
// a fedmsg.d folder. Every good message is printed exactly once (a replay as often as it was
// sent: the tail is a tap, fedmsg never had replay protection), nothing forged is printed as
// trusted, no raw control or bidi character reaches stdout or stderr, diagnostics stay short,
// the tail survives everything, and --json stays exact JSON.
#include "HostileHarness.h"
#include "json/JsonParser.h"

#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace fedmsg;
using namespace fedmsg::test;

namespace {

QString tailBin()
{
    return qEnvironmentVariable("FEDMSG_TAIL_BIN");
}

/// Longest diagnostic line the tail may write: a 5 MB topic must be clipped, not echoed.
constexpr qsizetype MaxDiagnosticLine = 4096;

/// Reads the tail's stdout as it comes and counts, per msg_id, the records printed as trusted.
class TailReader
{
public:
    explicit TailReader(const QString &mode)
        : m_blocks(mode == QLatin1String("--really-pretty"))
        , m_json(mode == QLatin1String("--json"))
    {}

    void feed(const QByteArray &bytes)
    {
        m_buffer += bytes;
        for (qsizetype nl = m_buffer.indexOf('\n'); nl >= 0; nl = m_buffer.indexOf('\n')) {
            line(QString::fromUtf8(m_buffer.left(nl)));
            m_buffer.remove(0, nl + 1);
        }
    }
    void finish()
    {
        if (!m_buffer.isEmpty())
            line(QString::fromUtf8(std::exchange(m_buffer, {})));
        closeRecord();
    }

    /// msg_id -> records printed without the UNTRUSTED marker
    int trusted(const QString &id) const { return m_trusted.value(id); }
    /// The first raw control/bidi character seen, with context.
    const QString &firstHostile() const { return m_firstHostile; }
    /// --json: the first line that is not a JSON object.
    const QString &firstBadJson() const { return m_firstBadJson; }

private:
    void line(const QString &text)
    {
        ++m_lines;
        if (m_firstHostile.isEmpty()) {
            const QString where = findHostileChar(text);
            if (!where.isEmpty())
                m_firstHostile = QStringLiteral("line %1, %2").arg(m_lines).arg(where);
        }
        if (m_json && m_firstBadJson.isEmpty()) {
            const QByteArray utf8 = text.toUtf8();
            const auto v =
                JsonParser::parse(std::string_view(utf8.constData(), std::size_t(utf8.size())));
            if (!v || !v->isObject())
                m_firstBadJson = text.left(200);
        }
        const bool starts = text.startsWith(QLatin1String("UNTRUSTED (")) || !m_blocks
            || text.startsWith(QLatin1Char('{'));
        if (starts) {
            closeRecord();
            m_recordTrusted = !text.startsWith(QLatin1String("UNTRUSTED ("));
        }
        auto it = hostileIdPattern().globalMatch(text);
        while (it.hasNext())
            m_recordIds.insert(it.next().captured());
        // A --really-pretty record ends with its closing brace in the first column.
        if (!m_blocks || text == QLatin1String("}"))
            closeRecord();
    }
    void closeRecord()
    {
        if (m_recordTrusted)
            for (const QString &id : std::as_const(m_recordIds))
                ++m_trusted[id];
        m_recordIds.clear();
        m_recordTrusted = false;
    }

    bool m_blocks;
    bool m_json;
    QByteArray m_buffer;
    QSet<QString> m_recordIds;
    bool m_recordTrusted = false;
    QHash<QString, int> m_trusted;
    QString m_firstHostile;
    QString m_firstBadJson;
    qint64 m_lines = 0;
};

} // namespace

class TestHostileTail : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void hostilePublisher_data();
    void hostilePublisher();
};

void TestHostileTail::initTestCase()
{
    QVERIFY2(QFile::exists(tailBin()), "FEDMSG_TAIL_BIN must name the built fedmsg-tail");
    QVERIFY2(QFile::exists(hostilePublisherBin()),
        "FEDMSG_HOSTILE_PUBLISHER_BIN must name the built hostile_publisher");
}

void TestHostileTail::hostilePublisher_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("hostileCase");
    const QStringList modes { QString(),
        QStringLiteral("--terse"),
        QStringLiteral("--json"),
        QStringLiteral("--really-pretty") };
    for (const QString &mode : modes)
        for (const QString &c : hostileCases())
            QTest::addRow(
                "%s %s", mode.isEmpty() ? "default" : qPrintable(mode.mid(2)), qPrintable(c))
                << mode << c;
}

void TestHostileTail::hostilePublisher()
{
    QFETCH(QString, mode);
    QFETCH(QString, hostileCase);
    const bool flood = hostileCase == QLatin1String("flood");
    const int timeoutMs = flood ? 600000 : 60000;

    QTemporaryDir dir;
    HostilePublisherProcess publisher;
    QString error;
    QVERIFY2(publisher.start({ hostileCase }, 50000, &error), qPrintable(error));
    const QString fedmsgD = dir.filePath(QStringLiteral("fedmsg.d"));
    QVERIFY(writeHostileFedmsgD(fedmsgD, publisher.manifest().endpoint));

    QStringList args { QStringLiteral("--no-default-config"),
        QStringLiteral("--config"),
        fedmsgD,
        QStringLiteral("--validate") };
    if (!mode.isEmpty())
        args << mode;
    QProcess tail;
    tail.start(tailBin(), args);
    QVERIFY(tail.waitForStarted(10000));

    TailReader out(mode);
    QByteArray err;
    QElapsedTimer t;
    t.start();
    bool sawEnd = false;
    while (!sawEnd && t.elapsed() < timeoutMs && tail.state() == QProcess::Running) {
        tail.waitForReadyRead(200);
        out.feed(tail.readAllStandardOutput());
        err += tail.readAllStandardError();
        publisher.read();
        const QString end = publisher.manifest().end;
        sawEnd = !end.isEmpty() && out.trusted(end) > 0;
    }
    const bool crashed = tail.state() != QProcess::Running;
    QVERIFY2(publisher.waitUntilDone(10000), qPrintable(publisher.errors()));
    if (!crashed) {
        ::kill(pid_t(tail.processId()), SIGTERM);
        QVERIFY(tail.waitForFinished(30000));
    }
    out.feed(tail.readAllStandardOutput());
    out.finish();
    err += tail.readAllStandardError();
    publisher.finish();

    const QString errText = QString::fromUtf8(err);
    QVERIFY2(!crashed,
        qPrintable(QStringLiteral("fedmsg-tail died (exit %1): %2")
                       .arg(tail.exitCode())
                       .arg(errText.right(2000))));
    QVERIFY2(sawEnd,
        qPrintable(QStringLiteral("the last good message never came; stderr: %1")
                       .arg(errText.right(2000))));
    QCOMPARE(tail.exitStatus(), QProcess::NormalExit);
    QVERIFY2(tail.exitCode() == 0,
        qPrintable(QStringLiteral("fedmsg-tail exit %1; stderr: %2")
                       .arg(tail.exitCode())
                       .arg(errText.right(4000))));

    const HostileManifest &m = publisher.manifest();
    QVERIFY(m.good.size() >= 3);
    int missing = 0;
    QStringList wrong;
    for (const QString &id : m.good) {
        const int expected = 1 + m.replays.value(id);
        const int got = out.trusted(id);
        if (got != expected) {
            ++missing;
            if (wrong.size() < 10)
                wrong << QStringLiteral("%1 printed %2 times, expected %3")
                             .arg(id)
                             .arg(got)
                             .arg(expected);
        }
    }
    QVERIFY2(missing == 0,
        qPrintable(QStringLiteral("%1 of %2 good messages not printed exactly once: %3")
                       .arg(missing)
                       .arg(m.good.size())
                       .arg(wrong.join(QStringLiteral("; ")))));
    for (const QString &id : m.bad) {
        if (!m.good.contains(id))
            QVERIFY2(
                out.trusted(id) == 0, qPrintable(id + QStringLiteral(" was printed as trusted")));
    }
    QVERIFY2(out.firstHostile().isEmpty(),
        qPrintable(QStringLiteral("raw control on stdout: ") + out.firstHostile()));
    const QString errHostile = findHostileChar(errText);
    QVERIFY2(
        errHostile.isEmpty(), qPrintable(QStringLiteral("raw control on stderr: ") + errHostile));
    for (const QString &line : errText.split(QLatin1Char('\n')))
        QVERIFY2(line.size() <= MaxDiagnosticLine,
            qPrintable(QStringLiteral("a %1-character diagnostic: %2...")
                           .arg(line.size())
                           .arg(line.left(200))));
    if (mode == QLatin1String("--json"))
        QVERIFY2(out.firstBadJson().isEmpty(),
            qPrintable(QStringLiteral("--json printed a line that is not a JSON object: ")
                + out.firstBadJson()));
}

QTEST_GUILESS_MAIN(TestHostileTail)
#include "TestHostileTail.moc"
