// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QAbstractItemModel>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <memory>

namespace fedmsg::rules {
class MessageTypeCatalog;
}

namespace fedmsg {

/**
 * @brief A rule's condition tree ("when") as an editable item model: groups (all / any / not,
 * nested to any depth) and conditions (field, operator, value, and a JSON path for body).
 *
 * It reads and writes exactly the JSON lib/rules parses (RuleCondition), so the rule file format
 * is the one the rules engine runs. After every change each condition is checked by
 * RuleCondition::fromJson; a condition that does not validate carries its problem (ErrorRole)
 * and the part at fault (ErrorPartRole: "field", "op", "value" or "path"), and toJson() of a
 * tree with any problem is not to be saved (isValid()).
 *
 * The model has one top-level row, the condition root; a rule without a condition shows an
 * empty "all" group (which toJson() writes as no condition at all).
 */
class ConditionTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role {
        KindRole = Qt::UserRole + 1, ///< NodeKind as int
        FieldRole, ///< "topic", "packages", ... (conditions)
        OpRole, ///< "glob", "maintained-by-me", ... ("" when the field takes none)
        ValueRole, ///< the value as typed: lists comma-separated, body values as JSON scalars
        PathRole, ///< body: "msg.update.builds[0].nvr"
        ErrorRole, ///< what is wrong with this node ("" when fine)
        ErrorPartRole, ///< which part is wrong: "kind", "field", "op", "value", "path"
        JsonPathRole, ///< the node's place in the rule ("when.all[1].not")
    };
    enum class NodeKind { All = 0, Any = 1, Not = 2, Condition = 3 };
    Q_ENUM(NodeKind)

    /// @p catalog, when given, refuses unknown services as lib/rules does.
    explicit ConditionTreeModel(
        const rules::MessageTypeCatalog *catalog = nullptr, QObject *parent = nullptr);
    ~ConditionTreeModel() override;
    Q_DISABLE_COPY_MOVE(ConditionTreeModel)

    /// Replaces the tree by a rule's "when" (undefined or null: an empty "all" group). A value
    /// that is not a condition tree is refused (false, *error says why) and the tree kept.
    bool setCondition(const QJsonValue &when, QString *error = nullptr);
    /// The tree as a rule's "when"; undefined when the root is an empty "all" (every message).
    [[nodiscard]] QJsonValue toJson() const;
    /// Whether no node carries a problem.
    [[nodiscard]] bool isValid() const;
    /// The first node (in preorder) that carries a problem, or an invalid index.
    [[nodiscard]] QModelIndex firstError() const;

    /// Adds a condition (topic glob, empty value) into the group at @p at, or after @p at when
    /// it is a condition (wrapping a condition root into an "all" group first). Returns it.
    QModelIndex addCondition(const QModelIndex &at);
    /// Adds a group of @p kind the same way. Returns it.
    QModelIndex addGroup(const QModelIndex &at, NodeKind kind = NodeKind::All);
    /// Removes a node and its subtree; the root cannot be removed, only emptied.
    bool removeNode(const QModelIndex &index);

    /// The fields a condition can test, in the order lib/rules documents them.
    static QStringList fields();
    /// The operators of @p field; empty when it takes none (by-me, mentions-me).
    static QStringList opsFor(const QString &field);
    /// Whether @p field with @p op takes a value / a JSON path.
    static bool takesValue(const QString &field, const QString &op);
    static bool takesPath(const QString &field);
    /// Whether @p field's value is a list (typed comma-separated).
    static bool takesList(const QString &field);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    /// Any edit of the tree (after it was validated again).
    void conditionChanged();

private:
    struct Node;
    static std::unique_ptr<Node> readNode(const QJsonValue &json, QString *problem);
    static Node *nodeOf(const QModelIndex &index);
    QModelIndex indexOf(const Node *node) const;
    QModelIndex insertNode(const QModelIndex &at, std::unique_ptr<Node> node);
    void validate();
    void emitAllChanged(const Node *node);
    static QString display(const Node &node);

    const rules::MessageTypeCatalog *m_catalog;
    std::unique_ptr<Node> m_root;
};

} // namespace fedmsg
