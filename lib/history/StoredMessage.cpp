// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "history/StoredMessage.h"

#include "json/JsonParser.h"

namespace fedmsg {

std::optional<Envelope> StoredMessage::toEnvelope(QString *error) const
{
    JsonParseError parseError;
    auto value = JsonParser::parse(std::string_view(body.constData(), body.size()), &parseError);
    if (!value) {
        if (error)
            *error = QStringLiteral("stored body of row %1 is not JSON: %2")
                         .arg(id)
                         .arg(QString::fromStdString(parseError.toString()));
        return std::nullopt;
    }
    Envelope envelope(transport, std::move(*value));
    if (!headers.isEmpty()) {
        auto parsedHeaders =
            JsonParser::parse(std::string_view(headers.constData(), headers.size()), &parseError);
        if (!parsedHeaders) {
            if (error)
                *error = QStringLiteral("stored headers of row %1 are not JSON: %2")
                             .arg(id)
                             .arg(QString::fromStdString(parseError.toString()));
            return std::nullopt;
        }
        envelope.setHeaders(std::move(*parsedHeaders));
    }
    envelope.setBusName(busName);
    envelope.setEndpoint(endpoint);
    envelope.setReceivedAt(receivedAt);
    envelope.setTrust(trust, trustReason);
    return envelope;
}

} // namespace fedmsg
