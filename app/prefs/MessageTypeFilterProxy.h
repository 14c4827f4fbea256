// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QHash>
#include <QIcon>
#include <QSortFilterProxyModel>

#include <functional>

namespace fedmsg {

/**
 * @brief The message-type tree as the preferences show it: filtered by a text (a service whose
 * label, description or id matches keeps all its kinds; a kind that matches keeps its service),
 * and with each service's icon, read from the files the applet already downloaded for its popups
 * (never fetched from here).
 */
class MessageTypeFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    /// Icon URL -> local file ("" when not cached).
    using IconLookup = std::function<QString(const QString &url)>;

    explicit MessageTypeFilterProxy(QObject *parent = nullptr);
    void setIconLookup(IconLookup lookup);
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    IconLookup m_lookup;
    mutable QHash<QString, QIcon> m_icons; ///< by URL; a null icon when not cached
};

} // namespace fedmsg
