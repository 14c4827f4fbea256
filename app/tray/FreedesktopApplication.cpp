// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "FreedesktopApplication.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusError>
#include <QDBusReply>

#include <utility>

namespace fedmsg {

namespace {
QString tokenOf(const QVariantMap &platformData)
{
    const QString token = platformData.value(QStringLiteral("activation-token")).toString();
    return token.isEmpty() ? platformData.value(QStringLiteral("desktop-startup-id")).toString()
                           : token;
}
} // namespace

FreedesktopApplication::FreedesktopApplication(QString applicationId, QObject *parent)
    : QObject(parent)
    , m_id(std::move(applicationId))
{}

FreedesktopApplication::~FreedesktopApplication()
{
    if (!m_registered)
        return;
    QDBusConnection bus = QDBusConnection::sessionBus();
    bus.unregisterService(m_id);
    bus.unregisterObject(objectPath(m_id));
}

QString FreedesktopApplication::objectPath(const QString &applicationId)
{
    QString path = QLatin1Char('/') + applicationId;
    path.replace(QLatin1Char('.'), QLatin1Char('/'));
    path.replace(QLatin1Char('-'), QLatin1Char('_'));
    return path;
}

bool FreedesktopApplication::registerOnSessionBus(QString *error)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (!bus.isConnected())
        return fail(QStringLiteral("no session bus: %1").arg(bus.lastError().message()));
    // The object first: D-Bus activation delivers the waiting call as soon as the name is owned.
    if (!bus.registerObject(objectPath(m_id), this, QDBusConnection::ExportAllSlots))
        return fail(QStringLiteral("cannot export %1 on the session bus").arg(objectPath(m_id)));
    const QDBusReply<QDBusConnectionInterface::RegisterServiceReply> reply =
        bus.interface()->registerService(m_id);
    if (!reply.isValid() || reply.value() != QDBusConnectionInterface::ServiceRegistered) {
        bus.unregisterObject(objectPath(m_id));
        return fail(
            QStringLiteral("the session bus name %1 is taken%2")
                .arg(m_id,
                    reply.isValid() ? QString()
                                    : QStringLiteral(" (%1)").arg(reply.error().message())));
    }
    m_registered = true;
    return true;
}

void FreedesktopApplication::Activate(const QVariantMap &platformData)
{
    Q_EMIT activated(tokenOf(platformData));
}

void FreedesktopApplication::Open(const QStringList & /*uris*/, const QVariantMap &platformData)
{
    Q_EMIT activated(tokenOf(platformData));
}

void FreedesktopApplication::ActivateAction(const QString &actionName,
    const QVariantList & /*parameter*/,
    const QVariantMap & /*platformData*/)
{
    if (actionName == QLatin1String("quit")) {
        Q_EMIT quitRequested();
        return;
    }
    if (calledFromDBus())
        sendErrorReply(QDBusError::InvalidArgs,
            QStringLiteral("fedmsg-notify has no action named \"%1\"").arg(actionName));
}

} // namespace fedmsg
