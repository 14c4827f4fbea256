// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "LoopbackEndpoint.h"
#include "zeromq/Publisher.h"
#include "zeromq/ZmqSource.h"
#include "json/JsonWriter.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <zmq.h>

#include <algorithm>
#include <memory>

using namespace fedmsg;
using fedmsg::test::freeLoopbackPort;
using fedmsg::test::vectorCertDir;

namespace {

constexpr qsizetype KiB = 1024;
constexpr qsizetype MiB = 1024 * KiB;

std::unique_ptr<Publisher> bindPublisher(const QString &url, int sndhwm = -1)
{
    PublisherOptions o;
    o.mode = PublisherOptions::Mode::Bind;
    o.url = url;
    o.lingerMs = 0;
    o.sendHighWaterMark = sndhwm;
    o.topicPrefix = QStringLiteral("org.fedoraproject");
    o.environment = QStringLiteral("prod");
    auto p = std::make_unique<Publisher>(o);
    QString error;
    if (!p->open(&error))
        qWarning() << "publisher:" << error;
    return p;
}

BusConfig busFor(const QStringList &urls)
{
    BusConfig b;
    b.name = QStringLiteral("test");
    b.enabled = true;
    for (const QString &u : urls)
        b.endpoints.append(BusEndpoint { u, {} });
    b.trust.validateSignatures = false;
    return b;
}

JsonValue logMsg(const char *text)
{
    return JsonValue(JsonValue::Object { { "log", JsonValue(text) } });
}

QList<Envelope> flatten(const QSignalSpy &spy)
{
    QList<Envelope> out;
    for (const QList<QVariant> &args : spy)
        out += args.at(0).value<QList<Envelope>>();
    return out;
}

bool hasState(const QSignalSpy &spy, const QString &url, EndpointStatus::State state)
{
    return std::ranges::any_of(spy, [&](const QList<QVariant> &args) {
        const auto s = args.at(0).value<EndpointStatus>();
        return s.url == url && s.state == state;
    });
}

long voluntarySwitches(long tid)
{
    QFile f(QStringLiteral("/proc/self/task/%1/status").arg(tid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("voluntary_ctxt_switches:"))
            return line.mid(24).trimmed().toLong();
    return -1;
}

} // namespace

class TestZmqSource : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void multipleEndpoints();
    void prefixSubscription();
    void reconfigureTopicsAndEndpoints();
    void publisherRestartedFiveTimes();
    void badMessagesAreDroppedAndCounted();
    void oversizeMessageCostsOnlyItself();
    void onlyOversizeMessagesStopReconnecting();
    void burstIsBatched();
    void signedAndUnsignedAreValidated();
    void reloadTrustReadsNewMaterial();
    void remoteTrustIsFetchedBeforeTheWorkerStarts();
    void stopIsImmediate();
    void idleWorkerDoesNotWakeUp();
};

void TestZmqSource::multipleEndpoints()
{
    auto a = bindPublisher(QStringLiteral("tcp://127.0.0.1:*"));
    auto b = bindPublisher(QStringLiteral("tcp://127.0.0.1:*"));
    ZmqSource src(busFor({ a->boundEndpoint(), b->boundEndpoint() }));
    QSignalSpy batches(&src, &Source::envelopesReceived);
    QSignalSpy states(&src, &Source::endpointStatusChanged);
    src.start();
    QVERIFY(src.isRunning());
    const QString topic = a->fullTopic(QStringLiteral("logger"), QStringLiteral("log"));
    QVERIFY(a->waitForSubscriber(topic, 5000));
    QVERIFY(b->waitForSubscriber(topic, 5000));
    QVERIFY(a->publish(QStringLiteral("logger"), QStringLiteral("log"), logMsg("from a")));
    QVERIFY(b->publish(QStringLiteral("logger"), QStringLiteral("log"), logMsg("from b")));
    QTRY_COMPARE_WITH_TIMEOUT(flatten(batches).size(), 2, 5000);
    QStringList seen;
    for (const Envelope &e : flatten(batches)) {
        seen << e.endpoint() + QLatin1Char('=') + e.msg()["log"].toQString();
        QCOMPARE(e.busName(), QStringLiteral("test"));
        QCOMPARE(e.trust(), TrustState::Unchecked);
        QVERIFY(e.receivedAt().isValid());
    }
    seen.sort();
    QStringList expected { a->boundEndpoint() + QStringLiteral("=from a"),
        b->boundEndpoint() + QStringLiteral("=from b") };
    expected.sort();
    QCOMPARE(seen, expected);
    QTRY_VERIFY(hasState(states, a->boundEndpoint(), EndpointStatus::State::Connected));
    QVERIFY(hasState(states, b->boundEndpoint(), EndpointStatus::State::Connected));
    // The per-endpoint status carries the counters and the time of the last message.
    QTRY_VERIFY([&] {
        for (const EndpointStatus &s : src.endpointStatuses())
            if (s.received != 1 || !s.lastMessageAt.isValid())
                return false;
        return src.endpointStatuses().size() == 2;
    }());
}

void TestZmqSource::prefixSubscription()
{
    auto pub = bindPublisher(QStringLiteral("tcp://127.0.0.1:*"));
    BusConfig bus = busFor({ pub->boundEndpoint() });
    bus.topics = { QStringLiteral("org.fedoraproject.prod.bodhi") };
    ZmqSource src(bus);
    QSignalSpy batches(&src, &Source::envelopesReceived);
    src.start();
    // The XPUB sees the SUB's prefix: a koji topic has no subscriber, a bodhi one has.
    QVERIFY(pub->waitForSubscriber(
        QStringLiteral("org.fedoraproject.prod.bodhi.update.comment"), 5000));
    QVERIFY(!pub->waitForSubscriber(QStringLiteral("org.fedoraproject.prod.buildsys.build"), 50));
    QVERIFY(pub->publish(QStringLiteral("bodhi"), QStringLiteral("update.comment"), logMsg("1")));
    QVERIFY(pub->publish(
        QStringLiteral("buildsys"), QStringLiteral("build.state.change"), logMsg("2")));
    QVERIFY(pub->publish(QStringLiteral("bodhi"), QStringLiteral("update.request"), logMsg("3")));
    QTRY_COMPARE_WITH_TIMEOUT(flatten(batches).size(), 2, 5000);
    const QList<Envelope> got = flatten(batches);
    QCOMPARE(got.at(0).topic(), QStringLiteral("org.fedoraproject.prod.bodhi.update.comment"));
    QCOMPARE(got.at(1).topic(), QStringLiteral("org.fedoraproject.prod.bodhi.update.request"));
}

void TestZmqSource::reconfigureTopicsAndEndpoints()
{
    auto a = bindPublisher(QStringLiteral("tcp://127.0.0.1:*"));
    auto b = bindPublisher(QStringLiteral("tcp://127.0.0.1:*"));
    BusConfig bus = busFor({ a->boundEndpoint() });
    bus.topics = { QStringLiteral("org.fedoraproject.prod.bodhi") };
    ZmqSource src(bus);
    QSignalSpy batches(&src, &Source::envelopesReceived);
    src.start();
    const QString koji = QStringLiteral("org.fedoraproject.prod.buildsys.build.state.change");
    QVERIFY(a->waitForSubscriber(QStringLiteral("org.fedoraproject.prod.bodhi.x"), 5000));

    bus.topics = { QStringLiteral("org.fedoraproject.prod.buildsys") };
    bus.endpoints.append(BusEndpoint { b->boundEndpoint(), {} });
    src.reconfigure(bus);
    QCOMPARE(src.config(), bus);
    QVERIFY(a->waitForSubscriber(koji, 5000));
    QVERIFY(b->waitForSubscriber(koji, 5000));
    QVERIFY(
        a->publish(QStringLiteral("bodhi"), QStringLiteral("update.comment"), logMsg("old topic")));
    QVERIFY(
        a->publish(QStringLiteral("buildsys"), QStringLiteral("build.state.change"), logMsg("a")));
    QVERIFY(
        b->publish(QStringLiteral("buildsys"), QStringLiteral("build.state.change"), logMsg("b")));
    QTRY_COMPARE_WITH_TIMEOUT(flatten(batches).size(), 2, 5000);
    for (const Envelope &e : flatten(batches))
        QCOMPARE(e.topic(), koji);

    // Dropping endpoint a closes its socket: the publisher loses its subscriber.
    bus.endpoints = { BusEndpoint { b->boundEndpoint(), {} } };
    src.reconfigure(bus);
    QTRY_COMPARE_WITH_TIMEOUT(src.endpointStatuses().size(), 1, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!a->waitForSubscriber(koji, 10) && a->subscriptionCount() == 0, 5000);
}

void TestZmqSource::publisherRestartedFiveTimes()
{
    const QString url = QStringLiteral("tcp://127.0.0.1:%1").arg(freeLoopbackPort());
    auto pub = bindPublisher(url);
    QVERIFY(pub->isOpen());
    ZmqSource src(busFor({ url }));
    QSignalSpy batches(&src, &Source::envelopesReceived);
    QSignalSpy states(&src, &Source::endpointStatusChanged);
    src.start();
    const QString topic = pub->fullTopic(QStringLiteral("logger"), QStringLiteral("log"));
    using S = EndpointStatus::State;
    for (int round = 0; round < 5; ++round) {
        QVERIFY2(pub->waitForSubscriber(topic, 10000),
            qPrintable(QStringLiteral("round %1").arg(round)));
        QTRY_VERIFY_WITH_TIMEOUT(src.endpointStatuses().value(0).state == S::Connected, 5000);
        QVERIFY(pub->publish(QStringLiteral("logger"), QStringLiteral("log"), logMsg("tick")));
        QTRY_COMPARE_WITH_TIMEOUT(flatten(batches).size(), round + 1, 5000);
        pub.reset(); // kill the publisher
        QTRY_VERIFY_WITH_TIMEOUT(src.endpointStatuses().value(0).state != S::Connected, 5000);
        pub = bindPublisher(url);
        QVERIFY(pub->isOpen());
    }
    QVERIFY(pub->waitForSubscriber(topic, 10000));
    QTRY_VERIFY_WITH_TIMEOUT(src.endpointStatuses().value(0).state == S::Connected, 5000);

    // The states went Connected -> Disconnected -> (Retrying/Connecting)* -> Connected, 6 times
    // connected and 5 times disconnected, each disconnection between two connections.
    QList<S> seq;
    for (const QList<QVariant> &args : states) {
        const S s = args.at(0).value<EndpointStatus>().state;
        if (s == S::Connected || s == S::Disconnected)
            if (seq.isEmpty() || seq.last() != s)
                seq << s;
    }
    QList<S> expected;
    for (int i = 0; i < 5; ++i)
        expected << S::Connected << S::Disconnected;
    expected << S::Connected;
    QCOMPARE(seq, expected);
    for (const QList<QVariant> &args : states) {
        const auto s = args.at(0).value<EndpointStatus>();
        if (s.state == S::Retrying)
            QVERIFY(s.retryInSeconds >= 1);
    }
    // Five reconnects, counted; a publisher going away is not taken for a refused message.
    QCOMPARE(src.endpointStatuses().value(0).reconnects, quint64(5));
    QCOMPARE(src.endpointStatuses().value(0).oversizeRefused, quint64(0));
}

void TestZmqSource::badMessagesAreDroppedAndCounted()
{
    auto pub = bindPublisher(QStringLiteral("tcp://127.0.0.1:*"));
    BusConfig bus = busFor({ pub->boundEndpoint() });
    bus.maxMessageSize = 64 * KiB;
    ZmqSource src(bus);
    QSignalSpy batches(&src, &Source::envelopesReceived);
    QSignalSpy dropped(&src, &Source::messageDropped);
    src.start();
    const QByteArray topic = "org.fedoraproject.prod.logger.log";
    QVERIFY(pub->waitForSubscriber(QString::fromLatin1(topic), 5000));
    const QByteArray good = R"({"topic":"org.fedoraproject.prod.logger.log","msg":{"log":"ok"}})";
    QByteArray huge = R"({"topic":"org.fedoraproject.prod.logger.log","msg":")"
        + QByteArray(100 * KiB, 'x') + R"("})";
    QVERIFY(pub->sendFrames({ topic, huge })); // oversize
    QVERIFY(pub->sendFrames({ topic })); // 1 frame
    QVERIFY(pub->sendFrames({ topic, good, QByteArray("extra") })); // 3 frames
    QVERIFY(pub->sendFrames({ topic,
        QByteArray(
            "{\"topic\":\"org.fedoraproject.prod.logger.log\",\"msg\":\"\xff\xfe\"}") })); // bad
                                                                                           // UTF-8
    QVERIFY(pub->sendFrames({ topic, QByteArray("not json") }));
    QVERIFY(pub->sendFrames({ topic, good }));
    QTRY_COMPARE_WITH_TIMEOUT(flatten(batches).size(), 1, 5000);
    QCOMPARE(flatten(batches).first().msg()["log"].toQString(), QStringLiteral("ok"));
    QTRY_COMPARE(dropped.size(), 5);
    QStringList reasons;
    for (const QList<QVariant> &args : dropped)
        reasons << args.at(2).toString();
    QVERIFY2(reasons.at(0).contains(QStringLiteral("limit")), qPrintable(reasons.at(0)));
    QVERIFY2(reasons.at(1).contains(QStringLiteral("got 1")), qPrintable(reasons.at(1)));
    QVERIFY2(reasons.at(2).contains(QStringLiteral("got 3")), qPrintable(reasons.at(2)));
    QTRY_VERIFY(src.endpointStatuses().value(0).dropped == 5
        && src.endpointStatuses().value(0).received == 1);
    // The connection survived all of it.
    QCOMPARE(src.endpointStatuses().value(0).state, EndpointStatus::State::Connected);
}

void TestZmqSource::oversizeMessageCostsOnlyItself()
{
    // Over libzmq's ZMQ_MAXMSGSIZE (twice maxMessageSize: 32 MiB by default) libzmq drops the
    // connection as a protocol error and, unlike a closed connection, never reconnects.
    auto pub = bindPublisher(QStringLiteral("tcp://127.0.0.1:*"));
    BusConfig bus = busFor({ pub->boundEndpoint() });
    QCOMPARE(bus.maxMessageSize, 16 * MiB);
    ZmqSource src(bus);
    QSignalSpy batches(&src, &Source::envelopesReceived);
    QSignalSpy states(&src, &Source::endpointStatusChanged);
    src.start();
    const QByteArray topic = "org.fedoraproject.prod.logger.log";
    QVERIFY(pub->waitForSubscriber(QString::fromLatin1(topic), 5000));
    QTRY_COMPARE_WITH_TIMEOUT(
        src.endpointStatuses().value(0).state, EndpointStatus::State::Connected, 5000);
    const auto body = [](const char *log) -> QByteArray {
        return R"({"topic":"org.fedoraproject.prod.logger.log","msg":{"log":")" + QByteArray(log)
            + R"("}})";
    };
    const auto logs = [&] {
        QStringList out;
        for (const Envelope &e : flatten(batches))
            out << e.msg()["log"].toQString();
        return out;
    };
    QVERIFY(pub->sendFrames({ topic, body("first") }));
    QVERIFY(pub->sendFrames({ topic, QByteArray(34 * MiB, 'x') }));
    // Until the subscriber is connected and subscribed again the publisher drops what it sends:
    // send the next message until one arrives.
    QTRY_VERIFY_WITH_TIMEOUT(
        pub->sendFrames({ topic, body("second") }) && logs().contains(QStringLiteral("second")),
        15000);
    QStringList got = logs();
    QCOMPARE(got.takeFirst(), QStringLiteral("first"));
    QCOMPARE(got.count(QStringLiteral("second")), got.size());
    QTRY_VERIFY(src.endpointStatuses().value(0).state == EndpointStatus::State::Connected);
    // The status says why, in words a user understands, and the count is in it.
    const EndpointStatus last = src.endpointStatuses().value(0);
    QVERIFY2(last.detail.contains(QStringLiteral("larger than 32 MiB")), qPrintable(last.detail));
    QCOMPARE(last.oversizeRefused, quint64(1));
    QVERIFY(last.received >= quint64(1 + got.size())); // the last "second" may still come
    // A refused message is not a peer restart: it is counted once, as what it was.
    bool sawReason = false;
    for (const QList<QVariant> &args : states)
        sawReason |= args.at(0).value<EndpointStatus>().detail.contains(QStringLiteral("refused"));
    QVERIFY(sawReason);
}

void TestZmqSource::onlyOversizeMessagesStopReconnecting()
{
    // A publisher that sends nothing but oversized messages would keep us reconnecting as fast as
    // TCP allows: after 5 refusals in a row the endpoint stays Failed until reconnectNow().
    auto pub = bindPublisher(QStringLiteral("tcp://127.0.0.1:*"));
    BusConfig bus = busFor({ pub->boundEndpoint() });
    bus.maxMessageSize = 64 * KiB; // libzmq's limit: 128 KiB
    ZmqSource src(bus);
    QSignalSpy batches(&src, &Source::envelopesReceived);
    src.start();
    const QByteArray topic = "org.fedoraproject.prod.logger.log";
    const QByteArray huge(200 * KiB, 'x');
    using S = EndpointStatus::State;
    const auto status = [&] {
        return src.endpointStatuses().value(0);
    };
    for (quint64 i = 1; i <= 6; ++i) {
        // Sent until the (re)subscribed subscriber gets one.
        QTRY_VERIFY_WITH_TIMEOUT(
            pub->sendFrames({ topic, huge }) && status().oversizeRefused == i, 10000);
    }
    QTRY_COMPARE_WITH_TIMEOUT(status().state, S::Failed, 5000);
    QVERIFY2(
        status().detail.contains(QStringLiteral("6 times in a row")), qPrintable(status().detail));
    QVERIFY2(status().detail.contains(QStringLiteral("larger than 128 KiB")),
        qPrintable(status().detail));
    src.reconnectNow();
    QTRY_COMPARE_WITH_TIMEOUT(status().state, S::Connected, 10000);
    const QByteArray good = R"({"topic":"org.fedoraproject.prod.logger.log","msg":{"log":"ok"}})";
    QTRY_VERIFY_WITH_TIMEOUT(pub->sendFrames({ topic, good }) && !batches.isEmpty(), 10000);
    QCOMPARE(status().oversizeRefused, quint64(6));
}

void TestZmqSource::burstIsBatched()
{
    auto pub = bindPublisher(QStringLiteral("tcp://127.0.0.1:*"), 100000);
    ZmqSource src(busFor({ pub->boundEndpoint() }));
    QSignalSpy batches(&src, &Source::envelopesReceived);
    src.start();
    QVERIFY(pub->waitForSubscriber(QStringLiteral("org.fedoraproject.prod.logger.log"), 5000));
    constexpr int N = 5000;
    for (int i = 0; i < N; ++i)
        QVERIFY(pub->publish(QStringLiteral("logger"), QStringLiteral("log"), logMsg("burst")));
    QTRY_COMPARE_WITH_TIMEOUT(flatten(batches).size(), N, 20000);
    qsizetype largest = 0;
    for (const QList<QVariant> &args : batches) {
        const qsizetype n = args.at(0).value<QList<Envelope>>().size();
        QVERIFY(n <= src.tuning().batchSize);
        largest = std::max(largest, n);
    }
    qInfo("%d messages in %d batches (largest %d)", N, int(batches.size()), int(largest));
    QVERIFY(batches.size() < N); // they were batched
    // In order, none lost.
    std::int64_t last = 0;
    for (const Envelope &e : flatten(batches)) {
        QCOMPARE(e.index(), last + 1);
        last = e.index();
    }
}

void TestZmqSource::signedAndUnsignedAreValidated()
{
    auto pub = bindPublisher(QStringLiteral("tcp://127.0.0.1:*"));
    BusConfig bus = busFor({ pub->boundEndpoint() });
    bus.trust.validateSignatures = true;
    bus.trust.caLocation = vectorCertDir() + QStringLiteral("ca.crt");
    bus.trust.crlLocation = vectorCertDir() + QStringLiteral("crl.pem");
    ZmqSource src(bus);
    QSignalSpy batches(&src, &Source::envelopesReceived);
    src.start();
    const QString topic = pub->fullTopic(QStringLiteral("logger"), QStringLiteral("log"));
    QVERIFY(pub->waitForSubscriber(topic, 5000));
    QVERIFY(pub->publish(QStringLiteral("logger"), QStringLiteral("log"), logMsg("unsigned")));

    PublisherOptions o = pub->options();
    o.url = QStringLiteral("tcp://127.0.0.1:*");
    o.certFile = vectorCertDir() + QStringLiteral("shell-app01.phx2.fedoraproject.org.crt");
    o.keyFile = vectorCertDir() + QStringLiteral("shell-app01.phx2.fedoraproject.org.key");
    Publisher signer(o);
    QString error;
    QVERIFY2(signer.open(&error), qPrintable(error));
    QVERIFY(signer.isSigning());
    bus.endpoints.append(BusEndpoint { signer.boundEndpoint(), {} });
    src.reconfigure(bus);
    QVERIFY(signer.waitForSubscriber(topic, 5000));
    JsonValue sent;
    QVERIFY2(signer.publish(
                 QStringLiteral("logger"), QStringLiteral("log"), logMsg("signed"), &error, &sent),
        qPrintable(error));
    QCOMPARE(sent["crypto"].toQString(), QStringLiteral("x509"));
    QVERIFY(sent["signature"].isString());

    QTRY_COMPARE_WITH_TIMEOUT(flatten(batches).size(), 2, 5000);
    for (const Envelope &e : flatten(batches)) {
        if (e.msg()["log"].toQString() == QLatin1String("signed")) {
            QVERIFY2(e.trust() == TrustState::Trusted, qPrintable(e.trustReason()));
            QCOMPARE(e.canonicalBody(), JsonWriter::canonical(sent));
        } else {
            QCOMPARE(e.trust(), TrustState::Untrusted);
            QVERIFY(!e.trustReason().isEmpty());
        }
    }
}

void TestZmqSource::reloadTrustReadsNewMaterial()
{
    QTemporaryDir dir;
    const QString ca = dir.filePath(QStringLiteral("ca.crt"));
    PublisherOptions o;
    o.mode = PublisherOptions::Mode::Bind;
    o.url = QStringLiteral("tcp://127.0.0.1:*");
    o.lingerMs = 0;
    o.certFile = vectorCertDir() + QStringLiteral("shell-app01.phx2.fedoraproject.org.crt");
    o.keyFile = vectorCertDir() + QStringLiteral("shell-app01.phx2.fedoraproject.org.key");
    Publisher pub(o);
    QVERIFY(pub.open());
    BusConfig bus = busFor({ pub.boundEndpoint() });
    bus.trust.validateSignatures = true;
    bus.trust.caLocation = ca; // not there yet
    bus.trust.crlLocation.clear();
    ZmqSource src(bus);
    QSignalSpy batches(&src, &Source::envelopesReceived);
    src.start();
    QVERIFY(pub.waitForSubscriber(QStringLiteral("org"), 5000));
    QVERIFY(pub.publish(QStringLiteral("logger"), QStringLiteral("log"), logMsg("before")));
    QTRY_COMPARE(flatten(batches).size(), 1);
    QCOMPARE(flatten(batches).at(0).trust(), TrustState::Untrusted);
    QVERIFY(QFile::copy(vectorCertDir() + QStringLiteral("ca.crt"), ca));
    src.reloadTrust();
    QVERIFY(pub.publish(QStringLiteral("logger"), QStringLiteral("log"), logMsg("after")));
    QTRY_COMPARE(flatten(batches).size(), 2);
    QVERIFY2(flatten(batches).at(1).trust() == TrustState::Trusted,
        qPrintable(flatten(batches).at(1).trustReason()));
}

// The trust set-up Engine and fedmsg-tail each had (download https CA/CRL, then start) is the
// source's own: the worker waits for the download, and a failed one is a warning, not a stop.
void TestZmqSource::remoteTrustIsFetchedBeforeTheWorkerStarts()
{
    QTemporaryDir cache;
    qputenv("XDG_CACHE_HOME", cache.path().toLocal8Bit()); // no cached copy to fall back on
    auto pub = bindPublisher(QStringLiteral("tcp://127.0.0.1:*"));
    BusConfig bus = busFor({ pub->boundEndpoint() });
    bus.trust.validateSignatures = true;
    // Nothing listens there: the download fails (after TrustStore's retries).
    const QString caUrl =
        QStringLiteral("https://127.0.0.1:%1/ca.crt").arg(test::freeLoopbackPort());
    bus.trust.caLocation = caUrl;
    bus.trust.crlLocation.clear();
    ZmqSource src(bus);
    QSignalSpy warnings(&src, &Source::warning);
    QSignalSpy started(&src, &ZmqSource::started);
    QSignalSpy batches(&src, &Source::envelopesReceived);
    src.start();
    QVERIFY(src.isRunning());
    QCOMPARE(started.size(), 0); // waiting for the download, no worker yet
    QVERIFY(started.wait(30000));
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(warnings.at(0).at(0).toString(), bus.name);
    QVERIFY2(warnings.at(0).at(1).toString().startsWith(
                 QStringLiteral("cannot download %1: ").arg(caUrl)),
        qPrintable(warnings.at(0).at(1).toString()));
    // It listens now; without a CA the messages are untrusted, not lost.
    QVERIFY(pub->waitForSubscriber(QStringLiteral("org"), 5000));
    QVERIFY(pub->publish(QStringLiteral("logger"), QStringLiteral("log"), logMsg("x")));
    QTRY_COMPARE(flatten(batches).size(), 1);
    QCOMPARE(flatten(batches).at(0).trust(), TrustState::Untrusted);
    qunsetenv("XDG_CACHE_HOME");
}

void TestZmqSource::stopIsImmediate()
{
    auto pub = bindPublisher(QStringLiteral("tcp://127.0.0.1:*"));
    ZmqSource src(busFor({ pub->boundEndpoint(), QStringLiteral("tcp://127.0.0.1:1") }));
    QSignalSpy states(&src, &Source::endpointStatusChanged);
    src.start();
    QVERIFY(pub->waitForSubscriber(QStringLiteral("x"), 5000));
    QTRY_VERIFY(hasState(states, pub->boundEndpoint(), EndpointStatus::State::Connected));
    QElapsedTimer t;
    t.start();
    src.stop();
    const qint64 ms = t.elapsed();
    qInfo("stop() took %lld ms", ms);
    QVERIFY(!src.isRunning());
    QCOMPARE(src.workerThreadId(), 0L);
    QVERIFY2(ms < 1000, "stop() should return at once (the worker wakes on the control socket)");
    // Only Stopped states after stop().
    const qsizetype before = states.size();
    QVERIFY(before >= 2);
    QCOMPARE(states.last().at(0).value<EndpointStatus>().state, EndpointStatus::State::Stopped);
    QTest::qWait(100);
    QCOMPARE(states.size(), before);
    // And it can start again.
    src.start();
    QVERIFY(pub->waitForSubscriber(QStringLiteral("x"), 5000));
    src.stop();
}

void TestZmqSource::idleWorkerDoesNotWakeUp()
{
    auto pub = bindPublisher(QStringLiteral("tcp://127.0.0.1:*"));
    ZmqSource src(busFor({ pub->boundEndpoint() }));
    QSignalSpy states(&src, &Source::endpointStatusChanged);
    src.start();
    QVERIFY(pub->waitForSubscriber(QStringLiteral("x"), 5000));
    QTRY_VERIFY(hasState(states, pub->boundEndpoint(), EndpointStatus::State::Connected));
    const long tid = src.workerThreadId();
    QVERIFY(tid > 0);
    QTest::qWait(200); // let the connection's last events drain
    const long before = voluntarySwitches(tid);
    QVERIFY(before >= 0);
    QTest::qWait(2000);
    const long after = voluntarySwitches(tid);
    qInfo("worker thread %ld: %ld voluntary context switches in 2 s idle", tid, after - before);
    QCOMPARE(after - before, 0L);
    // Still alive: a message wakes it.
    QSignalSpy batches(&src, &Source::envelopesReceived);
    QVERIFY(pub->publish(QStringLiteral("logger"), QStringLiteral("log"), logMsg("wake")));
    QVERIFY(batches.wait(5000));
    QTRY_VERIFY(voluntarySwitches(tid) > after);
}

QTEST_GUILESS_MAIN(TestZmqSource)
#include "TestZmqSource.moc"
