// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "StatusNotifierWatcher.h"

#include <QCoreApplication>
#include <QDBusConnectionInterface>
#include <QDBusMessage>

namespace fedmsg::test {

StatusNotifierWatcher::StatusNotifierWatcher(QObject *parent)
    : QObject(parent)
{}

StatusNotifierWatcher::~StatusNotifierWatcher()
{
    if (!m_bus.isConnected())
        return;
    m_bus.unregisterObject(QLatin1String(ObjectPath));
    m_bus.unregisterService(QLatin1String(ServiceName));
    if (!m_hostName.isEmpty())
        m_bus.unregisterService(m_hostName);
}

bool StatusNotifierWatcher::registerOn(const QDBusConnection &bus, QString *error)
{
    m_bus = bus;
    if (!m_bus.isConnected()) {
        *error = QStringLiteral("no session bus");
        return false;
    }
    // An item that leaves the bus (its program quit) is no longer registered.
    m_bus.connect(QStringLiteral("org.freedesktop.DBus"),
        QStringLiteral("/org/freedesktop/DBus"),
        QStringLiteral("org.freedesktop.DBus"),
        QStringLiteral("NameOwnerChanged"),
        this,
        SLOT(ownerChanged(QString, QString, QString)));
    if (!m_bus.registerObject(QLatin1String(ObjectPath),
            this,
            QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals
                | QDBusConnection::ExportAllProperties)) {
        *error = QStringLiteral("cannot export %1").arg(QLatin1String(ObjectPath));
        return false;
    }
    if (!m_bus.registerService(QLatin1String(ServiceName))) {
        *error = QStringLiteral("%1 is owned by another program: %2")
                     .arg(QLatin1String(ServiceName), m_bus.lastError().message());
        return false;
    }
    // The host: a panel showing the items. Registered as a host would, through the watcher's
    // own method, under the name the specification gives hosts.
    m_hostName =
        QStringLiteral("org.kde.StatusNotifierHost-%1").arg(QCoreApplication::applicationPid());
    if (!m_bus.registerService(m_hostName)) {
        *error = QStringLiteral("cannot own %1: %2").arg(m_hostName, m_bus.lastError().message());
        return false;
    }
    RegisterStatusNotifierHost(m_hostName);
    return true;
}

void StatusNotifierWatcher::RegisterStatusNotifierItem(const QString &service)
{
    // A bus name, or an object path on the caller's connection (both are in the wild).
    QString item = service;
    if (service.startsWith(QLatin1Char('/')) && calledFromDBus())
        item = message().service() + service;
    if (m_items.contains(item))
        return;
    m_items.append(item);
    Q_EMIT StatusNotifierItemRegistered(item);
}

void StatusNotifierWatcher::RegisterStatusNotifierHost(const QString &service)
{
    if (m_hosts.contains(service))
        return;
    m_hosts.append(service);
    Q_EMIT StatusNotifierHostRegistered();
}

void StatusNotifierWatcher::ownerChanged(
    const QString &name, const QString & /*oldOwner*/, const QString &newOwner)
{
    if (!newOwner.isEmpty())
        return;
    for (qsizetype i = m_items.size() - 1; i >= 0; --i) {
        const QString &item = m_items.at(i);
        if (item == name || item.startsWith(name + QLatin1Char('/'))) {
            const QString gone = m_items.takeAt(i);
            Q_EMIT StatusNotifierItemUnregistered(gone);
        }
    }
}

} // namespace fedmsg::test
