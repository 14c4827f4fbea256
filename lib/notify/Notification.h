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
    QString iconPath; ///< app_icon: local file path or icon name; empty = the application icon
    QString imagePath; ///< image-path hint: a local image file (service icon, avatar); may be empty
    QString category = QStringLiteral("x-fedmsg.message");
    QString topic; ///< x-fedmsg-topic hint (empty: not sent)
    QString msgId; ///< the message's id, for "Why?" and "Mute…" (empty for the applet's own)
    QString serviceName; ///< Rendering::serviceName, for "Mute…"
    QString why; ///< the rule decision's explanation, for "Why?"
    QString objectKey; ///< the object it is about (an update, a build); burst control keys on it
    Urgency urgency = Urgency::Normal;
    int timeoutMs = -1; ///< -1 = the server's default
    qint64 historyId = 0; ///< the History row it came from (0 = none)
    uint replacesId = 0; ///< a server id to replace in place (0 = a new popup)
    bool offerMute = false; ///< add the "Mute…" action (when the server has actions)
    bool offerWhy = false; ///< add the "Why?" action (when the server has actions)
};
} // namespace fedmsg

Q_DECLARE_METATYPE(fedmsg::Notification)
