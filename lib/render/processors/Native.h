// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// Shared helpers for the native processors (services whose logic does not fit the data file).

#include "render/Avatar.h"
#include "render/MetaProcessor.h"
#include "render/Py.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <initializer_list>
#include <memory>
#include <utility>

namespace fedmsg::render {

using Args = std::initializer_list<std::pair<const char *, QString>>;

/// Python str.format with named fields only ({name}, {{ and }} escapes); unknown names -> failure.
QString format(const QString &tmpl, Args args);
inline QString format(const char *tmpl, Args args)
{
    return format(QString::fromUtf8(tmpl), args);
}
/// str.format(**dict): names looked up in the JSON object, then in extra.
QString formatDict(const QString &tmpl, const JsonValue &dict, Args extra = {});
inline QString formatDict(const char *tmpl, const JsonValue &dict, Args extra = {})
{
    return formatDict(QString::fromUtf8(tmpl), dict, extra);
}

inline const JsonValue &at(const JsonValue &v, std::string_view k)
{
    return Py::at(v, k);
}
inline const JsonValue &at(const JsonValue &v, long long i)
{
    return Py::at(v, i);
}
inline const JsonValue &get(const JsonValue &v, std::string_view k)
{
    return Py::get(v, k);
}
inline bool has(const JsonValue &v, std::string_view k)
{
    return Py::has(v, k);
}
inline bool truthy(const JsonValue &v)
{
    return Py::truthy(v);
}
/// Python's str(v).
inline QString pyStr(const JsonValue &v)
{
    return Py::str(v);
}
/// v.get(k, fallback) as text
inline QString getStr(const JsonValue &v, std::string_view k, const QString &fallback)
{
    const JsonValue *f = v.isObject() ? v.find(k) : nullptr;
    if (!v.isObject())
        throw MetaFailure { "AttributeError" };
    return f ? Py::str(*f) : fallback;
}
inline QString avatar(const QString &user)
{
    return Avatar::forUser(user);
}
inline QString avatarEmail(const QString &email)
{
    return Avatar::forEmail(email);
}
/// str(v) when v is truthy, else empty (Python's `x and str(x) or ""`)
inline QString strIfTruthy(const JsonValue &v)
{
    return Py::truthy(v) ? Py::str(v) : QString();
}

/// Python iteration: dict keys, list elements (as str), string characters.
inline QStringList iter(const JsonValue &v)
{
    QStringList out;
    if (v.isObject()) {
        for (const auto &kv : v.object())
            out << QString::fromStdString(kv.first);
    } else if (v.isArray()) {
        out = Py::strList(v);
    } else if (v.isString()) {
        for (QChar ch : v.toQString())
            out << QString(ch);
    } else {
        throw MetaFailure { "TypeError: not iterable" };
    }
    return out;
}

using Factory = std::function<std::unique_ptr<MetaProcessor>(ServiceInfo)>;
/// All native handlers by handler name (the "handler" key of a data-file service).
const std::vector<std::pair<QString, Factory>> &nativeFactories();

} // namespace fedmsg::render
