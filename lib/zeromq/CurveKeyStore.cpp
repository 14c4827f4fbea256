// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "zeromq/CurveKeyStore.h"

#include "bus/BusLogging.h"

#include <QPointer>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace fedmsg {

CurveKeyStore::CurveKeyStore(QObject *parent)
    : QObject(parent)
{}

void CurveKeyStore::fetch(const QString &busName)
{
    auto *job = new QKeychain::ReadPasswordJob(QString::fromLatin1(Service), this);
    job->setAutoDelete(true);
    job->setKey(keyName(busName));
    // A locked keyring prompts for its password and the job waits for the answer, however long:
    // say so after m_timeout instead of leaving the bus silent.
    QPointer<QTimer> timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, timer, busName] {
        Q_EMIT keysFailed(busName,
            QStringLiteral("the keyring did not answer within %1 s; it is probably locked: unlock "
                           "it and the CURVE key is read at once")
                .arg(std::chrono::duration_cast<std::chrono::seconds>(m_timeout).count()));
        timer->deleteLater();
    });
    timer->start(m_timeout);
    connect(job, &QKeychain::Job::finished, this, [this, job, busName, timer] {
        if (timer)
            timer->deleteLater(); // answered in time (or late: the timeout already reported it)
        if (job->error() == QKeychain::NoError) {
            const QList<QByteArray> parts = job->binaryData().split('\n');
            CurveKeyPair keys;
            if (parts.size() == 2)
                keys = CurveKeyPair { parts.at(0), parts.at(1) };
            if (keys.isValid()) {
                Q_EMIT keysReady(busName, keys);
                return;
            }
            qCWarning(lcBus) << "stored CURVE key of" << busName << "is malformed; replacing it";
        } else if (job->error() != QKeychain::EntryNotFound) {
            Q_EMIT keysFailed(busName, job->errorString());
            return;
        }
        const CurveKeyPair fresh = CurveKeyPair::generate();
        if (!fresh.isValid()) {
            Q_EMIT keysFailed(busName, QStringLiteral("libzmq cannot generate CURVE keys"));
            return;
        }
        store(busName, fresh);
    });
    job->start();
}

void CurveKeyStore::store(const QString &busName, const CurveKeyPair &keys)
{
    auto *job = new QKeychain::WritePasswordJob(QString::fromLatin1(Service), this);
    job->setAutoDelete(true);
    job->setKey(keyName(busName));
    job->setBinaryData(keys.publicKey + '\n' + keys.secretKey);
    connect(job, &QKeychain::Job::finished, this, [this, job, busName, keys] {
        if (job->error() != QKeychain::NoError) {
            Q_EMIT keysFailed(
                busName, QStringLiteral("cannot store the CURVE key: %1").arg(job->errorString()));
            return;
        }
        qCInfo(lcBus) << "generated a CURVE client key for" << busName;
        Q_EMIT keysReady(busName, keys);
    });
    job->start();
}

void CurveKeyStore::remove(const QString &busName)
{
    auto *job = new QKeychain::DeletePasswordJob(QString::fromLatin1(Service), this);
    job->setAutoDelete(true);
    job->setKey(keyName(busName));
    connect(job, &QKeychain::Job::finished, this, [this, job, busName] {
        Q_EMIT removed(busName,
            job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound);
    });
    job->start();
}

} // namespace fedmsg
