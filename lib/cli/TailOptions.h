// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "bus/BusConfig.h"
#include "cli/TailFormatter.h"
#include "cli/TopicFilter.h"

#include <QString>
#include <QStringList>

namespace fedmsg {

/// @brief What fedmsg-tail was asked to do, read from its command line (TailCommandLine).
struct TailOptions
{
    BusConfig bus; ///< the bus to listen to, with --endpoint, --topic and trust options applied
    TopicFilter filter; ///< --topic, --exclude, --include
    TailFormatter::Mode mode = TailFormatter::Mode::Default;
    QString query; ///< --query PATHS
    QStringList users; ///< --users, split at commas
    QStringList packages; ///< --packages, split at commas
    qint64 maxCount = -1; ///< --count N; -1: no limit
    bool history = false; ///< --history: print stored messages instead of listening
    QString historyDb; ///< --history-db; empty: the applet's store
    QString historyText; ///< the positional arguments (a full-text query) with --history
    QString rulesFile; ///< --rules FILE: show only what these rules would pop up
    bool explain = false; ///< --explain: print each message's decision under it
    QString account; ///< --account NAME: who "me" is in rules (default: the applet's)
    QString settingsFile; ///< the applet's settings file (empty: its default place); for tests
    /// --since DURATION: print what the bus's archive (bus.archiveUrl, datagrepper) kept of the
    /// last sinceMs milliseconds before going live; 0 = not asked.
    qint64 sinceMs = 0;

    /// The formats and filters that use fedmsg.meta-style rendering (the renderer loads its
    /// rules, so it is made only then).
    bool needsRenderer() const;
    /// A formatter with mode, query, users and packages set (colour and renderer are the
    /// program's to choose).
    TailFormatter formatter() const;
};

} // namespace fedmsg
