// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "rules/RuleCondition.h"

#include "packages/PackageSets.h"
#include "rules/MessageTypeCatalog.h"
#include "rules/RuleContext.h"
#include "rules/RuleSubject.h"
#include "json/JsonValue.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace fedmsg::rules {

namespace {

using Kind = RuleCondition::Kind;
using Op = RuleCondition::Op;
using Result = RuleCondition::Result;

QString tr(const char *text)
{
    return QCoreApplication::translate("fedmsg::rules::RuleCondition", text);
}

constexpr std::array<std::pair<Op, const char *>, 14> OpNames { {
    { Op::Exact, "exact" },
    { Op::Prefix, "prefix" },
    { Op::Glob, "glob" },
    { Op::Regex, "regex" },
    { Op::In, "in" },
    { Op::Any, "any" },
    { Op::All, "all" },
    { Op::Exists, "exists" },
    { Op::Equal, "==" },
    { Op::NotEqual, "!=" },
    { Op::Contains, "contains" },
    { Op::Matches, "matches" },
    { Op::Less, "<" },
    { Op::Greater, ">" },
} };

QString opName(Op op)
{
    for (const auto &[o, name] : OpNames)
        if (o == op)
            return QString::fromLatin1(name);
    return {};
}

std::optional<Op> opFromName(const QString &name)
{
    for (const auto &[o, n] : OpNames)
        if (name == QLatin1String(n))
            return o;
    return std::nullopt;
}

struct FieldSpec
{
    const char *name;
    Kind kind;
};
// Leaf fields; "packages" becomes one of four kinds by its op.
constexpr std::array<FieldSpec, 11> Fields { {
    { "topic", Kind::Topic },
    { "service", Kind::Service },
    { "type", Kind::Type },
    { "bus", Kind::Bus },
    { "trust", Kind::Trust },
    { "usernames", Kind::Usernames },
    { "by-me", Kind::ByMe },
    { "mentions-me", Kind::MentionsMe },
    { "packages", Kind::Packages },
    { "body", Kind::Body },
    { "title", Kind::Title },
} };

QString fieldName(Kind kind)
{
    switch (kind) {
    case Kind::Packages:
    case Kind::MaintainedByMe:
    case Kind::MaintainedBy:
    case Kind::Installed:
        return QStringLiteral("packages");
    case Kind::Text:
        return QStringLiteral("text");
    default:
        break;
    }
    for (const FieldSpec &f : Fields)
        if (f.kind == kind)
            return QString::fromLatin1(f.name);
    return {};
}

// A glob (* any characters, ? one character, everything else literal) as an anchored regex.
QString globToRegex(const QString &glob)
{
    QString re = QStringLiteral("\\A");
    for (const QChar c : glob) {
        if (c == QLatin1Char('*'))
            re += QStringLiteral(".*");
        else if (c == QLatin1Char('?'))
            re += QLatin1Char('.');
        else
            re += QRegularExpression::escape(QString(c));
    }
    return re + QStringLiteral("\\z");
}

// The value of the message's body at a path; nullptr when it is not there.
template <typename Steps>
const JsonValue *resolve(const JsonValue &body, const Steps &steps)
{
    const JsonValue *node = &body;
    for (const auto &step : steps) {
        if (step.index >= 0) {
            if (!node->isArray() || std::size_t(step.index) >= node->size())
                return nullptr;
            node = &(*node)[std::size_t(step.index)];
        } else {
            node = node->find(step.key);
            if (!node)
                return nullptr;
        }
    }
    return node;
}

// Whether one of the message's packages is in a package set; a set that is not ready sets
// *unknown (and says why in *detail, once).
bool packageIn(const packages::PackageSetView &view,
    const QStringList &packages,
    QString *detail,
    bool *unknown)
{
    if (view.state != packages::PackageSetView::State::Ready) {
        *unknown = true;
        if (detail && detail->isEmpty())
            *detail = view.state == packages::PackageSetView::State::Loading
                ? QCoreApplication::translate(
                    "fedmsg::rules::RuleCondition", "the package list is not loaded yet")
                : view.reason;
        return false;
    }
    const auto found = std::find_if(packages.cbegin(), packages.cend(), [&](const QString &p) {
        return view.contains(p);
    });
    if (found != packages.cend() && detail)
        *detail = *found;
    return found != packages.cend();
}

QString listText(const QStringList &values)
{
    return values.join(QStringLiteral(", "));
}

} // namespace

int RuleCondition::nodeCount() const
{
    int n = 1;
    for (const RuleCondition &c : m_children)
        n += c.nodeCount();
    return n;
}

int RuleCondition::assignIndices(int first)
{
    m_index = first++;
    for (RuleCondition &c : m_children)
        first = c.assignIndices(first);
    return first;
}

bool RuleCondition::namesUntrusted(bool negated) const
{
    if (m_kind == Kind::Trust)
        return !negated && (m_trustMask & (1U << unsigned(TrustState::Untrusted))) != 0;
    const bool childNegated = negated != (m_kind == Kind::Not);
    return std::any_of(m_children.cbegin(), m_children.cend(), [&](const RuleCondition &c) {
        return c.namesUntrusted(childNegated);
    });
}

bool RuleCondition::needsBody() const
{
    if (m_kind == Kind::Body || m_kind == Kind::ByMe)
        return true;
    return std::any_of(m_children.cbegin(), m_children.cend(), [](const RuleCondition &c) {
        return c.needsBody();
    });
}

void RuleCondition::collectMaintainers(QStringList *out) const
{
    if (m_kind == Kind::MaintainedBy)
        for (const QString &m : m_values)
            if (!out->contains(m))
                out->append(m);
    for (const RuleCondition &c : m_children)
        c.collectMaintainers(out);
}

std::optional<RuleCondition> RuleCondition::fromJson(const QJsonValue &json,
    const QString &path,
    const MessageTypeCatalog *catalog,
    QString *field,
    QString *problem)
{
    auto fail = [&](const QString &where, const QString &what) -> std::optional<RuleCondition> {
        *field = where;
        *problem = what;
        return std::nullopt;
    };
    if (!json.isObject())
        return fail(path, QStringLiteral("a condition must be a JSON object"));
    const QJsonObject o = json.toObject();
    RuleCondition c;
    // Groups.
    for (const auto &[key, kind] : { std::pair { "all", Kind::All },
             std::pair { "any", Kind::Any },
             std::pair { "not", Kind::Not } }) {
        const QString name = QString::fromLatin1(key);
        if (!o.contains(name))
            continue;
        if (o.size() != 1)
            return fail(
                path, QStringLiteral("\"%1\" must be the only key of its object").arg(name));
        c.m_kind = kind;
        const QString at = path + QLatin1Char('.') + name;
        if (kind == Kind::Not) {
            auto child = fromJson(o.value(name), at, catalog, field, problem);
            if (!child)
                return std::nullopt;
            c.m_children.push_back(std::move(*child));
            return c;
        }
        if (!o.value(name).isArray())
            return fail(at, QStringLiteral("must be a list of conditions"));
        const QJsonArray list = o.value(name).toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            auto child =
                fromJson(list.at(i), at + QStringLiteral("[%1]").arg(i), catalog, field, problem);
            if (!child)
                return std::nullopt;
            c.m_children.push_back(std::move(*child));
        }
        return c;
    }
    // Leaves.
    const QString fieldPath = path + QStringLiteral(".field");
    const QJsonValue fieldValue = o.value(QStringLiteral("field"));
    if (fieldValue.isUndefined())
        return fail(path,
            QStringLiteral("a condition needs \"field\" (or is \"all\", \"any\" or \"not\")"));
    const QString fieldText = fieldValue.toString();
    const auto *const spec = std::find_if(Fields.cbegin(), Fields.cend(), [&](const FieldSpec &f) {
        return fieldText == QLatin1String(f.name);
    });
    if (fieldText == QLatin1String("text"))
        c.m_kind = Kind::Text;
    else if (spec == Fields.cend())
        return fail(fieldPath,
            QStringLiteral("unknown field '%1' (one of topic, service, type, bus, trust, "
                           "usernames, by-me, mentions-me, packages, body, title, text)")
                .arg(fieldValue.isString() ? fieldText : QStringLiteral("<not a string>")));
    else
        c.m_kind = spec->kind;

    QStringList allowedKeys { QStringLiteral("field") };
    const QString opPath = path + QStringLiteral(".op");
    const QString valuePath = path + QStringLiteral(".value");
    const QJsonValue opValue = o.value(QStringLiteral("op"));
    const QJsonValue value = o.value(QStringLiteral("value"));
    std::optional<Op> op = Op::None;
    if (fieldText == QLatin1String("packages")) {
        const QString name = opValue.toString();
        if (name == QLatin1String("maintained-by-me"))
            c.m_kind = Kind::MaintainedByMe;
        else if (name == QLatin1String("maintained-by"))
            c.m_kind = Kind::MaintainedBy;
        else if (name == QLatin1String("installed"))
            c.m_kind = Kind::Installed;
        else if (opValue.isUndefined() || name == QLatin1String("in"))
            c.m_kind = Kind::Packages;
        else
            return fail(opPath,
                QStringLiteral("unknown op '%1' for packages (one of in, maintained-by-me, "
                               "maintained-by, installed)")
                    .arg(name));
        op = c.m_kind == Kind::Packages ? Op::In : Op::None;
    } else if (!opValue.isUndefined()) {
        op = opFromName(opValue.toString());
        if (!op)
            return fail(opPath,
                QStringLiteral("unknown op '%1'")
                    .arg(opValue.isString() ? opValue.toString()
                                            : QStringLiteral("<not a string>")));
    }
    auto allowOps = [&](std::initializer_list<Op> ops, Op fallback) -> bool {
        if (*op == Op::None)
            op = fallback;
        return std::find(ops.begin(), ops.end(), *op) != ops.end();
    };
    auto opProblem = [&](const char *ops) {
        return fail(opPath,
            QStringLiteral("op '%1' does not apply to %2 (one of %3)")
                .arg(opValue.toString(), fieldName(c.m_kind), QString::fromLatin1(ops)));
    };
    // The value: a string, or a non-empty list of strings.
    auto readList = [&]() -> bool {
        QStringList values;
        if (value.isString()) {
            values << value.toString();
        } else if (value.isArray()) {
            const QJsonArray array = value.toArray();
            for (const QJsonValue v : array) {
                if (!v.isString())
                    return false;
                values << v.toString();
            }
        } else {
            return false;
        }
        values.removeAll(QString());
        if (values.isEmpty())
            return false;
        c.m_values = values;
        c.m_set = QSet<QString>(values.cbegin(), values.cend());
        return true;
    };
    auto compileRegex = [&](const QString &pattern) -> std::optional<QString> {
        c.m_re = QRegularExpression(pattern);
        if (!c.m_re.isValid())
            return QStringLiteral("bad regex: %1 at offset %2")
                .arg(c.m_re.errorString())
                .arg(c.m_re.patternErrorOffset());
        c.m_re.optimize();
        return std::nullopt;
    };

    switch (c.m_kind) {
    case Kind::Topic: {
        allowedKeys << QStringLiteral("op") << QStringLiteral("value");
        if (!allowOps({ Op::Exact, Op::Prefix, Op::Glob, Op::Regex }, Op::Exact))
            return opProblem("exact, prefix, glob, regex");
        if (!value.isString() || value.toString().isEmpty())
            return fail(valuePath, QStringLiteral("must be a non-empty string"));
        c.m_text = value.toString();
        if (*op == Op::Glob || *op == Op::Regex)
            if (auto bad = compileRegex(*op == Op::Glob ? globToRegex(c.m_text) : c.m_text))
                return fail(valuePath, *bad);
        if (*op == Op::Glob)
            for (const QString &part : c.m_text.split(QRegularExpression(QStringLiteral("[*?]"))))
                if (part.size() > c.m_literal.size())
                    c.m_literal = part;
        break;
    }
    case Kind::Service:
    case Kind::Type:
    case Kind::Bus:
    case Kind::Trust: {
        allowedKeys << QStringLiteral("op") << QStringLiteral("value");
        if (!allowOps({ Op::In }, Op::In))
            return opProblem("in");
        if (!readList())
            return fail(valuePath, QStringLiteral("must be a string or a list of strings"));
        if (c.m_kind == Kind::Service || c.m_kind == Kind::Type) {
            for (const QString &v : std::as_const(c.m_values)) {
                const QString service = v.section(QLatin1Char('/'), 0, 0);
                if (catalog && !catalog->hasService(service))
                    return fail(valuePath, QStringLiteral("unknown service '%1'").arg(service));
            }
        }
        if (c.m_kind == Kind::Trust) {
            for (const QString &v : std::as_const(c.m_values)) {
                const TrustState t = trustStateFromName(v);
                if (trustStateName(t) != v)
                    return fail(valuePath,
                        QStringLiteral("unknown trust state '%1' (one of trusted, untrusted, "
                                       "broker-unsigned, unchecked)")
                            .arg(v));
                c.m_trustMask |= 1U << unsigned(t);
            }
        }
        break;
    }
    case Kind::Usernames:
        allowedKeys << QStringLiteral("op") << QStringLiteral("value");
        if (!allowOps({ Op::Any, Op::All }, Op::Any))
            return opProblem("any, all");
        if (!readList())
            return fail(valuePath, QStringLiteral("must be a string or a list of strings"));
        break;
    case Kind::ByMe:
    case Kind::MentionsMe:
    case Kind::MaintainedByMe:
    case Kind::Installed:
        if (c.m_kind == Kind::MaintainedByMe || c.m_kind == Kind::Installed)
            allowedKeys << QStringLiteral("op");
        else if (*op != Op::None)
            return fail(opPath, QStringLiteral("%1 takes no op").arg(fieldText));
        break;
    case Kind::Packages:
    case Kind::MaintainedBy:
        allowedKeys << QStringLiteral("op") << QStringLiteral("value");
        if (!readList())
            return fail(valuePath, QStringLiteral("must be a string or a list of strings"));
        break;
    case Kind::Body: {
        allowedKeys << QStringLiteral("op") << QStringLiteral("value") << QStringLiteral("path");
        const QString pathPath = path + QStringLiteral(".path");
        c.m_path = o.value(QStringLiteral("path")).toString();
        // "msg.builds[0].nvr": members separated by dots, array indices in brackets.
        QString bad;
        if (c.m_path.isEmpty())
            bad = QStringLiteral("missing or empty");
        for (const QString &segment : c.m_path.split(QLatin1Char('.'))) {
            if (!bad.isEmpty())
                break;
            const qsizetype bracket = segment.indexOf(QLatin1Char('['));
            const QString key = bracket < 0 ? segment : segment.left(bracket);
            if (key.isEmpty() && bracket != 0)
                bad = QStringLiteral("an empty member name");
            if (!key.isEmpty())
                c.m_steps.push_back(PathStep { key.toStdString(), -1 });
            QString rest = bracket < 0 ? QString() : segment.mid(bracket);
            while (bad.isEmpty() && !rest.isEmpty()) {
                const qsizetype close = rest.indexOf(QLatin1Char(']'));
                bool number = false;
                const int index = close > 1 ? rest.mid(1, close - 1).toInt(&number) : -1;
                if (!rest.startsWith(QLatin1Char('[')) || close < 0 || !number || index < 0)
                    bad = QStringLiteral("'%1' is not an index like [0]").arg(rest);
                else
                    c.m_steps.push_back(PathStep { {}, index });
                rest = rest.mid(close + 1);
            }
        }
        if (bad.isEmpty() && c.m_steps.empty())
            bad = QStringLiteral("missing or empty");
        if (!bad.isEmpty())
            return fail(pathPath,
                QStringLiteral("bad JSON path '%1': %2 (write e.g. msg.update.builds[0].nvr)")
                    .arg(c.m_path, bad));
        if (*op == Op::None || op == Op::In || op == Op::Any || op == Op::All || op == Op::Exact
            || op == Op::Prefix || op == Op::Glob || op == Op::Regex)
            return opProblem("exists, ==, !=, contains, matches, <, >");
        c.m_value = value;
        if (*op == Op::Exists) {
            if (!value.isUndefined())
                return fail(valuePath, QStringLiteral("exists takes no value"));
        } else if (*op == Op::Less || *op == Op::Greater) {
            if (!value.isDouble())
                return fail(valuePath, QStringLiteral("must be a number"));
            c.m_number = value.toDouble();
        } else if (*op == Op::Matches) {
            if (!value.isString())
                return fail(valuePath, QStringLiteral("must be a regex (a string)"));
            if (auto badRe = compileRegex(value.toString()))
                return fail(valuePath, *badRe);
        } else {
            if (value.isUndefined() || value.isArray() || value.isObject())
                return fail(
                    valuePath, QStringLiteral("must be a string, number, true, false or null"));
            c.m_valueUtf8 = value.toString().toStdString();
            c.m_number = value.toDouble();
        }
        break;
    }
    case Kind::Title:
    case Kind::Text:
        allowedKeys << QStringLiteral("op") << QStringLiteral("value");
        if (!allowOps({ Op::Contains, Op::Matches }, Op::Contains))
            return opProblem("contains, matches");
        if (!value.isString() || value.toString().isEmpty())
            return fail(valuePath, QStringLiteral("must be a non-empty string"));
        c.m_text = value.toString();
        if (*op == Op::Matches)
            if (auto bad = compileRegex(c.m_text))
                return fail(valuePath, *bad);
        break;
    case Kind::All:
    case Kind::Any:
    case Kind::Not:
        break;
    }
    c.m_op = *op;
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!allowedKeys.contains(it.key()))
            return fail(path + QLatin1Char('.') + it.key(),
                QStringLiteral("unknown key for field %1").arg(fieldText));
    return c;
}

QJsonObject RuleCondition::toJson() const
{
    QJsonObject o;
    switch (m_kind) {
    case Kind::All:
    case Kind::Any: {
        QJsonArray list;
        for (const RuleCondition &c : m_children)
            list.append(c.toJson());
        o.insert(m_kind == Kind::All ? QStringLiteral("all") : QStringLiteral("any"), list);
        return o;
    }
    case Kind::Not:
        o.insert(QStringLiteral("not"), m_children.front().toJson());
        return o;
    default:
        break;
    }
    o.insert(QStringLiteral("field"), fieldName(m_kind));
    auto list = [&] {
        return m_values.size() == 1 ? QJsonValue(m_values.front())
                                    : QJsonValue(QJsonArray::fromStringList(m_values));
    };
    switch (m_kind) {
    case Kind::Topic:
    case Kind::Title:
    case Kind::Text:
        o.insert(QStringLiteral("op"), opName(m_op));
        o.insert(QStringLiteral("value"), m_text);
        break;
    case Kind::Service:
    case Kind::Type:
    case Kind::Bus:
    case Kind::Trust:
        o.insert(QStringLiteral("value"), list());
        break;
    case Kind::Usernames:
    case Kind::Packages:
        o.insert(QStringLiteral("op"), opName(m_op));
        o.insert(QStringLiteral("value"), list());
        break;
    case Kind::MaintainedByMe:
        o.insert(QStringLiteral("op"), QStringLiteral("maintained-by-me"));
        break;
    case Kind::MaintainedBy:
        o.insert(QStringLiteral("op"), QStringLiteral("maintained-by"));
        o.insert(QStringLiteral("value"), list());
        break;
    case Kind::Installed:
        o.insert(QStringLiteral("op"), QStringLiteral("installed"));
        break;
    case Kind::Body:
        o.insert(QStringLiteral("path"), m_path);
        o.insert(QStringLiteral("op"), opName(m_op));
        if (m_op != Op::Exists)
            o.insert(QStringLiteral("value"), m_value);
        break;
    default:
        break;
    }
    return o;
}

RuleCondition::Result RuleCondition::evaluateGroup(const RuleSubject &subject,
    const RuleContext &context,
    ConditionOutcome *outcomes,
    bool explain) const
{
    // all: False wins, then Unknown; any: True wins, then Unknown.
    const Result decisive = m_kind == Kind::All ? Result::False : Result::True;
    const Result otherwise = m_kind == Kind::All ? Result::True : Result::False;
    bool unknown = false;
    bool decided = false;
    for (const RuleCondition &c : m_children) {
        const Result r = c.evaluate(subject, context, outcomes, explain);
        if (r == decisive) {
            decided = true;
            if (!explain)
                break;
        } else if (r == Result::Unknown) {
            unknown = true;
        }
    }
    if (decided)
        return decisive;
    return unknown ? Result::Unknown : otherwise;
}

RuleCondition::Result RuleCondition::evaluate(const RuleSubject &subject,
    const RuleContext &context,
    ConditionOutcome *outcomes,
    bool explain) const
{
    Result result = Result::False;
    QString detail;
    switch (m_kind) {
    case Kind::All:
    case Kind::Any:
        result = evaluateGroup(subject, context, outcomes, explain);
        break;
    case Kind::Not: {
        const Result r = m_children.front().evaluate(subject, context, outcomes, explain);
        result = r == Result::Unknown ? r : (r == Result::True ? Result::False : Result::True);
        break;
    }
    default:
        result = evaluateLeaf(subject, context, explain ? &detail : nullptr);
        break;
    }
    if (outcomes) {
        ConditionOutcome &out = outcomes[m_index];
        out.state = result == Result::True
            ? ConditionOutcome::State::Matched
            : (result == Result::False ? ConditionOutcome::State::NotMatched
                                       : ConditionOutcome::State::Unknown);
        if (explain)
            out.detail = detail;
    }
    return result;
}

RuleCondition::Result RuleCondition::evaluateLeaf(
    const RuleSubject &subject, const RuleContext &context, QString *detail) const
{
    const Rendering &r = subject.rendering;
    auto boolean = [](bool b) {
        return b ? Result::True : Result::False;
    };
    switch (m_kind) {
    case Kind::Topic:
        switch (m_op) {
        case Op::Exact:
            return boolean(subject.topic == m_text);
        case Op::Prefix:
            return boolean(subject.topic.startsWith(m_text));
        case Op::Glob:
            // Most topics lack the glob's longest literal part: no regex run for them.
            if (!subject.topic.contains(m_literal))
                return Result::False;
            return boolean(m_re.match(subject.topic).hasMatch());
        default:
            return boolean(m_re.match(subject.topic).hasMatch());
        }
    case Kind::Service:
        return boolean(m_set.contains(r.serviceName));
    case Kind::Type:
        return boolean(m_set.contains(subject.type) || m_set.contains(r.serviceName));
    case Kind::Bus:
        return boolean(m_set.contains(subject.envelope.busName()));
    case Kind::Trust:
        return boolean((m_trustMask & (1U << unsigned(subject.envelope.trust()))) != 0);
    case Kind::Usernames:
        if (m_op == Op::All)
            return boolean(std::all_of(m_values.cbegin(), m_values.cend(), [&](const QString &u) {
                return r.usernames.contains(u);
            }));
        for (const QString &u : r.usernames)
            if (m_set.contains(u)) {
                if (detail)
                    *detail = u;
                return Result::True;
            }
        return Result::False;
    case Kind::ByMe:
    case Kind::MentionsMe:
        if (context.account.isEmpty()) {
            if (detail)
                *detail = tr("your Fedora account name is not known yet");
            return Result::Unknown;
        }
        if (m_kind == Kind::ByMe)
            return boolean(subject.agent() == context.account);
        return boolean(r.usernames.contains(context.account));
    case Kind::Packages:
    case Kind::MaintainedByMe:
    case Kind::MaintainedBy:
    case Kind::Installed:
        return evaluatePackages(subject, context, detail);
    case Kind::Body:
        return evaluateBody(subject.envelope.body(), detail);
    case Kind::Title:
    case Kind::Text: {
        const QString &text = m_kind == Kind::Title ? r.title : r.subtitle;
        if (m_op == Op::Contains)
            return boolean(text.contains(m_text, Qt::CaseInsensitive));
        return boolean(m_re.match(text).hasMatch());
    }
    default:
        return Result::False;
    }
}

RuleCondition::Result RuleCondition::evaluatePackages(
    const RuleSubject &subject, const RuleContext &context, QString *detail) const
{
    const QStringList &packages = subject.rendering.packages;
    if (m_kind == Kind::Packages) {
        for (const QString &p : packages)
            if (m_set.contains(p)) {
                if (detail)
                    *detail = p;
                return Result::True;
            }
        return Result::False;
    }
    if (packages.isEmpty())
        return Result::False; // no package can be in any set, known or not
    if (m_kind == Kind::MaintainedByMe && context.account.isEmpty()) {
        if (detail)
            *detail = tr("your Fedora account name is not known yet");
        return Result::Unknown;
    }
    if (!context.packages) {
        if (detail)
            *detail = tr("no package sources are available here");
        return Result::Unknown;
    }
    bool unknown = false;
    auto check = [&](const packages::PackageSetView &view) {
        return packageIn(view, packages, detail, &unknown);
    };
    if (m_kind == Kind::Installed) {
        if (check(context.packages->installed()))
            return Result::True;
    } else if (m_kind == Kind::MaintainedByMe) {
        if (check(context.packages->maintainedBy(context.account)))
            return Result::True;
    } else {
        for (const QString &maintainer : m_values)
            if (check(context.packages->maintainedBy(maintainer)))
                return Result::True;
    }
    return unknown ? Result::Unknown : Result::False;
}

bool RuleCondition::bodyEquals(const JsonValue &node) const
{
    switch (m_value.type()) {
    case QJsonValue::String:
        return node.isString() && node.toStdString() == m_valueUtf8;
    case QJsonValue::Double:
        return node.isNumber() && node.toDouble() == m_number;
    case QJsonValue::Bool:
        return node.isBool() && node.toBool() == m_value.toBool();
    case QJsonValue::Null:
        return node.isNull();
    default:
        return false;
    }
}

RuleCondition::Result RuleCondition::evaluateBody(const JsonValue &body, QString *detail) const
{
    const JsonValue *node = resolve(body, m_steps);
    auto boolean = [](bool b) {
        return b ? Result::True : Result::False;
    };
    if (!node)
        return boolean(m_op == Op::NotEqual);
    if (detail && node->isString())
        *detail = node->toQString();
    switch (m_op) {
    case Op::Exists:
        return Result::True;
    case Op::Equal:
        return boolean(bodyEquals(*node));
    case Op::NotEqual:
        return boolean(!bodyEquals(*node));
    case Op::Contains:
        if (node->isString())
            return boolean(
                m_value.isString() && node->toStdString().find(m_valueUtf8) != std::string::npos);
        return boolean(
            std::any_of(node->array().cbegin(), node->array().cend(), [this](const JsonValue &e) {
                return bodyEquals(e);
            }));
    case Op::Matches:
        return boolean(node->isString() && m_re.match(node->toQString()).hasMatch());
    case Op::Less:
        return boolean(node->isNumber() && node->toDouble() < m_number);
    case Op::Greater:
        return boolean(node->isNumber() && node->toDouble() > m_number);
    default:
        return Result::False;
    }
}

QString RuleCondition::describe() const
{
    const QString values = listText(m_values);
    switch (m_kind) {
    case Kind::All:
        return tr("all of");
    case Kind::Any:
        return tr("any of");
    case Kind::Not:
        return tr("not");
    case Kind::Topic:
        switch (m_op) {
        case Op::Exact:
            return tr("topic is %1").arg(m_text);
        case Op::Prefix:
            return tr("topic starts with %1").arg(m_text);
        case Op::Glob:
            return tr("topic matches %1").arg(m_text);
        default:
            return tr("topic matches the regex %1").arg(m_text);
        }
    case Kind::Service:
        return tr("service is %1").arg(values);
    case Kind::Type:
        return tr("message type is %1").arg(values);
    case Kind::Bus:
        return tr("bus is %1").arg(values);
    case Kind::Trust:
        return tr("trust is %1").arg(values);
    case Kind::Usernames:
        return m_op == Op::All ? tr("users include all of %1").arg(values)
                               : tr("users include any of %1").arg(values);
    case Kind::ByMe:
        return tr("user is me");
    case Kind::MentionsMe:
        return tr("mentions me");
    case Kind::Packages:
        return tr("package in %1").arg(values);
    case Kind::MaintainedByMe:
        return tr("package in packages I maintain");
    case Kind::MaintainedBy:
        return tr("package in packages %1 maintain").arg(values);
    case Kind::Installed:
        return tr("package installed here");
    case Kind::Body: {
        const QString value = m_value.isString()
            ? m_value.toString()
            : QString::fromUtf8(
                QJsonDocument(QJsonArray { m_value }).toJson(QJsonDocument::Compact))
                  .mid(1)
                  .chopped(1);
        switch (m_op) {
        case Op::Exists:
            return tr("%1 exists").arg(m_path);
        case Op::Contains:
            return tr("%1 contains %2").arg(m_path, value);
        case Op::Matches:
            return tr("%1 matches %2").arg(m_path, value);
        default:
            return QStringLiteral("%1 %2 %3").arg(m_path, opName(m_op), value);
        }
    }
    case Kind::Title:
        return m_op == Op::Contains ? tr("title contains %1").arg(m_text)
                                    : tr("title matches %1").arg(m_text);
    case Kind::Text:
        return m_op == Op::Contains ? tr("text contains %1").arg(m_text)
                                    : tr("text matches %1").arg(m_text);
    }
    return {};
}

} // namespace fedmsg::rules
