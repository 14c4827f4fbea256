// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/Renderer.h"

#include "render/Avatar.h"
#include "render/Py.h"
#include "render/SchemaRenderer.h"
#include "render/TemplateProcessor.h"
#include "render/processors/Native.h"
#include "json/JsonParser.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

Q_LOGGING_CATEGORY(lcRender, "fedmsg.render")

namespace fedmsg {

using render::MetaFailure;
using render::Py;

namespace {

/// fedmsg.meta's DefaultProcessor, improved: it shows who did it when the message says so.
class DefaultProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    static QString agentOf(const MetaContext &c)
    {
        const JsonValue *m = c.env.find("msg");
        if (!m || !m->isObject())
            return {};
        for (const char *k : { "agent", "user", "username", "owner", "submitter" }) {
            const JsonValue *v = m->find(k);
            if (v && v->isString() && !v->toStdString().empty() && v->toStdString().size() < 64)
                return v->toQString();
            if (v && v->isObject()) {
                const JsonValue *n = v->find("name");
                if (n && n->isString() && !n->toStdString().empty() && n->toStdString().size() < 64)
                    return n->toQString();
            }
        }
        return {};
    }
    QString subtitle(const MetaContext &c) const override
    {
        const QString who = agentOf(c);
        const QString t = title(c);
        return who.isEmpty() ? t : QStringLiteral("%1: %2").arg(who, t);
    }
    QString secondaryIcon(const MetaContext &c) const override
    {
        const QString who = agentOf(c);
        return who.isEmpty() ? QString() : Avatar::forUser(who);
    }
    QStringList usernames(const MetaContext &c) const override
    {
        const QString who = agentOf(c);
        return who.isEmpty() ? QStringList {} : QStringList { who };
    }
};

ServiceInfo defaultInfo()
{
    ServiceInfo i;
    i.id = QStringLiteral("unhandled");
    i.name = QStringLiteral("unhandled");
    i.serviceName = QStringLiteral("unhandled");
    i.label = QStringLiteral("Everything Else");
    i.description = QStringLiteral("fedmsg doesn't know how to handle this message");
    i.link = QStringLiteral("https://github.com/fedora-infra/fedmsg");
    i.docs = QStringLiteral("https://fedmsg.readthedocs.org");
    return i;
}

QString str(const JsonValue &v, const char *key)
{
    const JsonValue *f = v.find(key);
    return f && f->isString() ? f->toQString() : QString();
}

const QString kPrefixDefault = QStringLiteral("org\\.fedoraproject\\.(dev|stg|prod)");

/// Display safety: messages are untrusted, a multi-megabyte field must not reach a popup.
QString clampText(QString s, int max)
{
    if (s.size() > max)
        s = s.left(max) + QStringLiteral("…");
    return s;
}

template <typename F>
auto graceful(F f) -> decltype(f())
{
    try {
        return f();
    } catch (const MetaFailure &) {
        return {};
    } catch (const std::exception &e) {
        qCDebug(lcRender) << "processor failure:" << e.what();
        return {};
    }
}

/// A JSON file's document; nullopt and *error ("<file>:<line>: <what>") when it cannot be read.
std::optional<JsonValue> readJsonFile(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1:0: cannot open: %2").arg(path, f.errorString());
        return std::nullopt;
    }
    const QByteArray bytes = f.readAll();
    JsonParseError perr;
    auto doc = JsonParser::parse(
        std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), &perr);
    if (!doc) {
        *error = QStringLiteral("%1:%2: %3")
                     .arg(path)
                     .arg(perr.line)
                     .arg(QString::fromStdString(perr.toString()));
        return std::nullopt;
    }
    return std::move(*doc);
}

/// Service #@p index of a data file, defaults filled in; nullopt (and a warning) when unusable.
std::optional<ServiceInfo> serviceInfo(
    const JsonValue &s, const QString &path, int index, QStringList *warnings)
{
    if (!s.isObject()) {
        *warnings << QStringLiteral("%1: service #%2 is not an object").arg(path).arg(index);
        return std::nullopt;
    }
    ServiceInfo info;
    info.id = str(s, "id");
    info.name = str(s, "name");
    info.serviceName = str(s, "service");
    info.label = str(s, "label");
    info.description = str(s, "description");
    info.link = str(s, "link");
    info.docs = str(s, "docs");
    info.icon = str(s, "icon");
    info.prefixRe = str(s, "prefix");
    info.handler = str(s, "handler");
    for (const JsonValue &t : s["topics"].array())
        info.topics << t.toQString();
    for (const JsonValue &t : s["schemas"].array())
        info.schemas << t.toQString();
    if (info.name.isEmpty()) {
        *warnings << QStringLiteral("%1: service #%2 has no \"name\"").arg(path).arg(index);
        return std::nullopt;
    }
    if (info.id.isEmpty())
        info.id = info.name.toLower();
    if (info.serviceName.isEmpty())
        info.serviceName = info.name.toLower();
    if (info.prefixRe.isEmpty())
        info.prefixRe = kPrefixDefault;
    // fedmsg: '^%s\.(%s)(\.(.*))?$' % (topic_prefix_re, __name__.lower()), name unescaped
    info.topicRe = QRegularExpression(
        QStringLiteral("^%1\\.(%2)(\\.(.*))?$").arg(info.prefixRe, info.name.toLower()),
        QRegularExpression::DotMatchesEverythingOption);
    if (!info.topicRe.isValid()) {
        *warnings << QStringLiteral("%1: service %2: bad topic regex: %3")
                         .arg(path, info.id, info.topicRe.errorString());
        return std::nullopt;
    }
    return info;
}

/// The service's native handler when it names one that exists, else its data-file rules.
std::unique_ptr<MetaProcessor> serviceProcessor(
    ServiceInfo info, const JsonValue &s, const QString &path, QStringList *warnings)
{
    if (!info.handler.isEmpty()) {
        for (const auto &[name, factory] : render::nativeFactories())
            if (name == info.handler)
                return factory(info);
        *warnings << QStringLiteral("%1: service %2: unknown handler \"%3\", using its rules")
                         .arg(path, info.id, info.handler);
    }
    return std::make_unique<TemplateProcessor>(std::move(info), s, warnings);
}

} // namespace

Renderer::Renderer()
    : m_schemas(std::make_unique<SchemaRenderer>())
    , m_fas(std::make_shared<FasCache>())
{
    m_default = std::make_unique<DefaultProcessor>(defaultInfo());
    loadBuiltinAndUser();
}

Renderer::Renderer(const QString &dataFile)
    : m_schemas(std::make_unique<SchemaRenderer>())
    , m_fas(std::make_shared<FasCache>())
{
    m_default = std::make_unique<DefaultProcessor>(defaultInfo());
    QString error;
    if (!load(dataFile, &error))
        m_warnings << error;
}

Renderer::~Renderer() = default;

QString Renderer::builtinDataFile()
{
    return QStringLiteral(":/fedmsg-notify/render/services.json");
}

QString Renderer::userDataFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/fedmsg-notify/render/services.json");
}

QString Renderer::schemaDirectoryFor(const QString &dataFile)
{
    return QFileInfo(dataFile).absolutePath() + QStringLiteral("/schemas");
}

void Renderer::loadBuiltinAndUser()
{
    QString error;
    const QString user = userDataFile();
    // built-in schema files first, the user's (same name and package) replace them
    const QStringList schemaDirs { schemaDirectoryFor(builtinDataFile()),
        schemaDirectoryFor(user) };
    if (QFile::exists(user)) {
        if (loadLayers(user, schemaDirs, &error))
            return;
        qCWarning(lcRender).noquote() << "ignoring broken user render file:" << error;
        m_warnings << error;
    }
    if (!loadLayers(builtinDataFile(), schemaDirs, &error)) {
        qCWarning(lcRender).noquote() << "built-in render data unusable:" << error;
        m_warnings << error;
    }
}

void Renderer::clear()
{
    m_processors.clear();
    m_schemas->clear();
}

bool Renderer::load(const QString &path, QString *error)
{
    return loadLayers(path, { schemaDirectoryFor(path) }, error);
}

void Renderer::addSchemaFile(const QString &path, QStringList *warnings)
{
    QString error;
    const std::optional<JsonValue> doc = readJsonFile(path, &error);
    if (!doc) {
        *warnings << error;
        return;
    }
    if (!doc->isObject() || !(*doc)["schemas"].isArray()) {
        *warnings << QStringLiteral("%1:1: top level must be an object with a \"schemas\" array")
                         .arg(path);
        return;
    }
    const JsonValue *package = doc->find("package");
    m_schemas->add((*doc)["schemas"],
        package && package->isString() ? package->toQString() : QString(),
        path,
        warnings);
}

bool Renderer::loadLayers(const QString &path, const QStringList &schemaDirs, QString *error)
{
    QString problem;
    const std::optional<JsonValue> doc = readJsonFile(path, &problem);
    if (doc && (!doc->isObject() || !(*doc)["services"].isArray()))
        problem =
            QStringLiteral("%1:1: top level must be an object with a \"services\" array").arg(path);
    if (!doc || !problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }

    std::vector<std::unique_ptr<MetaProcessor>> processors;
    QStringList warnings;
    int index = 0;
    for (const JsonValue &s : (*doc)["services"].array()) {
        ++index;
        if (std::optional<ServiceInfo> info = serviceInfo(s, path, index, &warnings))
            processors.push_back(serviceProcessor(std::move(*info), s, path, &warnings));
    }
    clear();
    m_processors = std::move(processors);
    m_schemas->add((*doc)["schemas"], QString(), path, &warnings);
    QStringList seen;
    for (const QString &dirPath : schemaDirs) {
        const QDir dir(dirPath);
        if (seen.contains(dir.absolutePath()))
            continue;
        seen << dir.absolutePath();
        const QStringList files =
            dir.entryList({ QStringLiteral("*.json") }, QDir::Files | QDir::Readable, QDir::Name);
        for (const QString &name : files)
            addSchemaFile(dir.filePath(name), &warnings);
    }
    m_schemas->check(&warnings);
    m_loadedFile = path;
    m_warnings << warnings;
    for (const QString &w : warnings)
        qCWarning(lcRender).noquote() << w;
    return true;
}

void Renderer::setFasLookup(std::shared_ptr<const FasLookup> fas)
{
    m_fas = fas ? std::move(fas) : std::make_shared<FasCache>();
}

void Renderer::setConfigValue(const QString &key, const QString &value)
{
    m_config.values.insert(key, value);
}

void Renderer::clearConfig()
{
    m_config.values.clear();
}

void Renderer::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

QDateTime Renderer::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

const MetaProcessor &Renderer::processorFor(const QString &topic) const
{
    for (const auto &p : m_processors)
        if (p->info().topicRe.match(topic).hasMatch())
            return *p;
    return *m_default;
}

Rendering Renderer::render(const Envelope &envelope) const
{
    if (envelope.transport() == Envelope::Transport::Amqp) {
        const JsonValue &headers = envelope.headers();
        const JsonValue *schema = headers.find("fedora_messaging_schema");
        return renderSchema(schema && schema->isString() ? schema->toQString() : QString(),
            envelope.topic(),
            envelope.msg(),
            headers,
            envelope.msgId());
    }
    return renderFedmsg(envelope.body());
}

Rendering Renderer::renderFedmsg(const JsonValue &message) const
{
    Rendering r;
    const JsonValue *topicV = message.find("topic");
    const QString topic = topicV && topicV->isString() ? topicV->toQString() : QString();
    const MetaProcessor &p = processorFor(topic);
    const MetaContext ctx { message, topic, m_config, *m_fas };
    r.title = graceful([&] {
        return p.title(ctx);
    });
    r.subtitle = clampText(graceful([&] {
        return p.subtitle(ctx);
    }),
        2000);
    r.link = graceful([&] {
        return p.link(ctx);
    });
    r.icon = graceful([&] {
        return p.icon(ctx);
    });
    r.secondaryIcon = graceful([&] {
        return p.secondaryIcon(ctx);
    });
    r.usernames = Py::sortedUnique(graceful([&] {
        return p.usernames(ctx);
    }));
    r.packages = Py::sortedUnique(graceful([&] {
        return p.packages(ctx);
    }));
    r.objects = Py::sortedUnique(graceful([&] {
        return p.objects(ctx);
    }));
    r.longForm = graceful([&] {
        return p.longForm(ctx);
    });
    if (r.longForm.isEmpty())
        r.longForm = r.subtitle;
    r.serviceName = p.info().serviceName;
    r.serviceLabel = p.info().label;
    r.fallback = &p == m_default.get();
    return r;
}

QString Renderer::agent(const JsonValue &message) const
{
    const JsonValue *topicV = message.find("topic");
    const QString topic = topicV && topicV->isString() ? topicV->toQString() : QString();
    const MetaProcessor &p = processorFor(topic);
    const MetaContext ctx { message, topic, m_config, *m_fas };
    const auto a = graceful([&]() -> std::optional<QString> {
        return p.agent(ctx);
    });
    if (a)
        return *a;
    const QStringList users = Py::sortedUnique(graceful([&] {
        return p.usernames(ctx);
    }));
    return users.isEmpty() ? QString() : users.first();
}

Rendering Renderer::renderSchema(const QString &schema,
    const QString &topic,
    const JsonValue &body,
    const JsonValue &headers,
    const QString &messageId,
    bool baseOnly) const
{
    Rendering r =
        m_schemas->render({ schema, topic, body, headers, messageId, *m_fas, now(), baseOnly });
    if (r.serviceName.isEmpty()) {
        // the catalog entry whose fedmsg processor handles this topic governs it too
        const MetaProcessor &p = processorFor(topic);
        if (&p != m_default.get())
            r.serviceName = p.info().serviceName;
    }
    if (const auto svc = service(r.serviceName))
        r.serviceLabel = svc->label;
    return r;
}

QList<ServiceInfo> Renderer::services() const
{
    QList<ServiceInfo> out;
    for (const auto &p : m_processors)
        out << p->info();
    return out;
}

std::optional<ServiceInfo> Renderer::service(const QString &serviceName) const
{
    for (const auto &p : m_processors)
        if (p->info().serviceName.compare(serviceName, Qt::CaseInsensitive) == 0)
            return p->info();
    return std::nullopt;
}

} // namespace fedmsg
