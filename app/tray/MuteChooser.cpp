// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "MuteChooser.h"

#include "notify/Notification.h"

#include <QAbstractButton>
#include <QList>
#include <QPushButton>

#include <utility>

namespace fedmsg {

MuteChooser::MuteChooser(const Notification &notification, QWidget *parent)
    : QMessageBox(QMessageBox::Question,
        tr("Mute similar messages"),
        tr("Mute messages like “%1”?").arg(notification.summary),
        QMessageBox::NoButton,
        parent)
{
    setObjectName(QStringLiteral("muteChooser"));
    setAccessibleName(tr("Mute similar messages"));
    setAttribute(Qt::WA_DeleteOnClose);
    setTextFormat(Qt::PlainText);
    setInformativeText(tr("They stay in the history without popping up."));
    const QList<std::pair<QPushButton *, std::chrono::seconds>> choices {
        { addButton(tr("For 1 hour"), QMessageBox::AcceptRole), std::chrono::hours(1) },
        { addButton(tr("For 1 day"), QMessageBox::AcceptRole), std::chrono::hours(24) },
        { addButton(tr("Always"), QMessageBox::AcceptRole), std::chrono::seconds(0) },
    };
    setEscapeButton(addButton(QMessageBox::Cancel));
    connect(this, &QMessageBox::buttonClicked, this, [this, choices](QAbstractButton *b) {
        for (const auto &[button, duration] : choices)
            if (button == b)
                Q_EMIT chosen(duration);
    });
}

} // namespace fedmsg
