// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "bus/SourceFactory.h"

#include "bus/ZmqSource.h"

#include <QHash>
#include <QMutex>

namespace fedmsg {

namespace {

QMutex s_mutex;
QHash<int, SourceFactory::Creator> &creators()
{
    static QHash<int, SourceFactory::Creator> map { { int(BusConfig::Transport::ZeroMq),
        [](const BusConfig &c, QObject *parent) -> Source * {
            return new ZmqSource(c, parent);
        } } };
    return map;
}

} // namespace

void SourceFactory::registerTransport(BusConfig::Transport transport, Creator creator)
{
    QMutexLocker lock(&s_mutex);
    creators().insert(int(transport), std::move(creator));
}

bool SourceFactory::supports(BusConfig::Transport transport)
{
    QMutexLocker lock(&s_mutex);
    return creators().contains(int(transport));
}

Source *SourceFactory::create(const BusConfig &config, QObject *parent, QString *error)
{
    if (!config.configError.isEmpty()) {
        // Trust fails closed: a bus whose configuration was not read whole never connects.
        if (error)
            *error = config.configError;
        return nullptr;
    }
    Creator creator;
    {
        QMutexLocker lock(&s_mutex);
        creator = creators().value(int(config.transport));
    }
    if (!creator) {
        if (error)
            *error = QStringLiteral("the %1 transport is not available in this build")
                         .arg(BusConfig::transportName(config.transport));
        return nullptr;
    }
    return creator(config, parent);
}

} // namespace fedmsg
