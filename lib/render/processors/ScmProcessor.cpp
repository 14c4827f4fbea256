// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"

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
    static QString commitRepo(const MetaContext &c)
    {
        const JsonValue &cm = at(c.msg(), "commit");
        if (has(cm, "repo"))
            return S(at(cm, "repo"));
        return topicRepo(c);
    }

    QString secondaryIcon(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (c.topicHas(".git.receive")) {
            const JsonValue &cm = at(m, "commit");
            if (has(cm, "username"))
                return avatar(S(at(cm, "username")));
            return avatarEmail(S(at(cm, "email")));
        }
        if (c.topicHas(".git.lookaside"))
            return avatar(S(at(m, "agent")));
        if (has(m, "agent"))
            return avatar(S(at(m, "agent")));
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
                { { "xsum", S(at(m, "md5sum")) }, { "filename", S(at(m, "filename")) } });
        return {};
    }

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (c.topicHas(".git.receive")) {
            QString repo = commitRepo(c);
            const JsonValue &cm = at(m, "commit");
            if (has(cm, "namespace"))
                repo = S(at(cm, "namespace")) + QLatin1Char('/') + repo;
            const QString user = has(cm, "username") ? S(at(cm, "username")) : S(at(cm, "email"));
            QString summ = S(at(cm, "summary"));
            if (summ.trimmed() != S(at(cm, "message")).trimmed())
                summ += QStringLiteral(" (..more)");
            return format("{user} pushed to {repo} ({branch}).  \"{summary}\"",
                { { "user", user },
                    { "repo", repo },
                    { "branch", S(at(cm, "branch")) },
                    { "summary", summ } });
        }
        if (c.topicHas(".git.branch")) {
            QString repo, branch;
            if (m.isObject() && m.find("name") && m.find("branch")) {
                repo = S(at(m, "name"));
                branch = S(at(m, "branch"));
            } else {
                repo = topicRepo(c);
                branch = c.topic.split(QLatin1Char('.')).last();
            }
            if (has(m, "namespace"))
                repo = S(at(m, "namespace")) + QLatin1Char('/') + repo;
            return format("{agent} created branch '{branch}' for the '{repo}' package",
                { { "agent", S(at(m, "agent")) }, { "branch", branch }, { "repo", repo } });
        }
        if (c.topicHas(".git.lookaside"))
            return format("{agent} uploaded {filename} for {name}",
                { { "agent", S(at(m, "agent")) },
                    { "name", S(at(m, "name")) },
                    { "filename", S(at(m, "filename")) } });
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
        return format(tmpl, { { "agent", getS(m, "agent", QStringLiteral("(somebody)")) } });
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
                    getS(cm, "namespace", QStringLiteral("rpms")),
                    repo,
                    S(at(cm, "rev")),
                    S(at(cm, "branch")));
        }
        if (c.topicHas(".git.branch")) {
            QString repo, branch;
            if (m.isObject() && m.find("name") && m.find("branch")) {
                repo = S(at(m, "name"));
                branch = S(at(m, "branch"));
            } else {
                repo = topicRepo(c);
                branch = c.topic.split(QLatin1Char('.')).last();
            }
            return QStringLiteral("%1/%2/%3/commits/%4")
                .arg(prefix, getS(m, "namespace", QStringLiteral("rpms")), repo, branch);
        }
        if (c.topicHas(".git.lookaside")) {
            QString path;
            if (has(m, "path"))
                path = S(at(m, "path"));
            else {
                const QString filename = S(at(m, "filename"));
                path = QStringLiteral("%1/%2/%3/%2")
                           .arg(S(at(m, "name")), filename, S(at(m, "md5sum")));
            }
            return QStringLiteral("https://src.fedoraproject.org/lookaside/pkgs/") + path;
        }
        return {};
    }

    QStringList usernames(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (has(m, "agent"))
            return { S(at(m, "agent")) };
        if (has(at(m, "commit"), "username"))
            return { S(at(at(m, "commit"), "username")) };
        return {};
    }

    static QStringList packagesOf(const MetaContext &c)
    {
        const JsonValue &m = c.msg();
        if (has(m, "namespace")) {
            const QString ns = S(at(m, "namespace"));
            if (ns != QLatin1String("rpms") && ns != QLatin1String("rpms-checks"))
                return {};
        }
        if (c.topicHas("git.receive")) {
            try {
                return { S(at(at(m, "commit"), "repo")) };
            } catch (const MetaFailure &) {
                return { topicRepo(c) };
            }
        }
        if (c.topicHas("git.branch"))
            return { has(m, "name") ? S(at(m, "name")) : topicRepo(c) };
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
            return { S(at(m, "name")) };
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
            return { (has(m, "name") ? S(at(m, "name")) : topicRepo(c))
                + QStringLiteral("/__git__") };
        if (c.topicHas(".git.pkgdb2branch.complete")) {
            QStringList out;
            for (const QString &p : packagesOf(c))
                out << p + QStringLiteral("/__git__");
            return out;
        }
        if (c.topicHas(".git.lookaside"))
            return { S(at(m, "name")) + QLatin1Char('/') + S(at(m, "filename")) };
        return {};
    }
};

} // namespace

std::unique_ptr<MetaProcessor> makeScmProcessor(ServiceInfo i)
{
    return std::make_unique<ScmProcessor>(std::move(i));
}

} // namespace fedmsg::render
