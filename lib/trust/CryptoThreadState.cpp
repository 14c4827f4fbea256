// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later

#include "trust/CryptoThreadState.h"

#include <QThread>

#include <openssl/crypto.h>

namespace fedmsg {

void CryptoThreadState::release()
{
    OPENSSL_thread_stop();
}

void CryptoThreadState::releaseWhenFinished(QThread *thread)
{
    // finished() is emitted from the thread itself; the direct connection runs the slot there.
    QObject::connect(
        thread, &QThread::finished, thread, &CryptoThreadState::release, Qt::DirectConnection);
}

} // namespace fedmsg
