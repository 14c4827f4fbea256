// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "SignedVectors.h"

#include "trust/TrustLocations.h"
#include "trust/TrustStore.h"
#include "trust/Validator.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <array>

using namespace fedmsg;
using namespace fedmsg::testing;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString certFile(const char *name)
{
    return vectorsDir() + QStringLiteral("/certs/") + QLatin1String(name);
}

// A throw-away self-signed server certificate for 127.0.0.1, made with OpenSSL.
bool makeServerIdentity(QByteArray *certPem, QByteArray *keyPem)
{
    EVP_PKEY *key = EVP_RSA_gen(2048);
    X509 *x = X509_new();
    if (!key || !x)
        return false;
    X509_set_version(x, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
    X509_gmtime_adj(X509_getm_notBefore(x), -3600);
    X509_gmtime_adj(X509_getm_notAfter(x), 24L * 3600);
    X509_set_pubkey(x, key);
    X509_NAME *name = X509_get_subject_name(x);
    constexpr std::array<unsigned char, 9> commonName {
        '1', '2', '7', '.', '0', '.', '0', '.', '1'
    };
    X509_NAME_add_entry_by_txt(
        name, "CN", MBSTRING_ASC, commonName.data(), int(commonName.size()), -1, 0);
    X509_set_issuer_name(x, name);
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, x, x, nullptr, nullptr, 0);
    X509_EXTENSION *san = X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_alt_name, "IP:127.0.0.1");
    X509_add_ext(x, san, -1);
    X509_EXTENSION_free(san);
    X509_sign(x, key, EVP_sha256());
    BIO *b = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(b, x);
    char *data = nullptr;
    long len = BIO_get_mem_data(b, &data);
    *certPem = QByteArray(data, static_cast<qsizetype>(len));
    BIO_free(b);
    b = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(b, key, nullptr, nullptr, 0, nullptr, nullptr);
    len = BIO_get_mem_data(b, &data);
    *keyPem = QByteArray(data, static_cast<qsizetype>(len));
    BIO_free(b);
    X509_free(x);
    EVP_PKEY_free(key);
    return true;
}

// Minimal HTTPS server (Qt 6.4 has no QSslServer): GET <path> -> m_files[path] or 404.
class LocalHttpsServer : public QTcpServer
{
public:
    void setIdentity(const QSslCertificate &certificate, const QSslKey &key)
    {
        m_certificate = certificate;
        m_key = key;
    }
    /// GET path answers content from now on.
    void serveFile(const QString &path, const QByteArray &content)
    {
        m_files.insert(path, content);
    }
    /// GET requests for path so far.
    int hits(const QString &path) const { return m_hits.value(path); }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setLocalCertificate(m_certificate);
        socket->setPrivateKey(m_key);
        connect(socket, &QSslSocket::readyRead, socket, [this, socket] {
            serve(socket);
        });
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        socket->startServerEncryption();
    }

private:
    void serve(QSslSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        if (!buffer.contains("\r\n\r\n"))
            return;
        const QList<QByteArray> requestLine = buffer.left(buffer.indexOf("\r\n")).split(' ');
        m_buffers.remove(socket);
        const QString path =
            requestLine.size() > 1 ? QString::fromLatin1(requestLine.at(1)) : QString();
        ++m_hits[path];
        QByteArray response;
        if (m_files.contains(path)) {
            const QByteArray body = m_files.value(path);
            response = "HTTP/1.1 200 OK\r\nContent-Type: application/x-pem-file\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
        } else {
            response = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        }
        socket->write(response);
        socket->disconnectFromHost();
    }
    QHash<QString, QByteArray> m_files;
    QHash<QString, int> m_hits;
    QSslCertificate m_certificate;
    QSslKey m_key;
    QHash<QSslSocket *, QByteArray> m_buffers;
};

} // namespace

class TestTrustStore : public QObject
{
    Q_OBJECT

private:
    LocalHttpsServer m_server;
    QString m_base;

    TrustConfig remoteConfig(const JsonValue &vector, const char *caPath, const char *crlPath)
    {
        TrustConfig c = trustConfigOf(vector);
        c.caLocation = m_base + QLatin1String(caPath);
        c.crlLocation = m_base + QLatin1String(crlPath);
        return c;
    }

    JsonValue vectorNamed(std::string_view name)
    {
        for (const JsonValue &v : loadSignedVectors()) {
            if (v["name"].toStdString() == name)
                return v;
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (!QSslSocket::supportsSsl())
            QSKIP("Qt has no TLS backend (qopensslbackend plugin missing)");
        if (!QFile::exists(certFile("ca.crt")))
            QFAIL(qPrintable(certFile("ca.crt") + QStringLiteral(" is missing")));
        QByteArray certPem;
        QByteArray keyPem;
        QVERIFY(makeServerIdentity(&certPem, &keyPem));
        const QSslCertificate certificate(certPem);
        const QSslKey key(keyPem, QSsl::Rsa);
        QVERIFY(!certificate.isNull() && !key.isNull());
        m_server.setIdentity(certificate, key);
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificate(certificate);
        QSslConfiguration::setDefaultConfiguration(tls);
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
        m_base = QStringLiteral("https://127.0.0.1:%1").arg(m_server.serverPort());
        m_server.serveFile(QStringLiteral("/ca.crt"), readAll(certFile("ca.crt")));
        m_server.serveFile(QStringLiteral("/crl.pem"), readAll(certFile("crl.pem")));
        m_server.serveFile(
            QStringLiteral("/rotating-crl.pem"), readAll(certFile("expired_crl.pem")));
        m_server.serveFile(QStringLiteral("/stale-crl.pem"), readAll(certFile("crl.pem")));
        m_server.serveFile(QStringLiteral("/not-a-crl.pem"), QByteArray("hello"));
    }

    void init() { QDir(TrustLocations::cacheDirectory()).removeRecursively(); }

    void localPaths()
    {
        QCOMPARE(TrustLocations::localPathFor(QStringLiteral("/etc/pki/fedmsg/ca.crt")),
            QStringLiteral("/etc/pki/fedmsg/ca.crt"));
        QCOMPARE(TrustLocations::localPathFor(QStringLiteral("file:///etc/pki/ca.crt")),
            QStringLiteral("/etc/pki/ca.crt"));
        const QString cached = TrustLocations::localPathFor(TrustConfig::fedoraCrlUrl());
        QVERIFY(cached.startsWith(TrustLocations::cacheDirectory() + QLatin1Char('/')));
        QVERIFY(cached.endsWith(QLatin1String("-crl.pem")));
        QVERIFY(cached
            != TrustLocations::localPathFor(QStringLiteral("https://example.org/fedmsg/crl.pem")));
        QCOMPARE(TrustLocations::effectiveCaLocation(QString()), TrustConfig::fedoraCaUrl());
    }

    void downloadsThenValidates()
    {
        const JsonValue v = vectorNamed("nested_structures");
        QVERIFY(v.isObject());
        const TrustConfig config = remoteConfig(v, "/ca.crt", "/crl.pem");
        Validator before(config);
        const ValidationResult missing =
            before.validate(*JsonParser::parse(fromB64(v["wire_body_b64"])));
        QVERIFY(!missing.isTrusted());
        QVERIFY2(missing.reason.contains(QLatin1String("not downloaded yet")),
            qPrintable(missing.reason));

        TrustStore store;
        QSignalSpy updated(&store, &TrustStore::updated);
        QSignalSpy ready(&store, &TrustStore::ready);
        store.ensure(config);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 15000);
        QCOMPARE(updated.count(), 2);
        QVERIFY(QFile::exists(TrustLocations::localPathFor(config.caLocation)));
        QVERIFY(TrustStore::load(config));
        Validator validator(config);
        const ValidationResult r =
            validator.validate(*JsonParser::parse(fromB64(v["wire_body_b64"])));
        QVERIFY2(r.isTrusted(), qPrintable(r.reason));

        // Cached and current: ensure() does not download again.
        const int caHits = m_server.hits(QStringLiteral("/ca.crt"));
        TrustStore second;
        QSignalSpy ready2(&second, &TrustStore::ready);
        second.ensure(config);
        QTRY_COMPARE(ready2.count(), 1);
        QCOMPARE(m_server.hits(QStringLiteral("/ca.crt")), caHits);
    }

    // fedmsg's reload-after-failure with a remote CRL: the Validator asks for a refresh, the
    // store downloads the new CRL, and the next validation succeeds.
    void refreshAfterFailure()
    {
        const JsonValue v = vectorNamed("nested_structures");
        QVERIFY(v.isObject());
        m_server.serveFile(
            QStringLiteral("/rotating-crl.pem"), readAll(certFile("expired_crl.pem")));
        const TrustConfig config = remoteConfig(v, "/ca.crt", "/rotating-crl.pem");
        TrustStore store;
        store.setMinimumRefreshInterval(std::chrono::seconds(0));
        QSignalSpy ready(&store, &TrustStore::ready);
        store.ensure(config);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 15000);

        Validator validator(config);
        int asked = 0;
        validator.setRefreshRequestHandler([&] {
            ++asked;
            QMetaObject::invokeMethod(
                &store,
                [&store, config] {
                    store.refresh(config);
                },
                Qt::QueuedConnection);
        });
        const JsonValue body = *JsonParser::parse(fromB64(v["wire_body_b64"]));
        const ValidationResult stale = validator.validate(body);
        QVERIFY(!stale.isTrusted());
        QVERIFY2(stale.reason.contains(QLatin1String("CRL has expired")), qPrintable(stale.reason));
        QCOMPARE(asked, 1);

        m_server.serveFile(QStringLiteral("/rotating-crl.pem"), readAll(certFile("crl.pem")));
        // Each failing validation asks again; the validator re-reads the file once it changed.
        QTRY_VERIFY_WITH_TIMEOUT(validator.validate(body).isTrusted(), 15000);
        QVERIFY(asked >= 1);
    }

    // A cached CRL past its nextUpdate is downloaded again by ensure().
    void expiredCachedCrlIsRefetched()
    {
        const JsonValue v = vectorNamed("nested_structures");
        QVERIFY(v.isObject());
        const TrustConfig config = remoteConfig(v, "/ca.crt", "/stale-crl.pem");
        const QString cached = TrustLocations::localPathFor(config.crlLocation);
        QDir().mkpath(QFileInfo(cached).absolutePath());
        QVERIFY(QFile::copy(certFile("expired_crl.pem"), cached));
        const int hitsBefore = m_server.hits(QStringLiteral("/stale-crl.pem"));
        TrustStore store;
        QSignalSpy ready(&store, &TrustStore::ready);
        store.ensure(config);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 15000);
        QCOMPARE(m_server.hits(QStringLiteral("/stale-crl.pem")), hitsBefore + 1);
        QCOMPARE(TrustMaterial::crlNextUpdateOf(readAll(cached)),
            QDateTime(QDate(2033, 3, 28), QTime(11, 27, 43), Qt::UTC));
    }

    void failuresKeepPreviousCopy()
    {
        TrustConfig config;
        config.caLocation = m_base + QStringLiteral("/missing.crt");
        config.crlLocation = m_base + QStringLiteral("/not-a-crl.pem");
        TrustStore store;
        QSignalSpy failed(&store, &TrustStore::failed);
        QSignalSpy ready(&store, &TrustStore::ready);
        store.ensure(config);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 20000);
        QCOMPARE(failed.count(), 2);
        QVERIFY(!QFile::exists(TrustLocations::localPathFor(config.crlLocation)));
        QString error;
        QVERIFY(!TrustStore::load(config, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTrustStore)
#include "TestTrustStore.moc"
