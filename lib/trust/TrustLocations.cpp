// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "trust/TrustLocations.h"

#include "trust/TrustConfig.h"

#include <QCryptographicHash>
#include <QStandardPaths>
#include <QUrl>

namespace fedmsg {

bool TrustLocations::isRemote(const QString &location)
{
    return location.startsWith(QLatin1String("https://"), Qt::CaseInsensitive)
        || location.startsWith(QLatin1String("http://"), Qt::CaseInsensitive);
}

QString TrustLocations::cacheDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
        + QStringLiteral("/trust");
}

QString TrustLocations::localPathFor(const QString &location)
{
    if (location.startsWith(QLatin1String("file:"), Qt::CaseInsensitive))
        return QUrl(location).toLocalFile();
    if (!isRemote(location))
        return location;
    const QByteArray hash =
        QCryptographicHash::hash(location.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    QString name = QUrl(location).fileName();
    if (name.isEmpty())
        name = QStringLiteral("download.pem");
    return cacheDirectory() + QLatin1Char('/') + QString::fromLatin1(hash) + QLatin1Char('-')
        + name;
}

QString TrustLocations::effectiveCaLocation(const QString &caLocation)
{
    return caLocation.isEmpty() ? TrustConfig::fedoraCaUrl() : caLocation;
}

} // namespace fedmsg
