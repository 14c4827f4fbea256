// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "trust/TrustConfig.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace fedmsg {

/// @brief One URL of a bus, with what it takes to connect there.
struct BusEndpoint
{
    QString url; ///< tcp://host:port (ZeroMQ) or amqps://host[:port]/vhost (AMQP)
    QString curveServerKey; ///< Z85 server public key for CURVE (ZeroMQ); empty = plain
    bool operator==(const BusEndpoint &) const = default;
};

/// @brief AMQP (fedora-messaging) connection settings of a bus.
struct AmqpSettings
{
    QString vhost; ///< e.g. "/public_pubsub"
    QString caCertFile;
    QString certFile;
    QString keyFile;
    QString loginIdentity { QStringLiteral("fedora") }; ///< SASL EXTERNAL identity
    QString queueName; ///< UUID queue name kept in settings; empty = generate on first start
    /// An ad-hoc consumer (fedmsg-tail --amqp-url): a server-named, exclusive, auto-delete queue
    /// that goes away with the connection, as `fedora-messaging consume` uses; queueName unused.
    bool transientQueue = false;
    QString exchange { QStringLiteral("amq.topic") };
    int prefetch = 25;
    int heartbeatSeconds = 60;
    bool operator==(const AmqpSettings &) const = default;
};

/**
 * @brief A named bus: transport, endpoints, subscriptions and trust.
 *
 * topics are fedmsg-style subscriptions: prefixes ("org.fedoraproject.prod.bodhi"; empty list
 * = everything). The AMQP source translates them to routing-key patterns.
 */
struct BusConfig
{
    enum class Transport { ZeroMq, Amqp };
    QString name;
    QString label;
    /// Shown in the UI, e.g. "Fedora retired fedmsg in 2024". Presets and imports store the
    /// English source, marked with QT_TRANSLATE_NOOP in the context "fedmsg::BusPresets" (or
    /// "fedmsg::BusImport" with a noteArgument): the UI shows it translated
    /// (BusListModel::noteText), with noteArgument put in for its %1.
    QString note;
    QString noteArgument; ///< a path or name for the note's %1 (data: never translated)
    Transport transport = Transport::ZeroMq;
    bool enabled = false;
    QList<BusEndpoint> endpoints;
    QStringList topics;
    TrustConfig trust; ///< ZeroMQ only
    AmqpSettings amqp; ///< AMQP only
    int receiveHighWaterMark = 10000;
    int ioThreads = 1; ///< ZeroMQ: ZMQ_IO_THREADS of the source's context (fedmsg io_threads)
    /// Reconnect when no message came for this long: -1 = automatic (15 minutes for a
    /// fedora-messaging bus that takes every topic, the firehose; off otherwise), 0 = off.
    int silenceReconnectMs = -1;

    /// silenceReconnectMs with "automatic" resolved; 0 = no watchdog.
    int effectiveSilenceReconnectMs() const
    {
        if (silenceReconnectMs >= 0)
            return silenceReconnectMs;
        return transport == Transport::Amqp && topics.isEmpty() ? 15 * 60 * 1000 : 0;
    }
    qint64 maxMessageSize = qint64 { 16 } * 1024 * 1024;
    /// The bus's HTTP archive (datagrepper), asked for what was missed after a gap
    /// (lib/backfill); empty = none. On by default for the Fedora presets.
    QString archiveUrl;

    /// Fedora's datagrepper, which archives both its fedmsg and its fedora-messaging traffic.
    static QString fedoraArchiveUrl()
    {
        return QStringLiteral("https://apps.fedoraproject.org/datagrepper");
    }
    /// Not empty: the configuration this bus came from could not be read whole (the text names
    /// file:line) and its trust settings are in doubt, so no source is made for it
    /// (Transports::createSource refuses) and the UI shows this text as its status.
    QString configError;

    bool operator==(const BusConfig &) const = default;

    /// The transport's name in the settings file and in messages: "zeromq", "amqp".
    static QString transportName(Transport transport)
    {
        return transport == Transport::Amqp ? QStringLiteral("amqp") : QStringLiteral("zeromq");
    }
    /// The transport a name from transportName() stands for; any other name is ZeroMQ.
    static Transport transportFromName(const QString &name)
    {
        return name == transportName(Transport::Amqp) ? Transport::Amqp : Transport::ZeroMq;
    }
};

} // namespace fedmsg

Q_DECLARE_METATYPE(fedmsg::BusConfig)
