// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"

namespace fedmsg::render {

namespace {

QString commaJoin(const QStringList &fields)
{
    auto fmt = [](const QString &f) -> QString {
        return QLatin1Char('\'') + f + QLatin1Char('\'');
    };
    if (fields.isEmpty())
        return QStringLiteral("nothing");
    if (fields.size() == 1)
        return fmt(fields.first());
    if (fields.size() == 2)
        return fmt(fields.at(0)) + QStringLiteral(" and ") + fmt(fields.at(1));
    QStringList head;
    for (int i = 0; i < fields.size() - 1; ++i)
        head << fmt(fields.at(i));
    return head.join(QStringLiteral(", ")) + QStringLiteral(", and ") + fmt(fields.last());
}

class BugzillaProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    static std::pair<QString, bool> user(const MetaContext &c)
    {
        const JsonValue &m = c.msg();
        const JsonValue &comment = get(m, "comment");
        const JsonValue &event = get(m, "event");
        QString email;
        if (truthy(comment))
            email = pyStr(at(comment, "author"));
        else if (truthy(event) && truthy(get(event, "who")))
            email = pyStr(get(event, "who"));
        else
            email = pyStr(get(at(m, "bug"), "creator"));
        const QString u = c.fas.emailToFas(email);
        return { u, !u.contains(QLatin1Char('@')) };
    }

    /// bugzilla2fedmsg 0.3.1 (Bugzilla 5) sends product and component as {"id", "name"} objects
    static QString named(const JsonValue &v)
    {
        return v.isObject() ? pyStr(at(v, "name")) : pyStr(v);
    }

    QString link(const MetaContext &c) const override
    {
        // 0.3.1 messages carry "weburl": null; the bug page is then built from the id
        const JsonValue &bug = at(c.msg(), "bug");
        const JsonValue &url = get(bug, "weburl");
        if (truthy(url))
            return pyStr(url);
        return QStringLiteral("https://bugzilla.redhat.com/show_bug.cgi?id=")
            + pyStr(at(bug, "id"));
    }

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString u = user(c).first;
        const JsonValue &bug = has(m, "bug") ? at(m, "bug") : JsonValue::emptyObject();
        const QString idx = pyStr(get(bug, "id"));
        const JsonValue &titleV = get(bug, "summary");
        if (!titleV.isString())
            throw MetaFailure { "TypeError: len" };
        QString title = pyStr(titleV);
        if (Py::len(title) > 40)
            title = Py::slice(title, 40) + QStringLiteral("...");
        if (c.topicHas("bug.update")) {
            if (truthy(get(m, "comment")))
                return format("{user} commented on RHBZ#{idx} '{title}'",
                    { { "user", u }, { "idx", idx }, { "title", title } });
            if (truthy(get(m, "event"))) {
                const JsonValue &event = at(m, "event");
                // 0.3.1 never publishes bug.new: a new bug is a bug.update whose event is a
                // 'create' (with no changes)
                if (pyStr(get(event, "action")) == QLatin1String("create"))
                    return format("{user} filed a new bug RHBZ#{idx} '{title}'",
                        { { "user", u }, { "idx", idx }, { "title", title } });
                QStringList fields;
                for (const JsonValue &d : at(event, "changes").array())
                    fields << pyStr(at(d, "field_name"));
                // Bugzilla sometimes emits a bug.modify with no changes at all
                const QString what = fields.isEmpty()
                    ? QStringLiteral("nothing? (likely bugzilla sent us a buggy message)")
                    : commaJoin(fields);
                return format("{user} updated {fields} on RHBZ#{idx} '{title}'",
                    { { "user", u }, { "fields", what }, { "idx", idx }, { "title", title } });
            }
            return format("{user} updated RHBZ#{idx} '{title}'",
                { { "user", u }, { "idx", idx }, { "title", title } });
        }
        if (c.topicHas("bug.new"))
            return format("{user} filed a new bug RHBZ#{idx} '{title}'",
                { { "user", u }, { "idx", idx }, { "title", title } });
        return {};
    }

    QString secondaryIcon(const MetaContext &c) const override
    {
        const auto [u, isFas] = user(c);
        return isFas ? avatar(u) : avatarEmail(u);
    }

    static QStringList emails(const JsonValue &m)
    {
        const JsonValue &bug = at(m, "bug");
        QStringList users;
        if (truthy(get(m, "comment"))) {
            const JsonValue &a = get(at(m, "comment"), "author");
            if (truthy(a))
                users << pyStr(a);
        }
        if (truthy(get(m, "event"))) {
            const JsonValue &w = get(at(m, "event"), "who");
            if (truthy(w))
                users << pyStr(w);
        }
        for (const char *k : { "creator", "assigned_to" }) {
            const JsonValue &v = get(bug, k);
            if (truthy(v))
                users << pyStr(v);
        }
        for (const QString &e : iter(at(bug, "cc")))
            users << e;
        QStringList out;
        for (const QString &u : users)
            if (!u.isEmpty() && !u.endsWith(QLatin1String("lists.fedoraproject.org")))
                out << u;
        return out;
    }

    QStringList packages(const MetaContext &c) const override
    {
        const QString component = named(at(at(c.msg(), "bug"), "component"));
        if (component == QLatin1String("Package Review"))
            return {};
        return { component };
    }

    QStringList usernames(const MetaContext &c) const override
    {
        QStringList out;
        for (const QString &e : emails(c.msg())) {
            const QString u = c.fas.emailToFas(e);
            if (!u.contains(QLatin1Char('@')))
                out << u;
        }
        return out;
    }

    QStringList objects(const MetaContext &c) const override
    {
        const JsonValue &bug = at(c.msg(), "bug");
        return { QStringList {
            named(at(bug, "product")), named(at(bug, "component")), pyStr(at(bug, "id")) }
                     .join(QLatin1Char('/')) };
    }
};

} // namespace

std::unique_ptr<MetaProcessor> makeBugzillaProcessor(ServiceInfo i)
{
    return std::make_unique<BugzillaProcessor>(std::move(i));
}

} // namespace fedmsg::render
