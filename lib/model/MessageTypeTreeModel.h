// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "rules/MessageType.h"
#include "rules/MessageTypeToggles.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace fedmsg {

class History;
namespace rules {
class MessageTypeCatalog;
} // namespace rules

/**
 * @brief The message types a user can switch on and off, as a tree for the preferences: the
 * catalog's services (top level) and their topic kinds (children), each with a check state and
 * the number of such messages stored recently.
 *
 * Column 0 is the label with its check state (a service is partly checked when some of its
 * kinds are off), column 1 the count. Unticking a service switches it off whole; ticking a kind
 * of a service that is off switches the service on with only that kind. Every change emits
 * offChanged() with the MessageTypeToggles ids now off (what Settings::messageTypesOff keeps).
 * Kinds the catalog does not list but the counts name (a topic seen in the history) are added.
 * @code
 * MessageTypeTreeModel model(catalog, settings.messageTypesOff(),
 *     MessageTypeTreeModel::countsFromHistory(history, catalog, now.addDays(-7)));
 * connect(&model, &MessageTypeTreeModel::offChanged, &settings, &Settings::setMessageTypesOff);
 * @endcode
 */
class MessageTypeTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1, ///< "bodhi" or "bodhi/update.comment"
        DescriptionRole, ///< one line
        IconUrlRole, ///< the service's icon URL (may be empty)
        CountRole, ///< qint64, messages counted
        SearchTextRole, ///< label, description and id, for a filter
    };
    enum Column { LabelColumn = 0, CountColumn = 1, ColumnCount = 2 };

    MessageTypeTreeModel(const rules::MessageTypeCatalog &catalog,
        const QStringList &off,
        const QHash<QString, qint64> &counts = {},
        QObject *parent = nullptr);

    /// Messages per type id ("bodhi" and "bodhi/update.comment") received since @p since, from
    /// the history's per-topic counts; empty when the history cannot be read.
    static QHash<QString, qint64> countsFromHistory(
        const History &history, const rules::MessageTypeCatalog &catalog, const QDateTime &since);

    /// The ids switched off, sorted.
    QStringList off() const { return m_toggles.off(); }
    /// Replaces the ids switched off (a change made elsewhere); emits nothing when equal.
    void setOff(const QStringList &off);
    /// Every type on (@p on) or every service off.
    void setAllOn(bool on);
    /// The index of a type id, invalid when the tree does not have it.
    QModelIndex indexOf(const QString &id) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void offChanged(const QStringList &off);

private:
    struct Service
    {
        rules::MessageType type;
        qint64 count = 0;
        QList<rules::MessageType> kinds;
        QList<qint64> kindCounts;
    };
    const rules::MessageType *typeAt(const QModelIndex &index, qint64 *count) const;
    Qt::CheckState checkState(const QModelIndex &index) const;
    void apply(const rules::MessageTypeToggles &toggles);

    QList<Service> m_services;
    rules::MessageTypeToggles m_toggles;
};

} // namespace fedmsg
