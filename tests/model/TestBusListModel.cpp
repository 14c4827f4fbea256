// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The Buses page's model: buses with their endpoints, the live states and the enable tick.
#include "model/BusListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace fedmsg;

class TestBusListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void treeOfBusesAndEndpoints();
    void statesPerEndpointAndPerBus();
    void tickingEnablesAndSaysSo();
    void readOnlyCannotBeTicked();
};

namespace {
QList<BusConfig> twoBuses()
{
    BusConfig zmq;
    zmq.name = QStringLiteral("zmq");
    zmq.label = QStringLiteral("Two endpoints");
    zmq.enabled = true;
    zmq.endpoints = { { QStringLiteral("tcp://a:1"), {} },
        { QStringLiteral("tcp://b:2"), QStringLiteral("K") } };
    BusConfig amqp;
    amqp.name = QStringLiteral("amqp");
    amqp.transport = BusConfig::Transport::Amqp;
    amqp.endpoints = { { QStringLiteral("amqps://broker/%2Fv"), {} } };
    return { zmq, amqp };
}

EndpointStatus status(
    const QString &bus, const QString &url, EndpointStatus::State state, const QString &detail = {})
{
    EndpointStatus s;
    s.busName = bus;
    s.url = url;
    s.state = state;
    s.detail = detail;
    return s;
}

QString cell(const BusListModel &m, int row, int column, int child = -1)
{
    const QModelIndex bus = m.index(row, 0);
    return (child < 0 ? m.index(row, column) : m.index(child, column, bus)).data().toString();
}
} // namespace

void TestBusListModel::treeOfBusesAndEndpoints()
{
    BusListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setBuses(twoBuses());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowCount(model.index(0, 0)), 2);
    QCOMPARE(model.rowCount(model.index(0, 0).siblingAtColumn(1)), 0);
    QCOMPARE(cell(model, 0, BusListModel::LabelColumn), QStringLiteral("Two endpoints"));
    QCOMPARE(cell(model, 1, BusListModel::LabelColumn), QStringLiteral("amqp")); // no label: name
    QCOMPARE(cell(model, 0, BusListModel::KindColumn), QStringLiteral("fedmsg (ZeroMQ)"));
    QCOMPARE(cell(model, 1, BusListModel::KindColumn), QStringLiteral("fedora-messaging (AMQP)"));
    QCOMPARE(cell(model, 0, BusListModel::LabelColumn, 1), QStringLiteral("tcp://b:2"));
    QCOMPARE(cell(model, 0, BusListModel::KindColumn, 1), QStringLiteral("CURVE"));
    QCOMPARE(model.index(1, 0, model.index(0, 0)).parent(), model.index(0, 0));
    QCOMPARE(model.rowOf(QStringLiteral("amqp")), 1);
    QCOMPARE(model.rowOf(QStringLiteral("none")), -1);
    // An endpoint's password is never shown.
    QList<BusConfig> buses = twoBuses();
    buses[1].endpoints[0].url = QStringLiteral("amqps://me:secret@broker/%2Fv");
    model.setBuses(buses);
    QCOMPARE(
        cell(model, 1, BusListModel::LabelColumn, 0), QStringLiteral("amqps://me@broker/%2Fv"));
}

void TestBusListModel::statesPerEndpointAndPerBus()
{
    using S = EndpointStatus::State;
    BusListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setBuses(twoBuses());
    QCOMPARE(cell(model, 0, BusListModel::StateColumn), QStringLiteral("not connected"));
    QCOMPARE(cell(model, 1, BusListModel::StateColumn), QStringLiteral("off"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setStatus(status(QStringLiteral("zmq"), QStringLiteral("tcp://a:1"), S::Connected));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(cell(model, 0, BusListModel::StateColumn, 0), QStringLiteral("connected"));
    QCOMPARE(cell(model, 0, BusListModel::StateColumn), QStringLiteral("1 of 2 connected"));
    model.setStatus(status(QStringLiteral("zmq"),
        QStringLiteral("tcp://b:2"),
        S::Failed,
        QStringLiteral("authentication failed (status 400)")));
    // The reason in our words (translatable); the transport's own text in the tooltip.
    QCOMPARE(cell(model, 0, BusListModel::StateColumn, 1),
        QStringLiteral("down: The server refused the login (user name, password or certificate)."));
    QCOMPARE(model.index(1, BusListModel::StateColumn, model.index(0, 0))
                 .data(Qt::ToolTipRole)
                 .toString(),
        QStringLiteral("down: The server refused the login (user name, password or certificate)."
                       "\nDetails: authentication failed (status 400)"));
    model.setStatus(status(QStringLiteral("zmq"), QStringLiteral("tcp://b:2"), S::Connected));
    QCOMPARE(cell(model, 0, BusListModel::StateColumn), QStringLiteral("connected"));
    // A new list keeps the states; setStatuses replaces them.
    model.setBuses(twoBuses());
    QCOMPARE(cell(model, 0, BusListModel::StateColumn), QStringLiteral("connected"));
    model.setStatuses(
        { status(QStringLiteral("zmq"), QStringLiteral("tcp://a:1"), S::Connecting) });
    QCOMPARE(cell(model, 0, BusListModel::StateColumn, 0), QStringLiteral("connecting"));
    QCOMPARE(cell(model, 0, BusListModel::StateColumn, 1), QStringLiteral("not connected"));
    // A bus whose configuration could not be read says why.
    QList<BusConfig> buses = twoBuses();
    buses[0].configError = QStringLiteral("ssl.py:3: error: unexpected end");
    model.setBuses(buses);
    QCOMPARE(cell(model, 0, BusListModel::StateColumn),
        QStringLiteral("ssl.py:3: error: unexpected end"));
}

void TestBusListModel::tickingEnablesAndSaysSo()
{
    BusListModel model;
    model.setBuses(twoBuses());
    QSignalSpy enabled(&model, &BusListModel::enabledChanged);
    const QModelIndex amqp = model.index(1, BusListModel::LabelColumn);
    QVERIFY(model.flags(amqp) & Qt::ItemIsUserCheckable);
    QVERIFY(!(model.flags(model.index(0, 0, model.index(0, 0))) & Qt::ItemIsUserCheckable));
    QCOMPARE(amqp.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QVERIFY(model.setData(amqp, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(enabled.size(), 1);
    QCOMPARE(enabled.first().at(0).toInt(), 1);
    QVERIFY(model.buses().at(1).enabled);
    QVERIFY(model.setData(amqp, Qt::Checked, Qt::CheckStateRole)); // no change, no signal
    QCOMPARE(enabled.size(), 1);
    QVERIFY(
        !model.setData(model.index(1, BusListModel::StateColumn), Qt::Checked, Qt::CheckStateRole));
}

// The --demo applet's bus on the Buses page: shown with its tick, which cannot change.
void TestBusListModel::readOnlyCannotBeTicked()
{
    BusListModel model;
    QAbstractItemModelTester tester(&model);
    model.setBuses(twoBuses());
    QSignalSpy enabled(&model, &BusListModel::enabledChanged);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setReadOnly(true);
    QVERIFY(model.isReadOnly());
    QCOMPARE(changed.size(), 1); // the views drop the check box's interaction
    const QModelIndex zmq = model.index(0, BusListModel::LabelColumn);
    QVERIFY(!(model.flags(zmq) & Qt::ItemIsUserCheckable));
    QCOMPARE(zmq.data(Qt::CheckStateRole).toInt(), int(Qt::Checked)); // still shown
    QVERIFY(!model.setData(zmq, Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(model.buses().at(0).enabled);
    QVERIFY(enabled.isEmpty());
    model.setReadOnly(false);
    QVERIFY(model.flags(zmq) & Qt::ItemIsUserCheckable);
    QVERIFY(model.setData(zmq, Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(enabled.size(), 1);
}

QTEST_GUILESS_MAIN(TestBusListModel)
#include "TestBusListModel.moc"
