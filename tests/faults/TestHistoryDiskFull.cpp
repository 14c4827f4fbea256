// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "history/History.h"
#include "history/HistoryRecord.h"
#include "json/JsonValue.h"

#include <QDir>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <memory>
#include <sched.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace fedmsg;

// Fault suite: the disk under the history fills up. The History store writes to a real 2 MiB
// tmpfs (mounted in a private mount namespace of this process when it may mount, i.e. as root as
// in CI); without that, the same happens through RLIMIT_FSIZE, a real per-process file size limit
// (SQLite then gets EFBIG instead of ENOSPC). Either way: storing pauses with a clear status,
// nothing is acknowledged (History::stored) that is not committed, and once space returns storing
// resumes by itself and every message sent is in the database exactly once.
class TestHistoryDiskFull : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void fullDiskPausesAndResumesWithNothingLost();

private:
    static HistoryRecord record(int i);
    void makeSpace();

    QTemporaryDir m_dir;
    QString m_mount; ///< the tmpfs mount point, empty when RLIMIT_FSIZE is used
    QString m_dataDir;
    rlimit m_oldLimit {};
};

HistoryRecord TestHistoryDiskFull::record(int i)
{
    const QString id = QStringLiteral("2026-disk-full-%1").arg(i, 4, 10, QLatin1Char('0'));
    JsonValue::Object msg;
    // Incompressible-looking text so every message needs fresh pages (about 16 KiB each).
    std::string padding;
    padding.reserve(16384);
    quint32 x = 2463534242U + static_cast<quint32>(i);
    while (padding.size() < 16384) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        padding.push_back(static_cast<char>('a' + x % 26));
    }
    msg.emplace_back("comment", JsonValue(std::move(padding)));
    JsonValue::Object body;
    body.emplace_back("topic", JsonValue("org.fedoraproject.prod.faults.disk"));
    body.emplace_back("msg_id", JsonValue(id.toStdString()));
    body.emplace_back("timestamp", JsonValue(static_cast<std::int64_t>(1700000000 + i)));
    body.emplace_back("i", JsonValue(i));
    body.emplace_back("msg", JsonValue(std::move(msg)));
    HistoryRecord r;
    r.envelope = Envelope(Envelope::Transport::Amqp, JsonValue(std::move(body)));
    r.envelope.setBusName(QStringLiteral("faults"));
    r.envelope.setDeliveryTag(static_cast<quint64>(i) + 1);
    r.envelope.setReceivedAt(QDateTime::currentDateTimeUtc());
    r.envelope.setTrust(TrustState::Trusted, QStringLiteral("test"));
    r.rendering.title = QStringLiteral("disk full %1").arg(i);
    return r;
}

void TestHistoryDiskFull::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString mnt = m_dir.filePath(QStringLiteral("tmpfs"));
    QVERIFY(QDir().mkpath(mnt));
    // A private mount namespace: the tmpfs disappears with this process even if it crashes.
    if (::unshare(CLONE_NEWNS) == 0)
        ::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr);
    if (::mount("tmpfs",
            mnt.toLocal8Bit().constData(),
            "tmpfs",
            MS_NOSUID | MS_NODEV,
            "size=2m,mode=0700")
        == 0) {
        m_mount = mnt;
        m_dataDir = mnt;
        qInfo("history on a 2 MiB tmpfs at %s", qPrintable(mnt));
    } else {
        const int mountErrno = errno;
        m_dataDir = m_dir.filePath(QStringLiteral("data"));
        QVERIFY(QDir().mkpath(m_dataDir));
        QVERIFY(::getrlimit(RLIMIT_FSIZE, &m_oldLimit) == 0);
        qInfo("cannot mount a tmpfs (%s): using RLIMIT_FSIZE instead", std::strerror(mountErrno));
    }
    std::signal(SIGXFSZ, SIG_IGN); // EFBIG instead of being killed (RLIMIT_FSIZE case)
}

void TestHistoryDiskFull::cleanupTestCase()
{
    if (!m_mount.isEmpty())
        ::umount2(m_mount.toLocal8Bit().constData(), MNT_DETACH);
}

void TestHistoryDiskFull::makeSpace()
{
    if (!m_mount.isEmpty()) {
        QCOMPARE(::mount("tmpfs",
                     m_mount.toLocal8Bit().constData(),
                     "tmpfs",
                     MS_REMOUNT | MS_NOSUID | MS_NODEV,
                     "size=64m,mode=0700"),
            0);
    } else {
        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &m_oldLimit), 0);
    }
}

void TestHistoryDiskFull::fullDiskPausesAndResumesWithNothingLost()
{
    HistoryOptions options;
    options.databasePath = m_dataDir + QStringLiteral("/history.sqlite");
    options.commitDelay = std::chrono::milliseconds(10); // one message, one commit
    History history(options);
    QTRY_VERIFY_WITH_TIMEOUT(history.isReady(), 20000);
    if (m_mount.isEmpty()) {
        // About 1 MiB for the files, the same order as the tmpfs.
        rlimit limit = m_oldLimit;
        limit.rlim_cur = rlim_t { 1024 } * 1024;
        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &limit), 0);
    }

    QSignalSpy storing(&history, &History::storingChanged);
    QSet<quint64> acked;
    QSet<QString> ackedIds;
    connect(&history, &History::stored, this, [&](const QList<StoreResult> &results) {
        for (const StoreResult &r : results) {
            QVERIFY2(!acked.contains(r.deliveryTag), "acknowledged twice");
            acked.insert(r.deliveryTag);
            ackedIds.insert(r.msgId);
        }
    });

    // Store one message at a time until the disk is full (well before 400 x 16 KiB).
    int sent = 0;
    while (storing.isEmpty() && sent < 400) {
        const qsizetype before = acked.size();
        history.store(record(sent++));
        QTRY_VERIFY_WITH_TIMEOUT(acked.size() > before || !storing.isEmpty(), 20000);
    }
    QVERIFY2(!storing.isEmpty(), "the small filesystem never filled up");
    QCOMPARE(storing.first().at(0).toBool(), false);
    const QString reason = storing.first().at(1).toString();
    qInfo("storing paused after %d messages: %s", sent, qPrintable(reason));
    // ENOSPC is SQLITE_FULL; EFBIG (the RLIMIT_FSIZE stand-in) reaches SQLite as a write error.
    const QString why =
        m_mount.isEmpty() ? QStringLiteral("I/O error") : QStringLiteral("disk is full");
    QVERIFY2(reason.contains(why, Qt::CaseInsensitive),
        qPrintable(QStringLiteral("the status must say why storing stopped: ") + reason));
    QVERIFY(!history.isStoring());
    QCOMPARE(history.statusReason(), reason);
    QVERIFY(sent > 1); // something fitted before the disk filled

    // Nothing acknowledged that is not committed: every acknowledged message is readable, and
    // nothing else is.
    auto committedIds = [&history] {
        QSet<QString> ids;
        QString error;
        HistoryQuery all;
        all.limit = 10000;
        for (const StoredMessage &m : history.search(all, &error))
            ids.insert(m.msgId);
        if (!error.isEmpty())
            qWarning("search: %s", qPrintable(error));
        return ids;
    };
    QCOMPARE(committedIds(), ackedIds);
    QVERIFY(acked.size() < sent);

    // More messages while the disk stays full: none acknowledged, the status stays.
    for (int i = 0; i < 10; ++i)
        history.store(record(sent++));
    QTest::qWait(0);
    QVERIFY(!history.isStoring());
    QCOMPARE(committedIds(), ackedIds);

    // Space returns: storing resumes without any new message or retry() (the backoff timer), and
    // every message sent is stored exactly once.
    makeSpace();
    QTRY_VERIFY_WITH_TIMEOUT(history.isStoring(), 90000);
    QTRY_COMPARE_WITH_TIMEOUT(acked.size(), qsizetype(sent), 30000);
    QCOMPARE(storing.last().at(0).toBool(), true);
    QVERIFY(history.statusReason().isEmpty());
    QCOMPARE(history.count({}), qint64(sent));
    QSet<QString> expected;
    for (int i = 0; i < sent; ++i)
        expected.insert(record(i).envelope.msgId());
    QCOMPARE(committedIds(), expected);
}

QTEST_GUILESS_MAIN(TestHistoryDiskFull)
#include "TestHistoryDiskFull.moc"
