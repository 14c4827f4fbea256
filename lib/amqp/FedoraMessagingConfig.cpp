// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "amqp/FedoraMessagingConfig.h"

#include "amqp/AmqpAddress.h"
#include "amqp/AmqpWorker.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>

#include <toml++/toml.h>

namespace fedmsg {

namespace {

constexpr qint64 BytesPerMiB = qint64 { 1024 } * 1024;

class Reader
{
public:
    Reader(QString source, QString *error)
        : m_source(std::move(source))
        , m_error(error)
    {}

    QString where(const toml::node *node) const
    {
        if (!node) {
            return m_source;
        }
        return QStringLiteral("%1:%2:%3")
            .arg(m_source)
            .arg(node->source().begin.line)
            .arg(node->source().begin.column);
    }

    bool fail(const toml::node *node, const QString &what) const
    {
        if (m_error) {
            *m_error = where(node) + QStringLiteral(": ") + what;
        }
        return false;
    }

    /// Optional string member; false (error set) when present with another type.
    bool string(const toml::table &t, const char *key, QString *out, const QString &ctx = {}) const
    {
        const toml::node *n = t.get(key);
        if (!n) {
            return true;
        }
        if (!n->is_string()) {
            return fail(n, QStringLiteral("%1%2 must be a string").arg(ctx, QLatin1String(key)));
        }
        *out = QString::fromStdString(n->value<std::string>().value_or(std::string()));
        return true;
    }

    const toml::table *table(const toml::table &t, const char *key, bool *ok) const
    {
        const toml::node *n = t.get(key);
        if (!n) {
            return nullptr;
        }
        if (!n->is_table()) {
            *ok = fail(n, QStringLiteral("%1 must be a table").arg(QLatin1String(key)));
            return nullptr;
        }
        return n->as_table();
    }

    QString m_source;
    QString *m_error;
};

using Import = FedoraMessagingConfig::Import;

QString tooLarge(const QString &sourceName, qint64 size)
{
    return QStringLiteral("%1: file too large for a config file (%2 bytes; the limit is %3 MiB)")
        .arg(sourceName)
        .arg(size)
        .arg(FedoraMessagingConfig::MaxFileSize / BytesPerMiB);
}

std::optional<toml::table> parseToml(
    const QByteArray &toml, const QString &sourceName, QString *error)
{
    try {
        return toml::parse(std::string_view(toml.constData(), static_cast<size_t>(toml.size())),
            sourceName.toStdString());
    } catch (const toml::parse_error &e) {
        if (error) {
            *error = QStringLiteral("%1:%2:%3: %4")
                         .arg(sourceName)
                         .arg(e.source().begin.line)
                         .arg(e.source().begin.column)
                         .arg(QString::fromUtf8(e.description().data(),
                             static_cast<qsizetype>(e.description().size())));
        }
        return std::nullopt;
    }
}

/// amqp_url and [tls]: the endpoint, the vhost, the certificate files and the login identity.
bool readAddress(const Reader &r, const toml::table &root, BusConfig *bus)
{
    // fedora-messaging's default amqp_url is "amqp://" (guest on localhost).
    QString url = QStringLiteral("amqp://localhost");
    if (!r.string(root, "amqp_url", &url)) {
        return false;
    }
    QString urlError;
    const std::optional<AmqpAddress> address = AmqpAddress::parse(url, {}, &urlError);
    if (!address) {
        return r.fail(root.get("amqp_url"), urlError);
    }
    bool ok = true;
    if (const toml::table *tls = r.table(root, "tls", &ok)) {
        if (!r.string(*tls, "ca_cert", &bus->amqp.caCertFile, QStringLiteral("tls."))
            || !r.string(*tls, "certfile", &bus->amqp.certFile, QStringLiteral("tls."))
            || !r.string(*tls, "keyfile", &bus->amqp.keyFile, QStringLiteral("tls."))) {
            return false;
        }
    }
    if (!ok) {
        return false;
    }
    const bool clientCert = !bus->amqp.certFile.isEmpty() && !bus->amqp.keyFile.isEmpty();
    if (clientCert) {
        // With a certificate fedora-messaging logs in with EXTERNAL; the user part of the URL
        // is cosmetic (the broker takes the CN). Keep it only as the EXTERNAL identity.
        if (!address->user.isEmpty()) {
            bus->amqp.loginIdentity = address->user;
        }
        bus->endpoints = { BusEndpoint { address->displayUrl(), {} } };
    } else {
        bus->endpoints = { BusEndpoint { url.trimmed(), {} } };
    }
    bus->amqp.vhost = address->vhost;
    return true;
}

/// [queues]: a private UUID queue is worth keeping (its buffered messages come with it).
bool readQueues(const Reader &r, const toml::table &root, Import *result)
{
    bool ok = true;
    const toml::table *queues = r.table(root, "queues", &ok);
    if (!queues) {
        return ok;
    }
    for (const auto &[key, value] : *queues) {
        const QString name = QString::fromStdString(std::string(key.str()));
        if (!AmqpWorker::isAcceptableQueueName(name)) {
            result->warnings.append(r.where(&value)
                + QStringLiteral(": queue '%1' is not a private UUID name; a new one will be "
                                 "generated")
                      .arg(name));
        } else if (result->bus.amqp.queueName.isEmpty()) {
            result->bus.amqp.queueName = name;
        } else {
            result->warnings.append(r.where(&value)
                + QStringLiteral(": only one queue is used; ignoring %1").arg(name));
        }
    }
    return true;
}

/// One [[bindings]] table: its routing keys join the bus's topics ("#" or none: everything);
/// the first binding's exchange is the bus's, bindings to another one are left out.
bool readBinding(
    const Reader &r, const toml::node &item, QString *exchange, bool *everything, Import *result)
{
    const toml::table *b = item.as_table();
    if (!b) {
        return r.fail(&item, QStringLiteral("each binding must be a table"));
    }
    QString x = QStringLiteral("amq.topic");
    if (!r.string(*b, "exchange", &x, QStringLiteral("bindings."))) {
        return false;
    }
    if (exchange->isEmpty()) {
        *exchange = x;
    } else if (x != *exchange) {
        result->warnings.append(r.where(b)
            + QStringLiteral(": binding to exchange %1 ignored (one exchange per bus; using %2)")
                  .arg(x, *exchange));
        return true;
    }
    const toml::node *keys = b->get("routing_keys");
    if (!keys) {
        *everything = true; // fedora-messaging's default routing key is "#"
        return true;
    }
    const toml::array *keyList = keys->as_array();
    if (!keyList) {
        return r.fail(keys, QStringLiteral("bindings.routing_keys must be an array of strings"));
    }
    QStringList &topics = result->bus.topics;
    for (const toml::node &k : *keyList) {
        if (!k.is_string()) {
            return r.fail(&k, QStringLiteral("routing keys must be strings"));
        }
        const QString key = QString::fromStdString(k.value<std::string>().value_or(""));
        if (key == QStringLiteral("#") || key.isEmpty()) {
            *everything = true;
        } else if (!topics.contains(key)) {
            topics.append(key);
        }
    }
    return true;
}

bool readBindings(const Reader &r, const toml::table &root, Import *result)
{
    const toml::node *bindings = root.get("bindings");
    if (!bindings) {
        return true;
    }
    const toml::array *list = bindings->as_array();
    if (!list) {
        return r.fail(bindings, QStringLiteral("bindings must be an array of tables"));
    }
    QString exchange;
    bool everything = false;
    for (const toml::node &item : *list) {
        if (!readBinding(r, item, &exchange, &everything, result)) {
            return false;
        }
    }
    if (!exchange.isEmpty()) {
        result->bus.amqp.exchange = exchange;
    }
    if (everything) {
        result->bus.topics.clear();
    }
    return true;
}

/// [qos] prefetch_count.
bool readQos(const Reader &r, const toml::table &root, BusConfig *bus)
{
    bool ok = true;
    const toml::table *qos = r.table(root, "qos", &ok);
    if (!qos) {
        return ok;
    }
    const toml::node *n = qos->get("prefetch_count");
    if (!n) {
        return true;
    }
    if (!n->is_integer()) {
        return r.fail(n, QStringLiteral("qos.prefetch_count must be an integer"));
    }
    bus->amqp.prefetch =
        static_cast<int>(std::clamp<std::int64_t>(n->value<std::int64_t>().value_or(25), 0, 65535));
    return true;
}

} // namespace

QStringList FedoraMessagingConfig::defaultPaths()
{
    QString config = QString::fromLocal8Bit(qgetenv("XDG_CONFIG_HOME"));
    if (config.isEmpty()) {
        config = QDir::homePath() + QStringLiteral("/.config");
    }
    return { config + QStringLiteral("/fedora-messaging/config.toml"),
        QStringLiteral("/etc/fedora-messaging/config.toml") };
}

QString FedoraMessagingConfig::findExisting()
{
    for (const QString &p : defaultPaths()) {
        if (QFileInfo(p).isFile()) {
            return p;
        }
    }
    return {};
}

std::optional<FedoraMessagingConfig::Import> FedoraMessagingConfig::load(
    const QString &path, QString *error, const QString &busName)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error) {
            *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        }
        return std::nullopt;
    }
    if (f.size() > MaxFileSize) {
        if (error) {
            *error = tooLarge(path, f.size());
        }
        return std::nullopt;
    }
    // read() stops at the cap even if the file grows after the size check.
    return parse(f.read(MaxFileSize + 1), path, error, busName);
}

std::optional<FedoraMessagingConfig::Import> FedoraMessagingConfig::parse(
    const QByteArray &toml, const QString &sourceName, QString *error, const QString &busName)
{
    if (toml.size() > MaxFileSize) {
        if (error) {
            *error = tooLarge(sourceName, toml.size());
        }
        return std::nullopt;
    }
    const std::optional<toml::table> root = parseToml(toml, sourceName, error);
    if (!root) {
        return std::nullopt;
    }

    Import result;
    BusConfig &bus = result.bus;
    bus.name = busName;
    bus.label = QStringLiteral("fedora-messaging (%1)").arg(QFileInfo(sourceName).fileName());
    // Stored in English, shown translated (BusListModel::noteText).
    bus.note = QString::fromUtf8(QT_TRANSLATE_NOOP("fedmsg::BusImport", "Imported from %1"));
    bus.noteArgument = sourceName;
    bus.transport = BusConfig::Transport::Amqp;
    bus.enabled = true;
    bus.trust.validateSignatures = false;

    const Reader r(sourceName, error);
    if (!readAddress(r, *root, &bus) || !readQueues(r, *root, &result)
        || !readBindings(r, *root, &result) || !readQos(r, *root, &bus)) {
        return std::nullopt;
    }
    return result;
}

} // namespace fedmsg
