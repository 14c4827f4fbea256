// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// lib/settings: the user's settings as typed values over QSettings, with every key and default
// in one table. It must never hold secrets (those go to the keychain) and never touch the UI.

#include "bus/BusConfig.h"

#include <QList>
#include <QObject>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QTime>

#include <memory>

namespace fedmsg {

/**
 * @brief Typed access to fedmsg-notify's settings.
 *
 * Owned by the application and passed down; never a global. A settings file that is broken
 * (not UTF-8, not INI, or cut short: the end marker written after every other key is missing,
 * or the bus list has entries its count does not cover) is moved aside as
 * `<file>.broken-<yyyyMMdd-HHmmss>` with a warning and defaults are used; recoveredFrom() then
 * names the kept copy so the UI can tell the user. Mode::ReadOnly is for readers such as
 * fedmsg-tail: it never writes, creates or moves the file (a broken one is only ignored).
 * @code
 * Settings settings(Settings::defaultPath());
 * const QList<BusConfig> buses = settings.buses(Transports::presets());
 * @endcode
 */
class Settings : public QObject
{
    Q_OBJECT
public:
    /// 2: the file ends with the end marker (version 1 files have none and are accepted).
    /// 3: message-type toggles replace disabledServices; filter rules under Rules/v1.
    static constexpr int SchemaVersion = 3;
    enum class Mode {
        ReadWrite, ///< the applet: creates, migrates and repairs the file
        ReadOnly, ///< other programs: reads only; setters are refused with a warning
    };

    /// Opens (or creates) the INI file at path.
    explicit Settings(const QString &path, QObject *parent = nullptr);
    Settings(const QString &path, Mode mode, QObject *parent = nullptr);
    ~Settings() override;
    Q_DISABLE_COPY_MOVE(Settings)

    /// $XDG_CONFIG_HOME/fedmsg-notify/fedmsg-notify.conf
    static QString defaultPath();

    /// Every key the program reads or writes ("Group/key"), as the README's settings table
    /// names them: keys of one bus entry as "Buses/<n>/name", keys named after a bus or a time
    /// with that placeholder ("AmqpQueues/<bus>", "Rules/broken-<time>"). The code's own key
    /// constants are made from this list.
    static QStringList keys();

    QString fileName() const;
    /// Path of the broken file kept aside at load, empty when the file was fine.
    QString recoveredFrom() const { return m_recoveredFrom; }
    /// Why the file was found broken at load ("" when it was fine); in ReadOnly mode the file
    /// is then left where it is and defaults are used.
    QString brokenReason() const { return m_brokenReason; }

    bool notificationsEnabled() const;
    void setNotificationsEnabled(bool on);
    /// Popup summaries as fedmsg.meta's title ("bodhi.update.comment") instead of the human
    /// label ("Bodhi: comment on update"); off by default.
    bool classicNotificationTitle() const;
    void setClassicNotificationTitle(bool on);
    /// The user interface's language ("de", "fr", "en"); empty = the system locale's. Read at
    /// start (lib/i18n Translations).
    QString language() const;
    void setLanguage(const QString &language);
    /// Daily quiet hours (local "HH:mm"; invalid times = none); they may cross midnight.
    QTime quietHoursStart() const;
    QTime quietHoursEnd() const;
    void setQuietHours(QTime start, QTime end);
    /// Whether critical popups pass our pause and quiet hours (default true).
    bool criticalBreaksThrough() const;
    void setCriticalBreaksThrough(bool on);
    /// Whether notified messages are relayed as MessageReceived(topic, json) on the old applet's
    /// D-Bus interface (off by default, as the old applet's emit-dbus-signals).
    bool dbusRelay() const;
    void setDbusRelay(bool on);

    /// Message types switched off (lib/rules MessageTypeToggles ids: "wiki" for a service,
    /// "bodhi/update.comment" for one kind): their messages are stored, not notified. Version 2's
    /// `Notifications/disabledServices` list migrates here.
    QStringList messageTypesOff() const;
    void setMessageTypesOff(const QStringList &types);

    /// The filter rules: the rule file's JSON document (lib/rules RuleSet, the format export
    /// writes), stored whole under the versioned key `Rules/v1`. Empty when none is stored: a
    /// new profile (a file from before rules migrates to a document whose default is notify,
    /// what it did then).
    QByteArray rulesJson() const;
    void setRulesJson(const QByteArray &json);
    /// Moves a stored rule document that cannot be read to `Rules/broken-<UTC time>` (kept for
    /// the user, never read again) and returns that key.
    QString keepRulesAside();
    /// The user's Fedora account name, once known (asked or detected); empty = not known.
    QString fedoraAccount() const;
    void setFedoraAccount(const QString &account);
    /// What becomes of untrusted messages (fedmsg signature missing or failed) that no rule asks
    /// for by name: "hide", "history" (the default: history only) or "show" (popups marked).
    QString untrustedPolicy() const;
    void setUntrustedPolicy(const QString &policy);
    /// Whether the starter rules were offered already (they are offered once).
    bool starterRulesOffered() const;
    void setStarterRulesOffered(bool offered);
    /// Whether the first-run welcome was shown (it is shown once per profile).
    bool welcomeShown() const;
    void setWelcomeShown(bool shown);

    /// How long a popup stays, in ms (clamped to -1..3'600'000); -1 (default) = the server's
    /// choice, 0 = until dismissed. A rule's own timeout or sticky wins.
    int popupTimeoutMs() const;
    void setPopupTimeoutMs(int ms);
    /// The urgency of a popup whose rule names none: "low", "normal" (default) or "critical".
    QString defaultUrgency() const;
    void setDefaultUrgency(const QString &urgency);
    /// At most this many popups a minute (clamped to 1..60, default 5); the rest wait for the
    /// digest.
    int popupsPerMinute() const;
    void setPopupsPerMinute(int count);
    /// How long the digest collects before it pops up, in seconds (clamped to 10..3600,
    /// default 60).
    int digestWindowSeconds() const;
    void setDigestWindowSeconds(int seconds);
    /// Whether popups carry service icons and avatars (downloaded; default true).
    bool showImages() const;
    void setShowImages(bool on);

    int historyMaxAgeDays() const; ///< clamped to 1..3650, default 30
    void setHistoryMaxAgeDays(int days);
    int historyMaxCount() const; ///< clamped to 100..10'000'000, default 50'000
    void setHistoryMaxCount(int count);
    int historyMaxSizeMiB() const; ///< clamped to 1..65'536, default 256
    void setHistoryMaxSizeMiB(int mib);

    /**
     * The configured buses: the stored ones, plus every preset not stored yet (with its default
     * on/off state). A stored bus keeps the user's choices; presets fill what it lacks.
     */
    QList<BusConfig> buses(const QList<BusConfig> &presets) const;
    void setBuses(const QList<BusConfig> &buses);
    /// Remembers the AMQP queue a source generated for a bus (kept across restarts).
    void setAmqpQueueName(const QString &bus, const QString &queue);
    QString amqpQueueName(const QString &bus) const;

    void sync();

Q_SIGNALS:
    void notificationsEnabledChanged(bool on);
    void messageTypesOffChanged(const QStringList &types);
    void rulesChanged();
    void fedoraAccountChanged(const QString &account);
    void busesChanged();
    void untrustedPolicyChanged(const QString &policy);
    /// A popup option changed (quiet hours, timeout, urgency, rate, digest window, images, the
    /// classic title, the critical bypass, the D-Bus relay).
    void notificationOptionsChanged();
    /// The history's age, count or size limit changed.
    void historyLimitsChanged();

private:
    void migrate();
    bool writable(const char *what) const;
    std::unique_ptr<QSettings> m_settings;
    Mode m_mode = Mode::ReadWrite;
    QString m_recoveredFrom;
    QString m_brokenReason;
};

} // namespace fedmsg
