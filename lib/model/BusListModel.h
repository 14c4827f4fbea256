// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "bus/BusConfig.h"
#include "bus/EndpointStatus.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QString>

namespace fedmsg {

/**
 * @brief The configured buses as a tree for the preferences' Buses page: each bus (top level,
 * checkable: enabled) with its endpoints as children, and the live state of each.
 *
 * Column 0: the bus's label (check state = enabled) or the endpoint's URL; column 1: the kind
 * of bus ("fedmsg (ZeroMQ)", "fedora-messaging (AMQP)"); column 2: the state. An endpoint's
 * state is the last EndpointStatus the engine reported for it ("connected", "connecting",
 * "down: <reason>"); a bus's state sums up its endpoints'. Ticking a bus emits enabledChanged()
 * and nothing else: the caller saves buses() (Settings::setBuses).
 * @code
 * BusListModel model;
 * model.setBuses(settings.buses(Transports::presets()));
 * model.setStatuses(engine.endpointStatuses());
 * connect(&engine, &Engine::endpointStatusChanged, &model, &BusListModel::setStatus);
 * @endcode
 */
class BusListModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { LabelColumn = 0, KindColumn = 1, StateColumn = 2, ColumnCount = 3 };
    enum Role {
        BusNameRole = Qt::UserRole + 1, ///< the bus's name (both levels)
        StateRole, ///< EndpointStatus::State as int; -1 = none reported
    };

    explicit BusListModel(QObject *parent = nullptr);

    void setBuses(const QList<BusConfig> &buses);
    QList<BusConfig> buses() const { return m_buses; }
    /// Read-only: the buses cannot be ticked or unticked (the --demo applet's demo bus).
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }
    /// The row of the bus called @p name, -1 when there is none.
    int rowOf(const QString &name) const;
    /// Replaces every known state (e.g. Engine::endpointStatuses() when the page opens).
    void setStatuses(const QList<EndpointStatus> &statuses);
    /// One endpoint's new state (Engine::endpointStatusChanged).
    void setStatus(const EndpointStatus &status);
    /// The last state reported for bus @p busName's endpoint @p url; nullptr when none.
    const EndpointStatus *status(const QString &busName, const QString &url) const;

    /// @p url as shown: without a password (an AMQP URL may carry one).
    static QString shownUrl(const QString &url);
    /// The bus's label as shown: a preset's in the user's language, one the user typed as typed.
    static QString labelText(const BusConfig &bus);
    /// The bus's note as shown: translated, with BusConfig::noteArgument for its %1.
    static QString noteText(const BusConfig &bus);
    /// "fedmsg (ZeroMQ)" or "fedora-messaging (AMQP)".
    static QString kindText(BusConfig::Transport transport);
    /// "connected", "connecting", "down: <reason>", "stopped".
    static QString stateText(const EndpointStatus &status);
    /// A bus's state: "off", "not connected", "connected", "1 of 2 connected", its configError.
    QString busStateText(int row) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    /// The user ticked or unticked the bus in @p row.
    void enabledChanged(int row, bool enabled);

private:
    [[nodiscard]] QVariant busData(int busRow, int column, int role) const;
    [[nodiscard]] QVariant endpointData(int busRow, const QModelIndex &index, int role) const;
    static QString key(const QString &busName, const QString &url)
    {
        return busName + QChar(0) + url;
    }
    QHash<QString, EndpointStatus> m_statuses;
    bool m_readOnly = false;
    QList<BusConfig> m_buses; ///< a child index's internal id is its bus row + 1 (bus rows: 0)
};

} // namespace fedmsg
