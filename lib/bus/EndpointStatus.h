// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace fedmsg {

/// @brief The state of one endpoint of a source, for the tray and the status window.
struct EndpointStatus
{
    enum class State { Connecting, Connected, Disconnected, Retrying, Failed, Stopped };
    QString busName;
    QString url;
    State state = State::Stopped;
    int retryInSeconds = 0; ///< with Retrying
    QString detail; ///< human reason (error text, "peer closed", ...)
    QDateTime lastMessageAt; ///< UTC; invalid when nothing has arrived yet
    quint64 received = 0; ///< messages accepted from this endpoint
    quint64 dropped = 0; ///< messages dropped (bad frames, oversize, bad JSON)
    /// Connections made again after the first one (peer restarts, dropped connections).
    quint64 reconnects = 0;
    /// Messages too large for the transport's hard limit; each cost the connection, which the
    /// source re-established.
    quint64 oversizeRefused = 0;
    /// Messages dropped, oldest first, because the consumer fell behind (bounded queue).
    quint64 overflowDropped = 0;

    static QString stateName(State s); ///< "connecting", "connected", ...
};

} // namespace fedmsg

Q_DECLARE_METATYPE(fedmsg::EndpointStatus)
