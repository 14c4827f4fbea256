// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "zeromq/CurveKeyStore.h"
#include "zeromq/ZmqSource.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QDirIterator>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace fedmsg;
using namespace std::chrono_literals;

// Fault suite: the keyring (the real gnome-keyring of tests/run-headless.sh, reached through
// QtKeychain and the Secret Service) is locked while a bus needs its CURVE client key. A locked
// keyring asks for its password (gcr-prompter, here on the harness's Xvfb where nobody answers)
// and QtKeychain waits for that answer with no end: the key store must report it clearly after its
// timeout, the source must show it in the endpoint status, no key may be generated or written
// anywhere else meanwhile, and after the keyring is unlocked the same key is read again.
// Before CurveKeyStore's timeout, fetch() never finished while locked (nor after the unlock) and
// the bus stayed silent with no status.
class TestKeyringLocked : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void lockedKeyringFailsClearlyAndRecovers();
    void lockedChild();
    void fetchInChild();

private:
    static int runChild(const QString &function, const QString &name, QByteArray *out);
    static bool setLocked(bool locked);
    static void dismissPrompter();
    static QString secretsService() { return QStringLiteral("org.freedesktop.secrets"); }
    static QStringList filesContaining(const QByteArray &needle);
};

void TestKeyringLocked::initTestCase()
{
    if (!qEnvironmentVariableIsEmpty("FEDMSG_FAULTS_KEYRING_CHILD"))
        return;
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface()->isServiceRegistered(secretsService()))
        QSKIP("needs gnome-keyring (org.freedesktop.secrets) on the session bus: run under "
              "tests/run-headless.sh");
}

void TestKeyringLocked::cleanupTestCase()
{
    if (!qEnvironmentVariableIsEmpty("FEDMSG_FAULTS_KEYRING_CHILD"))
        return;
    setLocked(false);
    dismissPrompter();
}

bool TestKeyringLocked::setLocked(bool locked)
{
    if (locked) {
        QDBusMessage call = QDBusMessage::createMethodCall(secretsService(),
            QStringLiteral("/org/freedesktop/secrets"),
            QStringLiteral("org.freedesktop.Secret.Service"),
            QStringLiteral("Lock"));
        call << QVariant::fromValue(QList<QDBusObjectPath> {
            QDBusObjectPath(QStringLiteral("/org/freedesktop/secrets/collection/login")) });
        const QDBusMessage reply = QDBusConnection::sessionBus().call(call, QDBus::Block, 10000);
        if (reply.type() == QDBusMessage::ErrorMessage)
            qWarning("Lock: %s", qPrintable(reply.errorMessage()));
        return reply.type() != QDBusMessage::ErrorMessage;
    }
    // What a login (or Seahorse) does: the password straight to gnome-keyring, no prompt. A
    // "plain" session carries it; the bus is private to the harness.
    QDBusConnection bus = QDBusConnection::sessionBus();
    QDBusMessage open = QDBusMessage::createMethodCall(secretsService(),
        QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.Secret.Service"),
        QStringLiteral("OpenSession"));
    open << QStringLiteral("plain") << QVariant::fromValue(QDBusVariant(QString()));
    const QDBusMessage session = bus.call(open, QDBus::Block, 10000);
    if (session.type() == QDBusMessage::ErrorMessage || session.arguments().size() != 2) {
        qWarning("OpenSession: %s", qPrintable(session.errorMessage()));
        return false;
    }
    QDBusArgument secret;
    secret.beginStructure();
    secret << session.arguments().at(1).value<QDBusObjectPath>() << QByteArray()
           << QByteArray("fedmsg-test-keyring") << QStringLiteral("text/plain");
    secret.endStructure();
    QDBusMessage unlock = QDBusMessage::createMethodCall(secretsService(),
        QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"),
        QStringLiteral("UnlockWithMasterPassword"));
    unlock << QVariant::fromValue(
        QDBusObjectPath(QStringLiteral("/org/freedesktop/secrets/collection/login")))
           << QVariant::fromValue(secret);
    const QDBusMessage reply = bus.call(unlock, QDBus::Block, 10000);
    if (reply.type() == QDBusMessage::ErrorMessage)
        qWarning("UnlockWithMasterPassword: %s", qPrintable(reply.errorMessage()));
    return reply.type() != QDBusMessage::ErrorMessage;
}

// The unanswered password dialog (gcr-prompter on Xvfb) closes, as when the user closes it.
void TestKeyringLocked::dismissPrompter()
{
    auto *iface = QDBusConnection::sessionBus().interface();
    const uint pid = iface->servicePid(QStringLiteral("org.gnome.keyring.SystemPrompter")).value();
    if (pid > 0)
        ::kill(static_cast<pid_t>(pid), SIGTERM);
}

QStringList TestKeyringLocked::filesContaining(const QByteArray &needle)
{
    QStringList found;
    QDirIterator it(QDir::homePath(),
        QDir::Files | QDir::Hidden | QDir::NoSymLinks,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.size() < qint64 { 64 } * 1024 * 1024 && f.open(QIODevice::ReadOnly)
            && f.readAll().contains(needle))
            found << f.fileName();
    }
    return found;
}

void TestKeyringLocked::lockedKeyringFailsClearlyAndRecovers()
{
    if (!qEnvironmentVariableIsEmpty("FEDMSG_FAULTS_KEYRING_CHILD"))
        QSKIP("the child runs fetchInChild only");
    const QString name = QStringLiteral("faults-locked");
    CurveKeyPair original;
    {
        CurveKeyStore store;
        QSignalSpy ready(&store, &CurveKeyStore::keysReady);
        QSignalSpy failed(&store, &CurveKeyStore::keysFailed);
        store.fetch(name);
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 20000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).toString()));
        original = ready.first().at(1).value<CurveKeyPair>();
        QVERIFY(original.isValid());
    }

    QVERIFY(setLocked(true));
    // The locked phase runs in a child process: its unanswered password prompts end with it (a
    // prompt waits for its caller otherwise, and gnome-keyring serves nobody else meanwhile).
    QByteArray out;
    QCOMPARE(runChild(QStringLiteral("lockedChild"), name, &out), 0);
    QVERIFY2(out.contains("PASS   : TestKeyringLocked::lockedChild()"), out.constData());
    // Nothing secret went anywhere else while the keyring was locked (the keyring's own files are
    // encrypted and do not contain it either).
    QCOMPARE(filesContaining(original.secretKey), QStringList());

    // Unlocked (as a login does): the key is read again, unchanged — no new key replaced it.
    QVERIFY(setLocked(false));
    QCOMPARE(runChild(QStringLiteral("fetchInChild"), name, &out), 0);
    QVERIFY2(
        out.contains(QByteArray(QByteArray("public key ") + original.publicKey)), out.constData());
    QCOMPARE(filesContaining(original.secretKey), QStringList());
}

void TestKeyringLocked::lockedChild()
{
    const QString name = qEnvironmentVariable("FEDMSG_FAULTS_KEYRING_CHILD");
    if (name.isEmpty())
        QSKIP("runs only as the child of lockedKeyringFailsClearlyAndRecovers");
    {
        // The key store: a clear error after its timeout, no new key.
        CurveKeyStore store;
        store.setTimeout(3s);
        QSignalSpy ready(&store, &CurveKeyStore::keysReady);
        QSignalSpy failed(&store, &CurveKeyStore::keysFailed);
        store.fetch(name);
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 30000);
        QCOMPARE(failed.first().at(0).toString(), name);
        const QString error = failed.first().at(1).toString();
        QVERIFY2(error.contains(QStringLiteral("locked")), qPrintable(error));
        QVERIFY(ready.isEmpty());
    }
    {
        // The source: its CURVE endpoint says why it does not connect (default timeout).
        BusConfig bus;
        bus.name = name;
        bus.enabled = true;
        bus.endpoints = { BusEndpoint { QStringLiteral("tcp://127.0.0.1:9"),
            QStringLiteral("rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7") } };
        bus.trust.validateSignatures = false;
        ZmqSource source(bus);
        source.start();
        QTRY_VERIFY_WITH_TIMEOUT(!source.endpointStatuses().isEmpty()
                && source.endpointStatuses().first().state == EndpointStatus::State::Failed,
            60000);
        const QString detail = source.endpointStatuses().first().detail;
        QVERIFY2(
            detail.contains(QStringLiteral("keyring")) && detail.contains(QStringLiteral("locked")),
            qPrintable(detail));
        source.stop();
    }
}

int TestKeyringLocked::runChild(const QString &function, const QString &name, QByteArray *out)
{
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FEDMSG_FAULTS_KEYRING_CHILD"), name);
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(), { function });
    if (!child.waitForFinished(120000)) {
        child.kill();
        child.waitForFinished();
    }
    *out = child.readAll();
    qInfo("%s:\n%s", qPrintable(function), out->constData());
    return child.exitStatus() == QProcess::NormalExit ? child.exitCode() : -1;
}

void TestKeyringLocked::fetchInChild()
{
    const QString name = qEnvironmentVariable("FEDMSG_FAULTS_KEYRING_CHILD");
    if (name.isEmpty())
        QSKIP("runs only as the child of lockedKeyringFailsClearlyAndRecovers");
    CurveKeyStore store;
    QSignalSpy ready(&store, &CurveKeyStore::keysReady);
    QSignalSpy failed(&store, &CurveKeyStore::keysFailed);
    store.fetch(name);
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 30000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).toString()));
    qInfo("public key %s", ready.first().at(1).value<CurveKeyPair>().publicKey.constData());
}

QTEST_GUILESS_MAIN(TestKeyringLocked)
#include "TestKeyringLocked.moc"
