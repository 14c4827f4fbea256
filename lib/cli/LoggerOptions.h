// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "bus/BusConfig.h"
#include "zeromq/Publisher.h"

#include <QString>

#include <optional>

namespace fedmsg {

/// @brief What fedmsg-logger was asked to do, read from its command line (LoggerCommandLine).
struct LoggerOptions
{
    /// --bus / --amqp-url: publish on this fedora-messaging bus (its client files applied)
    /// instead of ZeroMQ.
    std::optional<BusConfig> amqpBus;
    PublisherOptions publisher; ///< ZeroMQ: where to, how, and the signing certificate
    QString modname = QStringLiteral("logger"); ///< --modname
    QString topic = QStringLiteral("log"); ///< --topic
    std::optional<QString> message; ///< --message; nullopt: read stdin
    bool jsonInput = false; ///< --json-input
    int waitMs = 5000; ///< --wait
    int settleMs = 0; ///< --settle, with --bind only
    std::optional<double> postInitSleep; ///< seconds, from fedmsg.d or --post-init-sleep
    std::optional<QString> schema; ///< --schema (fedora-messaging)
    QString schemaPackage; ///< --schema-package (fedora-messaging)

    /// The fedora-messaging topic of modname.topic: topic_prefix.environment.modname.topic,
    /// unless modname.topic already starts with topic_prefix.
    QString amqpTopic() const;
};

} // namespace fedmsg
