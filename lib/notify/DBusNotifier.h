// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// lib/notify: desktop notifications over the freedesktop D-Bus API. It shows what it is given
// and reports clicks; it never decides what to show (rules do) and never reaches back into sources.

#include "notify/Notification.h"

#include <QDBusConnection>
#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

class QDBusServiceWatcher;

namespace fedmsg {

/**
 * @brief Shows notifications through org.freedesktop.Notifications, asynchronously.
 *
 * The server's capabilities are asked once; notifications queue until the answer arrives.
 * Bodies are escaped when the server supports markup (messages are untrusted input). A click
 * (the "default" action) emits linkActivated() for http/https links only, then closes the
 * notification (some servers, e.g. dunst, keep it open after an action). The server is watched:
 * when it goes away (crash, restart) serverAvailableChanged(false) is emitted, its notifications
 * count as gone and its capabilities are forgotten; a new server is asked again.
 * @code
 * DBusNotifier notifier;
 * connect(&notifier, &DBusNotifier::linkActivated, [](const QUrl &u) {
 * QDesktopServices::openUrl(u); }); notifier.show(notification);
 * @endcode
 */
class DBusNotifier : public QObject
{
    Q_OBJECT
public:
    explicit DBusNotifier(QObject *parent = nullptr);
    explicit DBusNotifier(const QDBusConnection &connection, QObject *parent = nullptr);
    ~DBusNotifier() override;

    /// Whether a notification server owns org.freedesktop.Notifications right now.
    bool isServerAvailable() const;
    /// The server's capabilities, once known (empty before).
    QStringList capabilities() const { return m_capabilities; }
    bool capabilitiesKnown() const { return m_capabilitiesKnown; }

    void show(const Notification &notification);
    void closeAll();
    /// Number of notifications currently open (shown and not closed).
    int openCount() const { return static_cast<int>(m_open.size()); }

    /// Text safe to put in a body for a server that parses markup.
    static QString escapeMarkup(const QString &text);
    /// The link as a URL if it may be opened (http/https with a host), else an empty QUrl.
    static QUrl safeLink(const QString &link);

Q_SIGNALS:
    /// A notification was shown; id is the server's.
    void shown(uint id, qint64 historyId);
    /// The user clicked a notification whose link is safe to open.
    void linkActivated(const QUrl &url, qint64 historyId);
    void closed(uint id, uint reason);
    /// No notification server: the caller should fall back (e.g. the tray's balloon).
    void serverUnavailable(const fedmsg::Notification &notification);
    /// The notification server appeared on or vanished from the bus (status for the UI).
    void serverAvailableChanged(bool available);

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &action);
    void onNotificationClosed(uint id, uint reason);
    void onServerRegistered();
    void onServerUnregistered();

private:
    void init();
    void requestCapabilities();
    void send(const Notification &notification);

    QDBusConnection m_connection;
    QDBusServiceWatcher *m_watcher = nullptr;
    QStringList m_capabilities;
    bool m_capabilitiesKnown = false;
    bool m_capabilitiesPending = false;
    QList<Notification> m_queue;
    QHash<uint, Notification> m_open;
};

} // namespace fedmsg
