// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"

namespace fedmsg::render {

template <typename Lookup>
static QString formatImpl(const QString &tmpl, Lookup lookup)
{
    QString out;
    out.reserve(tmpl.size() + 32);
    for (int i = 0; i < tmpl.size(); ++i) {
        const QChar c = tmpl.at(i);
        if (c == QLatin1Char('{')) {
            if (i + 1 < tmpl.size() && tmpl.at(i + 1) == QLatin1Char('{')) {
                out += c;
                ++i;
                continue;
            }
            const int end = tmpl.indexOf(QLatin1Char('}'), i + 1);
            if (end < 0)
                throw MetaFailure { "ValueError: format" };
            QString field = tmpl.mid(i + 1, end - i - 1);
            QString spec;
            const int colon = field.indexOf(QLatin1Char(':'));
            if (colon >= 0) {
                spec = field.mid(colon + 1);
                field = field.left(colon);
            }
            QString value = lookup(field);
            if (!spec.isEmpty()) {
                // the only spec used by the processors: ".Nf" or "d"
                if (spec.startsWith(QLatin1Char('.')) && spec.endsWith(QLatin1Char('f')))
                    value = QString::number(
                        value.toDouble(), 'f', spec.mid(1, spec.size() - 2).toInt());
            }
            out += value;
            i = end;
        } else if (c == QLatin1Char('}')) {
            if (i + 1 < tmpl.size() && tmpl.at(i + 1) == QLatin1Char('}'))
                ++i;
            out += c;
        } else {
            out += c;
        }
    }
    return out;
}

QString format(const QString &tmpl, Args args)
{
    return formatImpl(tmpl, [&](const QString &name) {
        for (const auto &[k, v] : args)
            if (name == QLatin1String(k))
                return v;
        throw MetaFailure { "KeyError: format" };
    });
}

QString formatDict(const QString &tmpl, const JsonValue &dict, Args extra)
{
    return formatImpl(tmpl, [&](const QString &name) {
        for (const auto &[k, v] : extra)
            if (name == QLatin1String(k))
                return v;
        return Py::str(Py::at(dict, name.toStdString()));
    });
}

} // namespace fedmsg::render
