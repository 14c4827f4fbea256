// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "WhyDialog.h"

#include "notify/Notification.h"

namespace fedmsg {

WhyDialog::WhyDialog(const Notification &notification, QWidget *parent)
    : QMessageBox(QMessageBox::Information,
        tr("Why this notification?"),
        notification.why.isEmpty()
            ? tr("No rule picked this message out: notifications are on for %1 and no rule "
                 "says otherwise.\n\nTopic: %2\nMessage id: %3")
                  .arg(notification.serviceName, notification.topic, notification.msgId)
            : notification.why,
        QMessageBox::Close,
        parent)
{
    setObjectName(QStringLiteral("whyDialog"));
    setAccessibleName(tr("Why this notification?"));
    setAttribute(Qt::WA_DeleteOnClose);
    setTextFormat(Qt::PlainText);
}

} // namespace fedmsg
