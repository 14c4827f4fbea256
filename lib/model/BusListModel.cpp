// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "model/BusListModel.h"

#include "bus/StatusReason.h"

#include <QCoreApplication>
#include <QUrl>

namespace fedmsg {

namespace {
/// A preset bus's label or note in the user's language (BusPresets, AmqpPresets mark them);
/// any other text as it is.
QString presetText(const QString &text)
{
    return QCoreApplication::translate("fedmsg::BusPresets", text.toUtf8().constData());
}
} // namespace

QString BusListModel::labelText(const BusConfig &bus)
{
    return bus.label.isEmpty() ? bus.name : presetText(bus.label);
}

QString BusListModel::noteText(const BusConfig &bus)
{
    // An import's note ("Imported from %1", lib/engine's context) has an argument; a preset's
    // has none.
    if (bus.noteArgument.isEmpty())
        return presetText(bus.note);
    return QCoreApplication::translate("fedmsg::BusImport", bus.note.toUtf8().constData())
        .arg(bus.noteArgument);
}

BusListModel::BusListModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

void BusListModel::setBuses(const QList<BusConfig> &buses)
{
    beginResetModel();
    m_buses = buses;
    endResetModel();
}

int BusListModel::rowOf(const QString &name) const
{
    for (int i = 0; i < m_buses.size(); ++i)
        if (m_buses[i].name == name)
            return i;
    return -1;
}

void BusListModel::setStatuses(const QList<EndpointStatus> &statuses)
{
    m_statuses.clear();
    for (const EndpointStatus &s : statuses)
        m_statuses.insert(key(s.busName, s.url), s);
    if (!m_buses.isEmpty()) {
        Q_EMIT dataChanged(index(0, StateColumn), index(int(m_buses.size()) - 1, StateColumn));
        for (int row = 0; row < m_buses.size(); ++row) {
            const int n = rowCount(index(row, 0));
            if (n > 0)
                Q_EMIT dataChanged(
                    index(0, StateColumn, index(row, 0)), index(n - 1, StateColumn, index(row, 0)));
        }
    }
}

void BusListModel::setStatus(const EndpointStatus &status)
{
    m_statuses.insert(key(status.busName, status.url), status);
    const int row = rowOf(status.busName);
    if (row < 0)
        return;
    const QModelIndex bus = index(row, StateColumn);
    Q_EMIT dataChanged(bus, bus);
    const QList<BusEndpoint> &endpoints = m_buses[row].endpoints;
    for (int e = 0; e < endpoints.size(); ++e)
        if (endpoints[e].url == status.url) {
            const QModelIndex child = index(e, StateColumn, index(row, 0));
            Q_EMIT dataChanged(child, child);
        }
}

const EndpointStatus *BusListModel::status(const QString &busName, const QString &url) const
{
    const auto it = m_statuses.constFind(key(busName, url));
    return it == m_statuses.cend() ? nullptr : &*it;
}

QString BusListModel::shownUrl(const QString &url)
{
    if (!url.contains(QLatin1Char('@')))
        return url;
    QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.password().isEmpty())
        return url;
    parsed.setPassword(QString());
    return parsed.toString(QUrl::FullyEncoded);
}

QString BusListModel::kindText(BusConfig::Transport transport)
{
    return transport == BusConfig::Transport::Amqp ? tr("fedora-messaging (AMQP)")
                                                   : tr("fedmsg (ZeroMQ)");
}

QString BusListModel::stateText(const EndpointStatus &status)
{
    using S = EndpointStatus::State;
    switch (status.state) {
    case S::Connected:
        return tr("connected");
    case S::Connecting:
        return tr("connecting");
    case S::Stopped:
        return tr("stopped");
    case S::Disconnected:
    case S::Retrying:
    case S::Failed:
        break;
    }
    // The common reasons in the user's language; the transport's own text is in the tooltip.
    return status.detail.isEmpty() ? tr("down")
                                   : tr("down: %1").arg(StatusReason::userText(status.detail));
}

QString BusListModel::busStateText(int row) const
{
    if (row < 0 || row >= m_buses.size())
        return {};
    const BusConfig &bus = m_buses[row];
    if (!bus.configError.isEmpty())
        return bus.configError;
    if (!bus.enabled)
        return tr("off");
    if (bus.endpoints.isEmpty())
        return tr("no endpoints");
    int connected = 0;
    int reported = 0;
    const EndpointStatus *only = nullptr;
    for (const BusEndpoint &e : bus.endpoints) {
        if (const EndpointStatus *s = status(bus.name, e.url)) {
            ++reported;
            only = s;
            connected += s->state == EndpointStatus::State::Connected ? 1 : 0;
        }
    }
    if (reported == 0)
        return tr("not connected");
    if (bus.endpoints.size() == 1 && only)
        return stateText(*only);
    if (connected == bus.endpoints.size())
        return tr("connected");
    return tr("%1 of %2 connected").arg(connected).arg(bus.endpoints.size());
}

QModelIndex BusListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_buses.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.row() >= m_buses.size())
        return {};
    if (row >= m_buses[parent.row()].endpoints.size())
        return {};
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex BusListModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int BusListModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_buses.size());
    if (parent.internalId() != 0 || parent.column() != 0 || parent.row() >= m_buses.size())
        return 0;
    return int(m_buses[parent.row()].endpoints.size());
}

int BusListModel::columnCount(const QModelIndex & /*parent*/) const
{
    return ColumnCount;
}

QVariant BusListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const bool isBus = index.internalId() == 0;
    const int busRow = isBus ? index.row() : int(index.internalId() - 1);
    if (busRow >= m_buses.size())
        return {};
    if (role == BusNameRole)
        return m_buses[busRow].name;
    return isBus ? busData(busRow, index.column(), role) : endpointData(busRow, index, role);
}

QVariant BusListModel::busData(int busRow, int column, int role) const
{
    const BusConfig &bus = m_buses[busRow];
    if (role == Qt::CheckStateRole && column == LabelColumn)
        return bus.enabled ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::ToolTipRole && column == LabelColumn)
        return bus.note.isEmpty() ? bus.name : noteText(bus);
    if (role == StateRole) {
        // The best state of its endpoints (connected wins), for an icon or a colour.
        int best = -1;
        for (const BusEndpoint &e : bus.endpoints)
            if (const EndpointStatus *s = status(bus.name, e.url))
                if (best < 0 || s->state == EndpointStatus::State::Connected)
                    best = int(s->state);
        return best;
    }
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (column) {
    case LabelColumn:
        return labelText(bus);
    case KindColumn:
        return kindText(bus.transport);
    case StateColumn:
        return busStateText(busRow);
    default:
        return {};
    }
}

QVariant BusListModel::endpointData(int busRow, const QModelIndex &index, int role) const
{
    const BusConfig &bus = m_buses[busRow];
    if (index.row() >= bus.endpoints.size())
        return {};
    const BusEndpoint &endpoint = bus.endpoints[index.row()];
    const EndpointStatus *s = status(bus.name, endpoint.url);
    if (role == StateRole)
        return s ? int(s->state) : -1;
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case LabelColumn:
        return shownUrl(endpoint.url);
    case KindColumn:
        return endpoint.curveServerKey.isEmpty() ? QString() : tr("CURVE");
    case StateColumn:
        if (s != nullptr && role == Qt::ToolTipRole && !s->detail.isEmpty()
            && StatusReason::userText(s->detail) != s->detail)
            return QString(stateText(*s) + QLatin1Char('\n') + tr("Details: %1").arg(s->detail));
        if (s != nullptr)
            return stateText(*s);
        return bus.enabled ? tr("not connected") : tr("off");
    default:
        return {};
    }
}

void BusListModel::setReadOnly(bool readOnly)
{
    if (m_readOnly == readOnly)
        return;
    m_readOnly = readOnly;
    if (!m_buses.isEmpty())
        Q_EMIT dataChanged(index(0, LabelColumn), index(int(m_buses.size()) - 1, LabelColumn));
}

bool BusListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (m_readOnly || !index.isValid() || index.internalId() != 0 || index.column() != LabelColumn
        || role != Qt::CheckStateRole || index.row() >= m_buses.size())
        return false;
    const bool on = value.toInt() == Qt::Checked;
    if (m_buses[index.row()].enabled == on)
        return true;
    m_buses[index.row()].enabled = on;
    Q_EMIT dataChanged(index, this->index(index.row(), StateColumn));
    Q_EMIT enabledChanged(index.row(), on);
    return true;
}

Qt::ItemFlags BusListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (!m_readOnly && index.internalId() == 0 && index.column() == LabelColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant BusListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LabelColumn:
        return tr("Bus");
    case KindColumn:
        return tr("Kind");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

} // namespace fedmsg
