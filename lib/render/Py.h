// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "json/JsonValue.h"

#include <QString>
#include <QStringList>

#include <string_view>

namespace fedmsg::render {

/// Thrown (and always caught inside lib/render) where Python's processor would raise: a missing
/// key, a wrong type. It never crosses the public API: the field falls back like @graceful does.
struct MetaFailure
{
    const char *what = "";
    /// What Python's `except KeyError:` catches; a TypeError (indexing a str, list or None by a
    /// key) or an IndexError is not, and leaves the processor's function.
    [[nodiscard]] bool isKeyError() const { return std::string_view(what).starts_with("KeyError"); }
};

/**
 * @brief Python-flavoured access to untrusted JSON, so processors read like fedmsg.meta's.
 */
class Py
{
public:
    /// v[key]: throws MetaFailure when v is not an object or key is missing (Python KeyError).
    static const JsonValue &at(const JsonValue &v, std::string_view key);
    /// v[i] with Python negative indices; throws when not an array or out of range.
    static const JsonValue &at(const JsonValue &v, long long i);
    /// Nested v[k1][k2]...
    static const JsonValue &path(const JsonValue &v, std::initializer_list<std::string_view> keys);
    /// v.get(key) -> null when missing; throws when v is not an object (AttributeError).
    static const JsonValue &get(const JsonValue &v, std::string_view key);
    static bool has(const JsonValue &v, std::string_view key); ///< `key in v` for dicts
    /// Python's bool(v): JsonValue::pythonTruth().
    static bool truthy(const JsonValue &v) { return v.pythonTruth(); }
    /// str(v): strings as is, None/True/False, ints, float repr, containers as repr.
    static QString str(const JsonValue &v);
    static QString repr(const JsonValue &v);
    /// Python's '%i' % v (what fedmsg.meta's koji and hotness links use): integers as they are,
    /// True/False as 1/0 (bool is an int), floats truncated toward zero (exact, also beyond
    /// int64); NaN, infinities and every other type throw MetaFailure as Python raises.
    static QString percentInt(const JsonValue &v);
    /// A string value (str() of anything else, like str.format does).
    static QString s(const JsonValue &v) { return str(v); }
    /// The list of str() of an array's elements; throws when not an array.
    static QStringList strList(const JsonValue &v);

    // string helpers with Python semantics
    static QString slice(const QString &s, int n); ///< s[:n] by code points
    static int len(const QString &s); ///< code points
    static QString nvrName(const QString &nvr); ///< nvr.rsplit('-', 2)[0]
    static QStringList rsplit(const QString &s, const QString &sep, int maxsplit);
    static QString capitalize(const QString &s); ///< str.capitalize()
    static QString title(const QString &s); ///< str.title()
    /// fedmsg's BaseConglomerator.list_to_series: "a", "a and b", "a, b, and c", "a, b, and N
    /// others"
    static QString listToSeries(const QStringList &input, int n = 3, bool oxfordComma = true);
    static QStringList sortedUnique(QStringList l);
};

} // namespace fedmsg::render
