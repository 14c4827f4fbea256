// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"

namespace fedmsg::render {

namespace {

class GithubProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    static QString mapUser(const JsonValue &m, const QString &u)
    {
        const JsonValue &map = at(m, "fas_usernames");
        const JsonValue &f = get(map, u.toStdString());
        return f.isNull() && !has(map, u.toStdString()) ? u : pyStr(f);
    }

    /// nullopt = Python None
    static std::optional<QString> user(const JsonValue &m)
    {
        if (truthy(get(m, "commit"))) {
            JsonValue u = get(at(m, "commit"), "author");
            if (truthy(u))
                u = get(u, "login");
            if (truthy(u))
                return mapUser(m, pyStr(u));
        }
        if (truthy(get(m, "pusher")))
            return mapUser(m, pyStr(at(at(m, "pusher"), "name")));
        if (truthy(get(m, "sender")))
            return mapUser(m, pyStr(at(at(m, "sender"), "login")));
        if (truthy(get(m, "forkee")))
            return mapUser(m, pyStr(at(at(at(m, "forkee"), "owner"), "login")));
        return std::nullopt;
    }
    static QString userS(const JsonValue &m)
    {
        const auto u = user(m);
        return u ? *u : QStringLiteral("None");
    }

    static std::optional<QString> repo(const JsonValue &m)
    {
        try {
            const JsonValue &r = at(m, "repository");
            const JsonValue &owner = at(r, "owner");
            if (has(owner, "login"))
                return pyStr(at(owner, "login")) + QLatin1Char('/') + pyStr(at(r, "name"));
            return pyStr(at(owner, "name")) + QLatin1Char('/') + pyStr(at(r, "name"));
        } catch (const MetaFailure &) {
            return std::nullopt;
        }
    }

    QString link(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("github.deployment_status"))
            return pyStr(at(at(m, "deployment_status"), "target_url"));
        if (c.topicHas("github.watch"))
            return pyStr(at(at(m, "repository"), "html_url")) + QStringLiteral("/watchers");
        if (c.topicHas("github.star"))
            return pyStr(at(at(m, "repository"), "html_url")) + QStringLiteral("/stargazers");
        if (c.topicHas("github.page_build")) {
            const QStringList t =
                pyStr(at(at(m, "repository"), "html_url")).split(QLatin1Char('/'));
            if (t.size() < 2)
                throw MetaFailure {};
            return QStringLiteral("http://%1.github.io/%2/").arg(t.at(t.size() - 2), t.last());
        }
        if (has(m, "release"))
            return pyStr(at(at(m, "release"), "html_url"));
        if (has(m, "target_url"))
            return pyStr(at(m, "target_url"));
        if (has(m, "compare"))
            return pyStr(at(m, "compare"));
        for (const char *k :
            { "comment", "review", "pull_request", "issue", "forkee", "repository" })
            if (has(m, k))
                return pyStr(at(at(m, k), "html_url"));
        return {};
    }

    QString longForm(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (c.topicHas(".pull_request_review_comment") || c.topicHas(".issue.comment"))
            return pyStr(at(at(m, "comment"), "body"));
        if (c.topicHas(".issue.reopened"))
            return pyStr(at(at(m, "issue"), "body"));
        if (c.topicHas("commit_comment"))
            return pyStr(at(at(m, "comment"), "body"));
        return {}; // github.push fetches the patch from the network: not done here
    }

    /// Webhooks, deployments and pushes.
    static std::optional<QString> pushSubtitle(
        const MetaContext &c, const QString &u, const QString &rp)
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("github.webhook"))
            return QStringLiteral("A new github repository has been added to fedmsg");
        if (c.topicHas("github.deployment_status"))
            return format("{user}'s deployment status for {repo} updated to \"{status}\"",
                { { "user", u },
                    { "repo", rp },
                    { "status", pyStr(at(at(m, "deployment_status"), "state")) } });
        if (c.topicHas("github.push")) {
            const JsonValue &commits = at(m, "commits");
            if (!commits.isArray() && !commits.isObject() && !commits.isString())
                throw MetaFailure { "TypeError" };
            return format("{user} pushed {n} commit(s) to {repo}",
                { { "user", u },
                    { "repo", rp },
                    { "n",
                        QString::number(
                            commits.isString() ? Py::len(pyStr(commits)) : commits.size()) } });
        }
        return std::nullopt;
    }

    /// Pull requests.
    static std::optional<QString> pullRequestSubtitle(
        const MetaContext &c, const QString &u, const QString &rp)
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("github.pull_request.")) {
            QString action = pyStr(at(m, "action"));
            if (action == QLatin1String("synchronize"))
                action = QStringLiteral("synchronized");
            const QString n = pyStr(at(m, "number"));
            if (action == QLatin1String("opened"))
                return format("{user} {action} pull request #{n} on {repo}: {title}",
                    { { "user", u },
                        { "action", action },
                        { "n", n },
                        { "repo", rp },
                        { "title", pyStr(at(at(m, "pull_request"), "title")) } });
            return format("{user} {action} pull request #{n} on {repo}",
                { { "user", u }, { "action", action }, { "n", n }, { "repo", rp } });
        }
        return std::nullopt;
    }

    /// Issues and reviews.
    static std::optional<QString> issueSubtitle(
        const MetaContext &c, const QString &u, const QString &rp)
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("github.issue.")) {
            const QString action =
                has(m, "comment") ? QStringLiteral("commented on") : pyStr(at(m, "action"));
            const QString n =
                has(m, "number") ? pyStr(at(m, "number")) : pyStr(at(at(m, "issue"), "number"));
            if (action == QLatin1String("opened"))
                return format("{user} {action} issue #{n} on {repo}: {title}",
                    { { "user", u },
                        { "action", action },
                        { "n", n },
                        { "repo", rp },
                        { "title", pyStr(at(at(m, "issue"), "title")) } });
            if (action == QLatin1String("labeled"))
                return format("{user} added label {label} to issue #{n} on {repo}",
                    { { "user", u },
                        { "label", pyStr(at(at(m, "label"), "name")) },
                        { "n", n },
                        { "repo", rp } });
            return format("{user} {action} issue #{n} on {repo}",
                { { "user", u }, { "action", action }, { "n", n }, { "repo", rp } });
        }
        if (c.topicHas("github.pull_request_review")
            && !c.topicHas("github.pull_request_review_comment")) {
            const QString n = pyStr(at(at(m, "pull_request"), "number"));
            QString state = pyStr(at(at(m, "review"), "state"));
            QString tmpl;
            if (state == QLatin1String("pending"))
                tmpl = QStringLiteral(
                    "{user} commented on PR #{n} on {repo} which is in {state} state");
            if (state == QLatin1String("approved"))
                tmpl = QStringLiteral("{user} {state} the changes on PR #{n} on {repo}");
            if (state == QLatin1String("changes_requested")) {
                state = QStringLiteral("requested changes");
                tmpl = QStringLiteral("{user} {state} on PR #{n} on {repo}");
            }
            if (state == QLatin1String("commented"))
                tmpl = QStringLiteral("{user} {state} on PR #{n} on {repo}");
            if (tmpl.isEmpty())
                throw MetaFailure { "UnboundLocalError" };
            return format(tmpl, { { "user", u }, { "n", n }, { "repo", rp }, { "state", state } });
        }
        return std::nullopt;
    }

    /// Comments and repository events.
    static std::optional<QString> repositorySubtitle(
        const MetaContext &c, const QString &u, const QString &rp)
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("github.pull_request_review_comment"))
            return format("{user} commented on PR #{n} on {repo}",
                { { "user", u },
                    { "n", pyStr(at(at(m, "pull_request"), "number")) },
                    { "repo", rp } });
        if (c.topicHas("github.commit_comment"))
            return format(
                "{user} commented on a commit on {repo}", { { "user", u }, { "repo", rp } });
        if (c.topicHas("github.create"))
            return format("{user} created a new {typ} \"{ref}\" at {repo}",
                { { "user", u },
                    { "repo", rp },
                    { "ref", pyStr(at(m, "ref")) },
                    { "typ", pyStr(at(m, "ref_type")) } });
        if (c.topicHas("github.delete"))
            return format("{user} deleted the \"{ref}\" {typ} at {repo}",
                { { "user", u },
                    { "repo", rp },
                    { "ref", pyStr(at(m, "ref")) },
                    { "typ", pyStr(at(m, "ref_type")) } });
        if (c.topicHas("github.fork"))
            return format("{user} forked {repo}", { { "user", u }, { "repo", rp } });
        if (c.topicHas("github.status"))
            return format("{description} for {repo} {sha}",
                { { "description", pyStr(at(m, "description")) },
                    { "repo", rp },
                    { "sha", Py::slice(pyStr(at(m, "sha")), 8) } });
        if (c.topicHas("github.watch"))
            return format("{user} {action} watching {repo}",
                { { "user", u }, { "repo", rp }, { "action", pyStr(at(m, "action")) } });
        if (c.topicHas("github.star")) {
            const QString action = pyStr(at(m, "action")) == QLatin1String("started")
                ? QStringLiteral("starred")
                : QStringLiteral("unstarred");
            return format(
                "{user} {action} {repo}", { { "user", u }, { "repo", rp }, { "action", action } });
        }
        return std::nullopt;
    }

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString u = userS(m);
        const auto r = repo(m);
        const QString rp = r ? *r : QStringLiteral("None");
        if (std::optional<QString> s = pushSubtitle(c, u, rp))
            return *s;
        if (std::optional<QString> s = pullRequestSubtitle(c, u, rp))
            return *s;
        if (std::optional<QString> s = issueSubtitle(c, u, rp))
            return *s;
        if (std::optional<QString> s = repositorySubtitle(c, u, rp))
            return *s;
        if (c.topicHas("github.release")) {
            const QString version = pyStr(at(at(m, "release"), "tag_name"));
            if (!r || !r->contains(QLatin1Char('/')))
                throw MetaFailure {};
            return format("{user} cut a release of {repo}, version {version}",
                { { "user", u },
                    { "repo", r->section(QLatin1Char('/'), 1) },
                    { "version", version } });
        }
        if (c.topicHas("github.page_build"))
            return format(
                "{user} rebuilt the github.io page for {repo}", { { "user", u }, { "repo", rp } });
        if (c.topicHas("github.team_add"))
            return format("The '{team_name}' team was added to the {repo} repository",
                { { "team_name", pyStr(at(at(m, "team"), "slug")) }, { "repo", rp } });
        if (c.topicHas("github.member")) {
            const bool added = pyStr(at(m, "action")) == QLatin1String("added");
            return format(added ? "{user} added {member} as a member of {repo}"
                                : "{user} removed member {member} from {repo}",
                { { "user", u },
                    { "member", pyStr(at(at(m, "member"), "login")) },
                    { "repo", rp } });
        }
        return {};
    }

    QString secondaryIcon(const MetaContext &c) const override
    {
        if (c.topicHas("github.webhook"))
            return icon(c);
        const auto u = user(c.msg());
        return avatar(u ? *u : QStringLiteral("None"));
    }

    QStringList usernames(const MetaContext &c) const override
    {
        const JsonValue &map = at(c.msg(), "fas_usernames");
        if (!map.isObject())
            throw MetaFailure {};
        QStringList out;
        for (const auto &[k, v] : map.object()) {
            const QString name = pyStr(v);
            if (!name.startsWith(QLatin1String("github_org_")))
                out << name;
        }
        return out;
    }

    QStringList objects(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString suffix = c.topic.split(QLatin1Char('.')).mid(3, 2).join(QLatin1Char('.'));
        static const QHash<QString, QString> lookup = {
            { QStringLiteral("github.push"), QStringLiteral("tree") },
            { QStringLiteral("github.issue"), QStringLiteral("issues") },
            { QStringLiteral("github.fork"), QStringLiteral("forks") },
            { QStringLiteral("github.status"), QStringLiteral("status") },
            { QStringLiteral("github.pull_request"), QStringLiteral("pull") },
            { QStringLiteral("github.pull_request_review"), QStringLiteral("pull") },
            { QStringLiteral("github.pull_request_review_comment"), QStringLiteral("pull") },
            { QStringLiteral("github.commit_comment"), QStringLiteral("tree") },
            { QStringLiteral("github.release"), QStringLiteral("releases") },
            { QStringLiteral("github.create"), QString() },
            { QStringLiteral("github.delete"), QString() },
            { QStringLiteral("github.watch"), QString() },
            { QStringLiteral("github.star"), QString() },
            { QStringLiteral("github.page_build"), QStringLiteral("page_build") },
            { QStringLiteral("github.team_add"), QStringLiteral("team_add") },
            { QStringLiteral("github.member"), QStringLiteral("member") },
            { QStringLiteral("github.deployment_status"), QStringLiteral("deployment_status") },
        };
        if (!lookup.contains(suffix))
            return {};
        const auto r = repo(m);
        if (!r)
            throw MetaFailure { "TypeError" };
        QString base = *r;
        if (!lookup.value(suffix).isEmpty())
            base += QLatin1Char('/') + lookup.value(suffix);
        QStringList items;
        if (has(m, "commits")) {
            for (const JsonValue &cm : at(m, "commits").array())
                items = Py::strList(at(cm, "added")) + Py::strList(at(cm, "removed"))
                    + Py::strList(at(cm, "modified"));
        } else if (suffix == QLatin1String("github.pull_request")) {
            items = { pyStr(at(m, "number")) };
        } else if (suffix == QLatin1String("github.issue")) {
            items = { has(m, "number") ? pyStr(at(m, "number"))
                                       : pyStr(at(at(m, "issue"), "number")) };
        } else if (suffix.contains(QLatin1String("github.pull_request_review"))) {
            items = { pyStr(at(at(m, "pull_request"), "number")) };
        } else if (suffix == QLatin1String("github.fork")) {
            items = { userS(m) };
        } else if (suffix == QLatin1String("github.create")
            || suffix == QLatin1String("github.delete")) {
            items = { pyStr(at(m, "ref_type")) + QLatin1Char('/') + pyStr(at(m, "ref")) };
        } else if (suffix == QLatin1String("github.status")) {
            items = { pyStr(at(at(m, "commit"), "sha")) };
        } else if (suffix == QLatin1String("github.commit_comment")) {
            items = { pyStr(at(at(m, "comment"), "path")) };
        } else if (suffix == QLatin1String("github.release")) {
            items = { pyStr(at(at(m, "release"), "tag_name")) };
        } else if (suffix == QLatin1String("github.watch")) {
            items = { QStringLiteral("watchers") };
        } else if (suffix == QLatin1String("github.star")) {
            items = { QStringLiteral("stargazers") };
        }
        if (items.isEmpty())
            return { base };
        QStringList out;
        for (const QString &i : items)
            out << base + QLatin1Char('/') + i;
        return out;
    }
};

} // namespace

std::unique_ptr<MetaProcessor> makeGithubProcessor(ServiceInfo i)
{
    return std::make_unique<GithubProcessor>(std::move(i));
}

} // namespace fedmsg::render
