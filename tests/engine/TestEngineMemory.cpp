// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The applet's message path under big messages: an Engine with its real ZeroMQ source, Renderer
// and History in this process, against a real publisher process (this executable started again
// with FEDMSG_TEST_PUBLISH_TO set) that sends 1 500 messages of 1 MiB as fast as it can. The
// process's peak RSS must stay under 256 MiB, and once every message is processed and the
// history writer is idle, RSS must come back within 20 % of what it was before the burst.

#include "LoopbackEndpoint.h"

#include "engine/Engine.h"
#include "history/History.h"
#include "render/Renderer.h"
#include "zeromq/Publisher.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <iostream>
#include <string>

#include <sys/resource.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace fedmsg;

namespace {

constexpr int MessageCount = 1500;
constexpr int WarmUpCount = 100;
constexpr int BodyBytes = 1024 * 1024;
// Issue 13 asks for a peak under 256 MiB. Measured 147-464 MiB (5 of 9 runs over the goal) while
// libzmq's pipe could hold up to the receive high-water mark of unread messages (10 000 x 1 MiB);
// 138-189 MiB since the worker reads the pipe between two parses into a byte-bounded queue.
constexpr qint64 PeakLimit = 256LL << 20;
constexpr double SettleFactor = 1.2;
const char *const PublishEnv = "FEDMSG_TEST_PUBLISH_TO";

// The publisher process: binds, waits for the engine's subscription, sends the burst, and
// stays until libzmq has handed every message over (infinite linger).
int publishBurst(const QString &endpoint)
{
    PublisherOptions options;
    options.mode = PublisherOptions::Mode::Bind;
    options.url = endpoint;
    options.sendHighWaterMark = 0; // nothing dropped on this side
    options.lingerMs = -1;
    Publisher publisher(options);
    QString error;
    if (!publisher.open(&error)) {
        qWarning("publisher: %s", qPrintable(error));
        return 2;
    }
    const QString topic = publisher.fullTopic(QStringLiteral("memory"), QStringLiteral("burst"));
    if (!publisher.waitForSubscriber(topic, 60000)) {
        qWarning("publisher: nobody subscribed");
        return 3;
    }
    // Warm-up: small messages, so that "idle" is an applet that has run, not a cold one.
    for (int i = 0; i < WarmUpCount; ++i) {
        JsonValue msg = JsonValue::emptyObject();
        msg.insert("warmup", JsonValue(i));
        if (!publisher.publish(QStringLiteral("memory"), QStringLiteral("warmup"), msg, &error)) {
            qWarning("publisher: %s", qPrintable(error));
            return 4;
        }
    }
    // The burst starts when the test has measured the idle RSS and says "go" on stdin.
    std::string go;
    if (!std::getline(std::cin, go))
        return 5;
    const std::string blob(BodyBytes, 'x');
    for (int i = 0; i < MessageCount; ++i) {
        JsonValue msg = JsonValue::emptyObject();
        msg.insert("n", JsonValue(i));
        msg.insert("blob", JsonValue(std::string_view(blob)));
        if (!publisher.publish(QStringLiteral("memory"), QStringLiteral("burst"), msg, &error)) {
            qWarning("publisher: %s", qPrintable(error));
            return 4;
        }
    }
    publisher.close();
    return 0;
}

qint64 currentRss()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * 4096 : -1;
}

// "RssAnon: 123 kB" etc. from /proc/self/status, in bytes.
qint64 statusField(const char *name)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(name))
            return line.mid(int(qstrlen(name))).trimmed().split(' ').value(0).toLongLong() * 1024;
    return -1;
}

qint64 peakRss()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-union-access): glibc declares it in a union
    return qint64(usage.ru_maxrss) * 1024;
}

double mib(qint64 bytes)
{
    return double(bytes) / (1024.0 * 1024.0);
}

// On failure: which mappings hold anonymous memory, and what glibc's arenas hold (a heap with
// little free space holds live blocks: someone still owns them).
void printMemoryDiagnostics()
{
    QFile smaps(QStringLiteral("/proc/self/smaps"));
    if (smaps.open(QIODevice::ReadOnly)) {
        QByteArray mapping;
        for (const QByteArray &line : smaps.readAll().split('\n')) {
            const QByteArray first = line.left(line.indexOf(' '));
            if (!first.isEmpty() && !first.endsWith(':'))
                mapping = line; // "start-end perms offset dev inode path"
            if (line.startsWith("Anonymous:")) {
                const qint64 kib = line.mid(10).trimmed().split(' ').value(0).toLongLong();
                if (kib >= 512)
                    std::cerr << "anonymous " << kib << " KiB in " << mapping.constData() << '\n';
            }
        }
    }
#if defined(__GLIBC__)
    malloc_info(0, stderr);
    // Released now: freed after the last trim. Still resident: live, or the top of an arena.
    malloc_trim(0);
    std::cerr << "after one more malloc_trim: anonymous " << statusField("RssAnon:") / 1024
              << " KiB\n";
#endif
}

} // namespace

class TestEngineMemory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void burstOfBigMessagesStaysBounded();
};

void TestEngineMemory::burstOfBigMessagesStaysBounded()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    HistoryOptions options;
    options.databasePath = dir.filePath(QStringLiteral("history.sqlite"));
    History history(options);
    if (!history.isReady()) {
        QSignalSpy ready(&history, &History::ready);
        QVERIFY(ready.wait(10000));
    }
    Renderer renderer;
    Engine engine(&history, &renderer);

    const QString endpoint = test::freeLoopbackEndpoint();
    BusConfig bus;
    bus.name = QStringLiteral("memory");
    bus.enabled = true;
    bus.transport = BusConfig::Transport::ZeroMq;
    bus.endpoints = { BusEndpoint { endpoint, QString() } };
    bus.trust.validateSignatures = false;

    int warmedUp = 0;
    int stored = 0;
    int dropped = 0;
    bool lastStored = false;
    connect(&engine, &Engine::messagesStored, this, [&](const QList<EngineMessage> &messages) {
        for (const EngineMessage &m : messages) {
            if (m.record.envelope.msg().contains("warmup"))
                ++warmedUp;
            else
                ++stored;
            if (m.record.envelope.msg()["n"].toInt64(-1) == MessageCount - 1)
                lastStored = true;
        }
    });
    connect(&engine, &Engine::messageDropped, this, [&] {
        ++dropped;
    });
    int committed = 0; // records History committed (messagesStored comes before the COMMIT)
    connect(&history, &History::stored, this, [&](const QList<StoreResult> &results) {
        committed += int(results.size());
    });

    QProcess publisher;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(PublishEnv), endpoint);
    publisher.setProcessEnvironment(env);
    publisher.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    publisher.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(publisher.waitForStarted(10000));

    engine.setBuses({ bus });
    QCOMPARE(engine.sourceCount(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!engine.endpointStatuses().isEmpty()
            && engine.endpointStatuses().first().state == EndpointStatus::State::Connected,
        20000);
    QTRY_VERIFY_WITH_TIMEOUT(warmedUp == WarmUpCount, 60000);
    const qint64 idle = currentRss();
    const qint64 idleAnon = statusField("RssAnon:");
    const qint64 idleFile = statusField("RssFile:");
    const qint64 peakBefore = peakRss();
    publisher.write("go\n");

    // Done when the last message is stored: everything before it was processed or dropped.
    QTRY_VERIFY_WITH_TIMEOUT(lastStored, 600000);
    history.commitNow(); // the end of the commit window
    QTRY_VERIFY_WITH_TIMEOUT(committed == warmedUp + stored, 60000);
    const qint64 peak = peakRss();
    const qint64 after = currentRss();
    qInfo("%d x 1 MiB: stored %d, dropped %d; RSS idle %.1f MiB, peak %.1f MiB (limit %.0f; "
          "before the burst %.1f), right after the last %.1f MiB",
        MessageCount,
        stored,
        dropped,
        mib(idle),
        mib(peak),
        mib(PeakLimit),
        mib(peakBefore),
        mib(after));
    QVERIFY(stored > 0);
    // The rest were dropped oldest first while the engine was behind, and counted.
    const quint64 overflow = engine.endpointStatuses().first().overflowDropped;
    qInfo("dropped while behind: %llu", static_cast<unsigned long long>(overflow));
    QCOMPARE(overflow + quint64(stored), quint64(MessageCount));
#if defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer's shadow memory and quarantine (freed blocks kept on purpose) make RSS
    // say nothing about our bounds: printed above, asserted in the ci preset.
    engine.stop();
    publisher.kill();
    publisher.waitForFinished(10000);
    QSKIP("RSS bounds are not measurable under AddressSanitizer (quarantine); checked in the ci "
          "preset");
#endif
    // The writer is idle and nothing is pending: RSS must come back (allocator pages returned).
    const auto settled = [&] {
        return currentRss() <= qint64(double(idle) * SettleFactor);
    };
    const bool back = QTest::qWaitFor(settled, 60000);
    qInfo("settled at %.1f MiB (limit %.1f MiB); anonymous %.1f MiB (idle %.1f), file-backed "
          "%.1f MiB (idle %.1f)",
        mib(currentRss()),
        mib(qint64(double(idle) * SettleFactor)),
        mib(statusField("RssAnon:")),
        mib(idleAnon),
        mib(statusField("RssFile:")),
        mib(idleFile));
    if (!back)
        printMemoryDiagnostics();
    QVERIFY2(back, "RSS did not come back within 20 % of the idle RSS");
    QVERIFY2(peak < PeakLimit,
        qPrintable(
            QStringLiteral("peak RSS %1 MiB, limit %2 MiB").arg(mib(peak)).arg(mib(PeakLimit))));
    engine.stop();
    publisher.kill();
    publisher.waitForFinished(10000);
}

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsSet(PublishEnv)) {
        QCoreApplication app(argc, argv);
        return publishBurst(qEnvironmentVariable(PublishEnv));
    }
    QCoreApplication app(argc, argv);
    TestEngineMemory test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "TestEngineMemory.moc"
