// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace fedmsg {

/**
 * @brief Start at login: the user's XDG autostart entry (`<config>/autostart/<id>.desktop`).
 *
 * On: a user entry with generic keys only and `Exec=<program> --background` (start to the tray,
 * no window). Off: the user entry is removed, unless a system-wide entry exists in one of the
 * XDG config dirs (the package's `/etc/xdg/autostart`): then a user copy with `Hidden=true` is
 * written, since the user's entry hides the system one and the system file is not the user's
 * to delete. The desktop entry spec's rules decide isEnabled(): the user's entry wins, Hidden=true
 * means off.
 */
class AutostartEntry
{
public:
    /// @p userConfigDir: $XDG_CONFIG_HOME; @p systemConfigDirs: $XDG_CONFIG_DIRS, in order.
    AutostartEntry(QString userConfigDir, QStringList systemConfigDirs, QString program);
    /// The user's and the system's folders as QStandardPaths sees them, this program's path.
    static AutostartEntry forThisUser();
    static constexpr const char *FileName = "org.fedoraproject.FedmsgNotify.desktop";

    QString userFile() const;
    /// The first system-wide entry found, "" when there is none.
    QString systemFile() const;
    bool isEnabled() const;
    /// Writes (or hides, or removes) the user's entry; false with @p error when it cannot.
    bool setEnabled(bool on, QString *error = nullptr) const;

private:
    static bool isHidden(const QString &file);
    bool write(const QByteArray &contents, QString *error) const;

    QString m_userConfigDir;
    QStringList m_systemConfigDirs;
    QString m_program;
};

} // namespace fedmsg
