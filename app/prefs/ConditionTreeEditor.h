// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QHash>
#include <QModelIndex>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QCompleter;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QStringListModel;
class QTreeView;

namespace fedmsg {

class ConditionTreeModel;

/**
 * @brief Edits a rule's condition tree: the tree (all / any / not groups nested to any depth,
 * Insert adds a condition, Delete removes the current node) and, for its current node, the
 * group kind or the condition's field, operator, JSON path and value, the value with completion
 * (setCompletions()). A part that does not validate shows its problem right below it.
 *
 * Keyboard: Alt+C adds a condition, Alt+G a group (into the current group, or after the current
 * condition), and focus moves to the new node's first field.
 */
class ConditionTreeEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ConditionTreeEditor(ConditionTreeModel *model, QWidget *parent = nullptr);

    /// Completion lists by field ("service", "type", "packages", "usernames", ...).
    void setCompletions(const QHash<QString, QStringList> &completions);
    /// Selects the first node (after the model was reset for another rule).
    void selectRoot();

    QTreeView *tree() const { return m_tree; }
    QComboBox *kindBox() const { return m_kind; }
    QComboBox *fieldBox() const { return m_field; }
    QComboBox *opBox() const { return m_op; }
    QLineEdit *pathEdit() const { return m_path; }
    QLineEdit *valueEdit() const { return m_value; }
    QCompleter *completer() const { return m_completer; }
    QPushButton *addConditionButton() const { return m_addCondition; }
    QPushButton *addGroupButton() const { return m_addGroup; }
    QPushButton *removeButton() const { return m_remove; }
    /// The problem shown below @p part ("kind", "field", "op", "path", "value").
    QLabel *errorLabel(const QString &part) const;
    QModelIndex currentIndex() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void addCondition();
    void addGroup();
    void removeCurrent();
    void select(const QModelIndex &index);
    void showNode();
    void showProblems();
    void fillOps(const QString &field, const QString &op);
    void updateCompletions();
    void valueEdited(const QString &text);
    void completionChosen(const QString &completion);

    ConditionTreeModel *m_model;
    QTreeView *m_tree;
    QPushButton *m_addCondition;
    QPushButton *m_addGroup;
    QPushButton *m_remove;
    QFormLayout *m_form;
    QComboBox *m_kind;
    QComboBox *m_field;
    QComboBox *m_op;
    QLineEdit *m_path;
    QLineEdit *m_value;
    QHash<QString, QLabel *> m_errors; ///< part -> label below it
    QCompleter *m_completer;
    QStringListModel *m_completionModel;
    QHash<QString, QStringList> m_completions;
    bool m_loading = false;
};

} // namespace fedmsg
