// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "trust/Signer.h"

#include "json/JsonValue.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace fedmsg {

/// @brief How a Publisher reaches its subscribers.
struct PublisherOptions
{
    enum class Mode {
        Bind, ///< listen at url (subscribers connect here, e.g. fedmsg-tail --endpoint)
        Connect, ///< connect to a bound SUB, e.g. fedmsg-relay's relay_inbound (fedmsg "active")
    };
    Mode mode = Mode::Connect;
    QString url;
    QString topicPrefix = QStringLiteral("org.fedoraproject");
    QString environment = QStringLiteral("dev");
    QString certFile; ///< sign when certFile and keyFile are set
    QString keyFile;
    Signer::PassphraseCallback passphrase; ///< asked when keyFile is encrypted
    int lingerMs = 1000; ///< fedmsg's zmq_linger: how long close() may flush queued messages
    int sendHighWaterMark = -1; ///< -1 = libzmq default (1000), 0 = unlimited
    int sendTimeoutMs = -1; ///< ZMQ_SNDTIMEO: -1 = block (fedmsg's timeout, in ms)
    int ioThreads = 1; ///< ZMQ_IO_THREADS of the publisher's context
};

/**
 * @brief A fedmsg publisher: builds envelopes like fedmsg.publish, signs them when a cert/key
 * is configured, and sends [topic, canonical JSON] on a ZeroMQ XPUB socket.
 *
 * Synchronous, for one thread (the CLI, tests, benchmarks). The socket is an XPUB (wire-identical
 * to PUB) so that waitForSubscriber() knows when a subscription reached it: the first message is
 * not lost to the slow-joiner effect, and the wait is bounded.
 * @code
 * Publisher pub(options);
 * if (!pub.open(&error)) ...
 * pub.waitForSubscriber(pub.fullTopic("logger", "log"), 5000);
 * pub.publish("logger", "log", JsonValue(JsonValue::Object{{"log", "hi"}}), &error);
 * @endcode
 */
class Publisher
{
public:
    /// Signs a body in place (adds crypto, signature, certificate); false with *error on failure.
    using SignFunction = std::function<bool(JsonValue &body, QString *error)>;

    explicit Publisher(PublisherOptions options);
    ~Publisher();
    Publisher(const Publisher &) = delete;
    Publisher &operator=(const Publisher &) = delete;
    Publisher(Publisher &&) = delete;
    Publisher &operator=(Publisher &&) = delete;

    const PublisherOptions &options() const { return m_options; }

    /// Creates the socket and binds or connects; loads the signing certificate/key when set.
    bool open(QString *error = nullptr);
    void close();
    bool isOpen() const;
    /// The address actually bound (resolves a tcp://127.0.0.1:* wildcard port).
    QString boundEndpoint() const;

    /**
     * Waits until a subscriber whose subscription matches topic is there, at most timeoutMs.
     * Returns whether one is. Without a subscriber a PUB drops every message it sends.
     * settleMs: once one is there, keep accepting others that are still connecting this long
     * (fedmsg's post_init_sleep idea, but only after a peer is known to be there).
     */
    bool waitForSubscriber(const QString &topic, int timeoutMs, int settleMs = 0);
    /// Number of distinct subscriptions seen so far (XPUB reports each prefix once).
    int subscriptionCount() const;

    /// prefix.environment.modname.topic, unless modname.topic already starts with the prefix.
    QString fullTopic(const QString &modname, const QString &topic) const;
    /// The unsigned envelope fedmsg.publish would build (msg falsy -> {}).
    JsonValue buildEnvelope(const QString &fullTopic, const JsonValue &msg);
    /// Builds, signs (when configured) and sends. *sent gets the body as sent.
    bool publish(const QString &modname,
        const QString &topic,
        const JsonValue &msg,
        QString *error = nullptr,
        JsonValue *sent = nullptr);
    /// Sends an already built (and possibly signed) body on its topic.
    bool sendBody(const JsonValue &body, QString *error = nullptr);
    /// Sends raw frames (tests: malformed messages, benchmarks).
    bool sendFrames(const QList<QByteArray> &frames, QString *error = nullptr);

    /// Replaces the signer (default: X.509 with certFile/keyFile, when both are set).
    void setSignFunction(SignFunction sign) { m_sign = std::move(sign); }
    bool isSigning() const { return bool(m_sign); }

    static QString currentUserName();
    static QString newMessageId(); ///< "<year>-<uuid4>"

private:
    void readSubscriptions(int timeoutMs);

    PublisherOptions m_options;
    SignFunction m_sign;
    std::int64_t m_counter = 0;
    struct Zmq;
    std::unique_ptr<Zmq> z; // NOLINT(readability-identifier-naming): the d-pointer idiom
};

} // namespace fedmsg
