// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QMessageBox>

namespace fedmsg {

struct Notification;

/**
 * @brief The window "Why?" on a notification opens: the rules' explanation the notification
 * carries, or why no rule was involved, with the topic and message id. Not modal; Esc or
 * Close closes it, and it deletes itself.
 */
class WhyDialog : public QMessageBox
{
    Q_OBJECT
public:
    explicit WhyDialog(const Notification &notification, QWidget *parent = nullptr);
};

} // namespace fedmsg
