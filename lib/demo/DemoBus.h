// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// lib/demo: a real fedmsg bus inside the applet, for trying it out and for screenshots. It
// publishes real sample envelopes on a loopback ZeroMQ socket, signed by a demo CA; it is never
// enabled unless asked for (--demo) and never connects anywhere.

#include "bus/BusConfig.h"
#include "json/JsonValue.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <vector>

namespace fedmsg {

class Publisher;
class Signer;

/**
 * @brief Publishes the sample messages of resources/demo/ on tcp://127.0.0.1:<free port>.
 *
 * Each message gets a fresh msg_id and timestamp and is signed with the demo publisher's key,
 * except every `unsignedEvery`-th one, which goes out unsigned so the applet's handling of
 * untrusted messages can be seen too. busConfig() describes the bus for a Source, with trust
 * anchored in the demo CA.
 */
class DemoBus : public QObject
{
    Q_OBJECT
public:
    explicit DemoBus(QObject *parent = nullptr);
    ~DemoBus() override;
    Q_DISABLE_COPY_MOVE(DemoBus)

    /// Binds the socket and loads the samples; false with *error when that fails.
    bool start(QString *error = nullptr);
    void stop();
    bool isRunning() const;
    /// The bus to subscribe to (valid after start()).
    BusConfig busConfig() const;
    QString endpoint() const { return m_endpoint; }

    /// Time between messages (default 6 s); the first messages follow start() quickly.
    void setInterval(int ms) { m_timer.setInterval(ms); }
    void setUnsignedEvery(int n) { m_unsignedEvery = n; }
    int sampleCount() const { return static_cast<int>(m_samples.size()); }
    int publishedCount() const { return m_published; }

public Q_SLOTS:
    /// Publishes the next sample now.
    void publishNext();

Q_SIGNALS:
    void published(const QString &topic, bool signedMessage);
    void failed(const QString &error);

private:
    bool loadSamples(QString *error);
    std::unique_ptr<Publisher> m_publisher;
    std::unique_ptr<Signer> m_signer;
    std::vector<JsonValue> m_samples;
    QString m_endpoint;
    QString m_caFile;
    QTimer m_timer;
    int m_next = 0;
    int m_published = 0;
    int m_unsignedEvery = 7;
};

} // namespace fedmsg
