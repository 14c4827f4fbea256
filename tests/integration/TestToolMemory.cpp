// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Peak memory of the built tools under hostile load, measured by the kernel (wait4's rusage of
// the child): fedmsg-tail --json behind a reader that stalls while a publisher floods, and
// fedmsg-logger given a 100 MB line.
#include "LoopbackEndpoint.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <zmq.h>

#include <array>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace fedmsg;
using fedmsg::test::freeLoopbackEndpoint;

namespace {

constexpr long LimitKiB = 256L * 1024;

// Under AddressSanitizer (the asan preset) RSS includes shadow memory and quarantine, and a
// virtual memory limit would stop the sanitizer itself: the bound is printed, not asserted.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool Sanitized = true;
#else
constexpr bool Sanitized = false;
#endif

/// A child started with posix_spawn (not QProcess) so that wait4 gives its own peak RSS. Run
/// under `ulimit -v` so that a runaway cannot take the machine with it.
class MeasuredChild
{
public:
    MeasuredChild(const QString &program,
        const QStringList &args,
        int stdinFd,
        int stdoutFd,
        const QString &stderrPath)
    {
        QList<QByteArray> argv { "sh",
            "-c",
            Sanitized ? R"(exec "$0" "$@")" : R"(ulimit -v 4194304; exec "$0" "$@")",
            program.toLocal8Bit() };
        for (const QString &a : args)
            argv << a.toLocal8Bit();
        std::vector<char *> raw;
        for (QByteArray &a : argv)
            raw.push_back(a.data());
        raw.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        if (stdinFd >= 0)
            posix_spawn_file_actions_adddup2(&actions, stdinFd, STDIN_FILENO);
        if (stdoutFd >= 0)
            posix_spawn_file_actions_adddup2(&actions, stdoutFd, STDOUT_FILENO);
        const QByteArray err = stderrPath.toLocal8Bit();
        posix_spawn_file_actions_addopen(
            &actions, STDERR_FILENO, err.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        m_ok = posix_spawn(&m_pid, "/bin/sh", &actions, nullptr, raw.data(), environ) == 0;
        posix_spawn_file_actions_destroy(&actions);
    }
    ~MeasuredChild()
    {
        if (m_ok && !m_reaped) {
            ::kill(m_pid, SIGKILL);
            int status = 0;
            ::waitpid(m_pid, &status, 0);
        }
    }
    MeasuredChild(const MeasuredChild &) = delete;
    MeasuredChild &operator=(const MeasuredChild &) = delete;
    MeasuredChild(MeasuredChild &&) = delete;
    MeasuredChild &operator=(MeasuredChild &&) = delete;
    bool isStarted() const { return m_ok; }
    pid_t pid() const { return m_pid; }
    /// Waits for the exit; *peakKiB = ru_maxrss. Returns the exit status (-1: killed/timeout).
    int wait(long *peakKiB, int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        int status = 0;
        rusage usage {};
        while (true) {
            const pid_t r = ::wait4(m_pid, &status, WNOHANG, &usage);
            if (r == m_pid)
                break;
            if (t.elapsed() > timeoutMs)
                return -1;
            QTest::qWait(20); // nothing to wait on but the child's end
        }
        m_reaped = true;
        // NOLINTNEXTLINE(cppcoreguidelines-pro-type-union-access): glibc declares it in a union
        *peakKiB = usage.ru_maxrss;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

private:
    pid_t m_pid = 0;
    bool m_ok = false;
    bool m_reaped = false;
};

QByteArray readAvailable(int fd, int timeoutMs)
{
    QByteArray out;
    pollfd p { fd, POLLIN, 0 };
    while (::poll(&p, 1, timeoutMs) > 0) {
        std::array<char, 65536> buf {};
        const ssize_t n = ::read(fd, buf.data(), buf.size());
        if (n <= 0)
            break;
        out.append(buf.data(), n);
        timeoutMs = 0;
    }
    return out;
}

} // namespace

class TestToolMemory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tailBehindAStalledReaderStaysBounded();
    void loggerStreamsAHugeLine();
};

void TestToolMemory::tailBehindAStalledReaderStaysBounded()
{
    const QString url = freeLoopbackEndpoint();
    void *ctx = zmq_ctx_new();
    void *pub = zmq_socket(ctx, ZMQ_PUB);
    const int linger = 0;
    zmq_setsockopt(pub, ZMQ_LINGER, &linger, sizeof linger);
    QCOMPARE(zmq_bind(pub, url.toLatin1().constData()), 0);
    auto send = [pub](const QByteArray &body) {
        static const QByteArray topic = "org.fedoraproject.prod.flood.x";
        zmq_send(pub, topic.constData(), std::size_t(topic.size()), ZMQ_SNDMORE);
        zmq_send(pub, body.constData(), std::size_t(body.size()), ZMQ_DONTWAIT);
    };
    std::array<int, 2> pipeFds {};
    QCOMPARE(::pipe2(pipeFds.data(), O_CLOEXEC), 0);
    QTemporaryDir dir;
    const QString errPath = dir.filePath(QStringLiteral("stderr"));
    MeasuredChild tail(qEnvironmentVariable("FEDMSG_TAIL_BIN"),
        { QStringLiteral("--no-default-config"),
            QStringLiteral("--no-validate"),
            QStringLiteral("--endpoint"),
            url,
            QStringLiteral("--json") },
        -1,
        pipeFds[1],
        errPath);
    ::close(pipeFds[1]);
    QVERIFY(tail.isStarted());

    // Subscribed once a probe comes through.
    QByteArray out;
    QElapsedTimer clock;
    clock.start();
    while (!out.contains("probe") && clock.elapsed() < 20000) {
        send(R"({"topic":"org.fedoraproject.prod.flood.x","msg_id":"p","msg":{"log":"probe"}})");
        out += readAvailable(pipeFds[0], 100);
    }
    QVERIFY2(out.contains("probe"), "fedmsg-tail never showed the probe");

    // The reader stalls for 10 s (does not read the pipe at all) while the publisher floods
    // with 4 KiB messages (paced to ~80 MB/s so the publisher does not starve the machine).
    std::atomic<quint64> sent { 0 };
    std::thread flood([&] {
        const QByteArray body =
            R"({"topic":"org.fedoraproject.prod.flood.x","msg_id":"f","msg":{"log":")"
            + QByteArray(4096, 'x') + R"("}})";
        const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (std::chrono::steady_clock::now() < end) {
            for (int i = 0; i < 20; ++i)
                send(body);
            sent += 20;
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    });
    flood.join();
    // The reader comes back: it reads for a while, then the tail is stopped.
    clock.restart();
    qint64 read = 0;
    while (clock.elapsed() < 3000)
        read += readAvailable(pipeFds[0], 100).size();
    ::kill(tail.pid(), SIGTERM);
    while (true) {
        const QByteArray rest = readAvailable(pipeFds[0], 5000);
        if (rest.isEmpty())
            break;
        read += rest.size();
    }
    ::close(pipeFds[0]);
    long peakKiB = 0;
    const int status = tail.wait(&peakKiB, 30000);
    QFile errFile(errPath);
    QVERIFY(errFile.open(QIODevice::ReadOnly));
    const QByteArray err = errFile.readAll();
    std::printf("fedmsg-tail --json, reader stalled 10 s: %llu messages sent, %lld bytes read "
                "after, peak RSS %ld KiB (%.1f MiB), limit %ld MiB\n%s",
        static_cast<unsigned long long>(sent.load()),
        static_cast<long long>(read),
        peakKiB,
        double(peakKiB) / 1024.0,
        LimitKiB / 1024,
        err.left(1000).constData());
    std::fflush(stdout);
    zmq_close(pub);
    zmq_ctx_term(ctx);
    QCOMPARE(status, 0);
    if (Sanitized)
        QSKIP("AddressSanitizer build: peak RSS printed above, not compared with the bound");
    QVERIFY2(peakKiB < LimitKiB, "fedmsg-tail grew past 256 MiB behind a stalled reader");
}

void TestToolMemory::loggerStreamsAHugeLine()
{
    // A 100 MB line is refused (over the 16 MiB message size limit) without being held; the
    // next line still goes out.
    QTemporaryDir dir;
    const QString input = dir.filePath(QStringLiteral("input"));
    {
        QFile f(input);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray chunk(qsizetype { 1024 } * 1024, 'y');
        for (int i = 0; i < 100; ++i)
            QVERIFY(f.write(chunk) == chunk.size());
        QVERIFY(f.write("\nafter\n") == 7);
    }
    const QString url = freeLoopbackEndpoint();
    QProcess tail;
    tail.start(qEnvironmentVariable("FEDMSG_TAIL_BIN"),
        { QStringLiteral("--no-default-config"),
            QStringLiteral("--no-validate"),
            QStringLiteral("--endpoint"),
            url,
            QStringLiteral("--json"),
            QStringLiteral("--count"),
            QStringLiteral("1") });
    QVERIFY(tail.waitForStarted(5000));
    const int in = ::open(input.toLocal8Bit().constData(), O_RDONLY | O_CLOEXEC);
    QVERIFY(in >= 0);
    const QString errPath = dir.filePath(QStringLiteral("stderr"));
    MeasuredChild logger(qEnvironmentVariable("FEDMSG_LOGGER_BIN"),
        { QStringLiteral("--no-default-config"),
            QStringLiteral("--bind"),
            url,
            QStringLiteral("--wait"),
            QStringLiteral("20000") },
        in,
        -1,
        errPath);
    ::close(in);
    QVERIFY(logger.isStarted());
    long peakKiB = 0;
    const int status = logger.wait(&peakKiB, 120000);
    QFile errFile(errPath);
    QVERIFY(errFile.open(QIODevice::ReadOnly));
    const QByteArray err = errFile.readAll();
    std::printf("fedmsg-logger, a 100 MiB line: peak RSS %ld KiB (%.1f MiB), limit %ld MiB\n%s",
        peakKiB,
        double(peakKiB) / 1024.0,
        LimitKiB / 1024,
        err.left(1000).constData());
    std::fflush(stdout);
    const bool tailDone = tail.state() == QProcess::NotRunning || tail.waitForFinished(20000);
    const QByteArray out = tail.readAllStandardOutput();
    QVERIFY2(tailDone, tail.readAllStandardError().constData());
    QVERIFY2(out.contains(R"("log":"after")"), out.left(300).constData());
    QCOMPARE(status, 1); // a line was refused
    QVERIFY2(err.contains("line 1") && err.contains("message size limit"), err.constData());
    if (Sanitized)
        QSKIP("AddressSanitizer build: peak RSS printed above, not compared with the bound");
    QVERIFY2(peakKiB < LimitKiB, "fedmsg-logger held the huge line");
}

QTEST_GUILESS_MAIN(TestToolMemory)
#include "TestToolMemory.moc"
