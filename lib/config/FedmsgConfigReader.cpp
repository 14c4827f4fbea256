// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "config/FedmsgConfigReader.h"

#include "bus/BusLogging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <climits>

namespace fedmsg {

namespace {

// The keys fedmsg.crypto reads to decide whether and how a message is trusted.
bool isTrustKey(const QString &key)
{
    static const QStringList keys { QStringLiteral("validate_signatures"),
        QStringLiteral("ca_cert_location"),
        QStringLiteral("crl_location"),
        QStringLiteral("routing_policy"),
        QStringLiteral("routing_nitpicky"),
        QStringLiteral("crypto_backend"),
        QStringLiteral("crypto_validate_backends") };
    return keys.contains(key);
}

QStringList stringList(const JsonValue &v)
{
    QStringList out;
    if (v.isString())
        out << v.toQString();
    for (const JsonValue &item : v.array())
        if (item.isString())
            out << item.toQString();
    return out;
}

} // namespace

FedmsgConfigReader::FedmsgConfigReader(QStringList directories)
    : m_directories(std::move(directories))
    , m_config(JsonValue::emptyObject())
{}

QStringList FedmsgConfigReader::defaultDirectories(const QString &systemDir)
{
    return { systemDir, QDir::homePath() + QStringLiteral("/.fedmsg.d") };
}

QStringList FedmsgConfigReader::withDefaults(const QStringList &extra, const QString &systemDir)
{
    return defaultDirectories(systemDir) + extra;
}

QList<BusConfig> FedmsgConfigReader::importedBuses(
    const QStringList &directories, QStringList *problems)
{
    FedmsgConfigReader reader(directories);
    reader.read();
    if (problems)
        for (const PyDiagnostic &d : reader.errors())
            problems->append(d.toString());
    const BusConfig bus = reader.toBusConfig();
    if (!reader.hasEndpoints() && bus.configError.isEmpty())
        return {};
    return { bus };
}

bool FedmsgConfigReader::read()
{
    bool any = false;
    for (const QString &dir : std::as_const(m_directories))
        any = readPath(dir) || any;
    return any;
}

bool FedmsgConfigReader::readPath(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return false;
    if (info.isFile())
        return readFile(info.absoluteFilePath());
    QDir dir(path);
    bool any = false;
    // fedmsg: sorted(os.listdir(folder)) filtered on *.py, i.e. byte order of the names. An
    // unreadable file is listed too: it fails to open and is reported, never skipped silently.
    const QStringList names = dir.entryList({ QStringLiteral("*.py") }, QDir::Files, QDir::Name);
    QStringList sorted = names;
    std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) {
        return a.toUtf8() < b.toUtf8();
    });
    for (const QString &name : std::as_const(sorted))
        any = readFile(dir.absoluteFilePath(name)) || any;
    return any;
}

bool FedmsgConfigReader::readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        m_diagnostics.append(PyDiagnostic { PyDiagnostic::Kind::Error, path, 0, f.errorString() });
        return false;
    }
    if (f.size() > MaxFileSize) {
        m_diagnostics.append(PyDiagnostic { PyDiagnostic::Kind::Error,
            path,
            0,
            QStringLiteral("file too large for a config file (%1 bytes; the limit is %2 MiB)")
                .arg(f.size())
                .arg(MaxFileSize / (qint64 { 1024 } * 1024)) });
        return false;
    }
    const QByteArray text = f.readAll();
    const int before = int(m_diagnostics.size());
    std::optional<JsonValue> cfg = PyLiteralReader::readAssignment(
        std::string_view(text.constData(), std::size_t(text.size())),
        path,
        "config",
        &m_diagnostics);
    for (int i = before; i < m_diagnostics.size(); ++i)
        qCDebug(lcBus) << m_diagnostics.at(i).toString();
    if (!cfg)
        return false;
    if (!cfg->isObject()) {
        m_diagnostics.append(PyDiagnostic {
            PyDiagnostic::Kind::Error, path, 0, QStringLiteral("'config' is not a dict") });
        return false;
    }
    m_config = merge(m_config, *cfg);
    m_files << path;
    return true;
}

JsonValue FedmsgConfigReader::merge(const JsonValue &base, const JsonValue &over)
{
    if (!base.isObject() || !over.isObject())
        return over;
    JsonValue out = base;
    for (const auto &[key, value] : over.object()) {
        const JsonValue *old = out.find(key);
        out.insert(key, old ? merge(*old, value) : value);
    }
    return out;
}

QList<PyDiagnostic> FedmsgConfigReader::errors() const
{
    QList<PyDiagnostic> out;
    for (const PyDiagnostic &d : m_diagnostics)
        if (d.kind == PyDiagnostic::Kind::Error)
            out.append(d);
    return out;
}

QList<PyDiagnostic> FedmsgConfigReader::trustProblems() const
{
    QList<PyDiagnostic> out;
    for (const PyDiagnostic &d : m_diagnostics) {
        // keyPath starts at the outermost dict: a trust key itself, or anything inside one (an
        // entry of routing_policy), was left out.
        const bool lost = d.kind == PyDiagnostic::Kind::Error
            || d.dropped == PyDiagnostic::Dropped::Statement
            || d.dropped == PyDiagnostic::Dropped::Variable
            || (!d.keyPath.isEmpty() && isTrustKey(d.keyPath.constFirst()));
        if (lost)
            out.append(d);
    }
    return out;
}

bool FedmsgConfigReader::hasEndpoints() const
{
    return !subscribeEndpoints().isEmpty();
}

JsonValue FedmsgConfigReader::query(const QString &dottedPath) const
{
    const JsonValue *v = &m_config;
    for (const QString &part : dottedPath.split(QLatin1Char('.'))) {
        v = v->find(part.toStdString());
        if (!v)
            return {};
    }
    return *v;
}

void FedmsgConfigReader::setValue(const QString &key, const JsonValue &value)
{
    if (!m_config.isObject())
        m_config = JsonValue::emptyObject();
    m_config.insert(key.toStdString(), value);
}

namespace {

std::optional<double> number(const JsonValue &v)
{
    if (v.isInteger())
        return static_cast<double>(v.toInt64());
    if (v.isNumber())
        return v.toDouble();
    return std::nullopt;
}

std::optional<int> integer(const JsonValue &v)
{
    if (v.isInteger())
        return static_cast<int>(std::clamp<qint64>(v.toInt64(), INT_MIN, INT_MAX));
    return std::nullopt;
}

} // namespace

std::optional<int> FedmsgConfigReader::ioThreads() const
{
    return integer(m_config["io_threads"]);
}

std::optional<double> FedmsgConfigReader::postInitSleep() const
{
    return number(m_config["post_init_sleep"]);
}

std::optional<double> FedmsgConfigReader::timeout() const
{
    return number(m_config["timeout"]);
}

std::optional<int> FedmsgConfigReader::highWaterMark() const
{
    return integer(m_config["high_water_mark"]);
}

std::optional<int> FedmsgConfigReader::lingerMs() const
{
    return integer(m_config["zmq_linger"]);
}

QString FedmsgConfigReader::topicPrefix() const
{
    const JsonValue &v = m_config["topic_prefix"];
    return v.isString() ? v.toQString() : QStringLiteral("org.fedoraproject");
}

QString FedmsgConfigReader::environment() const
{
    const JsonValue &v = m_config["environment"];
    return v.isString() ? v.toQString() : QStringLiteral("dev");
}

QStringList FedmsgConfigReader::relayInbound() const
{
    QStringList out = stringList(m_config["relay_inbound"]);
    if (out.isEmpty())
        out = stringList(m_config["endpoints"]["relay_inbound"]);
    return out;
}

QStringList FedmsgConfigReader::subscribeEndpoints() const
{
    QStringList out;
    for (const auto &[name, urls] : m_config["endpoints"].object()) {
        if (name == "relay_inbound")
            continue;
        for (const QString &url : stringList(urls)) {
            // A bind address ("tcp://*:9940") cannot be connected to.
            if (!out.contains(url) && !url.contains(QStringLiteral("://*")))
                out << url;
        }
    }
    return out;
}

TrustConfig FedmsgConfigReader::trustConfig() const
{
    TrustConfig t;
    const JsonValue &c = m_config;
    t.validateSignatures = c["validate_signatures"].toBool(false);
    // x509_ng: config.get('ca_cert_location', <Fedora URL>); crl_location None = no CRL.
    const JsonValue *ca = c.find("ca_cert_location");
    t.caLocation = ca ? ca->toQString() : QStringLiteral("https://fedoraproject.org/fedmsg/ca.crt");
    const JsonValue *crl = c.find("crl_location");
    t.crlLocation =
        crl ? crl->toQString() : QStringLiteral("https://fedoraproject.org/fedmsg/crl.pem");
    for (const auto &[topic, names] : c["routing_policy"].object())
        t.routingPolicy.insert(QString::fromStdString(topic), stringList(names));
    t.routingNitpicky = c["routing_nitpicky"].toBool(false);
    if (c.contains("crypto_validate_backends"))
        t.cryptoValidateBackends = stringList(c["crypto_validate_backends"]);
    return t;
}

BusConfig FedmsgConfigReader::toBusConfig(const QString &name) const
{
    BusConfig bus;
    bus.name = name;
    // The label is a name and a path (data in every language); the user may change it.
    bus.label = m_files.isEmpty()
        ? QStringLiteral("fedmsg.d")
        : QStringLiteral("fedmsg.d (%1)").arg(QFileInfo(m_files.first()).absolutePath());
    // Stored in English, shown translated (BusListModel::noteText).
    bus.note = QString::fromUtf8(QT_TRANSLATE_NOOP("fedmsg::BusImport", "Imported from %1"));
    bus.noteArgument =
        m_files.isEmpty() ? QStringLiteral("fedmsg.d") : QFileInfo(m_files.first()).absolutePath();
    bus.transport = BusConfig::Transport::ZeroMq;
    bus.enabled = true;
    for (const QString &url : subscribeEndpoints())
        bus.endpoints.append(BusEndpoint { url, {} });
    bus.trust = trustConfig();
    const QList<PyDiagnostic> problems = trustProblems();
    if (!problems.isEmpty()) {
        // Fail closed: a half-read folder may have lost validate_signatures=True or a routing
        // policy, and the defaults would then accept what the files meant to refuse.
        // Made when the buses are read, after the translations are installed.
        bus.configError = QCoreApplication::translate("fedmsg::FedmsgConfigReader",
            "fedmsg.d could not be read whole, so its signature settings are in doubt and "
            "the bus does not connect: %1")
                              .arg(problems.constFirst().toString());
        if (problems.size() > 1)
            bus.configError += QLatin1Char(' ')
                + QCoreApplication::translate("fedmsg::FedmsgConfigReader", "(and %1 more)")
                      .arg(problems.size() - 1);
    }
    const std::int64_t hwm = m_config["high_water_mark"].toInt64(0);
    if (hwm > 0 && hwm <= INT_MAX)
        bus.receiveHighWaterMark = int(hwm);
    bus.ioThreads = ioThreads().value_or(1);
    return bus;
}

QString FedmsgConfigReader::sslDir() const
{
    const JsonValue &v = m_config["ssldir"];
    return v.isString() ? v.toQString() : QStringLiteral("/etc/pki/fedmsg");
}

QString FedmsgConfigReader::certName(const QString &certPrefix, const QString &shortHostname) const
{
    const QString key = certPrefix + QLatin1Char('.') + shortHostname;
    const JsonValue &v = m_config["certnames"][key.toStdString()];
    return v.isString() ? v.toQString() : QString();
}

} // namespace fedmsg
