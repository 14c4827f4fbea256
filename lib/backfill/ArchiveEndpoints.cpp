// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "backfill/ArchiveEndpoints.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>

namespace fedmsg {

namespace {

struct Memory
{
    QMutex mutex;
    QHash<QString, ArchiveEndpoints::Api> apis;
};

Memory &memory()
{
    static Memory m;
    return m;
}

QString keyOf(const QString &archiveUrl)
{
    QString key = archiveUrl.trimmed();
    while (key.endsWith(QLatin1Char('/')))
        key.chop(1);
    return key;
}

} // namespace

std::optional<ArchiveEndpoints::Api> ArchiveEndpoints::known(const QString &archiveUrl)
{
    Memory &m = memory();
    const QMutexLocker lock(&m.mutex);
    const auto it = m.apis.constFind(keyOf(archiveUrl));
    if (it == m.apis.cend())
        return std::nullopt;
    return *it;
}

void ArchiveEndpoints::remember(const QString &archiveUrl, Api api)
{
    Memory &m = memory();
    const QMutexLocker lock(&m.mutex);
    m.apis.insert(keyOf(archiveUrl), api);
}

void ArchiveEndpoints::forget(const QString &archiveUrl)
{
    Memory &m = memory();
    const QMutexLocker lock(&m.mutex);
    m.apis.remove(keyOf(archiveUrl));
}

QString ArchiveEndpoints::path(Api api)
{
    return api == Api::Search ? QStringLiteral("v2/search") : QStringLiteral("raw");
}

} // namespace fedmsg
