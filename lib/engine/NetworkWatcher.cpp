// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "engine/NetworkWatcher.h"

#include "bus/BusLogging.h"
#include "bus/Source.h"

#include <QDBusError>

namespace fedmsg {

namespace {
const QString Login1Service = QStringLiteral("org.freedesktop.login1");
const QString Login1Path = QStringLiteral("/org/freedesktop/login1");
const QString Login1Manager = QStringLiteral("org.freedesktop.login1.Manager");
const QString NmService = QStringLiteral("org.freedesktop.NetworkManager");
const QString NmPath = QStringLiteral("/org/freedesktop/NetworkManager");
const QString NmInterface = QStringLiteral("org.freedesktop.NetworkManager");
const QString PropsInterface = QStringLiteral("org.freedesktop.DBus.Properties");
} // namespace

NetworkWatcher::NetworkWatcher(QObject *parent)
    : NetworkWatcher(QDBusConnection::systemBus(), parent)
{}

NetworkWatcher::NetworkWatcher(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{
    watch();
}

void NetworkWatcher::watch()
{
    if (!m_bus.isConnected()) {
        qCInfo(lcBus) << "no system bus: resume/network changes are not watched";
        return;
    }
    // Match rules by sender name: they work whether or not the services run now or later.
    bool ok = m_bus.connect(Login1Service,
        Login1Path,
        Login1Manager,
        QStringLiteral("PrepareForSleep"),
        this,
        SLOT(onPrepareForSleep(bool)));
    ok = m_bus.connect(NmService,
             NmPath,
             NmInterface,
             QStringLiteral("StateChanged"),
             this,
             SLOT(onNmStateChanged(uint)))
        && ok;
    ok = m_bus.connect(NmService,
             NmPath,
             PropsInterface,
             QStringLiteral("PropertiesChanged"),
             this,
             SLOT(onNmPropertiesChanged(QString, QVariantMap, QStringList)))
        && ok;
    m_watching = ok;
    if (!ok)
        qCInfo(lcBus) << "could not watch logind/NetworkManager signals:"
                      << m_bus.lastError().message();
}

void NetworkWatcher::addSource(Source *source)
{
    if (source && !m_sources.contains(source))
        m_sources.append(source);
}

void NetworkWatcher::removeSource(Source *source)
{
    m_sources.removeAll(source);
}

void NetworkWatcher::onPrepareForSleep(bool sleeping)
{
    if (!sleeping)
        trigger(QStringLiteral("resumed from sleep"));
}

void NetworkWatcher::onNmStateChanged(uint state)
{
    const bool online = state >= NmStateConnectedSite;
    const bool cameBack = online && !m_online;
    m_online = online;
    if (cameBack)
        trigger(QStringLiteral("network connected"));
}

void NetworkWatcher::onNmPropertiesChanged(
    const QString &interface, const QVariantMap &changed, const QStringList &invalidated)
{
    Q_UNUSED(invalidated)
    if (interface != NmInterface)
        return;
    const auto it = changed.constFind(QStringLiteral("Connectivity"));
    if (it == changed.constEnd())
        return;
    const uint c = it->toUInt();
    const bool online = c >= NmConnectivityLimited;
    const bool cameBack = online && !m_online;
    m_online = online;
    if (cameBack)
        trigger(QStringLiteral("network connectivity back"));
}

void NetworkWatcher::trigger(const QString &reason)
{
    qCInfo(lcBus) << "reconnecting all sources:" << reason;
    m_sources.removeAll(nullptr);
    for (const QPointer<Source> &s : std::as_const(m_sources))
        s->reconnectNow();
    Q_EMIT reconnectRequested(reason);
}

} // namespace fedmsg
