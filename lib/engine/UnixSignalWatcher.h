// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QObject>

class QSocketNotifier;

namespace fedmsg {

/**
 * @brief Turns SIGINT/SIGTERM/SIGHUP into a Qt signal through a self-pipe (socketpair +
 * QSocketNotifier): the handler only writes one byte, nothing polls. SIGPIPE is ignored so that
 * a closed stdout shows up as EPIPE on write. fedmsg-tail and fedmsg-notify both stop by it (one
 * instance per process: the handler writes to one process-wide socket pair).
 */
class UnixSignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignalWatcher(QObject *parent = nullptr);
    ~UnixSignalWatcher() override;
    Q_DISABLE_COPY_MOVE(UnixSignalWatcher)

Q_SIGNALS:
    void signalReceived(int signalNumber);

private:
    void onReadable();
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace fedmsg
