// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/Avatar.h"

#include <QCryptographicHash>
#include <QUrl>

namespace fedmsg {

static QString query(int size, const QString &def)
{
    return QStringLiteral("?s=%1&d=%2")
        .arg(size)
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(def)));
}

QString Avatar::forUser(const QString &username, int size, const QString &def)
{
    if (username == QLatin1String("bodhi") || username == QLatin1String("koschei")
        || username == QLatin1String("taskotron"))
        return QStringLiteral("https://apps.fedoraproject.org/img/icons/%1-%2.png")
            .arg(username)
            .arg(size);
    return forOpenId(QStringLiteral("http://%1.id.fedoraproject.org/").arg(username), size, def);
}

QString Avatar::forOpenId(const QString &openid, int size, const QString &def)
{
    const QByteArray hash =
        QCryptographicHash::hash(openid.toUtf8(), QCryptographicHash::Sha256).toHex();
    return QStringLiteral("https://seccdn.libravatar.org/avatar/") + QString::fromLatin1(hash)
        + query(size, def);
}

QString Avatar::forEmail(const QString &email, int size, const QString &def)
{
    const QByteArray hash =
        QCryptographicHash::hash(email.toUtf8(), QCryptographicHash::Md5).toHex();
    return QStringLiteral("https://seccdn.libravatar.org/avatar/") + QString::fromLatin1(hash)
        + query(size, def);
}

} // namespace fedmsg
