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

// Group keys: a group is an object with exactly one of them.
constexpr std::array<FieldSpec, 3> GroupKeys { {
    { "all", Kind::All },
    { "any", Kind::Any },
    { "not", Kind::Not },
} };

QString groupKey(Kind kind)
{
    for (const FieldSpec &g : GroupKeys)
        if (g.kind == kind)
            return QString::fromLatin1(g.name);
    return {};
}

// The ops of "packages", each its own kind of condition (no op is "in").
constexpr std::array<FieldSpec, 4> PackagesOps { {
    { "in", Kind::Packages },
    { "maintained-by-me", Kind::MaintainedByMe },
    { "maintained-by", Kind::MaintainedBy },
    { "installed", Kind::Installed },
} };

// The kind a leaf's "field" names ("packages" before its op is read).
std::optional<Kind> leafKind(const QString &field)
{
    if (field == QLatin1String("text"))
        return Kind::Text;
    for (const FieldSpec &f : Fields)
        if (field == QLatin1String(f.name))
            return f.kind;
    return std::nullopt;
}

// The keys a leaf of this kind may have.
QStringList leafKeys(Kind kind)
{
    switch (kind) {
    case Kind::ByMe:
    case Kind::MentionsMe:
        return { QStringLiteral("field") };
    case Kind::MaintainedByMe:
    case Kind::Installed:
        return { QStringLiteral("field"), QStringLiteral("op") };
    case Kind::Body:
        return { QStringLiteral("field"),
            QStringLiteral("op"),
            QStringLiteral("value"),
            QStringLiteral("path") };
    default:
        return { QStringLiteral("field"), QStringLiteral("op"), QStringLiteral("value") };
    }
}

// A string, or a list of strings, as a list; nullopt for anything else.
std::optional<QStringList> stringList(const QJsonValue &value)
{
    if (value.isString())
        return QStringList { value.toString() };
    if (!value.isArray())
        return std::nullopt;
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue v : array) {
        if (!v.isString())
            return std::nullopt;
        out << v.toString();
    }
    return out;
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

// The glob's longest literal run, which every topic it matches contains.
QString longestLiteral(const QString &glob)
{
    QString longest;
    for (const QString &part : glob.split(QRegularExpression(QStringLiteral("[*?]"))))
        if (part.size() > longest.size())
            longest = part;
    return longest;
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

Result boolean(bool b)
{
    return b ? Result::True : Result::False;
}

// Whether one of @p items is in @p set; the first one found goes to *detail.
bool firstIn(const QSet<QString> &set, const QStringList &items, QString *detail)
{
    const auto found = std::find_if(items.cbegin(), items.cend(), [&](const QString &item) {
        return set.contains(item);
    });
    if (found == items.cend())
        return false;
    if (detail)
        *detail = *found;
    return true;
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

struct RuleCondition::LeafJson
{
    const QJsonObject &object;
    const QString &path;
    QString field; ///< the "field" key as text
    QJsonValue op;
    QJsonValue value;

    /// The path of one of the object's keys ("when.all[0].value").
    [[nodiscard]] QString at(const char *key) const
    {
        return path + QLatin1Char('.') + QLatin1String(key);
    }
};

std::optional<RuleCondition> RuleCondition::fromJson(const QJsonValue &json,
    const QString &path,
    const MessageTypeCatalog *catalog,
    QString *field,
    QString *problem)
{
    Problem p;
    std::optional<RuleCondition> c = parse(json, path, catalog, &p);
    if (!c) {
        *field = p.where;
        *problem = p.what;
    }
    return c;
}

std::optional<RuleCondition> RuleCondition::parse(const QJsonValue &json,
    const QString &path,
    const MessageTypeCatalog *catalog,
    Problem *problem)
{
    if (!json.isObject()) {
        *problem = { path, QStringLiteral("a condition must be a JSON object") };
        return std::nullopt;
    }
    const QJsonObject o = json.toObject();
    for (const auto &[key, kind] : GroupKeys)
        if (o.contains(QLatin1String(key)))
            return parseGroup(o, kind, path, catalog, problem);
    RuleCondition c;
    if (auto bad = c.readLeaf(o, path, catalog)) {
        *problem = std::move(*bad);
        return std::nullopt;
    }
    return c;
}

std::optional<RuleCondition> RuleCondition::parseGroup(const QJsonObject &object,
    Kind kind,
    const QString &path,
    const MessageTypeCatalog *catalog,
    Problem *problem)
{
    const QString name = groupKey(kind);
    if (object.size() != 1) {
        *problem = { path, QStringLiteral("\"%1\" must be the only key of its object").arg(name) };
        return std::nullopt;
    }
    RuleCondition c;
    c.m_kind = kind;
    const QString at = path + QLatin1Char('.') + name;
    const QJsonValue value = object.value(name);
    if (kind == Kind::Not) {
        auto child = parse(value, at, catalog, problem);
        if (!child)
            return std::nullopt;
        c.m_children.push_back(std::move(*child));
        return c;
    }
    if (!value.isArray()) {
        *problem = { at, QStringLiteral("must be a list of conditions") };
        return std::nullopt;
    }
    const QJsonArray list = value.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        auto child = parse(list.at(i), at + QStringLiteral("[%1]").arg(i), catalog, problem);
        if (!child)
            return std::nullopt;
        c.m_children.push_back(std::move(*child));
    }
    return c;
}

std::optional<RuleCondition::Problem> RuleCondition::readLeaf(
    const QJsonObject &object, const QString &path, const MessageTypeCatalog *catalog)
{
    const QJsonValue fieldValue = object.value(QStringLiteral("field"));
    if (fieldValue.isUndefined())
        return Problem { path,
            QStringLiteral("a condition needs \"field\" (or is \"all\", \"any\" or \"not\")") };
    const LeafJson leaf { object,
        path,
        fieldValue.toString(),
        object.value(QStringLiteral("op")),
        object.value(QStringLiteral("value")) };
    const std::optional<Kind> kind = leafKind(leaf.field);
    if (!kind)
        return Problem { leaf.at("field"),
            QStringLiteral("unknown field '%1' (one of topic, service, type, bus, trust, "
                           "usernames, by-me, mentions-me, packages, body, title, text)")
                .arg(fieldValue.isString() ? leaf.field : QStringLiteral("<not a string>")) };
    m_kind = *kind;
    if (auto bad = readOp(leaf))
        return bad;
    if (auto bad = readOperands(leaf, catalog))
        return bad;
    const QStringList allowed = leafKeys(m_kind);
    for (auto it = object.begin(); it != object.end(); ++it)
        if (!allowed.contains(it.key()))
            return Problem { path + QLatin1Char('.') + it.key(),
                QStringLiteral("unknown key for field %1").arg(leaf.field) };
    return std::nullopt;
}

std::optional<RuleCondition::Problem> RuleCondition::readOp(const LeafJson &leaf)
{
    if (m_kind == Kind::Packages)
        return readPackagesOp(leaf);
    m_op = Op::None;
    if (leaf.op.isUndefined())
        return std::nullopt;
    const std::optional<Op> op = opFromName(leaf.op.toString());
    if (!op)
        return Problem { leaf.at("op"),
            QStringLiteral("unknown op '%1'")
                .arg(leaf.op.isString() ? leaf.op.toString() : QStringLiteral("<not a string>")) };
    m_op = *op;
    return std::nullopt;
}

// "packages" is four kinds of condition, told apart by the op.
std::optional<RuleCondition::Problem> RuleCondition::readPackagesOp(const LeafJson &leaf)
{
    const QString name = leaf.op.toString();
    const auto *const found =
        std::find_if(PackagesOps.cbegin(), PackagesOps.cend(), [&](const FieldSpec &f) {
            return name == QLatin1String(f.name);
        });
    if (found != PackagesOps.cend())
        m_kind = found->kind;
    else if (!leaf.op.isUndefined())
        return Problem { leaf.at("op"),
            QStringLiteral("unknown op '%1' for packages (one of in, maintained-by-me, "
                           "maintained-by, installed)")
                .arg(name) };
    m_op = m_kind == Kind::Packages ? Op::In : Op::None;
    return std::nullopt;
}

std::optional<RuleCondition::Problem> RuleCondition::readOperands(
    const LeafJson &leaf, const MessageTypeCatalog *catalog)
{
    switch (m_kind) {
    case Kind::Topic:
        return readTopic(leaf);
    case Kind::Service:
    case Kind::Type:
    case Kind::Bus:
    case Kind::Trust:
        return readOneOf(leaf, catalog);
    case Kind::Usernames:
        if (!allowOps({ Op::Any, Op::All }, Op::Any))
            return opProblem(leaf, "any, all");
        return readValues(leaf);
    case Kind::ByMe:
    case Kind::MentionsMe:
        if (m_op != Op::None)
            return Problem { leaf.at("op"), QStringLiteral("%1 takes no op").arg(leaf.field) };
        return std::nullopt;
    case Kind::Packages:
    case Kind::MaintainedBy:
        return readValues(leaf);
    case Kind::Body:
        return readBody(leaf);
    case Kind::Title:
    case Kind::Text:
        return readText(leaf);
    case Kind::MaintainedByMe:
    case Kind::Installed:
    case Kind::All:
    case Kind::Any:
    case Kind::Not:
        break;
    }
    return std::nullopt;
}

std::optional<RuleCondition::Problem> RuleCondition::readTopic(const LeafJson &leaf)
{
    if (!allowOps({ Op::Exact, Op::Prefix, Op::Glob, Op::Regex }, Op::Exact))
        return opProblem(leaf, "exact, prefix, glob, regex");
    if (!leaf.value.isString() || leaf.value.toString().isEmpty())
        return Problem { leaf.at("value"), QStringLiteral("must be a non-empty string") };
    m_text = leaf.value.toString();
    if (m_op == Op::Regex)
        if (auto bad = compileRegex(m_text))
            return Problem { leaf.at("value"), *bad };
    if (m_op == Op::Glob) {
        if (auto bad = compileRegex(globToRegex(m_text)))
            return Problem { leaf.at("value"), *bad };
        m_literal = longestLiteral(m_text);
    }
    return std::nullopt;
}

std::optional<RuleCondition::Problem> RuleCondition::readOneOf(
    const LeafJson &leaf, const MessageTypeCatalog *catalog)
{
    if (!allowOps({ Op::In }, Op::In))
        return opProblem(leaf, "in");
    if (auto bad = readValues(leaf))
        return bad;
    if (m_kind == Kind::Trust)
        return readTrustStates(leaf);
    if (m_kind == Kind::Bus || !catalog)
        return std::nullopt;
    for (const QString &v : std::as_const(m_values)) {
        const QString service = v.section(QLatin1Char('/'), 0, 0);
        if (!catalog->hasService(service))
            return Problem { leaf.at("value"),
                QStringLiteral("unknown service '%1'").arg(service) };
    }
    return std::nullopt;
}

// The value: a string, or a non-empty list of strings.
std::optional<RuleCondition::Problem> RuleCondition::readValues(const LeafJson &leaf)
{
    std::optional<QStringList> values = stringList(leaf.value);
    if (values)
        values->removeAll(QString());
    if (!values || values->isEmpty())
        return Problem { leaf.at("value"),
            QStringLiteral("must be a string or a list of strings") };
    m_values = std::move(*values);
    m_set = QSet<QString>(m_values.cbegin(), m_values.cend());
    return std::nullopt;
}

std::optional<RuleCondition::Problem> RuleCondition::readTrustStates(const LeafJson &leaf)
{
    for (const QString &v : std::as_const(m_values)) {
        const TrustState t = trustStateFromName(v);
        if (trustStateName(t) != v)
            return Problem { leaf.at("value"),
                QStringLiteral("unknown trust state '%1' (one of trusted, untrusted, "
                               "broker-unsigned, unchecked)")
                    .arg(v) };
        m_trustMask |= 1U << unsigned(t);
    }
    return std::nullopt;
}

std::optional<RuleCondition::Problem> RuleCondition::readBody(const LeafJson &leaf)
{
    m_path = leaf.object.value(QStringLiteral("path")).toString();
    if (auto bad = readBodyPath())
        return Problem { leaf.at("path"),
            QStringLiteral("bad JSON path '%1': %2 (write e.g. msg.update.builds[0].nvr)")
                .arg(m_path, *bad) };
    if (!allowOps({ Op::Exists,
                      Op::Equal,
                      Op::NotEqual,
                      Op::Contains,
                      Op::Matches,
                      Op::Less,
                      Op::Greater },
            Op::None))
        return opProblem(leaf, "exists, ==, !=, contains, matches, <, >");
    m_value = leaf.value;
    return readBodyValue(leaf);
}

// "msg.builds[0].nvr": members separated by dots, array indices in brackets.
std::optional<QString> RuleCondition::readBodyPath()
{
    if (m_path.isEmpty())
        return QStringLiteral("missing or empty");
    for (const QString &segment : m_path.split(QLatin1Char('.')))
        if (auto bad = readBodyPathSegment(segment))
            return bad;
    if (m_steps.empty())
        return QStringLiteral("missing or empty");
    return std::nullopt;
}

// One segment of a body path: "builds[0]", "builds", "[0][1]".
std::optional<QString> RuleCondition::readBodyPathSegment(const QString &segment)
{
    const qsizetype bracket = segment.indexOf(QLatin1Char('['));
    const QString key = bracket < 0 ? segment : segment.left(bracket);
    if (key.isEmpty() && bracket != 0)
        return QStringLiteral("an empty member name");
    if (!key.isEmpty())
        m_steps.push_back(PathStep { key.toStdString(), -1 });
    QString rest = bracket < 0 ? QString() : segment.mid(bracket);
    while (!rest.isEmpty()) {
        const qsizetype close = rest.indexOf(QLatin1Char(']'));
        bool number = false;
        const int index = close > 1 ? rest.mid(1, close - 1).toInt(&number) : -1;
        if (!rest.startsWith(QLatin1Char('[')) || close < 0 || !number || index < 0)
            return QStringLiteral("'%1' is not an index like [0]").arg(rest);
        m_steps.push_back(PathStep { {}, index });
        rest = rest.mid(close + 1);
    }
    return std::nullopt;
}

std::optional<RuleCondition::Problem> RuleCondition::readBodyValue(const LeafJson &leaf)
{
    const QJsonValue &value = leaf.value;
    switch (m_op) {
    case Op::Exists:
        if (!value.isUndefined())
            return Problem { leaf.at("value"), QStringLiteral("exists takes no value") };
        break;
    case Op::Less:
    case Op::Greater:
        if (!value.isDouble())
            return Problem { leaf.at("value"), QStringLiteral("must be a number") };
        m_number = value.toDouble();
        break;
    case Op::Matches:
        if (!value.isString())
            return Problem { leaf.at("value"), QStringLiteral("must be a regex (a string)") };
        if (auto bad = compileRegex(value.toString()))
            return Problem { leaf.at("value"), *bad };
        break;
    default:
        if (value.isUndefined() || value.isArray() || value.isObject())
            return Problem { leaf.at("value"),
                QStringLiteral("must be a string, number, true, false or null") };
        m_valueUtf8 = value.toString().toStdString();
        m_number = value.toDouble();
        break;
    }
    return std::nullopt;
}

std::optional<RuleCondition::Problem> RuleCondition::readText(const LeafJson &leaf)
{
    if (!allowOps({ Op::Contains, Op::Matches }, Op::Contains))
        return opProblem(leaf, "contains, matches");
    if (!leaf.value.isString() || leaf.value.toString().isEmpty())
        return Problem { leaf.at("value"), QStringLiteral("must be a non-empty string") };
    m_text = leaf.value.toString();
    if (m_op == Op::Matches)
        if (auto bad = compileRegex(m_text))
            return Problem { leaf.at("value"), *bad };
    return std::nullopt;
}

std::optional<RuleCondition::Problem> RuleCondition::opProblem(
    const LeafJson &leaf, const char *ops) const
{
    return Problem { leaf.at("op"),
        QStringLiteral("op '%1' does not apply to %2 (one of %3)")
            .arg(leaf.op.toString(), fieldName(m_kind), QString::fromLatin1(ops)) };
}

bool RuleCondition::allowOps(std::initializer_list<Op> ops, Op fallback)
{
    if (m_op == Op::None)
        m_op = fallback;
    return std::find(ops.begin(), ops.end(), m_op) != ops.end();
}

std::optional<QString> RuleCondition::compileRegex(const QString &pattern)
{
    m_re = QRegularExpression(pattern);
    if (!m_re.isValid())
        return QStringLiteral("bad regex: %1 at offset %2")
            .arg(m_re.errorString())
            .arg(m_re.patternErrorOffset());
    m_re.optimize();
    return std::nullopt;
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
    switch (m_kind) {
    case Kind::Topic:
        return evaluateTopic(subject.topic);
    case Kind::Service:
        return boolean(m_set.contains(r.serviceName));
    case Kind::Type:
        return boolean(m_set.contains(subject.type) || m_set.contains(r.serviceName));
    case Kind::Bus:
        return boolean(m_set.contains(subject.envelope.busName()));
    case Kind::Trust:
        return boolean((m_trustMask & (1U << unsigned(subject.envelope.trust()))) != 0);
    case Kind::Usernames:
        return evaluateUsernames(r.usernames, detail);
    case Kind::ByMe:
        if (subject.bodyDeferred && subject.agentNeedsBody())
            return Result::Unknown;
        return evaluateAccount(subject, context, detail);
    case Kind::MentionsMe:
        return evaluateAccount(subject, context, detail);
    case Kind::Packages:
    case Kind::MaintainedByMe:
    case Kind::MaintainedBy:
    case Kind::Installed:
        return evaluatePackages(subject, context, detail);
    case Kind::Body:
        if (subject.bodyDeferred)
            return evaluateBodyText(subject.bodyText);
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

RuleCondition::Result RuleCondition::evaluateTopic(const QString &topic) const
{
    switch (m_op) {
    case Op::Exact:
        return boolean(topic == m_text);
    case Op::Prefix:
        return boolean(topic.startsWith(m_text));
    case Op::Glob:
        // Most topics lack the glob's longest literal part: no regex run for them.
        if (!topic.contains(m_literal))
            return Result::False;
        return boolean(m_re.match(topic).hasMatch());
    default:
        return boolean(m_re.match(topic).hasMatch());
    }
}

RuleCondition::Result RuleCondition::evaluateUsernames(
    const QStringList &usernames, QString *detail) const
{
    if (m_op == Op::All)
        return boolean(std::all_of(m_values.cbegin(), m_values.cend(), [&](const QString &u) {
            return usernames.contains(u);
        }));
    return boolean(firstIn(m_set, usernames, detail));
}

// by-me and mentions-me: Unknown until the account is known.
RuleCondition::Result RuleCondition::evaluateAccount(
    const RuleSubject &subject, const RuleContext &context, QString *detail) const
{
    if (context.account.isEmpty()) {
        if (detail)
            *detail = tr("your Fedora account name is not known yet");
        return Result::Unknown;
    }
    if (m_kind == Kind::ByMe)
        return boolean(subject.agent() == context.account);
    return boolean(subject.rendering.usernames.contains(context.account));
}

RuleCondition::Result RuleCondition::evaluatePackages(
    const RuleSubject &subject, const RuleContext &context, QString *detail) const
{
    const QStringList &packages = subject.rendering.packages;
    if (m_kind == Kind::Packages)
        return boolean(firstIn(m_set, packages, detail));
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
    return evaluatePackageSets(packages, context, detail);
}

// installed, maintained-by-me, maintained-by: True when a package is in one of the sets, else
// Unknown when a set is not ready.
RuleCondition::Result RuleCondition::evaluatePackageSets(
    const QStringList &packages, const RuleContext &context, QString *detail) const
{
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

// Before the body is parsed: a string's ==, != or contains from the body's JSON text alone, when
// the text holds no escape (every string of the body is then its own bytes in the text). A
// string that equals or contains the value (also an array's element) puts the value's bytes in
// the text; without them, == and contains are False and != is True. Else Unknown.
RuleCondition::Result RuleCondition::evaluateBodyText(std::string_view text) const
{
    if (text.empty() || !m_value.isString()
        || (m_op != Op::Equal && m_op != Op::NotEqual && m_op != Op::Contains)
        || text.find('\\') != std::string_view::npos
        || text.find(m_valueUtf8) != std::string_view::npos)
        return Result::Unknown;
    return m_op == Op::NotEqual ? Result::True : Result::False;
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
