// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "amqp/AmqpPresets.h"

#include "amqp/AmqpLogging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace fedmsg {

namespace {

struct Names
{
    const char *ca;
    const char *cert;
    const char *key;
};

Names namesFor(AmqpPresets::Environment env)
{
    return env == AmqpPresets::Environment::Production
        ? Names { "cacert.pem", "fedora-cert.pem", "fedora-key.pem" }
        : Names { "stg-cacert.pem", "fedora.stg-cert.pem", "fedora.stg-key.pem" };
}

bool extract(const QString &name, const QString &dir, bool secret, QString *error)
{
    QFile in(QStringLiteral(":/fedmsg-notify/certs/fedora-messaging/") + name);
    if (!in.open(QIODevice::ReadOnly)) {
        if (error) {
            *error = QStringLiteral("bundled %1 missing from the resources").arg(name);
        }
        return false;
    }
    const QByteArray data = in.readAll();
    const QString path = dir + u'/' + name;
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly) && existing.readAll() == data) {
        return true;
    }
    existing.close();
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly)) {
        if (error) {
            *error = QStringLiteral("cannot write %1: %2").arg(path, out.errorString());
        }
        return false;
    }
    // Fedora publishes this key for everyone; still keep it private like any key file.
    out.setPermissions(secret
            ? (QFile::ReadOwner | QFile::WriteOwner)
            : (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
    out.write(data);
    if (!out.commit()) {
        if (error) {
            *error = QStringLiteral("cannot write %1: %2").arg(path, out.errorString());
        }
        return false;
    }
    return true;
}

} // namespace

QString AmqpPresets::defaultCacheDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)
        + QStringLiteral("/fedmsg-notify/certs/fedora-messaging");
}

std::optional<AmqpPresets::CertificateFiles> AmqpPresets::certificateFiles(
    Environment environment, QString *error, const QString &systemDir, const QString &cacheDir)
{
    const Names n = namesFor(environment);
    CertificateFiles files;
    if (!systemDir.isEmpty()) {
        files.caCert = systemDir + u'/' + QLatin1String(n.ca);
        files.cert = systemDir + u'/' + QLatin1String(n.cert);
        files.key = systemDir + u'/' + QLatin1String(n.key);
        if (QFileInfo(files.caCert).isReadable() && QFileInfo(files.cert).isReadable()
            && QFileInfo(files.key).isReadable()) {
            files.fromSystem = true;
            return files;
        }
    }
    const QString dir = cacheDir.isEmpty() ? defaultCacheDir() : cacheDir;
    if (!QDir().mkpath(dir)) {
        if (error) {
            *error = QStringLiteral("cannot create %1").arg(dir);
        }
        return std::nullopt;
    }
    if (!extract(QLatin1String(n.ca), dir, false, error)
        || !extract(QLatin1String(n.cert), dir, false, error)
        || !extract(QLatin1String(n.key), dir, true, error)) {
        return std::nullopt;
    }
    files.caCert = dir + u'/' + QLatin1String(n.ca);
    files.cert = dir + u'/' + QLatin1String(n.cert);
    files.key = dir + u'/' + QLatin1String(n.key);
    files.fromSystem = false;
    return files;
}

void AmqpPresets::restoreBundledFiles(const AmqpSettings &settings)
{
    for (Environment env : { Environment::Production, Environment::Staging }) {
        const Names n = namesFor(env);
        const QFileInfo ca(settings.caCertFile);
        if (ca.fileName() != QLatin1String(n.ca) || ca.exists()) {
            continue;
        }
        const QString dir = ca.absolutePath();
        if (dir != QDir(defaultCacheDir()).absolutePath()) {
            continue; // not our copy: never write into the user's own directories
        }
        QString error;
        if (!certificateFiles(env, &error, {}, dir)) {
            qCWarning(lcAmqp).noquote() << error;
        }
    }
}

BusConfig AmqpPresets::preset(Environment environment)
{
    const bool prod = environment == Environment::Production;
    BusConfig b;
    b.name = prod ? productionName() : stagingName();
    // Shown translated by BusListModel (the stored text stays English).
    b.label = QString::fromUtf8(prod
            ? QT_TRANSLATE_NOOP("fedmsg::BusPresets", "Fedora (fedora-messaging)")
            : QT_TRANSLATE_NOOP("fedmsg::BusPresets", "Fedora staging (fedora-messaging)"));
    b.note = QString::fromUtf8(prod
            ? QT_TRANSLATE_NOOP("fedmsg::BusPresets",
                "Fedora's public read-only broker; everything Fedora infrastructure publishes "
                "since 2024")
            : QT_TRANSLATE_NOOP(
                "fedmsg::BusPresets", "Fedora's staging broker: test traffic only"));
    b.transport = BusConfig::Transport::Amqp;
    b.enabled = prod;
    b.endpoints = { BusEndpoint { prod
            ? QStringLiteral("amqps://rabbitmq.fedoraproject.org/%2Fpublic_pubsub")
            : QStringLiteral("amqps://rabbitmq.stg.fedoraproject.org/%2Fpublic_pubsub"),
        {} } };
    b.trust.validateSignatures = false; // fedora-messaging messages carry no signature
    if (prod)
        b.archiveUrl = BusConfig::fedoraArchiveUrl(); // datagrepper archives the prod broker
    b.amqp.vhost = QStringLiteral("/public_pubsub");
    b.amqp.loginIdentity = prod ? QStringLiteral("fedora") : QStringLiteral("fedora.stg");
    b.amqp.exchange = QStringLiteral("amq.topic");
    b.amqp.prefetch = 25;
    b.amqp.heartbeatSeconds = 60;
    QString error;
    if (const auto files = certificateFiles(environment, &error)) {
        b.amqp.caCertFile = files->caCert;
        b.amqp.certFile = files->cert;
        b.amqp.keyFile = files->key;
    } else {
        qCWarning(lcAmqp).noquote() << "fedora-messaging certificates:" << error;
    }
    return b;
}

BusConfig AmqpPresets::fedoraProduction()
{
    return preset(Environment::Production);
}

BusConfig AmqpPresets::fedoraStaging()
{
    return preset(Environment::Staging);
}

QList<BusConfig> AmqpPresets::all()
{
    return { fedoraProduction(), fedoraStaging() };
}

} // namespace fedmsg
