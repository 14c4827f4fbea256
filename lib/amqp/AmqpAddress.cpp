// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "amqp/AmqpAddress.h"

#include <QUrl>

namespace fedmsg {

std::optional<AmqpAddress> AmqpAddress::parse(
    const QString &url, const QString &defaultVhost, QString *error)
{
    auto fail = [error](const QString &why) -> std::optional<AmqpAddress> {
        if (error) {
            *error = why;
        }
        return std::nullopt;
    };
    const QUrl u(url.trimmed(), QUrl::StrictMode);
    if (!u.isValid()) {
        return fail(QStringLiteral("invalid AMQP URL '%1': %2").arg(url, u.errorString()));
    }
    AmqpAddress a;
    const QString scheme = u.scheme().toLower();
    if (scheme == QStringLiteral("amqps")) {
        a.tls = true;
    } else if (scheme == QStringLiteral("amqp")) {
        a.tls = false;
    } else {
        return fail(QStringLiteral("'%1' is not an amqp:// or amqps:// URL").arg(url));
    }
    a.host = u.host();
    if (a.host.isEmpty()) {
        return fail(QStringLiteral("AMQP URL '%1' has no host").arg(url));
    }
    a.port = u.port(a.tls ? 5671 : 5672);
    a.user = u.userName(QUrl::FullyDecoded);
    a.password = u.password(QUrl::FullyDecoded);
    // The path is "/" + the percent-encoded vhost: "/%2Fpublic_pubsub" -> "/public_pubsub".
    const QString path = u.path(QUrl::FullyEncoded);
    if (path.isEmpty()) {
        a.vhost = defaultVhost.isEmpty() ? QStringLiteral("/") : defaultVhost;
    } else {
        a.vhost = QUrl::fromPercentEncoding(path.mid(1).toUtf8());
        if (a.vhost.isEmpty()) {
            a.vhost = defaultVhost.isEmpty() ? QStringLiteral("/") : defaultVhost;
        }
    }
    return a;
}

QString AmqpAddress::displayUrl() const
{
    QString vhostPart = QString::fromLatin1(QUrl::toPercentEncoding(vhost));
    const int defaultPort = tls ? 5671 : 5672;
    return (tls ? QStringLiteral("amqps://") : QStringLiteral("amqp://")) + host
        + (port != defaultPort ? QStringLiteral(":%1").arg(port) : QString()) + u'/' + vhostPart;
}

} // namespace fedmsg
