// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "Translations.h"

#include <QCoreApplication>
#include <QTranslator>

namespace fedmsg {

void Translations::install(const QLocale &locale)
{
    // Installed last = asked first: the locale's translation wins, English fills plurals.
    static QTranslator english;
    static QTranslator local;
    if (english.isEmpty()
        && english.load(QStringLiteral("fedmsg-notify_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&english);
    if (locale.language() != QLocale::English && local.isEmpty()
        && local.load(
            locale, QStringLiteral("fedmsg-notify"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&local);
}

} // namespace fedmsg
