// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

namespace fedmsg {

/**
 * @brief Installs the programs' translations (Qt Linguist .qm files embedded at :/i18n):
 * English first (it gives plurals their forms: "1 endpoint", "2 endpoints"), then the one for
 * the locale when there is one, with Qt's own (qtbase_<lang>.qm from the system, for standard
 * buttons). Installing again replaces the locale's translations.
 * @code
 * Translations::install(Translations::locale(settings.language())); // "" = the system's
 * @endcode
 */
class Translations
{
public:
    /// Languages with a translation besides English, the source ("de", "fr").
    static QStringList languages();
    /// The locale for @p language ("de", "fr", "en"); the system's when it is empty.
    static QLocale locale(const QString &language);
    /// Installs English plurals and @p locale's translation; false when @p locale has none
    /// (English is then shown).
    static bool install(const QLocale &locale = QLocale());
};

} // namespace fedmsg
