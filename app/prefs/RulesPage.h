// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "rules/Rule.h"
#include "rules/RuleSet.h"

#include <QStringList>
#include <QWidget>

#include <optional>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace fedmsg {

class RulePreview;
class Settings;

/**
 * @brief Preferences page "Rules": the ordered rules with an on/off check box each
 * (Ctrl+Up / Ctrl+Down or the buttons reorder, Delete removes, Ctrl+Z brings the last removed
 * one back), and a plain editor of the selected rule's JSON (the rule file's format), validated
 * as it is typed by lib/rules: a rule that does not validate shows its field and problem and is
 * not saved; one that does is saved at once and previewed over the last 7 days of history.
 * Not done yet: the condition-tree editor, duplicate, import/export.
 */
class RulesPage : public QWidget
{
    Q_OBJECT
public:
    /// @p preview may be null (no preview).
    RulesPage(Settings *settings,
        const rules::MessageTypeCatalog *catalog,
        const RulePreview *preview,
        QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    QPlainTextEdit *editor() const { return m_editor; }
    QLabel *errorLabel() const { return m_error; }
    QLabel *previewLabel() const { return m_preview; }
    const rules::RuleSet &ruleSet() const { return m_set; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fillList();
    void showRule(int row);
    void move(int by);
    void removeCurrent();
    void undoRemove();
    void editorChanged();
    void runPreview(const rules::Rule &rule);
    void save();

    Settings *m_settings;
    const rules::MessageTypeCatalog *m_catalog;
    const RulePreview *m_previewer;
    QStringList m_loadProblems; ///< stored rules that did not validate (declared before m_set)
    rules::RuleSet m_set;
    std::optional<std::pair<int, rules::Rule>> m_removed; ///< for undo
    bool m_filling = false;
    QListWidget *m_list = nullptr;
    QPushButton *m_up = nullptr;
    QPushButton *m_down = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_undo = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_preview = nullptr;
};

} // namespace fedmsg
