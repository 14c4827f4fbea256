// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "MessageTypeFilterProxy.h"

#include "model/MessageTypeTreeModel.h"

#include <utility>

namespace fedmsg {

MessageTypeFilterProxy::MessageTypeFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setFilterRole(MessageTypeTreeModel::SearchTextRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setRecursiveFilteringEnabled(true); // a matching kind keeps its service
}

void MessageTypeFilterProxy::setIconLookup(IconLookup lookup)
{
    m_lookup = std::move(lookup);
    m_icons.clear();
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, 0), { Qt::DecorationRole });
}

QVariant MessageTypeFilterProxy::data(const QModelIndex &index, int role) const
{
    if (role != Qt::DecorationRole || index.column() != MessageTypeTreeModel::LabelColumn
        || index.parent().isValid() || !m_lookup)
        return QSortFilterProxyModel::data(index, role);
    const QString url = index.data(MessageTypeTreeModel::IconUrlRole).toString();
    if (url.isEmpty())
        return {};
    auto it = m_icons.find(url);
    if (it == m_icons.end()) {
        const QString file = m_lookup(url);
        it = m_icons.insert(url, file.isEmpty() ? QIcon() : QIcon(file));
    }
    return it->isNull() ? QVariant() : QVariant(*it);
}

bool MessageTypeFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent))
        return true;
    // A kind of a service that matches stays.
    return sourceParent.isValid()
        && QSortFilterProxyModel::filterAcceptsRow(sourceParent.row(), sourceParent.parent());
}

} // namespace fedmsg
