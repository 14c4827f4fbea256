// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "rules/MessageTypeCatalog.h"

#include "render/Renderer.h"
#include "render/Rendering.h"
#include "render/SchemaRenderer.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace fedmsg::rules {

namespace {
QString kindLabel(const QString &kind)
{
    QString label = kind;
    label.replace(QLatin1Char('.'), QLatin1Char(' '));
    label.replace(QLatin1Char('_'), QLatin1Char(' '));
    return label;
}

QString catalogText(const QString &text)
{
    return text.isEmpty() ? text
                          : QCoreApplication::translate("catalog", text.toUtf8().constData());
}
} // namespace

MessageTypeCatalog::MessageTypeCatalog(const Renderer &renderer)
{
    for (const ServiceInfo &info : renderer.services()) {
        if (info.serviceName.isEmpty())
            continue;
        QStringList &names = m_topicNames[info.serviceName];
        for (const QString &name : { info.name.toLower(), info.serviceName })
            if (!names.contains(name))
                names.append(name);
        if (m_index.contains(info.serviceName))
            continue;
        MessageType t;
        t.id = info.serviceName;
        t.service = info.serviceName;
        // The data file's labels and descriptions are translated in the context "catalog"
        // (lib/i18n extracts them for lupdate).
        t.label = info.label.isEmpty() ? info.name : catalogText(info.label);
        t.description = catalogText(info.description);
        t.icon = info.icon;
        m_index.insert(t.id, int(m_services.size()));
        m_services.append(t);
    }
    addSchemaKinds(renderer);
    for (QList<MessageType> &list : m_kinds)
        std::sort(list.begin(), list.end(), [](const MessageType &a, const MessageType &b) {
            return a.kind < b.kind;
        });
    std::sort(m_services.begin(), m_services.end(), [](const MessageType &a, const MessageType &b) {
        return a.label.compare(b.label, Qt::CaseInsensitive) < 0;
    });
    m_index.clear();
    for (int i = 0; i < m_services.size(); ++i)
        m_index.insert(m_services[i].id, i);
}

void MessageTypeCatalog::addSchemaKinds(const Renderer &renderer)
{
    // Kinds: what the fedora-messaging schemas call their messages, e.g. "bodhi.update.comment"
    // or "bodhi.update.comment.v1" under the service whose topics carry "bodhi".
    static const QRegularExpression version(QStringLiteral("\\.v[0-9]+$"));
    for (QString schema : renderer.schemaRenderer().knownSchemas()) {
        schema.remove(version);
        if (schema.contains(QLatin1String("._")) || schema.startsWith(QLatin1Char('_')))
            continue; // a shared base entry, not a message
        for (auto it = m_topicNames.cbegin(); it != m_topicNames.cend(); ++it) {
            const QString kind = kindOf(schema, it.value());
            if (kind.isEmpty())
                continue;
            QList<MessageType> &list = m_kinds[it.key()];
            const QString id = it.key() + QLatin1Char('/') + kind;
            if (std::any_of(list.cbegin(), list.cend(), [&](const MessageType &t) {
                    return t.id == id;
                }))
                break;
            list.append(type(id));
            break;
        }
    }
}

QList<MessageType> MessageTypeCatalog::kinds(const QString &service) const
{
    return m_kinds.value(service);
}

bool MessageTypeCatalog::hasService(const QString &service) const
{
    return m_index.contains(service);
}

MessageType MessageTypeCatalog::type(const QString &id) const
{
    const qsizetype slash = id.indexOf(QLatin1Char('/'));
    const QString service = slash < 0 ? id : id.left(slash);
    const auto at = m_index.constFind(service);
    MessageType base;
    if (at != m_index.cend())
        base = m_services.at(*at);
    base.id = service;
    base.service = service;
    if (slash < 0)
        return base;
    // The service's label (translated from the data file) or, unknown, its key.
    const QString serviceLabel = base.label.isEmpty() ? service : base.label;
    base.kind = id.mid(slash + 1);
    base.id = id;
    // The kind's label is the topic's own words (see the class comment): data, not UI text.
    base.label = kindLabel(base.kind);
    base.description = QCoreApplication::translate(
        "fedmsg::rules::MessageTypeCatalog", "%1: messages whose topic ends in “%2”")
                           .arg(serviceLabel, base.kind);
    return base;
}

QString MessageTypeCatalog::kindOf(const QString &topic, const QStringList &names)
{
    for (const QString &name : names) {
        if (name.isEmpty())
            continue;
        if (topic.startsWith(name) && topic.size() > name.size()
            && topic.at(name.size()) == QLatin1Char('.'))
            return topic.mid(name.size() + 1);
        const qsizetype at = topic.indexOf(QLatin1Char('.') + name + QLatin1Char('.'));
        if (at >= 0)
            return topic.mid(at + name.size() + 2);
    }
    return {};
}

QString MessageTypeCatalog::typeOf(const QString &topic, const Rendering &rendering) const
{
    const QString &service = rendering.serviceName;
    if (service.isEmpty())
        return {};
    const auto names = m_topicNames.constFind(service);
    const QString kind =
        kindOf(topic, names == m_topicNames.cend() ? QStringList { service } : *names);
    return kind.isEmpty() ? service : service + QLatin1Char('/') + kind;
}

} // namespace fedmsg::rules
