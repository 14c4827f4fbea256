// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "RulesPage.h"

#include "engine/RulePreview.h"
#include "engine/RuleStorage.h"
#include "rules/RuleError.h"
#include "settings/Settings.h"

#include <QHBoxLayout>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace fedmsg {

namespace {
// The stored rules, or the first-run rules when none are stored or they cannot be read (the
// applet keeps an unreadable document aside at its start; this page does not touch it).
rules::RuleSet loadRules(
    const Settings &settings, const rules::MessageTypeCatalog *catalog, QStringList *problems)
{
    const QByteArray json = settings.rulesJson();
    QList<rules::RuleError> errors;
    std::optional<rules::RuleSet> set =
        json.isEmpty() ? std::nullopt : rules::RuleSet::fromJson(json, catalog, &errors);
    for (const rules::RuleError &error : std::as_const(errors))
        problems->append(error.toString());
    return set ? *std::move(set) : RuleStorage::firstRunRules();
}
} // namespace

RulesPage::RulesPage(Settings *settings,
    const rules::MessageTypeCatalog *catalog,
    const RulePreview *preview,
    QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_catalog(catalog)
    , m_previewer(preview)
    , m_set(loadRules(*settings, catalog, &m_loadProblems))
    , m_list(new QListWidget(this))
    , m_up(new QPushButton(tr("Move &up"), this))
    , m_down(new QPushButton(tr("Move do&wn"), this))
    , m_delete(new QPushButton(tr("&Delete"), this))
    , m_undo(new QPushButton(tr("U&ndo delete"), this))
    , m_editor(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
    , m_preview(new QLabel(this))
{
    m_list->setAccessibleName(tr("Rules, checked in this order"));
    m_list->setAccessibleDescription(tr("Space switches a rule on or off; Ctrl+Up and Ctrl+Down "
                                        "move it; Delete removes it; Ctrl+Z brings it back"));
    m_list->installEventFilter(this);
    m_up->setAccessibleName(tr("Move the rule up"));
    m_down->setAccessibleName(tr("Move the rule down"));
    m_delete->setAccessibleName(tr("Delete the rule"));
    m_undo->setAccessibleName(tr("Undo the last delete"));
    m_undo->setEnabled(false);
    connect(m_up, &QPushButton::clicked, this, [this] {
        move(-1);
    });
    connect(m_down, &QPushButton::clicked, this, [this] {
        move(1);
    });
    connect(m_delete, &QPushButton::clicked, this, &RulesPage::removeCurrent);
    connect(m_undo, &QPushButton::clicked, this, &RulesPage::undoRemove);

    m_editor->setAccessibleName(tr("The selected rule as JSON"));
    m_editor->setTabChangesFocus(true);
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_error->setWordWrap(true);
    m_error->setAccessibleName(tr("Rule error"));
    m_preview->setWordWrap(true);
    m_preview->setAccessibleName(tr("Rule preview"));

    connect(m_list, &QListWidget::currentRowChanged, this, &RulesPage::showRule);
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (m_filling)
            return;
        const int row = m_list->row(item);
        if (row < 0 || row >= m_set.rules.size())
            return;
        m_set.rules[row].enabled = item->checkState() == Qt::Checked;
        save();
        showRule(row);
    });
    connect(m_editor, &QPlainTextEdit::textChanged, this, &RulesPage::editorChanged);

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);
    buttons->addWidget(m_delete);
    buttons->addWidget(m_undo);
    buttons->addStretch(1);
    auto *top = new QHBoxLayout;
    top->addWidget(m_list, 1);
    top->addLayout(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_preview);
    fillList();
    if (!m_set.rules.isEmpty())
        m_list->setCurrentRow(0);
    if (!m_loadProblems.isEmpty()) {
        // Saving from here would drop the rules that did not validate: change nothing.
        m_list->setEnabled(false);
        m_editor->setReadOnly(true);
        for (QPushButton *button : { m_up, m_down, m_delete, m_undo })
            button->setEnabled(false);
        m_error->setText(tr("The stored rules cannot be changed here until these are fixed in "
                            "the settings file (they are not in effect): %1")
                             .arg(m_loadProblems.join(QStringLiteral("; "))));
    }
}

void RulesPage::fillList()
{
    m_filling = true;
    const int current = m_list->currentRow();
    m_list->clear();
    for (const rules::Rule &rule : std::as_const(m_set.rules)) {
        auto *item = new QListWidgetItem(rule.name.isEmpty() ? rule.id : rule.name, m_list);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(rule.enabled ? Qt::Checked : Qt::Unchecked);
    }
    m_filling = false;
    if (current >= 0 && current < m_list->count())
        m_list->setCurrentRow(current);
}

void RulesPage::showRule(int row)
{
    if (m_filling)
        return;
    const QSignalBlocker block(m_editor);
    if (row < 0 || row >= m_set.rules.size()) {
        m_editor->clear();
        m_preview->clear();
        m_error->clear();
        return;
    }
    const rules::Rule &rule = m_set.rules.at(row);
    m_editor->setPlainText(
        QString::fromUtf8(QJsonDocument(rule.toJson()).toJson(QJsonDocument::Indented)));
    if (m_loadProblems.isEmpty())
        m_error->clear();
    runPreview(rule);
}

void RulesPage::move(int by)
{
    const int row = m_list->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_set.rules.size())
        return;
    m_set.rules.move(row, to);
    save();
    fillList();
    m_list->setCurrentRow(to);
}

void RulesPage::removeCurrent()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_set.rules.size())
        return;
    m_removed = std::make_pair(row, m_set.rules.takeAt(row));
    m_undo->setEnabled(true);
    save();
    fillList();
    m_list->setCurrentRow(std::min(row, int(m_set.rules.size()) - 1));
    showRule(m_list->currentRow());
}

void RulesPage::undoRemove()
{
    if (!m_removed)
        return;
    const int row = std::min(m_removed->first, int(m_set.rules.size()));
    m_set.rules.insert(row, m_removed->second);
    m_removed.reset();
    m_undo->setEnabled(false);
    save();
    fillList();
    m_list->setCurrentRow(row);
    showRule(row);
}

void RulesPage::editorChanged()
{
    if (!m_loadProblems.isEmpty())
        return;
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_set.rules.size())
        return;
    QJsonParseError parseError {};
    const QJsonDocument doc =
        QJsonDocument::fromJson(m_editor->toPlainText().toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        m_error->setText(tr("Not saved: not a JSON object (%1 at offset %2)")
                             .arg(parseError.errorString())
                             .arg(parseError.offset));
        return;
    }
    rules::RuleError error;
    std::optional<rules::Rule> rule = rules::Rule::fromJson(doc.object(), row, m_catalog, &error);
    if (!rule) {
        m_error->setText(tr("Not saved: %1").arg(error.toString()));
        return;
    }
    m_error->clear();
    m_set.rules[row] = *rule;
    save();
    {
        m_filling = true;
        QListWidgetItem *item = m_list->item(row);
        item->setText(rule->name.isEmpty() ? rule->id : rule->name);
        item->setCheckState(rule->enabled ? Qt::Checked : Qt::Unchecked);
        m_filling = false;
    }
    runPreview(*rule);
}

void RulesPage::runPreview(const rules::Rule &rule)
{
    if (!m_previewer) {
        m_preview->clear();
        return;
    }
    const RulePreviewResult result = m_previewer->run(rule);
    if (!result.error.isEmpty()) {
        m_preview->setText(tr("No preview: %1").arg(result.error));
        return;
    }
    m_preview->setText(tr("Matches %1 of the %2 messages stored in the last 7 days")
                           .arg(result.matched)
                           .arg(result.examined));
}

void RulesPage::save()
{
    RuleStorage::save(*m_settings, m_set);
}

bool RulesPage::eventFilter(QObject *watched, QEvent *event)
{
    const auto *key =
        event->type() == QEvent::KeyPress ? dynamic_cast<QKeyEvent *>(event) : nullptr;
    if (watched == m_list && key) {
        if (key->modifiers() == Qt::ControlModifier && key->key() == Qt::Key_Up) {
            move(-1);
            return true;
        }
        if (key->modifiers() == Qt::ControlModifier && key->key() == Qt::Key_Down) {
            move(1);
            return true;
        }
        if (key->modifiers() == Qt::NoModifier && key->key() == Qt::Key_Delete) {
            removeCurrent();
            return true;
        }
        if (key->modifiers() == Qt::ControlModifier && key->key() == Qt::Key_Z) {
            undoRemove();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace fedmsg
