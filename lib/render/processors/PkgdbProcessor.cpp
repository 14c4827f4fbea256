// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"
#include <array>

namespace fedmsg::render {

namespace {

QString agentOf(const JsonValue &m)
{
    const JsonValue &a = at(m, "agent");
    if (a.isArray())
        return pyStr(at(a, 0));
    return pyStr(a);
}

QString nsOf(const JsonValue &pkg)
{
    return getStr(pkg, "namespace", QStringLiteral("rpms"));
}

class PkgdbProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    static const JsonValue &packageListing(const JsonValue &m) { return at(m, "package_listing"); }
    static const JsonValue &listedPackage(const JsonValue &m)
    {
        return at(at(m, "package_listing"), "package");
    }
    static QString listingBranch(const JsonValue &m)
    {
        return pyStr(at(at(packageListing(m), "collection"), "branchname"));
    }

    /// ACL changes and branch clones.
    static std::optional<QString> aclUpdateSubtitle(const MetaContext &c)
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("pkgdb.acl.update")) {
            const QString user = pyStr(at(m, "username"));
            const QString status = pyStr(at(m, "status"));
            const QString ns = nsOf(listedPackage(m));
            const QString pkg = pyStr(at(listedPackage(m), "name"));
            const QString acl = pyStr(at(m, "acl"));
            const QString agent = agentOf(m);
            return format("{agent} changed {user}'s '{acl}' permission on {namespace}/{package} "
                          "({branch}) to '{status}'",
                { { "agent", agent },
                    { "acl", acl },
                    { "user", user },
                    { "status", status },
                    { "package", pkg },
                    { "branch", listingBranch(m) },
                    { "namespace", ns } });
        }
        if (c.topicHas("pkgdb.branch.clone")) {
            const QString agent = agentOf(m);
            return format("{agent} branched {namespace}/{package} {branch} from {master}",
                { { "agent", agent },
                    { "namespace", getStr(m, "namespace", QStringLiteral("rpms")) },
                    { "package", pyStr(at(m, "package")) },
                    { "branch", pyStr(at(m, "branch")) },
                    { "master", pyStr(at(m, "master")) } });
        }
        return std::nullopt;
    }

    /// A package's status and its other fields.
    static std::optional<QString> packageUpdateSubtitle(const MetaContext &c)
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("pkgdb.package.update.status")) {
            QString extra;
            const JsonValue &prev = get(m, "prev_status");
            const JsonValue &status = get(m, "status");
            if (has(m, "package_listing"))
                extra = QStringLiteral(" in ") + listingBranch(m);
            QString verb = QStringLiteral("made some updates to");
            const auto map =
                std::to_array<std::pair<const char *, std::pair<const char *, const char *>>>(
                    { { "Orphaned", { "unorphaned", "orphaned" } },
                        { "Retired", { "unretired", "retired" } } });
            for (const auto &[key, lr] : map) {
                const bool prevIs = prev.isString() && prev.toStdString() == key;
                const bool curIs = status.isString() && status.toStdString() == key;
                if (prevIs && !curIs)
                    verb = QString::fromUtf8(lr.first);
                else if (!prevIs && curIs)
                    verb = QString::fromUtf8(lr.second);
            }
            const QString agent = agentOf(m);
            QString ns;
            QString pkg;
            try {
                ns = nsOf(listedPackage(m));
                pkg = pyStr(at(listedPackage(m), "name"));
            } catch (const MetaFailure &) {
                ns = getStr(m, "namespace", QStringLiteral("rpms"));
                pkg = pyStr(at(m, "package"));
            }
            return format("{agent} {verb} {namespace}/{package}{extra}",
                { { "agent", agent },
                    { "package", pkg },
                    { "verb", verb },
                    { "extra", extra },
                    { "namespace", ns } });
        }
        if (c.topicEnds("pkgdb.package.update")) {
            const QString agent = agentOf(m);
            QString ns;
            JsonValue pkg;
            try {
                ns = nsOf(listedPackage(m));
                pkg = at(listedPackage(m), "name");
            } catch (const MetaFailure &) {
                ns = getStr(m, "namespace", QStringLiteral("rpms"));
                pkg = at(m, "package");
            }
            if (pkg.isObject()) {
                ns = getStr(pkg, "namespace", ns);
                pkg = at(pkg, "name");
            }
            if (has(m, "fields"))
                return format("{agent} updated: {fields} of {namespace}/{package}",
                    { { "agent", agent },
                        { "package", pyStr(pkg) },
                        { "namespace", ns },
                        { "fields", Py::strList(at(m, "fields")).join(QStringLiteral(", ")) } });
            return format("{agent} made some updates to {namespace}/{package}",
                { { "agent", agent }, { "package", pyStr(pkg) }, { "namespace", ns } });
        }
        return std::nullopt;
    }

    /// Critpath, new, retired packages, owners and ACL requests.
    static std::optional<QString> packageChangeSubtitle(const MetaContext &c)
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("pkgdb.critpath.update"))
            return format("{agent} altered the critpath status for some packages",
                { { "agent", agentOf(m) } });
        if (c.topicEnds("pkgdb.package.new")) {
            const QString agent = agentOf(m);
            return format("{agent} added a new package '{namespace}/{package}' ({branch})",
                { { "agent", agent },
                    { "namespace", nsOf(listedPackage(m)) },
                    { "package", pyStr(at(listedPackage(m), "name")) },
                    { "branch", listingBranch(m) } });
        }
        if (c.topicHas("pkgdb.acl.request.toggle")) {
            const QString ns = nsOf(listedPackage(m));
            const QString pkg = pyStr(at(listedPackage(m), "name"));
            const QString acl = pyStr(at(m, "acl"));
            const QString agent = agentOf(m);
            return format("{agent} has {action} '{acl}' on {namespace}/{package} ({branch})",
                { { "agent", agent },
                    { "acl", acl },
                    { "action", pyStr(at(m, "acl_action")) },
                    { "package", pkg },
                    { "branch", listingBranch(m) },
                    { "namespace", ns } });
        }
        if (c.topicHas("pkgdb.package.retire")) {
            const QString ns = nsOf(listedPackage(m));
            const QString pkg = pyStr(at(listedPackage(m), "name"));
            const QString action = pyStr(at(m, "retirement"));
            return format("{agent} {action} {namespace}/{package} ({branch})!",
                { { "agent", agentOf(m) },
                    { "action", action },
                    { "package", pkg },
                    { "branch", listingBranch(m) },
                    { "namespace", ns } });
        }
        if (c.topicHas("pkgdb.owner.update")) {
            const JsonValue &l = packageListing(m);
            const QString owner = l.isObject() && l.find("point_of_contact")
                ? pyStr(at(l, "point_of_contact"))
                : pyStr(at(l, "owner"));
            const QString ns = nsOf(listedPackage(m));
            const QString pkg = pyStr(at(listedPackage(m), "name"));
            return format("{agent} changed owner of {namespace}/{package} ({branch}) to '{owner}'",
                { { "agent", agentOf(m) },
                    { "owner", owner },
                    { "package", pkg },
                    { "branch", listingBranch(m) },
                    { "namespace", ns } });
        }
        if (c.topicHas("pkgdb.acl.user.remove")) {
            const JsonValue &pls = at(m, "package_listings");
            const JsonValue &p0 = at(at(pls, 0), "package");
            QStringList branches;
            for (const JsonValue &p : pls.array())
                branches << pyStr(at(at(p, "collection"), "branchname"));
            return format("{agent} removed {user} from {namespace}/{package} ({branches})",
                { { "namespace", nsOf(p0) },
                    { "package", pyStr(at(p0, "name")) },
                    { "user", pyStr(at(m, "username")) },
                    { "agent", agentOf(m) },
                    { "branches", branches.join(QStringLiteral(", ")) } });
        }
        return std::nullopt;
    }

    /// Branches, collections and deletions.
    static std::optional<QString> branchSubtitle(const MetaContext &c)
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("pkgdb.branch.start"))
            return format("{agent} started a branch of {tobranch} from {frombranch}",
                { { "agent", agentOf(m) },
                    { "frombranch", pyStr(at(at(m, "collection_from"), "branchname")) },
                    { "tobranch", pyStr(at(at(m, "collection_to"), "branchname")) } });
        if (c.topicHas("pkgdb.branch.complete"))
            return format("{agent}'s branch of {tobranch} from {frombranch} completed",
                { { "agent", agentOf(m) },
                    { "frombranch", pyStr(at(at(m, "collection_from"), "branchname")) },
                    { "tobranch", pyStr(at(at(m, "collection_to"), "branchname")) } });
        if (c.topicHas("pkgdb.collection.new"))
            return format("{agent} created a new collection for {name} {version}",
                { { "agent", agentOf(m) },
                    { "name", pyStr(at(at(m, "collection"), "name")) },
                    { "version", pyStr(at(at(m, "collection"), "version")) } });
        if (c.topicHas("pkgdb.collection.update"))
            return format(
                "{agent} updated the following fields of the {name} {version} collection: {fields}",
                { { "agent", agentOf(m) },
                    { "name", pyStr(at(at(m, "collection"), "name")) },
                    { "version", pyStr(at(at(m, "collection"), "version")) },
                    { "fields", Py::strList(at(m, "fields")).join(QStringLiteral(", ")) } });
        if (c.topicHas("pkgdb.package.delete")) {
            const QString agent = agentOf(m);
            return format("{agent} deleted the '{namespace}/{package}' package from the pkgdb",
                { { "agent", agent },
                    { "namespace", nsOf(at(m, "package")) },
                    { "package", pyStr(at(at(m, "package"), "name")) } });
        }
        if (c.topicHas("pkgdb.package.branch.delete")) {
            const QString agent = agentOf(m);
            return format(
                "{agent} deleted the {branch} branch of the '{namespace}/{package}' package",
                { { "agent", agent },
                    { "namespace", nsOf(listedPackage(m)) },
                    { "package", pyStr(at(listedPackage(m), "name")) },
                    { "branch", listingBranch(m) } });
        }
        if (c.topicEnds("pkgdb.package.branch.new")) {
            const QString agent = agentOf(m);
            return format(
                "{agent} created the branch '{branch}' for the package '{namespace}/{package}'",
                { { "agent", agent },
                    { "namespace", nsOf(at(m, "package")) },
                    { "package", pyStr(at(at(m, "package"), "name")) },
                    { "branch", listingBranch(m) } });
        }
        if (c.topicHas("pkgdb.acl.delete")) {
            const JsonValue &a = at(m, "acl");
            const JsonValue &plist = at(a, "packagelist");
            return format(
                "{agent} deleted {user}'s {acl} rights from {namespace}/{package} ({branch})",
                { { "namespace", nsOf(at(plist, "package")) },
                    { "package", pyStr(at(at(plist, "package"), "name")) },
                    { "branch", pyStr(at(at(plist, "collection"), "branchname")) },
                    { "acl", pyStr(at(a, "acl")) },
                    { "user", pyStr(at(a, "fas_name")) },
                    { "agent", pyStr(at(m, "agent")) } });
        }
        return std::nullopt;
    }

    /// Requests and the admin actions on them.
    static std::optional<QString> requestSubtitle(const MetaContext &c)
    {
        const JsonValue &m = c.msg();
        if (c.topicEnds("pkgdb.package.branch.request"))
            return format("{agent} requested branch {new_branch} for package {namespace}/{package}",
                { { "namespace", nsOf(at(m, "package")) },
                    { "package", pyStr(at(at(m, "package"), "name")) },
                    { "new_branch", pyStr(at(at(m, "collection_to"), "branchname")) },
                    { "agent", pyStr(at(m, "agent")) } });
        if (c.topicEnds("pkgdb.package.new.request"))
            return format("{agent} requested package {namespace}/{package} on branch {branch}",
                { { "namespace", nsOf(at(m, "info")) },
                    { "package", pyStr(at(at(m, "info"), "pkg_name")) },
                    { "branch", pyStr(at(at(m, "collection"), "branchname")) },
                    { "agent", pyStr(at(m, "agent")) } });
        if (c.topicEnds("pkgdb.admin.action.status.update")) {
            const JsonValue &action = at(m, "action");
            const QString agent = pyStr(at(m, "agent"));
            const QString owner = pyStr(at(action, "user"));
            const QString branch = pyStr(at(at(action, "collection"), "branchname"));
            QString ns;
            QString pkg;
            try {
                ns = nsOf(at(action, "info"));
                pkg = pyStr(at(at(action, "info"), "pkg_name"));
            } catch (const MetaFailure &) {
                ns = nsOf(at(action, "package"));
                pkg = pyStr(at(at(action, "package"), "name"));
            }
            QString act = pyStr(at(action, "action"));
            if (act == QLatin1String("request.package"))
                act = QStringLiteral("package request");
            else if (act == QLatin1String("request.branch"))
                act = QStringLiteral("branch request");
            const QString oldStatus = pyStr(at(m, "old_status"));
            const QString newStatus = pyStr(at(m, "new_status"));
            QString tmpl = QStringLiteral(
                "{agent} changed {owner}'s {action} for {namespace}/{package} in {branch} "
                "from {old_status} to {new_status}");
            const JsonValue &message = get(action, "message");
            if (truthy(message))
                tmpl += QStringLiteral(" with message: {message}");
            return format(tmpl,
                { { "agent", agent },
                    { "owner", owner },
                    { "action", act },
                    { "package", pkg },
                    { "branch", branch },
                    { "old_status", oldStatus },
                    { "new_status", newStatus },
                    { "message", pyStr(message) },
                    { "namespace", ns } });
        }
        return std::nullopt;
    }

    /// A package's critpath flag.
    static std::optional<QString> critpathSubtitle(const MetaContext &c)
    {
        if (std::optional<QString> s = aclUpdateSubtitle(c))
            return *s;
        if (std::optional<QString> s = packageUpdateSubtitle(c))
            return *s;
        if (std::optional<QString> s = packageChangeSubtitle(c))
            return *s;
        if (std::optional<QString> s = branchSubtitle(c))
            return *s;
        if (std::optional<QString> s = requestSubtitle(c))
            return *s;
        const JsonValue &m = c.msg();
        if (c.topicEnds("pkgdb.package.critpath.update")) {
            const QString agent = pyStr(at(m, "agent"));
            const JsonValue &cp = at(m, "critpath");
            QString action;
            if (cp.isBool() || cp.isInteger()) {
                const long long v = cp.isBool() ? (cp.toBool() ? 1 : 0) : cp.toInt64();
                if (v == 0 || v == -2)
                    action = QStringLiteral("unset");
                else if (v == 1 || v == -1)
                    action = QStringLiteral("set");
                else
                    throw MetaFailure { "IndexError" };
            } else {
                throw MetaFailure { "TypeError" };
            }
            return format("{agent} {action} the critpath flag on the {namespace}/{package} package "
                          "({branches})",
                { { "agent", agent },
                    { "action", action },
                    { "namespace", nsOf(at(m, "package")) },
                    { "package", pyStr(at(at(m, "package"), "name")) },
                    { "branches", Py::strList(at(m, "branches")).join(QStringLiteral(", ")) } });
        }
        return std::nullopt;
    }

    QString subtitle(const MetaContext &c) const override
    {
        if (std::optional<QString> s = critpathSubtitle(c))
            return *s;
        if (std::optional<QString> s = aclUpdateSubtitle(c))
            return *s;
        if (std::optional<QString> s = packageUpdateSubtitle(c))
            return *s;
        if (std::optional<QString> s = packageChangeSubtitle(c))
            return *s;
        if (std::optional<QString> s = branchSubtitle(c))
            return *s;
        if (std::optional<QString> s = requestSubtitle(c))
            return *s;
        const JsonValue &m = c.msg();
        if (c.topicEnds("pkgdb.package.monitor.update"))
            return format("{agent} set the monitor flag of {namespace}/{package} to {status}",
                { { "agent", pyStr(at(m, "agent")) },
                    { "status", pyStr(at(m, "status")) },
                    { "namespace", nsOf(at(m, "package")) },
                    { "package", pyStr(at(at(m, "package"), "name")) } });
        if (c.topicEnds("pkgdb.package.unretire.request"))
            return format("{agent} asks that {namespace}/{package} be unretired on {branch}",
                { { "agent", pyStr(at(m, "agent")) },
                    { "branch", pyStr(at(at(m, "collection"), "branchname")) },
                    { "namespace", nsOf(at(m, "package")) },
                    { "package", pyStr(at(at(m, "package"), "name")) } });
        if (c.topicEnds("pkgdb.package.koschei.update"))
            return format(
                "{agent} set the koschei monitoring flag of {namespace}/{package} to {status}",
                { { "agent", pyStr(at(m, "agent")) },
                    { "status", pyStr(at(m, "status")) },
                    { "namespace", nsOf(at(m, "package")) },
                    { "package", pyStr(at(at(m, "package"), "name")) } });
        throw MetaFailure { "NotImplementedError" };
    }

    QString secondaryIcon(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        QString user;
        bool haveUser = false;
        try {
            user = agentOf(m);
            haveUser = truthy(at(m, "agent"));
        } catch (const MetaFailure &) {}
        if (m.isObject() && m.find("username")) {
            user = pyStr(at(m, "username"));
            haveUser = truthy(at(m, "username"));
        }
        if (!haveUser)
            return { QLatin1String("") };
        return avatar(user);
    }

    QStringList usernames(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        QStringList users;
        try {
            users << agentOf(m);
        } catch (const MetaFailure &) {}
        try {
            users << pyStr(at(at(m, "acl"), "fas_name"));
        } catch (const MetaFailure &) {}
        try {
            users << pyStr(at(m, "username"));
        } catch (const MetaFailure &) {}
        users.removeAll(QStringLiteral("orphan"));
        return users;
    }

    QStringList objects(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        auto plPkgName = [&] {
            return pyStr(at(at(at(m, "package_listing"), "package"), "name"));
        };
        if (c.topicHas("pkgdb.acl.update"))
            return { QStringLiteral("%1/acls/%2/%3/%4")
                         .arg(plPkgName(),
                             listingBranch(m),
                             pyStr(at(m, "acl")),
                             pyStr(at(m, "username"))) };
        if (c.topicEnds("pkgdb.package.new"))
            return { plPkgName() + QStringLiteral("/create") };
        if (c.topicHas("pkgdb.acl.request.toggle"))
            return {
                QStringLiteral("%1/acls/%2/%3/%4")
                    .arg(plPkgName(), listingBranch(m), pyStr(at(m, "acl")), pyStr(at(m, "agent")))
            };
        if (c.topicHas("pkgdb.package.retire"))
            return { plPkgName() + QStringLiteral("/retire") };
        if (c.topicHas("pkgdb.acl.user.remove"))
            return { QStringLiteral("%1/remove/%2")
                         .arg(pyStr(at(at(at(at(m, "package_listings"), 0), "package"), "name")),
                             pyStr(at(m, "username"))) };
        if (c.topicHas("pkgdb.owner.update"))
            return { QStringLiteral("%1/owner/%2").arg(plPkgName(), listingBranch(m)) };
        if (c.topicHas("pkgdb.package.update")) {
            JsonValue pkg;
            try {
                pkg = at(at(at(m, "package_listing"), "package"), "name");
            } catch (const MetaFailure &) {
                pkg = at(m, "package");
            }
            if (pkg.isObject())
                pkg = at(pkg, "name");
            return { pyStr(pkg) + QStringLiteral("/update") };
        }
        if (c.topicHas("pkgdb.branch.clone"))
            return { pyStr(at(m, "package")) + QStringLiteral("/branch") };
        if (c.topicHas("pkgdb.package.delete"))
            return { pyStr(at(at(m, "package"), "name")) + QStringLiteral("/package/delete") };
        if (c.topicHas("pkgdb.package.branch.delete"))
            return { QStringLiteral("%1/%2/delete").arg(plPkgName(), listingBranch(m)) };
        if (c.topicHas("pkgdb.package.branch.new"))
            return { QStringLiteral("%1/%2/new")
                         .arg(pyStr(at(at(m, "package"), "name")), listingBranch(m)) };
        if (c.topicHas("pkgdb.acl.delete")) {
            const JsonValue &a = at(m, "acl");
            return { QStringLiteral("%1/acls/%2/%3/%4")
                         .arg(pyStr(at(at(at(a, "packagelist"), "package"), "name")),
                             pyStr(at(at(at(a, "packagelist"), "collection"), "branchname")),
                             pyStr(at(a, "acl")),
                             pyStr(at(a, "fas_name"))) };
        }
        if (c.topicEnds("pkgdb.package.branch.request"))
            return { QStringLiteral("%1/branch/request/%2/%3")
                         .arg(pyStr(at(at(m, "package"), "name")),
                             pyStr(at(at(m, "collection_to"), "branchname")),
                             pyStr(at(m, "agent"))) };
        if (c.topicEnds("pkgdb.package.new.request"))
            return { QStringLiteral("new/package/request/%1/%2/%3")
                         .arg(pyStr(at(at(m, "info"), "pkg_name")),
                             pyStr(at(at(m, "collection"), "branchname")),
                             pyStr(at(m, "agent"))) };
        if (c.topicEnds("pkgdb.admin.action.status.update")) {
            const JsonValue &action = at(m, "action");
            QString pkg;
            try {
                pkg = pyStr(at(at(action, "info"), "pkg_name"));
            } catch (const MetaFailure &) {
                pkg = pyStr(at(at(action, "package"), "name"));
            }
            return { QStringLiteral("action/%1/status/%2/%3/%4")
                         .arg(pyStr(at(action, "id")),
                             pkg,
                             pyStr(at(at(action, "collection"), "branchname")),
                             pyStr(at(m, "agent"))) };
        }
        if (c.topicEnds("pkgdb.package.critpath.update"))
            return { pyStr(at(at(m, "package"), "name")) + QStringLiteral("/critpath") };
        if (c.topicEnds("pkgdb.package.monitor.update"))
            return { QStringLiteral("%1/monitor/%2")
                         .arg(pyStr(at(at(m, "package"), "name")),
                             pyStr(at(m, "status")).toLower()) };
        if (c.topicEnds("pkgdb.package.koschei.update"))
            return { QStringLiteral("%1/koschei/%2")
                         .arg(pyStr(at(at(m, "package"), "name")),
                             pyStr(at(m, "status")).toLower()) };
        if (c.topicEnds("pkgdb.package.unretire.request"))
            return { QStringLiteral("%1/unretire/%2")
                         .arg(pyStr(at(at(m, "package"), "name")),
                             pyStr(at(at(m, "collection"), "branchname"))) };
        return {};
    }

    QStringList packages(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString ns = c.config.value(QStringLiteral("namespace"), QStringLiteral("rpms"));
        auto nsOk = [&](const JsonValue &pkg, std::string_view key = "namespace") {
            return !has(pkg, key) || pyStr(at(pkg, key)) == ns;
        };
        QStringList out;
        try {
            const JsonValue &pkg = at(at(m, "package_listing"), "package");
            if (nsOk(pkg))
                out << pyStr(at(pkg, "name"));
        } catch (const MetaFailure &) {}
        try {
            for (const JsonValue &p : at(m, "package_listings").array()) {
                const JsonValue &pkg = at(p, "package");
                if (nsOk(pkg))
                    out << pyStr(at(pkg, "name"));
            }
        } catch (const MetaFailure &) {}
        try {
            const JsonValue &pkg = at(m, "package");
            if (pkg.isString()) {
                if (nsOk(m))
                    out << pyStr(pkg);
            } else if (nsOk(pkg)) {
                out << pyStr(at(pkg, "name"));
            }
        } catch (const MetaFailure &) {}
        try {
            const JsonValue &pkg = at(at(at(m, "acl"), "packagelist"), "package");
            if (nsOk(pkg))
                out << pyStr(at(pkg, "name"));
        } catch (const MetaFailure &) {}
        try {
            const JsonValue &inf = at(m, "info");
            if (nsOk(inf, "pkg_namespace"))
                out << pyStr(at(inf, "pkg_name"));
        } catch (const MetaFailure &) {}
        try {
            const JsonValue &inf = at(at(m, "action"), "info");
            if (!has(inf, "pkg_namespace")
                || pyStr(at(at(at(m, "info"), "action"), "pkg_namespace")) == ns)
                out << pyStr(at(inf, "pkg_name"));
        } catch (const MetaFailure &) {}
        try {
            const JsonValue &pkg = at(at(m, "action"), "package");
            if (nsOk(pkg))
                out << pyStr(at(pkg, "name"));
        } catch (const MetaFailure &) {}
        return out;
    }

    QString link(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        auto url = [](const QString &ns, const QString &pkg) {
            return QStringLiteral("https://admin.fedoraproject.org/pkgdb/package/%1/%2/")
                .arg(ns, pkg);
        };
        if (c.topicHas("pkgdb.package.new.request"))
            return url(nsOf(at(m, "info")), pyStr(at(at(m, "info"), "pkg_name")));
        if (c.topicHas("pkgdb.admin.action.status.update")) {
            const JsonValue &action = at(m, "action");
            try {
                const QString ns = nsOf(at(action, "info"));
                return url(ns, pyStr(at(at(action, "info"), "pkg_name")));
            } catch (const MetaFailure &) {
                const QString ns = nsOf(at(action, "package"));
                return url(ns, pyStr(at(at(action, "package"), "name")));
            }
        }
        for (const char *t : { "pkgdb.acl.update",
                 "pkgdb.acl.request.toggle",
                 "pkgdb.owner.update",
                 "pkgdb.package.retire",
                 "pkgdb.package.new",
                 "pkgdb.package.branch.new" })
            if (c.topicHas(t)) {
                const JsonValue &pkg = at(at(m, "package_listing"), "package");
                return url(nsOf(pkg), pyStr(at(pkg, "name")));
            }
        if (c.topicHas("pkgdb.acl.user.remove")) {
            const JsonValue &pkg = at(at(at(m, "package_listings"), 0), "package");
            return url(nsOf(pkg), pyStr(at(pkg, "name")));
        }
        for (const char *t :
            { "pkgdb.package.update", "pkgdb.branch.clone", "package.branch.request" })
            if (c.topicHas(t)) {
                QString ns;
                JsonValue pkg;
                try {
                    const JsonValue &p = at(at(m, "package_listing"), "package");
                    ns = nsOf(p);
                    pkg = at(p, "name");
                } catch (const MetaFailure &) {
                    ns = getStr(m, "namespace", QStringLiteral("rpms"));
                    pkg = at(m, "package");
                }
                if (pkg.isObject()) {
                    ns = getStr(pkg, "namespace", ns);
                    pkg = at(pkg, "name");
                }
                return url(ns, pyStr(pkg));
            }
        return { QLatin1String("") };
    }
};

} // namespace

std::unique_ptr<MetaProcessor> makePkgdbProcessor(ServiceInfo i)
{
    return std::make_unique<PkgdbProcessor>(std::move(i));
}

} // namespace fedmsg::render
