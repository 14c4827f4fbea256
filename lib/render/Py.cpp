// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/Py.h"

#include "json/JsonWriter.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace fedmsg::render {

const JsonValue &Py::at(const JsonValue &v, std::string_view key)
{
    if (!v.isObject())
        throw MetaFailure { "not a dict" };
    const JsonValue *found = v.find(key);
    if (!found)
        throw MetaFailure { "KeyError" };
    return *found;
}

const JsonValue &Py::at(const JsonValue &v, long long i)
{
    if (!v.isArray())
        throw MetaFailure { "not a list" };
    const auto n = static_cast<long long>(v.size());
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        throw MetaFailure { "IndexError" };
    return v[static_cast<std::size_t>(i)];
}

const JsonValue &Py::path(const JsonValue &v, std::initializer_list<std::string_view> keys)
{
    const JsonValue *cur = &v;
    for (std::string_view k : keys)
        cur = &at(*cur, k);
    return *cur;
}

const JsonValue &Py::get(const JsonValue &v, std::string_view key)
{
    static const JsonValue null;
    if (!v.isObject())
        throw MetaFailure { "AttributeError" };
    const JsonValue *found = v.find(key);
    return found ? *found : null;
}

bool Py::has(const JsonValue &v, std::string_view key)
{
    if (v.isObject())
        return v.find(key) != nullptr;
    if (v.isArray()) {
        return std::ranges::any_of(v.array(), [&](const JsonValue &e) {
            return e.isString() && e.toStdString() == key;
        });
    }
    if (v.isString())
        return v.toStdString().find(key) != std::string::npos;
    throw MetaFailure { "TypeError: in" };
}

static QString reprString(const QString &s)
{
    const bool useDouble = s.contains(QLatin1Char('\'')) && !s.contains(QLatin1Char('"'));
    const QChar quote = useDouble ? QLatin1Char('"') : QLatin1Char('\'');
    QString out(quote);
    for (QChar c : s) {
        if (c == QLatin1Char('\\'))
            out += QStringLiteral("\\\\");
        else if (c == quote)
            out += QLatin1Char('\\') + QString(c);
        else if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else if (c == QLatin1Char('\r'))
            out += QStringLiteral("\\r");
        else if (c == QLatin1Char('\t'))
            out += QStringLiteral("\\t");
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    out += quote;
    return out;
}

QString Py::str(const JsonValue &v)
{
    switch (v.type()) {
    case JsonValue::Type::Null:
        return QStringLiteral("None");
    case JsonValue::Type::Bool:
        return v.toBool() ? QStringLiteral("True") : QStringLiteral("False");
    case JsonValue::Type::Integer:
        return QString::fromStdString(v.integerText());
    case JsonValue::Type::Float: {
        const double d = v.toDouble();
        if (d != d)
            return QStringLiteral("nan");
        if (d == std::numeric_limits<double>::infinity())
            return QStringLiteral("inf");
        if (d == -std::numeric_limits<double>::infinity())
            return QStringLiteral("-inf");
        return QString::fromStdString(JsonWriter::formatDouble(d));
    }
    case JsonValue::Type::String:
        return v.toQString();
    case JsonValue::Type::Array:
    case JsonValue::Type::Object:
        return repr(v);
    }
    return {};
}

QString Py::percentInt(const JsonValue &v)
{
    switch (v.type()) {
    case JsonValue::Type::Integer:
        return QString::fromStdString(v.integerText());
    case JsonValue::Type::Bool:
        return v.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    case JsonValue::Type::Float: {
        const double d = v.toDouble();
        if (!std::isfinite(d))
            throw MetaFailure { "ValueError/OverflowError: %i of nan or inf" };
        const double t = std::trunc(d);
        if (std::fabs(t) < 9.2e18)
            return QString::number(static_cast<long long>(t));
        std::array<char, 400> buf {}; // the largest double in fixed notation has 309 digits
        const auto res =
            std::to_chars(buf.data(), buf.data() + buf.size(), t, std::chars_format::fixed, 0);
        return QString::fromLatin1(buf.data(), static_cast<qsizetype>(res.ptr - buf.data()));
    }
    default:
        throw MetaFailure { "TypeError: %i format: a number is required" };
    }
}

QString Py::repr(const JsonValue &v)
{
    if (v.isString())
        return reprString(v.toQString());
    if (v.isArray()) {
        QStringList parts;
        for (const JsonValue &e : v.array())
            parts << repr(e);
        return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
    }
    if (v.isObject()) {
        QStringList parts;
        for (const auto &[k, e] : v.object())
            parts << reprString(QString::fromStdString(k)) + QStringLiteral(": ") + repr(e);
        return QLatin1Char('{') + parts.join(QStringLiteral(", ")) + QLatin1Char('}');
    }
    return str(v);
}

QStringList Py::strList(const JsonValue &v)
{
    if (!v.isArray())
        throw MetaFailure { "not a list" };
    QStringList out;
    for (const JsonValue &e : v.array())
        out << str(e);
    return out;
}

QString Py::slice(const QString &s, int n)
{
    if (n < 0) {
        const int l = len(s);
        n = std::max(0, l + n);
    }
    int units = 0;
    int cps = 0;
    while (units < s.size() && cps < n) {
        units += (s.at(units).isHighSurrogate() && units + 1 < s.size()
                     && s.at(units + 1).isLowSurrogate())
            ? 2
            : 1;
        ++cps;
    }
    return s.left(units);
}

int Py::len(const QString &s)
{
    int n = 0;
    for (int i = 0; i < s.size(); ++i) {
        if (s.at(i).isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate())
            ++i;
        ++n;
    }
    return n;
}

QStringList Py::rsplit(const QString &s, const QString &sep, int maxsplit)
{
    QStringList out;
    QString rest = s;
    while (maxsplit-- > 0) {
        const qsizetype idx = rest.lastIndexOf(sep);
        if (idx < 0)
            break;
        out.prepend(rest.mid(idx + sep.size()));
        rest = rest.left(idx);
    }
    out.prepend(rest);
    return out;
}

QString Py::nvrName(const QString &nvr)
{
    return rsplit(nvr, QStringLiteral("-"), 2).first();
}

QString Py::capitalize(const QString &s)
{
    if (s.isEmpty())
        return s;
    return s.left(1).toUpper() + s.mid(1).toLower();
}

QString Py::title(const QString &s)
{
    QString out;
    bool prevCased = false;
    for (QChar c : s) {
        if (c.isLetter()) {
            out += prevCased ? c.toLower() : c.toUpper();
            prevCased = true;
        } else {
            out += c;
            prevCased = false;
        }
    }
    return out;
}

QString Py::listToSeries(const QStringList &input, int n, bool oxfordComma)
{
    if (input.isEmpty())
        return QStringLiteral("(nothing)");
    QStringList items = sortedUnique(input);
    if (items.size() == 1)
        return items.first();
    if (items.size() > n) {
        const int others = static_cast<int>(items.size()) - n + 1;
        items = items.mid(0, n - 1);
        items << QStringLiteral("%1 others").arg(others);
    }
    const QString first = items.mid(0, items.size() - 1).join(QStringLiteral(", "));
    QString conjunction = QStringLiteral(" and ");
    if (oxfordComma && items.size() > 2)
        conjunction = QLatin1Char(',') + conjunction;
    return first + conjunction + items.last();
}

QStringList Py::sortedUnique(QStringList l)
{
    std::sort(l.begin(), l.end());
    l.erase(std::unique(l.begin(), l.end()), l.end());
    return l;
}

} // namespace fedmsg::render
