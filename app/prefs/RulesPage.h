// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "rules/Rule.h"
#include "rules/RuleSet.h"

#include <QStringList>
#include <QTimer>
#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace fedmsg {

class ConditionTreeEditor;
class ConditionTreeModel;
class RuleActionEditor;
class RulePreview;
class Settings;

/**
 * @brief Preferences page "Rules": the ordered rules with an on/off check box each
 * (Ctrl+Up / Ctrl+Down or the buttons reorder, Delete removes, Ctrl+Z brings the last removed
 * one back; new, duplicate, import and export), and an editor of the selected rule: its name,
 * its condition tree (ConditionTreeEditor over a ConditionTreeModel) and its action, or, as an
 * advanced view, its JSON (the rule file's format). Every edit is validated by lib/rules as it
 * is typed: a rule that does not validate shows the problem at its field and is not saved; one
 * that does is saved at once and previewed over the last 7 days of history (the count, the
 * matching messages, and why for a chosen one).
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
    QTabWidget *editorTabs() const { return m_tabs; }
    /// The advanced view: the selected rule's JSON.
    QPlainTextEdit *editor() const { return m_editor; }
    QLineEdit *nameEdit() const { return m_name; }
    ConditionTreeEditor *conditionEditor() const { return m_conditions; }
    ConditionTreeModel *conditionModel() const { return m_conditionModel; }
    RuleActionEditor *actionEditor() const { return m_action; }
    QPushButton *newButton() const { return m_new; }
    QPushButton *duplicateButton() const { return m_duplicate; }
    QPushButton *importButton() const { return m_import; }
    QPushButton *exportButton() const { return m_export; }
    QLabel *errorLabel() const { return m_error; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *previewLabel() const { return m_preview; }
    QListWidget *matchList() const { return m_matches; }
    QLabel *whyLabel() const { return m_why; }
    const rules::RuleSet &ruleSet() const { return m_set; }

    /// Replaces the rules by a rule file's, all or nothing (what Import… does with the chosen
    /// file); a file with any problem changes nothing and the reason is shown.
    bool importFrom(const QString &path);
    /// Writes the rules to a rule file (what Export… does).
    bool exportTo(const QString &path);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fillList();
    void showRule(int row);
    void move(int by);
    void addRule();
    void duplicateCurrent();
    void removeCurrent();
    void undoRemove();
    void editorChanged();
    void formChanged();
    void accept(int row, rules::Rule rule, bool fromJson);
    void runPreview(const rules::Rule &rule);
    /// How long typing pauses before the preview of the edited rule runs.
    static constexpr int PreviewDelayMs = 300;
    /// The preview of a rule being typed: once typing pauses (PreviewDelayMs), not per key.
    void schedulePreview(const rules::Rule &rule);
    void showWhy();
    void chooseFile(bool forImport);
    QString uniqueId(const QString &base) const;
    void save();

    Settings *m_settings;
    const rules::MessageTypeCatalog *m_catalog;
    const RulePreview *m_previewer;
    QStringList m_loadProblems; ///< stored rules that did not validate (declared before m_set)
    rules::RuleSet m_set;
    std::optional<std::pair<int, rules::Rule>> m_removed; ///< for undo
    int m_revisedRow = -1; ///< the row whose revision was raised since it was selected
    bool m_filling = false;
    bool m_showing = false; ///< the editors are being filled from a rule: not an edit
    QTimer m_previewDelay; ///< single shot: typing paused, preview m_pendingPreview
    std::optional<rules::Rule> m_pendingPreview;
    QListWidget *m_list = nullptr;
    QPushButton *m_up = nullptr;
    QPushButton *m_down = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_duplicate = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_undo = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_export = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_name = nullptr;
    ConditionTreeModel *m_conditionModel = nullptr;
    ConditionTreeEditor *m_conditions = nullptr;
    RuleActionEditor *m_action = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_preview = nullptr;
    QListWidget *m_matches = nullptr;
    QLabel *m_why = nullptr;
};

} // namespace fedmsg
