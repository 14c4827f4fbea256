// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QDBusConnection>
#include <QDBusContext>
#include <QObject>
#include <QStringList>

namespace fedmsg::test {

/**
 * @brief A small org.kde.StatusNotifierWatcher for tests: what GNOME's AppIndicator extension
 * and Plasma run, reduced to the registry.
 *
 * registerOn() takes the well-known name org.kde.StatusNotifierWatcher on @p bus, exports this
 * object at /StatusNotifierWatcher, and registers a host (org.kde.StatusNotifierHost-PID, owned
 * by the same connection): Qt's QSystemTrayIcon uses StatusNotifierItem instead of XEmbed only
 * when a watcher with a registered host is on the bus when its first tray icon is made. Items
 * are kept as the service names they registered with and dropped when their owner leaves the
 * bus (StatusNotifierItemUnregistered).
 */
class StatusNotifierWatcher : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.kde.StatusNotifierWatcher")
    Q_PROPERTY(QStringList RegisteredStatusNotifierItems READ registeredItems)
    Q_PROPERTY(bool IsStatusNotifierHostRegistered READ isHostRegistered)
    Q_PROPERTY(int ProtocolVersion READ protocolVersion)
public:
    static constexpr auto ServiceName = "org.kde.StatusNotifierWatcher";
    static constexpr auto ObjectPath = "/StatusNotifierWatcher";

    explicit StatusNotifierWatcher(QObject *parent = nullptr);
    ~StatusNotifierWatcher() override;
    Q_DISABLE_COPY_MOVE(StatusNotifierWatcher)

    /// Exports the watcher and registers the host; false with @p error when the name is taken.
    bool registerOn(const QDBusConnection &bus, QString *error);

    QStringList registeredItems() const { return m_items; }
    bool isHostRegistered() const { return !m_hosts.isEmpty(); }
    static int protocolVersion() { return 0; }

    // NOLINTBEGIN(readability-identifier-naming): D-Bus member names fixed by the SNI spec
public Q_SLOTS:
    void RegisterStatusNotifierItem(const QString &service);
    void RegisterStatusNotifierHost(const QString &service);

Q_SIGNALS:
    void StatusNotifierItemRegistered(const QString &service);
    void StatusNotifierItemUnregistered(const QString &service);
    void StatusNotifierHostRegistered();
    // NOLINTEND(readability-identifier-naming)

private Q_SLOTS: // not exported: ExportAllSlots exports public slots only
    void ownerChanged(const QString &name, const QString &oldOwner, const QString &newOwner);

private:
    QDBusConnection m_bus { QString() };
    QStringList m_items;
    QStringList m_hosts;
    QString m_hostName;
};

} // namespace fedmsg::test
