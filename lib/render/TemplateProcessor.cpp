// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/TemplateProcessor.h"

#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>
#include <algorithm>
#include <cstdlib>

#include "render/Avatar.h"
#include "render/FormatSlots.h"
#include "render/Py.h"

namespace fedmsg {

using render::FormatSlots;
using render::MetaFailure;
using render::Py;

namespace {

/// Splits s on sep outside single quotes.
QStringList splitOutsideQuotes(const QString &s, QChar sep)
{
    QStringList out;
    QString cur;
    bool quoted = false;
    for (int i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == QLatin1Char('\\') && quoted && i + 1 < s.size()) {
            cur += c;
            cur += s.at(++i);
            continue;
        }
        if (c == QLatin1Char('\''))
            quoted = !quoted;
        if (c == sep && !quoted) {
            out << cur;
            cur.clear();
        } else {
            cur += c;
        }
    }
    out << cur;
    return out;
}

QString unquote(const QString &s)
{
    if (s.size() >= 2 && s.startsWith(QLatin1Char('\'')) && s.endsWith(QLatin1Char('\''))) {
        QString out;
        const QString body = s.mid(1, s.size() - 2);
        for (int i = 0; i < body.size(); ++i) {
            if (body.at(i) == QLatin1Char('\\') && i + 1 < body.size())
                ++i;
            out += body.at(i);
        }
        return out;
    }
    return s;
}

JsonValue resolvePath(const QString &pathIn, const MetaContext &ctx)
{
    if (pathIn.startsWith(QLatin1Char('\'')))
        return { unquote(pathIn) };
    QString path = pathIn;
    const bool optional = path.endsWith(QLatin1Char('?'));
    if (optional)
        path.chop(1);
    bool isNumber = false;
    const long long number = path.toLongLong(&isNumber);
    if (isNumber)
        return { static_cast<std::int64_t>(number) };
    const QStringList segs = path.split(QLatin1Char('.'));
    const JsonValue *cur = nullptr;
    JsonValue holder;
    int start = 1;
    const QString &root = segs.first();
    if (root == QLatin1String("msg")) {
        cur = ctx.env.find("msg");
        if (!cur) {
            if (optional)
                return {};
            throw MetaFailure { "KeyError: msg" };
        }
    } else if (root == QLatin1String("env")) {
        cur = &ctx.env;
    } else if (root == QLatin1String("topic")) {
        holder = JsonValue(ctx.topic);
        cur = &holder;
    } else if (root == QLatin1String("config")) {
        const QString key = segs.value(1);
        if (!ctx.config.values.contains(key))
            return {};
        return { ctx.config.values.value(key) };
    } else {
        throw MetaFailure { "unknown template root" };
    }
    for (int i = start; i < segs.size(); ++i) {
        const QString &seg = segs.at(i);
        bool idxOk = false;
        const long long idx = seg.toLongLong(&idxOk);
        try {
            if (idxOk && cur->isArray())
                cur = &Py::at(*cur, idx);
            else
                cur = &Py::at(*cur, seg.toStdString());
        } catch (const MetaFailure &) {
            if (optional)
                return {};
            throw;
        }
    }
    return *cur;
}

QString text(const JsonValue &v)
{
    return Py::str(v);
}

JsonValue mapEach(const JsonValue &v, const std::function<JsonValue(const JsonValue &)> &f)
{
    if (v.isArray()) {
        JsonValue::Array out;
        for (const JsonValue &e : v.array())
            out.push_back(f(e));
        return { std::move(out) };
    }
    return f(v);
}

/// arrow 1.x Arrow.humanize() (English locale, granularity "auto") of `when` relative to `now`:
/// "just now" under 10 s, then "in X" / "X ago" with arrow's thresholds (seconds below a minute,
/// "a minute" below two, minutes below an hour, ... calendar months below a year).
QString humanize(const QDateTime &when, const QDateTime &now)
{
    const long long delta = now.secsTo(when);
    const long long diff = delta < 0 ? -delta : delta;
    const int sign = delta < 0 ? -1 : 1;
    auto rel = [&](const QString &span) -> QString {
        return sign > 0 ? QStringLiteral("in ") + span : span + QStringLiteral(" ago");
    };
    auto count = [](long long n, const char *unit) -> QString {
        return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(unit));
    };
    constexpr long long minute = 60;
    constexpr long long hour = 3600;
    constexpr long long day = 86400;
    constexpr long long week = 604800;
    constexpr long long year = 31536000;
    constexpr double month = 2635200.0; // arrow's _SECS_PER_MONTH (30.5 days)
    if (diff < 10)
        return QStringLiteral("just now");
    if (diff < minute)
        return rel(count(diff, "seconds"));
    if (diff < minute * 2)
        return rel(QStringLiteral("a minute"));
    if (diff < hour)
        return rel(count(std::max(diff / minute, 2LL), "minutes"));
    if (diff < hour * 2)
        return rel(QStringLiteral("an hour"));
    if (diff < day)
        return rel(count(std::max(diff / hour, 2LL), "hours"));
    if (diff < day * 2)
        return rel(QStringLiteral("a day"));
    if (diff < week)
        return rel(count(std::max(diff / day, 2LL), "days"));
    if (diff < week * 2)
        return rel(QStringLiteral("a week"));
    if (static_cast<double>(diff) < month)
        return rel(count(std::max(diff / week, 2LL), "weeks"));
    if (static_cast<double>(diff) < month * 2)
        return rel(QStringLiteral("a month"));
    if (diff < year) {
        // calendar months between the two dates (in `when`'s time zone), at least 2
        const QDate a = when.date();
        const QDate b = now.toTimeZone(when.timeZone()).date();
        const long long months =
            std::max<long long>(std::llabs(static_cast<long long>(b.year() * 12 + b.month())
                                    - static_cast<long long>(a.year() * 12 + a.month())),
                2LL);
        return rel(count(months, "months"));
    }
    if (diff < year * 2)
        return rel(QStringLiteral("a year"));
    return rel(count(std::max(diff / year, 2LL), "years"));
}

JsonValue applyFilter(
    const JsonValue &v, const QString &filterSpec, const MetaContext &ctx, const JsonValue &maps);

/// One `|name:arg:arg` step of a template expression, as a filter function sees it.
struct FilterCall
{
    const JsonValue &v; ///< the value so far
    const QString &name;
    const QStringList &parts; ///< the step split on ':' outside quotes; parts[0] is the name
    const MetaContext &ctx;
    const JsonValue &maps;

    /// Argument i (0-based) as literal text, quotes removed.
    QString arg(int i) const { return unquote(parts.value(i + 1).trimmed()); }
    /// Argument i as an expression (a path or a 'literal') evaluated against the message.
    JsonValue argValue(int i) const { return resolvePath(parts.value(i + 1).trimmed(), ctx); }
};

using Filter = JsonValue (*)(const FilterCall &);

JsonValue filterTrunc(const FilterCall &call)
{
    // Python: text[:N] + '...' when len(text) > N (or >= N)
    const int n = call.arg(0).toInt();
    const QString t = text(call.v);
    const int l = Py::len(t);
    const bool cut = call.name == QLatin1String("trunc") ? l > n : l >= n;
    const QString suffix = call.parts.size() > 2 ? call.arg(1) : QStringLiteral("...");
    return { cut ? Py::slice(t, n) + suffix : t };
}

JsonValue filterCountWhere(const FilterCall &call)
{
    // count elements whose key equals (or not) the literal (numbers compared as text)
    if (!call.v.isArray())
        throw MetaFailure { "count: not a list" };
    std::int64_t n = 0;
    for (const JsonValue &e : call.v.array()) {
        const bool eq = text(Py::at(e, call.arg(0).toStdString())) == call.arg(1);
        if (eq == (call.name == QLatin1String("count_where")))
            ++n;
    }
    return { n };
}

JsonValue filterOr(const FilterCall &call)
{
    return Py::truthy(call.v) ? call.v : call.argValue(0);
}

JsonValue filterDefault(const FilterCall &call)
{
    return call.v.isNull() ? call.argValue(0) : call.v;
}

JsonValue filterLower(const FilterCall &call)
{
    return mapEach(call.v, [](const JsonValue &e) {
        return JsonValue(text(e).toLower());
    });
}

JsonValue filterUpper(const FilterCall &call)
{
    return mapEach(call.v, [](const JsonValue &e) {
        return JsonValue(text(e).toUpper());
    });
}

JsonValue filterCapitalize(const FilterCall &call)
{
    return { Py::capitalize(text(call.v)) };
}

JsonValue filterTitle(const FilterCall &call)
{
    return { Py::title(text(call.v)) };
}

JsonValue filterStrip(const FilterCall &call)
{
    return { text(call.v).trimmed() };
}

JsonValue filterSlice(const FilterCall &call)
{
    return { Py::slice(text(call.v), call.arg(0).toInt()) };
}

JsonValue filterNvrName(const FilterCall &call)
{
    return mapEach(call.v, [](const JsonValue &e) {
        return JsonValue(Py::nvrName(text(e)));
    });
}

JsonValue filterAvatar(const FilterCall &call)
{
    return mapEach(call.v, [](const JsonValue &e) {
        return JsonValue(Avatar::forUser(text(e)));
    });
}

JsonValue filterAvatarEmail(const FilterCall &call)
{
    return mapEach(call.v, [](const JsonValue &e) {
        return JsonValue(Avatar::forEmail(text(e)));
    });
}

JsonValue filterAvatarOpenid(const FilterCall &call)
{
    return { Avatar::forOpenId(text(call.v)) };
}

JsonValue filterEmail2fas(const FilterCall &call)
{
    return mapEach(call.v, [&](const JsonValue &e) {
        return JsonValue(call.ctx.fas.emailToFas(text(e)));
    });
}

JsonValue filterNick2fas(const FilterCall &call)
{
    return mapEach(call.v, [&](const JsonValue &e) {
        return JsonValue(call.ctx.fas.nickToFas(text(e)));
    });
}

JsonValue filterJoin(const FilterCall &call)
{
    if (!call.v.isArray())
        throw MetaFailure { "join: not a list" };
    return { Py::strList(call.v).join(call.arg(0)) };
}

JsonValue filterSeries(const FilterCall &call)
{
    const int n = call.parts.size() > 1 ? call.arg(0).toInt() : 3;
    return { Py::listToSeries(Py::strList(call.v), n) };
}

JsonValue filterSquoteEach(const FilterCall &call)
{
    return mapEach(call.v, [](const JsonValue &e) {
        return JsonValue(QLatin1Char('\'') + text(e) + QLatin1Char('\''));
    });
}

JsonValue filterHumanizeAt(const FilterCall &call)
{
    // humanize_at:'date_key':'time_key':'tz_key' on a dict: arrow's humanize() of that
    // local date and time relative to env.now (the injected clock)
    const QDate d = QDate::fromString(text(Py::at(call.v, call.arg(0).toStdString())), Qt::ISODate);
    const QTime t = QTime::fromString(text(Py::at(call.v, call.arg(1).toStdString())), Qt::ISODate);
    const JsonValue &tzName = Py::at(call.v, call.arg(2).toStdString());
    QTimeZone tz(tzName.isString() ? tzName.toQString().toUtf8() : QByteArray("UTC"));
    if (!tz.isValid())
        tz = QTimeZone::utc();
    const QDateTime now = QDateTime::fromString(text(Py::at(call.ctx.env, "now")), Qt::ISODate);
    if (!d.isValid() || !t.isValid() || !now.isValid())
        throw MetaFailure { "humanize_at: bad date" };
    return { humanize(QDateTime(d, t, tz), now) };
}

JsonValue filterAndJoin(const FilterCall &call)
{
    // ["a","b","c"] -> "a, b and c"
    const QStringList items = Py::strList(call.v);
    if (items.size() <= 1)
        return { items.value(0) };
    return { items.mid(0, items.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" and ")
        + items.last() };
}

JsonValue filterLen(const FilterCall &call)
{
    if (call.v.isString())
        return { static_cast<std::int64_t>(Py::len(call.v.toQString())) };
    if (!call.v.isArray() && !call.v.isObject())
        throw MetaFailure { "len" };
    return { static_cast<std::int64_t>(call.v.size()) };
}

JsonValue filterMap(const FilterCall &call)
{
    const JsonValue &table = call.maps[call.arg(0).toStdString()];
    return mapEach(call.v, [&](const JsonValue &e) {
        const JsonValue *found = table.find(text(e).toStdString());
        if (found)
            return *found;
        const JsonValue *def = table.find("*");
        if (def)
            return def->isString() && def->toStdString() == "$" ? e : *def;
        throw MetaFailure { "map: no entry" };
    });
}

JsonValue filterSplit(const FilterCall &call)
{
    // split:'sep':index  (Python negative indices allowed)
    const QStringList p = text(call.v).split(call.arg(0));
    long long i = call.arg(1).toLongLong();
    if (i < 0)
        i += p.size();
    if (i < 0 || i >= p.size())
        throw MetaFailure { "IndexError" };
    return { p.at(static_cast<int>(i)) };
}

JsonValue filterSegments(const FilterCall &call)
{
    // segments:from:to on '.'-split text, joined by '.', like
    // '.'.join(t.split('.')[a:b])
    const QStringList p = text(call.v).split(QLatin1Char('.'));
    const int from = call.arg(0).toInt();
    const int to = call.parts.size() > 2 ? call.arg(1).toInt() : static_cast<int>(p.size());
    const int f = from < 0 ? std::max(0, static_cast<int>(p.size()) + from)
                           : std::min(from, static_cast<int>(p.size()));
    const int t = to < 0 ? std::max(0, static_cast<int>(p.size()) + to)
                         : std::min(to, static_cast<int>(p.size()));
    return { t > f ? p.mid(f, t - f).join(QLatin1Char('.')) : QString() };
}

JsonValue filterNameOf(const FilterCall &call)
{
    return call.v.isObject()
        ? Py::at(call.v, call.arg(0).isEmpty() ? "name" : call.arg(0).toStdString())
        : call.v;
}

JsonValue filterRender(const FilterCall &call)
{
    // render:'name' evaluates the template maps.templates[name] with env.item = the
    // value (each element for a list; null renders as ""). Templates may render
    // recursively.
    thread_local int depth = 0;
    const JsonValue &tmpl = call.maps["templates"][call.arg(0).toStdString()];
    if (!tmpl.isString() || depth > 32)
        throw MetaFailure { "render: no such template" };
    if (call.v.isNull())
        return { QString() };
    return mapEach(call.v, [&](const JsonValue &e) {
        JsonValue env = call.ctx.env;
        env.insert("item", e);
        const MetaContext inner { env, call.ctx.topic, call.ctx.config, call.ctx.fas };
        ++depth;
        try {
            JsonValue out =
                JsonValue(text(TemplateProcessor::evaluate(tmpl.toQString(), inner, call.maps)));
            --depth;
            return out;
        } catch (...) {
            --depth;
            throw;
        }
    });
}

JsonValue filterSortBy(const FilterCall &call)
{
    // Python sorted(v, key=lambda d: d.get(key)): numbers by value, else by text
    if (!call.v.isArray())
        throw MetaFailure { "sort_by: not a list" };
    JsonValue::Array out = call.v.array();
    const std::string key = call.arg(0).toStdString();
    std::stable_sort(out.begin(), out.end(), [&](const JsonValue &a, const JsonValue &b) {
        const JsonValue *x = a.find(key);
        const JsonValue *y = b.find(key);
        if (!x || !y || x->isNull() || y->isNull())
            return (x == nullptr || x->isNull()) && y != nullptr && !y->isNull();
        if (x->isNumber() && y->isNumber())
            return x->toDouble() < y->toDouble();
        return text(*x) < text(*y);
    });
    return { std::move(out) };
}

JsonValue filterThen(const FilterCall &call)
{
    // then:arg gives arg (a path or 'literal') when the value is truthy, else ""
    return Py::truthy(call.v) ? call.argValue(0) : JsonValue(QString());
}

JsonValue filterFindall(const FilterCall &call)
{
    // Python re.findall(pattern, text): group 1 when the pattern has a group, else the
    // match
    const QRegularExpression re(call.arg(0), QRegularExpression::UseUnicodePropertiesOption);
    if (!re.isValid())
        throw MetaFailure { "findall: bad pattern" };
    JsonValue::Array out;
    auto it = re.globalMatch(text(call.v));
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out.emplace_back(m.captured(re.captureCount() > 0 ? 1 : 0));
    }
    return { std::move(out) };
}

JsonValue filterFirstLine(const FilterCall &call)
{
    return { text(call.v).section(QLatin1Char('\n'), 0, 0) };
}

JsonValue filterSplitlinesFirst(const FilterCall &call)
{
    // Python s.splitlines()[0]: every line boundary str.splitlines knows; IndexError if
    // empty
    const QString t = text(call.v);
    if (t.isEmpty())
        throw MetaFailure { "IndexError: list index out of range" };
    static const QRegularExpression boundary(
        QStringLiteral("[\\n\\r\\x0b\\x0c\\x1c\\x1d\\x1e\\x{85}\\x{2028}\\x{2029}]"));
    const qsizetype end = t.indexOf(boundary);
    return { end < 0 ? t : t.left(end) };
}

JsonValue filterBasename(const FilterCall &call)
{
    return { text(call.v).section(QLatin1Char('/'), -1) };
}

JsonValue filterPrefix(const FilterCall &call)
{
    return Py::truthy(call.v) ? JsonValue(call.arg(0) + text(call.v)) : JsonValue(QString());
}

JsonValue filterSuffix(const FilterCall &call)
{
    return Py::truthy(call.v) ? JsonValue(text(call.v) + call.arg(0)) : JsonValue(QString());
}

JsonValue filterReplace(const FilterCall &call)
{
    return { text(call.v).replace(call.arg(0), call.arg(1)) };
}

JsonValue filterStr(const FilterCall &call)
{
    return { text(call.v) };
}

JsonValue filterKeys(const FilterCall &call)
{
    JsonValue::Array out;
    for (const auto &kv : call.v.object())
        out.emplace_back(kv.first);
    return { std::move(out) };
}

JsonValue filterItems(const FilterCall &call)
{
    // Python dict.items(): [{"key": k, "value": v}, ...] in the dict's order
    if (!call.v.isObject())
        throw MetaFailure { "AttributeError: items" };
    JsonValue::Array out;
    for (const auto &kv : call.v.object()) {
        JsonValue item = JsonValue::emptyObject();
        item.insert("key", JsonValue(kv.first));
        item.insert("value", kv.second);
        out.push_back(std::move(item));
    }
    return { std::move(out) };
}

JsonValue filterWherePrefix(const FilterCall &call)
{
    // where_prefix:key:'p' keeps the elements whose `key` (as text) starts with p
    JsonValue::Array out;
    for (const JsonValue &e : call.v.array())
        if (text(Py::at(e, call.arg(0).toStdString())).startsWith(call.arg(1)))
            out.push_back(e);
    return { std::move(out) };
}

JsonValue filterPluck(const FilterCall &call)
{
    return mapEach(call.v, [&](const JsonValue &e) {
        return Py::at(e, call.arg(0).toStdString());
    });
}

JsonValue filterPrefixEach(const FilterCall &call)
{
    return mapEach(call.v, [&](const JsonValue &e) {
        return JsonValue(call.arg(0) + text(e));
    });
}

JsonValue filterAvatarIf(const FilterCall &call)
{
    return Py::truthy(call.v) ? JsonValue(Avatar::forUser(text(call.v))) : JsonValue();
}

JsonValue filterRepr(const FilterCall &call)
{
    // Python repr(): strings quoted and escaped like CPython, other values as str()
    if (!call.v.isString())
        return { text(call.v) };
    const QString s = call.v.toQString();
    const QChar q = s.contains(QLatin1Char('\'')) && !s.contains(QLatin1Char('"'))
        ? QLatin1Char('"')
        : QLatin1Char('\'');
    QString out(q);
    for (const char32_t c : s.toUcs4()) {
        if (c == U'\\' || c == q.unicode())
            out += QLatin1Char('\\') + QString::fromUcs4(&c, 1);
        else if (c == U'\n')
            out += QStringLiteral("\\n");
        else if (c == U'\r')
            out += QStringLiteral("\\r");
        else if (c == U'\t')
            out += QStringLiteral("\\t");
        else if (c != U' ' && QChar::category(c) >= QChar::Separator_Space
            && QChar::category(c) <= QChar::Other_NotAssigned)
            out += c < 0x100  ? QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'))
                : c < 0x10000 ? QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'))
                              : QStringLiteral("\\U%1").arg(uint(c), 8, 16, QLatin1Char('0'));
        else
            out += QString::fromUcs4(&c, 1);
    }
    return { out + q };
}

JsonValue filterOrNone(const FilterCall &call)
{
    return Py::truthy(call.v) ? call.v : JsonValue();
}

JsonValue filterAt(const FilterCall &call)
{
    // at:expr is Python v[expr]: a dict key (as text) or a list index computed from
    // the message
    const JsonValue key = call.argValue(0);
    if (call.v.isArray() && key.isInteger())
        return Py::at(call.v, static_cast<long long>(key.toInt64()));
    return Py::at(call.v, text(key).toStdString());
}

JsonValue filterPluckOr(const FilterCall &call)
{
    // e.get(a, e.get(b)) for each element
    return mapEach(call.v, [&](const JsonValue &e) {
        if (!e.isObject())
            throw MetaFailure { "AttributeError" };
        const JsonValue *a = e.find(call.arg(0).toStdString());
        if (a)
            return *a;
        const JsonValue *b = e.find(call.arg(1).toStdString());
        return b ? *b : JsonValue();
    });
}

JsonValue filterOrList(const FilterCall &call)
{
    return call.v.isNull() ? JsonValue::emptyArray() : call.v;
}

JsonValue filterStripChars(const FilterCall &call)
{
    QString t = text(call.v);
    const QString chars = call.arg(0);
    while (!t.isEmpty() && chars.contains(t.front()))
        t.remove(0, 1);
    while (!t.isEmpty() && chars.contains(t.back()))
        t.chop(1);
    return { t };
}

JsonValue filterSliceFrom(const FilterCall &call)
{
    return { text(call.v).mid(call.arg(0).toInt()) };
}

JsonValue filterFedoraPackages(const FilterCall &call)
{
    // [p["package_name"] for p in v if p["distro"] == "Fedora"]
    JsonValue::Array out;
    for (const JsonValue &e : call.v.array())
        if (text(Py::at(e, "distro")) == QLatin1String("Fedora"))
            out.push_back(Py::at(e, "package_name"));
    return { std::move(out) };
}

JsonValue filterFmtEach(const FilterCall &call)
{
    // fmt_each:'{fullname} ({name})' formats every dict element with its own keys
    const QString pattern = call.arg(0);
    return mapEach(call.v, [&](const JsonValue &e) {
        return JsonValue(FormatSlots::substitute(pattern, [&](const QString &slot) {
            // {a.b|filter:arg}: a dotted path inside the element, then filters
            const QStringList steps = splitOutsideQuotes(slot, QLatin1Char('|'));
            const JsonValue *cur = &e;
            for (const QString &seg : steps.first().trimmed().split(QLatin1Char('.'))) {
                bool idxOk = false;
                const long long idx = seg.toLongLong(&idxOk);
                cur =
                    idxOk && cur->isArray() ? &Py::at(*cur, idx) : &Py::at(*cur, seg.toStdString());
            }
            JsonValue value = *cur;
            for (int s = 1; s < steps.size(); ++s)
                value = applyFilter(value, steps.at(s).trimmed(), call.ctx, call.maps);
            return text(value);
        }));
    });
}

JsonValue filterHttpdate(const FilterCall &call)
{
    // ISO 8601 timestamp -> strftime("%a, %d %b %Y %H:%M:%S UTC") in UTC (C locale);
    // httpdate:'text' gives text for None.
    if (call.v.isNull() && call.parts.size() > 1)
        return { call.arg(0) };
    QDateTime dt = QDateTime::fromString(text(call.v), Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(text(call.v), Qt::ISODate);
    if (!dt.isValid())
        throw MetaFailure { "ValueError: not a timestamp" };
    return { QLocale::c().toString(dt.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"))
        + QStringLiteral(" UTC") };
}

JsonValue filterPlural(const FilterCall &call)
{
    // plural:'error':'errors' -> "1 error" / "2 errors"
    const long long n =
        call.v.isInteger() ? call.v.toInt64() : static_cast<long long>(call.v.size());
    return { QStringLiteral("%1 %2").arg(n).arg(n == 1 ? call.arg(0) : call.arg(1)) };
}

/// Every template filter by name (resources/render/README.md lists them for data-file authors).
const QHash<QString, Filter> &filters()
{
    static const QHash<QString, Filter> byName = {
        { QStringLiteral("or"), filterOr },
        { QStringLiteral("default"), filterDefault },
        { QStringLiteral("lower"), filterLower },
        { QStringLiteral("upper"), filterUpper },
        { QStringLiteral("capitalize"), filterCapitalize },
        { QStringLiteral("title"), filterTitle },
        { QStringLiteral("strip"), filterStrip },
        { QStringLiteral("trunc"), filterTrunc },
        { QStringLiteral("trunc_ge"), filterTrunc },
        { QStringLiteral("slice"), filterSlice },
        { QStringLiteral("nvr_name"), filterNvrName },
        { QStringLiteral("avatar"), filterAvatar },
        { QStringLiteral("avatar_email"), filterAvatarEmail },
        { QStringLiteral("avatar_openid"), filterAvatarOpenid },
        { QStringLiteral("email2fas"), filterEmail2fas },
        { QStringLiteral("nick2fas"), filterNick2fas },
        { QStringLiteral("join"), filterJoin },
        { QStringLiteral("series"), filterSeries },
        { QStringLiteral("squote_each"), filterSquoteEach },
        { QStringLiteral("humanize_at"), filterHumanizeAt },
        { QStringLiteral("and_join"), filterAndJoin },
        { QStringLiteral("len"), filterLen },
        { QStringLiteral("map"), filterMap },
        { QStringLiteral("split"), filterSplit },
        { QStringLiteral("segments"), filterSegments },
        { QStringLiteral("name_of"), filterNameOf },
        { QStringLiteral("render"), filterRender },
        { QStringLiteral("sort_by"), filterSortBy },
        { QStringLiteral("then"), filterThen },
        { QStringLiteral("findall"), filterFindall },
        { QStringLiteral("first_line"), filterFirstLine },
        { QStringLiteral("splitlines_first"), filterSplitlinesFirst },
        { QStringLiteral("basename"), filterBasename },
        { QStringLiteral("prefix"), filterPrefix },
        { QStringLiteral("suffix"), filterSuffix },
        { QStringLiteral("replace"), filterReplace },
        { QStringLiteral("str"), filterStr },
        { QStringLiteral("keys"), filterKeys },
        { QStringLiteral("items"), filterItems },
        { QStringLiteral("where_prefix"), filterWherePrefix },
        { QStringLiteral("pluck"), filterPluck },
        { QStringLiteral("prefix_each"), filterPrefixEach },
        { QStringLiteral("avatar_if"), filterAvatarIf },
        { QStringLiteral("repr"), filterRepr },
        { QStringLiteral("or_none"), filterOrNone },
        { QStringLiteral("at"), filterAt },
        { QStringLiteral("pluck_or"), filterPluckOr },
        { QStringLiteral("count_where"), filterCountWhere },
        { QStringLiteral("count_where_not"), filterCountWhere },
        { QStringLiteral("or_list"), filterOrList },
        { QStringLiteral("strip_chars"), filterStripChars },
        { QStringLiteral("slice_from"), filterSliceFrom },
        { QStringLiteral("fedora_packages"), filterFedoraPackages },
        { QStringLiteral("fmt_each"), filterFmtEach },
        { QStringLiteral("httpdate"), filterHttpdate },
        { QStringLiteral("plural"), filterPlural },
    };
    return byName;
}

JsonValue applyFilter(
    const JsonValue &v, const QString &filterSpec, const MetaContext &ctx, const JsonValue &maps)
{
    const QStringList parts = splitOutsideQuotes(filterSpec, QLatin1Char(':'));
    const QString name = parts.first().trimmed();
    const Filter filter = filters().value(name);
    if (!filter)
        throw MetaFailure { "unknown filter" };
    return filter(FilterCall { v, name, parts, ctx, maps });
}

JsonValue evalExpression(const QString &expr, const MetaContext &ctx, const JsonValue &maps)
{
    const QStringList steps = splitOutsideQuotes(expr, QLatin1Char('|'));
    JsonValue v = resolvePath(steps.first().trimmed(), ctx);
    for (int i = 1; i < steps.size(); ++i)
        v = applyFilter(v, steps.at(i).trimmed(), ctx, maps);
    return v;
}

bool conditionHolds(const JsonValue &cond, const MetaContext &ctx, const JsonValue &maps)
{
    const QString path = QString::fromStdString(cond["path"].toStdString());
    JsonValue v;
    bool exists = true;
    try {
        v = evalExpression(path, ctx, maps);
    } catch (const MetaFailure &) {
        exists = false;
    }
    if (const JsonValue *e = cond.find("exists"))
        return exists == e->toBool();
    if (!exists)
        throw MetaFailure { "KeyError in when" };
    if (const JsonValue *t = cond.find("truthy"))
        return Py::truthy(v) == t->toBool();
    if (const JsonValue *eq = cond.find("eq"))
        return v == *eq || (eq->isString() && text(v) == eq->toQString() && v.isString());
    if (const JsonValue *ne = cond.find("ne"))
        return !(v == *ne);
    if (const JsonValue *same = cond.find("same_as")) {
        // equal to the value of another expression (missing -> not equal)
        try {
            return v == evalExpression(same->toQString(), ctx, maps);
        } catch (const MetaFailure &) {
            return false;
        }
    }
    if (const JsonValue *in = cond.find("in"))
        return std::ranges::any_of(in->array(), [&](const JsonValue &e) {
            return e == v;
        });
    if (const JsonValue *c = cond.find("contains"))
        return text(v).contains(c->toQString());
    if (const JsonValue *n = cond.find("lte"))
        return v.isNumber() && v.toDouble() <= n->toDouble();
    if (const JsonValue *n = cond.find("gte"))
        return v.isNumber() && v.toDouble() >= n->toDouble();
    return Py::truthy(v);
}

} // namespace

bool TemplateProcessor::conditionsHold(
    const JsonValue &when, const MetaContext &ctx, const JsonValue &maps)
{
    return std::ranges::all_of(when.array(), [&](const JsonValue &cond) {
        return conditionHolds(cond, ctx, maps);
    });
}

JsonValue TemplateProcessor::evaluate(
    const QString &tmpl, const MetaContext &ctx, const JsonValue &maps)
{
    // A template that is exactly one slot keeps the value's type (lists stay lists).
    if (FormatSlots::isSingleSlot(tmpl))
        return evalExpression(tmpl.mid(1, tmpl.size() - 2), ctx, maps);
    return { FormatSlots::substitute(tmpl, [&](const QString &slot) {
        return text(evalExpression(slot, ctx, maps));
    }) };
}

TemplateProcessor::TemplateProcessor(ServiceInfo info, const JsonValue &spec, QStringList *errors)
    : MetaProcessor(std::move(info))
    , m_defaults(spec["defaults"])
    , m_maps(spec["maps"])
{
    for (const JsonValue &r : spec["rules"].array()) {
        if (!r.isObject()) {
            if (errors)
                *errors
                    << QStringLiteral("service %1: a rule is not an object").arg(this->info().id);
            continue;
        }
        m_rules.push_back(r);
    }
}

bool TemplateProcessor::ruleMatches(const JsonValue &rule, const MetaContext &ctx) const
{
    if (const JsonValue *t = rule.find("topic")) {
        bool any = false;
        if (t->isArray()) {
            for (const JsonValue &e : t->array())
                any = any || ctx.topic.contains(e.toQString());
        } else {
            any = ctx.topic.contains(t->toQString());
        }
        if (!any)
            return false;
    }
    if (const JsonValue *t = rule.find("topic_end"))
        if (!ctx.topic.endsWith(t->toQString()))
            return false;
    if (const JsonValue *when = rule.find("when")) {
        for (const JsonValue &cond : when->array())
            if (!conditionHolds(cond, ctx, m_maps))
                return false;
    }
    return true;
}

const JsonValue *TemplateProcessor::fieldFor(const char *field, const MetaContext &ctx) const
{
    for (const JsonValue &rule : m_rules) {
        const JsonValue *f = rule.find(field);
        if (!f)
            continue;
        if (ruleMatches(rule, ctx))
            return f;
    }
    return m_defaults.find(field);
}

QString TemplateProcessor::textField(
    const char *field, const MetaContext &ctx, const QString &fallback) const
{
    const JsonValue *f = fieldFor(field, ctx);
    if (!f)
        return fallback;
    if (f->isNull())
        return {};
    const JsonValue v = evaluate(f->toQString(), ctx, m_maps);
    return v.isNull() ? QString() : text(v);
}

QStringList TemplateProcessor::listField(const char *field, const MetaContext &ctx) const
{
    const JsonValue *f = fieldFor(field, ctx);
    if (!f)
        return {};
    QStringList out;
    const JsonValue::Array items = f->isArray() ? f->array() : JsonValue::Array { *f };
    for (const JsonValue &item : items) {
        const JsonValue v = evaluate(item.toQString(), ctx, m_maps);
        if (v.isArray()) {
            for (const JsonValue &e : v.array())
                if (!e.isNull())
                    out << text(e);
        } else if (!v.isNull()) {
            out << text(v);
        }
    }
    return out;
}

QString TemplateProcessor::subtitle(const MetaContext &ctx) const
{
    return textField("subtitle", ctx, {});
}
QString TemplateProcessor::link(const MetaContext &ctx) const
{
    return textField("link", ctx, {});
}
QString TemplateProcessor::icon(const MetaContext &ctx) const
{
    return textField("icon", ctx, info().icon);
}
QString TemplateProcessor::secondaryIcon(const MetaContext &ctx) const
{
    return textField("secondary_icon", ctx, {});
}
QString TemplateProcessor::longForm(const MetaContext &ctx) const
{
    return textField("long_form", ctx, {});
}
QStringList TemplateProcessor::usernames(const MetaContext &ctx) const
{
    return listField("usernames", ctx);
}
QStringList TemplateProcessor::packages(const MetaContext &ctx) const
{
    return listField("packages", ctx);
}
QStringList TemplateProcessor::objects(const MetaContext &ctx) const
{
    return listField("objects", ctx);
}

} // namespace fedmsg
