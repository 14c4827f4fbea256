// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// The RabbitMQ node of tests/rabbitmq/broker.sh, as the amqp tests see it: connection options
// for the consumer (TLS + EXTERNAL as user "fedora", like Fedora's public broker) and for the
// publisher (plain TCP + PLAIN as "fedmsg-test"), and rabbitmqctl through the script.

#include "amqp/AmqpConnection.h"
#include "bus/BusConfig.h"

#include <QFile>
#include <QMap>
#include <QProcess>
#include <QString>
#include <QUuid>
#include <QtTest>

namespace fedmsg::test {

class AmqpTestBroker
{
public:
    /// Loads $FEDMSG_TEST_BROKER_ENV; false when the broker is not running.
    bool load()
    {
        const QString path = qEnvironmentVariable("FEDMSG_TEST_BROKER_ENV");
        QFile f(path);
        if (path.isEmpty() || !f.open(QIODevice::ReadOnly)) {
            return false;
        }
        while (!f.atEnd()) {
            const QString line = QString::fromUtf8(f.readLine()).trimmed();
            const qsizetype eq = line.indexOf(u'=');
            if (eq > 0) {
                m_env.insert(line.left(eq), line.mid(eq + 1));
            }
        }
        return m_env.contains(QStringLiteral("FEDMSG_TEST_BROKER_TLS_PORT"));
    }
    QString value(const char *key) const { return m_env.value(QLatin1String(key)); }

    QString host() const { return value("FEDMSG_TEST_BROKER_HOST"); }
    int tlsPort() const { return value("FEDMSG_TEST_BROKER_TLS_PORT").toInt(); }
    int tcpPort() const { return value("FEDMSG_TEST_BROKER_TCP_PORT").toInt(); }
    QString tlsUrl() const
    {
        return QStringLiteral("amqps://%1:%2").arg(host()).arg(tlsPort())
            + QStringLiteral("/%2Fpublic_pubsub");
    }

    AmqpConnectOptions consumerOptions() const
    {
        AmqpConnectOptions o;
        o.address.tls = true;
        o.address.host = host();
        o.address.port = tlsPort();
        o.address.vhost = value("FEDMSG_TEST_BROKER_VHOST");
        o.caCertFile = value("FEDMSG_TEST_BROKER_CA");
        o.certFile = value("FEDMSG_TEST_BROKER_CLIENT_CERT");
        o.keyFile = value("FEDMSG_TEST_BROKER_CLIENT_KEY");
        o.loginIdentity = QStringLiteral("fedora");
        o.heartbeatSeconds = 60;
        o.timeoutMs = 10000;
        o.appName = QStringLiteral("fedmsg-notify tests");
        return o;
    }
    AmqpConnectOptions publisherOptions() const
    {
        AmqpConnectOptions o;
        o.address.tls = false;
        o.address.host = host();
        o.address.port = tcpPort();
        o.address.vhost = value("FEDMSG_TEST_BROKER_VHOST");
        o.address.user = value("FEDMSG_TEST_BROKER_PUBLISHER_USER");
        o.address.password = value("FEDMSG_TEST_BROKER_PUBLISHER_PASSWORD");
        o.timeoutMs = 10000;
        o.appName = QStringLiteral("fedmsg-notify test publisher");
        return o;
    }
    /// A bus on the test broker, with a fresh queue name unless one is given.
    BusConfig bus(const QStringList &topics, const QString &queue = QString()) const
    {
        BusConfig b;
        b.name = QStringLiteral("fm-test");
        b.transport = BusConfig::Transport::Amqp;
        b.enabled = true;
        b.endpoints = { BusEndpoint { tlsUrl(), {} } };
        b.topics = topics;
        b.amqp.vhost = value("FEDMSG_TEST_BROKER_VHOST");
        b.amqp.caCertFile = value("FEDMSG_TEST_BROKER_CA");
        b.amqp.certFile = value("FEDMSG_TEST_BROKER_CLIENT_CERT");
        b.amqp.keyFile = value("FEDMSG_TEST_BROKER_CLIENT_KEY");
        b.amqp.queueName =
            queue.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : queue;
        b.amqp.heartbeatSeconds = 60;
        return b;
    }
    /// broker.sh ARGS (ctl ..., restart); returns the exit code, output in *out.
    int script(const QStringList &args, QString *out = nullptr, int timeoutMs = 120000) const
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        QStringList a {
            value("FEDMSG_TEST_BROKER_SCRIPT"), args.first(), value("FEDMSG_TEST_BROKER_DIR")
        };
        a.append(args.mid(1));
        p.start(QStringLiteral("bash"), a);
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            return -1;
        }
        if (out) {
            *out = QString::fromUtf8(p.readAll());
        }
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

private:
    QMap<QString, QString> m_env;
};

} // namespace fedmsg::test

// NOLINTNEXTLINE(cppcoreguidelines-macro-usage): QSKIP must return from the test function
#define FEDMSG_REQUIRE_BROKER(broker)                                                              \
    do {                                                                                           \
        if (!(broker).load()) {                                                                    \
            QSKIP("RabbitMQ test broker (tests/rabbitmq/broker.sh) not running: set "              \
                  "FEDMSG_TEST_BROKER_ENV or use tests/run-headless.sh");                          \
        }                                                                                          \
    } while (false)
