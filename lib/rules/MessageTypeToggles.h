// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

namespace fedmsg::rules {

/**
 * @brief Which message types are switched off: a service ("wiki") or one kind under it
 * ("bodhi/update.comment"). A message of a type that is off does not pop up; it is still
 * stored, with the decision "history" and the reason. The ids are what the settings keep
 * (a former `disabledServices` list is already such a list of services).
 */
class MessageTypeToggles
{
public:
    MessageTypeToggles() = default;
    explicit MessageTypeToggles(const QStringList &off);

    /// Whether messages of @p type ("service/kind" or "service") may pop up.
    [[nodiscard]] bool isOn(const QString &type) const;
    void setOn(const QString &id, bool on);
    /// The ids switched off, sorted.
    [[nodiscard]] QStringList off() const;

private:
    QSet<QString> m_off;
};

} // namespace fedmsg::rules
