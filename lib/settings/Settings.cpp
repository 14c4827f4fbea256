// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "settings/Settings.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QStringDecoder>

#include <algorithm>

Q_LOGGING_CATEGORY(lcSettings, "fedmsg.settings")

namespace fedmsg {

namespace {
// Every key and its default, in one place.
struct Key
{
    const char *name;
};
constexpr Key SchemaVersionKey { "General/schemaVersion" };
constexpr Key NotificationsEnabledKey { "Notifications/enabled" };
constexpr Key DisabledServicesKey { "Notifications/disabledServices" };
constexpr Key HistoryMaxAgeKey { "History/maxAgeDays" };
constexpr Key HistoryMaxCountKey { "History/maxCount" };
constexpr Key BusesGroup { "Buses" };
constexpr bool DefaultNotificationsEnabled = true;
constexpr int DefaultHistoryMaxAgeDays = 30;
constexpr int DefaultHistoryMaxCount = 50000;

QString key(Key k)
{
    return QString::fromLatin1(k.name);
}

// QSettings' INI reader is lenient; treat what it cannot represent faithfully as broken too:
// NUL bytes or invalid UTF-8 mean the file is not an INI file we wrote.
bool looksBroken(const QString &path)
{
    QFile f(path);
    if (!f.exists() || !f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray data = f.readAll();
    if (data.contains('\0'))
        return true;
    QStringDecoder decoder(QStringDecoder::Utf8);
    (void)QString(decoder(data));
    return decoder.hasError();
}

QString transportName(BusConfig::Transport t)
{
    return t == BusConfig::Transport::Amqp ? QStringLiteral("amqp") : QStringLiteral("zeromq");
}
} // namespace

Settings::Settings(const QString &path, QObject *parent)
    : QObject(parent)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    bool broken = looksBroken(path);
    if (!broken) {
        auto probe = std::make_unique<QSettings>(path, QSettings::IniFormat);
        (void)probe->allKeys();
        broken = probe->status() == QSettings::FormatError;
    }
    if (broken) {
        m_recoveredFrom = path + QStringLiteral(".broken-")
            + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        if (QFile::rename(path, m_recoveredFrom)) {
            qCWarning(lcSettings) << "settings file" << path << "is broken; kept it as"
                                  << m_recoveredFrom << "and using defaults";
        } else {
            qCWarning(lcSettings) << "settings file" << path << "is broken and could not be moved;"
                                  << "removing it and using defaults";
            QFile::remove(path);
            m_recoveredFrom.clear();
        }
    }
    m_settings = std::make_unique<QSettings>(path, QSettings::IniFormat);
    migrate();
}

Settings::~Settings() = default;

QString Settings::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/fedmsg-notify/fedmsg-notify.conf");
}

QString Settings::fileName() const
{
    return m_settings->fileName();
}

void Settings::migrate()
{
    const int version = m_settings->value(key(SchemaVersionKey), 0).toInt();
    if (version > SchemaVersion) {
        qCWarning(lcSettings) << "settings schema" << version << "is newer than this program's"
                              << SchemaVersion << "; unknown keys are left alone";
        return;
    }
    // Version 0 -> 1: nothing to rename yet; this is where renames go.
    m_settings->setValue(key(SchemaVersionKey), SchemaVersion);
}

bool Settings::notificationsEnabled() const
{
    return m_settings->value(key(NotificationsEnabledKey), DefaultNotificationsEnabled).toBool();
}

void Settings::setNotificationsEnabled(bool on)
{
    if (notificationsEnabled() == on)
        return;
    m_settings->setValue(key(NotificationsEnabledKey), on);
    Q_EMIT notificationsEnabledChanged(on);
}

QStringList Settings::disabledServices() const
{
    QStringList list = m_settings->value(key(DisabledServicesKey)).toStringList();
    list.removeAll(QString());
    list.sort();
    list.removeDuplicates();
    return list;
}

void Settings::setDisabledServices(const QStringList &services)
{
    QStringList list = services;
    list.sort();
    list.removeDuplicates();
    if (list == disabledServices())
        return;
    m_settings->setValue(key(DisabledServicesKey), list);
    Q_EMIT disabledServicesChanged(list);
}

int Settings::historyMaxAgeDays() const
{
    return std::clamp(
        m_settings->value(key(HistoryMaxAgeKey), DefaultHistoryMaxAgeDays).toInt(), 1, 3650);
}

void Settings::setHistoryMaxAgeDays(int days)
{
    m_settings->setValue(key(HistoryMaxAgeKey), std::clamp(days, 1, 3650));
}

int Settings::historyMaxCount() const
{
    return std::clamp(m_settings->value(key(HistoryMaxCountKey), DefaultHistoryMaxCount).toInt(),
        100,
        10'000'000);
}

void Settings::setHistoryMaxCount(int count)
{
    m_settings->setValue(key(HistoryMaxCountKey), std::clamp(count, 100, 10'000'000));
}

QList<BusConfig> Settings::buses(const QList<BusConfig> &presets) const
{
    QList<BusConfig> result;
    const int n = m_settings->beginReadArray(key(BusesGroup));
    for (int i = 0; i < n; ++i) {
        m_settings->setArrayIndex(i);
        const QString name = m_settings->value(QStringLiteral("name")).toString();
        if (name.isEmpty())
            continue;
        auto preset = std::find_if(presets.begin(), presets.end(), [&](const BusConfig &b) {
            return b.name == name;
        });
        BusConfig bus = preset != presets.end() ? *preset : BusConfig {};
        bus.name = name;
        bus.label = m_settings->value(QStringLiteral("label"), bus.label).toString();
        bus.enabled = m_settings->value(QStringLiteral("enabled"), bus.enabled).toBool();
        const QString transport =
            m_settings->value(QStringLiteral("transport"), transportName(bus.transport)).toString();
        bus.transport = transport == QStringLiteral("amqp") ? BusConfig::Transport::Amqp
                                                            : BusConfig::Transport::ZeroMq;
        if (m_settings->contains(QStringLiteral("endpoints"))) {
            bus.endpoints.clear();
            const QStringList urls = m_settings->value(QStringLiteral("endpoints")).toStringList();
            const QStringList keys =
                m_settings->value(QStringLiteral("curveServerKeys")).toStringList();
            for (int e = 0; e < urls.size(); ++e)
                bus.endpoints.append(
                    BusEndpoint { urls[e], e < keys.size() ? keys[e] : QString() });
        }
        if (m_settings->contains(QStringLiteral("topics")))
            bus.topics = m_settings->value(QStringLiteral("topics")).toStringList();
        bus.trust.validateSignatures =
            m_settings->value(QStringLiteral("validateSignatures"), bus.trust.validateSignatures)
                .toBool();
        bus.trust.caLocation =
            m_settings->value(QStringLiteral("caLocation"), bus.trust.caLocation).toString();
        bus.trust.crlLocation =
            m_settings->value(QStringLiteral("crlLocation"), bus.trust.crlLocation).toString();
        bus.trust.routingNitpicky =
            m_settings->value(QStringLiteral("routingNitpicky"), bus.trust.routingNitpicky)
                .toBool();
        bus.amqp.caCertFile =
            m_settings->value(QStringLiteral("amqpCaCert"), bus.amqp.caCertFile).toString();
        bus.amqp.certFile =
            m_settings->value(QStringLiteral("amqpCert"), bus.amqp.certFile).toString();
        bus.amqp.keyFile =
            m_settings->value(QStringLiteral("amqpKey"), bus.amqp.keyFile).toString();
        bus.amqp.vhost = m_settings->value(QStringLiteral("amqpVhost"), bus.amqp.vhost).toString();
        bus.silenceReconnectMs =
            m_settings->value(QStringLiteral("silenceReconnectMs"), bus.silenceReconnectMs).toInt();
        result.append(bus);
    }
    m_settings->endArray();
    for (const BusConfig &preset : presets) {
        const bool stored = std::any_of(result.begin(), result.end(), [&](const BusConfig &b) {
            return b.name == preset.name;
        });
        if (!stored)
            result.append(preset);
    }
    // The queue a source generated is kept per bus name, apart from the bus list, because the
    // source assigns it while running and the user never edits it.
    for (BusConfig &bus : result) {
        const QString queue = amqpQueueName(bus.name);
        if (!queue.isEmpty())
            bus.amqp.queueName = queue;
    }
    return result;
}

void Settings::setBuses(const QList<BusConfig> &buses)
{
    m_settings->remove(key(BusesGroup));
    m_settings->beginWriteArray(key(BusesGroup), static_cast<int>(buses.size()));
    for (int i = 0; i < buses.size(); ++i) {
        const BusConfig &bus = buses[i];
        m_settings->setArrayIndex(i);
        m_settings->setValue(QStringLiteral("name"), bus.name);
        m_settings->setValue(QStringLiteral("label"), bus.label);
        m_settings->setValue(QStringLiteral("enabled"), bus.enabled);
        m_settings->setValue(QStringLiteral("transport"), transportName(bus.transport));
        QStringList urls;
        QStringList keys;
        for (const BusEndpoint &e : bus.endpoints) {
            urls.append(e.url);
            keys.append(e.curveServerKey);
        }
        m_settings->setValue(QStringLiteral("endpoints"), urls);
        m_settings->setValue(QStringLiteral("curveServerKeys"), keys);
        m_settings->setValue(QStringLiteral("topics"), bus.topics);
        m_settings->setValue(QStringLiteral("validateSignatures"), bus.trust.validateSignatures);
        m_settings->setValue(QStringLiteral("caLocation"), bus.trust.caLocation);
        m_settings->setValue(QStringLiteral("crlLocation"), bus.trust.crlLocation);
        m_settings->setValue(QStringLiteral("routingNitpicky"), bus.trust.routingNitpicky);
        m_settings->setValue(QStringLiteral("amqpCaCert"), bus.amqp.caCertFile);
        m_settings->setValue(QStringLiteral("amqpCert"), bus.amqp.certFile);
        m_settings->setValue(QStringLiteral("amqpKey"), bus.amqp.keyFile);
        m_settings->setValue(QStringLiteral("amqpVhost"), bus.amqp.vhost);
        m_settings->setValue(QStringLiteral("silenceReconnectMs"), bus.silenceReconnectMs);
        if (!bus.amqp.queueName.isEmpty())
            setAmqpQueueName(bus.name, bus.amqp.queueName);
    }
    m_settings->endArray();
    Q_EMIT busesChanged();
}

void Settings::setAmqpQueueName(const QString &bus, const QString &queue)
{
    m_settings->setValue(QStringLiteral("AmqpQueues/") + bus, queue);
}

QString Settings::amqpQueueName(const QString &bus) const
{
    return m_settings->value(QStringLiteral("AmqpQueues/") + bus).toString();
}

void Settings::sync()
{
    m_settings->sync();
}

} // namespace fedmsg
