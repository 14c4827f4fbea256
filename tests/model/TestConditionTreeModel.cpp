// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The rule editor's condition tree over the real rendering catalog: it reads and writes the JSON
// lib/rules parses, and carries lib/rules' own validation at the node and part at fault.
#include "model/ConditionTreeModel.h"
#include "render/Renderer.h"
#include "rules/MessageTypeCatalog.h"
#include "rules/Rule.h"
#include "rules/RuleCondition.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace fedmsg;
using Model = ConditionTreeModel;

class TestConditionTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void passesTheModelTester();
    void everyFieldOfTheRuleFormatReadsAndWritesBack_data();
    void everyFieldOfTheRuleFormatReadsAndWritesBack();
    void buildsANestedRuleThatLibRulesAccepts();
    void invalidRegexIsAtItsValue();
    void notTakesExactlyOneCondition();
    void unknownServiceIsRefusedWithTheCatalog();
    void addingToAConditionRootWrapsItInAnAllGroup();
    void removingTheRootLeavesEveryMessage();
    void bodyValuesKeepTheirJsonType();
    void notAConditionTreeIsRefusedAndTheTreeKept();

private:
    Renderer m_renderer;
    std::unique_ptr<rules::MessageTypeCatalog> m_catalog;
};

namespace {
QJsonValue parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray("[") + json + "]").array().at(0);
}

// What lib/rules itself writes for a condition (the normal form both sides must agree on).
QJsonValue libForm(const QJsonValue &json, const rules::MessageTypeCatalog *catalog)
{
    QString field;
    QString problem;
    const auto c =
        rules::RuleCondition::fromJson(json, QStringLiteral("when"), catalog, &field, &problem);
    if (!c)
        qWarning().noquote() << field << problem;
    return c ? QJsonValue(c->toJson()) : QJsonValue();
}
} // namespace

void TestConditionTreeModel::initTestCase()
{
    m_catalog = std::make_unique<rules::MessageTypeCatalog>(m_renderer);
    QVERIFY(m_catalog->hasService(QStringLiteral("buildsys")));
}

void TestConditionTreeModel::passesTheModelTester()
{
    Model model(m_catalog.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QJsonValue tree = parse(R"j({"any": [{"field": "by-me"},
        {"all": [{"field": "mentions-me"}, {"not": {"field": "title", "value": "x"}}]}]})j");
    QVERIFY(model.setCondition(tree));
    const QModelIndex root = model.index(0, 0);
    QCOMPARE(model.rowCount(root), 2);
    const QModelIndex inner = model.index(1, 0, root);
    QCOMPARE(model.rowCount(inner), 2);
    model.addCondition(inner);
    QCOMPARE(model.rowCount(inner), 3);
    model.addGroup(model.index(0, 0, root), Model::NodeKind::Any);
    QCOMPARE(model.rowCount(root), 3);
    QVERIFY(model.removeNode(model.index(1, 0, inner)));
    QCOMPARE(model.rowCount(inner), 2);
    QVERIFY(model.setData(model.index(0, 0, inner), QStringLiteral("service"), Model::FieldRole));
    QVERIFY(model.removeNode(root));
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
}

void TestConditionTreeModel::everyFieldOfTheRuleFormatReadsAndWritesBack_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("topic glob") << QByteArray(
        R"j({"field": "topic", "op": "glob", "value": "*.buildsys.*"})j");
    QTest::newRow("topic regex") << QByteArray(
        R"j({"field": "topic", "op": "regex", "value": "^org\\.(a|b)$"})j");
    QTest::newRow("topic default op") << QByteArray(R"j({"field": "topic", "value": "a.b"})j");
    QTest::newRow("service one") << QByteArray(R"j({"field": "service", "value": "bodhi"})j");
    QTest::newRow("service list") << QByteArray(
        R"j({"field": "service", "value": ["bodhi", "buildsys"]})j");
    QTest::newRow("type") << QByteArray(R"j({"field": "type", "value": "bodhi/update.comment"})j");
    QTest::newRow("bus") << QByteArray(R"j({"field": "bus", "value": ["fedora", "debian"]})j");
    QTest::newRow("trust") << QByteArray(
        R"j({"field": "trust", "op": "in", "value": ["untrusted"]})j");
    QTest::newRow("usernames all")
        << QByteArray(R"j({"field": "usernames", "op": "all", "value": ["a", "b"]})j");
    QTest::newRow("by-me") << QByteArray(R"j({"field": "by-me"})j");
    QTest::newRow("mentions-me") << QByteArray(R"j({"field": "mentions-me"})j");
    QTest::newRow("packages in") << QByteArray(
        R"j({"field": "packages", "value": ["python-foo", "bar"]})j");
    QTest::newRow("maintained-by-me")
        << QByteArray(R"j({"field": "packages", "op": "maintained-by-me"})j");
    QTest::newRow("maintained-by") << QByteArray(
        R"j({"field": "packages", "op": "maintained-by", "value": ["alice", "@python-sig"]})j");
    QTest::newRow("installed") << QByteArray(R"j({"field": "packages", "op": "installed"})j");
    QTest::newRow("body exists") << QByteArray(
        R"j({"field": "body", "path": "msg.update.builds[0].nvr", "op": "exists"})j");
    QTest::newRow("body ==") << QByteArray(
        R"j({"field": "body", "path": "msg.x", "op": "==", "value": "text"})j");
    QTest::newRow("body < number")
        << QByteArray(R"j({"field": "body", "path": "msg.n", "op": "<", "value": 3.5})j");
    QTest::newRow("body matches") << QByteArray(
        R"j({"field": "body", "path": "msg.x", "op": "matches", "value": "^4[0-9]$"})j");
    QTest::newRow("title") << QByteArray(
        R"j({"field": "title", "op": "matches", "value": "a|b"})j");
    QTest::newRow("text") << QByteArray(R"j({"field": "text", "value": "needle"})j");
    QTest::newRow("nested") << QByteArray(
        R"j({"all": [{"any": [{"field": "by-me"}, {"not": {"not": {"field": "mentions-me"}}}]}, {"all": []}]})j");
}

void TestConditionTreeModel::everyFieldOfTheRuleFormatReadsAndWritesBack()
{
    QFETCH(QByteArray, json);
    const QJsonValue input = parse(json.constData());
    QVERIFY(input.isObject());
    Model model(m_catalog.get());
    QVERIFY(model.setCondition(input));
    QVERIFY2(model.isValid(), qPrintable(model.firstError().data(Model::ErrorRole).toString()));
    const QJsonValue expected = libForm(input, m_catalog.get());
    QVERIFY(expected.isObject());
    QCOMPARE(libForm(model.toJson(), m_catalog.get()), expected);
    // Written again without a change: the same document.
    Model again(m_catalog.get());
    QVERIFY(again.setCondition(model.toJson()));
    QCOMPARE(again.toJson(), model.toJson());
}

// "koji builds of my packages except mine", put together as the editor does it.
void TestConditionTreeModel::buildsANestedRuleThatLibRulesAccepts()
{
    Model model(m_catalog.get());
    QSignalSpy changed(&model, &Model::conditionChanged);
    QVERIFY(!model.toJson().isObject()); // a new tree: every message
    const QModelIndex topic = model.addCondition(model.index(0, 0));
    QCOMPARE(topic.data(Model::FieldRole).toString(), QStringLiteral("topic"));
    QCOMPARE(topic.data(Model::ErrorPartRole).toString(), QStringLiteral("value")); // empty yet
    QVERIFY(!model.isValid());
    QVERIFY(
        model.setData(topic, QStringLiteral("*.buildsys.build.state.change"), Model::ValueRole));
    QVERIFY(model.isValid());
    const QModelIndex packages = model.addCondition(topic);
    QVERIFY(model.setData(packages, QStringLiteral("packages"), Model::FieldRole));
    QCOMPARE(packages.data(Model::OpRole).toString(), QStringLiteral("maintained-by-me"));
    const QModelIndex notGroup = model.addGroup(packages);
    QVERIFY(model.setData(notGroup, int(Model::NodeKind::Not), Model::KindRole));
    QCOMPARE(notGroup.data(Model::ErrorPartRole).toString(), QStringLiteral("kind"));
    const QModelIndex byMe = model.addCondition(notGroup);
    QCOMPARE(byMe.parent(), notGroup);
    QVERIFY(model.setData(byMe, QStringLiteral("by-me"), Model::FieldRole));
    QVERIFY2(model.isValid(), qPrintable(model.firstError().data(Model::ErrorRole).toString()));
    QVERIFY(changed.size() >= 7);
    const QJsonValue expected = parse(R"j({"all": [
        {"field": "topic", "op": "glob", "value": "*.buildsys.build.state.change"},
        {"field": "packages", "op": "maintained-by-me"},
        {"not": {"field": "by-me"}}]})j");
    QCOMPARE(model.toJson(), expected);
    QCOMPARE(byMe.data(Model::JsonPathRole).toString(), QStringLiteral("when.all[2].not"));
    rules::RuleError error;
    const auto rule = rules::Rule::fromJson(
        QJsonObject { { QStringLiteral("name"), QStringLiteral("Koji") },
            { QStringLiteral("when"), model.toJson() },
            { QStringLiteral("then"),
                QJsonObject { { QStringLiteral("action"), QStringLiteral("notify") } } } },
        0,
        m_catalog.get(),
        &error);
    QVERIFY2(rule, qPrintable(error.toString()));
    QCOMPARE(rule->conditionCount(), 5);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("all of"));
    QCOMPARE(byMe.data().toString(), QStringLiteral("user is me"));
}

void TestConditionTreeModel::invalidRegexIsAtItsValue()
{
    Model model(m_catalog.get());
    const QJsonValue tree = parse(
        R"j({"all": [{"field": "by-me"}, {"field": "topic", "op": "regex", "value": "(unclosed"}]})j");
    QVERIFY(model.setCondition(tree));
    QVERIFY(!model.isValid());
    const QModelIndex bad = model.firstError();
    QCOMPARE(bad, model.index(1, 0, model.index(0, 0)));
    QVERIFY2(bad.data(Model::ErrorRole).toString().contains(QStringLiteral("bad regex")),
        qPrintable(bad.data(Model::ErrorRole).toString()));
    QCOMPARE(bad.data(Model::ErrorPartRole).toString(), QStringLiteral("value"));
    QCOMPARE(bad.data(Model::JsonPathRole).toString(), QStringLiteral("when.all[1]"));
    QVERIFY(bad.data(Qt::DisplayRole).toString().contains(QStringLiteral("bad regex")));
    QVERIFY(model.index(0, 0, model.index(0, 0)).data(Model::ErrorRole).toString().isEmpty());
    QVERIFY(model.setData(bad, QStringLiteral("(closed)"), Model::ValueRole));
    QVERIFY(model.isValid());
}

void TestConditionTreeModel::notTakesExactlyOneCondition()
{
    Model model(m_catalog.get());
    QVERIFY(model.setCondition(parse(R"j({"not": {"field": "by-me"}})j")));
    QVERIFY(model.isValid());
    const QModelIndex notGroup = model.index(0, 0);
    // Adding to a full "not" at the root wraps both into an "all" group.
    const QModelIndex added = model.addCondition(notGroup);
    QVERIFY(model.setData(added, QStringLiteral("mentions-me"), Model::FieldRole));
    QVERIFY(model.isValid());
    QCOMPARE(model.index(0, 0).data(Model::KindRole).toInt(), int(Model::NodeKind::All));
    // A "not" with nothing in it is a problem at its kind; emptying it by removing the child.
    const QModelIndex inner = model.index(0, 0, model.index(0, 0));
    QCOMPARE(inner.data(Model::KindRole).toInt(), int(Model::NodeKind::Not));
    QVERIFY(model.removeNode(model.index(0, 0, inner)));
    QCOMPARE(model.firstError(), inner);
    QCOMPARE(inner.data(Model::ErrorPartRole).toString(), QStringLiteral("kind"));
}

void TestConditionTreeModel::unknownServiceIsRefusedWithTheCatalog()
{
    Model model(m_catalog.get());
    QVERIFY(
        model.setCondition(parse(R"j({"field": "service", "value": "bodhi, nosuchservice"})j")));
    QVERIFY(!model.isValid());
    QCOMPARE(model.index(0, 0).data(Model::ErrorPartRole).toString(), QStringLiteral("value"));
    QVERIFY(model.index(0, 0)
                .data(Model::ErrorRole)
                .toString()
                .contains(QStringLiteral("nosuchservice")));
    Model noCatalog;
    QVERIFY(noCatalog.setCondition(parse(R"j({"field": "service", "value": "nosuchservice"})j")));
    QVERIFY(noCatalog.isValid());
}

void TestConditionTreeModel::addingToAConditionRootWrapsItInAnAllGroup()
{
    Model model(m_catalog.get());
    QVERIFY(model.setCondition(parse(R"j({"field": "by-me"})j")));
    const QModelIndex added = model.addCondition(model.index(0, 0));
    QVERIFY(model.setData(added, QStringLiteral("mentions-me"), Model::FieldRole));
    QCOMPARE(model.toJson(), parse(R"j({"all": [{"field": "by-me"}, {"field": "mentions-me"}]})j"));
}

void TestConditionTreeModel::removingTheRootLeavesEveryMessage()
{
    Model model(m_catalog.get());
    QVERIFY(model.setCondition(parse(R"j({"any": [{"field": "by-me"}]})j")));
    QVERIFY(model.removeNode(model.index(0, 0)));
    QVERIFY(model.toJson().isUndefined());
    QVERIFY(model.isValid());
}

void TestConditionTreeModel::bodyValuesKeepTheirJsonType()
{
    Model model(m_catalog.get());
    QVERIFY(model.setCondition(
        parse(R"j({"field": "body", "path": "msg.n", "op": "==", "value": "42"})j")));
    const QModelIndex node = model.index(0, 0);
    QCOMPARE(node.data(Model::ValueRole).toString(), QStringLiteral("\"42\"")); // a string
    QCOMPARE(
        model.toJson().toObject().value(QStringLiteral("value")), QJsonValue(QStringLiteral("42")));
    QVERIFY(model.setData(node, QStringLiteral("42"), Model::ValueRole));
    QCOMPARE(model.toJson().toObject().value(QStringLiteral("value")), QJsonValue(42));
    QVERIFY(model.setData(node, QStringLiteral("true"), Model::ValueRole));
    QCOMPARE(model.toJson().toObject().value(QStringLiteral("value")), QJsonValue(true));
    QVERIFY(model.setData(node, QStringLiteral("plain words"), Model::ValueRole));
    QCOMPARE(model.toJson().toObject().value(QStringLiteral("value")),
        QJsonValue(QStringLiteral("plain words")));
    QVERIFY(model.setData(node, QStringLiteral("<"), Model::OpRole));
    QCOMPARE(
        node.data(Model::ErrorPartRole).toString(), QStringLiteral("value")); // must be a number
    QVERIFY(model.setData(node, QStringLiteral("exists"), Model::OpRole));
    QVERIFY(model.isValid());
    QVERIFY(!model.toJson().toObject().contains(QStringLiteral("value")));
}

void TestConditionTreeModel::notAConditionTreeIsRefusedAndTheTreeKept()
{
    Model model(m_catalog.get());
    QVERIFY(model.setCondition(parse(R"j({"field": "by-me"})j")));
    QString error;
    QVERIFY(!model.setCondition(parse(R"j({"all": [1, 2]})j"), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(model.toJson(), parse(R"j({"field": "by-me"})j"));
}

QTEST_GUILESS_MAIN(TestConditionTreeModel)
#include "TestConditionTreeModel.moc"
