// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "zeromq/CurveKeyPair.h"

#include <QObject>
#include <QString>

#include <chrono>

namespace fedmsg {

/**
 * @brief The CURVE client key pair of each bus, kept in the desktop keychain (QtKeychain,
 * service "fedmsg-notify", key "curve/<bus>"), never in QSettings.
 *
 * fetch() is asynchronous: it reads the pair, or generates one with zmq_curve_keypair and
 * stores it when there is none yet, then emits keysReady (or keysFailed with the reason).
 * A locked keyring asks the user for its password and answers nothing until then: after
 * timeout() without an answer keysFailed says so; keysReady still follows whenever the keyring
 * answers later (the user unlocked it). Keys are never written anywhere but the keychain.
 */
class CurveKeyStore : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *Service = "fedmsg-notify";

    explicit CurveKeyStore(QObject *parent = nullptr);

    static QString keyName(const QString &busName) { return QStringLiteral("curve/") + busName; }

    void fetch(const QString &busName);
    /// How long fetch() waits for the keychain before reporting it as probably locked.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }
    /// Removes a bus's pair (the next fetch generates a new one).
    void remove(const QString &busName);

Q_SIGNALS:
    void keysReady(const QString &busName, const fedmsg::CurveKeyPair &keys);
    void keysFailed(const QString &busName, const QString &error);
    void removed(const QString &busName, bool ok);

private:
    void store(const QString &busName, const CurveKeyPair &keys);

    std::chrono::milliseconds m_timeout { std::chrono::seconds(30) };
};

} // namespace fedmsg
