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
            return pyStr(at(cm, "path")).split(QStringLiteral(".git")).first().mid(9);
        return pyStr(at(cm, "repo"));
    }

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (has(m, "page")) {
            const QString user = pyStr(at(m, "agent"));
            const QString name = pyStr(at(at(m, "page"), "name"));
            const QString project = pyStr(at(at(m, "instance"), "project_name"));
            QString oldName = QStringLiteral("None");
            QString tmpl;
            if (c.topicHas("page.version.delete"))
                tmpl = QString::fromUtf8(
                    "{user} deleted a version of the '{name}' wiki page on the {project} trac "
                    "instance");
            else if (c.topicHas("page.delete"))
                tmpl = QString::fromUtf8(
                    "{user} straight-up deleted the '{name}' wiki page on the {project} trac "
                    "instance");
            else if (c.topicHas("page.rename")) {
                oldName = pyStr(at(m, "old_name"));
                tmpl = QString::fromUtf8(
                    "{user} renamed the wiki page '{old_name}' to '{name}' on the {project} "
                    "trac instance");
            } else if (c.topicHas("page.update"))
                tmpl = QString::fromUtf8(
                    "{user} updated the '{name}' wiki page on the {project} trac instance");
            else if (c.topicHas("page.new"))
                tmpl = QString::fromUtf8(
                    "{user} created a new '{name}' wiki page on the {project} trac instance");
            else
                throw MetaFailure { "UnboundLocalError" };
            return format(tmpl,
                { { "user", user },
                    { "name", name },
                    { "old_name", oldName },
                    { "project", project } });
        }
        if (has(m, "ticket")) {
            const QString user = pyStr(at(m, "agent"));
            const QString project = pyStr(at(at(m, "instance"), "project_name"));
            QString tmpl;
            QString resolution = QStringLiteral("None");
            if (c.topicHas("ticket.delete"))
                tmpl = QString::fromUtf8(
                    "{user} straight-up deleted a ticket on the {project} trac instance");
            else if (c.topicHas("ticket.new"))
                tmpl =
                    QString::fromUtf8("{user} opened a new ticket on the {project} trac instance");
            else if (c.topicHas("ticket.update")) {
                tmpl = QString::fromUtf8("{user} updated a ticket on the {project} trac instance");
                const QString status = pyStr(at(at(m, "ticket"), "status"));
                const JsonValue &old = at(m, "old_values");
                if (status == QLatin1String("reopened") && has(old, "status"))
                    tmpl = QString::fromUtf8(
                        "{user} reopened a ticket on the {project} trac instance");
                else if (status == QLatin1String("closed") && has(old, "status")) {
                    resolution = pyStr(at(at(m, "ticket"), "resolution"));
                    tmpl = QString::fromUtf8(
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
                { { "user", pyStr(at(at(m, "commit"), "username")) }, { "project", repoName(m) } });
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
            return { QLatin1String("") };
        return avatar(pyStr(user));
    }

    QStringList usernames(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        QStringList users;
        if (has(m, "agent"))
            users << pyStr(at(m, "agent"));
        auto add = [&](std::initializer_list<std::string_view> p) {
            try {
                const QString u = pyStr(Py::path(m, p)).trimmed();
                if (!u.isEmpty())
                    users << u;
            } catch (const MetaFailure &) {}
        };
        add({ "page", "author" });
        add({ "ticket", "owner" });
        add({ "ticket", "reporter" });
        try {
            for (const QString &u : pyStr(Py::path(m, { "ticket", "cc" })).split(QLatin1Char(',')))
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
            const QString project = pyStr(at(at(m, "instance"), "project_name"));
            return { project + QStringLiteral("/wiki/") + pyStr(at(at(m, "page"), "name")),
                project + QStringLiteral("/wiki/") + pyStr(at(m, "old_name")) };
        }
        if (c.topicHas("trac.wiki."))
            return { pyStr(at(at(m, "instance"), "project_name")) + QStringLiteral("/wiki/")
                + pyStr(at(at(m, "page"), "name")) };
        if (c.topicHas("trac.ticket."))
            return { pyStr(at(at(m, "instance"), "project_name")) + QStringLiteral("/ticket/")
                + pyStr(at(at(m, "ticket"), "id")) };
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
            QString b = pyStr(at(at(m, "instance"), "base_url"));
            while (b.startsWith(QLatin1Char('/')))
                b.remove(0, 1);
            while (b.endsWith(QLatin1Char('/')))
                b.chop(1);
            return b;
        };
        if (c.topicHas("trac.wiki.")) {
            QString url = baseUrl() + QStringLiteral("/wiki/") + pyStr(at(at(m, "page"), "name"));
            const JsonValue &version = at(at(m, "page"), "version");
            if (truthy(version) && !c.topicHas(".rename") && !c.topicHas(".new")) {
                if (!version.isInteger())
                    throw MetaFailure {};
                url += QStringLiteral("?action=diff&version=") + pyStr(version);
            }
            return url;
        }
        if (c.topicHas("trac.ticket."))
            return baseUrl() + QStringLiteral("/ticket/") + pyStr(at(at(m, "ticket"), "id"));
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
                    pyStr(at(at(m, "commit"), "rev")));
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
            out += QStringLiteral("Summary: ") + pyStr(summary) + QLatin1Char('\n');
        if (truthy(comment))
            out += QStringLiteral("Comment: ") + pyStr(comment) + QLatin1Char('\n');
        else if (truthy(description))
            out += QStringLiteral("Description: ") + pyStr(description) + QLatin1Char('\n');
        return out;
    }
};

} // namespace

std::unique_ptr<MetaProcessor> makeTracProcessor(ServiceInfo i)
{
    return std::make_unique<TracProcessor>(std::move(i));
}

} // namespace fedmsg::render
