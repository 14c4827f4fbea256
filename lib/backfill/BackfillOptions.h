// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QtGlobal>

namespace fedmsg {

/// @brief Bounds and patience of one backfill (BackfillClient).
struct BackfillOptions
{
    /// The window reaches back at most this far from its end (an older "since" is moved up).
    qint64 maxAgeMs = qint64 { 24 } * 60 * 60 * 1000;
    /// At most this many messages are handed on; beyond it the newest ones are kept (the
    /// oldest pages are skipped) and BackfillResult::skipped says how many were left out.
    int maxMessages = 5000;
    /// rows_per_page asked for; datagrepper refuses more than 100 (app.py raw()).
    int rowsPerPage = 100;
    /// A page that takes longer than this (no byte for this long) is given up and asked again.
    int pageTimeoutMs = 30000;
    /// Retries of one page (offline, 5xx, a page cut short or malformed): the first waits
    /// retryDelayMs, each next one twice as long up to maxRetryDelayMs.
    int maxRetries = 6;
    int retryDelayMs = 1000;
    int maxRetryDelayMs = 60000;
};

} // namespace fedmsg
