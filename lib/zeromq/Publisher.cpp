// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "zeromq/Publisher.h"

#include "bus/BusLogging.h"
#include "trust/Signer.h"
#include "json/JsonWriter.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QSet>
#include <QUuid>

#include <algorithm>
#include <array>
#include <zmq.h>

#include <pwd.h>
#include <unistd.h>

namespace fedmsg {

struct Publisher::Zmq
{
    void *ctx = nullptr;
    void *socket = nullptr;
    QSet<QByteArray> subscriptions;
    QString bound;
};

namespace {

QString zmqError()
{
    return QString::fromLocal8Bit(zmq_strerror(zmq_errno()));
}

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

} // namespace

Publisher::Publisher(PublisherOptions options)
    : m_options(std::move(options))
    , z(std::make_unique<Zmq>())
{}

Publisher::~Publisher()
{
    close();
}

bool Publisher::open(QString *error)
{
    close();
    if (!m_sign && !m_options.certFile.isEmpty() && !m_options.keyFile.isEmpty()) {
        QString why;
        std::optional<Signer> signer =
            Signer::fromFiles(m_options.certFile, m_options.keyFile, m_options.passphrase, &why);
        if (!signer) {
            setError(error, QStringLiteral("cannot load the signing certificate/key: %1").arg(why));
            return false;
        }
        m_sign = [s = std::move(*signer)](JsonValue &body, QString *err) {
            std::optional<JsonValue> signedBody = s.sign(body, err);
            if (!signedBody)
                return false;
            body = std::move(*signedBody);
            return true;
        };
    }
    z->ctx = zmq_ctx_new();
    zmq_ctx_set(z->ctx, ZMQ_IO_THREADS, std::max(1, m_options.ioThreads));
    z->socket = zmq_socket(z->ctx, ZMQ_XPUB);
    if (!z->socket) {
        setError(error, zmqError());
        close();
        return false;
    }
    const int linger = m_options.lingerMs;
    zmq_setsockopt(z->socket, ZMQ_LINGER, &linger, sizeof linger);
    if (m_options.sendHighWaterMark >= 0)
        zmq_setsockopt(z->socket, ZMQ_SNDHWM, &m_options.sendHighWaterMark, sizeof(int));
    zmq_setsockopt(z->socket, ZMQ_SNDTIMEO, &m_options.sendTimeoutMs, sizeof(int));
    const QByteArray url = m_options.url.toUtf8();
    const int rc = m_options.mode == PublisherOptions::Mode::Bind
        ? zmq_bind(z->socket, url.constData())
        : zmq_connect(z->socket, url.constData());
    if (rc != 0) {
        setError(error,
            QStringLiteral("cannot %1 %2: %3")
                .arg(m_options.mode == PublisherOptions::Mode::Bind ? QStringLiteral("bind")
                                                                    : QStringLiteral("connect to"),
                    m_options.url,
                    zmqError()));
        close();
        return false;
    }
    std::array<char, 256> last = {};
    size_t len = last.size();
    if (zmq_getsockopt(z->socket, ZMQ_LAST_ENDPOINT, last.data(), &len) == 0)
        z->bound = QString::fromUtf8(last.data());
    return true;
}

void Publisher::close()
{
    if (z->socket) {
        zmq_close(z->socket); // flushes for up to lingerMs
        z->socket = nullptr;
    }
    if (z->ctx) {
        zmq_ctx_term(z->ctx);
        z->ctx = nullptr;
    }
    z->subscriptions.clear();
}

bool Publisher::isOpen() const
{
    return z->socket != nullptr;
}

QString Publisher::boundEndpoint() const
{
    return z->bound;
}

void Publisher::readSubscriptions(int timeoutMs)
{
    zmq_pollitem_t item { z->socket, 0, ZMQ_POLLIN, 0 };
    if (zmq_poll(&item, 1, timeoutMs) <= 0)
        return;
    while (true) {
        zmq_msg_t m;
        zmq_msg_init(&m);
        if (zmq_msg_recv(&m, z->socket, ZMQ_DONTWAIT) < 0) {
            zmq_msg_close(&m);
            return;
        }
        const auto *p = static_cast<const char *>(zmq_msg_data(&m));
        const std::size_t n = zmq_msg_size(&m);
        if (n >= 1) {
            const QByteArray prefix(p + 1, qsizetype(n - 1));
            if (p[0] == 1)
                z->subscriptions.insert(prefix);
            else if (p[0] == 0)
                z->subscriptions.remove(prefix);
        }
        zmq_msg_close(&m);
    }
}

bool Publisher::waitForSubscriber(const QString &topic, int timeoutMs, int settleMs)
{
    if (!z->socket)
        return false;
    const QByteArray t = topic.toUtf8();
    auto matched = [&] {
        return std::ranges::any_of(std::as_const(z->subscriptions), [&](const QByteArray &s) {
            return t.startsWith(s);
        });
    };
    QElapsedTimer timer;
    timer.start();
    readSubscriptions(0);
    while (!matched()) {
        const qint64 left = timeoutMs - timer.elapsed();
        if (left <= 0)
            return false;
        readSubscriptions(int(left));
    }
    if (settleMs > 0) {
        QElapsedTimer settle;
        settle.start();
        for (qint64 left = settleMs; left > 0; left = settleMs - settle.elapsed())
            readSubscriptions(int(left));
    }
    return true;
}

int Publisher::subscriptionCount() const
{
    return int(z->subscriptions.size());
}

QString Publisher::fullTopic(const QString &modname, const QString &topic) const
{
    QString t = modname + QLatin1Char('.') + topic;
    if (t.startsWith(m_options.topicPrefix))
        return t;
    return m_options.topicPrefix + QLatin1Char('.') + m_options.environment + QLatin1Char('.') + t;
}

QString Publisher::currentUserName()
{
    if (const passwd *pw = getpwuid(geteuid()); pw && pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
    return qEnvironmentVariable("USER");
}

QString Publisher::newMessageId()
{
    return QString::number(QDate::currentDate().year()) + QLatin1Char('-')
        + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

JsonValue Publisher::buildEnvelope(const QString &topic, const JsonValue &msg)
{
    JsonValue::Object o;
    o.emplace_back("topic", JsonValue(topic));
    o.emplace_back("msg", msg.pythonTruth() ? msg : JsonValue::emptyObject());
    o.emplace_back("timestamp", JsonValue(std::int64_t(QDateTime::currentSecsSinceEpoch())));
    o.emplace_back("msg_id", JsonValue(newMessageId()));
    o.emplace_back("i", JsonValue(++m_counter));
    o.emplace_back("username", JsonValue(currentUserName()));
    return { std::move(o) };
}

bool Publisher::publish(const QString &modname,
    const QString &topic,
    const JsonValue &msg,
    QString *error,
    JsonValue *sent)
{
    JsonValue body = buildEnvelope(fullTopic(modname, topic), msg);
    if (m_sign) {
        body.insert("crypto", JsonValue("x509")); // covered by the signature, as in fedmsg
        if (!m_sign(body, error))
            return false;
    }
    if (!sendBody(body, error))
        return false;
    if (sent)
        *sent = std::move(body);
    return true;
}

bool Publisher::sendBody(const JsonValue &body, QString *error)
{
    const std::string json = JsonWriter::canonical(body);
    return sendFrames(
        { body["topic"].toQString().toUtf8(), QByteArray(json.data(), qsizetype(json.size())) },
        error);
}

bool Publisher::sendFrames(const QList<QByteArray> &frames, QString *error)
{
    if (!z->socket) {
        setError(error, QStringLiteral("publisher is not open"));
        return false;
    }
    for (qsizetype i = 0; i < frames.size(); ++i) {
        const QByteArray &f = frames.at(i);
        const int flags = i + 1 < frames.size() ? ZMQ_SNDMORE : 0;
        if (zmq_send(z->socket, f.constData(), std::size_t(f.size()), flags) < 0) {
            setError(error, QStringLiteral("send failed: %1").arg(zmqError()));
            return false;
        }
    }
    return true;
}

} // namespace fedmsg
