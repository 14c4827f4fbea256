// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QDBusConnection>
#include <QDBusContext>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace fedmsg {

/**
 * @brief The applet's D-Bus control interface, org.fedoraproject.FedmsgNotify.Control at
 * ControlService::ObjectPath (adaptor ControlAdaptor, generated from resources/dbus).
 *
 * It holds the state the interface shows (Paused, UnreadCount; the app sets them) and turns
 * calls into signals the app handles (pauseRequested(), resumeRequested(), markAllReadRequested());
 * Explain() asks the explainer the app sets (what the history stores of the rule decision).
 * @code
 * ControlService control;
 * control.registerOn(QDBusConnection::sessionBus(), &error);
 * connect(&control, &ControlService::pauseRequested, app, &App::pause);
 * control.setUnreadCount(history.count(unread));
 * @endcode
 */
class ControlService : public QObject, protected QDBusContext
{
    Q_OBJECT
    // NOLINTBEGIN(readability-identifier-naming): the D-Bus member names
    Q_PROPERTY(bool Paused READ paused)
    Q_PROPERTY(uint UnreadCount READ unreadCount)
    // NOLINTEND(readability-identifier-naming)
public:
    static constexpr const char *ObjectPath = "/org/fedoraproject/FedmsgNotify/Control";
    static constexpr const char *Interface = "org.fedoraproject.FedmsgNotify.Control";
    /// Returns the explanation for a msg_id, or nullopt when no such message is stored.
    using Explainer = std::function<std::optional<QString>(const QString &msgId)>;

    explicit ControlService(QObject *parent = nullptr);
    ~ControlService() override;
    Q_DISABLE_COPY_MOVE(ControlService)

    /// Exports the object on @p connection (the bus name is the application's, owned elsewhere).
    bool registerOn(const QDBusConnection &connection, QString *error = nullptr);

    bool paused() const { return m_paused; }
    void setPaused(bool paused);
    uint unreadCount() const { return m_unread; }
    void setUnreadCount(uint count);
    void setExplainer(Explainer explainer) { m_explainer = std::move(explainer); }

public Q_SLOTS:
    // NOLINTBEGIN(readability-identifier-naming): the D-Bus member names
    void Pause(uint seconds);
    void Resume();
    void MarkAllRead();
    void ShowHistory();
    void ShowPreferences();
    QString Explain(const QString &msgId);
    // NOLINTEND(readability-identifier-naming)

Q_SIGNALS:
    // NOLINTBEGIN(readability-identifier-naming): relayed to D-Bus under these names
    void UnreadCountChanged(uint count);
    void PausedChanged(bool paused);
    // NOLINTEND(readability-identifier-naming)
    /// Pause(seconds): 0 = until resumed.
    void pauseRequested(uint seconds);
    void resumeRequested();
    void markAllReadRequested();
    void showHistoryRequested();
    void showPreferencesRequested();

private:
    void propertyChanged(const QString &name, const QVariant &value);

    QDBusConnection m_connection;
    bool m_registered = false;
    bool m_paused = false;
    uint m_unread = 0;
    Explainer m_explainer;
};

} // namespace fedmsg
