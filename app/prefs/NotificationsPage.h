// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "AutostartEntry.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTimeEdit;

namespace fedmsg {

class Settings;

/**
 * @brief Preferences page "Notifications": popup timeout, default urgency, popups a minute and
 * the digest window, quiet hours, icons and avatars, the old applet's popup titles, whether
 * critical popups pass the pause, the relay to the old applet's D-Bus interface (for its GNOME
 * Shell extension), the Fedora account, how much history to
 * keep, start at login, and the language (the system's or one of lib/i18n's, from the next
 * start). Each change is saved at once through Settings (start at login
 * writes the XDG autostart entry, see AutostartEntry).
 */
class NotificationsPage : public QWidget
{
    Q_OBJECT
public:
    NotificationsPage(Settings *settings, AutostartEntry autostart, QWidget *parent = nullptr);

    QSpinBox *timeoutBox() const { return m_timeout; }
    QComboBox *urgencyBox() const { return m_urgency; }
    QSpinBox *rateBox() const { return m_rate; }
    QSpinBox *digestBox() const { return m_digest; }
    QCheckBox *quietHoursBox() const { return m_quiet; }
    QTimeEdit *quietStartEdit() const { return m_quietStart; }
    QTimeEdit *quietEndEdit() const { return m_quietEnd; }
    QCheckBox *imagesBox() const { return m_images; }
    QCheckBox *classicTitleBox() const { return m_classicTitle; }
    QCheckBox *criticalBox() const { return m_critical; }
    QCheckBox *relayBox() const { return m_relay; }
    QLineEdit *accountEdit() const { return m_account; }
    QSpinBox *historyDaysBox() const { return m_days; }
    QSpinBox *historyCountBox() const { return m_count; }
    QSpinBox *historySizeBox() const { return m_size; }
    QCheckBox *startAtLoginBox() const { return m_startAtLogin; }
    QComboBox *languageBox() const { return m_language; }

private:
    void saveQuietHours();

    Settings *m_settings;
    AutostartEntry m_autostart;
    QSpinBox *m_timeout = nullptr;
    QComboBox *m_urgency = nullptr;
    QSpinBox *m_rate = nullptr;
    QSpinBox *m_digest = nullptr;
    QCheckBox *m_quiet = nullptr;
    QTimeEdit *m_quietStart = nullptr;
    QTimeEdit *m_quietEnd = nullptr;
    QCheckBox *m_images = nullptr;
    QCheckBox *m_classicTitle = nullptr;
    QCheckBox *m_critical = nullptr;
    QCheckBox *m_relay = nullptr;
    QLineEdit *m_account = nullptr;
    QSpinBox *m_days = nullptr;
    QSpinBox *m_count = nullptr;
    QSpinBox *m_size = nullptr;
    QCheckBox *m_startAtLogin = nullptr;
    QLabel *m_autostartError = nullptr;
    QComboBox *m_language = nullptr;
};

} // namespace fedmsg
