// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "bus/BusConfig.h"
#include "message/Envelope.h"
#include "json/JsonValue.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace fedmsg {

/**
 * @brief One entry of datagrepper's raw_messages -> the Envelope a live source would have made.
 *
 * datagrepper re-serialises what datanommer stored: it adds "source_name" and
 * "source_version", an empty "headers", and turns the integer timestamp into a float
 * (1504643076.0). For a fedmsg (ZeroMQ) bus the body is repaired exactly as
 * fedmsg.crypto.utils.fix_datagrepper_message does (Validator::fixDatagrepperMessage: both
 * source fields present -> they go, a falsy headers goes, timestamp = int(timestamp)), so the
 * signature checks against the bytes the publisher signed and the body equals the live copy's.
 * For a fedora-messaging (AMQP) bus the body takes the AMQP source's shape ({"topic", "msg",
 * "msg_id", "timestamp"}, headers kept apart) and the trust is "broker, unsigned", as live.
 * Trust of fedmsg bodies is not set here: the caller validates (Validator) as a live source does.
 * Refused (nullopt and a one-line reason): not an object, no string "topic", a timestamp that
 * cannot be made an integer.
 *
 * fromSearch() takes an entry of the newer `/v2/search` endpoint instead (ArchiveEndpoints):
 * fedora-messaging's own serialisation, {"body", "headers", "id", "priority", "queue", "topic"}
 * (datagrepper datagrepper/util.py get_message_dict(), datanommer models
 * as_fedora_message_dict(), which adds the "sent-at" header when the message had none). For a
 * fedora-messaging bus it makes the very envelope fromArchive() makes of the same message's
 * /raw entry. It refuses, besides what fromArchive() refuses, a "body" that is not a JSON object
 * (as the live AMQP source does) and any entry for a fedmsg bus: this form has no certificate
 * and signature, so a fedmsg bus is caught up from /raw only.
 */
class ArchivedEnvelope
{
public:
    static std::optional<Envelope> fromArchive(const JsonValue &archived,
        const BusConfig &bus,
        const QString &archiveUrl,
        QString *error = nullptr);
    static std::optional<Envelope> fromSearch(const JsonValue &entry,
        const BusConfig &bus,
        const QString &archiveUrl,
        QString *error = nullptr);
};

} // namespace fedmsg
