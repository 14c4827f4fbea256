// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QLocale>

namespace fedmsg {

/**
 * @brief Installs the applet's translations: English first (it gives plurals their forms:
 * "1 endpoint", "2 endpoints"), then the one for @p locale when there is one.
 * The .qm files are embedded at :/i18n.
 */
class Translations
{
public:
    static void install(const QLocale &locale = QLocale());
};

} // namespace fedmsg
