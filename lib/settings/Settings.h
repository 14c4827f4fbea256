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

#include <memory>

namespace fedmsg {

/**
 * @brief Typed access to fedmsg-notify's settings.
 *
 * Owned by the application and passed down; never a global. A settings file that QSettings
 * cannot read is moved aside as `<file>.broken-<yyyyMMdd-HHmmss>` and defaults are used;
 * recoveredFrom() then names the kept copy so the UI can tell the user.
 * @code
 * Settings settings(Settings::defaultPath());
 * const QList<BusConfig> buses = settings.buses(BusPresets::all());
 * @endcode
 */
class Settings : public QObject
{
    Q_OBJECT
public:
    static constexpr int SchemaVersion = 1;

    /// Opens (or creates) the INI file at path.
    explicit Settings(const QString &path, QObject *parent = nullptr);
    ~Settings() override;

    /// $XDG_CONFIG_HOME/fedmsg-notify/fedmsg-notify.conf
    static QString defaultPath();

    QString fileName() const;
    /// Path of the broken file kept aside at load, empty when the file was fine.
    QString recoveredFrom() const { return m_recoveredFrom; }

    bool notificationsEnabled() const;
    void setNotificationsEnabled(bool on);

    /// Services (Rendering::serviceName) whose messages are not notified.
    QStringList disabledServices() const;
    void setDisabledServices(const QStringList &services);

    int historyMaxAgeDays() const; ///< clamped to 1..3650, default 30
    void setHistoryMaxAgeDays(int days);
    int historyMaxCount() const; ///< clamped to 100..10'000'000, default 50'000
    void setHistoryMaxCount(int count);

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
    void disabledServicesChanged(const QStringList &services);
    void busesChanged();

private:
    void migrate();
    std::unique_ptr<QSettings> m_settings;
    QString m_recoveredFrom;
};

} // namespace fedmsg
