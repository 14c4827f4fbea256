// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The preferences' Rules page driven with real key events on xcb under the headless harness,
// over a real Settings file, a real History (SQLite in a temporary directory), the real
// rendering catalog and the real RulePreview: a nested rule written with the keyboard alone,
// the preview, validation at the field, duplicate, export/import through the file dialog.
#include "../history/HistoryTestData.h"
#include "ConditionTreeEditor.h"
#include "RuleActionEditor.h"
#include "RulesPage.h"
#include "engine/RulePreview.h"
#include "history/History.h"
#include "model/ConditionTreeModel.h"
#include "render/Renderer.h"
#include "rules/MessageTypeCatalog.h"
#include "rules/RuleFile.h"
#include "rules/RuleSet.h"
#include "rules/RulesStage.h"
#include "settings/Settings.h"

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QFile>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <chrono>
#include <memory>

using namespace fedmsg;
using Model = ConditionTreeModel;

class TestRuleEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void nestedRuleWithTheKeyboardAlone();
    void reorderAndDuplicate();
    void invalidRegexIsShownAtItsFieldAndNotSaved();
    void previewCountAndWhy();
    void valueCompletion();
    void exportThenImportRoundTrip();
    void badImportIsRefusedAndRulesKept_data();
    void badImportIsRefusedAndRulesKept();
    void everyInteractiveWidgetHasAnAccessibleName();
    void tabReachesEveryControl();

private:
    /// The page over m_settings, shown as a window of its own and active.
    std::unique_ptr<RulesPage> makePage();
    /// Presses Alt+@p key and waits for the file dialog it opens; selects @p path in it.
    void useFileDialog(RulesPage *page, Qt::Key key, const QString &path);

    Renderer m_renderer;
    std::shared_ptr<rules::MessageTypeCatalog> m_catalog;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<History> m_history;
    std::unique_ptr<rules::RulesStage> m_stage;
    std::unique_ptr<RulePreview> m_preview;
};

namespace {
const QByteArray ThreeRules = R"j({"format": "fedmsg-notify-rules", "version": 1,
 "default": {"action": "history"},
 "rules": [
  {"id": "a", "name": "A", "enabled": true,
   "when": {"field": "topic", "op": "glob", "value": "*.bodhi.*"}, "then": {"action": "notify"}},
  {"id": "b", "name": "B", "enabled": true,
   "when": {"field": "service", "value": ["copr"]}, "then": {"action": "notify"}},
  {"id": "c", "name": "C", "enabled": true,
   "when": {"field": "topic", "op": "prefix", "value": "org."}, "then": {"action": "drop"}}]})j";

const QString Build = QStringLiteral("org.fedoraproject.prod.buildsys.build.state.change");
const QString Comment = QStringLiteral("org.fedoraproject.prod.bodhi.update.comment");

/// Presses @p key on whatever has the keyboard focus (as a user would).
void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget *focus = QApplication::focusWidget();
    QVERIFY(focus);
    QTest::keyClick(focus, key, modifiers);
}

/// Types @p text into whatever has the keyboard focus.
void type(const QString &text)
{
    QWidget *focus = QApplication::focusWidget();
    QVERIFY(focus);
    QTest::keyClicks(focus, text);
}

QJsonArray storedRules(const Settings &settings)
{
    return QJsonDocument::fromJson(settings.rulesJson())
        .object()
        .value(QStringLiteral("rules"))
        .toArray();
}

QJsonValue parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray("[") + json + "]").array().at(0);
}

void writeFile(const QString &path, const QByteArray &contents)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(contents), contents.size());
}
} // namespace

void TestRuleEditor::initTestCase()
{
    m_catalog = std::make_shared<rules::MessageTypeCatalog>(m_renderer);
    QVERIFY(m_catalog->hasService(QStringLiteral("buildsys")));
    // Each typed letter starts a new type-ahead search in a combo box: the test types faster
    // than a person, and an earlier letter must not join the next search.
    QApplication::setKeyboardInputInterval(0);
}

void TestRuleEditor::init()
{
    if (qEnvironmentVariableIsEmpty("FEDMSG_HEADLESS_INNER"))
        QSKIP("needs the X display of tests/run-headless.sh");
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<Settings>(m_dir->filePath(QStringLiteral("settings.conf")));
    HistoryOptions options;
    options.databasePath = m_dir->filePath(QStringLiteral("history.sqlite"));
    options.commitDelay = std::chrono::milliseconds(10);
    m_history = std::make_unique<History>(options);
    QTRY_VERIFY_WITH_TIMEOUT(m_history->isReady(), 20000);
    m_history->store({ testdata::makeRecord(QStringLiteral("1"),
                           Comment,
                           QStringLiteral("comment one"),
                           { QStringLiteral("alice") },
                           {},
                           QStringLiteral("bodhi")),
        testdata::makeRecord(QStringLiteral("2"),
            Comment,
            QStringLiteral("comment two"),
            { QStringLiteral("bob") },
            {},
            QStringLiteral("bodhi")),
        testdata::makeRecord(QStringLiteral("3"),
            Build,
            QStringLiteral("build of python-foo"),
            { QStringLiteral("carol") },
            { QStringLiteral("python-foo") },
            QStringLiteral("buildsys")) });
    QTRY_COMPARE_WITH_TIMEOUT(m_history->count({}), 3, 20000);
    m_stage = std::make_unique<rules::RulesStage>(m_catalog);
    m_stage->setContext(rules::RuleContext { QStringLiteral("me"), nullptr, {} });
    m_preview = std::make_unique<RulePreview>(*m_history, m_renderer, *m_stage);
}

void TestRuleEditor::cleanup()
{
    m_preview.reset();
    m_stage.reset();
    m_history.reset();
    m_settings.reset();
    m_dir.reset();
}

std::unique_ptr<RulesPage> TestRuleEditor::makePage()
{
    auto page = std::make_unique<RulesPage>(m_settings.get(), m_catalog.get(), m_preview.get());
    page->resize(900, 800);
    page->show();
    page->activateWindow();
    if (!QTest::qWaitForWindowActive(page.get()))
        return nullptr;
    page->list()->setFocus();
    if (!QTest::qWaitFor([&] {
            return QApplication::focusWidget() == page->list();
        }))
        return nullptr;
    return page;
}

void TestRuleEditor::useFileDialog(RulesPage *page, Qt::Key key, const QString &path)
{
    press(key, Qt::AltModifier);
    QPointer<QFileDialog> dialog;
    QTRY_VERIFY((dialog = page->findChild<QFileDialog *>(QStringLiteral("rulesFileDialog")))
        && dialog->isVisible());
    // Type the file's path where the dialog puts the focus, and Enter.
    QTRY_VERIFY(dialog->isAncestorOf(QApplication::focusWidget()));
    auto *name = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(name);
    name->selectAll();
    type(path);
    press(Qt::Key_Return);
    QTRY_VERIFY(!dialog);
    page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(page));
}

// "koji builds of my packages except mine", from an empty profile, with keys only.
void TestRuleEditor::nestedRuleWithTheKeyboardAlone()
{
    const auto page = makePage();
    QVERIFY(page);
    QCOMPARE(page->list()->count(), 0);
    ConditionTreeEditor *conditions = page->conditionEditor();

    // A button's mnemonic clicks it after a short animation: wait for what it does.
    press(Qt::Key_N, Qt::AltModifier); // New rule
    QTRY_COMPARE(page->list()->count(), 1);
    QTRY_COMPARE(QApplication::focusWidget(), page->nameEdit());
    QCOMPARE(storedRules(*m_settings).size(), 1);
    QCOMPARE(storedRules(*m_settings).at(0)[QStringLiteral("enabled")].toBool(), false);
    press(Qt::Key_A, Qt::ControlModifier);
    type(QStringLiteral("Koji builds of my packages except mine"));

    press(Qt::Key_C, Qt::AltModifier); // a condition: topic matches the pattern ...
    QTRY_COMPARE(QApplication::focusWidget(), conditions->fieldBox());
    QCOMPARE(conditions->fieldBox()->currentData().toString(), QStringLiteral("topic"));
    press(Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), conditions->opBox());
    QCOMPARE(conditions->opBox()->currentData().toString(), QStringLiteral("glob"));
    press(Qt::Key_Tab); // the JSON path row is hidden for a topic
    QCOMPARE(QApplication::focusWidget(), conditions->valueEdit());
    type(QStringLiteral("*.buildsys.build.state.change"));
    // The preview follows as the rule is typed (once typing pauses): the one build of the three
    // messages.
    QTRY_VERIFY2(page->previewLabel()->text().contains(QStringLiteral("Matches 1 of the 3")),
        qPrintable(page->previewLabel()->text()));

    press(Qt::Key_C, Qt::AltModifier); // after it: packages I maintain
    QTRY_COMPARE(conditions->tree()->currentIndex().row(), 1);
    QTRY_COMPARE(QApplication::focusWidget(), conditions->fieldBox());
    type(QStringLiteral("p"));
    QCOMPARE(conditions->fieldBox()->currentData().toString(), QStringLiteral("packages"));
    QCOMPARE(conditions->opBox()->currentData().toString(), QStringLiteral("maintained-by-me"));

    press(Qt::Key_G, Qt::AltModifier); // a group after it ...
    QTRY_COMPARE(QApplication::focusWidget(), conditions->kindBox());
    type(QStringLiteral("n")); // ... made a "not"
    QCOMPARE(conditions->kindBox()->currentData().toInt(), int(Model::NodeKind::Not));
    QVERIFY(conditions->errorLabel(QStringLiteral("kind"))->isVisible()); // empty "not" yet
    const QByteArray halfway = m_settings->rulesJson();
    press(Qt::Key_C, Qt::AltModifier); // into the "not": by me
    QTRY_VERIFY(conditions->tree()->currentIndex().parent().isValid()
        && conditions->tree()->currentIndex().parent().parent().isValid());
    QTRY_COMPARE(QApplication::focusWidget(), conditions->fieldBox());
    type(QStringLiteral("b")); // bus ...
    QCOMPARE(conditions->fieldBox()->currentData().toString(), QStringLiteral("bus"));
    for (int i = 0; i < 3; ++i) // ... trust, users, by me
        press(Qt::Key_Down);
    QCOMPARE(conditions->fieldBox()->currentData().toString(), QStringLiteral("by-me"));
    QVERIFY(!conditions->errorLabel(QStringLiteral("kind"))->isVisible());
    QVERIFY(m_settings->rulesJson() != halfway);

    press(Qt::Key_Y, Qt::AltModifier); // urgency: critical
    QCOMPARE(QApplication::focusWidget(), page->actionEditor()->urgencyBox());
    type(QStringLiteral("c"));

    // Back to the list and switch the rule on.
    for (int i = 0; i < 40 && QApplication::focusWidget() != page->list(); ++i)
        press(Qt::Key_Tab, Qt::ShiftModifier);
    QCOMPARE(QApplication::focusWidget(), page->list());
    press(Qt::Key_Space);

    const QJsonArray stored = storedRules(*m_settings);
    QCOMPARE(stored.size(), 1);
    const QJsonObject rule = stored.at(0).toObject();
    QCOMPARE(rule[QStringLiteral("name")].toString(),
        QStringLiteral("Koji builds of my packages except mine"));
    QCOMPARE(rule[QStringLiteral("enabled")].toBool(), true);
    const QJsonValue when = parse(R"j({"all": [
            {"field": "topic", "op": "glob", "value": "*.buildsys.build.state.change"},
            {"field": "packages", "op": "maintained-by-me"},
            {"not": {"field": "by-me"}}]})j");
    QCOMPARE(rule[QStringLiteral("when")], when);
    QCOMPARE(
        rule[QStringLiteral("then")], parse(R"j({"action": "notify", "urgency": "critical"})j"));
    // The page's count is RulePreview's for the saved rule (no package source here: the
    // package condition is not known, so nothing matches for sure).
    const RulePreviewResult expected = m_preview->run(page->ruleSet().rules.at(0));
    QCOMPARE(expected.examined, 3);
    QVERIFY2(page->previewLabel()->text().contains(
                 QStringLiteral("Matches %1 of the 3").arg(expected.matched)),
        qPrintable(page->previewLabel()->text()));
    QCOMPARE(page->matchList()->count(), int(expected.ids.size()));
    // The JSON view shows the same rule.
    QCOMPARE(QJsonDocument::fromJson(page->editor()->toPlainText().toUtf8()).object(), rule);
}

void TestRuleEditor::reorderAndDuplicate()
{
    m_settings->setRulesJson(ThreeRules);
    const auto page = makePage();
    QVERIFY(page);
    auto ids = [this] {
        QStringList out;
        for (const auto &r : storedRules(*m_settings))
            out << r[QStringLiteral("id")].toString();
        return out;
    };
    press(Qt::Key_Down, Qt::ControlModifier); // A below B
    QCOMPARE(ids(), QStringList({ QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("c") }));
    press(Qt::Key_A, Qt::AltModifier); // Duplicate A
    QTRY_COMPARE(ids(),
        QStringList({ QStringLiteral("b"),
            QStringLiteral("a"),
            QStringLiteral("a-copy"),
            QStringLiteral("c") }));
    const QJsonArray stored = storedRules(*m_settings);
    QCOMPARE(stored.at(2)[QStringLiteral("name")].toString(), QStringLiteral("A (copy)"));
    QCOMPARE(stored.at(2)[QStringLiteral("when")], stored.at(1)[QStringLiteral("when")]);
    QCOMPARE(page->list()->currentRow(), 2);
    QCOMPARE(page->nameEdit()->text(), QStringLiteral("A (copy)"));
    // A second copy of A gets an id of its own.
    page->list()->setCurrentRow(1);
    press(Qt::Key_A, Qt::AltModifier);
    QTRY_COMPARE(ids().size(), 5);
    QCOMPARE(ids().at(2), QStringLiteral("a-copy-2"));
}

void TestRuleEditor::invalidRegexIsShownAtItsFieldAndNotSaved()
{
    m_settings->setRulesJson(ThreeRules);
    const auto page = makePage();
    QVERIFY(page);
    ConditionTreeEditor *conditions = page->conditionEditor();
    QCOMPARE(conditions->valueEdit()->text(), QStringLiteral("*.bodhi.*"));
    const QByteArray before = m_settings->rulesJson();
    press(Qt::Key_P, Qt::AltModifier); // Operator
    QCOMPARE(QApplication::focusWidget(), conditions->opBox());
    press(Qt::Key_End); // matches the regular expression
    QCOMPARE(conditions->opBox()->currentData().toString(), QStringLiteral("regex"));
    press(Qt::Key_V, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), conditions->valueEdit());
    press(Qt::Key_A, Qt::ControlModifier);
    type(QStringLiteral("(unclosed"));
    QLabel *atValue = conditions->errorLabel(QStringLiteral("value"));
    QVERIFY(atValue->isVisible());
    QVERIFY2(atValue->text().contains(QStringLiteral("bad regex")), qPrintable(atValue->text()));
    QVERIFY(conditions->valueEdit()->property("invalid").toBool());
    QVERIFY(conditions->valueEdit()->accessibleDescription().contains(QStringLiteral("regex")));
    QVERIFY(!conditions->errorLabel(QStringLiteral("op"))->isVisible());
    QVERIFY(page->errorLabel()->text().contains(QStringLiteral("Not saved")));
    QVERIFY(
        conditions->tree()->currentIndex().data().toString().contains(QStringLiteral("bad regex")));
    QCOMPARE(m_settings->rulesJson(), before); // not saved
    // Fixed: saved at once, the problem gone.
    press(Qt::Key_A, Qt::ControlModifier);
    type(QStringLiteral("(closed)"));
    QVERIFY(!atValue->isVisible());
    QVERIFY(!conditions->valueEdit()->property("invalid").toBool());
    QCOMPARE(page->errorLabel()->text(), QString());
    const QJsonObject saved = storedRules(*m_settings).at(0).toObject();
    QCOMPARE(saved[QStringLiteral("when")],
        parse(R"j({"field": "topic", "op": "regex", "value": "(closed)"})j"));
    QCOMPARE(saved[QStringLiteral("revision")].toInt(), 2); // one edit, one revision
}

void TestRuleEditor::previewCountAndWhy()
{
    m_settings->setRulesJson(ThreeRules);
    const auto page = makePage();
    QVERIFY(page);
    for (int row = 0; row < 3; ++row) {
        page->list()->setCurrentRow(row);
        const RulePreviewResult expected = m_preview->run(page->ruleSet().rules.at(row));
        QVERIFY2(page->previewLabel()->text().contains(QStringLiteral("Matches %1 of the %2")
                                                           .arg(expected.matched)
                                                           .arg(expected.examined)),
            qPrintable(page->previewLabel()->text()));
        QCOMPARE(page->matchList()->count(), int(expected.ids.size()));
    }
    page->list()->setCurrentRow(0); // A: *.bodhi.*, the two comments
    QCOMPARE(page->matchList()->count(), 2);
    QCOMPARE(page->matchList()->item(0)->text(), QStringLiteral("comment two")); // newest first
    page->matchList()->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), page->matchList());
    press(Qt::Key_Down);
    QVERIFY(page->matchList()->currentRow() >= 0);
    const QString why = page->whyLabel()->text();
    QVERIFY2(why.contains(QStringLiteral("'A'")) && why.contains(QStringLiteral("*.bodhi.*"))
            && why.contains(QStringLiteral("✓")),
        qPrintable(why));
}

void TestRuleEditor::valueCompletion()
{
    m_settings->setRulesJson(ThreeRules);
    const auto page = makePage();
    QVERIFY(page);
    page->list()->setCurrentRow(1); // B: service copr
    ConditionTreeEditor *conditions = page->conditionEditor();
    QCOMPARE(conditions->fieldBox()->currentData().toString(), QStringLiteral("service"));
    press(Qt::Key_V, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), conditions->valueEdit());
    press(Qt::Key_End);
    type(QStringLiteral(", bod"));
    QCompleter *completer = conditions->completer();
    QTRY_VERIFY(completer->popup()->isVisible());
    QCOMPARE(completer->currentCompletion(), QStringLiteral("bodhi"));
    QTest::keyClick(completer->popup(), Qt::Key_Down);
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    QCOMPARE(conditions->valueEdit()->text(), QStringLiteral("copr, bodhi"));
    QCOMPARE(storedRules(*m_settings).at(1)[QStringLiteral("when")],
        parse(R"j({"field": "service", "value": ["copr", "bodhi"]})j"));
    // Users seen in the history complete a users condition.
    QVERIFY(QTest::qWaitFor([&] {
        return QApplication::focusWidget() == conditions->valueEdit();
    }));
    press(Qt::Key_F, Qt::AltModifier);
    type(QStringLiteral("u"));
    QCOMPARE(conditions->fieldBox()->currentData().toString(), QStringLiteral("usernames"));
    press(Qt::Key_V, Qt::AltModifier);
    press(Qt::Key_A, Qt::ControlModifier);
    type(QStringLiteral("ca"));
    QTRY_VERIFY(completer->popup()->isVisible());
    QCOMPARE(completer->currentCompletion(), QStringLiteral("carol"));
}

void TestRuleEditor::exportThenImportRoundTrip()
{
    m_settings->setRulesJson(ThreeRules);
    const auto page = makePage();
    QVERIFY(page);
    const QString file = m_dir->filePath(QStringLiteral("exported.json"));
    useFileDialog(page.get(), Qt::Key_X, file);
    QVERIFY2(page->statusLabel()->text().contains(QStringLiteral("Exported 3")),
        qPrintable(page->statusLabel()->text()));
    QList<rules::RuleError> errors;
    const auto exported = rules::RuleFile::read(file, m_catalog.get(), &errors);
    QVERIFY(exported);
    QCOMPARE(exported->toJson(), page->ruleSet().toJson());
    const QByteArray original = page->ruleSet().toJson();

    page->list()->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), page->list());
    press(Qt::Key_Delete);
    press(Qt::Key_Delete);
    QCOMPARE(storedRules(*m_settings).size(), 1);
    useFileDialog(page.get(), Qt::Key_I, file);
    QVERIFY2(page->statusLabel()->text().contains(QStringLiteral("Imported 3")),
        qPrintable(page->statusLabel()->text()));
    QCOMPARE(page->list()->count(), 3);
    QCOMPARE(page->ruleSet().toJson(), original);
    QCOMPARE(storedRules(*m_settings).size(), 3);
    QCOMPARE(storedRules(*m_settings).at(0)[QStringLiteral("id")].toString(), QStringLiteral("a"));
}

void TestRuleEditor::badImportIsRefusedAndRulesKept_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("reason");
    QByteArray badRegex = ThreeRules;
    badRegex.replace(R"j("op": "prefix", "value": "org.")j", R"j("op": "regex", "value": "(org")j");
    QTest::newRow("one rule with a bad regex") << badRegex << QStringLiteral("bad regex");
    QTest::newRow("not JSON") << QByteArray("this is no rule file") << QString();
    QTest::newRow("another format")
        << QByteArray(R"j({"format": "something-else", "version": 1, "rules": []})j")
        << QStringLiteral("format");
}

void TestRuleEditor::badImportIsRefusedAndRulesKept()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, reason);
    m_settings->setRulesJson(ThreeRules);
    const auto page = makePage();
    QVERIFY(page);
    page->list()->setCurrentRow(1);
    const QByteArray before = m_settings->rulesJson();
    const QString file = m_dir->filePath(QStringLiteral("bad.json"));
    writeFile(file, contents);
    useFileDialog(page.get(), Qt::Key_I, file);
    const QString status = page->statusLabel()->text();
    QVERIFY2(status.contains(QStringLiteral("Not imported")), qPrintable(status));
    QVERIFY2(status.contains(reason, Qt::CaseInsensitive), qPrintable(status));
    QVERIFY(status.size() > QStringLiteral("Not imported, your rules are unchanged: ").size());
    QCOMPARE(m_settings->rulesJson(), before);
    QCOMPARE(page->list()->count(), 3);
    QCOMPARE(page->list()->currentRow(), 1);
}

void TestRuleEditor::everyInteractiveWidgetHasAnAccessibleName()
{
    m_settings->setRulesJson(ThreeRules);
    const auto page = makePage();
    QVERIFY(page);
    QStringList unnamed;
    const auto widgets = page->findChildren<QWidget *>();
    int checked = 0;
    for (QWidget *w : widgets) {
        if (w->focusPolicy() == Qt::NoFocus)
            continue;
        // The line edit inside a spin box, date edit or combo box is part of that control.
        if (qobject_cast<QAbstractSpinBox *>(w->parentWidget())
            || qobject_cast<QComboBox *>(w->parentWidget()))
            continue;
        ++checked;
        if (w->accessibleName().isEmpty())
            unnamed.append(
                QString::fromLatin1(w->metaObject()->className()) + u' ' + w->objectName());
    }
    QVERIFY(checked >= 25);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

void TestRuleEditor::tabReachesEveryControl()
{
    // A body condition shows the most fields (path and value); a notify action its options.
    m_settings->setRulesJson(R"j({"format": "fedmsg-notify-rules", "version": 1,
 "rules": [{"id": "a", "name": "A", "when": {"field": "body", "path": "msg.x", "op": "==",
   "value": 1}, "then": {"action": "notify"}}]})j");
    const auto page = makePage();
    QVERIFY(page);
    QSet<QWidget *> expected;
    const auto widgets = page->findChildren<QWidget *>();
    for (QWidget *w : widgets)
        if ((w->focusPolicy() & Qt::TabFocus) != 0 && !w->focusProxy() && w->isVisibleTo(page.get())
            && w->isEnabled() && !qobject_cast<QAbstractSpinBox *>(w->parentWidget())
            && !qobject_cast<QComboBox *>(w->parentWidget()))
            expected.insert(w);
    QVERIFY(expected.contains(static_cast<QWidget *>(page->conditionEditor()->pathEdit())));
    QVERIFY(expected.contains(static_cast<QWidget *>(page->actionEditor()->timeoutBox())));
    QVERIFY(expected.contains(static_cast<QWidget *>(page->matchList())));
    QSet<QWidget *> reached;
    QList<QWidget *> order;
    for (int i = 0; i < 2 * int(expected.size()) + 4; ++i) {
        QWidget *focus = QApplication::focusWidget();
        if (!reached.contains(focus))
            order << focus;
        reached.insert(focus);
        press(Qt::Key_Tab);
    }
    QStringList missed;
    for (QWidget *w : std::as_const(expected))
        if (!reached.contains(w))
            missed << w->accessibleName();
    QStringList walked;
    for (const QWidget *w : std::as_const(order))
        walked << (w ? w->accessibleName() : QStringLiteral("(none)"));
    QVERIFY2(missed.isEmpty(),
        qPrintable(missed.join(QStringLiteral(", ")) + QStringLiteral(" not reached; walked: ")
            + walked.join(QStringLiteral(", "))));
    // Top to bottom: the list first, the editor before the preview.
    QCOMPARE(order.value(0), page->list());
    QVERIFY(order.indexOf(page->nameEdit()) < order.indexOf(page->conditionEditor()->tree()));
    QVERIFY(order.indexOf(page->conditionEditor()->valueEdit()) < order.indexOf(page->matchList()));
}

QTEST_MAIN(TestRuleEditor)
#include "TestRuleEditor.moc"
