// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QObject>
#include <QString>

#include <chrono>
#include <map>
#include <memory>

class QTimer;

namespace fedmsg {

/**
 * @brief Notices a bus that has gone quiet for too long. A busy bus (Fedora's firehose carries
 * a message every second or so) that delivers nothing for many minutes is more likely stuck than
 * idle, even when the transport's heartbeats still pass; the engine then reconnects it.
 *
 * One single-shot timer per watched bus, re-armed by every message: no polling while idle. After
 * a silence the next interval doubles (up to 8×) so a bus that really is quiet is not reconnected
 * over and over; the first message brings the interval back.
 */
class SilenceWatchdog : public QObject
{
    Q_OBJECT
public:
    explicit SilenceWatchdog(QObject *parent = nullptr);
    ~SilenceWatchdog() override;
    Q_DISABLE_COPY_MOVE(SilenceWatchdog)

    /// Starts (or re-times) watching a bus; an interval <= 0 stops watching it.
    void watch(const QString &bus, std::chrono::milliseconds interval);
    void unwatch(const QString &bus);
    void unwatchAll();
    /// A message came from the bus: the silence is over.
    void messageArrived(const QString &bus);

    bool isWatching(const QString &bus) const { return m_watched.contains(bus); }
    /// The interval now in force for a bus (0 when not watched).
    std::chrono::milliseconds currentInterval(const QString &bus) const;

Q_SIGNALS:
    /// Nothing came from the bus for @p silence.
    void silent(const QString &bus, std::chrono::milliseconds silence);

private:
    struct Watch
    {
        std::unique_ptr<QTimer> timer;
        std::chrono::milliseconds interval {};
        int backoff = 1;
    };
    std::map<QString, std::unique_ptr<Watch>> m_watched;
};

} // namespace fedmsg
