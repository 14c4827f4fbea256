// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "notify/DBusNotifier.h"
#include "message/UnsafeText.h"
#include "notify/NotificationServer.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QLoggingCategory>

#include <utility>

Q_LOGGING_CATEGORY(lcNotify, "fedmsg.notify")

namespace fedmsg {

namespace {
const QString Service = QStringLiteral("org.freedesktop.Notifications");
const QString Path = QStringLiteral("/org/freedesktop/Notifications");
const QString Interface = QStringLiteral("org.freedesktop.Notifications");
const QString AppName = QStringLiteral("fedmsg-notify");
const QString DesktopEntry = QStringLiteral("org.fedoraproject.FedmsgNotify");
const QString DefaultAction = QStringLiteral("default");
} // namespace

DBusNotifier::DBusNotifier(QObject *parent)
    : DBusNotifier(QDBusConnection::sessionBus(), parent)
{}

DBusNotifier::DBusNotifier(QDBusConnection connection, QObject *parent)
    : QObject(parent)
    , m_connection(std::move(connection))
{
    init();
}

DBusNotifier::~DBusNotifier() = default;

void DBusNotifier::init()
{
    // Servers send these signals to the caller of Notify; listen on the same connection.
    auto *server = new NotificationServer(m_connection, this);
    connect(server, &NotificationServer::ActionInvoked, this, &DBusNotifier::onActionInvoked);
    connect(
        server, &NotificationServer::NotificationClosed, this, &DBusNotifier::onNotificationClosed);
    // A restarted server knows nothing of the old one's notifications and may differ in
    // capabilities: forget both when it goes, so closeAll() never closes another application's
    // notification that got a reused id.
    m_watcher = new QDBusServiceWatcher(Service,
        m_connection,
        QDBusServiceWatcher::WatchForRegistration | QDBusServiceWatcher::WatchForUnregistration,
        this);
    connect(m_watcher,
        &QDBusServiceWatcher::serviceRegistered,
        this,
        &DBusNotifier::onServerRegistered);
    connect(m_watcher,
        &QDBusServiceWatcher::serviceUnregistered,
        this,
        &DBusNotifier::onServerUnregistered);
}

void DBusNotifier::onServerRegistered()
{
    qCInfo(lcNotify) << "notification server is back on the session bus";
    Q_EMIT serverAvailableChanged(true);
}

void DBusNotifier::onServerUnregistered()
{
    qCWarning(lcNotify) << "notification server left the session bus;" << m_open.size()
                        << "open notifications are gone; falling back until it returns";
    m_open.clear();
    m_capabilities.clear();
    m_capabilitiesKnown = false;
    Q_EMIT serverAvailableChanged(false);
}

bool DBusNotifier::isServerAvailable() const
{
    return m_connection.isConnected() && m_connection.interface() != nullptr
        && m_connection.interface()->isServiceRegistered(Service).value();
}

QString DBusNotifier::escapeMarkup(const QString &text)
{
    return text.toHtmlEscaped();
}

QString DBusNotifier::plainText(const QString &text, TextKind kind)
{
    const bool multiLine = kind == TextKind::MultiLine;
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'\n' || u == 0x2028 || u == 0x2029) {
            out.append(multiLine ? QChar(u'\n') : QChar(u' '));
        } else if (u == u'\t') {
            out.append(multiLine ? QChar(u'\t') : QChar(u' '));
        } else if (UnsafeText::isControl(u) || UnsafeText::isBidiControl(u)) {
            // The other C0 (ESC, BEL, NUL, CR...), DEL, C1 and the bidi controls: dropped.
        } else {
            out.append(c);
        }
    }
    return out;
}

QUrl DBusNotifier::safeLink(const QString &link)
{
    QUrl url(link.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return {};
    // "https://bodhi.fedoraproject.org@evil.example/" shows one host and opens another; no
    // Fedora service links with credentials, so a link carrying user info is refused.
    if (!url.userInfo().isEmpty())
        return {};
    const QString scheme = url.scheme().toLower();
    if (scheme != QStringLiteral("http") && scheme != QStringLiteral("https"))
        return {};
    return url;
}

void DBusNotifier::show(const Notification &message)
{
    // Everything after this point (the server, the fallback) sees only the cleaned text.
    Notification notification = message;
    notification.summary = plainText(message.summary, TextKind::SingleLine);
    notification.body = plainText(message.body, TextKind::MultiLine);
    if (!isServerAvailable()) {
        qCInfo(lcNotify) << "no notification server on the session bus; falling back";
        Q_EMIT serverUnavailable(notification);
        return;
    }
    if (!m_capabilitiesKnown) {
        m_queue.append(notification);
        requestCapabilities();
        return;
    }
    send(notification);
}

void DBusNotifier::requestCapabilities()
{
    if (m_capabilitiesPending)
        return;
    m_capabilitiesPending = true;
    const QDBusMessage call =
        QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("GetCapabilities"));
    auto *watcher = new QDBusPendingCallWatcher(m_connection.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        QDBusPendingReply<QStringList> reply = *w;
        m_capabilitiesPending = false;
        m_capabilitiesKnown = true;
        if (reply.isError())
            qCWarning(lcNotify) << "GetCapabilities failed:" << reply.error().message();
        else
            m_capabilities = reply.value();
        const QList<Notification> queued = std::exchange(m_queue, {});
        for (const Notification &n : queued)
            send(n);
    });
}

void DBusNotifier::send(const Notification &notification)
{
    const bool markup = m_capabilities.contains(QStringLiteral("body-markup"));
    const QString body = markup ? escapeMarkup(notification.body) : notification.body;
    QStringList actions;
    if (!safeLink(notification.link).isEmpty()
        && m_capabilities.contains(QStringLiteral("actions")))
        actions << DefaultAction << tr("Open");
    QVariantMap hints;
    hints.insert(QStringLiteral("desktop-entry"), DesktopEntry);
    hints.insert(QStringLiteral("category"), notification.category);
    hints.insert(
        QStringLiteral("urgency"), QVariant::fromValue(static_cast<uchar>(notification.urgency)));
    const QString icon = notification.iconPath.isEmpty() ? DesktopEntry : notification.iconPath;

    QDBusMessage call =
        QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("Notify"));
    call << AppName << uint(0) << icon << notification.summary << body << actions << hints
         << notification.timeoutMs;
    auto *watcher = new QDBusPendingCallWatcher(m_connection.asyncCall(call), this);
    connect(watcher,
        &QDBusPendingCallWatcher::finished,
        this,
        [this, notification](QDBusPendingCallWatcher *w) {
            w->deleteLater();
            QDBusPendingReply<uint> reply = *w;
            if (reply.isError()) {
                qCWarning(lcNotify) << "Notify failed:" << reply.error().message();
                Q_EMIT serverUnavailable(notification);
                return;
            }
            m_open.insert(reply.value(), notification);
            Q_EMIT shown(reply.value(), notification.historyId);
        });
}

void DBusNotifier::closeAll()
{
    const QList<uint> ids = m_open.keys();
    for (uint id : ids) {
        QDBusMessage call = QDBusMessage::createMethodCall(
            Service, Path, Interface, QStringLiteral("CloseNotification"));
        call << id;
        m_connection.asyncCall(call);
    }
}

void DBusNotifier::onActionInvoked(uint id, const QString &action)
{
    const auto it = m_open.constFind(id);
    if (it == m_open.cend())
        return; // another application's notification
    if (action == DefaultAction) {
        const QUrl url = safeLink(it->link);
        if (!url.isEmpty())
            Q_EMIT linkActivated(url, it->historyId);
    }
    // WORKAROUND: dunst keeps a notification open after an action; close it ourselves.
    QDBusMessage call = QDBusMessage::createMethodCall(
        Service, Path, Interface, QStringLiteral("CloseNotification"));
    call << id;
    m_connection.asyncCall(call);
}

void DBusNotifier::onNotificationClosed(uint id, uint reason)
{
    if (m_open.remove(id))
        Q_EMIT closed(id, reason);
}

} // namespace fedmsg
