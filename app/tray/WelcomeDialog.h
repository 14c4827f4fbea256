// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace fedmsg {

/**
 * @brief The first-run welcome: what the applet does, the Fedora account name (pre-filled where
 * it was detected, editable), where the tray icon is, and a way to the preferences.
 *
 * Shown once on the first start of a new profile, and again from the About box. Operable with
 * the keyboard alone; every control has an accessible name.
 */
class WelcomeDialog : public QDialog
{
    Q_OBJECT
public:
    explicit WelcomeDialog(QWidget *parent = nullptr);

    /// Fills the account field unless the user already typed in it.
    void offerAccount(const QString &account);
    QString account() const;

Q_SIGNALS:
    /// "Open Preferences…".
    void preferencesRequested();
    /// Closed with an account name other than the one offered.
    void accountChosen(const QString &account);

private:
    QLineEdit *m_account = nullptr;
    QPushButton *m_preferences = nullptr;
    QString m_offered;
    bool m_typed = false;
};

} // namespace fedmsg
