// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "json/JsonValue.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace fedmsg {

/**
 * @brief One page of datagrepper's /raw answer, checked.
 *
 * The documented shape (datagrepper/app.py raw(), docs/reference.rst):
 * {"arguments": {...}, "count": <messages on this page>, "pages": <pages in all>,
 *  "raw_messages": [<archived envelope>, ...], "total": <messages in all>}.
 * An answer that is not that (not JSON, cut short, "raw_messages" not an array, "pages" or
 * "total" missing or not integers, an "error" member) is refused as a whole with a one-line
 * reason: the caller asks again. A single entry of raw_messages that is not an object is kept
 * for the caller to drop on its own (the rest of the page still counts).
 */
struct ArchivePage
{
    std::vector<JsonValue> messages; ///< raw_messages, in the server's order
    qint64 total = 0; ///< messages in the whole window
    int pages = 0; ///< pages in the whole window (0 when total is 0)

    static std::optional<ArchivePage> parse(const QByteArray &body, QString *error = nullptr);
};

} // namespace fedmsg
