// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "notify/ControlService.h"
#include "ControlAdaptor.h"

#include <QDBusError>
#include <QDBusMessage>
#include <QVariantMap>

namespace fedmsg {

ControlService::ControlService(QObject *parent)
    : QObject(parent)
    , m_connection(QStringLiteral("none"))
{
    new ControlAdaptor(this); // relays the signals above; owned by this object
}

ControlService::~ControlService()
{
    if (m_registered)
        m_connection.unregisterObject(QLatin1String(ObjectPath));
}

bool ControlService::registerOn(const QDBusConnection &connection, QString *error)
{
    m_connection = connection;
    m_registered = m_connection.registerObject(
        QLatin1String(ObjectPath), this, QDBusConnection::ExportAdaptors);
    if (!m_registered && error)
        *error = QStringLiteral("cannot export %1: %2")
                     .arg(QLatin1String(ObjectPath), m_connection.lastError().message());
    return m_registered;
}

void ControlService::propertyChanged(const QString &name, const QVariant &value)
{
    if (!m_registered)
        return;
    // Property-binding clients (gdbus monitor, QML, GTK) listen to the standard signal.
    QDBusMessage signal = QDBusMessage::createSignal(QLatin1String(ObjectPath),
        QStringLiteral("org.freedesktop.DBus.Properties"),
        QStringLiteral("PropertiesChanged"));
    signal << QLatin1String(Interface) << QVariantMap { { name, value } } << QStringList();
    m_connection.send(signal);
}

void ControlService::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    propertyChanged(QStringLiteral("Paused"), paused);
    Q_EMIT PausedChanged(paused);
}

void ControlService::setUnreadCount(uint count)
{
    if (count == m_unread)
        return;
    m_unread = count;
    propertyChanged(QStringLiteral("UnreadCount"), count);
    Q_EMIT UnreadCountChanged(count);
}

void ControlService::Pause(uint seconds)
{
    Q_EMIT pauseRequested(seconds);
}

void ControlService::Resume()
{
    Q_EMIT resumeRequested();
}

void ControlService::MarkAllRead()
{
    Q_EMIT markAllReadRequested();
}

void ControlService::ShowHistory()
{
    Q_EMIT showHistoryRequested();
}

void ControlService::ShowPreferences()
{
    Q_EMIT showPreferencesRequested();
}

QString ControlService::Explain(const QString &msgId)
{
    const std::optional<QString> text = m_explainer ? m_explainer(msgId) : std::nullopt;
    if (text)
        return *text;
    const QString why = QStringLiteral("no message with id %1 in the history").arg(msgId);
    if (calledFromDBus())
        sendErrorReply(QDBusError::InvalidArgs, why);
    return {};
}

} // namespace fedmsg
