// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"

namespace fedmsg::render {

namespace {

class TracProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    static QString repoName(const JsonValue &m)
    {
        const JsonValue &cm = at(m, "commit");
        if (has(cm, "path"))
            return S(at(cm, "path")).split(QStringLiteral(".git")).first().mid(9);
        return S(at(cm, "repo"));
    }

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (has(m, "page")) {
            const QString user = S(at(m, "agent"));
            const QString name = S(at(at(m, "page"), "name"));
            const QString project = S(at(at(m, "instance"), "project_name"));
            QString oldName = QStringLiteral("None");
            QString tmpl;
            if (c.topicHas("page.version.delete"))
                tmpl = L("{user} deleted a version of the '{name}' wiki page on the {project} trac "
                         "instance");
            else if (c.topicHas("page.delete"))
                tmpl = L("{user} straight-up deleted the '{name}' wiki page on the {project} trac "
                         "instance");
            else if (c.topicHas("page.rename")) {
                oldName = S(at(m, "old_name"));
                tmpl = L("{user} renamed the wiki page '{old_name}' to '{name}' on the {project} "
                         "trac instance");
            } else if (c.topicHas("page.update"))
                tmpl = L("{user} updated the '{name}' wiki page on the {project} trac instance");
            else if (c.topicHas("page.new"))
                tmpl = L("{user} created a new '{name}' wiki page on the {project} trac instance");
            else
                throw MetaFailure { "UnboundLocalError" };
            return format(tmpl,
                { { "user", user },
                    { "name", name },
                    { "old_name", oldName },
                    { "project", project } });
        }
        if (has(m, "ticket")) {
            const QString user = S(at(m, "agent"));
            const QString project = S(at(at(m, "instance"), "project_name"));
            QString tmpl;
            QString resolution = QStringLiteral("None");
            if (c.topicHas("ticket.delete"))
                tmpl = L("{user} straight-up deleted a ticket on the {project} trac instance");
            else if (c.topicHas("ticket.new"))
                tmpl = L("{user} opened a new ticket on the {project} trac instance");
            else if (c.topicHas("ticket.update")) {
                tmpl = L("{user} updated a ticket on the {project} trac instance");
                const QString status = S(at(at(m, "ticket"), "status"));
                const JsonValue &old = at(m, "old_values");
                if (status == QLatin1String("reopened") && has(old, "status"))
                    tmpl = L("{user} reopened a ticket on the {project} trac instance");
                else if (status == QLatin1String("closed") && has(old, "status")) {
                    resolution = S(at(at(m, "ticket"), "resolution"));
                    tmpl = L(
                        "{user} closed a ticket on the {project} trac instance as '{resolution}'");
                }
            } else
                throw MetaFailure { "UnboundLocalError" };
            return format(
                tmpl, { { "user", user }, { "project", project }, { "resolution", resolution } });
        }
        if (c.topicHas("git.receive"))
            return format(
                "{user} pushed some commits to the '{project}' fedorahosted git repository",
                { { "user", S(at(at(m, "commit"), "username")) }, { "project", repoName(m) } });
        return {};
    }

    QString secondaryIcon(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        JsonValue user;
        if (has(m, "agent"))
            user = at(m, "agent");
        try {
            user = at(at(m, "commit"), "username");
        } catch (const MetaFailure &) {}
        if (!truthy(user))
            return QString(QLatin1String(""));
        return avatar(S(user));
    }

    QStringList usernames(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        QStringList users;
        if (has(m, "agent"))
            users << S(at(m, "agent"));
        auto add = [&](std::initializer_list<std::string_view> p) {
            try {
                const QString u = S(Py::path(m, p)).trimmed();
                if (!u.isEmpty())
                    users << u;
            } catch (const MetaFailure &) {}
        };
        add({ "page", "author" });
        add({ "ticket", "owner" });
        add({ "ticket", "reporter" });
        try {
            for (const QString &u : S(Py::path(m, { "ticket", "cc" })).split(QLatin1Char(',')))
                if (!u.trimmed().isEmpty())
                    users << u.trimmed();
        } catch (const MetaFailure &) {}
        add({ "commit", "username" });
        return users;
    }

    QStringList objects(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("trac.wiki.page.rename")) {
            const QString project = S(at(at(m, "instance"), "project_name"));
            return { project + QStringLiteral("/wiki/") + S(at(at(m, "page"), "name")),
                project + QStringLiteral("/wiki/") + S(at(m, "old_name")) };
        }
        if (c.topicHas("trac.wiki."))
            return { S(at(at(m, "instance"), "project_name")) + QStringLiteral("/wiki/")
                + S(at(at(m, "page"), "name")) };
        if (c.topicHas("trac.ticket."))
            return { S(at(at(m, "instance"), "project_name")) + QStringLiteral("/ticket/")
                + S(at(at(m, "ticket"), "id")) };
        if (c.topicHas(".git.receive")) {
            const JsonValue &files = Py::path(m, { "commit", "stats", "files" });
            if (!files.isObject())
                throw MetaFailure {};
            QStringList out;
            const QString project = repoName(m);
            for (const QString &f : iter(files))
                out << project + QStringLiteral("/git/") + f;
            return out;
        }
        return {};
    }

    QString link(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        auto baseUrl = [&] {
            QString b = S(at(at(m, "instance"), "base_url"));
            while (b.startsWith(QLatin1Char('/')))
                b.remove(0, 1);
            while (b.endsWith(QLatin1Char('/')))
                b.chop(1);
            return b;
        };
        if (c.topicHas("trac.wiki.")) {
            QString url = baseUrl() + QStringLiteral("/wiki/") + S(at(at(m, "page"), "name"));
            const JsonValue &version = at(at(m, "page"), "version");
            if (truthy(version) && !c.topicHas(".rename") && !c.topicHas(".new")) {
                if (!version.isInteger())
                    throw MetaFailure {};
                url += QStringLiteral("?action=diff&version=") + S(version);
            }
            return url;
        }
        if (c.topicHas("trac.ticket."))
            return baseUrl() + QStringLiteral("/ticket/") + S(at(at(m, "ticket"), "id"));
        if (c.topicHas(".git.receive")) {
            static const QStringList shortRepos = QStringLiteral(
                "389 aeolus bluecurve bluecurve-classic-metacity-theme bluecurve-gdm-theme "
                "bluecurve-gnome-theme "
                "bluecurve-gtk-themes bluecurve-icon-theme bluecurve-kde-theme bluecurve-kdm-theme "
                "bluecurve-kwin-theme bluecurve-metacity-theme bluecurve-qt-engine "
                "bluecurve-xmms-skin cobbler "
                "deltacloud docs echo-icon-theme fedorabubbles-gdm-theme fedoradna-gdm-theme "
                "fedoradna-kdm-theme "
                "fedoraflyinghigh-gdm-theme fedoraflyinghigh-kdm-theme fedora-gnome-theme "
                "fedora-icon-theme "
                "fedorainfinity-gdm-theme fedorainfinity-screensaver-theme "
                "fedora-screensaver-theme freeotp grid "
                "koji l10n livecd mash mirrormanager mkinitrd nodoka opyum ovirt presto readahead "
                "redhat-rpm-config releng revisor rhq snake thetango thincrust umltester "
                "updatinator "
                "webauthinfra wevisor")
                                                      .split(QLatin1Char(' '));
            const QString name = repoName(m);
            return QStringLiteral("https://git.fedorahosted.org/cgit/%1%2/commit/?id=%3")
                .arg(name,
                    shortRepos.contains(name) ? QString() : QStringLiteral(".git"),
                    S(at(at(m, "commit"), "rev")));
        }
        return {};
    }

    QString longForm(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (!has(m, "ticket"))
            return {};
        const JsonValue &comment = get(m, "comment");
        const JsonValue &description = get(at(m, "ticket"), "description");
        const JsonValue &summary = get(at(m, "ticket"), "summary");
        QString out;
        if (truthy(summary))
            out += QStringLiteral("Summary: ") + S(summary) + QLatin1Char('\n');
        if (truthy(comment))
            out += QStringLiteral("Comment: ") + S(comment) + QLatin1Char('\n');
        else if (truthy(description))
            out += QStringLiteral("Description: ") + S(description) + QLatin1Char('\n');
        return out;
    }
};

} // namespace

std::unique_ptr<MetaProcessor> makeTracProcessor(ServiceInfo i)
{
    return std::make_unique<TracProcessor>(std::move(i));
}

} // namespace fedmsg::render
