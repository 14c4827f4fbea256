// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "model/MessageTypeTreeModel.h"

#include "history/History.h"
#include "history/HistoryQuery.h"
#include "render/Rendering.h"
#include "rules/MessageTypeCatalog.h"

#include <algorithm>

namespace fedmsg {

namespace {
// internalId of a service row; a kind row's internalId is its service's row + 1.
constexpr quintptr ServiceRowId = 0;
} // namespace

MessageTypeTreeModel::MessageTypeTreeModel(const rules::MessageTypeCatalog &catalog,
    const QStringList &off,
    const QHash<QString, qint64> &counts,
    QObject *parent)
    : QAbstractItemModel(parent)
    , m_toggles(off)
{
    const QList<rules::MessageType> services = catalog.services();
    for (const rules::MessageType &serviceType : services) {
        Service service;
        service.type = serviceType;
        service.count = counts.value(serviceType.id);
        service.kinds = catalog.kinds(serviceType.id);
        // Kinds seen in the history that the catalog does not list.
        const QString prefix = serviceType.id + QLatin1Char('/');
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            if (!it.key().startsWith(prefix))
                continue;
            const bool known = std::any_of(
                service.kinds.cbegin(), service.kinds.cend(), [&](const rules::MessageType &k) {
                    return k.id == it.key();
                });
            if (!known)
                service.kinds.append(catalog.type(it.key()));
        }
        std::sort(service.kinds.begin(),
            service.kinds.end(),
            [](const rules::MessageType &a, const rules::MessageType &b) {
                return a.kind < b.kind;
            });
        for (const rules::MessageType &kind : std::as_const(service.kinds))
            service.kindCounts.append(counts.value(kind.id));
        m_services.append(service);
    }
}

QHash<QString, qint64> MessageTypeTreeModel::countsFromHistory(
    const History &history, const rules::MessageTypeCatalog &catalog, const QDateTime &since)
{
    HistoryQuery query;
    query.from = since;
    query.limit = 0;
    QHash<QString, qint64> counts;
    const QList<TopicCount> rows = history.countsPerTopic(query);
    for (const TopicCount &row : rows) {
        if (row.serviceName.isEmpty())
            continue;
        Rendering rendering;
        rendering.serviceName = row.serviceName;
        const QString type = catalog.typeOf(row.topic, rendering);
        counts[row.serviceName] += row.count;
        if (type != row.serviceName)
            counts[type] += row.count;
    }
    return counts;
}

void MessageTypeTreeModel::setOff(const QStringList &off)
{
    rules::MessageTypeToggles toggles(off);
    if (toggles.off() == m_toggles.off())
        return;
    m_toggles = toggles;
    if (!m_services.isEmpty()) {
        Q_EMIT dataChanged(
            index(0, 0), index(int(m_services.size()) - 1, 0), { Qt::CheckStateRole });
        for (int row = 0; row < m_services.size(); ++row) {
            const QModelIndex parent = index(row, 0);
            const int kinds = rowCount(parent);
            if (kinds > 0)
                Q_EMIT dataChanged(
                    index(0, 0, parent), index(kinds - 1, 0, parent), { Qt::CheckStateRole });
        }
    }
}

void MessageTypeTreeModel::apply(const rules::MessageTypeToggles &toggles)
{
    const QStringList before = m_toggles.off();
    setOff(toggles.off());
    if (m_toggles.off() != before)
        Q_EMIT offChanged(m_toggles.off());
}

void MessageTypeTreeModel::setAllOn(bool on)
{
    rules::MessageTypeToggles toggles;
    if (!on)
        for (const Service &service : std::as_const(m_services))
            toggles.setOn(service.type.id, false);
    apply(toggles);
}

QModelIndex MessageTypeTreeModel::indexOf(const QString &id) const
{
    for (int row = 0; row < m_services.size(); ++row) {
        const Service &service = m_services.at(row);
        if (service.type.id == id)
            return index(row, 0);
        for (int k = 0; k < service.kinds.size(); ++k)
            if (service.kinds.at(k).id == id)
                return index(k, 0, index(row, 0));
    }
    return {};
}

QModelIndex MessageTypeTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_services.size() ? createIndex(row, column, ServiceRowId) : QModelIndex();
    if (parent.internalId() != ServiceRowId || parent.row() >= m_services.size())
        return {};
    if (row >= m_services.at(parent.row()).kinds.size())
        return {};
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex MessageTypeTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == ServiceRowId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, ServiceRowId);
}

int MessageTypeTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_services.size());
    if (parent.column() != 0 || parent.internalId() != ServiceRowId)
        return 0;
    return int(m_services.at(parent.row()).kinds.size());
}

int MessageTypeTreeModel::columnCount(const QModelIndex & /*parent*/) const
{
    return ColumnCount;
}

const rules::MessageType *MessageTypeTreeModel::typeAt(
    const QModelIndex &index, qint64 *count) const
{
    if (!index.isValid())
        return nullptr;
    if (index.internalId() == ServiceRowId) {
        const Service &service = m_services.at(index.row());
        *count = service.count;
        return &service.type;
    }
    const Service &service = m_services.at(int(index.internalId() - 1));
    *count = service.kindCounts.at(index.row());
    return &service.kinds.at(index.row());
}

Qt::CheckState MessageTypeTreeModel::checkState(const QModelIndex &index) const
{
    qint64 count = 0;
    const rules::MessageType *type = typeAt(index, &count);
    if (!type)
        return Qt::Unchecked;
    if (!m_toggles.isOn(type->id))
        return Qt::Unchecked;
    if (index.internalId() != ServiceRowId)
        return Qt::Checked;
    const Service &service = m_services.at(index.row());
    const bool someOff = std::any_of(
        service.kinds.cbegin(), service.kinds.cend(), [this](const rules::MessageType &k) {
            return !m_toggles.isOn(k.id);
        });
    return someOff ? Qt::PartiallyChecked : Qt::Checked;
}

QVariant MessageTypeTreeModel::data(const QModelIndex &index, int role) const
{
    qint64 count = 0;
    const rules::MessageType *type = typeAt(index, &count);
    if (!type)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == CountColumn)
            return count;
        return type->kind.isEmpty() || !type->label.isEmpty() ? type->label : type->kind;
    case Qt::ToolTipRole:
        return type->description.isEmpty() ? type->id : type->description;
    case Qt::AccessibleTextRole:
        if (index.column() == CountColumn)
            return tr(
                "%n message(s) in the last 7 days", nullptr, int(std::min<qint64>(count, INT_MAX)));
        return type->label;
    case Qt::AccessibleDescriptionRole:
    case DescriptionRole:
        return type->description;
    case Qt::CheckStateRole:
        return index.column() == LabelColumn ? QVariant(checkState(index)) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == CountColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                             : QVariant();
    case IdRole:
        return type->id;
    case IconUrlRole:
        return type->icon;
    case CountRole:
        return count;
    case SearchTextRole:
        return QString(
            type->label + QLatin1Char(' ') + type->description + QLatin1Char(' ') + type->id);
    default:
        return {};
    }
}

bool MessageTypeTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    qint64 count = 0;
    const rules::MessageType *type = typeAt(index, &count);
    if (!type || role != Qt::CheckStateRole || index.column() != LabelColumn)
        return false;
    const bool on = value.value<Qt::CheckState>() != Qt::Unchecked;
    rules::MessageTypeToggles toggles = m_toggles;
    if (index.internalId() == ServiceRowId) {
        // The service whole: its kinds follow it.
        for (const rules::MessageType &kind : std::as_const(m_services.at(index.row()).kinds))
            toggles.setOn(kind.id, true);
        toggles.setOn(type->id, on);
    } else {
        const Service &service = m_services.at(int(index.internalId() - 1));
        if (on && !toggles.isOn(service.type.id)) {
            // Ticking one kind of a service that is off: the service on, only that kind.
            toggles.setOn(service.type.id, true);
            for (const rules::MessageType &kind : service.kinds)
                toggles.setOn(kind.id, false);
        }
        toggles.setOn(type->id, on);
    }
    apply(toggles);
    return true;
}

Qt::ItemFlags MessageTypeTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == LabelColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant MessageTypeTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == LabelColumn ? tr("Message type") : tr("Last 7 days");
}

} // namespace fedmsg
