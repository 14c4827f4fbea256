// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace fedmsg {

/// @brief One desktop notification to show, built from a rendered message.
struct Notification
{
    enum class Urgency { Low = 0, Normal = 1, Critical = 2 };
    QString summary; ///< plain text (never markup)
    QString body; ///< plain text; escaped by the notifier when the server speaks markup
    QString link; ///< opened on click; only http and https are ever opened
    QString iconPath; ///< local file path or freedesktop icon name; empty = application icon
    QString category = QStringLiteral("x-fedmsg.message");
    Urgency urgency = Urgency::Normal;
    int timeoutMs = -1; ///< -1 = the server's default
    qint64 historyId = 0; ///< the History row it came from (0 = none)
};

} // namespace fedmsg

Q_DECLARE_METATYPE(fedmsg::Notification)
