// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "engine/BusValidator.h"

#include "amqp/AmqpAddress.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

namespace fedmsg {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("fedmsg::BusValidator", text);
}

using Field = BusFieldError::Field;

/// Why @p path cannot be read ("" when it can; an empty path is fine: not used).
QString fileError(const QString &path)
{
    if (path.isEmpty())
        return {};
    const QFileInfo info(path);
    if (!info.exists())
        return QCoreApplication::translate("fedmsg::BusValidator", "%1: no such file").arg(path);
    if (!info.isFile())
        return QCoreApplication::translate("fedmsg::BusValidator", "%1: not a file").arg(path);
    if (!info.isReadable())
        return QCoreApplication::translate("fedmsg::BusValidator", "%1: not readable").arg(path);
    return {};
}

/// A trust anchor: a readable file or an https:// URL.
QString locationError(const QString &location)
{
    if (location.startsWith(QLatin1String("https://"))) {
        const QUrl url(location, QUrl::StrictMode);
        return url.isValid() && !url.host().isEmpty()
            ? QString()
            : QCoreApplication::translate("fedmsg::BusValidator", "%1: not a valid URL")
                  .arg(location);
    }
    if (location.contains(QLatin1String("://")))
        return QCoreApplication::translate(
            "fedmsg::BusValidator", "%1: only files and https:// URLs are read")
            .arg(location);
    return fileError(location);
}
} // namespace

QString BusValidator::zeroMqEndpointError(const QString &url)
{
    if (url.startsWith(QLatin1String("ipc://")))
        return url.size() > 6 ? QString() : tr("ipc:// needs a path");
    if (!url.startsWith(QLatin1String("tcp://")))
        return tr("%1: a fedmsg endpoint is tcp://host:port or ipc://path").arg(url);
    // tcp://host:port, the host a name, an IPv4 address or a bracketed IPv6 address.
    static const QRegularExpression tcp(
        QStringLiteral(R"(^tcp://(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+):([0-9]{1,5})$)"));
    const QRegularExpressionMatch m = tcp.match(url);
    if (!m.hasMatch()) {
        if (!url.mid(6).contains(QLatin1Char(':')))
            return tr("%1: the port is missing (tcp://host:port)").arg(url);
        return tr("%1: not a valid tcp://host:port").arg(url);
    }
    const int port = m.captured(2).toInt();
    if (port < 1 || port > 65535)
        return tr("%1: the port must be 1 to 65535").arg(url);
    return {};
}

QString BusValidator::curveKeyError(const QString &key)
{
    if (key.isEmpty())
        return {};
    static const QString z85 = QStringLiteral(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#");
    if (key.size() != 40)
        return tr("a CURVE key is 40 Z85 characters; this one has %1").arg(key.size());
    for (const QChar c : key)
        if (!z85.contains(c))
            return tr("'%1' is not a Z85 character").arg(c);
    return {};
}

QList<BusFieldError> BusValidator::validate(const BusConfig &bus, const QStringList &otherNames)
{
    QList<BusFieldError> errors;
    checkName(bus, otherNames, errors);
    if (bus.endpoints.isEmpty())
        errors.append({ Field::Endpoints,
            bus.transport == BusConfig::Transport::Amqp ? tr("enter the broker's amqps:// URL")
                                                        : tr("enter at least one endpoint") });
    else if (bus.transport == BusConfig::Transport::Amqp)
        checkAmqp(bus, errors);
    else
        checkZeroMq(bus, errors);
    checkArchive(bus, errors);
    return errors;
}

void BusValidator::checkName(
    const BusConfig &bus, const QStringList &otherNames, QList<BusFieldError> &errors)
{
    static const QRegularExpression nameChars(QStringLiteral("^[A-Za-z0-9._-]+$"));
    if (bus.name.isEmpty())
        errors.append({ Field::Name, tr("a bus needs a name") });
    else if (!nameChars.match(bus.name).hasMatch())
        errors.append(
            { Field::Name, tr("use only letters, digits, '.', '_' and '-' in the name") });
    else if (otherNames.contains(bus.name))
        errors.append({ Field::Name, tr("there is a bus called %1 already").arg(bus.name) });
}

// The broker URL (one; amqp(s)://; no password: the settings file never holds secrets) and the
// TLS files.
void BusValidator::checkAmqp(const BusConfig &bus, QList<BusFieldError> &errors)
{
    QString why;
    const QString &url = bus.endpoints.first().url;
    if (bus.endpoints.size() > 1)
        errors.append({ Field::Endpoints, tr("a fedora-messaging bus has one broker URL") });
    else if (!url.startsWith(QLatin1String("amqp://"))
        && !url.startsWith(QLatin1String("amqps://")))
        errors.append(
            { Field::Endpoints, tr("%1: the URL starts with amqps:// or amqp://").arg(url) });
    else if (const auto address = AmqpAddress::parse(url, bus.amqp.vhost, &why); !address)
        errors.append({ Field::Endpoints, url + QStringLiteral(": ") + why });
    else if (!address->password.isEmpty())
        errors.append({ Field::Endpoints,
            tr("%1: a password in the URL would be saved in the settings file; use a client "
               "certificate")
                .arg(address->displayUrl()) });
    for (const auto &[field, path] : { std::pair { Field::CaCertFile, bus.amqp.caCertFile },
             std::pair { Field::CertFile, bus.amqp.certFile },
             std::pair { Field::KeyFile, bus.amqp.keyFile } }) {
        const QString error = fileError(path);
        if (!error.isEmpty())
            errors.append({ field, error });
    }
    if (!bus.amqp.certFile.isEmpty() && bus.amqp.keyFile.isEmpty())
        errors.append({ Field::KeyFile, tr("a client certificate needs its key file") });
    if (bus.amqp.certFile.isEmpty() && !bus.amqp.keyFile.isEmpty())
        errors.append({ Field::CertFile, tr("a key file needs its client certificate") });
}

// Endpoints and CURVE keys (the first problem of each), trust locations when checked.
void BusValidator::checkZeroMq(const BusConfig &bus, QList<BusFieldError> &errors)
{
    for (const BusEndpoint &e : bus.endpoints) {
        const QString error = zeroMqEndpointError(e.url);
        if (!error.isEmpty()) {
            errors.append({ Field::Endpoints, error });
            break;
        }
    }
    for (const BusEndpoint &e : bus.endpoints) {
        const QString error = curveKeyError(e.curveServerKey);
        if (!error.isEmpty()) {
            errors.append({ Field::CurveServerKey, error });
            break;
        }
    }
    if (!bus.trust.validateSignatures)
        return;
    const QString ca = locationError(bus.trust.caLocation);
    if (!ca.isEmpty())
        errors.append({ Field::CaLocation, ca });
    const QString crl = locationError(bus.trust.crlLocation);
    if (!crl.isEmpty())
        errors.append({ Field::CrlLocation, crl });
}

void BusValidator::checkArchive(const BusConfig &bus, QList<BusFieldError> &errors)
{
    if (bus.archiveUrl.isEmpty())
        return;
    const QUrl url(bus.archiveUrl, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        errors.append({ Field::ArchiveUrl,
            tr("%1: the archive is an http:// or https:// URL").arg(bus.archiveUrl) });
}

QList<BusEndpoint> BusValidator::endpointsFromText(
    const QString &text, const QString &defaultServerKey)
{
    QList<BusEndpoint> endpoints;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QStringList parts = line.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (parts.isEmpty())
            continue;
        endpoints.append({ parts.first(),
            parts.size() > 1 ? parts.mid(1).join(QLatin1Char(' ')) : defaultServerKey });
    }
    return endpoints;
}

QString BusValidator::endpointsToText(const QList<BusEndpoint> &endpoints, QString *sharedServerKey)
{
    bool shared = true;
    for (const BusEndpoint &e : endpoints)
        shared = shared && e.curveServerKey == endpoints.first().curveServerKey;
    QStringList lines;
    for (const BusEndpoint &e : endpoints)
        lines.append(shared || e.curveServerKey.isEmpty()
                ? e.url
                : e.url + QLatin1Char(' ') + e.curveServerKey);
    if (sharedServerKey)
        *sharedServerKey =
            shared && !endpoints.isEmpty() ? endpoints.first().curveServerKey : QString();
    return lines.join(QLatin1Char('\n'));
}

} // namespace fedmsg
