// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "message/Envelope.h"
#include "message/TrustState.h"
#include "render/Rendering.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace fedmsg {

/// @brief One message as History keeps it: the envelope's facts, its rendering and its state.
struct StoredMessage
{
    qint64 id = 0; ///< row id; grows with arrival order
    QString msgId; ///< msg_id / AMQP message_id; may be empty
    QString topic;
    QByteArray body; ///< canonical JSON of the whole envelope body (Envelope::canonicalBody)
    QByteArray headers; ///< canonical JSON of the AMQP headers; empty for fedmsg
    QString busName;
    QString endpoint;
    Envelope::Transport transport = Envelope::Transport::ZeroMq;
    TrustState trust = TrustState::Unchecked;
    QString trustReason;
    Rendering rendering;
    QDateTime receivedAt; ///< UTC, millisecond precision
    QDateTime sentAt; ///< UTC; invalid when the message carried no timestamp
    QString decision; ///< rule decision; empty = none
    QString decisionRule;
    bool read = false;

    /// Rebuilds the Envelope (body and headers parsed again); nullopt with *error if they do not
    /// parse.
    std::optional<Envelope> toEnvelope(QString *error = nullptr) const;
};

} // namespace fedmsg

Q_DECLARE_METATYPE(fedmsg::StoredMessage)
