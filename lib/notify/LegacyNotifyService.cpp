// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "notify/LegacyNotifyService.h"
#include "LegacyNotifyAdaptor.h"

#include <QDBusConnectionInterface>

namespace fedmsg {

LegacyNotifyService::LegacyNotifyService(QObject *parent)
    : QObject(parent)
    , m_connection(QStringLiteral("none"))
{
    new LegacyNotifyAdaptor(this);
}

LegacyNotifyService::~LegacyNotifyService()
{
    if (m_ownsName)
        m_connection.unregisterService(QLatin1String(ServiceName));
    if (m_registered)
        m_connection.unregisterObject(QLatin1String(ObjectPath));
}

bool LegacyNotifyService::registerOn(const QDBusConnection &connection, QString *error)
{
    m_connection = connection;
    m_registered = m_connection.registerObject(
        QLatin1String(ObjectPath), this, QDBusConnection::ExportAdaptors);
    if (!m_registered) {
        if (error)
            *error = QStringLiteral("cannot export %1").arg(QLatin1String(ObjectPath));
        return false;
    }
    QDBusConnectionInterface *bus = m_connection.interface();
    const QDBusReply<QDBusConnectionInterface::RegisterServiceReply> reply = bus
        ? bus->registerService(QLatin1String(ServiceName),
            QDBusConnectionInterface::DontQueueService,
            QDBusConnectionInterface::DontAllowReplacement)
        : QDBusReply<QDBusConnectionInterface::RegisterServiceReply>();
    m_ownsName = reply.isValid() && reply.value() == QDBusConnectionInterface::ServiceRegistered;
    if (!m_ownsName && error)
        *error = QStringLiteral("%1 is owned by another program (the old applet?)")
                     .arg(QLatin1String(ServiceName));
    return m_ownsName;
}

void LegacyNotifyService::relay(const QString &topic, const QString &json)
{
    if (m_relay)
        Q_EMIT MessageReceived(topic, json);
}

void LegacyNotifyService::Enable()
{
    Q_EMIT enableRequested();
}

void LegacyNotifyService::Disable()
{
    Q_EMIT disableRequested();
}

} // namespace fedmsg
