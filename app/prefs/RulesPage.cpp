// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "RulesPage.h"

#include "ConditionTreeEditor.h"
#include "RuleActionEditor.h"
#include "engine/RulePreview.h"
#include "engine/RuleStorage.h"
#include "model/ConditionTreeModel.h"
#include "rules/MessageTypeCatalog.h"
#include "rules/RuleError.h"
#include "rules/RuleFile.h"
#include "settings/Settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

#include <utility>

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

constexpr int IdRole = Qt::UserRole + 1;
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
    , m_new(new QPushButton(tr("&New rule"), this))
    , m_duplicate(new QPushButton(tr("Duplic&ate"), this))
    , m_delete(new QPushButton(tr("&Delete"), this))
    , m_undo(new QPushButton(tr("Undo de&lete"), this))
    , m_import(new QPushButton(tr("&Import…"), this))
    , m_export(new QPushButton(tr("E&xport…"), this))
    , m_tabs(new QTabWidget(this))
    , m_name(new QLineEdit(this))
    , m_conditionModel(new ConditionTreeModel(catalog, this))
    , m_conditions(new ConditionTreeEditor(m_conditionModel, this))
    , m_action(new RuleActionEditor(this))
    , m_editor(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
    , m_status(new QLabel(this))
    , m_preview(new QLabel(this))
    , m_matches(new QListWidget(this))
    , m_why(new QLabel(this))
{
    m_list->setAccessibleName(tr("Rules, checked in this order"));
    m_list->setAccessibleDescription(tr("Space switches a rule on or off; Ctrl+Up and Ctrl+Down "
                                        "move it; Delete removes it; Ctrl+Z brings it back"));
    m_list->installEventFilter(this);
    m_up->setAccessibleName(tr("Move the rule up"));
    m_down->setAccessibleName(tr("Move the rule down"));
    m_new->setAccessibleName(tr("New rule (starts switched off)"));
    m_duplicate->setAccessibleName(tr("Duplicate the rule"));
    m_delete->setAccessibleName(tr("Delete the rule"));
    m_undo->setAccessibleName(tr("Undo the last delete"));
    m_import->setAccessibleName(tr("Import rules from a file"));
    m_export->setAccessibleName(tr("Export the rules to a file"));
    m_undo->setEnabled(false);
    connect(m_up, &QPushButton::clicked, this, [this] {
        move(-1);
    });
    connect(m_down, &QPushButton::clicked, this, [this] {
        move(1);
    });
    connect(m_new, &QPushButton::clicked, this, &RulesPage::addRule);
    connect(m_duplicate, &QPushButton::clicked, this, &RulesPage::duplicateCurrent);
    connect(m_delete, &QPushButton::clicked, this, &RulesPage::removeCurrent);
    connect(m_undo, &QPushButton::clicked, this, &RulesPage::undoRemove);
    connect(m_import, &QPushButton::clicked, this, [this] {
        chooseFile(true);
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        chooseFile(false);
    });

    // The editor: name, condition tree and action; the JSON as an advanced view.
    m_name->setAccessibleName(tr("Rule name"));
    auto *form = new QWidget(m_tabs);
    auto *nameRow = new QFormLayout;
    auto *nameLabel = new QLabel(tr("Na&me:"), form);
    nameLabel->setBuddy(m_name);
    nameRow->addRow(nameLabel, m_name);
    auto *formLayout = new QVBoxLayout(form);
    formLayout->addLayout(nameRow);
    formLayout->addWidget(m_conditions, 1);
    formLayout->addWidget(m_action);
    m_editor->setAccessibleName(tr("The selected rule as JSON"));
    m_editor->setTabChangesFocus(true);
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_tabs->addTab(form, tr("Conditions and action"));
    m_tabs->addTab(m_editor, tr("&JSON (advanced)"));
    m_tabs->setAccessibleName(tr("Rule editor"));
    m_tabs->tabBar()->setAccessibleName(tr("Rule editor views"));

    m_error->setWordWrap(true);
    m_error->setAccessibleName(tr("Rule error"));
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Import and export result"));
    m_preview->setWordWrap(true);
    m_preview->setAccessibleName(tr("Rule preview"));
    m_matches->setAccessibleName(tr("Stored messages the rule matches"));
    m_matches->setAccessibleDescription(tr("Choose one to see why the rule matches it"));
    m_why->setWordWrap(true);
    m_why->setTextFormat(Qt::PlainText);
    m_why->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_why->setAccessibleName(tr("Why the rule matches the chosen message"));

    if (m_catalog) {
        QStringList services;
        QStringList types;
        for (const rules::MessageType &service : m_catalog->services()) {
            services << service.service;
            types << service.id;
            for (const rules::MessageType &kind : m_catalog->kinds(service.service))
                types << kind.id;
        }
        QHash<QString, QStringList> completions {
            { QStringLiteral("service"), services },
            { QStringLiteral("type"), types },
            { QStringLiteral("trust"),
                { QStringLiteral("trusted"),
                    QStringLiteral("untrusted"),
                    QStringLiteral("broker-unsigned"),
                    QStringLiteral("unchecked") } },
        };
        if (m_previewer) {
            completions.insert(QStringLiteral("usernames"), m_previewer->usersSeen());
            completions.insert(QStringLiteral("packages"), m_previewer->myPackages());
        }
        m_conditions->setCompletions(completions);
    }

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
    m_previewDelay.setSingleShot(true);
    m_previewDelay.setInterval(PreviewDelayMs);
    connect(&m_previewDelay, &QTimer::timeout, this, [this] {
        if (m_pendingPreview)
            runPreview(*std::exchange(m_pendingPreview, std::nullopt));
    });
    connect(m_name, &QLineEdit::textEdited, this, &RulesPage::formChanged);
    connect(m_conditionModel, &ConditionTreeModel::conditionChanged, this, &RulesPage::formChanged);
    connect(m_action, &RuleActionEditor::changed, this, &RulesPage::formChanged);
    connect(m_matches, &QListWidget::currentRowChanged, this, &RulesPage::showWhy);

    auto *buttons = new QVBoxLayout;
    for (QPushButton *button :
        { m_up, m_down, m_new, m_duplicate, m_delete, m_undo, m_import, m_export })
        buttons->addWidget(button);
    buttons->addStretch(1);
    auto *top = new QHBoxLayout;
    top->addWidget(m_list, 1);
    top->addLayout(buttons);
    auto *previewPane = new QVBoxLayout;
    previewPane->addWidget(m_preview);
    previewPane->addWidget(m_matches, 1);
    previewPane->addWidget(m_why);
    auto *middle = new QHBoxLayout;
    middle->addWidget(m_tabs, 3);
    middle->addLayout(previewPane, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addLayout(middle, 3);
    layout->addWidget(m_error);
    layout->addWidget(m_status);
    // Tab walks the page top to bottom: the list and its buttons, the editor, the preview (set
    // in full: the editor's widgets moved into the tab widget after they were made).
    const QList<QWidget *> chain { m_list,
        m_up,
        m_down,
        m_new,
        m_duplicate,
        m_delete,
        m_undo,
        m_import,
        m_export,
        m_tabs->tabBar(),
        m_name,
        m_conditions->tree(),
        m_conditions->kindBox(),
        m_conditions->fieldBox(),
        m_conditions->opBox(),
        m_conditions->pathEdit(),
        m_conditions->valueEdit(),
        m_conditions->addConditionButton(),
        m_conditions->addGroupButton(),
        m_conditions->removeButton(),
        m_action->kindBox(),
        m_action->urgencyBox(),
        m_action->stickyBox(),
        m_action->timeoutBox(),
        m_action->muteUntilEdit(),
        m_editor,
        m_matches };
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain.at(i - 1), chain.at(i));
    fillList();
    if (!m_set.rules.isEmpty())
        m_list->setCurrentRow(0);
    else
        showRule(-1);
    if (!m_loadProblems.isEmpty()) {
        // Saving from here would drop the rules that did not validate: change nothing.
        m_list->setEnabled(false);
        m_editor->setReadOnly(true);
        m_tabs->widget(0)->setEnabled(false);
        for (QPushButton *button :
            { m_up, m_down, m_new, m_duplicate, m_delete, m_undo, m_import, m_export })
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
    m_revisedRow = -1;
    const bool valid = row >= 0 && row < m_set.rules.size();
    m_tabs->setEnabled(valid);
    m_duplicate->setEnabled(valid && m_loadProblems.isEmpty());
    m_delete->setEnabled(valid && m_loadProblems.isEmpty());
    m_showing = true;
    const QSignalBlocker block(m_editor);
    if (!valid) {
        m_editor->clear();
        m_name->clear();
        m_conditionModel->setCondition({});
        m_previewDelay.stop();
        m_pendingPreview.reset();
        m_preview->clear();
        m_matches->clear();
        m_why->clear();
        if (m_loadProblems.isEmpty())
            m_error->clear();
        m_showing = false;
        return;
    }
    const rules::Rule &rule = m_set.rules.at(row);
    const QJsonObject json = rule.toJson();
    m_editor->setPlainText(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented)));
    m_name->setText(rule.name);
    m_conditionModel->setCondition(json.value(QStringLiteral("when")));
    m_action->setAction(rule.action);
    m_showing = false;
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

QString RulesPage::uniqueId(const QString &base) const
{
    const QString start = base.isEmpty() ? QStringLiteral("rule") : base;
    QString id = start;
    for (int n = 2; m_set.rule(id); ++n)
        id = start + QLatin1Char('-') + QString::number(n);
    return id;
}

void RulesPage::addRule()
{
    rules::Rule rule;
    rule.name = tr("New rule");
    rule.id = uniqueId(rules::Rule::idFromName(QStringLiteral("new rule")));
    rule.enabled = false; // a rule being written pops nothing up until it is switched on
    rule.action = rules::RuleAction::notify();
    const int row = m_list->currentRow() + 1;
    m_set.rules.insert(row, rule);
    save();
    fillList();
    m_list->setCurrentRow(row);
    showRule(row);
    m_name->setFocus(Qt::OtherFocusReason);
    m_name->selectAll();
}

void RulesPage::duplicateCurrent()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_set.rules.size())
        return;
    rules::Rule copy = m_set.rules.at(row);
    copy.name = tr("%1 (copy)").arg(copy.name.isEmpty() ? copy.id : copy.name);
    copy.id = uniqueId(copy.id + QStringLiteral("-copy"));
    copy.revision = 1;
    m_set.rules.insert(row + 1, copy);
    save();
    fillList();
    m_list->setCurrentRow(row + 1);
    showRule(row + 1);
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
    accept(row, *std::move(rule), true);
}

void RulesPage::formChanged()
{
    if (m_showing || !m_loadProblems.isEmpty())
        return;
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_set.rules.size())
        return;
    const QModelIndex bad = m_conditionModel->firstError();
    if (bad.isValid()) {
        m_error->setText(tr("Not saved: %1: %2")
                             .arg(bad.data(ConditionTreeModel::JsonPathRole).toString(),
                                 bad.data(ConditionTreeModel::ErrorRole).toString()));
        return;
    }
    QJsonObject json = m_set.rules.at(row).toJson();
    json.insert(QStringLiteral("name"), m_name->text());
    const QJsonValue when = m_conditionModel->toJson();
    if (when.isUndefined())
        json.remove(QStringLiteral("when"));
    else
        json.insert(QStringLiteral("when"), when);
    json.insert(QStringLiteral("then"), m_action->action().toJson());
    rules::RuleError error;
    std::optional<rules::Rule> rule = rules::Rule::fromJson(json, row, m_catalog, &error);
    if (!rule) {
        m_error->setText(tr("Not saved: %1").arg(error.toString()));
        return;
    }
    accept(row, *std::move(rule), false);
}

void RulesPage::accept(int row, rules::Rule rule, bool fromJson)
{
    if (!fromJson && m_revisedRow != row) {
        // One edit of the rule (however many keystrokes): decisions stored before name the
        // older revision, so "why" can say the rule changed since.
        rule.revision = m_set.rules.at(row).revision + 1;
        m_revisedRow = row;
    }
    m_error->clear();
    m_set.rules[row] = rule;
    save();
    {
        m_filling = true;
        QListWidgetItem *item = m_list->item(row);
        item->setText(rule.name.isEmpty() ? rule.id : rule.name);
        item->setCheckState(rule.enabled ? Qt::Checked : Qt::Unchecked);
        m_filling = false;
    }
    m_showing = true;
    if (fromJson) {
        m_name->setText(rule.name);
        m_conditionModel->setCondition(rule.toJson().value(QStringLiteral("when")));
        m_action->setAction(rule.action);
    } else {
        const QSignalBlocker block(m_editor);
        m_editor->setPlainText(
            QString::fromUtf8(QJsonDocument(rule.toJson()).toJson(QJsonDocument::Indented)));
    }
    m_showing = false;
    // An edit: the preview reads up to 10 000 stored messages (tens of ms); per keystroke it
    // would make typing stutter.
    schedulePreview(rule);
}

void RulesPage::schedulePreview(const rules::Rule &rule)
{
    m_pendingPreview = rule;
    m_previewDelay.start();
}

void RulesPage::runPreview(const rules::Rule &rule)
{
    m_previewDelay.stop();
    m_pendingPreview.reset();
    m_matches->clear();
    m_why->clear();
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
    for (qsizetype i = 0; i < result.ids.size(); ++i) {
        auto *item = new QListWidgetItem(result.titles.value(i), m_matches);
        item->setData(IdRole, result.ids.at(i));
    }
}

void RulesPage::showWhy()
{
    const int row = m_list->currentRow();
    const QListWidgetItem *item = m_matches->currentItem();
    if (!m_previewer || !item || row < 0 || row >= m_set.rules.size()) {
        m_why->clear();
        return;
    }
    QString error;
    const QStringList lines =
        m_previewer->explain(m_set.rules.at(row), item->data(IdRole).toLongLong(), &error);
    m_why->setText(
        lines.isEmpty() ? tr("Cannot say why: %1").arg(error) : lines.join(QLatin1Char('\n')));
}

void RulesPage::chooseFile(bool forImport)
{
    auto *dialog = new QFileDialog(this,
        forImport ? tr("Import rules") : tr("Export rules"),
        QDir::homePath(),
        tr("Rule files (*.json);;All files (*)"));
    dialog->setObjectName(QStringLiteral("rulesFileDialog"));
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    dialog->setAcceptMode(forImport ? QFileDialog::AcceptOpen : QFileDialog::AcceptSave);
    dialog->setFileMode(forImport ? QFileDialog::ExistingFile : QFileDialog::AnyFile);
    dialog->setDefaultSuffix(QStringLiteral("json"));
    connect(dialog, &QFileDialog::fileSelected, this, [this, forImport](const QString &path) {
        if (forImport)
            importFrom(path);
        else
            exportTo(path);
    });
    dialog->open();
}

bool RulesPage::importFrom(const QString &path)
{
    if (!m_loadProblems.isEmpty())
        return false;
    QList<rules::RuleError> errors;
    if (!RuleStorage::importFile(*m_settings, path, m_catalog, &errors)) {
        QStringList reasons;
        for (const rules::RuleError &error : std::as_const(errors))
            reasons << error.toString();
        m_status->setText(tr("Not imported, your rules are unchanged: %1")
                              .arg(reasons.join(QStringLiteral("; "))));
        return false;
    }
    QStringList problems;
    m_set = loadRules(*m_settings, m_catalog, &problems);
    m_removed.reset();
    m_undo->setEnabled(false);
    fillList();
    m_list->setCurrentRow(m_set.rules.isEmpty() ? -1 : 0);
    showRule(m_list->currentRow());
    m_status->setText(tr("Imported %1 rules from %2").arg(m_set.rules.size()).arg(path));
    return true;
}

bool RulesPage::exportTo(const QString &path)
{
    QString error;
    if (!rules::RuleFile::write(path, m_set, &error)) {
        m_status->setText(tr("Not exported: %1").arg(error));
        return false;
    }
    m_status->setText(tr("Exported %1 rules to %2").arg(m_set.rules.size()).arg(path));
    return true;
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
