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
            email = S(at(comment, "author"));
        else if (truthy(event) && truthy(get(event, "who")))
            email = S(get(event, "who"));
        else
            email = S(get(at(m, "bug"), "creator"));
        const QString u = c.fas.emailToFas(email);
        return { u, !u.contains(QLatin1Char('@')) };
    }

    /// bugzilla2fedmsg 0.3.1 (Bugzilla 5) sends product and component as {"id", "name"} objects
    static QString named(const JsonValue &v) { return v.isObject() ? S(at(v, "name")) : S(v); }

    QString link(const MetaContext &c) const override
    {
        // 0.3.1 messages carry "weburl": null; the bug page is then built from the id
        const JsonValue &bug = at(c.msg(), "bug");
        const JsonValue &url = get(bug, "weburl");
        if (truthy(url))
            return S(url);
        return QStringLiteral("https://bugzilla.redhat.com/show_bug.cgi?id=") + S(at(bug, "id"));
    }

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString u = user(c).first;
        const JsonValue &bug = has(m, "bug") ? at(m, "bug") : JsonValue::emptyObject();
        const QString idx = S(get(bug, "id"));
        const JsonValue &titleV = get(bug, "summary");
        if (!titleV.isString())
            throw MetaFailure { "TypeError: len" };
        QString title = S(titleV);
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
                if (S(get(event, "action")) == QLatin1String("create"))
                    return format("{user} filed a new bug RHBZ#{idx} '{title}'",
                        { { "user", u }, { "idx", idx }, { "title", title } });
                QStringList fields;
                for (const JsonValue &d : at(event, "changes").array())
                    fields << S(at(d, "field_name"));
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
                users << S(a);
        }
        if (truthy(get(m, "event"))) {
            const JsonValue &w = get(at(m, "event"), "who");
            if (truthy(w))
                users << S(w);
        }
        for (const char *k : { "creator", "assigned_to" }) {
            const JsonValue &v = get(bug, k);
            if (truthy(v))
                users << S(v);
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
            named(at(bug, "product")), named(at(bug, "component")), S(at(bug, "id")) }
                     .join(QLatin1Char('/')) };
    }
};

/// Python str.strip(chars)
QString pyStrip(QString s, const QString &chars)
{
    while (!s.isEmpty() && chars.contains(s.front()))
        s.remove(0, 1);
    while (!s.isEmpty() && chars.contains(s.back()))
        s.chop(1);
    return s;
}

class PungiProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString compose = S(get(m, "compose_id"));
        if (c.topicEnds("pungi.compose.status.change")) {
            const QString st = S(at(m, "status"));
            QString status = st;
            if (st == QLatin1String("STARTED"))
                status = QStringLiteral("started");
            else if (st == QLatin1String("FINISHED"))
                status = QStringLiteral("just finished");
            else if (st == QLatin1String("DOOMED"))
                status = QStringLiteral("failed in a horrible fire");
            else if (st == QLatin1String("TERMINATED"))
                status = QStringLiteral("was terminated");
            return format("pungi-koji compose of {compose} {status}",
                { { "compose", compose }, { "status", status } });
        }
        if (c.topicEnds("pungi.compose.phase.start"))
            return format("pungi-koji started the {phase} phase of the {compose} compose",
                { { "compose", compose }, { "phase", S(at(m, "phase_name")) } });
        if (c.topicEnds("pungi.compose.phase.stop"))
            return format("pungi-koji finished the {phase} phase of the {compose} compose",
                { { "compose", compose }, { "phase", S(at(m, "phase_name")) } });
        if (c.topicEnds("pungi.compose.createiso.imagedone"))
            return format("pungi-koji finished createiso for {image}",
                { { "image", S(at(m, "file")).split(QStringLiteral("compose/")).last() } });
        if (c.topicEnds("pungi.compose.createiso.imagefail"))
            return format("pungi-koji createiso for {image} failed!",
                { { "image", S(at(m, "file")).split(QStringLiteral("compose/")).last() } });
        if (c.topicEnds("pungi.compose.createiso.targets"))
            return format("pungi-koji assigned {N} createiso targets",
                { { "N", QString::number(at(m, "deliverables").size()) } });
        if (c.topicEnds("pungi.compose.ostree"))
            return format("pungi-koji ostree compose {compose} produced ostree commit {commitid} "
                          "for {arch} {ref}",
                { { "compose", compose },
                    { "arch", S(at(m, "arch")) },
                    { "commitid", S(at(m, "commitid")) },
                    { "ref", S(at(m, "ref")) } });
        if (c.topicEnds("pungi.compose.fail.to.start"))
            return format("failed to compose from {config}: \"{detail}\"",
                { { "config", S(get(m, "config")) }, { "detail", S(get(m, "detail")) } });
        return {};
    }

    QString link(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (has(m, "location"))
            return pyStrip(
                pyStrip(S(at(m, "location")), QStringLiteral("/")), QStringLiteral("/compose"));
        return {};
    }

    QStringList objects(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (has(m, "deliverables")) {
            QStringList out;
            for (const QString &d : iter(at(m, "deliverables")))
                out << pyStrip(d, QStringLiteral("/"));
            return out;
        }
        if (has(m, "file"))
            return { pyStrip(S(at(m, "file")), QStringLiteral("/")) };
        if (has(m, "compose_id"))
            return { QStringLiteral("rawhide/")
                + S(at(m, "compose_id")).split(QLatin1Char('.')).join(QLatin1Char('/')) };
        return {};
    }
};

class AnsibleProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    static std::pair<bool, QString> relative(const QString &playbook)
    {
        static const QString prefix = QStringLiteral("/srv/web/infra/ansible/");
        if (playbook.startsWith(prefix))
            return { true, playbook.mid(prefix.size()) };
        return { false, playbook.split(QLatin1Char('/')).last() };
    }

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString user = getS(m, "userid", L("(no user specified)"));
        const QString playbook = relative(S(at(m, "playbook"))).second;
        if (c.topicHas("ansible.playbook.start"))
            return format("{user} started an ansible run of {playbook}",
                { { "user", user }, { "playbook", playbook } });
        if (c.topicHas("ansible.playbook.complete"))
            return format("{user}'s {playbook} playbook run completed",
                { { "user", user }, { "playbook", playbook } });
        return {};
    }

    QString secondaryIcon(const MetaContext &c) const override
    {
        const JsonValue &u = get(c.msg(), "userid");
        return truthy(u) ? avatar(S(u)) : QString();
    }

    QString link(const MetaContext &c) const override
    {
        const auto [controlled, playbook] = relative(S(at(c.msg(), "playbook")));
        if (!controlled)
            return {};
        return QStringLiteral("http://infrastructure.fedoraproject.org/cgit/ansible.git/tree/")
            + playbook;
    }

    QStringList usernames(const MetaContext &c) const override
    {
        const JsonValue &u = get(c.msg(), "userid");
        return truthy(u) ? QStringList { S(u) } : QStringList {};
    }

    QStringList objects(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        auto [controlled, playbook] = relative(S(at(m, "playbook")));
        if (!controlled)
            playbook = QStringLiteral("uncontrolled-playbooks/") + playbook;
        QStringList out { playbook };
        if (has(m, "results")) {
            const JsonValue &r = at(m, "results");
            if (!r.isObject())
                throw MetaFailure { "AttributeError" };
            for (const QString &h : iter(r))
                out << QStringLiteral("inventory/") + h;
        }
        return out;
    }
};

} // namespace

std::unique_ptr<MetaProcessor> makeBugzillaProcessor(ServiceInfo i)
{
    return std::make_unique<BugzillaProcessor>(std::move(i));
}
std::unique_ptr<MetaProcessor> makePungiProcessor(ServiceInfo i)
{
    return std::make_unique<PungiProcessor>(std::move(i));
}
std::unique_ptr<MetaProcessor> makeAnsibleProcessor(ServiceInfo i)
{
    return std::make_unique<AnsibleProcessor>(std::move(i));
}

} // namespace fedmsg::render
