// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "notify/IconFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStandardPaths>

Q_DECLARE_LOGGING_CATEGORY(lcNotify)

namespace fedmsg {

QString IconFiles::cacheDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)
        + QStringLiteral("/fedmsg-notify/icons");
}

QString IconFiles::applicationIcon()
{
    // Asked for every popup: the file check runs once per process.
    static const QString path =
        materialize(QStringLiteral(":/fedmsg-notify/icons/fedmsg-notify-64.png"));
    return path; // NOLINT(performance-no-automatic-move): a static is copied, never moved
}

QString IconFiles::materialize(const QString &resourcePath, const QString &directory)
{
    QFile resource(resourcePath);
    if (!resource.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = resource.readAll();
    const QString dir = directory.isEmpty() ? cacheDirectory() : directory;
    QString path = dir + QLatin1Char('/') + QFileInfo(resourcePath).fileName();
    QFile existing(path);
    if (existing.size() == bytes.size() && existing.open(QIODevice::ReadOnly)
        && existing.readAll() == bytes)
        return path;
    if (!QDir().mkpath(dir)) {
        qCWarning(lcNotify) << "cannot make the icon cache folder" << dir;
        return {};
    }
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
        qCWarning(lcNotify) << "cannot write icon" << path << out.errorString();
        return {};
    }
    return path;
}

} // namespace fedmsg
