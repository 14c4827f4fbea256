// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "notify/IconCache.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace fedmsg;
using namespace std::chrono_literals;

// A real HTTP server on 127.0.0.1 (QTcpServer): answers each GET with the body set for it, or
// holds the connection open without an answer (a server that hangs).
class TinyHttpServer : public QObject
{
    Q_OBJECT
public:
    TinyHttpServer()
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    m_buffer[socket] += socket->readAll();
                    if (!m_buffer[socket].contains("\r\n\r\n"))
                        return;
                    ++m_requests;
                    const QByteArray line = m_buffer.take(socket).split('\r').first();
                    const QByteArray path = line.split(' ').value(1);
                    if (m_hang)
                        return;
                    const QByteArray body = m_bodies.value(path);
                    QByteArray head = body.isNull()
                        ? QByteArrayLiteral("HTTP/1.1 404 Not Found\r\n")
                        : QByteArrayLiteral("HTTP/1.1 200 OK\r\n");
                    head += "Content-Type: image/png\r\nCache-Control: max-age=3600\r\n"
                            "Connection: close\r\nContent-Length: "
                        + QByteArray::number(body.size()) + "\r\n\r\n";
                    socket->write(head + body);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    QUrl url(const char *path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2")
                        .arg(m_server.serverPort())
                        .arg(QLatin1String(path)));
    }
    void setBody(const QByteArray &path, const QByteArray &body) { m_bodies.insert(path, body); }
    void setHang(bool hang) { m_hang = hang; }
    int requests() const { return m_requests; }

private:
    QHash<QByteArray, QByteArray> m_bodies;
    bool m_hang = false;
    int m_requests = 0;
    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffer;
};

class TestIconCache : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fetchesOnceAndWritesTheTransformedImage();
    void cachedIconsShowOffline();
    void aHangingServerDoesNotHoldThePopup();
    void refusesNonHttpAndOversizedImages();
    void staysUnderItsSizeBound();

private:
    // fetch() and wait for its callback (it always comes, within the bound).
    static QString fetch(IconCache &cache, const QUrl &url, std::chrono::milliseconds bound = 5s);
};

QString TestIconCache::fetch(IconCache &cache, const QUrl &url, std::chrono::milliseconds bound)
{
    QString result;
    bool called = false;
    QObject context;
    cache.fetch(url, bound, &context, [&](const QString &path) {
        result = path;
        called = true;
    });
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(called, 10000);
    }();
    return result;
}

void TestIconCache::fetchesOnceAndWritesTheTransformedImage()
{
    TinyHttpServer server;
    server.setBody("/bodhi.png", QByteArrayLiteral("PNG-bytes-of-bodhi"));
    QTemporaryDir dir;
    IconCache cache(dir.path());
    cache.setTransform([](const QByteArray &in) {
        return QByteArrayLiteral("scaled:") + in;
    });
    const QUrl url = server.url("/bodhi.png");
    QVERIFY(cache.cachedPath(url).isEmpty());
    const QString path = fetch(cache, url);
    QVERIFY(!path.isEmpty());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArrayLiteral("scaled:PNG-bytes-of-bodhi"));
    QCOMPARE(server.requests(), 1);
    // Written once: the next popup gets the file at once, with no request.
    QCOMPARE(fetch(cache, url), path);
    QCOMPARE(cache.cachedPath(url), path);
    QCOMPARE(server.requests(), 1);
    QCOMPARE(cache.downloads(), 1);
}

void TestIconCache::cachedIconsShowOffline()
{
    QTemporaryDir dir;
    QUrl url;
    QString path;
    {
        TinyHttpServer server;
        server.setBody("/copr.png", QByteArrayLiteral("copr"));
        url = server.url("/copr.png");
        IconCache cache(dir.path());
        path = fetch(cache, url);
        QVERIFY(!path.isEmpty());
    } // the server is gone: offline
    IconCache restarted(dir.path());
    QCOMPARE(restarted.cachedPath(url), path);
    QCOMPARE(fetch(restarted, url), path);
    QCOMPARE(restarted.downloads(), 0);
}

void TestIconCache::aHangingServerDoesNotHoldThePopup()
{
    TinyHttpServer server;
    server.setHang(true);
    QTemporaryDir dir;
    IconCache cache(dir.path());
    // The callback comes with no image once the bound passes, though the server never answers.
    QCOMPARE(fetch(cache, server.url("/slow.png"), 200ms), QString());
    QCOMPARE(server.requests(), 1);
}

void TestIconCache::refusesNonHttpAndOversizedImages()
{
    TinyHttpServer server;
    server.setBody("/huge.png", QByteArray(IconCache::MaxBytesPerImage + 1, 'x'));
    QTemporaryDir dir;
    IconCache cache(dir.path());
    QCOMPARE(fetch(cache, QUrl(QStringLiteral("file:///etc/passwd"))), QString());
    QCOMPARE(fetch(cache, QUrl(QStringLiteral("data:image/png;base64,AAAA"))), QString());
    QCOMPARE(cache.downloads(), 0);
    QCOMPARE(fetch(cache, server.url("/huge.png")), QString());
    QVERIFY(cache.cachedPath(server.url("/huge.png")).isEmpty());
    QCOMPARE(fetch(cache, server.url("/missing.png")), QString()); // 404
    const int asked = server.requests();
    // A failed URL is not asked again for a while: offline, no popup waits for it.
    QCOMPARE(fetch(cache, server.url("/missing.png")), QString());
    QCOMPARE(server.requests(), asked);
}

void TestIconCache::staysUnderItsSizeBound()
{
    TinyHttpServer server;
    QTemporaryDir dir;
    // 4 KiB bound: half for HTTP's cache, 2 KiB for images of 1 KiB each.
    IconCache cache(dir.path(), 4096);
    const QList<QByteArray> paths { "/a.png", "/b.png", "/c.png", "/d.png" };
    for (const QByteArray &p : paths) {
        server.setBody(p, QByteArray(1000, p.at(1)));
        QVERIFY(!fetch(cache, server.url(p.constData())).isEmpty());
    }
    qint64 total = 0;
    for (const QFileInfo &f : QDir(dir.path()).entryInfoList(QDir::Files))
        total += f.size();
    QVERIFY2(total <= 2048, qPrintable(QString::number(total)));
    // The newest is kept.
    QVERIFY(!cache.cachedPath(server.url("/d.png")).isEmpty());
}

QTEST_GUILESS_MAIN(TestIconCache)
#include "TestIconCache.moc"
