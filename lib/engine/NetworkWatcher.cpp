// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "engine/NetworkWatcher.h"

#include "bus/BusLogging.h"
#include "bus/Source.h"
#include "engine/Login1Manager.h"

#include <QNetworkInformation>

#include <utility>

namespace fedmsg {

namespace {
using Reachability = QNetworkInformation::Reachability;

// The process-wide QNetworkInformation with a reachability backend, or null. NetworkManager
// first (Qt's default on Linux; it reads NetworkManager's State over the system bus, and Qt 6.4
// offers it only when NetworkManager owns its name at this moment), then any backend that reports
// reachability: on Debian 12 "glib", whose GNetworkMonitor asks NetworkManager or the kernel's
// routing table. Once loaded a backend stays for the process.
QNetworkInformation *loadNetworkInformation()
{
    if (QNetworkInformation::instance() == nullptr && !QNetworkInformation::loadDefaultBackend()
        && !QNetworkInformation::loadBackendByFeatures(
            QNetworkInformation::Feature::Reachability)) {
        qCInfo(lcBus) << "no network information backend (have:"
                      << QNetworkInformation::availableBackends()
                      << "): network changes are not watched";
        return nullptr;
    }
    QNetworkInformation *network = QNetworkInformation::instance();
    if (!network->supports(QNetworkInformation::Feature::Reachability)) {
        qCInfo(lcBus) << "network information backend" << network->backendName()
                      << "does not report reachability: network changes are not watched";
        return nullptr;
    }
    qCInfo(lcBus) << "network reachability from the" << network->backendName() << "backend";
    return network;
}

// Site: a network, but not the internet (NetworkManager's connectivity check fails, or a captive
// portal); Online: the internet. Both count as "up": a bus may be on the local site.
bool isUp(int reachability)
{
    return reachability >= static_cast<int>(Reachability::Site);
}
} // namespace

NetworkWatcher::NetworkWatcher(QObject *parent)
    : NetworkWatcher(QDBusConnection::systemBus(), loadNetworkInformation(), parent)
{}

NetworkWatcher::NetworkWatcher(QDBusConnection bus, QNetworkInformation *network, QObject *parent)
    : QObject(parent)
    , m_bus(std::move(bus))
    , m_network(network)
{
    if (m_bus.isConnected()) {
        // Follows the name: works whether logind runs now or starts later.
        m_logind = new Login1Manager(m_bus, this);
        connect(
            m_logind, &Login1Manager::PrepareForSleep, this, &NetworkWatcher::onPrepareForSleep);
    } else {
        qCInfo(lcBus) << "no system bus: resume from sleep is not watched";
    }
    if (m_network) {
        m_reachability = static_cast<int>(m_network->reachability());
        connect(m_network,
            &QNetworkInformation::reachabilityChanged,
            this,
            [this](Reachability reachability) {
                onReachabilityChanged(static_cast<int>(reachability));
            });
    }
}

NetworkWatcher::~NetworkWatcher() = default;

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

void NetworkWatcher::onReachabilityChanged(int reachability)
{
    const int before = std::exchange(m_reachability, reachability);
    if (!isUp(reachability) || reachability <= before)
        return;
    // Unknown (NetworkManager asleep or connecting), Disconnected or Local -> up; or Site ->
    // Online (the connectivity check passes again, a captive portal was cleared).
    trigger(isUp(before) ? QStringLiteral("network connectivity back")
                         : QStringLiteral("network connected"));
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
