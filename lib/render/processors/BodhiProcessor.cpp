// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"

#include <QRegularExpression>

namespace fedmsg::render {

namespace {

QString truncate40(const QString &t)
{
    return Py::len(t) >= 40 ? Py::slice(t, 40) + QStringLiteral("...") : t;
}

QStringList u2p(const QString &update)
{
    static const QRegularExpression sep(QStringLiteral("[ ,]"));
    QStringList out;
    for (const QString &build : update.split(sep))
        out << Py::nvrName(build);
    return out;
}

QString nameOf(const JsonValue &v)
{
    return v.isObject() ? S(at(v, "name")) : S(v);
}

class BodhiProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    static bool isFtpSync(const MetaContext &c)
    {
        return c.topicHas("bodhi.updates.") && c.topicEnds(".sync");
    }
    static QString syncProduct(const MetaContext &c)
    {
        const QStringList p = c.topic.split(QLatin1Char('.'));
        QString product = p.size() >= 2 ? p.at(p.size() - 2) : QString();
        if (product == QLatin1String("fedora"))
            return QStringLiteral("Fedora");
        if (product == QLatin1String("epel"))
            return QStringLiteral("EPEL");
        return product;
    }
    static QString titleOrAlias(const JsonValue &m)
    {
        const JsonValue &u = at(m, "update");
        const JsonValue &alias = get(u, "alias");
        return truthy(alias) ? S(alias) : S(at(u, "title"));
    }
    static QString buildOf(const JsonValue &m)
    {
        const JsonValue &b = at(at(m, "override"), "build");
        return b.isObject() ? S(at(b, "nvr")) : S(b);
    }

    QString secondaryIcon(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        JsonValue user;
        if (c.topicHas("bodhi.update.comment"))
            user = at(at(m, "comment"), "author");
        else if (c.topicHas("bodhi.buildroot_override"))
            user = at(at(m, "override"), "submitter");
        else if (c.topicHas("bodhi.stack"))
            user = at(m, "agent");
        else if (has(m, "update") && has(at(m, "update"), "submitter"))
            user = at(at(m, "update"), "submitter");
        else
            user = get(m, "agent");
        if (user.isObject())
            user = at(user, "name");
        if (truthy(user))
            return avatar(S(user));
        if (has(m, "update")) {
            const QStringList pk = u2p(S(at(at(m, "update"), "title")));
            if (!pk.isEmpty())
                return QStringLiteral("https://apps.fedoraproject.org/packages/images/icons/%1.png")
                    .arg(pk.first());
        }
        return info().icon;
    }

    QString longForm(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("bodhi.update.comment"))
            return S(at(at(m, "comment"), "text"));
        if (c.topicHas("bodhi.errata.publish"))
            return S(at(m, "body"));
        if (c.topicHas("bodhi.masher.start"))
            return QStringLiteral("\n- ")
                + Py::strList(at(m, "updates")).join(QStringLiteral("\n- ")) + QLatin1Char('\n');
        return {};
    }

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (isFtpSync(c)) {
            return formatDict("New {product} {release} {repo} content synced out "
                              "({bytes} changed with {deleted} files deleted)",
                m,
                { { "product", syncProduct(c) } });
        }
        if (c.topicHas("bodhi.masher.start"))
            return format("{agent} requested a mash of {updates} updates",
                { { "agent", S(at(m, "agent")) },
                    { "updates", QString::number(at(m, "updates").size()) } });
        if (c.topicHas("bodhi.update.comment")) {
            const JsonValue &cm = at(m, "comment");
            return format("{author} commented on bodhi update {title} (karma: {karma})",
                { { "author", S(at(cm, "author")) },
                    { "karma", S(at(cm, "karma")) },
                    { "title", truncate40(S(at(cm, "update_title"))) } });
        }
        if (c.topicHas("bodhi.update.complete.")) {
            const JsonValue &u = at(m, "update");
            return format("{author}'s {package} bodhi update completed push to {status}",
                { { "author", nameOf(at(u, "submitter")) },
                    { "package", truncate40(S(at(u, "title"))) },
                    { "status", S(at(u, "status")) } });
        }
        if (c.topicHas("bodhi.update.eject")) {
            const JsonValue &u = at(m, "update");
            return format("{author}'s {package} bodhi update was ejected from the {repo} mash.  "
                          "Reason: \"{reason}\"",
                { { "author", nameOf(at(u, "submitter")) },
                    { "package", truncate40(S(at(u, "title"))) },
                    { "repo", S(at(m, "repo")) },
                    { "reason", S(at(m, "reason")) } });
        }
        if (c.topicHas("bodhi.update.edit"))
            return format("{author} edited {update}",
                { { "author", S(at(m, "agent")) },
                    { "update", truncate40(S(at(at(m, "update"), "title"))) } });
        if (c.topicHas("bodhi.update.request")) {
            QString status = c.topic.split(QLatin1Char('.')).last();
            const QString author = S(get(m, "agent"));
            const QString title = truncate40(S(at(at(m, "update"), "title")));
            if (status == QLatin1String("unpush") || status == QLatin1String("obsolete")
                || status == QLatin1String("revoke")) {
                status +=
                    status.endsWith(QLatin1Char('e')) ? QStringLiteral("d") : QStringLiteral("ed");
                return format("{author} {status} {title}",
                    { { "author", author }, { "status", status }, { "title", title } });
            }
            return format("{author} submitted {title} to {status}",
                { { "author", author }, { "status", status }, { "title", title } });
        }
        if (c.topicHas("bodhi.mashtask.mashing"))
            return format("bodhi masher started mashing {repo}", { { "repo", S(get(m, "repo")) } });
        if (c.topicHas("bodhi.mashtask.start"))
            return QStringLiteral("bodhi masher started a push");
        if (c.topicHas("bodhi.mashtask.complete")) {
            const bool ok = truthy(at(m, "success"));
            return format(ok ? "bodhi masher successfully mashed {repo}"
                             : "bodhi masher failed to mash {repo}",
                { { "repo", S(get(m, "repo")) } });
        }
        if (c.topicHas("bodhi.mashtask.sync.wait"))
            return format("bodhi masher is waiting for {repo} to hit the master mirror",
                { { "repo", S(get(m, "repo")) } });
        if (c.topicHas("bodhi.mashtask.sync.done"))
            return format("bodhi masher finished waiting for {repo} to hit the master mirror",
                { { "repo", S(get(m, "repo")) } });
        if (c.topicHas("bodhi.buildroot_override.tag")
            || c.topicHas("bodhi.buildroot_override.untag")) {
            const bool tag = c.topicHas("bodhi.buildroot_override.tag");
            return format(tag ? "{submitter} submitted a buildroot override for {build}"
                              : "{submitter} expired a buildroot override for {build}",
                { { "submitter", nameOf(at(at(m, "override"), "submitter")) },
                    { "build", buildOf(m) } });
        }
        if (c.topicHas("bodhi.stack.save"))
            return format("{agent} updated the \"{name}\" stack",
                { { "agent", S(at(m, "agent")) }, { "name", S(at(at(m, "stack"), "name")) } });
        if (c.topicHas("bodhi.stack.delete"))
            return format("{agent} deleted the \"{name}\" stack",
                { { "agent", S(at(m, "agent")) }, { "name", S(at(at(m, "stack"), "name")) } });
        if (c.topicHas("bodhi.update.karma.threshold"))
            return format("{title} reached the {status} karma threshold",
                { { "title", truncate40(S(at(at(m, "update"), "title"))) },
                    { "status", S(at(m, "status")) } });
        if (c.topicHas("bodhi.update.requirements_met"))
            return format("{title} reached the {status} testing threshold",
                { { "title", truncate40(S(at(at(m, "update"), "title"))) },
                    { "status", c.topic.split(QLatin1Char('.')).last() } });
        if (c.topicHas("bodhi.errata.publish"))
            return S(at(m, "subject"));
        return {};
    }

    QString link(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString prefix = QStringLiteral("https://bodhi.fedoraproject.org");
        const QString upd = prefix + QStringLiteral("/updates/");
        if (c.topicHas("bodhi.update.comment"))
            return upd + S(at(at(m, "comment"), "update_title"));
        for (const char *t : { "bodhi.update.complete",
                 "bodhi.update.request",
                 "bodhi.update.edit",
                 "bodhi.update.eject",
                 "bodhi.update.karma.threshold",
                 "bodhi.update.requirements_met",
                 "bodhi.errata.publish" })
            if (c.topicHas(t))
                return upd + titleOrAlias(m);
        if (c.topicHas("bodhi.stack"))
            return prefix + QStringLiteral("/stacks/") + S(at(at(m, "stack"), "name"));
        if (c.topicHas("bodhi.buildroot_override"))
            return prefix + QStringLiteral("/overrides/") + buildOf(m);
        if (isFtpSync(c)) {
            QString link = QStringLiteral("https://download.fedoraproject.org/pub/");
            const QString repo = S(at(m, "repo"));
            const QString product = syncProduct(c).toLower();
            link += product + QLatin1Char('/');
            if (product == QLatin1String("fedora"))
                link += repo == QLatin1String("atomic") ? QStringLiteral("linux/atomic/")
                                                        : QStringLiteral("linux/updates/");
            if (repo.endsWith(QLatin1String("testing")))
                link += QStringLiteral("testing/");
            link += S(at(m, "release")) + QLatin1Char('/');
            return link;
        }
        return {};
    }

    static QStringList packagesOf(const MetaContext &c)
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("bodhi.update.comment"))
            return u2p(S(at(at(m, "comment"), "update_title")));
        for (const char *t : { "bodhi.update.complete",
                 "bodhi.update.request",
                 "bodhi.update.edit",
                 "bodhi.update.eject",
                 "bodhi.update.karma.threshold",
                 "bodhi.update.requirements_met",
                 "bodhi.errata.publish" })
            if (c.topicHas(t))
                return u2p(S(at(at(m, "update"), "title")));
        if (c.topicHas("bodhi.buildroot_override."))
            return u2p(buildOf(m));
        if (c.topicHas("bodhi.stack")) {
            QStringList out;
            for (const JsonValue &p : at(at(m, "stack"), "packages").array())
                out << S(at(p, "name"));
            if (!at(at(m, "stack"), "packages").isArray())
                throw MetaFailure {};
            return out;
        }
        if (c.topicHas("bodhi.masher.start")) {
            QStringList out;
            for (const QString &u : Py::strList(at(m, "updates")))
                out << u2p(u);
            return out;
        }
        return {};
    }

    QStringList packages(const MetaContext &c) const override { return packagesOf(c); }

    QStringList usernames(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        QStringList users;
        for (const char *obj : { "update", "override" }) {
            const JsonValue *o = m.isObject() ? m.find(obj) : nullptr;
            if (o && o->isObject() && o->find("submitter")) {
                const JsonValue &u = at(*o, "submitter");
                if (u.isObject()) {
                    if (u.find("name"))
                        users << S(at(u, "name"));
                } else if (!u.isNull()) {
                    users << S(u);
                }
            }
        }
        const JsonValue *cm = m.isObject() ? m.find("comment") : nullptr;
        if (cm && cm->isObject() && cm->find("author") && !at(*cm, "author").isNull())
            users << S(at(*cm, "author"));
        if (cm) {
            static const QRegularExpression mention(
                QStringLiteral("@(\\w+)"), QRegularExpression::UseUnicodePropertiesOption);
            const QString text = S(at(*cm, "text"));
            auto it = mention.globalMatch(text);
            while (it.hasNext())
                users << it.next().captured(1);
        }
        if (has(m, "agent") && !at(m, "agent").isNull())
            users << S(at(m, "agent"));
        return users;
    }

    QStringList objects(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (isFtpSync(c))
            return { syncProduct(c).toLower() + QLatin1Char('/') + S(at(m, "repo"))
                + QLatin1Char('/') + S(at(m, "release")) };
        if (c.topicHas("bodhi.mashtask.mashing")) {
            const JsonValue &r = get(m, "repo");
            if (!r.isString())
                throw MetaFailure { "TypeError" };
            return { QStringLiteral("repos/") + S(r) };
        }
        if (c.topicHas("bodhi.stack")) {
            QStringList out;
            for (const JsonValue &p : at(at(m, "stack"), "packages").array())
                out << QStringLiteral("packages/") + S(at(p, "name"));
            out << QStringLiteral("stacks/") + S(at(at(m, "stack"), "name"));
            return out;
        }
        QStringList out;
        for (const QString &p : packagesOf(c))
            out << QStringLiteral("packages/") + p;
        return out;
    }
};

} // namespace

std::unique_ptr<MetaProcessor> makeBodhiProcessor(ServiceInfo i)
{
    return std::make_unique<BodhiProcessor>(std::move(i));
}

} // namespace fedmsg::render
