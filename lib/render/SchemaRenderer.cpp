// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/SchemaRenderer.h"

#include "render/Avatar.h"
#include "render/MetaProcessor.h"
#include "render/Py.h"
#include "render/TemplateProcessor.h"
#include "json/JsonWriter.h"

#include <algorithm>

namespace fedmsg {

using render::MetaFailure;
using render::Py;

namespace {

// Python json.dumps(obj, sort_keys=True, indent=N, separators=(",", ": ")) with ensure_ascii:
// strings are escaped from their WTF-8 bytes (lone surrogates kept as \udXXX, astral characters
// as surrogate pairs, lowercase hex), floats in repr() form, integers of any size verbatim.
void dump(std::string &out, const JsonValue &v, int indent, int level)
{
    switch (v.type()) {
    case JsonValue::Type::Null:
        out += "null";
        return;
    case JsonValue::Type::Bool:
        out += v.toBool() ? "true" : "false";
        return;
    case JsonValue::Type::Integer:
        out += v.integerText();
        return;
    case JsonValue::Type::Float:
        out += JsonWriter::formatDouble(v.toDouble());
        return;
    case JsonValue::Type::String:
        JsonWriter::appendCanonicalString(out, v.toStdString());
        return;
    case JsonValue::Type::Array:
    case JsonValue::Type::Object:
        break;
    }
    const bool isArray = v.type() == JsonValue::Type::Array;
    if (v.size() == 0) {
        out += isArray ? "[]" : "{}";
        return;
    }
    const std::string pad(static_cast<std::size_t>(indent) * (level + 1), ' ');
    out += isArray ? "[\n" : "{\n";
    bool first = true;
    auto next = [&] {
        if (!first)
            out += ",\n";
        first = false;
        out += pad;
    };
    if (isArray) {
        for (const JsonValue &e : v.array()) {
            next();
            dump(out, e, indent, level + 1);
        }
    } else {
        // keys are kept in byte order of their UTF-8, which is Python's code point order
        for (const auto &[k, e] : v.object()) {
            next();
            JsonWriter::appendCanonicalString(out, k);
            out += ": ";
            dump(out, e, indent, level + 1);
        }
    }
    out += '\n';
    out.append(static_cast<std::size_t>(indent) * level, ' ');
    out += isArray ? ']' : '}';
}

// Like fedmsg.meta's msg2title: the routing key without "<tld>.<org>.<env>." (what the user
// knows as bodhi.update.comment); keys without that prefix stay whole.
QString titleOf(const QString &topic)
{
    const QStringList parts = topic.split(QLatin1Char('.'));
    static const QStringList environments {
        QStringLiteral("prod"), QStringLiteral("stg"), QStringLiteral("dev"), QStringLiteral("test")
    };
    if (parts.size() > 3 && environments.contains(parts.at(2)))
        return parts.mid(3).join(QLatin1Char('.'));
    return topic;
}

QString textOf(const JsonValue &v)
{
    return v.isNull() ? QString() : Py::str(v);
}

/// fedora-messaging's base Message.__str__.
QString baseLongForm(const SchemaRenderer::Input &in)
{
    return QStringLiteral("Id: %1\nTopic: %2\nHeaders: %3\nBody: %4")
        .arg(in.messageId,
            in.topic,
            SchemaRenderer::pythonJsonDump(in.headers),
            SchemaRenderer::pythonJsonDump(in.body));
}

/// What a schema's templates see: {topic}, {msg.x} (the body), {headers.x}, {id}, {now}.
JsonValue schemaEnv(const SchemaRenderer::Input &in)
{
    JsonValue env = JsonValue::emptyObject();
    env.insert("topic", JsonValue(in.topic));
    env.insert("msg", in.body);
    env.insert("headers", in.headers);
    env.insert("id", JsonValue(in.messageId));
    env.insert("now", JsonValue(in.now.toUTC().toString(Qt::ISODate)));
    return env;
}

/// A field is a template, a list of templates, or
/// {"cases":[{"when":[...],"value":...}],"else":...}: the one that applies (nullptr: none).
const JsonValue *pickCase(const JsonValue *f, const MetaContext &ctx, const JsonValue &maps)
{
    while (f && f->isObject() && f->contains("cases")) {
        const JsonValue *chosen = f->find("else");
        for (const JsonValue &c : (*f)["cases"].array()) {
            if (TemplateProcessor::conditionsHold(c["when"], ctx, maps)) {
                chosen = c.find("value");
                break;
            }
        }
        f = chosen;
    }
    return f;
}

/// A text field's value ("" when it fails); @p fallback when the schema has no such field.
/// *present tells None (false) from a string, even an empty one (Python's "if agent is None").
QString fieldText(const JsonValue *f,
    const QString &fallback,
    const MetaContext &ctx,
    const JsonValue &maps,
    bool *present)
{
    if (present)
        *present = false;
    if (f && f->isObject()) {
        try {
            f = pickCase(f, ctx, maps);
        } catch (const MetaFailure &) {
            return {};
        }
        if (!f)
            return {};
    }
    if (!f) {
        if (present)
            *present = !fallback.isNull();
        return fallback;
    }
    if (f->isNull())
        return {};
    try {
        const JsonValue v = TemplateProcessor::evaluate(f->toQString(), ctx, maps);
        if (present)
            *present = !v.isNull();
        return textOf(v);
    } catch (const MetaFailure &) {
        return {};
    }
}

/// A list field's values, sorted and unique (empty when it fails).
QStringList fieldList(const JsonValue *f, const MetaContext &ctx, const JsonValue &maps)
{
    QStringList out;
    try {
        f = pickCase(f, ctx, maps);
        if (!f)
            return {};
        for (const JsonValue &item : f->isArray() ? f->array() : JsonValue::Array { *f }) {
            const JsonValue v = TemplateProcessor::evaluate(item.toQString(), ctx, maps);
            if (v.isArray()) {
                for (const JsonValue &x : v.array())
                    if (!x.isNull())
                        out << Py::str(x);
            } else if (!v.isNull()) {
                out << Py::str(v);
            }
        }
    } catch (const MetaFailure &) {
        return {};
    }
    return Py::sortedUnique(out);
}

} // namespace

SchemaRenderer::SchemaRenderer() = default;
SchemaRenderer::~SchemaRenderer() = default;

QString SchemaRenderer::pythonJsonDump(const JsonValue &v, int indent)
{
    std::string out;
    dump(out, v, indent, 0);
    return QString::fromLatin1(out.data(), static_cast<qsizetype>(out.size()));
}

QString SchemaRenderer::userAvatarUrl(const QString &username)
{
    return Avatar::forOpenId(QStringLiteral("http://%1.id.fedoraproject.org/").arg(username));
}

void SchemaRenderer::add(
    const JsonValue &spec, const QString &package, const QString &origin, QStringList *errors)
{
    int index = 0;
    for (const JsonValue &e : spec.array()) {
        ++index;
        const JsonValue *name = e.find("name");
        if (!e.isObject() || !name || !name->isString()) {
            if (errors)
                *errors
                    << QStringLiteral("%1: schemas #%2: needs a \"name\"").arg(origin).arg(index);
            continue;
        }
        Entry entry;
        entry.spec = e;
        const JsonValue *pkg = e.find("package");
        entry.package = pkg && pkg->isString() ? pkg->toQString() : package;
        const JsonValue *preferred = e.find("preferred");
        entry.preferred = preferred != nullptr && preferred->isBool() && preferred->toBool();
        QList<Entry> &same = m_entries[name->toQString()];
        const auto old = std::find_if(same.begin(), same.end(), [&](const Entry &x) {
            return x.package == entry.package;
        });
        if (old != same.end())
            *old = std::move(entry);
        else
            same.append(std::move(entry));
    }
}

void SchemaRenderer::check(QStringList *errors) const
{
    if (!errors)
        return;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        for (const Entry &e : it.value()) {
            const JsonValue *ext = e.spec.find("extends");
            if (ext != nullptr && entry(ext->toQString(), e.package) == nullptr)
                *errors << QStringLiteral("schema %1 (%2): extends unknown %3")
                               .arg(it.key(), e.package, ext->toQString());
        }
    }
}

void SchemaRenderer::clear()
{
    m_entries.clear();
}

const SchemaRenderer::Entry *SchemaRenderer::entry(
    const QString &name, const QString &package) const
{
    const auto it = m_entries.constFind(name);
    if (it == m_entries.cend() || it->isEmpty())
        return nullptr;
    const Entry *preferred = nullptr;
    for (const Entry &e : *it) {
        if (!package.isEmpty() && e.package == package)
            return &e;
        if (e.preferred)
            preferred = &e;
    }
    return preferred ? preferred : &it->first();
}

const JsonValue *SchemaRenderer::field(const Entry &e, const char *key, int depth) const
{
    if (const JsonValue *f = e.spec.find(key))
        return f;
    const JsonValue *ext = e.spec.find("extends");
    if (!ext || depth > 8)
        return nullptr;
    const Entry *parent = entry(ext->toQString(), e.package);
    return parent ? field(*parent, key, depth + 1) : nullptr;
}

QStringList SchemaRenderer::knownSchemas() const
{
    QStringList out = m_entries.keys();
    out.sort();
    return out;
}

Rendering SchemaRenderer::render(const Input &in) const
{
    Rendering r;
    r.title = titleOf(in.topic);
    const JsonValue *pkg = in.headers.find("fedora_messaging_schema_package");
    const QString package = pkg && pkg->isString() ? pkg->toQString() : QString();
    const Entry *e = in.baseOnly ? nullptr : entry(in.schema, package);
    if (!e && in.schema.isEmpty() && !in.baseOnly)
        e = entry(in.topic, package); // no schema header: try the topic as a schema key
    const JsonValue *sev = in.headers.find("fedora_messaging_severity");
    const JsonValue *schemaSeverity = e ? field(*e, "severity") : nullptr;
    if (sev && sev->isInteger())
        r.severity = static_cast<int>(sev->toInt64());
    else if (schemaSeverity)
        r.severity = static_cast<int>(schemaSeverity->toInt64(20));

    if (!e) {
        // fedora-messaging's base Message
        r.fallback = true;
        r.subtitle = in.topic;
        r.longForm = baseLongForm(in);
        return r;
    }

    const JsonValue env = schemaEnv(in);
    const MetaConfig config;
    const MetaContext ctx { env, in.topic, config, in.fas };
    const JsonValue noMaps;
    const JsonValue *mapsField = field(*e, "maps");
    const JsonValue &maps = mapsField ? *mapsField : noMaps;
    auto text = [&](const char *key, const QString &fallback, bool *present = nullptr) {
        return fieldText(field(*e, key), fallback, ctx, maps, present);
    };
    auto list = [&](const char *key) {
        return fieldList(field(*e, key), ctx, maps);
    };

    r.subtitle = text("summary", in.topic);
    const JsonValue *strField = field(*e, "str");
    const std::string marker =
        strField && strField->isString() ? strField->toStdString() : std::string();
    if (marker == "$summary")
        r.longForm = r.subtitle;
    else if (marker == "$base") // the schema does not override __str__
        r.longForm = baseLongForm(in);
    else
        r.longForm = text("str", r.subtitle);
    r.link = text("url", {});
    r.appName = text("app_name", {});
    r.icon = text("app_icon", {});
    bool hasAgent = false;
    r.agentName = text("agent_name", {}, &hasAgent);
    r.secondaryIcon = field(*e, "agent_avatar")
        ? text("agent_avatar", {})
        : (hasAgent ? userAvatarUrl(r.agentName) : QString());
    r.usernames = list("usernames");
    r.packages = list("packages");
    r.containers = list("containers");
    r.modules = list("modules");
    r.flatpaks = list("flatpaks");
    r.groups = list("groups");
    if (const JsonValue *service = field(*e, "service"))
        r.serviceName = service->toQString();
    return r;
}

} // namespace fedmsg
