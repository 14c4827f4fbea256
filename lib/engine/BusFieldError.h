// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QString>

namespace fedmsg {

/// @brief Why one field of a bus being edited cannot be saved (BusValidator).
struct BusFieldError
{
    enum class Field {
        Name,
        Endpoints, ///< a ZeroMQ endpoint or the AMQP URL
        CurveServerKey,
        CaCertFile, ///< AMQP TLS
        CertFile,
        KeyFile,
        CaLocation, ///< fedmsg trust
        CrlLocation,
        ArchiveUrl,
    };
    Field field = Field::Name;
    QString message; ///< for the user, shown at the field
    bool operator==(const BusFieldError &) const = default;
};

} // namespace fedmsg
