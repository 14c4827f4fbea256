// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "model/ConditionTreeModel.h"

#include "rules/RuleCondition.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <functional>
#include <optional>
#include <vector>

namespace fedmsg {

struct ConditionTreeModel::Node
{
    NodeKind kind = NodeKind::All;
    QString field;
    QString op;
    QString value;
    QString path;
    QString error;
    QString errorPart;
    QString jsonPath;
    QString description; ///< RuleCondition::describe() of a condition that validates
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;

    [[nodiscard]] bool isGroup() const { return kind != NodeKind::Condition; }
    [[nodiscard]] int row() const
    {
        if (!parent)
            return 0;
        const auto &siblings = parent->children;
        const auto it = std::find_if(siblings.cbegin(), siblings.cend(), [this](const auto &c) {
            return c.get() == this;
        });
        return int(it - siblings.cbegin());
    }
    void adopt(std::unique_ptr<Node> child, int at)
    {
        child->parent = this;
        children.insert(children.begin() + at, std::move(child));
    }
};

namespace {

// Fields whose value is "one of" a list, written without an op (RuleCondition::toJson does so).
bool isMembership(const QString &field)
{
    return field == QLatin1String("service") || field == QLatin1String("type")
        || field == QLatin1String("bus") || field == QLatin1String("trust");
}

// A JSON scalar as typed: 42, true, null, "quoted text"; nullopt when the text is none.
std::optional<QJsonValue> scalarFromText(const QString &text)
{
    QJsonParseError error {};
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + QByteArray("]"), &error);
    if (error.error != QJsonParseError::NoError || doc.array().size() != 1)
        return std::nullopt;
    const QJsonValue v = doc.array().at(0);
    if (v.isArray() || v.isObject())
        return std::nullopt;
    return v;
}

QString scalarText(const QJsonValue &value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

// The value's JSON from its text, for @p field and @p op.
QJsonValue valueFromText(const QString &field, const QString &op, const QString &text)
{
    if (ConditionTreeModel::takesList(field)) {
        QStringList items;
        for (const QString &part : text.split(QLatin1Char(',')))
            if (!part.trimmed().isEmpty())
                items << part.trimmed();
        if (items.size() == 1)
            return items.front();
        if (items.isEmpty())
            return QString();
        return QJsonArray::fromStringList(items);
    }
    if (field == QLatin1String("body") && op != QLatin1String("matches")) {
        if (const auto scalar = scalarFromText(text.trimmed()))
            return *scalar;
    }
    return text;
}

QString textFromValue(const QString &field, const QString &op, const QJsonValue &value)
{
    if (value.isUndefined())
        return {};
    if (value.isArray()) {
        QStringList items;
        const QJsonArray array = value.toArray();
        for (const QJsonValue v : array)
            items << (v.isString() ? v.toString() : scalarText(v));
        return items.join(QStringLiteral(", "));
    }
    if (value.isString()) {
        // A body string that would read back as a number, true, false or null keeps its quotes.
        if (field == QLatin1String("body") && op != QLatin1String("matches")
            && scalarFromText(value.toString().trimmed()))
            return scalarText(value);
        return value.toString();
    }
    return scalarText(value);
}

QJsonObject leafJson(
    const QString &field, const QString &op, const QString &path, const QString &value)
{
    QJsonObject o;
    o.insert(QStringLiteral("field"), field);
    if (!op.isEmpty() && !isMembership(field))
        o.insert(QStringLiteral("op"), op);
    if (ConditionTreeModel::takesPath(field))
        o.insert(QStringLiteral("path"), path);
    if (ConditionTreeModel::takesValue(field, op))
        o.insert(QStringLiteral("value"), valueFromText(field, op, value));
    return o;
}

// The op lib/rules takes when a condition has none.
QString formatDefaultOp(const QString &field)
{
    if (field == QLatin1String("topic"))
        return QStringLiteral("exact");
    if (field == QLatin1String("packages"))
        return QStringLiteral("in");
    if (field == QLatin1String("body"))
        return {};
    const QStringList ops = ConditionTreeModel::opsFor(field);
    return ops.isEmpty() ? QString() : ops.front();
}

// The op a condition gets when its field is chosen in the editor: the most used one.
QString editorDefaultOp(const QString &field)
{
    const QStringList ops = ConditionTreeModel::opsFor(field);
    return ops.isEmpty() ? QString() : ops.front();
}

} // namespace

ConditionTreeModel::ConditionTreeModel(const rules::MessageTypeCatalog *catalog, QObject *parent)
    : QAbstractItemModel(parent)
    , m_catalog(catalog)
    , m_root(std::make_unique<Node>())
{
    validate();
}

ConditionTreeModel::~ConditionTreeModel() = default;

QStringList ConditionTreeModel::fields()
{
    return { QStringLiteral("topic"),
        QStringLiteral("service"),
        QStringLiteral("type"),
        QStringLiteral("bus"),
        QStringLiteral("trust"),
        QStringLiteral("usernames"),
        QStringLiteral("by-me"),
        QStringLiteral("mentions-me"),
        QStringLiteral("packages"),
        QStringLiteral("body"),
        QStringLiteral("title"),
        QStringLiteral("text") };
}

QStringList ConditionTreeModel::opsFor(const QString &field)
{
    if (field == QLatin1String("topic"))
        return { QStringLiteral("glob"),
            QStringLiteral("exact"),
            QStringLiteral("prefix"),
            QStringLiteral("regex") };
    if (isMembership(field))
        return { QStringLiteral("in") };
    if (field == QLatin1String("usernames"))
        return { QStringLiteral("any"), QStringLiteral("all") };
    if (field == QLatin1String("packages"))
        return { QStringLiteral("maintained-by-me"),
            QStringLiteral("in"),
            QStringLiteral("maintained-by"),
            QStringLiteral("installed") };
    if (field == QLatin1String("body"))
        return { QStringLiteral("=="),
            QStringLiteral("!="),
            QStringLiteral("contains"),
            QStringLiteral("matches"),
            QStringLiteral("exists"),
            QStringLiteral("<"),
            QStringLiteral(">") };
    if (field == QLatin1String("title") || field == QLatin1String("text"))
        return { QStringLiteral("contains"), QStringLiteral("matches") };
    return {};
}

bool ConditionTreeModel::takesValue(const QString &field, const QString &op)
{
    if (field == QLatin1String("by-me") || field == QLatin1String("mentions-me"))
        return false;
    if (field == QLatin1String("packages"))
        return op == QLatin1String("in") || op == QLatin1String("maintained-by");
    if (field == QLatin1String("body"))
        return op != QLatin1String("exists");
    return true;
}

bool ConditionTreeModel::takesPath(const QString &field)
{
    return field == QLatin1String("body");
}

bool ConditionTreeModel::takesList(const QString &field)
{
    return isMembership(field) || field == QLatin1String("usernames")
        || field == QLatin1String("packages");
}

std::unique_ptr<ConditionTreeModel::Node> ConditionTreeModel::readNode(
    const QJsonValue &json, QString *problem)
{
    if (!json.isObject()) {
        *problem = tr("a condition must be a JSON object");
        return nullptr;
    }
    const QJsonObject o = json.toObject();
    auto node = std::make_unique<Node>();
    for (const auto &[key, kind] : { std::pair { "all", NodeKind::All },
             std::pair { "any", NodeKind::Any },
             std::pair { "not", NodeKind::Not } }) {
        const QString name = QString::fromLatin1(key);
        if (!o.contains(name))
            continue;
        node->kind = kind;
        const QJsonArray list =
            kind == NodeKind::Not ? QJsonArray { o.value(name) } : o.value(name).toArray();
        for (const QJsonValue child : list) {
            auto c = readNode(child, problem);
            if (!c)
                return nullptr;
            node->adopt(std::move(c), int(node->children.size()));
        }
        return node;
    }
    node->kind = NodeKind::Condition;
    node->field = o.value(QStringLiteral("field")).toString();
    node->op = o.value(QStringLiteral("op")).toString();
    if (node->op.isEmpty())
        node->op = formatDefaultOp(node->field);
    node->path = o.value(QStringLiteral("path")).toString();
    node->value = textFromValue(node->field, node->op, o.value(QStringLiteral("value")));
    return node;
}

bool ConditionTreeModel::setCondition(const QJsonValue &when, QString *error)
{
    QString problem;
    std::unique_ptr<Node> root =
        when.isUndefined() || when.isNull() ? std::make_unique<Node>() : readNode(when, &problem);
    if (!root) {
        if (error)
            *error = problem;
        return false;
    }
    beginResetModel();
    m_root = std::move(root);
    validate();
    endResetModel();
    return true;
}

QJsonValue ConditionTreeModel::toJson() const
{
    std::function<QJsonValue(const Node &)> write = [&](const Node &node) -> QJsonValue {
        switch (node.kind) {
        case NodeKind::All:
        case NodeKind::Any: {
            QJsonArray list;
            for (const auto &c : node.children)
                list.append(write(*c));
            return QJsonObject {
                { node.kind == NodeKind::All ? QStringLiteral("all") : QStringLiteral("any"), list }
            };
        }
        case NodeKind::Not:
            return QJsonObject { { QStringLiteral("not"),
                node.children.empty() ? QJsonValue(QJsonObject())
                                      : write(*node.children.front()) } };
        case NodeKind::Condition:
            break;
        }
        return leafJson(node.field, node.op, node.path, node.value);
    };
    if (m_root->kind == NodeKind::All && m_root->children.empty())
        return { QJsonValue::Undefined };
    return write(*m_root);
}

bool ConditionTreeModel::isValid() const
{
    return !firstError().isValid();
}

QModelIndex ConditionTreeModel::firstError() const
{
    std::function<const Node *(const Node &)> find = [&](const Node &node) -> const Node * {
        if (!node.error.isEmpty())
            return &node;
        for (const auto &c : node.children)
            if (const Node *found = find(*c))
                return found;
        return nullptr;
    };
    const Node *found = find(*m_root);
    return found ? indexOf(found) : QModelIndex();
}

void ConditionTreeModel::validate()
{
    std::function<void(Node &, const QString &)> check = [&](Node &node, const QString &at) {
        node.jsonPath = at;
        node.error.clear();
        node.errorPart.clear();
        node.description.clear();
        switch (node.kind) {
        case NodeKind::All:
        case NodeKind::Any: {
            const QString key = node.kind == NodeKind::All ? QStringLiteral(".all[%1]")
                                                           : QStringLiteral(".any[%1]");
            for (std::size_t i = 0; i < node.children.size(); ++i)
                check(*node.children[i], at + key.arg(i));
            return;
        }
        case NodeKind::Not:
            if (node.children.size() != 1) {
                node.error = tr("a \"not\" group takes exactly one condition (it has %1)")
                                 .arg(node.children.size());
                node.errorPart = QStringLiteral("kind");
            }
            for (const auto &c : node.children)
                check(*c, at + QStringLiteral(".not"));
            return;
        case NodeKind::Condition:
            break;
        }
        QString field;
        QString problem;
        const auto compiled = rules::RuleCondition::fromJson(
            leafJson(node.field, node.op, node.path, node.value), at, m_catalog, &field, &problem);
        if (compiled) {
            node.description = compiled->describe();
            return;
        }
        node.error = problem;
        node.errorPart =
            field.size() > at.size() ? field.mid(at.size() + 1) : QStringLiteral("field");
    };
    check(*m_root, QStringLiteral("when"));
}

QString ConditionTreeModel::display(const Node &node)
{
    QString text;
    switch (node.kind) {
    case NodeKind::All:
        text = tr("all of");
        break;
    case NodeKind::Any:
        text = tr("any of");
        break;
    case NodeKind::Not:
        text = tr("not");
        break;
    case NodeKind::Condition:
        text = !node.description.isEmpty()
            ? node.description
            : QStringList { node.field, node.path, node.op, node.value }
                  .join(QLatin1Char(' '))
                  .simplified();
        break;
    }
    if (node.kind != NodeKind::Condition && node.children.empty() && !node.parent)
        text = tr("every message (add a condition)");
    if (!node.error.isEmpty())
        text += QStringLiteral(" — ") + tr("problem: %1").arg(node.error);
    return text;
}

ConditionTreeModel::Node *ConditionTreeModel::nodeOf(const QModelIndex &index)
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : nullptr;
}

QModelIndex ConditionTreeModel::indexOf(const Node *node) const
{
    if (!node)
        return {};
    return createIndex(node->row(), 0, node);
}

QModelIndex ConditionTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row == 0 ? createIndex(0, 0, m_root.get()) : QModelIndex();
    const Node *p = nodeOf(parent);
    if (!p || row >= int(p->children.size()))
        return {};
    return createIndex(row, 0, p->children[std::size_t(row)].get());
}

QModelIndex ConditionTreeModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeOf(child);
    return node && node->parent ? indexOf(node->parent) : QModelIndex();
}

int ConditionTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return 1;
    if (parent.column() != 0)
        return 0;
    const Node *node = nodeOf(parent);
    return node ? int(node->children.size()) : 0;
}

int ConditionTreeModel::columnCount(const QModelIndex & /*parent*/) const
{
    return 1;
}

QVariant ConditionTreeModel::data(const QModelIndex &index, int role) const
{
    const Node *node = nodeOf(index);
    if (!node)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return display(*node);
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole:
        return node->error.isEmpty() ? QVariant() : QVariant(node->error);
    case KindRole:
        return int(node->kind);
    case FieldRole:
        return node->field;
    case OpRole:
        return node->op;
    case ValueRole:
        return node->value;
    case PathRole:
        return node->path;
    case ErrorRole:
        return node->error;
    case ErrorPartRole:
        return node->errorPart;
    case JsonPathRole:
        return node->jsonPath;
    default:
        return {};
    }
}

bool ConditionTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    Node *node = nodeOf(index);
    if (!node)
        return false;
    switch (role) {
    case KindRole: {
        const auto kind = NodeKind(value.toInt());
        if (!node->isGroup() || kind == NodeKind::Condition || kind == node->kind)
            return kind == node->kind;
        node->kind = kind;
        break;
    }
    case FieldRole: {
        const QString field = value.toString();
        if (!node->isGroup() && field == node->field)
            return true;
        if (node->isGroup() || !fields().contains(field))
            return false;
        node->field = field;
        if (!opsFor(field).contains(node->op))
            node->op = editorDefaultOp(field);
        break;
    }
    case OpRole:
        if (node->isGroup() || !opsFor(node->field).contains(value.toString()))
            return false;
        if (node->op == value.toString())
            return true;
        node->op = value.toString();
        break;
    case ValueRole:
    case PathRole: {
        if (node->isGroup())
            return false;
        QString &target = role == ValueRole ? node->value : node->path;
        if (target == value.toString())
            return true;
        target = value.toString();
        break;
    }
    default:
        return false;
    }
    validate();
    emitAllChanged(m_root.get());
    Q_EMIT conditionChanged();
    return true;
}

void ConditionTreeModel::emitAllChanged(const Node *node)
{
    const QModelIndex at = indexOf(node);
    Q_EMIT dataChanged(at, at);
    for (const auto &c : node->children)
        emitAllChanged(c.get());
}

Qt::ItemFlags ConditionTreeModel::flags(const QModelIndex &index) const
{
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::NoItemFlags;
}

QHash<int, QByteArray> ConditionTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(FieldRole, "field");
    names.insert(OpRole, "op");
    names.insert(ValueRole, "value");
    names.insert(PathRole, "path");
    names.insert(ErrorRole, "error");
    names.insert(ErrorPartRole, "errorPart");
    names.insert(JsonPathRole, "jsonPath");
    return names;
}

QModelIndex ConditionTreeModel::insertNode(const QModelIndex &at, std::unique_ptr<Node> node)
{
    Node *target = nodeOf(at);
    if (!target)
        target = m_root.get();
    Node *group = nullptr;
    int row = 0;
    if (target->isGroup() && !(target->kind == NodeKind::Not && !target->children.empty())) {
        group = target;
        row = int(target->children.size());
    } else if (target->parent) {
        group = target->parent;
        row = target->row() + 1;
    }
    if (!group) {
        // A condition (or a full "not") at the root: put it into an "all" group with the new one.
        Node *added = node.get();
        beginResetModel();
        auto wrapper = std::make_unique<Node>();
        wrapper->adopt(std::move(m_root), 0);
        wrapper->adopt(std::move(node), 1);
        m_root = std::move(wrapper);
        validate();
        endResetModel();
        Q_EMIT conditionChanged();
        return indexOf(added);
    }
    Node *added = node.get();
    beginInsertRows(indexOf(group), row, row);
    group->adopt(std::move(node), row);
    endInsertRows();
    validate();
    emitAllChanged(m_root.get());
    Q_EMIT conditionChanged();
    return indexOf(added);
}

QModelIndex ConditionTreeModel::addCondition(const QModelIndex &at)
{
    auto node = std::make_unique<Node>();
    node->kind = NodeKind::Condition;
    node->field = QStringLiteral("topic");
    node->op = QStringLiteral("glob");
    return insertNode(at, std::move(node));
}

QModelIndex ConditionTreeModel::addGroup(const QModelIndex &at, NodeKind kind)
{
    if (kind == NodeKind::Condition)
        return addCondition(at);
    auto node = std::make_unique<Node>();
    node->kind = kind;
    return insertNode(at, std::move(node));
}

bool ConditionTreeModel::removeNode(const QModelIndex &index)
{
    Node *node = nodeOf(index);
    if (!node)
        return false;
    if (!node->parent) {
        beginResetModel();
        m_root = std::make_unique<Node>();
        validate();
        endResetModel();
    } else {
        Node *group = node->parent;
        const int row = node->row();
        beginRemoveRows(indexOf(group), row, row);
        group->children.erase(group->children.begin() + row);
        endRemoveRows();
        validate();
        emitAllChanged(m_root.get());
    }
    Q_EMIT conditionChanged();
    return true;
}

} // namespace fedmsg
