// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "render/Py.h"

#include <QString>

namespace fedmsg::render {

/**
 * @brief Python str.format's brace syntax: the one parser for the data file's templates
 * (TemplateProcessor, fmt_each) and the native handlers' format strings (format, formatDict).
 *
 * "{{" and "}}" are literal braces, "{...}" is a slot, a lone "}" is kept as it is. Inside a slot
 * a single-quoted part may hold braces: they belong to a data-file filter argument such as
 * `fmt_each:'{a}/{b}'`.
 */
class FormatSlots
{
public:
    /// Index of the '}' closing the slot opened at tmpl[open], or tmpl.size() when none does.
    static qsizetype slotEnd(const QString &tmpl, qsizetype open);
    /// True when tmpl is exactly one slot ("{x|f}"), whose value can keep its JSON type.
    static bool isSingleSlot(const QString &tmpl);

    /// tmpl with every slot replaced by fill(text between its braces); braces unescaped.
    /// Throws MetaFailure for a slot that is never closed (Python's ValueError).
    template <typename Fill>
    static QString substitute(const QString &tmpl, Fill &&fill)
    {
        QString out;
        out.reserve(tmpl.size() + 32);
        for (qsizetype i = 0; i < tmpl.size(); ++i) {
            const QChar c = tmpl.at(i);
            const bool doubled = i + 1 < tmpl.size() && tmpl.at(i + 1) == c;
            if (c == QLatin1Char('{') && !doubled) {
                const qsizetype end = slotEnd(tmpl, i);
                if (end >= tmpl.size())
                    throw MetaFailure { "ValueError: unterminated format slot" };
                const QString value = fill(tmpl.mid(i + 1, end - i - 1));
                out += value;
                i = end;
                continue;
            }
            if ((c == QLatin1Char('{') || c == QLatin1Char('}')) && doubled)
                ++i;
            out += c;
        }
        return out;
    }
};

} // namespace fedmsg::render
