// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "InputLines.h"
#include "json/JsonValue.h"

#include <QList>
#include <QString>

#include <cstdio>
#include <optional>

/**
 * @brief The messages fedmsg-logger sends: the one of --message (text, or JSON with
 * --json-input), all of stdin as one JSON value (--json-input), or one {"log": line} per stdin
 * line, read as they are sent (bounded memory per line; a refused line is reported and the next
 * ones still go out).
 */
class LoggerInput
{
public:
    LoggerInput(std::FILE *file, std::optional<QString> message, bool jsonInput);

    /// Reads --message / --json-input; false (error printed) when that is not a message to send.
    bool prepare();
    /// The next message; nullopt at the end.
    std::optional<fedmsg::JsonValue> next();
    /// 1 when an input line was refused (reported on stderr), else 0.
    int status() const { return m_status; }

private:
    std::optional<QString> m_message;
    bool m_jsonInput;
    qint64 m_maxBytes;
    fedmsg::InputLines m_lines;
    QList<fedmsg::JsonValue> m_given; ///< --message / --json-input
    qsizetype m_next = 0;
    int m_status = 0;
};
