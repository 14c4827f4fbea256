// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QDBusConnection>
#include <QList>
#include <QObject>
#include <QPointer>

namespace fedmsg {

class Source;

/**
 * @brief Tells sources to reconnect at once when the machine resumes or the network is back.
 *
 * Listens (GUI thread, signals only, no polling) on the system bus to logind's
 * PrepareForSleep(false) and NetworkManager's StateChanged / Connectivity property. When the
 * system bus or these services are absent nothing happens and nothing breaks.
 */
class NetworkWatcher : public QObject
{
    Q_OBJECT
public:
    /// Watches the system bus.
    explicit NetworkWatcher(QObject *parent = nullptr);
    /// Watches the given bus (tests emit the signals on a private session bus).
    explicit NetworkWatcher(const QDBusConnection &bus, QObject *parent = nullptr);

    void addSource(Source *source);
    void removeSource(Source *source);
    bool isWatching() const { return m_watching; }

    // NetworkManager NMState values
    static constexpr uint NmStateConnectedSite = 60;
    static constexpr uint NmStateConnectedGlobal = 70;
    // NMConnectivityState values
    static constexpr uint NmConnectivityLimited = 3;
    static constexpr uint NmConnectivityFull = 4;

Q_SIGNALS:
    /// Emitted (and every source told to reconnect) after resume or when the network is back.
    void reconnectRequested(const QString &reason);

private Q_SLOTS:
    void onPrepareForSleep(bool sleeping);
    void onNmStateChanged(uint state);
    void onNmPropertiesChanged(
        const QString &interface, const QVariantMap &changed, const QStringList &invalidated);

private:
    void watch();
    void trigger(const QString &reason);

    QDBusConnection m_bus;
    bool m_watching = false;
    bool m_online = true; ///< last known NetworkManager state (assume online until told)
    QList<QPointer<Source>> m_sources;
};

} // namespace fedmsg
