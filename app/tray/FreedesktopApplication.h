// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QDBusContext>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>

namespace fedmsg {

/**
 * @brief org.freedesktop.Application on the session bus: owns the application ID as a bus name
 * and exports the interface at its object path, as the Desktop Entry Specification asks of a
 * DBusActivatable application. The desktop entry and the D-Bus .service file name the same ID,
 * so a launcher activates the running applet (or D-Bus starts it with --background).
 * Actions: "quit". Open() has no files to open and activates like Activate().
 */
class FreedesktopApplication : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Application")
public:
    explicit FreedesktopApplication(QString applicationId, QObject *parent = nullptr);
    ~FreedesktopApplication() override;
    Q_DISABLE_COPY_MOVE(FreedesktopApplication)

    /// "/" + the ID with '.' as '/' and '-' as '_' (Desktop Entry Specification, D-Bus Activation).
    static QString objectPath(const QString &applicationId);
    /// Exports the object and requests the name; false with the reason when that is not possible.
    bool registerOnSessionBus(QString *error = nullptr);
    bool isRegistered() const { return m_registered; }

public Q_SLOTS:
    // NOLINTBEGIN(readability-identifier-naming): the D-Bus member names
    void Activate(const QVariantMap &platformData);
    void Open(const QStringList &uris, const QVariantMap &platformData);
    void ActivateAction(
        const QString &actionName, const QVariantList &parameter, const QVariantMap &platformData);
    // NOLINTEND(readability-identifier-naming)

Q_SIGNALS:
    /// Show the applet's window; the token ("activation-token" or "desktop-startup-id") may be
    /// empty.
    void activated(const QString &activationToken);
    void quitRequested();

private:
    QString m_id;
    bool m_registered = false;
};

} // namespace fedmsg
