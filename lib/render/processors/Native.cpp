// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"

#include "render/FormatSlots.h"

namespace fedmsg::render {

namespace {

/// str.format with the slot names looked up by `lookup`; the only format spec the processors
/// use is ".Nf".
template <typename Lookup>
QString formatWith(const QString &tmpl, Lookup lookup)
{
    return FormatSlots::substitute(tmpl, [&](const QString &slot) {
        const qsizetype colon = slot.indexOf(QLatin1Char(':'));
        QString value = lookup(colon >= 0 ? slot.left(colon) : slot);
        const QString spec = colon >= 0 ? slot.mid(colon + 1) : QString();
        if (spec.startsWith(QLatin1Char('.')) && spec.endsWith(QLatin1Char('f')))
            value = QString::number(value.toDouble(), 'f', spec.mid(1, spec.size() - 2).toInt());
        return value;
    });
}

} // namespace

QString format(const QString &tmpl, Args args)
{
    return formatWith(tmpl, [&](const QString &name) {
        for (const auto &[k, v] : args)
            if (name == QLatin1String(k))
                return v;
        throw MetaFailure { "KeyError: format" };
    });
}

QString formatDict(const QString &tmpl, const JsonValue &dict, Args extra)
{
    return formatWith(tmpl, [&](const QString &name) {
        for (const auto &[k, v] : extra)
            if (name == QLatin1String(k))
                return v;
        return Py::str(Py::at(dict, name.toStdString()));
    });
}

} // namespace fedmsg::render
