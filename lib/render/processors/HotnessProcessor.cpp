// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"
#include <array>

namespace fedmsg::render {

namespace {

class HotnessProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    static QStringList fedoraNames(const JsonValue &pkgs)
    {
        QStringList out;
        if (!pkgs.isArray())
            throw MetaFailure {};
        for (const JsonValue &p : pkgs.array())
            if (pyStr(at(p, "distro")) == QLatin1String("Fedora"))
                out << pyStr(at(p, "package_name"));
        return out;
    }

    static QStringList packagesOf(const MetaContext &c)
    {
        const JsonValue &m = c.msg();
        const JsonValue &trigger = at(m, "trigger");
        const QString ttopic = pyStr(at(trigger, "topic"));
        const JsonValue &original = at(trigger, "msg");
        if (ttopic.contains(QLatin1String("anitya"))) {
            JsonValue packages;
            if (has(at(original, "message"), "packages"))
                packages = at(at(original, "message"), "packages");
            else if (has(original, "packages"))
                packages = at(original, "packages");
            if (truthy(packages)) {
                QStringList out;
                for (const JsonValue &p : packages.array())
                    if (pyStr(at(p, "distro")) == QLatin1String("Fedora"))
                        out << pyStr(at(p, "package_name"));
                return out;
            }
        }
        if (has(original, "package_listing"))
            return { pyStr(at(at(at(original, "package_listing"), "package"), "name")) };
        if (ttopic.contains(QLatin1String("buildsys.build")))
            return { pyStr(at(original, "name")) };
        if (has(original, "package"))
            return { pyStr(at(at(original, "package"), "name")) };
        return {};
    }

    /// A bug filed for a new upstream version.
    static std::optional<QString> bugFiledSubtitle(const MetaContext &c)
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("hotness.update.bug.file")) {
            const JsonValue &original = at(at(m, "trigger"), "msg");
            QStringList packages;
            if (pyStr(at(at(m, "trigger"), "topic")).endsWith(QLatin1String(".project.map.new")))
                packages = { pyStr(at(at(original, "message"), "new")) };
            else
                packages = fedoraNames(at(at(original, "message"), "packages"));
            return format("the-new-hotness filed a bug on {packages}",
                { { "packages", packages.join(QStringLiteral(", ")) } });
        }
        return std::nullopt;
    }

    /// A follow-up on such a bug (scratch build, patch).
    static std::optional<QString> followupSubtitle(const MetaContext &c)
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("hotness.update.bug.followup")) {
            const JsonValue &original = at(at(m, "trigger"), "msg");
            const QString bugId = pyStr(at(at(m, "bug"), "bug_id"));
            if (has(original, "srpm")) {
                const QString srpm = pyStr(at(original, "srpm"));
                const QString n = pyStr(at(original, "new"));
                QString status = QStringLiteral("unknown");
                const auto lookup =
                    std::to_array<std::pair<const char *, const char *>>({ { "FAILED", "failed" },
                        { "FREE", "submitted" },
                        { "ASSIGNED", "assigned" },
                        { "CANCELLED", "cancelled" },
                        { "CLOSED", "completed" },
                        { "OPEN", "started" } });
                for (const auto &[k, v] : lookup)
                    if (n == QLatin1String(k))
                        status = QString::fromUtf8(v);
                return format("scratch build of {srpm} for RHBZ#{bug_id} {status}",
                    { { "srpm", srpm }, { "bug_id", bugId }, { "status", status } });
            }
            const QString user = pyStr(at(original, "owner"));
            const QString build = QStringList { pyStr(at(original, "name")),
                pyStr(at(original, "version")),
                pyStr(at(original, "release")) }
                                      .join(QLatin1Char('-'));
            static const auto lookup = std::to_array<const char *>(
                { "started", "completed", "deleted", "cancelled", "failed" });
            const JsonValue &nv = at(original, "new");
            if (!nv.isInteger())
                throw MetaFailure {};
            long long i = nv.toInt64();
            if (i < 0)
                i += 5;
            if (i < 0 || i > 4)
                throw MetaFailure {};
            return format("{user}'s real build of {build} for RHBZ#{bug_id} {status}",
                { { "user", user },
                    { "build", build },
                    { "bug_id", bugId },
                    { "status", QString::fromUtf8(lookup[i]) } });
        }
        return std::nullopt;
    }

    QString subtitle(const MetaContext &c) const override
    {
        if (std::optional<QString> s = bugFiledSubtitle(c))
            return *s;
        if (std::optional<QString> s = followupSubtitle(c))
            return *s;
        const JsonValue &m = c.msg();
        if (c.topicHas("hotness.update.drop")) {
            const JsonValue &original = at(at(m, "trigger"), "msg");
            const QString reason = pyStr(at(m, "reason"));
            const QStringList packages = Py::sortedUnique(packagesOf(c));
            const QString thing =
                packages.isEmpty() ? pyStr(at(at(original, "project"), "name")) : packages.first();
            QString q = QStringLiteral(".... I dunno.  Whatever.");
            if (reason == QLatin1String("anitya"))
                q = QStringLiteral("release-monitoring.org doesn't know what that project is "
                                   "called in Fedora land");
            else if (reason == QLatin1String("bugzilla"))
                q = QStringLiteral("a bugzilla ticket had already been filed");
            else if (reason == QLatin1String("pkgdb"))
                q = QStringLiteral(
                    "pkgdb says the maintainers are not interested in bugs being filed");
            else if (reason == QLatin1String("rawhide"))
                q = QStringLiteral("no rawhide version of the package could be found yet");
            return QStringLiteral("the-new-hotness saw an update for %1, but ").arg(thing) + q;
        }
        if (c.topicHas("hotness.project.map")) {
            const JsonValue &original = at(at(m, "trigger"), "msg");
            const QString package = has(original, "package_listing")
                ? pyStr(at(at(at(original, "package_listing"), "package"), "name"))
                : pyStr(at(at(original, "package"), "name"));
            if (has(m, "reason"))
                return format("hotness tried to map {package} to an upstream project, but failed:  "
                              "\"{reason}\"",
                    { { "package", package }, { "reason", pyStr(at(m, "reason")) } });
            if (has(m, "total"))
                return format(
                    "hotness tried to map {package} to an upstream project, but failed due to "
                    "ambiguity.  {total} other projects share the same homepage",
                    { { "package", package }, { "total", pyStr(at(m, "total")) } });
            if (has(m, "project")) {
                const QString project = pyStr(at(at(m, "project"), "name"));
                return truthy(at(m, "success"))
                    ? format(
                        "hotness mapped {package} to the pre-existing upstream project {project}",
                        { { "package", package }, { "project", project } })
                    : format("hotness tried to map {package} to the pre-existing upstream project "
                             "{project}, "
                             "but failed for unknown reasons",
                        { { "package", package }, { "project", project } });
            }
            return truthy(at(m, "success"))
                ? format("hotness mapped {package} to a brand-new upstream project",
                    { { "package", package } })
                : format("hotness tried to map {package} to a brand-new upstream project, but "
                         "failed for "
                         "unknown reasons",
                    { { "package", package } });
        }
        return {};
    }

    QString link(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (has(m, "bug")) {
            QString base = QStringLiteral("bugzilla.redhat.com/show_bug.cgi?id=");
            if (c.topicHas(".stg."))
                base = QStringLiteral("partner-") + base;
            return QStringLiteral("https://") + base + Py::percentInt(at(at(m, "bug"), "bug_id"));
        }
        if (has(m, "trigger")) {
            const JsonValue &original = at(at(m, "trigger"), "msg");
            if (has(original, "project"))
                return QStringLiteral("https://release-monitoring.org/project/%1/")
                    .arg(Py::percentInt(at(at(original, "project"), "id")));
            if (has(m, "project"))
                return QStringLiteral("https://release-monitoring.org/project/%1/")
                    .arg(Py::percentInt(at(at(m, "project"), "id")));
            if (has(original, "package_listing"))
                return pyStr(at(at(at(original, "package_listing"), "package"), "review_url"));
            if (has(original, "package"))
                return pyStr(at(at(original, "package"), "upstream_url"));
        }
        return {};
    }

    QString secondaryIcon(const MetaContext &c) const override
    {
        const QStringList p = Py::sortedUnique(packagesOf(c));
        return QStringLiteral("https://apps.fedoraproject.org/packages/images/icons/%1.png")
            .arg(p.isEmpty() ? QStringLiteral("package_128x128") : p.first());
    }

    QStringList objects(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        QStringList bugs;
        if (has(m, "bug"))
            bugs << QStringLiteral("bugs/") + Py::percentInt(at(at(m, "bug"), "bug_id"));
        const JsonValue &trigger = at(m, "trigger");
        const JsonValue &original = at(trigger, "msg");
        if (pyStr(at(trigger, "topic")).contains(QLatin1String("anitya"))) {
            QStringList out;
            for (const QString &p : fedoraNames(at(at(original, "message"), "packages")))
                out << QStringLiteral("packages/") + p;
            out << QStringLiteral("projects/") + pyStr(at(at(original, "project"), "name"));
            return out + bugs;
        }
        if (has(original, "package_listing")) {
            QStringList out { QStringLiteral("packages/")
                + pyStr(at(at(at(original, "package_listing"), "package"), "name")) };
            if (has(m, "project"))
                out << QStringLiteral("projects/") + pyStr(at(at(m, "project"), "name"));
            return out;
        }
        if (has(original, "package"))
            return { QStringLiteral("packages/") + pyStr(at(at(original, "package"), "name")) };
        return bugs;
    }

    QStringList usernames(const MetaContext &c) const override
    {
        const JsonValue &trigger = at(c.msg(), "trigger");
        if (pyStr(at(trigger, "topic")).contains(QLatin1String("buildsys.build")))
            return { pyStr(at(at(trigger, "msg"), "owner")) };
        return {};
    }

    QStringList packages(const MetaContext &c) const override { return packagesOf(c); }
};

} // namespace

std::unique_ptr<MetaProcessor> makeHotnessProcessor(ServiceInfo i)
{
    return std::make_unique<HotnessProcessor>(std::move(i));
}

} // namespace fedmsg::render
