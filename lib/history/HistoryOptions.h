// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QString>

#include <chrono>

namespace fedmsg {

/// @brief How a History is set up: where its database lives and how much it keeps.
struct HistoryOptions
{
    /// SQLite file; empty = defaultDatabasePath() (QStandardPaths::AppDataLocation/history.sqlite).
    QString databasePath;
    /// Messages received longer ago than this are removed; 0 = keep regardless of age.
    std::chrono::seconds maxAge = std::chrono::hours(24 * 30);
    /// At most this many messages are kept (oldest arrivals go first); 0 = no count limit.
    qint64 maxCount = 50000;
    /// The database (with its WAL) is kept under about this many bytes: the oldest arrivals go
    /// first, and the file shrinks after retention deleted rows (incremental vacuum, WAL
    /// truncated). 0 = no size limit.
    qint64 maxBytes = 256LL * 1024 * 1024;
    /// Rows removed per retention step (one short transaction between write batches).
    int pruneBatch = 500;
    /// Records written per transaction at most. Batches only grow this large when records arrive
    /// faster than they are written (a burst); bigger ones rewrite fewer index pages per record.
    int maxBatch = 10000;
    /// Group commit: a record is written at most this long after it arrived, in one transaction
    /// with everything that arrived meanwhile (History::assigned() comes at once, stored()
    /// after the COMMIT). At low rates each transaction rewrites a dozen index, FTS and table
    /// pages whatever it holds, so grouping divides the bytes written per message: at one
    /// message a second (bench_history, random msg_ids, schema 5, 512-byte pages) a window of
    /// 10 s writes about 4.0 KB per message, 1 s about 7.8 KB, a transaction per message about
    /// 9.8 KB (schema 4 with 1 KiB pages: 5.1, 11.9 and 16.8 KB). Of a commit of 10 messages:
    /// the rows, one random leaf of the dedup hash index per message, the last leaves of the
    /// two indexes that grow at their end (an index leaf that fills is split across its
    /// siblings), FTS, pointer maps and the header.
    /// The window ends sooner once 256 records or 16 MiB (or maxQueuedBytes) wait, or on
    /// History::commitNow(). 0 = a transaction per arrival.
    std::chrono::milliseconds commitDelay = std::chrono::milliseconds(10000);
    /// Records handed to store() and not yet taken by the writer thread (it takes them between
    /// transactions); while this many wait, store() blocks until the writer took them
    /// (backpressure, counted by History::inputWaits()).
    int maxQueued = 10000;
    /// The same bound in bytes on the wire (Envelope::wireSize): 10 000 records of 1 MiB would
    /// otherwise wait in memory. One batch always fits, however big.
    qint64 maxQueuedBytes = 16LL * 1024 * 1024;
    /// Records held in memory while storing is impossible (disk full, read-only); older ones
    /// beyond this are dropped (at-least-once sources redeliver what they never got acked).
    /// Never applies while storing works: a burst is written in full batches as it arrives.
    int maxPending = 20000;
    /// Once the writer has done nothing (no write, no retention step) for this long, it
    /// checkpoints the WAL and gives its page cache (up to 16 MB) back to the system.
    std::chrono::milliseconds idleRelease = std::chrono::milliseconds(10000);

    static QString defaultDatabasePath();
};

} // namespace fedmsg
