// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// bench_amqp: messages/s and broker -> envelope (and -> History commit) latency of AmqpSource
// on loopback TLS, beside a raw rabbitmq-c consumer (same broker, same TLS, same prefetch,
// one ack per message) measured in the same run. Also counts the worker's idle wake-ups.
// Needs the broker of tests/rabbitmq/broker.sh: FEDMSG_TEST_BROKER_ENV=<dir>/broker.env.
//   bench_amqp [burst-messages=10000] [paced-messages=2000]
#include "AmqpTestBroker.h"
#include "BenchReport.h"

#include "amqp/AmqpPublisher.h"
#include "amqp/AmqpSource.h"
#include "history/History.h"
#include "history/HistoryRecord.h"
#include "json/JsonParser.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

using namespace fedmsg;
using fedmsg::test::AmqpTestBroker;

namespace {

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

struct Result
{
    double perSecond = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    int count = 0;
};

Result summarize(std::vector<qint64> latencies, qint64 firstNs, qint64 lastNs)
{
    Result r;
    r.count = static_cast<int>(latencies.size());
    if (latencies.empty()) {
        return r;
    }
    std::sort(latencies.begin(), latencies.end());
    r.p50Ms = static_cast<double>(latencies[latencies.size() / 2]) / 1e6;
    r.p99Ms =
        static_cast<double>(latencies[std::min(latencies.size() - 1, latencies.size() * 99 / 100)])
        / 1e6;
    r.perSecond = lastNs > firstNs
        ? static_cast<double>(latencies.size() - 1) * 1e9 / double(lastNs - firstNs)
        : 0;
    return r;
}

/// Publishes count messages on topic from a thread; paced = one every intervalUs.
std::thread publishInBackground(const AmqpTestBroker &broker,
    const QString &topic,
    int count,
    int intervalUs,
    std::atomic<bool> *failed)
{
    return std::thread([&broker, topic, count, intervalUs, failed] {
        AmqpPublisher p(broker.publisherOptions());
        QString error;
        if (!p.connect(&error)) {
            std::fprintf(stderr, "publisher: %s\n", qPrintable(error));
            *failed = true;
            return;
        }
        const QByteArray filler(800, 'x');
        const auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < count; ++i) {
            if (intervalUs > 0) {
                std::this_thread::sleep_until(
                    start + std::chrono::microseconds(qint64(i) * intervalUs));
            }
            AmqpOutgoingMessage m;
            m.topic = topic;
            m.body.insert("i", JsonValue(i));
            m.body.insert("t", JsonValue(static_cast<std::int64_t>(nowNs())));
            m.body.insert("text", JsonValue(filler.toStdString()));
            m.usernames = { QStringLiteral("alice") };
            if (p.publish(m, &error).isEmpty()) {
                std::fprintf(stderr, "publish: %s\n", qPrintable(error));
                *failed = true;
                return;
            }
            if (i % 500 == 499 && !p.waitForConfirms(30000, &error)) {
                std::fprintf(stderr, "confirms: %s\n", qPrintable(error));
                *failed = true;
                return;
            }
        }
        p.waitForConfirms(30000, &error);
    });
}

Result runRaw(const AmqpTestBroker &broker, int count, int intervalUs)
{
    AmqpConnection c;
    AmqpError e;
    const QString queue = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString topic = QStringLiteral("bench.raw.") + queue.left(8);
    if (!c.open(broker.consumerOptions(), &e) || !c.openChannel(1, &e)
        || !c.declareQueue(1, queue, false, false, false, true, {}, &e)
        || !c.bindQueue(1, queue, QStringLiteral("amq.topic"), topic, &e) || !c.qos(1, 25, &e)
        || !c.consume(1, queue, &e)) {
        std::fprintf(stderr, "raw consumer: %s\n", qPrintable(e.text));
        return {};
    }
    std::atomic<bool> failed { false };
    std::thread pub = publishInBackground(broker, topic, count, intervalUs, &failed);
    std::vector<qint64> lat;
    lat.reserve(count);
    qint64 first = 0;
    qint64 last = 0;
    while (int(lat.size()) < count && !failed) {
        amqp_maybe_release_buffers(c.state());
        amqp_envelope_t env;
        timeval tv { 30, 0 };
        const amqp_rpc_reply_t r = amqp_consume_message(c.state(), &env, &tv, 0);
        if (r.reply_type != AMQP_RESPONSE_NORMAL) {
            std::fprintf(stderr, "raw consume failed\n");
            break;
        }
        // Same work as the source: parse the JSON body (through the mapper's parser).
        const std::string_view body(
            static_cast<const char *>(env.message.body.bytes), env.message.body.len);
        const auto json = JsonParser::parse(body);
        const qint64 now = nowNs();
        if (json) {
            lat.push_back(now - (*json)["t"].toInt64());
        }
        first = first != 0 ? first : now;
        last = now;
        c.ack(1, env.delivery_tag, false, &e);
        amqp_destroy_envelope(&env);
    }
    pub.join();
    c.close();
    return summarize(std::move(lat), first, last);
}

Result runSource(
    const AmqpTestBroker &broker, int count, int intervalUs, History *history, int prefetch = 25)
{
    const QString topic = QStringLiteral("bench.source.")
        + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
    BusConfig bus = broker.bus({ topic });
    bus.amqp.prefetch = prefetch;
    AmqpSource source(bus);
    QEventLoop loop;
    std::vector<qint64> lat;
    lat.reserve(count);
    qint64 first = 0;
    qint64 last = 0;
    QHash<QString, qint64> sentAt;
    bool connected = false;
    QObject::connect(&source, &Source::endpointStatusChanged, &loop, [&](const EndpointStatus &s) {
        if (s.state == EndpointStatus::State::Connected && !connected) {
            connected = true;
            loop.quit();
        }
    });
    auto record = [&](qint64 t) {
        const qint64 now = nowNs();
        lat.push_back(now - t);
        first = first != 0 ? first : now;
        last = now;
        if (int(lat.size()) >= count) {
            loop.quit();
        }
    };
    QObject::connect(&source, &Source::envelopesReceived, &loop, [&](const QList<Envelope> &batch) {
        if (history) {
            QList<HistoryRecord> records;
            for (const Envelope &e : batch) {
                sentAt.insert(e.msgId(), e.msg()["t"].toInt64());
                records.append(HistoryRecord { e, {}, {}, {} });
            }
            history->store(records);
            return;
        }
        QList<quint64> tags;
        for (const Envelope &e : batch) {
            tags.append(e.deliveryTag());
            record(e.msg()["t"].toInt64());
        }
        source.acknowledge(tags);
    });
    if (history) {
        QObject::connect(history, &History::stored, &loop, [&](const QList<StoreResult> &results) {
            QList<quint64> tags;
            for (const StoreResult &r : results) {
                tags.append(r.deliveryTag);
                if (sentAt.contains(r.msgId)) {
                    record(sentAt.take(r.msgId));
                }
            }
            source.acknowledge(tags);
        });
    }
    source.start();
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    if (!connected) {
        std::fprintf(stderr, "source did not connect\n");
        return {};
    }
    std::atomic<bool> failed { false };
    std::thread pub = publishInBackground(broker, topic, count, intervalUs, &failed);
    QTimer guard;
    QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    guard.start(120000);
    loop.exec();
    pub.join();
    source.stop();
    return summarize(std::move(lat), first, last);
}

/// Context switches of the worker thread while the bus is idle (no messages) for seconds.
void idleWakeups(const AmqpTestBroker &broker, int seconds)
{
    BusConfig bus = broker.bus({ QStringLiteral("bench.idle") });
    bus.name = QStringLiteral("idle-bench");
    AmqpSource source(bus);
    QEventLoop loop;
    QObject::connect(&source, &Source::endpointStatusChanged, &loop, [&](const EndpointStatus &s) {
        if (s.state == EndpointStatus::State::Connected) {
            loop.quit();
        }
    });
    source.start();
    loop.exec();
    auto switches = []() -> qint64 {
        const QDir task(QStringLiteral("/proc/self/task"));
        for (const QString &tid : task.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            QFile comm(task.filePath(tid + QStringLiteral("/comm")));
            if (comm.open(QIODevice::ReadOnly) && comm.readAll().startsWith("amqp:idle-bench")) {
                QFile st(task.filePath(tid + QStringLiteral("/status")));
                st.open(QIODevice::ReadOnly);
                qint64 total = 0;
                for (const QByteArray &line : st.readAll().split('\n')) {
                    if (line.contains("ctxt_switches")) {
                        total += line.split(':').last().trimmed().toLongLong();
                    }
                }
                return total;
            }
        }
        return -1;
    };
    const qint64 before = switches();
    QTimer::singleShot(seconds * 1000, &loop, &QEventLoop::quit);
    loop.exec();
    const qint64 after = switches();
    std::printf("idle: worker thread context switches in %d s idle: %lld (heartbeat 60 s; "
                "expected 0 until the first heartbeat)\n",
        seconds,
        before < 0 ? -1LL : (long long)(after - before));
    source.stop();
}

void print(const char *name, const Result &r, const Result *baseline)
{
    std::printf("%-34s %6d msgs  %9.0f msg/s  p50 %7.2f ms  p99 %7.2f ms",
        name,
        r.count,
        r.perSecond,
        r.p50Ms,
        r.p99Ms);
    if (baseline && baseline->perSecond > 0) {
        std::printf("  (%.2fx raw throughput)", r.perSecond / baseline->perSecond);
    }
    std::printf("\n");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    AmqpTestBroker broker;
    if (!broker.load()) {
        std::printf("bench_amqp: RabbitMQ test broker (tests/rabbitmq/broker.sh) not running; "
                    "set FEDMSG_TEST_BROKER_ENV\n");
        return 0;
    }
    const int burst = argc > 1 ? std::atoi(argv[1]) : 10000;
    const int paced = argc > 2 ? std::atoi(argv[2]) : 2000;
    std::printf("bench_amqp: loopback TLS consumer, prefetch 25, ~0.9 kB bodies, publisher on "
                "plain TCP in another thread\n");
    std::printf("burst of %d (throughput; latency includes queueing behind the burst):\n", burst);
    const Result rawBurst = runRaw(broker, burst, 0);
    print("  raw rabbitmq-c consume+parse+ack", rawBurst, nullptr);
    print("  AmqpSource -> envelope (GUI thread)", runSource(broker, burst, 0, nullptr), &rawBurst);
    QTemporaryDir dir;
    HistoryOptions options;
    options.databasePath = dir.filePath(QStringLiteral("bench.sqlite"));
    // Acknowledges on stored() itself: a short window (the applet's Engine ends the window once
    // half the prefetch waits for acknowledgement).
    options.commitDelay = std::chrono::milliseconds(10);
    History history(options);
    QEventLoop wait;
    QObject::connect(&history, &History::ready, &wait, &QEventLoop::quit);
    if (!history.isReady()) {
        QTimer::singleShot(10000, &wait, &QEventLoop::quit);
        wait.exec();
    }
    print(
        "  AmqpSource -> History commit -> ack", runSource(broker, burst, 0, &history), &rawBurst);
    print("  same with prefetch 200", runSource(broker, burst, 0, &history, 200), &rawBurst);
    std::printf("paced, %d messages at 1000/s (latency without backlog):\n", paced);
    const Result rawPaced = runRaw(broker, paced, 1000);
    print("  raw rabbitmq-c consume+parse+ack", rawPaced, nullptr);
    const Result sourcePaced = runSource(broker, paced, 1000, nullptr);
    print("  AmqpSource -> envelope (GUI thread)", sourcePaced, nullptr);
    const auto latency = [](const Result &r) {
        return QStringLiteral("p50 %1 ms, p99 %2 ms")
            .arg(QString::number(r.p50Ms, 'f', 2), QString::number(r.p99Ms, 'f', 2));
    };
    bench::report({ QStringLiteral("AMQP bus"),
        QStringLiteral("publish -> Envelope at 1000 msg/s (AmqpSource, TLS, local RabbitMQ)"),
        latency(sourcePaced),
        QStringLiteral("raw rabbitmq-c consume+parse+ack: %1").arg(latency(rawPaced)),
        QStringLiteral("-"),
        std::nullopt });
    print(
        "  AmqpSource -> History commit -> ack", runSource(broker, paced, 1000, &history), nullptr);
    idleWakeups(broker, 5);
    return 0;
}
