// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// CURVE endpoints with the client key pair in the keychain (gnome-keyring of the harness),
// against a real CURVE server socket whose ZAP handler admits exactly that key.
#include "zeromq/CurveKeyStore.h"
#include "zeromq/ZmqSource.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QSignalSpy>
#include <QTest>

#include <zmq.h>

#include <array>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <thread>

using namespace fedmsg;

namespace {

/// A CURVE XPUB server with a ZAP handler thread admitting one client public key.
class CurveServer
{
public:
    CurveServer()
        : m_ctx(zmq_ctx_new())
        , m_zap(boundZapHandler(m_ctx)) // bound before the server socket is
        , m_socket(zmq_socket(m_ctx, ZMQ_XPUB))
    {
        std::array<char, Z85KeyLength + 1> pub {};
        std::array<char, Z85KeyLength + 1> sec {};
        zmq_curve_keypair(pub.data(), sec.data());
        m_serverPublic = QByteArray(pub.data(), Z85KeyLength);
        const int one = 1;
        const int zero = 0;
        zmq_setsockopt(m_socket, ZMQ_LINGER, &zero, sizeof zero);
        zmq_setsockopt(m_socket, ZMQ_CURVE_SERVER, &one, sizeof one);
        zmq_setsockopt(m_socket, ZMQ_CURVE_SECRETKEY, sec.data(), Z85KeyLength);
        zmq_setsockopt(m_socket, ZMQ_ZAP_DOMAIN, "fedmsg-test", 11);
        zmq_bind(m_socket, "tcp://127.0.0.1:*");
        std::array<char, 128> buf {};
        size_t len = buf.size();
        zmq_getsockopt(m_socket, ZMQ_LAST_ENDPOINT, buf.data(), &len);
        m_url = QString::fromLatin1(buf.data());
        m_thread = std::thread([this] {
            zapLoop();
        });
    }
    ~CurveServer()
    {
        m_stop = true;
        m_thread.join();
        zmq_close(m_socket);
        zmq_close(m_zap);
        zmq_ctx_term(m_ctx);
    }
    CurveServer(const CurveServer &) = delete;
    CurveServer &operator=(const CurveServer &) = delete;
    CurveServer(CurveServer &&) = delete;
    CurveServer &operator=(CurveServer &&) = delete;

    void allow(const QByteArray &z85PublicKey)
    {
        std::array<std::uint8_t, 32> key {};
        zmq_z85_decode(key.data(), z85PublicKey.constData());
        QByteArray allowed;
        for (const std::uint8_t byte : key)
            allowed.append(static_cast<char>(byte));
        std::lock_guard lock(m_mutex);
        m_allowed = allowed;
    }
    /// Waits for a subscription (i.e. a client that passed the handshake).
    bool waitForSubscriber(int timeoutMs)
    {
        zmq_pollitem_t item { m_socket, 0, ZMQ_POLLIN, 0 };
        if (zmq_poll(&item, 1, timeoutMs) != 1)
            return false;
        std::array<char, 256> buf {};
        return zmq_recv(m_socket, buf.data(), buf.size(), 0) >= 1 && buf[0] == 1;
    }
    void send(const QByteArray &topic, const QByteArray &body)
    {
        zmq_send(m_socket, topic.constData(), std::size_t(topic.size()), ZMQ_SNDMORE);
        zmq_send(m_socket, body.constData(), std::size_t(body.size()), 0);
    }
    int denied() const { return m_denied; }
    const QString &url() const { return m_url; }
    const QByteArray &serverPublic() const { return m_serverPublic; }

private:
    static constexpr int Z85KeyLength = 40;

    static void *boundZapHandler(void *ctx)
    {
        void *zap = zmq_socket(ctx, ZMQ_REP);
        zmq_bind(zap, "inproc://zeromq.zap.01");
        return zap;
    }

    void zapLoop()
    {
        while (!m_stop) {
            zmq_pollitem_t item { m_zap, 0, ZMQ_POLLIN, 0 };
            if (zmq_poll(&item, 1, 50) != 1) // test helper thread, not product code
                continue;
            QList<QByteArray> frames;
            int more = 1;
            while (more != 0) {
                zmq_msg_t m;
                zmq_msg_init(&m);
                zmq_msg_recv(&m, m_zap, 0);
                frames << QByteArray(
                    static_cast<const char *>(zmq_msg_data(&m)), qsizetype(zmq_msg_size(&m)));
                more = zmq_msg_more(&m);
                zmq_msg_close(&m);
            }
            // version, request id, domain, address, identity, mechanism, credentials...
            bool ok = false;
            {
                std::lock_guard lock(m_mutex);
                ok = frames.size() >= 7 && frames.at(5) == "CURVE" && frames.at(6) == m_allowed;
            }
            if (!ok)
                ++m_denied;
            const QList<QByteArray> reply {
                "1.0", frames.value(1), ok ? "200" : "400", ok ? "OK" : "not allowed", "", ""
            };
            for (qsizetype i = 0; i < reply.size(); ++i)
                zmq_send(m_zap,
                    reply.at(i).constData(),
                    std::size_t(reply.at(i).size()),
                    i + 1 < reply.size() ? ZMQ_SNDMORE : 0);
        }
    }

    void *m_ctx = nullptr;
    void *m_zap = nullptr;
    void *m_socket = nullptr;
    QString m_url;
    QByteArray m_serverPublic;
    std::thread m_thread;
    std::atomic<bool> m_stop { false };
    std::atomic<int> m_denied { 0 };
    std::mutex m_mutex;
    QByteArray m_allowed;
};

CurveKeyPair fetchKeys(const QString &bus, QString *error)
{
    CurveKeyStore store;
    QSignalSpy ready(&store, &CurveKeyStore::keysReady);
    QSignalSpy failed(&store, &CurveKeyStore::keysFailed);
    store.fetch(bus);
    const bool answered = QTest::qWaitFor(
        [&] {
            return !ready.isEmpty() || !failed.isEmpty();
        },
        20000);
    if (!answered) {
        *error = QStringLiteral("keychain did not answer");
        return {};
    }
    if (!failed.isEmpty()) {
        *error = failed.first().at(1).toString();
        return {};
    }
    return ready.first().at(1).value<CurveKeyPair>();
}

} // namespace

class TestZmqSourceCurve : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void keyPairIsGeneratedOnceAndKept();
    void curveEndpointUsesTheKeychainKey();
    void unknownClientKeyIsRejected();
};

void TestZmqSourceCurve::initTestCase()
{
    if (zmq_has("curve") == 0)
        QSKIP("libzmq was built without CURVE support");
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()
        || !bus.interface()->isServiceRegistered(QStringLiteral("org.freedesktop.secrets")))
        QSKIP("needs an unlocked secret service (gnome-keyring) on the session bus: run under "
              "tests/run-headless.sh");
    // Start from a clean entry.
    for (const QString &name : { QStringLiteral("curve-test"), QStringLiteral("curve-other") }) {
        CurveKeyStore store;
        QSignalSpy removed(&store, &CurveKeyStore::removed);
        store.remove(name);
        QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, 20000);
    }
}

void TestZmqSourceCurve::keyPairIsGeneratedOnceAndKept()
{
    QString error;
    const CurveKeyPair first = fetchKeys(QStringLiteral("curve-test"), &error);
    QVERIFY2(first.isValid(), qPrintable(error));
    const CurveKeyPair again = fetchKeys(QStringLiteral("curve-test"), &error);
    QCOMPARE(again, first);
    const CurveKeyPair other = fetchKeys(QStringLiteral("curve-other"), &error);
    QVERIFY(other.isValid());
    QVERIFY(other.publicKey != first.publicKey);
}

void TestZmqSourceCurve::curveEndpointUsesTheKeychainKey()
{
    QString error;
    const CurveKeyPair keys = fetchKeys(QStringLiteral("curve-test"), &error);
    QVERIFY2(keys.isValid(), qPrintable(error));
    CurveServer server;
    server.allow(keys.publicKey);

    BusConfig bus;
    bus.name = QStringLiteral("curve-test");
    bus.endpoints = { BusEndpoint { server.url(), QString::fromLatin1(server.serverPublic()) } };
    bus.trust.validateSignatures = false;
    ZmqSource src(bus); // no setCurveClientKeys: it must read the keychain itself
    QSignalSpy batches(&src, &Source::envelopesReceived);
    QSignalSpy started(&src, &ZmqSource::started);
    src.start();
    QVERIFY(started.wait(20000));
    QVERIFY(server.waitForSubscriber(10000));
    server.send("org.fedoraproject.prod.secret.thing",
        R"({"topic":"org.fedoraproject.prod.secret.thing","msg":{"over":"curve"}})");
    QVERIFY(batches.wait(5000));
    QCOMPARE(batches.first().at(0).value<QList<Envelope>>().first().msg()["over"].toQString(),
        QStringLiteral("curve"));
    QTRY_COMPARE(src.endpointStatuses().value(0).state, EndpointStatus::State::Connected);
    QCOMPARE(server.denied(), 0);
}

void TestZmqSourceCurve::unknownClientKeyIsRejected()
{
    QString error;
    const CurveKeyPair allowed = fetchKeys(QStringLiteral("curve-test"), &error);
    QVERIFY(allowed.isValid());
    CurveServer server;
    server.allow(allowed.publicKey);
    BusConfig bus;
    bus.name = QStringLiteral("curve-other"); // another bus: another key pair
    bus.endpoints = { BusEndpoint { server.url(), QString::fromLatin1(server.serverPublic()) } };
    ZmqSource src(bus);
    QSignalSpy states(&src, &Source::endpointStatusChanged);
    src.start();
    QTRY_VERIFY_WITH_TIMEOUT(server.denied() > 0, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(
        src.endpointStatuses().value(0).state == EndpointStatus::State::Failed, 10000);
    QVERIFY2(src.endpointStatuses().value(0).detail.contains(QStringLiteral("authentication")),
        qPrintable(src.endpointStatuses().value(0).detail));
    QVERIFY(!server.waitForSubscriber(200));
}

QTEST_GUILESS_MAIN(TestZmqSourceCurve)
#include "TestZmqSourceCurve.moc"
