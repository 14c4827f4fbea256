// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "i18n/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace fedmsg {

QStringList Translations::languages()
{
    return { QStringLiteral("de"), QStringLiteral("fr") };
}

QLocale Translations::locale(const QString &language)
{
    return language.isEmpty() ? QLocale() : QLocale(language);
}

bool Translations::install(const QLocale &locale)
{
    // Installed last = asked first: the locale's translation wins, English fills plurals.
    static QTranslator english;
    static QTranslator qt; // Qt's own texts: standard buttons ("Close", "Cancel"), dialogs
    static QTranslator local;
    if (english.isEmpty()
        && english.load(QStringLiteral("fedmsg-notify_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&english);
    for (QTranslator *t : { &qt, &local })
        if (!t->isEmpty())
            QCoreApplication::removeTranslator(t);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return locale.language() == QLocale::English;
    if (!local.load(
            locale, QStringLiteral("fedmsg-notify"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        return false;
    // From the system (qt6-translations-l10n, qt6-qttranslations); without it Qt's few own
    // texts stay English.
    if (qt.load(locale,
            QStringLiteral("qtbase"),
            QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qt);
    QCoreApplication::installTranslator(&local);
    return true;
}

} // namespace fedmsg
