// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "SingleInstance.h"
#include "TrayIcon.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <memory>

namespace fedmsg {

class DBusNotifier;
class DemoBus;
class FreedesktopApplication;
class Engine;
class History;
class NetworkWatcher;
class Renderer;
class Settings;
struct EngineMessage;
struct EndpointStatus;
struct Notification;

/**
 * @brief The applet: wires the engine (sources → history) to the tray and notifications.
 * Holds no logic a lib/ test could cover; it only connects pieces.
 */
class Application : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        bool demo = false; ///< run the embedded demo bus
        QStringList configDirs; ///< fedmsg.d folders read after /etc/fedmsg.d and ~/.fedmsg.d
        QString systemConfigDir; ///< empty = /etc/fedmsg.d
        QString settingsPath; ///< empty = Settings::defaultPath()
        QString historyPath; ///< empty = the default database
        /// Started at login or by D-Bus activation (--background): the tray only, no window.
        bool background = false;
        /// Owned on the session bus with org.freedesktop.Application; the desktop entry's name.
        QString applicationId = QStringLiteral("org.fedoraproject.FedmsgNotify");
    };
    /// More messages than this in one arrival become one digest notification.
    static constexpr int BurstLimit = 3;

    explicit Application(Options options, QObject *parent = nullptr);
    ~Application() override;
    Q_DISABLE_COPY_MOVE(Application)

    /// Shows the tray icon and starts the buses; false when another instance already runs.
    bool start();
    /**
     * Stops in order (also run by the destructor; a second call does nothing): the sources
     * stop receiving, the history writes everything it was given (at-least-once messages it
     * commits now were not acknowledged: the broker delivers them again and the history
     * recognises them), then the single-instance socket is removed.
     */
    void shutdown();
    TrayIcon *tray() { return m_tray.get(); }
    Engine *engine() { return m_engine.get(); }
    DemoBus *demoBus() { return m_demo.get(); }
    History *history() { return m_history.get(); }

Q_SIGNALS:
    /// A notification went out (or to the tray balloon when no server is there).
    void notified(const QString &summary);
    /// Asked to show itself: a second start, or org.freedesktop.Application.Activate (launcher).
    void activated(const QString &activationToken);

private:
    void onMessages(const QList<EngineMessage> &messages);
    void onEndpointStatus(const EndpointStatus &status);
    void updateTrayState();
    void showFallback(const Notification &notification);
    void addRecent(const EngineMessage &message);
    void reportStarterRules();
    void reportConfigProblems(const QStringList &problems);

    Options m_options;
    std::unique_ptr<SingleInstance> m_instance;
    std::unique_ptr<FreedesktopApplication> m_dbusApplication;
    std::unique_ptr<TrayIcon> m_tray;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<History> m_history;
    std::unique_ptr<Renderer> m_renderer;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<DBusNotifier> m_notifier;
    std::unique_ptr<NetworkWatcher> m_network;
    std::unique_ptr<DemoBus> m_demo;
    QStringList m_configProblems; ///< shown in the tray status and once as a notification
};

} // namespace fedmsg
