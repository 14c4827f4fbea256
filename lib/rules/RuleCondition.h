// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "message/TrustState.h"
#include "rules/ConditionOutcome.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fedmsg {
class JsonValue;
}

namespace fedmsg::rules {

class MessageTypeCatalog;
struct RuleContext;
struct RuleSubject;

/**
 * @brief One node of a rule's condition tree, compiled: regexes, globs and sets are built once
 * when the rule is read, so evaluating a message allocates next to nothing.
 *
 * JSON (the format rule files and the settings share):
 * - {"all": [c, ...]}, {"any": [c, ...]}, {"not": c}
 * - {"field": "topic", "op": "exact"|"prefix"|"glob"|"regex", "value": "..."}
 * - {"field": "service"|"type"|"bus"|"trust", "value": "x" or ["x", ...]} (is one of)
 * - {"field": "usernames", "op": "any"|"all", "value": [...]}
 * - {"field": "by-me"} (the message's agent is my account), {"field": "mentions-me"} (my
 *   account is among its usernames)
 * - {"field": "packages", "op": "in", "value": [...]}, {"field": "packages", "op":
 *   "maintained-by-me"}, {"field": "packages", "op": "maintained-by", "value": ["alice",
 *   "@group"]}, {"field": "packages", "op": "installed"}
 * - {"field": "body", "path": "msg.update.user.name", "op": "exists"|"=="|"!="|"contains"|
 *   "matches"|"<"|">", "value": ...}
 * - {"field": "title"|"text", "op": "contains"|"matches", "value": "..."}
 *
 * Evaluation is three-valued: a condition that cannot be known (a package set still loading,
 * the account not known yet) is Unknown, and a rule matches only when its tree is True.
 */
class RuleCondition
{
public:
    enum class Kind {
        All,
        Any,
        Not,
        Topic,
        Service,
        Type,
        Bus,
        Trust,
        Usernames,
        ByMe,
        MentionsMe,
        Packages,
        MaintainedByMe,
        MaintainedBy,
        Installed,
        Body,
        Title,
        Text,
    };
    enum class Op {
        None,
        Exact,
        Prefix,
        Glob,
        Regex,
        In,
        Any,
        All,
        Exists,
        Equal,
        NotEqual,
        Contains,
        Matches,
        Less,
        Greater,
    };
    enum class Result : char { False, True, Unknown };

    /// Reads and compiles a condition; @p path is its place in the rule ("when.all[0]"). On a
    /// problem returns nullopt, *field naming the offending key's path and *problem what is
    /// wrong. @p catalog, when given, refuses unknown services.
    static std::optional<RuleCondition> fromJson(const QJsonValue &json,
        const QString &path,
        const MessageTypeCatalog *catalog,
        QString *field,
        QString *problem);
    [[nodiscard]] QJsonObject toJson() const;

    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] Op op() const { return m_op; }
    [[nodiscard]] const std::vector<RuleCondition> &children() const { return m_children; }
    /// This node's place in preorder (the root is 0): the index of its outcome.
    [[nodiscard]] int index() const { return m_index; }
    /// Nodes in this subtree, this one included.
    [[nodiscard]] int nodeCount() const;
    /// Numbers the nodes in preorder from @p first; returns the next free number.
    int assignIndices(int first);
    /// Whether the tree asks for untrusted messages by name (a trust condition naming
    /// "untrusted" that is not negated): only such a rule may pop one up.
    [[nodiscard]] bool namesUntrusted(bool negated = false) const;
    /// Whether evaluating the tree reads the message body (a body condition, or by-me, whose
    /// agent fedmsg.meta finds in the body): preview parses stored bodies only then.
    [[nodiscard]] bool needsBody() const;
    /// The maintainers ("alice", "@group") the tree's maintained-by conditions name.
    void collectMaintainers(QStringList *out) const;

    /// Evaluates; writes each evaluated node's outcome to outcomes[node.index()] when
    /// @p outcomes is given (with a detail only when @p explain). With @p explain every child
    /// is evaluated, otherwise all/any stop at the first deciding child.
    Result evaluate(const RuleSubject &subject,
        const RuleContext &context,
        ConditionOutcome *outcomes,
        bool explain) const;

    /// This node in words ("topic matches *.buildsys.build.state.change"), translated.
    [[nodiscard]] QString describe() const;

private:
    /// A problem in a condition's JSON: the offending key's path and what is wrong.
    struct Problem
    {
        QString where;
        QString what;
    };
    struct LeafJson; ///< the keys of a leaf condition's object (RuleCondition.cpp)
    static std::optional<RuleCondition> parse(const QJsonValue &json,
        const QString &path,
        const MessageTypeCatalog *catalog,
        Problem *problem);
    static std::optional<RuleCondition> parseGroup(const QJsonObject &object,
        Kind kind,
        const QString &path,
        const MessageTypeCatalog *catalog,
        Problem *problem);
    std::optional<Problem> readLeaf(
        const QJsonObject &object, const QString &path, const MessageTypeCatalog *catalog);
    std::optional<Problem> readOp(const LeafJson &leaf);
    std::optional<Problem> readPackagesOp(const LeafJson &leaf);
    std::optional<Problem> readOperands(const LeafJson &leaf, const MessageTypeCatalog *catalog);
    std::optional<Problem> readTopic(const LeafJson &leaf);
    std::optional<Problem> readOneOf(const LeafJson &leaf, const MessageTypeCatalog *catalog);
    std::optional<Problem> readValues(const LeafJson &leaf);
    std::optional<Problem> readTrustStates(const LeafJson &leaf);
    std::optional<Problem> readBody(const LeafJson &leaf);
    std::optional<QString> readBodyPath();
    std::optional<QString> readBodyPathSegment(const QString &segment);
    std::optional<Problem> readBodyValue(const LeafJson &leaf);
    std::optional<Problem> readText(const LeafJson &leaf);
    std::optional<Problem> opProblem(const LeafJson &leaf, const char *ops) const;
    /// Sets an absent op to @p fallback; whether the op is one of @p ops.
    bool allowOps(std::initializer_list<Op> ops, Op fallback);
    /// Compiles m_re; the problem when @p pattern is not a valid regex.
    std::optional<QString> compileRegex(const QString &pattern);

    Result evaluateGroup(const RuleSubject &subject,
        const RuleContext &context,
        ConditionOutcome *outcomes,
        bool explain) const;
    Result evaluateLeaf(
        const RuleSubject &subject, const RuleContext &context, QString *detail) const;
    Result evaluateBody(const JsonValue &body, QString *detail) const;
    Result evaluateBodyText(std::string_view text) const;
    Result evaluateTopic(const QString &topic) const;
    Result evaluateUsernames(const QStringList &usernames, QString *detail) const;
    Result evaluateAccount(
        const RuleSubject &subject, const RuleContext &context, QString *detail) const;
    Result evaluatePackages(
        const RuleSubject &subject, const RuleContext &context, QString *detail) const;
    Result evaluatePackageSets(
        const QStringList &packages, const RuleContext &context, QString *detail) const;
    [[nodiscard]] bool bodyEquals(const JsonValue &node) const;

    struct PathStep
    {
        std::string key; ///< object member, or empty for an index
        int index = -1;
    };

    Kind m_kind = Kind::All;
    Op m_op = Op::None;
    int m_index = 0;
    std::vector<RuleCondition> m_children;
    QString m_text; ///< the value as text (topic, contains needle)
    QStringList m_values; ///< list values as written
    QSet<QString> m_set;
    QRegularExpression m_re;
    QString m_literal; ///< glob: its longest literal run, which any match contains (a pre-check)
    QString m_path; ///< body: the path as written
    std::vector<PathStep> m_steps;
    QJsonValue m_value; ///< body: the value as written
    std::string m_valueUtf8; ///< body: string value
    double m_number = 0; ///< body: number value
    unsigned m_trustMask = 0; ///< trust: bit per TrustState
};

} // namespace fedmsg::rules
