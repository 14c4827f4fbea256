// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QDialog>

class QLabel;
class QPushButton;

namespace fedmsg {

/**
 * @brief About fedmsg-notify: version, licence, the buses' state as the tray shows it, and
 * "Show welcome again" (welcomeRequested(); whoever owns the welcome shows it). Operable with
 * the keyboard alone; every control has an accessible name.
 */
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    /// The buses' state, one line per bus (TrayIcon::busSummary()).
    void setBusState(const QString &text);
    QString busState() const;
    static QString version();

Q_SIGNALS:
    void welcomeRequested();

private:
    QLabel *m_buses = nullptr;
    QPushButton *m_welcome = nullptr;
};

} // namespace fedmsg
