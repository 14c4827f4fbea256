// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "notify/DBusNotifier.h"
#include "NotificationsProxy.h"
#include "PropertiesProxy.h"
#include "message/UnsafeText.h"
#include "notify/IconFiles.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QDBusVariant>
#include <QLoggingCategory>

#include <utility>

Q_LOGGING_CATEGORY(lcNotify, "fedmsg.notify")

namespace fedmsg {

namespace {
const QString Service = QStringLiteral("org.freedesktop.Notifications");
const QString Path = QStringLiteral("/org/freedesktop/Notifications");
const QString AppName = QStringLiteral("fedmsg-notify");
const QString DesktopEntry = QStringLiteral("org.fedoraproject.FedmsgNotify");
const QString DefaultAction = QStringLiteral("default");
const QString MuteAction = QStringLiteral("mute");
const QString WhyAction = QStringLiteral("why");
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
    // Servers send their signals to the caller of Notify; listen on the same connection. The
    // proxy follows the name's owner, so a restarted server's signals arrive too.
    m_proxy = new NotificationsProxy(Service, Path, m_connection, this);
    connect(m_proxy, &NotificationsProxy::ActionInvoked, this, &DBusNotifier::onActionInvoked);
    connect(m_proxy,
        &NotificationsProxy::NotificationClosed,
        this,
        &DBusNotifier::onNotificationClosed);
    connect(m_proxy, &NotificationsProxy::ActivationToken, this, &DBusNotifier::onActivationToken);
    m_watcher = new QDBusServiceWatcher(
        Service, m_connection, QDBusServiceWatcher::WatchForOwnerChange, this);
    connect(
        m_watcher, &QDBusServiceWatcher::serviceOwnerChanged, this, &DBusNotifier::onOwnerChanged);
    // Plasma's Inhibited (an extension): its changes arrive as PropertiesChanged from the owner.
    m_properties = new PropertiesProxy(Service, Path, m_connection, this);
    connect(m_properties,
        &PropertiesProxy::PropertiesChanged,
        this,
        &DBusNotifier::onPropertiesChanged);
    // The proxy looked the owner up once when it was made (Qt does that for every proxy of a
    // well-known name) and keeps it current; that answer is the starting state.
    m_serverPresent = m_proxy->isValid();
    if (m_serverPresent)
        serverAppeared();
    else
        qCInfo(lcNotify) << "no notification server on the session bus; waiting for one";
}

void DBusNotifier::onOwnerChanged(
    const QString & /*service*/, const QString &oldOwner, const QString &newOwner)
{
    ++m_generation;
    if (!oldOwner.isEmpty()) {
        // A restarted server knows nothing of the old one's notifications and may differ in
        // capabilities: forget both, so closeAll() never closes another application's
        // notification that got a reused id.
        if (newOwner.isEmpty())
            qCWarning(lcNotify) << "notification server left the session bus;" << m_open.size()
                                << "open notifications are gone; falling back until it returns";
        m_open.clear();
        m_activationTokens.clear();
    }
    m_capabilities.clear();
    m_capabilitiesKnown = false;
    m_capabilitiesPending = false;
    m_serverName.clear();
    setDesktopInhibited(false); // a new server starts without the old one's state
    const bool present = !newOwner.isEmpty();
    const bool changed = present != m_serverPresent;
    m_serverPresent = present;
    if (present) {
        qCInfo(lcNotify) << "notification server on the session bus:" << newOwner;
        m_notShown = 0;
        serverAppeared();
    } else {
        // What waited for the old server's capabilities goes to the fallback, not nowhere.
        const QList<Notification> queued = std::exchange(m_queue, {});
        for (const Notification &n : queued)
            notShown(n);
    }
    if (changed)
        Q_EMIT serverAvailableChanged(present);
}

void DBusNotifier::serverAppeared()
{
    requestCapabilities();
    requestInhibited();
    const quint64 generation = m_generation;
    auto *watcher = new QDBusPendingCallWatcher(m_proxy->GetServerInformation(), this);
    connect(watcher,
        &QDBusPendingCallWatcher::finished,
        this,
        [this, generation](QDBusPendingCallWatcher *w) {
            w->deleteLater();
            const QDBusPendingReply<QString, QString, QString, QString> reply = *w;
            if (generation != m_generation || reply.isError())
                return;
            m_serverName = reply.argumentAt<0>() + QLatin1Char(' ') + reply.argumentAt<2>();
            qCInfo(lcNotify).noquote()
                << "notification server:" << m_serverName << "by" << reply.argumentAt<1>()
                << "(specification" << reply.argumentAt<3>() + QLatin1Char(')');
        });
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

void DBusNotifier::requestInhibited()
{
    const quint64 generation = m_generation;
    QDBusMessage get = QDBusMessage::createMethodCall(
        Service, Path, QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    get << QStringLiteral("org.freedesktop.Notifications") << QStringLiteral("Inhibited");
    auto *watcher = new QDBusPendingCallWatcher(m_connection.asyncCall(get), this);
    connect(watcher,
        &QDBusPendingCallWatcher::finished,
        this,
        [this, generation](QDBusPendingCallWatcher *w) {
            w->deleteLater();
            const QDBusPendingReply<QDBusVariant> reply = *w;
            // Most servers have no such property: an error means "not inhibited".
            if (generation == m_generation && !reply.isError())
                setDesktopInhibited(reply.value().variant().toBool());
        });
}

void DBusNotifier::onPropertiesChanged(
    const QString &interface, const QVariantMap &changed, const QStringList &invalidated)
{
    if (interface != QStringLiteral("org.freedesktop.Notifications"))
        return;
    const auto it = changed.constFind(QStringLiteral("Inhibited"));
    if (it != changed.cend())
        setDesktopInhibited(it->toBool());
    else if (invalidated.contains(QStringLiteral("Inhibited")))
        requestInhibited();
}

void DBusNotifier::setDesktopInhibited(bool inhibited)
{
    if (inhibited == m_desktopInhibited)
        return;
    m_desktopInhibited = inhibited;
    qCInfo(lcNotify) << "the desktop's do-not-disturb is" << (inhibited ? "on" : "off");
    Q_EMIT desktopInhibitedChanged(inhibited);
}

void DBusNotifier::show(const Notification &message)
{
    // Everything after this point (the server, the fallback) sees only the cleaned text.
    Notification notification = message;
    notification.summary = plainText(message.summary, TextKind::SingleLine);
    notification.body = plainText(message.body, TextKind::MultiLine);
    if (!m_serverPresent) {
        notShown(notification);
        return;
    }
    if (!m_capabilitiesKnown) {
        m_queue.append(notification);
        requestCapabilities();
        return;
    }
    send(notification);
}

void DBusNotifier::notShown(const Notification &notification)
{
    if (m_notShown++ == 0)
        qCInfo(lcNotify) << "no notification server on the session bus; falling back until one "
                            "appears";
    Q_EMIT serverUnavailable(notification);
}

void DBusNotifier::requestCapabilities()
{
    if (m_capabilitiesPending || m_capabilitiesKnown)
        return;
    m_capabilitiesPending = true;
    const quint64 generation = m_generation;
    auto *watcher = new QDBusPendingCallWatcher(m_proxy->GetCapabilities(), this);
    connect(watcher,
        &QDBusPendingCallWatcher::finished,
        this,
        [this, generation](QDBusPendingCallWatcher *w) {
            w->deleteLater();
            if (generation != m_generation)
                return; // the owner changed meanwhile; the new one was asked already
            const QDBusPendingReply<QStringList> reply = *w;
            m_capabilitiesPending = false;
            m_capabilitiesKnown = true;
            if (reply.isError())
                qCWarning(lcNotify) << "GetCapabilities failed:" << reply.error().message();
            else
                m_capabilities = reply.value();
            qCDebug(lcNotify) << "server capabilities:" << m_capabilities;
            const QList<Notification> queued = std::exchange(m_queue, {});
            for (const Notification &n : queued)
                send(n);
        });
}

QStringList DBusNotifier::actionsFor(
    const Notification &notification, const QStringList &capabilities)
{
    // GNOME shows three actions at most; the default one is the popup's body, not a button.
    QStringList actions;
    if (!capabilities.contains(QStringLiteral("actions")))
        return actions;
    if (!safeLink(notification.link).isEmpty())
        actions << DefaultAction << tr("Open");
    if (notification.offerMute)
        actions << MuteAction << tr("Mute…");
    if (notification.offerWhy)
        actions << WhyAction << tr("Why?");
    return actions;
}

QVariantMap DBusNotifier::hintsFor(const Notification &notification)
{
    QVariantMap hints;
    hints.insert(QStringLiteral("desktop-entry"), DesktopEntry);
    hints.insert(QStringLiteral("category"), notification.category);
    hints.insert(
        QStringLiteral("urgency"), QVariant::fromValue(static_cast<uchar>(notification.urgency)));
    if (!notification.topic.isEmpty())
        hints.insert(
            QStringLiteral("x-fedmsg-topic"), plainText(notification.topic, TextKind::SingleLine));
    if (!notification.imagePath.isEmpty())
        hints.insert(QStringLiteral("image-path"),
            QUrl::fromLocalFile(notification.imagePath).toString(QUrl::FullyEncoded));
    return hints;
}

void DBusNotifier::send(const Notification &notification)
{
    const bool markup = m_capabilities.contains(QStringLiteral("body-markup"));
    const QString body = markup ? escapeMarkup(notification.body) : notification.body;
    const QStringList actions = actionsFor(notification, m_capabilities);
    const QVariantMap hints = hintsFor(notification);
    QString icon = notification.iconPath;
    if (icon.isEmpty())
        icon = IconFiles::applicationIcon();
    if (icon.isEmpty())
        icon = DesktopEntry; // an installed theme icon, if the cache folder cannot be written

    const quint64 generation = m_generation;
    auto *watcher = new QDBusPendingCallWatcher(m_proxy->Notify(AppName,
                                                    notification.replacesId,
                                                    icon,
                                                    notification.summary,
                                                    body,
                                                    actions,
                                                    hints,
                                                    notification.timeoutMs),
        this);
    connect(watcher,
        &QDBusPendingCallWatcher::finished,
        this,
        [this, notification, generation](QDBusPendingCallWatcher *w) {
            w->deleteLater();
            const QDBusPendingReply<uint> reply = *w;
            if (reply.isError()) {
                qCWarning(lcNotify) << "Notify failed:" << reply.error().message();
                Q_EMIT serverUnavailable(notification);
                return;
            }
            if (generation != m_generation)
                return; // shown by a server that is gone already
            m_open.insert(reply.value(), notification);
            Q_EMIT shown(reply.value(), notification.historyId);
            Q_EMIT shownNotification(reply.value(), notification);
        });
}

void DBusNotifier::close(uint id)
{
    m_proxy->CloseNotification(id); // asynchronous; the reply is not needed
}

void DBusNotifier::closeAll()
{
    const QList<uint> ids = m_open.keys();
    for (uint id : ids)
        close(id);
}

void DBusNotifier::onActivationToken(uint id, const QString &token)
{
    // Sent just before ActionInvoked for the same id (specification 1.2).
    if (m_open.contains(id))
        m_activationTokens.insert(id, token);
}

void DBusNotifier::onActionInvoked(uint id, const QString &action)
{
    const auto it = m_open.constFind(id);
    if (it == m_open.cend())
        return; // another application's notification
    const QString token = m_activationTokens.take(id);
    if (action == DefaultAction) {
        const QUrl url = safeLink(it->link);
        if (!url.isEmpty())
            Q_EMIT linkActivated(url, it->historyId, token);
    } else if (action == MuteAction && it->offerMute) {
        Q_EMIT muteRequested(*it, token);
    } else if (action == WhyAction && it->offerWhy) {
        Q_EMIT whyRequested(*it, token);
    }
    // WORKAROUND: dunst keeps a notification open after an action; close it ourselves.
    close(id);
}

void DBusNotifier::onNotificationClosed(uint id, uint reason)
{
    m_activationTokens.remove(id);
    if (m_open.remove(id))
        Q_EMIT closed(id, reason);
}

} // namespace fedmsg
