// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The preferences' message-type tree over the real rendering catalog and a real History in a
// temporary directory.
#include "../history/HistoryTestData.h"
#include "history/History.h"
#include "model/MessageTypeTreeModel.h"
#include "render/Renderer.h"
#include "rules/MessageTypeCatalog.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <memory>

using namespace fedmsg;
using namespace std::chrono_literals;

class TestMessageTypeTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void passesTheModelTester();
    void servicesOnTopKindsBelow();
    void untickingAKindLeavesTheServicePartlyOn();
    void untickingAServiceSwitchesItOffWhole();
    void tickingOneKindOfAServiceThatIsOff();
    void allAndNone();
    void setOffFromElsewhereEmitsNothing();
    void countsTheLastSevenDaysPerServiceAndKind();

private:
    /// The first catalog service with at least two kinds.
    rules::MessageType serviceWithKinds() const;
    Renderer m_renderer;
    std::unique_ptr<rules::MessageTypeCatalog> m_catalog;
};

void TestMessageTypeTreeModel::initTestCase()
{
    m_catalog = std::make_unique<rules::MessageTypeCatalog>(m_renderer);
    QVERIFY(!m_catalog->services().isEmpty());
}

rules::MessageType TestMessageTypeTreeModel::serviceWithKinds() const
{
    const auto services = m_catalog->services();
    for (const rules::MessageType &s : services)
        if (m_catalog->kinds(s.id).size() >= 2)
            return s;
    return {};
}

void TestMessageTypeTreeModel::passesTheModelTester()
{
    MessageTypeTreeModel model(*m_catalog, { QStringLiteral("wiki") });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAllOn(false);
    model.setAllOn(true);
}

void TestMessageTypeTreeModel::servicesOnTopKindsBelow()
{
    MessageTypeTreeModel model(*m_catalog, {});
    QCOMPARE(model.rowCount(), m_catalog->services().size());
    const rules::MessageType service = serviceWithKinds();
    QVERIFY2(!service.id.isEmpty(), "the catalog has a service with kinds");
    const QModelIndex s = model.indexOf(service.id);
    QVERIFY(s.isValid());
    QCOMPARE(s.data(MessageTypeTreeModel::IdRole).toString(), service.id);
    QCOMPARE(s.data(Qt::DisplayRole).toString(), service.label);
    QCOMPARE(s.data(Qt::ToolTipRole).toString(),
        service.description.isEmpty() ? service.id : service.description);
    QCOMPARE(model.rowCount(s), m_catalog->kinds(service.id).size());
    const QModelIndex kind = model.index(0, 0, s);
    QVERIFY(kind.data(MessageTypeTreeModel::IdRole).toString().startsWith(service.id + u'/'));
    QCOMPARE(model.parent(kind), s);
    QCOMPARE(s.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    QVERIFY(model.flags(s) & Qt::ItemIsUserCheckable);
}

void TestMessageTypeTreeModel::untickingAKindLeavesTheServicePartlyOn()
{
    MessageTypeTreeModel model(*m_catalog, {});
    QSignalSpy changed(&model, &MessageTypeTreeModel::offChanged);
    const QModelIndex s = model.indexOf(serviceWithKinds().id);
    const QModelIndex kind = model.index(0, 0, s);
    const QString kindId = kind.data(MessageTypeTreeModel::IdRole).toString();
    QVERIFY(model.setData(kind, Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toStringList(), QStringList { kindId });
    QCOMPARE(model.off(), QStringList { kindId });
    QCOMPARE(kind.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QCOMPARE(s.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::PartiallyChecked);
    QCOMPARE(model.index(1, 0, s).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
}

void TestMessageTypeTreeModel::untickingAServiceSwitchesItOffWhole()
{
    const rules::MessageType service = serviceWithKinds();
    const QString oneKind = m_catalog->kinds(service.id).first().id;
    MessageTypeTreeModel model(*m_catalog, { oneKind });
    const QModelIndex s = model.indexOf(service.id);
    QCOMPARE(s.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::PartiallyChecked);
    QVERIFY(model.setData(s, Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(model.off(), QStringList { service.id }); // the kind's own entry is gone
    for (int k = 0; k < model.rowCount(s); ++k)
        QCOMPARE(
            model.index(k, 0, s).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QVERIFY(model.setData(s, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(model.off(), QStringList());
    QCOMPARE(s.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
}

void TestMessageTypeTreeModel::tickingOneKindOfAServiceThatIsOff()
{
    const rules::MessageType service = serviceWithKinds();
    const QList<rules::MessageType> kinds = m_catalog->kinds(service.id);
    MessageTypeTreeModel model(*m_catalog, { service.id });
    const QModelIndex s = model.indexOf(service.id);
    const QModelIndex first = model.indexOf(kinds.first().id);
    QVERIFY(model.setData(first, Qt::Checked, Qt::CheckStateRole));
    QStringList expected;
    for (qsizetype i = 1; i < kinds.size(); ++i)
        expected.append(kinds.at(i).id);
    expected.sort();
    QCOMPARE(model.off(), expected);
    QCOMPARE(first.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    QCOMPARE(s.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::PartiallyChecked);
}

void TestMessageTypeTreeModel::allAndNone()
{
    MessageTypeTreeModel model(*m_catalog, { QStringLiteral("bodhi/update.comment") });
    QSignalSpy changed(&model, &MessageTypeTreeModel::offChanged);
    model.setAllOn(false);
    QCOMPARE(model.off().size(), m_catalog->services().size());
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(
            model.index(row, 0).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    model.setAllOn(true);
    QCOMPARE(model.off(), QStringList());
    QCOMPARE(changed.size(), 2);
    model.setAllOn(true); // nothing changes, nothing emitted
    QCOMPARE(changed.size(), 2);
}

void TestMessageTypeTreeModel::setOffFromElsewhereEmitsNothing()
{
    MessageTypeTreeModel model(*m_catalog, {});
    QSignalSpy changed(&model, &MessageTypeTreeModel::offChanged);
    QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
    const QString id = serviceWithKinds().id;
    model.setOff({ id });
    QCOMPARE(changed.size(), 0); // the change came from the settings; no echo back
    QVERIFY(!dataChanged.isEmpty());
    QCOMPARE(model.indexOf(id).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
}

void TestMessageTypeTreeModel::countsTheLastSevenDaysPerServiceAndKind()
{
    QTemporaryDir dir;
    HistoryOptions options;
    options.databasePath = dir.filePath(QStringLiteral("history.sqlite"));
    options.maxAge = 0s;
    options.maxCount = 0;
    options.commitDelay = 10ms;
    History history(options);
    QTRY_VERIFY_WITH_TIMEOUT(history.isReady(), 20000);
    const QString bodhi = QStringLiteral("bodhi");
    QVERIFY(m_catalog->hasService(bodhi));
    QList<HistoryRecord> records;
    const QString comment = QStringLiteral("org.fedoraproject.prod.bodhi.update.comment");
    const QString unseen = QStringLiteral("org.fedoraproject.prod.bodhi.zz.made.up.kind");
    records.append(
        testdata::makeRecord(QStringLiteral("a"), comment, QStringLiteral("c1"), {}, {}, bodhi));
    records.append(
        testdata::makeRecord(QStringLiteral("b"), comment, QStringLiteral("c2"), {}, {}, bodhi));
    records.append(
        testdata::makeRecord(QStringLiteral("c"), unseen, QStringLiteral("u"), {}, {}, bodhi));
    HistoryRecord old =
        testdata::makeRecord(QStringLiteral("d"), comment, QStringLiteral("old"), {}, {}, bodhi);
    old.envelope.setReceivedAt(QDateTime::currentDateTimeUtc().addDays(-10));
    records.append(old);
    QSignalSpy stored(&history, &History::stored);
    history.store(records);
    QTRY_COMPARE_WITH_TIMEOUT(history.count({}), 4, 20000);

    const QHash<QString, qint64> counts = MessageTypeTreeModel::countsFromHistory(
        history, *m_catalog, QDateTime::currentDateTimeUtc().addDays(-7));
    QCOMPARE(counts.value(bodhi), 3);
    QCOMPARE(counts.value(QStringLiteral("bodhi/update.comment")), 2);
    QCOMPARE(counts.value(QStringLiteral("bodhi/zz.made.up.kind")), 1);

    MessageTypeTreeModel model(*m_catalog, {}, counts);
    const QModelIndex s = model.indexOf(bodhi);
    QCOMPARE(s.siblingAtColumn(MessageTypeTreeModel::CountColumn).data().toLongLong(), 3);
    const QModelIndex kind = model.indexOf(QStringLiteral("bodhi/update.comment"));
    QVERIFY(kind.isValid());
    QCOMPARE(kind.data(MessageTypeTreeModel::CountRole).toLongLong(), 2);
    // A kind only the history names is in the tree too, under its service.
    const QModelIndex made = model.indexOf(QStringLiteral("bodhi/zz.made.up.kind"));
    QVERIFY(made.isValid());
    QCOMPARE(model.parent(made), s);
    QCOMPARE(made.data(MessageTypeTreeModel::CountRole).toLongLong(), 1);
}

QTEST_GUILESS_MAIN(TestMessageTypeTreeModel)
#include "TestMessageTypeTreeModel.moc"
