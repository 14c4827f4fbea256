// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "packages/PackageSetCache.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QUrl>

#include <utility>

namespace fedmsg::packages {

namespace {
constexpr int cacheFormat = 1;
constexpr qint64 maximumCacheBytes = qint64(64) * 1024 * 1024;
} // namespace

PackageSetCache::PackageSetCache(QString dir)
    : m_dir(std::move(dir))
{}

QString PackageSetCache::pathFor(const QString &kind, const QString &key) const
{
    // Percent-encoding keeps '/', '..' and '@' out of the file name.
    return m_dir + u'/' + kind + u'-' + QString::fromLatin1(QUrl::toPercentEncoding(key))
        + QStringLiteral(".json");
}

std::optional<PackageSetCache::Entry> PackageSetCache::load(
    const QString &kind, const QString &key, const QString &source) const
{
    QFile file(pathFor(kind, key));
    if (!file.open(QIODevice::ReadOnly) || file.size() > maximumCacheBytes)
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    const QJsonObject object = document.object();
    if (object.value(u"format").toInt() != cacheFormat
        || object.value(u"source").toString() != source || object.value(u"key").toString() != key)
        return std::nullopt;
    QDateTime fetched = QDateTime::fromString(object.value(u"fetched").toString(), Qt::ISODate);
    const QJsonValue namesValue = object.value(u"names");
    if (!fetched.isValid() || !namesValue.isArray())
        return std::nullopt;
    QSet<QString> names;
    const QJsonArray array = namesValue.toArray();
    names.reserve(array.size());
    for (const auto &name : array) {
        if (!name.isString())
            return std::nullopt;
        names.insert(name.toString());
    }
    return Entry { std::make_shared<const QSet<QString>>(std::move(names)), fetched.toUTC() };
}

bool PackageSetCache::save(const QString &kind,
    const QString &key,
    const QString &source,
    const Entry &entry,
    QString *error) const
{
    if (!QDir().mkpath(m_dir)) {
        if (error)
            *error = QStringLiteral("cannot create %1").arg(m_dir);
        return false;
    }
    QStringList sorted;
    if (entry.names)
        sorted = QStringList(entry.names->cbegin(), entry.names->cend());
    sorted.sort();
    QJsonObject object {
        { QStringLiteral("format"), cacheFormat },
        { QStringLiteral("source"), source },
        { QStringLiteral("key"), key },
        { QStringLiteral("fetched"), entry.fetched.toUTC().toString(Qt::ISODateWithMs) },
        { QStringLiteral("names"), QJsonArray::fromStringList(sorted) },
    };
    QSaveFile file(pathFor(kind, key));
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(object).toJson(QJsonDocument::Compact)) < 0 || !file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

} // namespace fedmsg::packages
