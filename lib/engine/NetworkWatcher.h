// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QDBusConnection>
#include <QList>
#include <QNetworkInformation>
#include <QObject>
#include <QPointer>

namespace fedmsg {

class Login1Manager;
class Source;

/**
 * @brief Tells sources to reconnect at once when the machine resumes or the network is back.
 *
 * Signals only, no polling, GUI thread. Resume: logind's PrepareForSleep(false) on the system
 * bus. Network: QNetworkInformation's reachability (the "networkmanager" backend when
 * NetworkManager runs at start, else "glib", which asks GLib's network monitor: NetworkManager
 * or the kernel's routes over netlink); a reconnect when it rises to Site or Online. Without a
 * system bus, logind or a backend, that part is not watched and nothing breaks.
 */
class NetworkWatcher : public QObject
{
    Q_OBJECT
public:
    /// Watches logind on the system bus and loads QNetworkInformation (process-wide).
    explicit NetworkWatcher(QObject *parent = nullptr);
    /// Watches logind on bus and the reachability network reports (null: none).
    NetworkWatcher(QDBusConnection bus, QNetworkInformation *network, QObject *parent = nullptr);
    ~NetworkWatcher() override;
    Q_DISABLE_COPY_MOVE(NetworkWatcher)

    void addSource(Source *source);
    void removeSource(Source *source);
    /// Whether logind's resume signal is listened to (a system bus was there).
    bool watchesSleep() const { return m_logind != nullptr; }
    /// Whether a QNetworkInformation backend reports reachability.
    bool watchesNetwork() const { return !m_network.isNull(); }

Q_SIGNALS:
    /// Emitted (and every source told to reconnect) after resume or when the network is back.
    void reconnectRequested(const QString &reason);

private:
    void onPrepareForSleep(bool sleeping);
    void onReachabilityChanged(int reachability);
    void trigger(const QString &reason);

    QDBusConnection m_bus;
    Login1Manager *m_logind = nullptr;
    QPointer<QNetworkInformation> m_network;
    int m_reachability = 0; ///< last QNetworkInformation::Reachability seen
    QList<QPointer<Source>> m_sources;
};

} // namespace fedmsg
