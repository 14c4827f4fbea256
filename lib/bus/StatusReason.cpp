// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "bus/StatusReason.h"

#include <QCoreApplication>
#include <QStringList>

#include <initializer_list>
#include <utility>

namespace fedmsg {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("fedmsg::StatusReason", text);
}
} // namespace

StatusReason::Kind StatusReason::classify(const QString &detail)
{
    if (detail.isEmpty())
        return Kind::Unknown;
    const QString d = detail.toLower();
    // The phrases of librabbitmq 0.11 (amqp_error_string2), RabbitMQ's reply texts (AMQP
    // constants such as ACCESS_REFUSED), glibc's strerror() as zmq_strerror() returns it, and
    // the sources' own notes. The first match wins: the specific ones come first.
    static const std::initializer_list<std::pair<Kind, QStringList>> phrases {
        { Kind::AuthenticationFailed,
            { QStringLiteral("access_refused"),
                QStringLiteral("authentication failed"),
                QStringLiteral("login was refused"),
                QStringLiteral("no client certificate and "
                               "no user name") } },
        { Kind::NotFound,
            { QStringLiteral("not_found"),
                QStringLiteral("not found"),
                QStringLiteral("no such file") } },
        { Kind::NameResolutionFailed,
            { QStringLiteral("hostname lookup failed"),
                QStringLiteral("name or service not known"),
                QStringLiteral("temporary failure in name resolution"),
                QStringLiteral("no address associated with hostname") } },
        { Kind::ConnectionRefused, { QStringLiteral("connection refused") } },
        { Kind::HostUnreachable,
            { QStringLiteral("no route to host"),
                QStringLiteral("network is unreachable"),
                QStringLiteral("host is unreachable"),
                QStringLiteral("host unreachable") } },
        { Kind::Timeout, { QStringLiteral("timed out"), QStringLiteral("timeout") } },
        { Kind::TlsFailed,
            { QStringLiteral("ssl error"),
                QStringLiteral("ssl hostname verification"),
                QStringLiteral("ssl peer cert"),
                QStringLiteral("ssl handshake failed"),
                QStringLiteral("ssl connection failed"),
                QStringLiteral("certificate verify failed"),
                QStringLiteral("ca file") } },
        { Kind::ProtocolError,
            { QStringLiteral("protocol error"),
                QStringLiteral("invalid amqp data"),
                QStringLiteral("unknown amqp class"),
                QStringLiteral("unknown amqp method"),
                QStringLiteral("unexpected method received"),
                QStringLiteral("unexpected protocol state"),
                QStringLiteral("incompatible amqp version"),
                QStringLiteral("unexpected frame"),
                QStringLiteral("handshake failed"),
                QStringLiteral("frame_error"),
                QStringLiteral("syntax_error"),
                QStringLiteral("command_invalid") } },
        { Kind::SocketError,
            { QStringLiteral("a socket error occurred"), QStringLiteral("tcp error") } },
        { Kind::ConnectionClosed,
            { QStringLiteral("connection closed"),
                QStringLiteral("socket is closed"),
                QStringLiteral("closed the connection"),
                QStringLiteral("connection reset") } },
        { Kind::Retrying, { QStringLiteral("retrying in") } },
        { Kind::CurveClientKeyMissing, { QStringLiteral("no curve client key") } },
        { Kind::CurveServerKeyInvalid, { QStringLiteral("bad curve server key") } },
        { Kind::MessageTooLarge, { QStringLiteral("a message larger than") } },
        { Kind::Reconnecting, { QStringLiteral("reconnecting"), QStringLiteral("handshaking") } },
    };
    for (const auto &[kind, list] : phrases)
        for (const QString &phrase : list)
            if (d.contains(phrase))
                return kind;
    return Kind::Unknown;
}

QString StatusReason::text(Kind kind)
{
    switch (kind) {
    case Kind::Unknown:
        return {};
    case Kind::ConnectionRefused:
        return tr("The server refused the connection.");
    case Kind::SocketError:
        return tr("Could not connect: the server refused the connection or cannot be reached.");
    case Kind::HostUnreachable:
        return tr("The server cannot be reached from this network.");
    case Kind::Timeout:
        return tr("The server did not answer in time.");
    case Kind::AuthenticationFailed:
        return tr("The server refused the login (user name, password or certificate).");
    case Kind::NotFound:
        return tr("The server does not know the requested address, virtual host or queue.");
    case Kind::ProtocolError:
        return tr("The server does not speak the expected protocol.");
    case Kind::NameResolutionFailed:
        return tr("The server's name could not be resolved.");
    case Kind::TlsFailed:
        return tr("The secure connection (TLS) could not be set up.");
    case Kind::ConnectionClosed:
        return tr("The connection was closed.");
    case Kind::Retrying:
        return tr("No connection yet; trying again.");
    case Kind::Reconnecting:
        return tr("Connecting…");
    case Kind::CurveClientKeyMissing:
        return tr("The CURVE client key for this bus could not be loaded.");
    case Kind::CurveServerKeyInvalid:
        return tr("The bus's CURVE server key is not valid (40 Z85 characters expected).");
    case Kind::MessageTooLarge:
        return tr("A message over the size limit was refused; the connection is made again.");
    }
    return {};
}

QString StatusReason::userText(const QString &detail)
{
    const Kind kind = classify(detail);
    return kind == Kind::Unknown ? detail : text(kind);
}

} // namespace fedmsg
