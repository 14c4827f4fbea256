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
#include <array>
#include <limits>
#include <string_view>

Q_LOGGING_CATEGORY(lcSettings, "fedmsg.settings")

namespace fedmsg {

namespace {
// Every key the program reads or writes, spelt as the README's settings table names it: keys of
// one entry of the bus list under "Buses/<n>/", keys named after a bus or a time with that
// <placeholder>. Settings::keys() returns this list, TestSettings checks it against the README,
// and each key constant below is made from it by listed(), which does not compile for a key
// missing here: one home for the names.
constexpr std::array KeyNames {
    std::string_view("General/schemaVersion"),
    std::string_view("General/language"),
    std::string_view("Notifications/enabled"),
    std::string_view("Notifications/classicTitle"),
    std::string_view("Notifications/quietHoursStart"),
    std::string_view("Notifications/quietHoursEnd"),
    std::string_view("Notifications/criticalBreaksThrough"),
    std::string_view("Notifications/dbusRelay"),
    std::string_view("Notifications/disabledServices"),
    std::string_view("Notifications/messageTypesOff"),
    std::string_view("Notifications/timeoutMs"),
    std::string_view("Notifications/defaultUrgency"),
    std::string_view("Notifications/popupsPerMinute"),
    std::string_view("Notifications/digestWindowSeconds"),
    std::string_view("Notifications/showImages"),
    std::string_view("Rules/v1"),
    std::string_view("Rules/broken-<time>"),
    std::string_view("Account/fedora"),
    std::string_view("Account/starterRulesOffered"),
    std::string_view("Account/welcomeShown"),
    std::string_view("Trust/untrusted"),
    std::string_view("History/maxAgeDays"),
    std::string_view("History/maxCount"),
    std::string_view("History/maxSizeMiB"),
    std::string_view("Buses/size"),
    std::string_view("Buses/<n>/name"),
    std::string_view("Buses/<n>/label"),
    std::string_view("Buses/<n>/enabled"),
    std::string_view("Buses/<n>/transport"),
    std::string_view("Buses/<n>/endpoints"),
    std::string_view("Buses/<n>/curveServerKeys"),
    std::string_view("Buses/<n>/topics"),
    std::string_view("Buses/<n>/validateSignatures"),
    std::string_view("Buses/<n>/caLocation"),
    std::string_view("Buses/<n>/crlLocation"),
    std::string_view("Buses/<n>/routingNitpicky"),
    std::string_view("Buses/<n>/amqpCaCert"),
    std::string_view("Buses/<n>/amqpCert"),
    std::string_view("Buses/<n>/amqpKey"),
    std::string_view("Buses/<n>/amqpVhost"),
    std::string_view("Buses/<n>/silenceReconnectMs"),
    std::string_view("Buses/<n>/archiveUrl"),
    std::string_view("AmqpQueues/<bus>"),
    std::string_view("zzEnd/complete"),
};

// A key as the code passes it to QSettings: the whole path; for "Buses/<n>/k" the entry's own
// key "k" (read inside beginReadArray); for a <placeholder> the part before it (the code adds
// the bus name or time).
struct Key
{
    std::string_view name;
};

constexpr std::string_view BusEntryPrefix = "Buses/<n>/";

consteval Key listed(std::string_view path)
{
    for (const std::string_view known : KeyNames) {
        if (known != path)
            continue;
        if (path.starts_with(BusEntryPrefix))
            return Key { path.substr(BusEntryPrefix.size()) };
        return Key { path.substr(0, path.find('<')) };
    }
    // Not a constant expression: a key missing from KeyNames does not compile.
    throw "settings key missing from KeyNames";
}

constexpr Key SchemaVersionKey = listed("General/schemaVersion");
constexpr Key NotificationsEnabledKey = listed("Notifications/enabled");
constexpr Key ClassicTitleKey = listed("Notifications/classicTitle");
constexpr Key LanguageKey = listed("General/language"); // "de", "fr", "en"; empty = the system's
constexpr Key QuietHoursStartKey = listed("Notifications/quietHoursStart"); // "22:00"; "" = none
constexpr Key QuietHoursEndKey = listed("Notifications/quietHoursEnd");
constexpr Key CriticalBreaksThroughKey = listed("Notifications/criticalBreaksThrough");
constexpr Key DbusRelayKey = listed("Notifications/dbusRelay"); // the old emit-dbus-signals
constexpr Key DisabledServicesKey = listed("Notifications/disabledServices"); // v2; migrates
constexpr Key MessageTypesOffKey = listed("Notifications/messageTypesOff");
// The rule document (lib/rules' file format) as one JSON text; the version is in the key, so a
// later format gets a key of its own and this one stays readable for a downgrade.
constexpr Key RulesKey = listed("Rules/v1");
constexpr Key RulesBrokenPrefix = listed("Rules/broken-<time>");
constexpr Key FedoraAccountKey = listed("Account/fedora");
// Untrusted messages no rule asks for: "hide", "history" (default) or "show" (lib/rules
// UntrustedPolicy).
constexpr Key UntrustedPolicyKey = listed("Trust/untrusted");
constexpr Key StarterRulesOfferedKey = listed("Account/starterRulesOffered");
constexpr Key WelcomeShownKey = listed("Account/welcomeShown");
// What a profile made before rules existed did: everything popped up (untrusted messages and
// disabled services excepted, which the engine and the toggles still see to).
constexpr const char *LegacyRules =
    R"({"format":"fedmsg-notify-rules","version":1,"default":{"action":"notify"},"rules":[]})";
constexpr Key HistoryMaxAgeKey = listed("History/maxAgeDays");
constexpr Key HistoryMaxCountKey = listed("History/maxCount");
constexpr Key HistoryMaxSizeKey = listed("History/maxSizeMiB");
// Popup options the preferences set (absent = the default; no migration needed).
constexpr Key PopupTimeoutKey = listed("Notifications/timeoutMs"); // -1 = the server's choice
constexpr Key DefaultUrgencyKey = listed("Notifications/defaultUrgency"); // low/normal/critical
constexpr Key PopupsPerMinuteKey = listed("Notifications/popupsPerMinute");
constexpr Key DigestWindowKey = listed("Notifications/digestWindowSeconds");
constexpr Key ShowImagesKey = listed("Notifications/showImages");
// The bus list: a QSettings array, "Buses/size" and entries "Buses/<1..size>/<key>".
constexpr Key BusesSizeKey = listed("Buses/size");
constexpr Key BusesGroup { BusesSizeKey.name.substr(0, BusesSizeKey.name.find('/')) };
// Keys of one entry of the Buses array.
constexpr Key BusNameKey = listed("Buses/<n>/name");
constexpr Key BusLabelKey = listed("Buses/<n>/label");
constexpr Key BusEnabledKey = listed("Buses/<n>/enabled");
constexpr Key BusTransportKey = listed("Buses/<n>/transport"); // BusConfig::transportName()
constexpr Key BusEndpointsKey = listed("Buses/<n>/endpoints");
constexpr Key BusCurveServerKeysKey = listed("Buses/<n>/curveServerKeys"); // "" = plain
constexpr Key BusTopicsKey = listed("Buses/<n>/topics");
constexpr Key BusValidateSignaturesKey = listed("Buses/<n>/validateSignatures");
constexpr Key BusCaLocationKey = listed("Buses/<n>/caLocation");
constexpr Key BusCrlLocationKey = listed("Buses/<n>/crlLocation");
constexpr Key BusRoutingNitpickyKey = listed("Buses/<n>/routingNitpicky");
constexpr Key BusAmqpCaCertKey = listed("Buses/<n>/amqpCaCert");
constexpr Key BusAmqpCertKey = listed("Buses/<n>/amqpCert");
constexpr Key BusAmqpKeyKey = listed("Buses/<n>/amqpKey");
constexpr Key BusAmqpVhostKey = listed("Buses/<n>/amqpVhost");
constexpr Key BusSilenceReconnectKey = listed("Buses/<n>/silenceReconnectMs");
constexpr Key BusArchiveUrlKey = listed("Buses/<n>/archiveUrl"); // "" = no catch-up after a gap
// The queue each AMQP bus's source generated: "AmqpQueues/<bus name>", apart from the bus list.
constexpr Key AmqpQueuesPrefix = listed("AmqpQueues/<bus>");
// Written with every file and kept after every other key: QSettings writes its groups sorted by
// name, and a lower-case "zz" sorts after every (capitalised) group name, so "[zzEnd]" is the
// file's last section. A file cut short at a line end loses it.
constexpr Key EndMarkerKey = listed("zzEnd/complete");
constexpr bool DefaultNotificationsEnabled = true;
constexpr int DefaultHistoryMaxAgeDays = 30;
constexpr int DefaultHistoryMaxCount = 50000;
constexpr int DefaultHistoryMaxSizeMiB = 256;
constexpr int DefaultPopupTimeoutMs = -1;
constexpr int DefaultPopupsPerMinute = 5;
constexpr int DefaultDigestWindowSeconds = 60;

QString key(Key k)
{
    return QString::fromLatin1(k.name.data(), qsizetype(k.name.size()));
}

// The key's place in the file for a warning ("Notifications/timeoutMs", "Buses/enabled").
QString placeOf(const QSettings &settings, Key k)
{
    return settings.group().isEmpty() ? key(k) : settings.group() + QLatin1Char('/') + key(k);
}

// A number from the file: one that is not a number (a hand edit) reads as @p fallback, with a
// warning; one out of [lo, hi] is clamped.
int boundedInt(const QSettings &settings, Key k, int fallback, int lo, int hi)
{
    const QVariant value = settings.value(key(k));
    if (!value.isValid())
        return std::clamp(fallback, lo, hi);
    bool ok = false;
    const int number = value.toString().trimmed().toInt(&ok);
    if (!ok) {
        qCWarning(lcSettings) << "settings key" << placeOf(settings, k)
                              << "is not a number:" << value.toString() << "; using" << fallback;
        return std::clamp(fallback, lo, hi);
    }
    return std::clamp(number, lo, hi);
}

// A switch from the file: true/false (what QSettings writes) or 1/0; anything else reads as
// @p fallback, with a warning (QVariant would take any other text for true).
bool switchValue(const QSettings &settings, Key k, bool fallback)
{
    const QVariant value = settings.value(key(k));
    if (!value.isValid())
        return fallback;
    if (value.typeId() == QMetaType::Bool)
        return value.toBool();
    const QString text = value.toString().trimmed().toLower();
    if (text == QLatin1String("true") || text == QLatin1String("1"))
        return true;
    if (text == QLatin1String("false") || text == QLatin1String("0"))
        return false;
    qCWarning(lcSettings) << "settings key" << placeOf(settings, k)
                          << "is not true or false:" << value.toString() << "; using" << fallback;
    return fallback;
}

// What makes a settings file unusable, or "" when it is fine (or absent). QSettings' INI reader
// is lenient, so this also refuses what it would read wrongly: NUL bytes or invalid UTF-8 (not a
// file we wrote) and a file cut short (the end marker or part of the bus list missing).
QString findBrokenReason(const QString &path)
{
    QFile f(path);
    if (!f.exists() || !f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray data = f.readAll();
    if (data.trimmed().isEmpty()) // cut at its first line: every version writes at least one key
        return QStringLiteral("it is empty");
    if (data.contains('\0'))
        return QStringLiteral("it contains NUL bytes");
    QStringDecoder decoder(QStringDecoder::Utf8);
    (void)QString(decoder(data));
    if (decoder.hasError())
        return QStringLiteral("it is not UTF-8 text");
    QSettings probe(path, QSettings::IniFormat);
    const QStringList keys = probe.allKeys();
    if (probe.status() == QSettings::FormatError)
        return QStringLiteral("it is not an INI file");
    // Buses is an array: "Buses/size" and entries "Buses/<1..size>/<key>".
    const QString prefix = key(BusesGroup) + QLatin1Char('/');
    const int size = probe.value(key(BusesSizeKey), 0).toInt();
    int highest = 0;
    for (const QString &k : keys) {
        if (!k.startsWith(prefix))
            continue;
        bool isIndex = false;
        const int index = k.mid(prefix.size()).section(QLatin1Char('/'), 0, 0).toInt(&isIndex);
        if (isIndex)
            highest = std::max(highest, index);
    }
    if (highest > size)
        return QStringLiteral("its bus list is cut short (%1 entries, the count says %2)")
            .arg(highest)
            .arg(size);
    // Every version writes schemaVersion; version 1 wrote no end marker, so only its bus count
    // can be checked. Anything else without the marker was cut short (or not written by us).
    const int version = probe.value(key(SchemaVersionKey), 0).toInt();
    if (version != 1 && !probe.contains(key(EndMarkerKey)))
        return QStringLiteral("it ends early (the end marker is missing)");
    return {};
}

// A QSettings format that reads no keys and refuses to write: defaults for a read-only reader
// of a broken file.
QSettings::Format nothingFormat()
{
    static const QSettings::Format format = QSettings::registerFormat(
        QStringLiteral("fedmsg-notify-defaults"),
        [](QIODevice &, QSettings::SettingsMap &) {
            return true;
        },
        [](QIODevice &, const QSettings::SettingsMap &) {
            return false;
        });
    return format;
}
} // namespace

Settings::Settings(const QString &path, QObject *parent)
    : Settings(path, Mode::ReadWrite, parent)
{}

Settings::Settings(const QString &path, Mode mode, QObject *parent)
    : QObject(parent)
    , m_mode(mode)
    , m_brokenReason(findBrokenReason(path))
{
    if (mode == Mode::ReadOnly) {
        if (!m_brokenReason.isEmpty()) {
            // Defaults: a format that reads nothing and never writes (the file stays untouched).
            qCWarning(lcSettings) << "settings file" << path << "is broken:" << m_brokenReason
                                  << "; using defaults (the file is left for the applet)";
            m_settings = std::make_unique<QSettings>(path, nothingFormat());
        } else {
            m_settings = std::make_unique<QSettings>(path, QSettings::IniFormat);
        }
        return;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (!m_brokenReason.isEmpty()) {
        m_recoveredFrom = path + QStringLiteral(".broken-")
            + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        if (QFile::rename(path, m_recoveredFrom)) {
            qCWarning(lcSettings) << "settings file" << path << "is broken:" << m_brokenReason
                                  << "; kept it as" << m_recoveredFrom << "and using defaults";
        } else {
            qCWarning(lcSettings) << "settings file" << path << "is broken:" << m_brokenReason
                                  << "and could not be moved; removing it and using defaults";
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

QStringList Settings::keys()
{
    QStringList result;
    result.reserve(qsizetype(KeyNames.size()));
    for (const std::string_view name : KeyNames)
        result.append(QString::fromLatin1(name.data(), qsizetype(name.size())));
    return result;
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
    // Version 1 -> 2: the end marker.
    // Version 2 -> 3: disabledServices become message types that are off (a service id is a
    // type id); a profile from before rules keeps notifying everything (a new one, version
    // 0, starts with no rules: the applet's safe first run).
    if (version >= 1 && version < 3) {
        if (m_settings->contains(key(DisabledServicesKey))) {
            QStringList off = m_settings->value(key(DisabledServicesKey)).toStringList();
            off.removeAll(QString());
            off.sort();
            off.removeDuplicates();
            m_settings->setValue(key(MessageTypesOffKey), off);
            m_settings->remove(key(DisabledServicesKey));
        }
        if (!m_settings->contains(key(RulesKey)))
            m_settings->setValue(key(RulesKey), QString::fromLatin1(LegacyRules));
    }
    m_settings->setValue(key(SchemaVersionKey), SchemaVersion);
    m_settings->setValue(key(EndMarkerKey), true);
}

bool Settings::writable(const char *what) const
{
    if (m_mode == Mode::ReadWrite)
        return true;
    qCWarning(lcSettings) << "settings opened read-only; not changing" << what;
    return false;
}

bool Settings::notificationsEnabled() const
{
    return switchValue(*m_settings, NotificationsEnabledKey, DefaultNotificationsEnabled);
}

void Settings::setNotificationsEnabled(bool on)
{
    if (!writable("notifications"))
        return;
    if (notificationsEnabled() == on)
        return;
    m_settings->setValue(key(NotificationsEnabledKey), on);
    Q_EMIT notificationsEnabledChanged(on);
}

bool Settings::classicNotificationTitle() const
{
    return switchValue(*m_settings, ClassicTitleKey, false);
}

void Settings::setClassicNotificationTitle(bool on)
{
    if (!writable("notifications"))
        return;
    if (classicNotificationTitle() == on)
        return;
    m_settings->setValue(key(ClassicTitleKey), on);
    Q_EMIT notificationOptionsChanged();
}

QString Settings::language() const
{
    return m_settings->value(key(LanguageKey)).toString();
}

void Settings::setLanguage(const QString &language)
{
    if (!writable("language"))
        return;
    m_settings->setValue(key(LanguageKey), language);
}

QTime Settings::quietHoursStart() const
{
    return QTime::fromString(
        m_settings->value(key(QuietHoursStartKey)).toString(), QStringLiteral("HH:mm"));
}

QTime Settings::quietHoursEnd() const
{
    return QTime::fromString(
        m_settings->value(key(QuietHoursEndKey)).toString(), QStringLiteral("HH:mm"));
}

void Settings::setQuietHours(QTime start, QTime end)
{
    if (!writable("quiet hours"))
        return;
    m_settings->setValue(key(QuietHoursStartKey),
        start.isValid() ? start.toString(QStringLiteral("HH:mm")) : QString());
    m_settings->setValue(
        key(QuietHoursEndKey), end.isValid() ? end.toString(QStringLiteral("HH:mm")) : QString());
    Q_EMIT notificationOptionsChanged();
}

int Settings::popupTimeoutMs() const
{
    return boundedInt(*m_settings, PopupTimeoutKey, DefaultPopupTimeoutMs, -1, 3'600'000);
}

void Settings::setPopupTimeoutMs(int ms)
{
    if (!writable("popup timeout"))
        return;
    m_settings->setValue(key(PopupTimeoutKey), std::clamp(ms, -1, 3'600'000));
    Q_EMIT notificationOptionsChanged();
}

QString Settings::defaultUrgency() const
{
    QString urgency = m_settings->value(key(DefaultUrgencyKey)).toString();
    if (urgency == QLatin1String("low") || urgency == QLatin1String("critical"))
        return urgency;
    return QStringLiteral("normal");
}

void Settings::setDefaultUrgency(const QString &urgency)
{
    if (!writable("default urgency"))
        return;
    if (urgency != QLatin1String("low") && urgency != QLatin1String("normal")
        && urgency != QLatin1String("critical")) {
        qCWarning(lcSettings) << "not an urgency:" << urgency << "; kept" << defaultUrgency();
        return;
    }
    m_settings->setValue(key(DefaultUrgencyKey), urgency);
    Q_EMIT notificationOptionsChanged();
}

int Settings::popupsPerMinute() const
{
    return boundedInt(*m_settings, PopupsPerMinuteKey, DefaultPopupsPerMinute, 1, 60);
}

void Settings::setPopupsPerMinute(int count)
{
    if (!writable("popups per minute"))
        return;
    m_settings->setValue(key(PopupsPerMinuteKey), std::clamp(count, 1, 60));
    Q_EMIT notificationOptionsChanged();
}

int Settings::digestWindowSeconds() const
{
    return boundedInt(*m_settings, DigestWindowKey, DefaultDigestWindowSeconds, 10, 3600);
}

void Settings::setDigestWindowSeconds(int seconds)
{
    if (!writable("digest window"))
        return;
    m_settings->setValue(key(DigestWindowKey), std::clamp(seconds, 10, 3600));
    Q_EMIT notificationOptionsChanged();
}

bool Settings::showImages() const
{
    return switchValue(*m_settings, ShowImagesKey, true);
}

void Settings::setShowImages(bool on)
{
    if (!writable("popup images"))
        return;
    m_settings->setValue(key(ShowImagesKey), on);
    Q_EMIT notificationOptionsChanged();
}

bool Settings::criticalBreaksThrough() const
{
    return switchValue(*m_settings, CriticalBreaksThroughKey, true);
}

void Settings::setCriticalBreaksThrough(bool on)
{
    if (!writable("critical bypass"))
        return;
    if (criticalBreaksThrough() == on)
        return;
    m_settings->setValue(key(CriticalBreaksThroughKey), on);
    Q_EMIT notificationOptionsChanged();
}

bool Settings::dbusRelay() const
{
    return switchValue(*m_settings, DbusRelayKey, false);
}

void Settings::setDbusRelay(bool on)
{
    if (!writable("D-Bus relay"))
        return;
    if (dbusRelay() == on)
        return;
    m_settings->setValue(key(DbusRelayKey), on);
    Q_EMIT notificationOptionsChanged();
}

QStringList Settings::messageTypesOff() const
{
    QStringList list = m_settings->value(key(MessageTypesOffKey)).toStringList();
    list.removeAll(QString());
    list.sort();
    list.removeDuplicates();
    return list;
}

void Settings::setMessageTypesOff(const QStringList &types)
{
    if (!writable("message types"))
        return;
    QStringList list = types;
    list.removeAll(QString());
    list.sort();
    list.removeDuplicates();
    if (list == messageTypesOff())
        return;
    m_settings->setValue(key(MessageTypesOffKey), list);
    Q_EMIT messageTypesOffChanged(list);
}

QByteArray Settings::rulesJson() const
{
    // Written as one quoted string. A hand edit that lost the quotes reads back as something
    // else (QSettings takes the JSON's quotes and commas for its own): the caller finds that it
    // does not parse and keeps it aside.
    const QVariant value = m_settings->value(key(RulesKey));
    if (value.typeId() == QMetaType::QStringList)
        return value.toStringList().join(QLatin1Char(',')).toUtf8();
    return value.toString().toUtf8();
}

void Settings::setRulesJson(const QByteArray &json)
{
    if (!writable("rules"))
        return;
    if (json == rulesJson())
        return;
    // A string, not a QByteArray: QSettings would write bytes as @ByteArray(...).
    m_settings->setValue(key(RulesKey), QString::fromUtf8(json));
    Q_EMIT rulesChanged();
}

QString Settings::keepRulesAside()
{
    if (!writable("rules"))
        return {};
    QString kept = key(RulesBrokenPrefix)
        + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    m_settings->setValue(kept, m_settings->value(key(RulesKey)));
    m_settings->remove(key(RulesKey));
    return kept;
}

QString Settings::fedoraAccount() const
{
    return m_settings->value(key(FedoraAccountKey)).toString().trimmed();
}

void Settings::setFedoraAccount(const QString &account)
{
    if (!writable("account"))
        return;
    if (account.trimmed() == fedoraAccount())
        return;
    m_settings->setValue(key(FedoraAccountKey), account.trimmed());
    Q_EMIT fedoraAccountChanged(account.trimmed());
}

QString Settings::untrustedPolicy() const
{
    const QString policy = m_settings->value(key(UntrustedPolicyKey)).toString();
    return policy == QLatin1String("hide") || policy == QLatin1String("show")
        ? policy
        : QStringLiteral("history");
}

void Settings::setUntrustedPolicy(const QString &policy)
{
    if (!writable("untrusted policy"))
        return;
    if (policy == untrustedPolicy())
        return;
    m_settings->setValue(key(UntrustedPolicyKey), policy);
    Q_EMIT untrustedPolicyChanged(untrustedPolicy());
}

bool Settings::starterRulesOffered() const
{
    return switchValue(*m_settings, StarterRulesOfferedKey, false);
}

void Settings::setStarterRulesOffered(bool offered)
{
    if (!writable("starter rules"))
        return;
    m_settings->setValue(key(StarterRulesOfferedKey), offered);
}

bool Settings::welcomeShown() const
{
    return switchValue(*m_settings, WelcomeShownKey, false);
}

void Settings::setWelcomeShown(bool shown)
{
    if (!writable("welcome"))
        return;
    m_settings->setValue(key(WelcomeShownKey), shown);
}

int Settings::historyMaxAgeDays() const
{
    return boundedInt(*m_settings, HistoryMaxAgeKey, DefaultHistoryMaxAgeDays, 1, 3650);
}

void Settings::setHistoryMaxAgeDays(int days)
{
    if (!writable("history age"))
        return;
    m_settings->setValue(key(HistoryMaxAgeKey), std::clamp(days, 1, 3650));
    Q_EMIT historyLimitsChanged();
}

int Settings::historyMaxCount() const
{
    return boundedInt(*m_settings, HistoryMaxCountKey, DefaultHistoryMaxCount, 100, 10'000'000);
}

void Settings::setHistoryMaxCount(int count)
{
    if (!writable("history count"))
        return;
    m_settings->setValue(key(HistoryMaxCountKey), std::clamp(count, 100, 10'000'000));
    Q_EMIT historyLimitsChanged();
}

int Settings::historyMaxSizeMiB() const
{
    return boundedInt(*m_settings, HistoryMaxSizeKey, DefaultHistoryMaxSizeMiB, 1, 65536);
}

void Settings::setHistoryMaxSizeMiB(int mib)
{
    if (!writable("history size"))
        return;
    m_settings->setValue(key(HistoryMaxSizeKey), std::clamp(mib, 1, 65536));
    Q_EMIT historyLimitsChanged();
}

QList<BusConfig> Settings::buses(const QList<BusConfig> &presets) const
{
    QList<BusConfig> result;
    const int n = m_settings->beginReadArray(key(BusesGroup));
    for (int i = 0; i < n; ++i) {
        m_settings->setArrayIndex(i);
        const QString name = m_settings->value(key(BusNameKey)).toString();
        if (name.isEmpty())
            continue;
        auto preset = std::find_if(presets.begin(), presets.end(), [&](const BusConfig &b) {
            return b.name == name;
        });
        BusConfig bus = preset != presets.end() ? *preset : BusConfig {};
        bus.name = name;
        bus.label = m_settings->value(key(BusLabelKey), bus.label).toString();
        bus.enabled = switchValue(*m_settings, BusEnabledKey, bus.enabled);
        bus.transport = BusConfig::transportFromName(
            m_settings->value(key(BusTransportKey), BusConfig::transportName(bus.transport))
                .toString());
        if (m_settings->contains(key(BusEndpointsKey))) {
            bus.endpoints.clear();
            const QStringList urls = m_settings->value(key(BusEndpointsKey)).toStringList();
            const QStringList keys = m_settings->value(key(BusCurveServerKeysKey)).toStringList();
            for (int e = 0; e < urls.size(); ++e)
                bus.endpoints.append(
                    BusEndpoint { urls[e], e < keys.size() ? keys[e] : QString() });
        }
        if (m_settings->contains(key(BusTopicsKey)))
            bus.topics = m_settings->value(key(BusTopicsKey)).toStringList();
        bus.trust.validateSignatures =
            switchValue(*m_settings, BusValidateSignaturesKey, bus.trust.validateSignatures);
        bus.trust.caLocation =
            m_settings->value(key(BusCaLocationKey), bus.trust.caLocation).toString();
        bus.trust.crlLocation =
            m_settings->value(key(BusCrlLocationKey), bus.trust.crlLocation).toString();
        bus.trust.routingNitpicky =
            switchValue(*m_settings, BusRoutingNitpickyKey, bus.trust.routingNitpicky);
        bus.amqp.caCertFile =
            m_settings->value(key(BusAmqpCaCertKey), bus.amqp.caCertFile).toString();
        bus.amqp.certFile = m_settings->value(key(BusAmqpCertKey), bus.amqp.certFile).toString();
        bus.amqp.keyFile = m_settings->value(key(BusAmqpKeyKey), bus.amqp.keyFile).toString();
        bus.amqp.vhost = m_settings->value(key(BusAmqpVhostKey), bus.amqp.vhost).toString();
        bus.silenceReconnectMs = boundedInt(*m_settings,
            BusSilenceReconnectKey,
            bus.silenceReconnectMs,
            -1,
            std::numeric_limits<int>::max());
        bus.archiveUrl = m_settings->value(key(BusArchiveUrlKey), bus.archiveUrl).toString();
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
    if (!writable("buses"))
        return;
    m_settings->remove(key(BusesGroup));
    m_settings->beginWriteArray(key(BusesGroup), static_cast<int>(buses.size()));
    for (int i = 0; i < buses.size(); ++i) {
        const BusConfig &bus = buses[i];
        m_settings->setArrayIndex(i);
        m_settings->setValue(key(BusNameKey), bus.name);
        m_settings->setValue(key(BusLabelKey), bus.label);
        m_settings->setValue(key(BusEnabledKey), bus.enabled);
        m_settings->setValue(key(BusTransportKey), BusConfig::transportName(bus.transport));
        QStringList urls;
        QStringList keys;
        for (const BusEndpoint &e : bus.endpoints) {
            urls.append(e.url);
            keys.append(e.curveServerKey);
        }
        m_settings->setValue(key(BusEndpointsKey), urls);
        m_settings->setValue(key(BusCurveServerKeysKey), keys);
        m_settings->setValue(key(BusTopicsKey), bus.topics);
        m_settings->setValue(key(BusValidateSignaturesKey), bus.trust.validateSignatures);
        m_settings->setValue(key(BusCaLocationKey), bus.trust.caLocation);
        m_settings->setValue(key(BusCrlLocationKey), bus.trust.crlLocation);
        m_settings->setValue(key(BusRoutingNitpickyKey), bus.trust.routingNitpicky);
        m_settings->setValue(key(BusAmqpCaCertKey), bus.amqp.caCertFile);
        m_settings->setValue(key(BusAmqpCertKey), bus.amqp.certFile);
        m_settings->setValue(key(BusAmqpKeyKey), bus.amqp.keyFile);
        m_settings->setValue(key(BusAmqpVhostKey), bus.amqp.vhost);
        m_settings->setValue(key(BusSilenceReconnectKey), bus.silenceReconnectMs);
        m_settings->setValue(key(BusArchiveUrlKey), bus.archiveUrl);
    }
    m_settings->endArray();
    // Outside the array: written inside it, the name landed under Buses/<i>/ and was lost.
    for (const BusConfig &bus : buses) {
        if (!bus.amqp.queueName.isEmpty())
            setAmqpQueueName(bus.name, bus.amqp.queueName);
    }
    Q_EMIT busesChanged();
}

void Settings::setAmqpQueueName(const QString &bus, const QString &queue)
{
    if (!writable("AMQP queue name"))
        return;
    m_settings->setValue(key(AmqpQueuesPrefix) + bus, queue);
}

QString Settings::amqpQueueName(const QString &bus) const
{
    return m_settings->value(key(AmqpQueuesPrefix) + bus).toString();
}

void Settings::sync()
{
    if (m_mode == Mode::ReadOnly)
        return;
    m_settings->sync();
}

} // namespace fedmsg
