// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// bench_bus: end-to-end fedmsg delivery on loopback TCP, Publisher -> ZmqSource ->
// envelopesReceived on the main thread (parse, topic check, validation, batching, queued
// signal), unsigned and signed, beside a raw cppzmq PUB -> SUB baseline measured in the same run.
//
//   bench_bus [messages=20000] [latency-samples=2000]

#include "BenchReport.h"
#include "TestData.h"
#include "zeromq/Publisher.h"
#include "zeromq/ZmqSource.h"
#include "json/JsonWriter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLoggingCategory>

#include <zmq.hpp>

#include <algorithm>
#include <cstdio>
#include <thread>
#include <vector>

using namespace fedmsg;

namespace {

QString certDir()
{
    return fedmsg::test::testDataPath("vectors/certs/");
}

struct Result
{
    double perSecond = 0;
    double p50us = 0;
    double p99us = 0;
};

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(p * double(v.size())))];
}

JsonValue sampleMsg(int i)
{
    // Roughly the size of a real bodhi comment message.
    return JsonValue(JsonValue::Object {
        { "comment",
            JsonValue(JsonValue::Object {
                { "text", JsonValue("Works for me, tested on Fedora 39 with the nethack update.") },
                { "karma", 1 },
                { "user", JsonValue(JsonValue::Object { { "name", JsonValue("alice") } }) } }) },
        { "agent", JsonValue("alice") },
        { "update",
            JsonValue(
                JsonValue::Object { { "alias", JsonValue("FEDORA-2023-" + std::to_string(i)) },
                    { "title", JsonValue("nethack-3.6.7-1.fc39") } }) } });
}

Result rawBaseline(
    int messages, int samples, const std::vector<std::string> &bodies, const std::string &topic)
{
    zmq::context_t ctx;
    zmq::socket_t pub(ctx, zmq::socket_type::pub);
    zmq::socket_t sub(ctx, zmq::socket_type::sub);
    pub.set(zmq::sockopt::sndhwm, 0);
    sub.set(zmq::sockopt::rcvhwm, 0);
    pub.bind("tcp://127.0.0.1:*");
    const std::string ep = pub.get(zmq::sockopt::last_endpoint);
    sub.set(zmq::sockopt::subscribe, "");
    sub.connect(ep);
    // Wait until the subscription is through: send probes until one arrives.
    while (true) {
        pub.send(zmq::buffer(topic), zmq::send_flags::sndmore);
        pub.send(zmq::str_buffer("probe"), zmq::send_flags::none);
        zmq::pollitem_t item { sub.handle(), 0, ZMQ_POLLIN, 0 };
        if (zmq::poll(&item, 1, std::chrono::milliseconds(50)) > 0)
            break;
    }
    zmq::message_t m;
    while (sub.recv(m, zmq::recv_flags::dontwait)) {}

    Result r;
    QElapsedTimer t;
    t.start();
    std::thread producer([&] {
        for (int i = 0; i < messages; ++i) {
            pub.send(zmq::buffer(topic), zmq::send_flags::sndmore);
            pub.send(zmq::buffer(bodies[std::size_t(i) % bodies.size()]), zmq::send_flags::none);
        }
    });
    int got = 0;
    while (got < messages) {
        (void)sub.recv(m);
        if (!m.more())
            ++got;
    }
    producer.join();
    r.perSecond = messages / (double(t.nsecsElapsed()) / 1e9);

    std::vector<double> lat;
    for (int i = 0; i < samples; ++i) {
        QElapsedTimer one;
        one.start();
        pub.send(zmq::buffer(topic), zmq::send_flags::sndmore);
        pub.send(zmq::buffer(bodies[std::size_t(i) % bodies.size()]), zmq::send_flags::none);
        (void)sub.recv(m);
        (void)sub.recv(m);
        lat.push_back(double(one.nsecsElapsed()) / 1e3);
    }
    r.p50us = percentile(lat, 0.5);
    r.p99us = percentile(lat, 0.99);
    return r;
}

Result endToEnd(int messages,
    int samples,
    const std::vector<JsonValue> &bodies,
    bool validate,
    quint64 *untrusted)
{
    PublisherOptions o;
    o.mode = PublisherOptions::Mode::Bind;
    o.url = QStringLiteral("tcp://127.0.0.1:*");
    o.lingerMs = 0;
    o.sendHighWaterMark = 10000000;
    Publisher pub(o);
    if (!pub.open())
        return {};
    BusConfig bus;
    bus.name = QStringLiteral("bench");
    bus.endpoints = { BusEndpoint { pub.boundEndpoint(), {} } };
    bus.receiveHighWaterMark = 10000000;
    bus.trust.validateSignatures = validate;
    bus.trust.caLocation = certDir() + QStringLiteral("ca.crt");
    bus.trust.crlLocation = certDir() + QStringLiteral("crl.pem");
    ZmqSource src(bus);
    int got = 0;
    QEventLoop loop;
    int target = 0;
    QObject::connect(&src, &Source::envelopesReceived, &loop, [&](const QList<Envelope> &batch) {
        got += int(batch.size());
        for (const Envelope &e : batch)
            if (validate && e.trust() != TrustState::Trusted)
                ++*untrusted;
        if (got >= target)
            loop.quit();
    });
    src.start();
    pub.waitForSubscriber(QStringLiteral("org"), 10000);

    // Pre-serialize so that the publisher side costs the same as the raw baseline.
    std::vector<QList<QByteArray>> frames;
    for (const JsonValue &b : bodies) {
        const std::string json = JsonWriter::canonical(b);
        frames.push_back(
            { b["topic"].toQString().toUtf8(), QByteArray(json.data(), qsizetype(json.size())) });
    }

    Result r;
    target = messages;
    QElapsedTimer t;
    t.start();
    std::thread producer([&] {
        for (int i = 0; i < messages; ++i)
            pub.sendFrames(frames[std::size_t(i) % frames.size()]);
    });
    loop.exec();
    producer.join();
    r.perSecond = messages / (double(t.nsecsElapsed()) / 1e9);

    std::vector<double> lat;
    for (int i = 0; i < samples; ++i) {
        got = 0;
        target = 1;
        QElapsedTimer one;
        one.start();
        pub.sendFrames(frames[std::size_t(i) % frames.size()]);
        loop.exec();
        lat.push_back(double(one.nsecsElapsed()) / 1e3);
    }
    r.p50us = percentile(lat, 0.5);
    r.p99us = percentile(lat, 0.99);
    src.stop();
    return r;
}

} // namespace

// NOLINTNEXTLINE(bugprone-exception-escape): an exception out of main is a bug; terminate says so
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("fedmsg.*.debug=false"));
    const int messages = argc > 1 ? std::atoi(argv[1]) : 20000;
    const int samples = argc > 2 ? std::atoi(argv[2]) : 2000;

    PublisherOptions o;
    o.topicPrefix = QStringLiteral("org.fedoraproject");
    o.environment = QStringLiteral("prod");
    o.certFile = certDir() + QStringLiteral("shell-app01.phx2.fedoraproject.org.crt");
    o.keyFile = certDir() + QStringLiteral("shell-app01.phx2.fedoraproject.org.key");
    o.mode = PublisherOptions::Mode::Bind;
    o.url = QStringLiteral("tcp://127.0.0.1:*");
    o.lingerMs = 0;
    Publisher signer(o);
    QString error;
    if (!signer.open(&error)) {
        std::fprintf(stderr, "cannot load the test certificate: %s\n", qPrintable(error));
        return 1;
    }
    // 200 distinct messages, unsigned and signed (signing is the publisher's cost, not measured).
    std::vector<JsonValue> plain;
    std::vector<JsonValue> signedBodies;
    std::vector<std::string> rawBodies;
    const QString topic =
        signer.fullTopic(QStringLiteral("bodhi"), QStringLiteral("update.comment"));
    for (int i = 0; i < 200; ++i) {
        JsonValue body = signer.buildEnvelope(topic, sampleMsg(i));
        plain.push_back(body);
        rawBodies.push_back(JsonWriter::canonical(body));
    }
    // Signed with the real Signer through Publisher::publish (nobody listens yet: not sent).
    QElapsedTimer signTime;
    signTime.start();
    for (int i = 0; i < 200; ++i) {
        JsonValue sent;
        if (!signer.publish(QStringLiteral("bodhi"),
                QStringLiteral("update.comment"),
                sampleMsg(i),
                &error,
                &sent)) {
            std::fprintf(stderr, "signing failed: %s\n", qPrintable(error));
            return 1;
        }
        signedBodies.push_back(sent);
    }
    std::printf("signing (Publisher, RSA-1024/SHA-1): %.1f us per message\n",
        double(signTime.nsecsElapsed()) / 1e3 / 200);

    std::printf("bench_bus: %d messages per throughput run, %d latency samples, body ~%zu bytes "
                "(signed ~%zu)\n",
        messages,
        samples,
        rawBodies.front().size(),
        JsonWriter::canonical(signedBodies.front()).size());
    const Result raw = rawBaseline(messages, samples, rawBodies, topic.toStdString());
    std::printf("%-34s %10.0f msg/s   p50 %7.1f us   p99 %7.1f us\n",
        "raw cppzmq PUB->SUB (baseline)",
        raw.perSecond,
        raw.p50us,
        raw.p99us);
    quint64 untrusted = 0;
    const Result unsignedRun = endToEnd(messages, samples, plain, false, &untrusted);
    std::printf("%-34s %10.0f msg/s   p50 %7.1f us   p99 %7.1f us   (%.2fx baseline throughput)\n",
        "ZmqSource unsigned, no validation",
        unsignedRun.perSecond,
        unsignedRun.p50us,
        unsignedRun.p99us,
        unsignedRun.perSecond / raw.perSecond);
    const Result signedRun = endToEnd(messages, samples, signedBodies, true, &untrusted);
    std::printf("%-34s %10.0f msg/s   p50 %7.1f us   p99 %7.1f us   (%.2fx baseline throughput)\n",
        "ZmqSource signed, validated",
        signedRun.perSecond,
        signedRun.p50us,
        signedRun.p99us,
        signedRun.perSecond / raw.perSecond);
    const auto latency = [](const Result &r) {
        return QStringLiteral("%1 msg/s, p50 %2 us, p99 %3 us")
            .arg(QString::number(r.perSecond, 'f', 0),
                QString::number(r.p50us, 'f', 1),
                QString::number(r.p99us, 'f', 1));
    };
    bench::report({ QStringLiteral("ZeroMQ bus"),
        QStringLiteral("publish -> validated Envelope (ZmqSource, signed, 127.0.0.1)"),
        latency(signedRun),
        QStringLiteral("raw cppzmq PUB->SUB: %1 (x%2 throughput)")
            .arg(latency(raw), QString::number(signedRun.perSecond / raw.perSecond, 'f', 2)),
        QStringLiteral("-"),
        std::nullopt });
    if (untrusted > 0) {
        std::printf("ERROR: %llu signed messages were not trusted\n",
            static_cast<unsigned long long>(untrusted));
        return 1;
    }
    return 0;
}
