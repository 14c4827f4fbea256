// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"

namespace fedmsg::render {

namespace {

class AnityaProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    static QString user(const MetaContext &c)
    {
        const JsonValue &m = c.msg();
        const JsonValue *message = m.isObject() ? m.find("message") : nullptr;
        const JsonValue *agentV =
            (message && message->isObject()) ? message->find("agent") : nullptr;
        if (!agentV) {
            if (message && !message->isObject())
                throw MetaFailure { "TypeError" };
            return getStr(c.env, "username", QStringLiteral("anitya"));
        }
        QString agent = pyStr(*agentV);
        if (agent.contains(QLatin1String("id.fedoraproject.org"))) {
            agent = agent.section(QStringLiteral(".id.fedoraproject.org"), 0, 0);
            const qsizetype idx = agent.indexOf(QLatin1String("//"));
            return idx >= 0 ? agent.mid(idx + 2) : agent;
        }
        if (agent.endsWith(QLatin1String("@fedoraproject.org")))
            return agent.section(QStringLiteral("@fedoraproject.org"), 0, 0);
        if (agent.contains(QLatin1Char('@')))
            return c.fas.emailToFas(agent);
        return agent;
    }

    QString link(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (truthy(at(m, "project")))
            return QStringLiteral("https://release-monitoring.org/project/%1/")
                .arg(pyStr(at(at(m, "project"), "id")));
        if (c.topicEnds("project.flag.set"))
            return QStringLiteral("https://release-monitoring.org/");
        return QStringLiteral("https://release-monitoring.org/distros");
    }

    /// project.version.update: the new version and the Fedora packages it concerns.
    static QString versionUpdate(const JsonValue &m, const QString &proj)
    {
        const JsonValue &msgv = has(m, "message") ? at(m, "message") : m;
        QStringList pk;
        const JsonValue &pkgs = get(msgv, "packages");
        if (!pkgs.isNull() && !pkgs.isArray())
            throw MetaFailure {};
        for (const JsonValue &p : pkgs.array())
            if (pyStr(at(p, "distro")) == QLatin1String("Fedora"))
                pk << pyStr(at(p, "package_name"));
        const QString packages = Py::listToSeries(pk);
        const bool odd = truthy(get(msgv, "odd_change"));
        const JsonValue &old = at(msgv, "old_version");
        const QString newv = pyStr(at(msgv, "upstream_version"));
        if (truthy(old) && !odd)
            return format("A new version of \"{project}\" has been detected:  \"{new}\" newer than "
                          "\"{old}\", packaged as \"{packages}\"",
                { { "project", proj },
                    { "new", newv },
                    { "old", pyStr(old) },
                    { "packages", packages } });
        return format("A new version of \"{project}\" has been detected:  \"{new}\", packaged "
                      "as \"{packages}\"",
            { { "project", proj }, { "new", newv }, { "packages", packages } });
    }

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString u = user(c);
        auto project = [&] {
            return pyStr(at(at(m, "project"), "name"));
        };
        auto message = [&](std::string_view k) {
            return pyStr(at(at(m, "message"), k));
        };
        if (c.topicHas("project.map.new"))
            return format(R"({user} mapped the name of "{project}" in {distro} to "{new}")",
                { { "user", u },
                    { "project", project() },
                    { "distro", pyStr(at(at(m, "distro"), "name")) },
                    { "new", message("new") } });
        if (c.topicHas("project.map.update"))
            return format("{user} updated the name of \"{project}\" in \"{distro}\" from \"{old}\" "
                          "to \"{new}\"",
                { { "user", u },
                    { "project", project() },
                    { "distro", pyStr(at(at(m, "distro"), "name")) },
                    { "old", message("prev") },
                    { "new", message("new") } });
        if (c.topicHas("distro.add"))
            return format("{user} added the distro named \"{distro}\" to anitya",
                { { "user", u }, { "distro", pyStr(at(at(m, "distro"), "name")) } });
        if (c.topicHas("distro.edit"))
            return format(R"({user} changed a distro name from "{old}" to "{new}")",
                { { "user", u }, { "old", message("old") }, { "new", message("new") } });
        if (c.topicHas("project.add.tried"))
            return format("{user} tried to add the project \"{project}\" to anitya (but it already "
                          "exists there)",
                { { "user", u }, { "project", project() } });
        if (c.topicHas("project.add"))
            return format("{user} added the project \"{project}\" to anitya",
                { { "user", u }, { "project", project() } });
        if (c.topicHas("project.edit"))
            return format(
                "{user} edited the following fields of the \"{project}\" project: {fields}",
                { { "user", u },
                    { "project", project() },
                    { "fields",
                        Py::strList(at(at(m, "message"), "fields")).join(QStringLiteral(", ")) } });
        if (c.topicHas("project.remove"))
            return format("{user} deleted the \"{project}\" project",
                { { "user", u }, { "project", project() } });
        if (c.topicHas("project.map.remove"))
            return format(R"({user} deleted the mapping of "{project}" project on "{distro}")",
                { { "user", u }, { "project", project() }, { "distro", message("distro") } });
        if (c.topicHas("project.version.update"))
            return versionUpdate(m, project());
        if (c.topicHas("project.version.remove"))
            return format("{user} deleted the version {version} of \"{project}\"",
                { { "user", u }, { "project", project() }, { "version", message("version") } });
        if (c.topicHas("distro.remove"))
            return format("{user} deleted the distro \"{project}\"",
                { { "user", u }, { "project", pyStr(at(at(m, "distro"), "name")) } });
        if (c.topicEnds("project.flag.set"))
            return format("{user} {action} flag \"{flagid}\"",
                { { "user", u }, { "action", message("state") }, { "flagid", message("flag") } });
        if (c.topicEnds("project.flag"))
            return format("{user} flagged the project \"{project}\"",
                { { "user", u }, { "project", project() } });
        return {};
    }

    QString secondaryIcon(const MetaContext &c) const override
    {
        const QString u = user(c);
        const QStringList pk = packagesOf(c);
        if (!u.isEmpty())
            return u.contains(QLatin1Char('@')) ? avatarEmail(u) : avatar(u);
        if (!pk.isEmpty())
            return QStringLiteral("https://apps.fedoraproject.org/packages/images/icons/%1.png")
                .arg(pk.first());
        return {};
    }

    QStringList usernames(const MetaContext &c) const override
    {
        const QString u = user(c);
        if (!u.isEmpty() && !u.contains(QLatin1Char('@')))
            return { u };
        return {};
    }

    QStringList objects(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        auto projects = [&]() -> QString {
            return QStringLiteral("projects/") + pyStr(at(at(m, "project"), "name"));
        };
        if (c.topicHas("project.map.update")) {
            const QString distro = pyStr(at(at(m, "distro"), "name"));
            return {
                QStringLiteral("mappings/%1/%2").arg(distro, pyStr(at(at(m, "message"), "new"))),
                QStringLiteral("mappings/%1/%2").arg(distro, pyStr(at(at(m, "message"), "prev"))),
                QStringLiteral("distros/") + distro,
                projects()
            };
        }
        if (c.topicHas("project.map.new")) {
            const QString distro = pyStr(at(at(m, "distro"), "name"));
            return {
                QStringLiteral("mappings/%1/%2").arg(distro, pyStr(at(at(m, "message"), "new"))),
                QStringLiteral("distros/") + distro,
                projects()
            };
        }
        for (const char *t : { "project.version.remove",
                 "project.remove",
                 "project.map.remove",
                 "project.version.update",
                 "project.edit",
                 "project.add.tried",
                 "project.add" })
            if (c.topicHas(t))
                return { projects() };
        if (c.topicEnds("project.flag"))
            return { projects() };
        if (c.topicHas("distro.add"))
            return { QStringLiteral("distros/") + pyStr(at(at(m, "distro"), "name")) };
        if (c.topicHas("distro.edit"))
            return { QStringLiteral("distros/") + pyStr(at(at(m, "message"), "old")),
                QStringLiteral("distros/") + pyStr(at(at(m, "message"), "new")) };
        if (c.topicHas("distro.remove"))
            return { QStringLiteral("distros/") + pyStr(at(at(m, "distro"), "name")) };
        if (c.topicEnds("project.flag.set"))
            return { QStringLiteral("flag/") + pyStr(at(at(m, "message"), "flag")) };
        return {};
    }

    static QStringList fedoraPackages(const JsonValue &pkgs)
    {
        if (!pkgs.isArray())
            throw MetaFailure {};
        QStringList out;
        for (const JsonValue &p : pkgs.array())
            if (pyStr(at(p, "distro")).toLower() == QLatin1String("fedora"))
                out << pyStr(at(p, "package_name"));
        return out;
    }

    static QStringList packagesOf(const MetaContext &c)
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("project.map.update")) {
            if (pyStr(at(at(m, "distro"), "name")).toLower() == QLatin1String("fedora"))
                return { pyStr(at(at(m, "message"), "new")), pyStr(at(at(m, "message"), "prev")) };
            return {};
        }
        if (c.topicHas("project.map.new")) {
            if (pyStr(at(at(m, "distro"), "name")).toLower() == QLatin1String("fedora"))
                return { pyStr(at(at(m, "message"), "new")) };
            return {};
        }
        if (c.topicHas("project.version.update"))
            return fedoraPackages(
                has(m, "message") ? at(at(m, "message"), "packages") : at(m, "packages"));
        if (c.topicEnds("project.flag")) {
            const JsonValue &p = get(m, "packages");
            return p.isNull() && !has(m, "packages") ? QStringList {} : fedoraPackages(p);
        }
        return {};
    }

    QStringList packages(const MetaContext &c) const override { return packagesOf(c); }
};

} // namespace

std::unique_ptr<MetaProcessor> makeAnityaProcessor(ServiceInfo i)
{
    return std::make_unique<AnityaProcessor>(std::move(i));
}

} // namespace fedmsg::render
