// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// A tiny HTTP/1.1 server on 127.0.0.1 that answers GET requests with canned Pagure API pages:
// each route is a path plus query (order of the query items and per_page do not matter), its
// answer a status and a body in which "{base}" becomes the server's own http://127.0.0.1:<port>.
// A held route answers only when release() is called (a slow page without sleeping). Unknown
// routes get Pagure's 404 shape. Runs on the thread that made it (the test thread).

#include "TestData.h"

#include <QFile>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

namespace fedmsg::test {

class PagureTestServer : public QObject
{
public:
    struct Answer
    {
        int status = 200;
        QByteArray body;
        bool held = false;
    };

    PagureTestServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, &PagureTestServer::onConnection);
        m_server.listen(QHostAddress::LocalHost);
        m_url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    [[nodiscard]] bool isListening() const { return m_server.isListening(); }
    /// Stops accepting connections (as if offline: connection refused).
    void stop() { m_server.close(); }
    /// Accepts connections again, on the same port (back online).
    bool resume() { return m_server.listen(QHostAddress::LocalHost, quint16(m_url.port())); }

    /// http://127.0.0.1:<port>, also after stop().
    [[nodiscard]] QUrl url() const { return m_url; }

    /// Route pathAndQuery to answer (its body's "{base}" replaced by url()).
    void route(const QString &pathAndQuery, Answer answer)
    {
        answer.body.replace("{base}", url().toString().toUtf8());
        m_routes.insert(canonical(QUrl(pathAndQuery)), answer);
    }
    /// Route pathAndQuery to a file of tests/data/packages/.
    void routeFile(const QString &pathAndQuery, const char *file, int status = 200)
    {
        QFile data(testDataPath("packages/") + QLatin1String(file));
        QVERIFY2(data.open(QIODevice::ReadOnly), qPrintable(data.fileName()));
        route(pathAndQuery, { status, data.readAll(), false });
    }
    /// Answers every held request of pathAndQuery now (and later ones at once).
    void release(const QString &pathAndQuery)
    {
        const QString key = canonical(QUrl(pathAndQuery));
        m_routes[key].held = false;
        const QList<QPointer<QTcpSocket>> waiting = m_held.values(key);
        m_held.remove(key);
        for (const auto &socket : waiting) {
            if (socket)
                answer(socket, m_routes.value(key));
        }
    }
    /// How many requests pathAndQuery has had.
    [[nodiscard]] int hits(const QString &pathAndQuery) const
    {
        return m_hits.value(canonical(QUrl(pathAndQuery)));
    }
    [[nodiscard]] int heldCount() const { return int(m_held.size()); }
    [[nodiscard]] QStringList requests() const { return m_requests; }

    static QString canonical(const QUrl &url)
    {
        QList<std::pair<QString, QString>> items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
        items.erase(std::remove_if(items.begin(),
                        items.end(),
                        [](const auto &item) {
                            return item.first == u"per_page";
                        }),
            items.end());
        std::sort(items.begin(), items.end());
        QStringList parts;
        for (const auto &[key, value] : items)
            parts.append(key + u'=' + value);
        return url.path() + u'?' + parts.join(u'&');
    }

private:
    void onConnection()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                onRead(socket);
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    }
    void onRead(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        if (!buffer.contains("\r\n\r\n"))
            return;
        const QList<QByteArray> requestLine = buffer.left(buffer.indexOf("\r\n")).split(' ');
        m_buffers.remove(socket);
        const QString target =
            requestLine.size() >= 2 ? QString::fromUtf8(requestLine.at(1)) : QString();
        m_requests.append(target);
        const QString key = canonical(QUrl(target));
        m_hits[key] += 1;
        const auto it = m_routes.constFind(key);
        if (it == m_routes.cend()) {
            answer(socket, { 404, R"({"error": "Not found", "error_code": "ENOTFOUND"})", false });
            return;
        }
        if (it->held) {
            m_held.insert(key, socket);
            return;
        }
        answer(socket, *it);
    }
    static void answer(QTcpSocket *socket, const Answer &answer)
    {
        QByteArray response = "HTTP/1.1 " + QByteArray::number(answer.status) + " Canned\r\n"
            + "Content-Type: application/json\r\nContent-Length: "
            + QByteArray::number(answer.body.size()) + "\r\nConnection: close\r\n\r\n"
            + answer.body;
        socket->write(response);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QString, Answer> m_routes;
    QHash<QString, int> m_hits;
    QMultiHash<QString, QPointer<QTcpSocket>> m_held;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QStringList m_requests;
    QUrl m_url;
};

} // namespace fedmsg::test
