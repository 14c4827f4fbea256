// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QLocalServer>
#include <QObject>
#include <QString>

namespace fedmsg {

/**
 * @brief Makes sure one fedmsg-notify runs per user session.
 *
 * The first instance listens on a per-user local socket; a second one connects to it, asks it
 * to show itself (activated()) and exits.
 */
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    explicit SingleInstance(const QString &key, QObject *parent = nullptr);
    /// true when this process is the only instance (it now listens); false when another runs.
    bool claim();
    QString socketName() const { return m_name; }

Q_SIGNALS:
    /// Another instance was started and asked this one to show itself.
    void activated();

private:
    QString m_name;
    QLocalServer m_server;
};

} // namespace fedmsg
