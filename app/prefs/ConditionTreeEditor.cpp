// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "ConditionTreeEditor.h"

#include "model/ConditionTreeModel.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStringListModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace fedmsg {

namespace {
using Model = ConditionTreeModel;

QString fieldLabel(const QString &field)
{
    static const QHash<QString, const char *> labels {
        { QStringLiteral("topic"), QT_TRANSLATE_NOOP("fedmsg::ConditionTreeEditor", "topic") },
        { QStringLiteral("service"), QT_TRANSLATE_NOOP("fedmsg::ConditionTreeEditor", "service") },
        { QStringLiteral("type"),
            QT_TRANSLATE_NOOP("fedmsg::ConditionTreeEditor", "message type (service/kind)") },
        { QStringLiteral("bus"), QT_TRANSLATE_NOOP("fedmsg::ConditionTreeEditor", "bus") },
        { QStringLiteral("trust"), QT_TRANSLATE_NOOP("fedmsg::ConditionTreeEditor", "trust") },
        { QStringLiteral("usernames"), QT_TRANSLATE_NOOP("fedmsg::ConditionTreeEditor", "users") },
        { QStringLiteral("by-me"), QT_TRANSLATE_NOOP("fedmsg::ConditionTreeEditor", "by me") },
        { QStringLiteral("mentions-me"),
            QT_TRANSLATE_NOOP("fedmsg::ConditionTreeEditor", "mentions me") },
        { QStringLiteral("packages"),
            QT_TRANSLATE_NOOP("fedmsg::ConditionTreeEditor", "packages") },
        { QStringLiteral("body"),
            QT_TRANSLATE_NOOP("fedmsg::ConditionTreeEditor", "message body (JSON path)") },
        { QStringLiteral("title"), QT_TRANSLATE_NOOP("fedmsg::ConditionTreeEditor", "title") },
        { QStringLiteral("text"), QT_TRANSLATE_NOOP("fedmsg::ConditionTreeEditor", "text") },
    };
    const char *label = labels.value(field);
    return label ? ConditionTreeEditor::tr(label) : field;
}

QString opLabel(const QString &field, const QString &op)
{
    if (op == QLatin1String("glob"))
        return ConditionTreeEditor::tr("matches the pattern (* and ?)");
    if (op == QLatin1String("exact"))
        return ConditionTreeEditor::tr("is");
    if (op == QLatin1String("prefix"))
        return ConditionTreeEditor::tr("starts with");
    if (op == QLatin1String("regex") || op == QLatin1String("matches"))
        return ConditionTreeEditor::tr("matches the regular expression");
    if (op == QLatin1String("in"))
        return field == QLatin1String("packages") ? ConditionTreeEditor::tr("one of these")
                                                  : ConditionTreeEditor::tr("is one of");
    if (op == QLatin1String("any"))
        return ConditionTreeEditor::tr("include any of");
    if (op == QLatin1String("all"))
        return ConditionTreeEditor::tr("include all of");
    if (op == QLatin1String("maintained-by-me"))
        return ConditionTreeEditor::tr("maintained by me");
    if (op == QLatin1String("maintained-by"))
        return ConditionTreeEditor::tr("maintained by (accounts, @groups)");
    if (op == QLatin1String("installed"))
        return ConditionTreeEditor::tr("installed here");
    if (op == QLatin1String("contains"))
        return ConditionTreeEditor::tr("contains");
    if (op == QLatin1String("exists"))
        return ConditionTreeEditor::tr("exists");
    return op; // ==, !=, <, >
}

const QStringList Parts { QStringLiteral("kind"),
    QStringLiteral("field"),
    QStringLiteral("op"),
    QStringLiteral("path"),
    QStringLiteral("value") };
} // namespace

ConditionTreeEditor::ConditionTreeEditor(ConditionTreeModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_tree(new QTreeView(this))
    , m_addCondition(new QPushButton(tr("Add &condition"), this))
    , m_addGroup(new QPushButton(tr("Add &group"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_form(new QFormLayout)
    , m_kind(new QComboBox(this))
    , m_field(new QComboBox(this))
    , m_op(new QComboBox(this))
    , m_path(new QLineEdit(this))
    , m_value(new QLineEdit(this))
    , m_completer(new QCompleter(this))
    , m_completionModel(new QStringListModel(this))
{
    m_tree->setModel(m_model);
    m_tree->setHeaderHidden(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setAccessibleName(tr("Conditions of the rule"));
    m_tree->setAccessibleDescription(
        tr("Insert adds a condition, Delete removes the current condition or group"));
    m_tree->installEventFilter(this);
    m_addCondition->setAccessibleName(tr("Add a condition"));
    m_addGroup->setAccessibleName(tr("Add a group of conditions"));
    m_remove->setAccessibleName(tr("Remove the current condition or group"));

    m_kind->addItem(tr("all of (every condition holds)"), int(Model::NodeKind::All));
    m_kind->addItem(tr("any of (at least one holds)"), int(Model::NodeKind::Any));
    m_kind->addItem(tr("not (the condition does not hold)"), int(Model::NodeKind::Not));
    m_kind->setAccessibleName(tr("Group kind"));
    for (const QString &field : Model::fields())
        m_field->addItem(fieldLabel(field), field);
    m_field->setAccessibleName(tr("Field"));
    m_op->setAccessibleName(tr("Operator"));
    m_path->setAccessibleName(tr("JSON path in the message body"));
    m_path->setPlaceholderText(tr("e.g. msg.update.builds[0].nvr"));
    m_value->setAccessibleName(tr("Value"));
    m_value->setPlaceholderText(tr("several values separated by commas"));
    m_completer->setModel(m_completionModel);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setWidget(m_value);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);

    auto addRow = [&](const QString &label, QWidget *field, const QString &part) {
        auto *name = new QLabel(label, this);
        name->setBuddy(field);
        m_form->addRow(name, field);
        auto *error = new QLabel(this);
        error->setWordWrap(true);
        error->setAccessibleName(tr("Problem with the %1").arg(field->accessibleName()));
        error->setStyleSheet(QStringLiteral("color: #c01c28;"));
        m_form->addRow(error);
        m_form->setRowVisible(error, false);
        m_errors.insert(part, error);
    };
    addRow(tr("Group &kind:"), m_kind, QStringLiteral("kind"));
    addRow(tr("&Field:"), m_field, QStringLiteral("field"));
    addRow(tr("O&perator:"), m_op, QStringLiteral("op"));
    addRow(tr("JSON pat&h:"), m_path, QStringLiteral("path"));
    addRow(tr("&Value:"), m_value, QStringLiteral("value"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addCondition);
    buttons->addWidget(m_addGroup);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree, 1);
    layout->addLayout(buttons);
    layout->addLayout(m_form);
    setTabOrder(m_tree, m_kind);
    setTabOrder(m_kind, m_field);
    setTabOrder(m_field, m_op);
    setTabOrder(m_op, m_path);
    setTabOrder(m_path, m_value);
    setTabOrder(m_value, m_addCondition);
    setTabOrder(m_addCondition, m_addGroup);
    setTabOrder(m_addGroup, m_remove);

    connect(m_addCondition, &QPushButton::clicked, this, &ConditionTreeEditor::addCondition);
    connect(m_addGroup, &QPushButton::clicked, this, &ConditionTreeEditor::addGroup);
    connect(m_remove, &QPushButton::clicked, this, &ConditionTreeEditor::removeCurrent);
    connect(m_tree->selectionModel(),
        &QItemSelectionModel::currentChanged,
        this,
        &ConditionTreeEditor::showNode);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ConditionTreeEditor::selectRoot);
    connect(
        m_model, &ConditionTreeModel::conditionChanged, this, &ConditionTreeEditor::showProblems);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            m_model->setData(currentIndex(), m_kind->currentData(), Model::KindRole);
    });
    connect(m_field, &QComboBox::currentIndexChanged, this, [this] {
        if (m_loading)
            return;
        m_model->setData(currentIndex(), m_field->currentData(), Model::FieldRole);
        showNode();
    });
    connect(m_op, &QComboBox::currentIndexChanged, this, [this] {
        if (m_loading)
            return;
        m_model->setData(currentIndex(), m_op->currentData(), Model::OpRole);
        showNode();
    });
    connect(m_path, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_model->setData(currentIndex(), text, Model::PathRole);
    });
    connect(m_value, &QLineEdit::textEdited, this, &ConditionTreeEditor::valueEdited);
    connect(m_completer,
        qOverload<const QString &>(&QCompleter::activated),
        this,
        &ConditionTreeEditor::completionChosen);
    selectRoot();
}

QLabel *ConditionTreeEditor::errorLabel(const QString &part) const
{
    return m_errors.value(part);
}

QModelIndex ConditionTreeEditor::currentIndex() const
{
    const QModelIndex current = m_tree->currentIndex();
    return current.isValid() ? current : m_model->index(0, 0);
}

void ConditionTreeEditor::setCompletions(const QHash<QString, QStringList> &completions)
{
    m_completions = completions;
    updateCompletions();
}

void ConditionTreeEditor::selectRoot()
{
    m_tree->expandAll();
    select(m_model->index(0, 0));
}

void ConditionTreeEditor::select(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
        m_tree->expand(p);
    m_tree->setCurrentIndex(index);
    showNode();
}

void ConditionTreeEditor::addCondition()
{
    select(m_model->addCondition(currentIndex()));
    m_tree->expandAll();
    m_field->setFocus(Qt::ShortcutFocusReason);
}

void ConditionTreeEditor::addGroup()
{
    select(m_model->addGroup(currentIndex()));
    m_tree->expandAll();
    m_kind->setFocus(Qt::ShortcutFocusReason);
}

void ConditionTreeEditor::removeCurrent()
{
    const QModelIndex current = currentIndex();
    const QModelIndex parent = current.parent();
    const int row = current.row();
    m_model->removeNode(current);
    if (parent.isValid()) {
        const int rows = m_model->rowCount(parent);
        select(rows == 0 ? parent : m_model->index(std::min(row, rows - 1), 0, parent));
    }
}

void ConditionTreeEditor::showNode()
{
    const QModelIndex index = currentIndex();
    const auto kind = Model::NodeKind(index.data(Model::KindRole).toInt());
    const bool group = kind != Model::NodeKind::Condition;
    const QString field = index.data(Model::FieldRole).toString();
    const QString op = index.data(Model::OpRole).toString();
    m_loading = true;
    if (group)
        m_kind->setCurrentIndex(m_kind->findData(int(kind)));
    else
        m_field->setCurrentIndex(m_field->findData(field));
    fillOps(field, op);
    if (m_path->text() != index.data(Model::PathRole).toString())
        m_path->setText(index.data(Model::PathRole).toString());
    if (m_value->text() != index.data(Model::ValueRole).toString())
        m_value->setText(index.data(Model::ValueRole).toString());
    m_loading = false;
    m_form->setRowVisible(m_kind, group);
    m_form->setRowVisible(m_field, !group);
    m_form->setRowVisible(m_op, !group && !Model::opsFor(field).isEmpty());
    m_form->setRowVisible(m_path, !group && Model::takesPath(field));
    m_form->setRowVisible(m_value, !group && Model::takesValue(field, op));
    m_remove->setEnabled(index.parent().isValid() || m_model->rowCount(index) > 0 || !group);
    updateCompletions();
    showProblems();
}

void ConditionTreeEditor::fillOps(const QString &field, const QString &op)
{
    m_op->clear();
    for (const QString &o : Model::opsFor(field))
        m_op->addItem(opLabel(field, o), o);
    m_op->setCurrentIndex(std::max(0, m_op->findData(op)));
}

void ConditionTreeEditor::showProblems()
{
    const QModelIndex index = currentIndex();
    const QString error = index.data(Model::ErrorRole).toString();
    const QString part = index.data(Model::ErrorPartRole).toString();
    for (const QString &p : Parts) {
        QLabel *label = m_errors.value(p);
        const bool here = !error.isEmpty() && p == part;
        label->setText(here ? error : QString());
        m_form->setRowVisible(label, here);
    }
    for (const auto &[p, widget] :
        { std::pair<QString, QWidget *> { QStringLiteral("kind"), m_kind },
            std::pair<QString, QWidget *> { QStringLiteral("field"), m_field },
            std::pair<QString, QWidget *> { QStringLiteral("op"), m_op },
            std::pair<QString, QWidget *> { QStringLiteral("path"), m_path },
            std::pair<QString, QWidget *> { QStringLiteral("value"), m_value } }) {
        const bool here = !error.isEmpty() && p == part;
        widget->setProperty("invalid", here);
        widget->setAccessibleDescription(here ? error : QString());
    }
}

void ConditionTreeEditor::updateCompletions()
{
    const QString field = currentIndex().data(Model::FieldRole).toString();
    QStringList list = m_completions.value(field);
    if (field == QLatin1String("packages")
        && currentIndex().data(Model::OpRole).toString() == QLatin1String("maintained-by"))
        list = m_completions.value(QStringLiteral("usernames"));
    m_completionModel->setStringList(list);
}

void ConditionTreeEditor::valueEdited(const QString &text)
{
    m_model->setData(currentIndex(), text, Model::ValueRole);
    // Complete the value being typed: the last one of a comma-separated list.
    const QString last = text.section(QLatin1Char(','), -1).trimmed();
    if (last.isEmpty() || m_completionModel->rowCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(last);
    if (m_completer->completionCount() > 0)
        m_completer->complete();
    else
        m_completer->popup()->hide();
}

void ConditionTreeEditor::completionChosen(const QString &completion)
{
    QString text = m_value->text();
    const qsizetype comma = text.lastIndexOf(QLatin1Char(','));
    text = comma < 0 ? completion : text.left(comma + 1) + QLatin1Char(' ') + completion;
    m_value->setText(text);
    m_model->setData(currentIndex(), text, Model::ValueRole);
}

bool ConditionTreeEditor::eventFilter(QObject *watched, QEvent *event)
{
    const auto *key =
        event->type() == QEvent::KeyPress ? dynamic_cast<QKeyEvent *>(event) : nullptr;
    if (watched == m_tree && key) {
        if (key->modifiers() == Qt::NoModifier && key->key() == Qt::Key_Insert) {
            addCondition();
            return true;
        }
        if (key->modifiers() == Qt::NoModifier && key->key() == Qt::Key_Delete) {
            removeCurrent();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace fedmsg
