// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "SingleInstance.h"
#include "TrayIcon.h"
#include "backfill/BackfillResult.h"
#include "notify/BurstControl.h"
#include "notify/DoNotDisturb.h"
#include "notify/Notification.h"
#include "notify/NotifyDecision.h"
#include "rules/RuleDecision.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <QWidget>

#include <chrono>
#include <memory>

namespace fedmsg {

class AboutDialog;
class CatchUp;
class DBusNotifier;
class DemoBus;
class FreedesktopApplication;
class Engine;
class ControlService;
class History;
class LegacyNotifyService;
class IconCache;
class NetworkWatcher;
class Renderer;
class Settings;
struct BusConfig;
struct EngineMessage;
struct EndpointStatus;
struct StoredRules;
namespace rules {
class MessageTypeCatalog;
}

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
        /// The welcome on the first start of a new profile (no settings file yet; never again
        /// after, unless asked from the About box). The program sets it; tests choose.
        bool welcomeOnFirstStart = false;
        /// Owned on the session bus with org.freedesktop.Application; the desktop entry's name.
        QString applicationId = QStringLiteral("org.fedoraproject.FedmsgNotify");
    };
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
    /// The archives after a gap (null before start()).
    CatchUp *catchUp() { return m_catchUp.get(); }
    /// Opens the history window, or raises it when it is open (histwin hook).
    void showHistory();
    /// Opens the preferences dialog, or raises it when it is open (tray's Preferences…, D-Bus).
    void showPreferences();

    /**
     * "Mute…" on a notification, chosen: a rule first in the user's rules keeps messages of its
     * type in the history, for @p duration (0 = always); a notification says so (or why not).
     * With --demo the rule lives only as long as the program (the demo never saves rules).
     */
    void muteSimilar(const fedmsg::Notification &notification, std::chrono::seconds duration);

    /// Pauses popups for @p duration (0 = until resumed, saved in the settings).
    void pause(std::chrono::seconds duration);
    /// Ends our pause; one summary popup of what it held follows.
    void resume();
    bool isPaused() const;

Q_SIGNALS:
    /// A notification went out (or to the tray balloon when no server is there).
    void notified(const QString &summary);
    /// Asked to show itself: a second start, or org.freedesktop.Application.Activate (launcher).
    void activated(const QString &activationToken);
    void pausedChanged(bool paused);
    /// A mute rule for messages like @p notification was made (muteSimilar()), with this id.
    void muted(const QString &ruleId);
    /// "Show welcome again" in the About box (the first-run welcome connects here).
    void welcomeRequested();

private:
    void onMessages(const QList<EngineMessage> &messages);
    void reportCatchUp(
        const QString &busName, int stored, int forYou, const BackfillResult &result);
    NotifyDecision notifyDecisionOf(const rules::RuleDecision &rule) const;
    void onEndpointStatus(const EndpointStatus &status);
    void updateTrayState();
    void showFallback(const Notification &notification);
    void onDoNotDisturbChanged();
    void startControlInterfaces();
    void showWithImages(Notification n, const QUrl &icon, const QUrl &avatar);
    static QByteArray scaledImage(const QByteArray &bytes);
    /// The longest a popup waits for its icon and avatar.
    static constexpr std::chrono::milliseconds ImageWait { 300 };
    static constexpr int MaxImageSize = 128;
    void scheduleDigest();
    void showDigest();
    void chooseMute(const Notification &notification);
    static void explain(const Notification &notification);
    /// Opens an http(s) link, handing the notification server's activation token on.
    static void openLink(const QUrl &url, const QString &activationToken);
    void addRecent(const EngineMessage &message);
    void loadRecent(); ///< the tray's recent list from the history (at start)
    void reportStarterRules();
    void reportConfigProblems(const QStringList &problems);
    // The steps of start():
    void
    startDoNotDisturb(); ///< our pause, quiet hours, the desktop's inhibition, and their wiring
    void startRules(const StoredRules &stored, const rules::MessageTypeCatalog *catalog);
    void detectAccount(const rules::MessageTypeCatalog *catalog); ///< no account set: find it
    /// What the configuration and the stored rules could not give, for the tray and a popup.
    QStringList configProblems(const QList<BusConfig> &buses,
        const QStringList &fileErrors,
        const StoredRules &stored) const;
    void startDemoBus(QList<BusConfig> &buses); ///< --demo: replaces every configured bus
    void showFirstWindows(bool newProfile); ///< the history without a tray; the first welcome
    /// Each message into the recent list; those an archive brought after a gap counted into
    /// the catch-up summary; returns those whose decision pops up.
    QList<const EngineMessage *> collectPopUps(const QList<EngineMessage> &messages);

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
    std::unique_ptr<CatchUp> m_catchUp; ///< the archives after a gap, one summary each
    std::unique_ptr<DemoBus> m_demo;
    QStringList m_fedmsgDirs; ///< the fedmsg.d folders read (--config included); prefs' presets
    std::unique_ptr<ControlService> m_control; ///< org.fedoraproject.FedmsgNotify.Control
    std::unique_ptr<LegacyNotifyService> m_legacy; ///< org.fedoraproject.fedmsg.notify
    QTimer m_unreadTimer; ///< coalesces unread recounts during bursts
    std::unique_ptr<IconCache> m_icons; ///< service icons and avatars as files
    BurstControl m_burst; ///< popups per minute, the digest of what it holds back
    QTimer m_digestTimer; ///< runs only while messages wait for the digest
    DoNotDisturb m_dnd; ///< our pause, quiet hours, the desktop's inhibition
    QTimer m_dndTimer; ///< runs only until the next pause or quiet-hours change
    QStringList m_configProblems; ///< shown in the tray status and once as a notification
    QPointer<QWidget> m_historyWindow; ///< deleted with m_history (histwin hook)
    QPointer<QWidget> m_preferencesDialog; ///< deleted with m_history (prefs hook)
    void showAbout();
    /// The first-run welcome (at the first start, and "Show welcome again" in the About box).
    void showWelcome();
    QPointer<QWidget> m_welcomeDialog;
    QPointer<AboutDialog> m_aboutDialog; ///< the About box while it is open
};

} // namespace fedmsg
