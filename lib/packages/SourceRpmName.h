// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QString>
#include <QStringView>

namespace fedmsg::packages {

/**
 * @brief The source package NAME of an rpm's %{SOURCERPM} value.
 *
 * `python-foo-1.2-3.fc40.src.rpm` is name-version-release.src.rpm; version and release never
 * contain '-', the name may ("perl-Foo-Bar", "4ti2", "python3.12"), so the name is everything
 * before the last two dashes. `(none)` (gpg-pubkey) and anything not of that form give "".
 */
class SourceRpmName
{
public:
    [[nodiscard]] static QString fromSourceRpm(QStringView sourceRpm);
};

} // namespace fedmsg::packages
