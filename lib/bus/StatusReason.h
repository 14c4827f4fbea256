// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QString>

namespace fedmsg {

/**
 * @brief The reason an endpoint is down, as a sentence in the user's language.
 *
 * EndpointStatus::detail carries the technical text of the transport: librabbitmq's
 * amqp_error_string2() ("a socket error occurred", "hostname lookup failed"), the broker's
 * AMQP reply text ("ACCESS_REFUSED - Login was refused ..."), libzmq's zmq_strerror() and the
 * sources' own notes ("retrying in 100 ms"). Those stay English in the log. Where a window,
 * the tray or a command line shows the state to a person, userText() replaces the common
 * reasons with a translated sentence (the UI can show the technical text as "details"); an
 * unknown reason is shown as it is.
 *
 * The reason is recognised in the detail text at display time, not when the status is made,
 * so that a language chosen later in the preferences applies to statuses already received.
 */
class StatusReason
{
public:
    enum class Kind {
        Unknown,
        ConnectionRefused,
        SocketError, ///< librabbitmq's catch-all: refused, reset or unreachable
        HostUnreachable,
        Timeout,
        AuthenticationFailed,
        NotFound,
        ProtocolError,
        NameResolutionFailed,
        TlsFailed,
        ConnectionClosed,
        Retrying,
        Reconnecting, ///< the source's own note while it connects again or handshakes
        CurveClientKeyMissing, ///< a CURVE bus whose client key could not be loaded
        CurveServerKeyInvalid, ///< a CURVE bus whose server key is not 40 Z85 characters
        MessageTooLarge, ///< a message over the transport's hard limit cost the connection
    };

    /// The kind of reason a transport's detail text names; Unknown when none is recognised.
    [[nodiscard]] static Kind classify(const QString &detail);
    /// The translated sentence for a kind ("" for Unknown).
    [[nodiscard]] static QString text(Kind kind);
    /// The translated sentence for the detail's reason, or the detail itself when unknown.
    [[nodiscard]] static QString userText(const QString &detail);
};

} // namespace fedmsg
