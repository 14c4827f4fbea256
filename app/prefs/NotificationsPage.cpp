// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "NotificationsPage.h"

#include "i18n/Translations.h"
#include "settings/Settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTimeEdit>

#include <algorithm>
#include <utility>

namespace fedmsg {

namespace {
QSpinBox *spinBox(int min, int max, const QString &suffix, const QString &name, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setRange(min, max);
    box->setSuffix(suffix);
    box->setAccessibleName(name);
    box->setKeyboardTracking(false); // saved when the value is complete, not per digit typed
    return box;
}
} // namespace

NotificationsPage::NotificationsPage(Settings *settings, AutostartEntry autostart, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_autostart(std::move(autostart))
    , m_timeout(spinBox(-1, 3600, tr(" s"), tr("Popup timeout in seconds"), this))
    , m_urgency(new QComboBox(this))
    , m_rate(spinBox(1, 60, tr(" a minute"), tr("Popups a minute at most"), this))
    , m_digest(spinBox(10, 3600, tr(" s"), tr("Digest window in seconds"), this))
    , m_quiet(new QCheckBox(tr("&Quiet hours"), this))
    , m_quietStart(new QTimeEdit(this))
    , m_quietEnd(new QTimeEdit(this))
    , m_images(new QCheckBox(tr("Show service &icons and avatars"), this))
    , m_classicTitle(new QCheckBox(
          tr("Show the &raw message type as the popup title, as the old applet did"), this))
    , m_critical(
          new QCheckBox(tr("&Critical messages break through the pause and quiet hours"), this))
    , m_relay(new QCheckBox(
          tr("Relay notified messages to the old GNOME Shell e&xtension (D-Bus)"), this))
    , m_account(new QLineEdit(this))
    , m_days(spinBox(1, 3650, tr(" days"), tr("Keep history for days"), this))
    , m_count(spinBox(100, 10'000'000, tr(" messages"), tr("Keep at most messages"), this))
    , m_size(spinBox(1, 65536, tr(" MiB"), tr("Keep at most MiB of history"), this))
    , m_startAtLogin(new QCheckBox(tr("&Start at login"), this))
    , m_autostartError(new QLabel(this))
    , m_language(new QComboBox(this))
{
    auto *form = new QFormLayout(this);

    // Popups.
    m_timeout->setSpecialValueText(tr("The server's choice"));
    m_timeout->setToolTip(tr("0 keeps popups until dismissed"));
    const int timeoutMs = settings->popupTimeoutMs();
    m_timeout->setValue(timeoutMs < 0 ? -1 : timeoutMs / 1000);
    connect(m_timeout, &QSpinBox::valueChanged, settings, [settings](int seconds) {
        settings->setPopupTimeoutMs(seconds < 0 ? -1 : seconds * 1000);
    });
    form->addRow(tr("Popup &timeout:"), m_timeout);

    m_urgency->setAccessibleName(tr("Default urgency"));
    m_urgency->addItem(tr("Low"), QStringLiteral("low"));
    m_urgency->addItem(tr("Normal"), QStringLiteral("normal"));
    m_urgency->addItem(tr("Critical"), QStringLiteral("critical"));
    m_urgency->setCurrentIndex(m_urgency->findData(settings->defaultUrgency()));
    connect(m_urgency, &QComboBox::currentIndexChanged, settings, [this, settings](int index) {
        settings->setDefaultUrgency(m_urgency->itemData(index).toString());
    });
    form->addRow(tr("Default &urgency:"), m_urgency);

    m_rate->setValue(settings->popupsPerMinute());
    connect(m_rate, &QSpinBox::valueChanged, settings, &Settings::setPopupsPerMinute);
    form->addRow(tr("&Popups at most:"), m_rate);

    m_digest->setValue(settings->digestWindowSeconds());
    connect(m_digest, &QSpinBox::valueChanged, settings, &Settings::setDigestWindowSeconds);
    form->addRow(tr("&Digest of the rest every:"), m_digest);

    // Quiet hours: both times or none.
    m_quiet->setAccessibleName(tr("Quiet hours"));
    m_quietStart->setDisplayFormat(QStringLiteral("HH:mm"));
    m_quietStart->setAccessibleName(tr("Quiet hours start"));
    m_quietEnd->setDisplayFormat(QStringLiteral("HH:mm"));
    m_quietEnd->setAccessibleName(tr("Quiet hours end"));
    const bool quiet = settings->quietHoursStart().isValid() && settings->quietHoursEnd().isValid();
    m_quiet->setChecked(quiet);
    m_quietStart->setTime(quiet ? settings->quietHoursStart() : QTime(22, 0));
    m_quietEnd->setTime(quiet ? settings->quietHoursEnd() : QTime(7, 0));
    m_quietStart->setEnabled(quiet);
    m_quietEnd->setEnabled(quiet);
    connect(m_quiet, &QCheckBox::toggled, this, [this](bool on) {
        m_quietStart->setEnabled(on);
        m_quietEnd->setEnabled(on);
        saveQuietHours();
    });
    connect(m_quietStart, &QTimeEdit::timeChanged, this, &NotificationsPage::saveQuietHours);
    connect(m_quietEnd, &QTimeEdit::timeChanged, this, &NotificationsPage::saveQuietHours);
    auto *quietRow = new QHBoxLayout;
    quietRow->addWidget(m_quietStart);
    quietRow->addWidget(new QLabel(tr("to"), this));
    quietRow->addWidget(m_quietEnd);
    quietRow->addStretch(1);
    form->addRow(m_quiet, quietRow);

    m_images->setAccessibleName(tr("Show service icons and avatars"));
    m_images->setChecked(settings->showImages());
    connect(m_images, &QCheckBox::toggled, settings, &Settings::setShowImages);
    form->addRow(m_images);

    // The old applet's ways, and the critical bypass.
    m_classicTitle->setAccessibleName(tr("Show the raw message type as the popup title"));
    m_classicTitle->setToolTip(tr("The popup's title becomes the message type as the old applet "
                                  "showed it, e.g. “bodhi.update.comment”, instead of "
                                  "“Bodhi: comment on update”"));
    m_classicTitle->setChecked(settings->classicNotificationTitle());
    connect(m_classicTitle, &QCheckBox::toggled, settings, &Settings::setClassicNotificationTitle);
    form->addRow(m_classicTitle);

    m_critical->setAccessibleName(tr("Critical messages break through the pause and quiet hours"));
    m_critical->setToolTip(tr("Critical popups still show while notifications are paused or in "
                              "quiet hours. The desktop's own do-not-disturb still holds them."));
    m_critical->setChecked(settings->criticalBreaksThrough());
    connect(m_critical, &QCheckBox::toggled, settings, &Settings::setCriticalBreaksThrough);
    form->addRow(m_critical);

    m_relay->setAccessibleName(tr("Relay notified messages to the old GNOME Shell extension"));
    m_relay->setToolTip(tr("Each message your rules notify is sent as MessageReceived on the old "
                           "applet's D-Bus interface org.fedoraproject.fedmsg.notify, which its "
                           "GNOME Shell extension listens to"));
    m_relay->setChecked(settings->dbusRelay());
    connect(m_relay, &QCheckBox::toggled, settings, &Settings::setDbusRelay);
    form->addRow(m_relay);

    m_account->setAccessibleName(tr("My Fedora account name"));
    m_account->setText(settings->fedoraAccount());
    m_account->setPlaceholderText(tr("not known"));
    connect(m_account, &QLineEdit::editingFinished, settings, [this, settings] {
        settings->setFedoraAccount(m_account->text().trimmed());
    });
    form->addRow(tr("My Fedora &account:"), m_account);

    // History.
    m_days->setValue(settings->historyMaxAgeDays());
    connect(m_days, &QSpinBox::valueChanged, settings, &Settings::setHistoryMaxAgeDays);
    m_count->setSingleStep(1000);
    m_count->setValue(settings->historyMaxCount());
    connect(m_count, &QSpinBox::valueChanged, settings, &Settings::setHistoryMaxCount);
    m_size->setValue(settings->historyMaxSizeMiB());
    connect(m_size, &QSpinBox::valueChanged, settings, &Settings::setHistoryMaxSizeMiB);
    auto *historyRow = new QHBoxLayout;
    historyRow->addWidget(m_days);
    historyRow->addWidget(m_count);
    historyRow->addWidget(m_size);
    auto *historyLabel = new QLabel(tr("Keep &history:"), this);
    historyLabel->setBuddy(m_days);
    form->addRow(historyLabel, historyRow);

    m_startAtLogin->setAccessibleName(tr("Start at login"));
    m_startAtLogin->setChecked(m_autostart.isEnabled());
    m_autostartError->setWordWrap(true);
    m_autostartError->hide();
    connect(m_startAtLogin, &QCheckBox::toggled, this, [this](bool on) {
        QString error;
        if (m_autostart.setEnabled(on, &error)) {
            m_autostartError->hide();
            return;
        }
        m_autostartError->setText(error);
        m_autostartError->show();
        const QSignalBlocker block(m_startAtLogin);
        m_startAtLogin->setChecked(m_autostart.isEnabled());
    });
    form->addRow(m_startAtLogin);
    form->addRow(m_autostartError);

    // Language: each in its own name, so it can be found whatever is shown now.
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("System default"), QString());
    m_language->addItem(
        QStringLiteral("English"), QStringLiteral("en")); // i18n: a language's own name
    for (const QString &language : Translations::languages()) {
        const QLocale locale(language);
        QString name = locale.nativeLanguageName();
        if (!name.isEmpty())
            name[0] = name[0].toUpper(); // "français" -> "Français", as a menu item
        m_language->addItem(name, language);
    }
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings->language())));
    m_language->setToolTip(tr("Takes effect at the next start"));
    connect(m_language, &QComboBox::currentIndexChanged, settings, [this, settings](int index) {
        settings->setLanguage(m_language->itemData(index).toString());
    });
    form->addRow(tr("&Language:"), m_language);
}

void NotificationsPage::saveQuietHours()
{
    if (m_quiet->isChecked())
        m_settings->setQuietHours(m_quietStart->time(), m_quietEnd->time());
    else
        m_settings->setQuietHours({}, {});
}

} // namespace fedmsg
