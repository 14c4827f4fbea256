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
#include <QVariantMap>

class NotificationsProxy;
class PropertiesProxy;
class QDBusServiceWatcher;

namespace fedmsg {

/**
 * @brief Shows notifications through org.freedesktop.Notifications, asynchronously.
 *
 * The calls go through NotificationsProxy, generated from resources/dbus. Whether a server owns
 * org.freedesktop.Notifications is cached and kept current by a QDBusServiceWatcher (no round
 * trip per show()); each new owner is asked for its capabilities (and its name, for the log) at
 * once, and notifications queue until that answer arrives.
 * Messages are untrusted input: summary and body lose every control character (C0, DEL, C1:
 * terminal escapes, NUL, carriage returns) and every bidi control that could reorder what the
 * user reads (plainText()); the body keeps its newlines and tabs, the summary stays one line.
 * Bodies are then escaped when the server supports markup. Every popup carries an icon
 * (Notification::iconPath, else the shipped application icon as a cached file, IconFiles), the
 * hints desktop-entry (org.fedoraproject.FedmsgNotify), category, urgency, x-fedmsg-topic and
 * image-path, and, where the server has "actions", at most three: default (the link), "Mute…"
 * and "Why?" (muteRequested(), whyRequested()). A click
 * (the "default" action) emits linkActivated() for http/https links only, then closes the
 * notification (some servers, e.g. dunst, keep it open after an action). The server is watched:
 * when it goes away (crash, restart) serverAvailableChanged(false) is emitted, its notifications
 * count as gone and its capabilities are forgotten; a new server is asked again. While there is
 * none, show() hands each notification to serverUnavailable() (the caller's fallback) and counts
 * it (notShownCount()); the log says so once per absence, and the first notification after a
 * server appears goes to it.
 * @code
 * DBusNotifier notifier;
 * connect(&notifier, &DBusNotifier::linkActivated, [](const QUrl &u, qint64, const QString &) {
 * QDesktopServices::openUrl(u); }); notifier.show(notification);
 * @endcode
 */
class DBusNotifier : public QObject
{
    Q_OBJECT
public:
    explicit DBusNotifier(QObject *parent = nullptr);
    explicit DBusNotifier(QDBusConnection connection, QObject *parent = nullptr);
    ~DBusNotifier() override;
    Q_DISABLE_COPY_MOVE(DBusNotifier)

    /// Whether a notification server owns org.freedesktop.Notifications (cached, no bus call).
    bool isServerAvailable() const { return m_serverPresent; }
    /// The server's name and version from GetServerInformation, once known (e.g. "dunst 1.9.0").
    QString serverName() const { return m_serverName; }
    /// The desktop's own do-not-disturb (Plasma's Inhibited property; false where the server has
    /// none, e.g. dunst and GNOME).
    bool desktopInhibited() const { return m_desktopInhibited; }
    /// Notifications handed to serverUnavailable() since the server went (or since the start).
    int notShownCount() const { return m_notShown; }
    /// The server's capabilities, once known (empty before).
    QStringList capabilities() const { return m_capabilities; }
    bool capabilitiesKnown() const { return m_capabilitiesKnown; }

    void show(const Notification &message);
    void closeAll();
    /// Number of notifications currently open (shown and not closed).
    int openCount() const { return static_cast<int>(m_open.size()); }

    /// Text safe to put in a body for a server that parses markup.
    static QString escapeMarkup(const QString &text);
    enum class TextKind {
        SingleLine, ///< a summary: newlines, line separators and tabs become spaces
        MultiLine, ///< a body: keeps newlines (line separators become newlines) and tabs
    };
    /**
     * Message text as it may be shown: C0 controls (but newline and tab, see TextKind), DEL, C1
     * controls, and the bidi controls U+061C, U+200E, U+200F, U+202A..U+202E and U+2066..U+2069
     * are dropped; everything else is kept as it is. show() applies it to summary and body.
     */
    static QString plainText(const QString &text, TextKind kind);
    /// The link as a URL if it may be opened (http/https with a host, no user info), else an
    /// empty QUrl.
    static QUrl safeLink(const QString &link);
    /// The Notify actions (key, label pairs) for a server with @p capabilities: none without
    /// "actions"; "default" only for a safe link; then "mute" and "why" when offered.
    static QStringList actionsFor(
        const Notification &notification, const QStringList &capabilities);
    /// The Notify hints: desktop-entry, category, urgency, x-fedmsg-topic, image-path.
    static QVariantMap hintsFor(const Notification &notification);

Q_SIGNALS:
    /// A notification was shown; id is the server's.
    void shown(uint id, qint64 historyId);
    /// The same, with what was shown (for the burst control's replace-in-place).
    void shownNotification(uint id, const fedmsg::Notification &notification);
    /**
     * The user clicked a notification whose link is safe to open. @p activationToken is the
     * server's ActivationToken for that click (empty when it sent none): hand it to the opener
     * (XDG_ACTIVATION_TOKEN, or the OpenURI portal's activation_token) so Wayland raises it.
     */
    void linkActivated(const QUrl &url, qint64 historyId, const QString &activationToken);
    /// The user chose "Mute…" on @p notification (the app offers the durations).
    void muteRequested(const fedmsg::Notification &notification, const QString &activationToken);
    /// The user chose "Why?" on @p notification (the app shows notification.why).
    void whyRequested(const fedmsg::Notification &notification, const QString &activationToken);
    void closed(uint id, uint reason);
    /// No notification server: the caller should fall back (e.g. the tray's balloon).
    void serverUnavailable(const fedmsg::Notification &notification);
    /// The notification server appeared on or vanished from the bus (status for the UI).
    void serverAvailableChanged(bool available);
    /// The server's Inhibited property changed (Plasma's do-not-disturb).
    void desktopInhibitedChanged(bool inhibited);

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &action);
    void onNotificationClosed(uint id, uint reason);
    void onActivationToken(uint id, const QString &token);
    void onOwnerChanged(const QString &service, const QString &oldOwner, const QString &newOwner);
    void onPropertiesChanged(
        const QString &interface, const QVariantMap &changed, const QStringList &invalidated);

private:
    void init();
    void serverAppeared();
    void requestCapabilities();
    void requestInhibited();
    void setDesktopInhibited(bool inhibited);
    void send(const Notification &notification);
    void notShown(const Notification &notification);
    void close(uint id);

    QDBusConnection m_connection;
    NotificationsProxy *m_proxy = nullptr;
    PropertiesProxy *m_properties = nullptr; ///< the server's PropertiesChanged (Inhibited)
    QDBusServiceWatcher *m_watcher = nullptr;
    bool m_serverPresent = false;
    bool m_desktopInhibited = false;
    QString m_serverName;
    int m_notShown = 0;
    QStringList m_capabilities;
    bool m_capabilitiesKnown = false;
    bool m_capabilitiesPending = false;
    /// Bumped on every owner change: a reply from a previous server is ignored.
    quint64 m_generation = 0;
    QList<Notification> m_queue;
    QHash<uint, Notification> m_open;
    QHash<uint, QString> m_activationTokens; ///< token per id, until its action arrives
};

} // namespace fedmsg
