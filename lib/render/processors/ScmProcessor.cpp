// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"

#include <utility>

namespace fedmsg::render {

namespace {

class ScmProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    static QString topicRepo(const MetaContext &c)
    {
        QStringList p = c.topic.split(QLatin1Char('.'));
        p = p.mid(5);
        if (!p.isEmpty())
            p.removeLast();
        return p.join(QLatin1Char('.'));
    }
    /// A dict body: Python's `except KeyError` around msg['msg'][...] does not catch the
    /// TypeError of a body that is a string, a list or None.
    static const JsonValue &dictBody(const MetaContext &c)
    {
        const JsonValue &m = c.msg();
        if (!m.isObject())
            throw MetaFailure { "TypeError" };
        return m;
    }
    /// A new branch's package and branch: from the body, else (legacy) from the topic.
    static std::pair<QString, QString> branchRepo(const MetaContext &c)
    {
        const JsonValue &m = dictBody(c);
        if (m.find("name") && m.find("branch"))
            return { pyStr(at(m, "name")), pyStr(at(m, "branch")) };
        return { topicRepo(c), c.topic.split(QLatin1Char('.')).last() };
    }
    static QString commitRepo(const MetaContext &c)
    {
        const JsonValue &cm = at(c.msg(), "commit");
        if (has(cm, "repo"))
            return pyStr(at(cm, "repo"));
        return topicRepo(c);
    }

    QString secondaryIcon(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (c.topicHas(".git.receive")) {
            const JsonValue &cm = at(m, "commit");
            if (has(cm, "username"))
                return avatar(pyStr(at(cm, "username")));
            return avatarEmail(pyStr(at(cm, "email")));
        }
        if (c.topicHas(".git.lookaside"))
            return avatar(pyStr(at(m, "agent")));
        if (has(m, "agent"))
            return avatar(pyStr(at(m, "agent")));
        return {};
    }

    QString longForm(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (c.topicHas(".git.receive")) {
            const JsonValue &cm = at(m, "commit");
            if (truthy(get(cm, "seen")))
                return QStringLiteral("This commit already existed in another branch.");
            return {}; // the patch is fetched from src.fedoraproject.org: not done here
        }
        if (c.topicHas(".git.lookaside"))
            return format("{xsum}  {filename}",
                { { "xsum", pyStr(at(m, "md5sum")) }, { "filename", pyStr(at(m, "filename")) } });
        return {};
    }

    /// Pushes and new branches.
    static std::optional<QString> pushSubtitle(const MetaContext &c)
    {
        const JsonValue &m = c.msg();
        if (c.topicHas(".git.receive")) {
            QString repo = commitRepo(c);
            const JsonValue &cm = at(m, "commit");
            if (has(cm, "namespace"))
                repo = pyStr(at(cm, "namespace")) + QLatin1Char('/') + repo;
            const QString user =
                has(cm, "username") ? pyStr(at(cm, "username")) : pyStr(at(cm, "email"));
            QString summ = pyStr(at(cm, "summary"));
            if (summ.trimmed() != pyStr(at(cm, "message")).trimmed())
                summ += QStringLiteral(" (..more)");
            return format("{user} pushed to {repo} ({branch}).  \"{summary}\"",
                { { "user", user },
                    { "repo", repo },
                    { "branch", pyStr(at(cm, "branch")) },
                    { "summary", summ } });
        }
        if (c.topicHas(".git.branch")) {
            auto [repo, branch] = branchRepo(c);
            if (has(m, "namespace"))
                repo = pyStr(at(m, "namespace")) + QLatin1Char('/') + repo;
            return format("{agent} created branch '{branch}' for the '{repo}' package",
                { { "agent", pyStr(at(m, "agent")) }, { "branch", branch }, { "repo", repo } });
        }
        return std::nullopt;
    }

    QString subtitle(const MetaContext &c) const override
    {
        if (std::optional<QString> s = pushSubtitle(c))
            return *s;
        const JsonValue &m = c.msg();
        if (c.topicHas(".git.lookaside"))
            return format("{agent} uploaded {filename} for {name}",
                { { "agent", pyStr(at(m, "agent")) },
                    { "name", pyStr(at(m, "name")) },
                    { "filename", pyStr(at(m, "filename")) } });
        QString tmpl;
        if (c.topicHas(".git.mass_branch.start"))
            tmpl = QStringLiteral("{agent} started a mass branch");
        else if (c.topicHas(".git.mass_branch.complete"))
            tmpl = QStringLiteral("mass branch started by {agent} completed");
        else if (c.topicHas(".git.pkgdb2branch.start"))
            tmpl = QStringLiteral("{agent} started a run of pkgdb2branch");
        else if (c.topicHas(".git.pkgdb2branch.complete")) {
            const JsonValue &ub = get(m, "unbranchedPackages");
            const auto errors = truthy(ub) ? ub.size() : 0;
            if (errors == 0)
                tmpl = QStringLiteral("run of pkgdb2branch started by {agent} completed");
            else if (errors == 1)
                tmpl =
                    QStringLiteral("run of pkgdb2branch started by {agent} completed with 1 error");
            else
                tmpl = QStringLiteral(
                    "run of pkgdb2branch started by {agent} completed with %1 errors")
                           .arg(errors);
        } else {
            throw MetaFailure { "UnboundLocalError" };
        }
        return format(tmpl, { { "agent", getStr(m, "agent", QStringLiteral("(somebody)")) } });
    }

    QString link(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString prefix = QStringLiteral("https://src.fedoraproject.org");
        if (c.topicHas(".git.receive")) {
            const QString repo = commitRepo(c);
            const JsonValue &cm = at(m, "commit");
            return QStringLiteral("%1/%2/%3/c/%4?branch=%5")
                .arg(prefix,
                    getStr(cm, "namespace", QStringLiteral("rpms")),
                    repo,
                    pyStr(at(cm, "rev")),
                    pyStr(at(cm, "branch")));
        }
        if (c.topicHas(".git.branch")) {
            auto [repo, branch] = branchRepo(c);
            return QStringLiteral("%1/%2/%3/commits/%4")
                .arg(prefix, getStr(m, "namespace", QStringLiteral("rpms")), repo, branch);
        }
        if (c.topicHas(".git.lookaside")) {
            QString path;
            if (has(m, "path"))
                path = pyStr(at(m, "path"));
            else {
                const QString filename = pyStr(at(m, "filename"));
                path = QStringLiteral("%1/%2/%3/%2")
                           .arg(pyStr(at(m, "name")), filename, pyStr(at(m, "md5sum")));
            }
            return QStringLiteral("https://src.fedoraproject.org/lookaside/pkgs/") + path;
        }
        return {};
    }

    QStringList usernames(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (has(m, "agent"))
            return { pyStr(at(m, "agent")) };
        if (has(at(m, "commit"), "username"))
            return { pyStr(at(at(m, "commit"), "username")) };
        return {};
    }

    static QStringList packagesOf(const MetaContext &c)
    {
        const JsonValue &m = c.msg();
        if (has(m, "namespace")) {
            const QString ns = pyStr(at(m, "namespace"));
            if (ns != QLatin1String("rpms") && ns != QLatin1String("rpms-checks"))
                return {};
        }
        if (c.topicHas("git.receive")) {
            try {
                return { pyStr(at(at(m, "commit"), "repo")) };
            } catch (const MetaFailure &f) {
                if (!f.isKeyError())
                    throw; // a body that is not a dict: Python's TypeError, no packages
                return { topicRepo(c) };
            }
        }
        if (c.topicHas("git.branch"))
            return { has(dictBody(c), "name") ? pyStr(at(m, "name")) : topicRepo(c) };
        if (c.topicHas(".git.pkgdb2branch.complete")) {
            QStringList out;
            for (const char *k : { "unbranchedPackages", "branchedPackages" }) {
                const JsonValue &v = get(m, k);
                if (truthy(v))
                    out << Py::strList(v);
            }
            return out;
        }
        if (c.topicHas(".git.lookaside"))
            return { pyStr(at(m, "name")) };
        return {};
    }
    QStringList packages(const MetaContext &c) const override { return packagesOf(c); }

    QStringList objects(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("git.receive")) {
            const QString repo = commitRepo(c);
            QStringList out;
            for (const QString &f : iter(at(at(at(m, "commit"), "stats"), "files")))
                out << repo + QLatin1Char('/') + f;
            return out;
        }
        if (c.topicHas(".git.branch"))
            return { (has(dictBody(c), "name") ? pyStr(at(m, "name")) : topicRepo(c))
                + QStringLiteral("/__git__") };
        if (c.topicHas(".git.pkgdb2branch.complete")) {
            QStringList out;
            for (const QString &p : packagesOf(c))
                out << p + QStringLiteral("/__git__");
            return out;
        }
        if (c.topicHas(".git.lookaside"))
            return { pyStr(at(m, "name")) + QLatin1Char('/') + pyStr(at(m, "filename")) };
        return {};
    }
};

} // namespace

std::unique_ptr<MetaProcessor> makeScmProcessor(ServiceInfo i)
{
    return std::make_unique<ScmProcessor>(std::move(i));
}

} // namespace fedmsg::render
