// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QMessageBox>

#include <chrono>

namespace fedmsg {

struct Notification;

/**
 * @brief The small chooser "Mute…" on a notification opens: for 1 hour, for 1 day, always, or
 * Cancel (Esc). Not modal (no nested event loop inside the notifier's signal); deletes itself
 * when closed. chosen() says how long; Application makes the rule.
 */
class MuteChooser : public QMessageBox
{
    Q_OBJECT
public:
    explicit MuteChooser(const Notification &notification, QWidget *parent = nullptr);

Q_SIGNALS:
    /// The user picked a duration (0 = always).
    void chosen(std::chrono::seconds duration);
};

} // namespace fedmsg
