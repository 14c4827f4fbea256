// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// A tiny HTTP/1.1 server on 127.0.0.1 for tests of HTTP clients (Pagure API, datagrepper).
// GET requests are answered from routes: a path plus query (the order of the query items does
// not matter, and the items named in ignoredQueryItems are left out), the answer a status and a
// body in which "{base}" becomes the server's own http://127.0.0.1:<port>. A request no route
// matches goes to the fallback (set one to compute answers from the URL), else gets a 404 with
// notFoundBody. A held answer is sent only when release() is called (a slow page without
// sleeping); a truncated one announces its whole length, sends the first truncateAt bytes and
// closes (a page cut short). Runs on the thread that made it (the test thread).

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
#include <functional>
#include <utility>

namespace fedmsg::test {

class HttpTestServer : public QObject
{
public:
    struct Answer
    {
        int status = 200;
        QByteArray body;
        bool held = false;
        qsizetype truncateAt = -1; ///< >= 0: send only this many body bytes, then close
    };
    using Fallback = std::function<Answer(const QUrl &target)>;

    explicit HttpTestServer(
        QStringList ignoredQueryItems = {}, QByteArray notFoundBody = R"({"error": "not_found"})")
        : m_ignored(std::move(ignoredQueryItems))
        , m_notFound(std::move(notFoundBody))
    {
        connect(&m_server, &QTcpServer::newConnection, this, &HttpTestServer::onConnection);
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
    /// Route pathAndQuery to a file of tests/data/ (e.g. "packages/projects.json").
    void routeDataFile(const QString &pathAndQuery, const QString &relative, int status = 200)
    {
        QFile data(testDataDir() + QLatin1Char('/') + relative);
        QVERIFY2(data.open(QIODevice::ReadOnly), qPrintable(data.fileName()));
        route(pathAndQuery, { status, data.readAll(), false });
    }
    /// Computes the answer of requests no route matches.
    void setFallback(Fallback fallback) { m_fallback = std::move(fallback); }
    /// Answers every held request of pathAndQuery now (and later ones of a route at once).
    void release(const QString &pathAndQuery)
    {
        const QString key = canonical(QUrl(pathAndQuery));
        if (m_routes.contains(key))
            m_routes[key].held = false;
        const QList<Held> waiting = m_held.values(key);
        m_held.remove(key);
        for (const Held &held : waiting) {
            if (held.socket)
                answer(held.socket, held.answer);
        }
    }
    /// Answers every held request now.
    void releaseAll()
    {
        const QList<QString> keys = m_held.uniqueKeys();
        for (const QString &key : keys)
            release(key);
    }
    /// How many requests pathAndQuery has had.
    [[nodiscard]] int hits(const QString &pathAndQuery) const
    {
        return m_hits.value(canonical(QUrl(pathAndQuery)));
    }
    [[nodiscard]] int heldCount() const { return int(m_held.size()); }
    [[nodiscard]] QStringList requests() const { return m_requests; }

    /// The route key of a URL: path, '?', the sorted query items but the ignored ones.
    [[nodiscard]] QString canonical(const QUrl &url) const
    {
        QList<std::pair<QString, QString>> items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
        items.erase(std::remove_if(items.begin(),
                        items.end(),
                        [this](const auto &item) {
                            return m_ignored.contains(item.first);
                        }),
            items.end());
        std::sort(items.begin(), items.end());
        QStringList parts;
        for (const auto &[key, value] : items)
            parts.append(key + u'=' + value);
        return url.path() + u'?' + parts.join(u'&');
    }

private:
    struct Held
    {
        QPointer<QTcpSocket> socket;
        Answer answer;
    };

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
        Answer reply;
        if (const auto it = m_routes.constFind(key); it != m_routes.cend()) {
            reply = *it;
        } else if (m_fallback) {
            reply = m_fallback(QUrl(target));
            reply.body.replace("{base}", url().toString().toUtf8());
        } else {
            reply = { 404, m_notFound, false };
        }
        if (reply.held) {
            reply.held = false;
            m_held.insert(key, Held { socket, reply });
            return;
        }
        answer(socket, reply);
    }
    static void answer(QTcpSocket *socket, const Answer &answer)
    {
        const QByteArray body =
            answer.truncateAt >= 0 ? answer.body.left(answer.truncateAt) : answer.body;
        QByteArray response = "HTTP/1.1 " + QByteArray::number(answer.status) + " Canned\r\n"
            + "Content-Type: application/json\r\nContent-Length: "
            + QByteArray::number(answer.body.size()) + "\r\nConnection: close\r\n\r\n" + body;
        socket->write(response);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QStringList m_ignored;
    QByteArray m_notFound;
    Fallback m_fallback;
    QHash<QString, Answer> m_routes;
    QHash<QString, int> m_hits;
    QMultiHash<QString, Held> m_held;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QStringList m_requests;
    QUrl m_url;
};

} // namespace fedmsg::test
