// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "SingleInstance.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fedmsg;

class TestSingleInstance : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { qputenv("XDG_RUNTIME_DIR", m_dir.path().toLocal8Bit()); }
    void secondInstanceIsRefusedAndActivatesFirst();
    void staleSocketIsReclaimed();

private:
    QTemporaryDir m_dir;
};

void TestSingleInstance::secondInstanceIsRefusedAndActivatesFirst()
{
    SingleInstance first(QStringLiteral("fedmsg-notify-test"));
    QVERIFY(first.claim());
    QSignalSpy activated(&first, &SingleInstance::activated);
    SingleInstance second(QStringLiteral("fedmsg-notify-test"));
    QVERIFY(!second.claim());
    QVERIFY(activated.wait(2000));
}

void TestSingleInstance::staleSocketIsReclaimed()
{
    // A socket file without a listener (a crashed instance) must not block a new start.
    const QString key = QStringLiteral("fedmsg-notify-stale");
    {
        SingleInstance crashed(key);
        QVERIFY(crashed.claim());
    } // QLocalServer closes and removes its socket here; recreate a stale file by hand
    QFile stale(m_dir.filePath(key + QStringLiteral(".sock")));
    QVERIFY(stale.open(QIODevice::WriteOnly));
    stale.close();
    SingleInstance next(key);
    QVERIFY(next.claim());
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "TestSingleInstance.moc"
