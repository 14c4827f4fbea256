// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"

namespace fedmsg::render {

namespace {

QString getProject(const JsonValue &m, std::string_view key = "project")
{
    const JsonValue &p = at(m, key);
    QString project = pyStr(at(p, "name"));
    const JsonValue &ns = get(p, "namespace");
    if (truthy(ns))
        project = pyStr(ns) + QLatin1Char('/') + project;
    if (truthy(at(p, "parent")))
        project =
            QStringLiteral("fork/") + pyStr(at(at(p, "user"), "name")) + QLatin1Char('/') + project;
    return project;
}

QString projectOrUnknown(const JsonValue &m)
{
    try {
        return getProject(m);
    } catch (const MetaFailure &) {}
    try {
        return getProject(at(m, "pullrequest"));
    } catch (const MetaFailure &) {}
    return QStringLiteral("(unknown)");
}

QString stripHeads(QString b)
{
    return b.replace(QStringLiteral("refs/heads/"), QString());
}

std::string_view prKey(const JsonValue &m)
{
    for (std::string_view k : { "pullrequest", "pull_request", "pull-request" })
        if (has(m, k))
            return k;
    return "pullrequest";
}

QString series(const JsonValue &v)
{
    return Py::listToSeries(Py::strList(v));
}

class PagureProcessor : public MetaProcessor
{
public:
    PagureProcessor(ServiceInfo i, QString stgLink)
        : MetaProcessor(std::move(i))
        , m_stgLink(std::move(stgLink))
    {}

    /// An issue, at the comment when one was added or edited.
    static std::optional<QString> issueLink(
        const MetaContext &c, const QString &project, const QString &base, const QString &tmpl)
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("pagure.issue")) {
            const QString id = pyStr(at(at(m, "issue"), "id"));
            if (c.topicHas("comment.edited")) {
                const JsonValue &comment = get(m, "comment");
                QString commentId;
                if (truthy(comment) && truthy(get(comment, "id")))
                    commentId = pyStr(get(comment, "id"));
                if (!commentId.isEmpty() && project != QLatin1String("(unknown)"))
                    return tmpl + QStringLiteral("/issue/") + id + QStringLiteral("#comment-")
                        + commentId;
                if (project != QLatin1String("(unknown)"))
                    return tmpl + QStringLiteral("/issue/") + id;
                return base;
            }
            if (c.topicHas("comment.added")) {
                const JsonValue &comments = at(at(m, "issue"), "comments");
                if (truthy(comments))
                    return tmpl + QStringLiteral("/issue/") + id + QStringLiteral("#comment-")
                        + pyStr(at(at(comments, -1), "id"));
                return tmpl + QStringLiteral("/issue/") + id;
            }
            return tmpl + QStringLiteral("/issue/") + id;
        }
        return std::nullopt;
    }

    /// A pull request, at its latest comment when there is one.
    static std::optional<QString> pullRequestLink(const MetaContext &c, const QString &tmpl)
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("pagure.pull-request")) {
            const QString id = pyStr(at(at(m, prKey(m)), "id"));
            if (c.topicHas("comment")) {
                const JsonValue &comments = at(at(m, "pullrequest"), "comments");
                if (truthy(comments))
                    return tmpl + QStringLiteral("/pull-request/") + id
                        + QStringLiteral("#comment-") + pyStr(at(at(comments, -1), "id"));
                if (truthy(get(m, "comment")))
                    return tmpl + QStringLiteral("/pull-request/") + id
                        + QStringLiteral("#comment-") + pyStr(at(at(m, "comment"), "id"));
                return tmpl + QStringLiteral("/pull-request/") + id;
            }
            return tmpl + QStringLiteral("/pull-request/") + id;
        }
        return std::nullopt;
    }

    QString link(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString project = projectOrUnknown(m);
        QString base = c.topicHas(".stg.") ? m_stgLink : info().link;
        QString tmpl = base + QLatin1Char('/') + project;
        if (std::optional<QString> s = issueLink(c, project, base, tmpl))
            return *s;
        if (std::optional<QString> s = pullRequestLink(c, tmpl))
            return *s;
        if (c.topicHas("pagure.request"))
            return tmpl + QStringLiteral("/pull-request/") + pyStr(at(at(m, "request"), "id"));
        if (c.topicHas("pagure.project.deleted"))
            return base;
        if (c.topicHas("pagure.project"))
            return tmpl;
        if (c.topicHas("pagure.commit.flag"))
            return base + QLatin1Char('/') + getProject(m, "repo") + QStringLiteral("/c/")
                + pyStr(at(at(m, "flag"), "commit_hash"));
        if (c.topicHas("pagure.git.receive")) {
            if (has(m, "commit"))
                return base + QLatin1Char('/') + getProject(at(m, "commit"), "repo")
                    + QLatin1Char('/') + pyStr(at(at(m, "commit"), "rev"));
            return base + QLatin1Char('/') + getProject(m, "repo") + QStringLiteral("/tree/")
                + stripHeads(pyStr(at(m, "branch")));
        }
        return base;
    }

    static QString issueId(const JsonValue &m) { return pyStr(at(at(m, "issue"), "id")); }

    static QString pullRequestId(const JsonValue &m)
    {
        return pyStr(at(at(m, "pullrequest"), "id"));
    }

    /// New projects; issues filed, dropped, commented on and tagged.
    static std::optional<QString> issueSubtitle(
        const MetaContext &c, const QString &project, const QString &user)
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("pagure.project.new"))
            return format("{user} created a new project \"{project}\"",
                { { "user", user }, { "project", project } });
        if (c.topicHas("pagure.issue.new"))
            return format("{user} opened a new ticket {project}#{id}: \"{title}\"",
                { { "user", user },
                    { "project", project },
                    { "id", issueId(m) },
                    { "title", pyStr(at(at(m, "issue"), "title")) } });
        if (c.topicHas("pagure.issue.drop"))
            return format("{user} deleted ticket {project}#{id}: \"{title}\"",
                { { "user", user },
                    { "project", project },
                    { "id", issueId(m) },
                    { "title", pyStr(at(at(m, "issue"), "title")) } });
        if (c.topicHas("pagure.issue.comment.edited"))
            return format("{user} edited a comment on ticket {project}#{id}: \"{title}\"",
                { { "user", user },
                    { "project", project },
                    { "id", issueId(m) },
                    { "title", pyStr(at(at(m, "issue"), "title")) } });
        if (c.topicHas("pagure.issue.comment.added"))
            return format("{user} commented on ticket {project}#{id}: \"{title}\"",
                { { "user", user },
                    { "project", project },
                    { "id", issueId(m) },
                    { "title", pyStr(at(at(m, "issue"), "title")) } });
        if (c.topicHas("pagure.issue.tag.added"))
            return format("{user} tagged ticket {project}#{id}: {tags}",
                { { "user", user },
                    { "project", project },
                    { "id", issueId(m) },
                    { "tags", series(at(m, "tags")) } });
        if (c.topicHas("pagure.issue.tag.removed"))
            return format("{user} removed the {tags} tags from ticket {project}#{id}",
                { { "user", user },
                    { "project", project },
                    { "id", issueId(m) },
                    { "tags", series(at(m, "tags")) } });
        if (c.topicHas("pagure.pull-request.tag.added"))
            return format("{user} tagged pull-request {project}#{id}: {tags}",
                { { "user", user },
                    { "project", project },
                    { "id", pyStr(at(at(m, "pull_request"), "id")) },
                    { "tags", series(at(m, "tags")) } });
        if (c.topicHas("pagure.pull-request.tag.removed"))
            return format("{user} removed the {tags} tags from pull-request {project}#{id}",
                { { "user", user },
                    { "project", project },
                    { "id", pyStr(at(at(m, "pull_request"), "id")) },
                    { "tags", series(at(m, "tags")) } });
        return std::nullopt;
    }

    /// Issue assignments, dependencies and edits.
    static std::optional<QString> issueChangeSubtitle(
        const MetaContext &c, const QString &project, const QString &user)
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("pagure.issue.assigned.added")) {
            const QString id = issueId(m);
            const JsonValue &a = at(at(m, "issue"), "assignee");
            const QString assignee =
                truthy(a) ? QStringLiteral(" to ") + pyStr(at(a, "name")) : QString();
            return format("{user} assigned ticket {project}#{id}{assignee}",
                { { "user", user },
                    { "project", project },
                    { "id", id },
                    { "assignee", assignee } });
        }
        if (c.topicHas("pagure.issue.assigned.reset"))
            return format("{user} reset the assignee of ticket {project}#{id}",
                { { "user", user }, { "project", project }, { "id", issueId(m) } });
        if (c.topicHas("pagure.issue.dependency.added"))
            return format(
                "{user} added ticket {project}#{id} as a dependency of ticket {project}#{dep_id}",
                { { "user", user },
                    { "project", project },
                    { "id", issueId(m) },
                    { "dep_id", pyStr(at(m, "added_dependency")) } });
        if (c.topicHas("pagure.issue.dependency.removed"))
            return format("{user} removed ticket {project}#{id} as a dependency of ticket "
                          "{project}#{removed}",
                { { "user", user },
                    { "project", project },
                    { "id", issueId(m) },
                    { "removed", pyStr(at(m, "removed_dependency")) } });
        if (c.topicHas("pagure.issue.edit")) {
            const QString id = issueId(m);
            const JsonValue &fields = at(m, "fields");
            if (fields.isArray() && fields.size() == 1 && fields[0].isString()
                && fields[0].toStdString() == "status")
                return format("{user} set the status of ticket {project}#{id} to: {status}",
                    { { "user", user },
                        { "project", project },
                        { "id", id },
                        { "status", pyStr(at(at(m, "issue"), "status")) } });
            return format("{user} edited the {fields} fields of ticket {project}#{id}",
                { { "user", user },
                    { "project", project },
                    { "id", id },
                    { "fields", series(fields) } });
        }
        return std::nullopt;
    }

    /// Project edits, groups, users, tags and forks.
    static std::optional<QString> projectSubtitle(
        const MetaContext &c, const QString &project, const QString &user)
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("pagure.project.edit"))
            return format("{user} edited the {fields} fields of project {project}",
                { { "user", user },
                    { "project", project },
                    { "fields", series(at(m, "fields")) } });
        if (c.topicHas("pagure.project.group.added")) {
            const JsonValue &access = get(m, "access");
            return format(truthy(access)
                    ? "{user} added group \"{new_group}\" to project {project} with {access} access"
                    : "{user} added group \"{new_group}\" to project {project}",
                { { "user", user },
                    { "project", project },
                    { "new_group", pyStr(at(m, "new_group")) },
                    { "access", pyStr(access) } });
        }
        if (c.topicHas("pagure.project.group.access.updated"))
            return format("{user} updated access of group \"{new_group}\" to {new_access} on "
                          "project {project}",
                { { "user", user },
                    { "project", project },
                    { "new_group", pyStr(at(m, "new_group")) },
                    { "new_access", pyStr(at(m, "new_access")) } });
        if (c.topicHas("pagure.project.user.added")) {
            const QString newUser = pyStr(at(m, "new_user"));
            const JsonValue &access = get(m, "access");
            return format(truthy(access)
                    ? "{user} added \"{new_user}\" to project {project} with {access} access"
                    : "{user} added \"{new_user}\" to project {project}",
                { { "user", user },
                    { "project", project },
                    { "new_user", newUser },
                    { "access", pyStr(access) } });
        }
        if (c.topicHas("pagure.project.user.access.updated"))
            return format(
                "{user} updated access of \"{new_user}\" to {new_access} in project {project}",
                { { "user", user },
                    { "project", project },
                    { "new_user", pyStr(at(m, "new_user")) },
                    { "new_access", pyStr(at(m, "new_access")) } });
        if (c.topicHas("pagure.project.tag.removed"))
            return format("{user} removed tags \"{tags}\" from project {project}",
                { { "user", user }, { "project", project }, { "tags", series(at(m, "tags")) } });
        if (c.topicHas("pagure.project.tag.edited"))
            return format(
                R"({user} altered tags on project {project} from "{old_tag}" to "{new_tag}")",
                { { "user", user },
                    { "project", project },
                    { "old_tag", pyStr(at(m, "old_tag")) },
                    { "new_tag", pyStr(at(m, "new_tag")) } });
        if (c.topicHas("pagure.project.forked"))
            return format("{user} forked {old_project} to {project}",
                { { "user", user },
                    { "project", project },
                    { "old_project", pyStr(at(at(at(m, "project"), "parent"), "name")) } });
        return std::nullopt;
    }

    /// Pull requests: comments, state, flags.
    static std::optional<QString> pullRequestSubtitle(
        const MetaContext &c, const QString &project, const QString &user)
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("pagure.pull-request.comment.added"))
            return format("{user} commented on PR #{id} on {project}",
                { { "user", user }, { "id", pullRequestId(m) }, { "project", project } });
        if (c.topicHas("pagure.pull-request.comment.edited"))
            return format("{user} edited a comment on PR #{id} on {project}",
                { { "user", user }, { "id", pullRequestId(m) }, { "project", project } });
        if (c.topicHas("pagure.pull-request.closed")) {
            const QString id = pullRequestId(m);
            return format(truthy(at(m, "merged"))
                    ? "{user} merged pull request #{id} on {project}"
                    : "{user} closed (without merging) pull request #{id} on {project}",
                { { "user", user }, { "id", id }, { "project", project } });
        }
        if (c.topicHas("pagure.pull-request.new"))
            return format("{user} opened pull request #{id} on {project}: {title}",
                { { "user", user },
                    { "id", pullRequestId(m) },
                    { "project", project },
                    { "title", pyStr(at(at(m, "pullrequest"), "title")) } });
        if (c.topicHas("pagure.pull-request.updated"))
            return format("Pull-request #{id} has been updated", { { "id", pullRequestId(m) } });
        if (c.topicHas("pagure.pull-request.rebased"))
            return format("Pull-request #{id} has been rebased", { { "id", pullRequestId(m) } });
        if (c.topicHas("pagure.pull-request.flag.added"))
            return format("{username} flagged {project}#{id} with \"{comment}\"",
                { { "id", pullRequestId(m) },
                    { "username", pyStr(at(at(m, "flag"), "username")) },
                    { "comment", pyStr(at(at(m, "flag"), "comment")) },
                    { "project", project } });
        if (c.topicHas("pagure.pull-request.flag.updated"))
            return format("{username} updated the flags on {project}#{id} with: \"{comment}\"",
                { { "id", pullRequestId(m) },
                    { "username", pyStr(at(at(m, "flag"), "username")) },
                    { "comment", pyStr(at(at(m, "flag"), "comment")) },
                    { "project", project } });
        return std::nullopt;
    }

    /// Pull request assignments.
    static std::optional<QString> requestSubtitle(
        const MetaContext &c, const QString &project, const QString &user)
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("pagure.request.assigned.added")) {
            const QString id = pyStr(at(at(m, "request"), "id"));
            const JsonValue &a = at(at(m, "request"), "assignee");
            const QString assignee =
                truthy(a) ? QStringLiteral(" to ") + pyStr(at(a, "name")) : QString();
            return format("{user} assigned PR {project}#{id}{assignee}",
                { { "user", user },
                    { "project", project },
                    { "id", id },
                    { "assignee", assignee } });
        }
        if (c.topicHas("pagure.request.assigned.reset"))
            return format("{user} reset the assignee of PR {project}#{id}",
                { { "user", user },
                    { "project", project },
                    { "id", pyStr(at(at(m, "request"), "id")) } });
        return std::nullopt;
    }

    /// Pushes.
    static std::optional<QString> pushSubtitle(const MetaContext &c)
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("pagure.git.receive")) {
            if (has(m, "commit")) {
                const JsonValue &cm = at(m, "commit");
                const QString repo = getProject(cm, "repo");
                const QString email = pyStr(at(cm, "email"));
                QString fasUser = c.fas.emailToFas(email);
                QString summ = pyStr(at(cm, "summary"));
                const QString whole = pyStr(at(cm, "message"));
                if (summ.trimmed() != whole.trimmed())
                    summ += QStringLiteral(" (..more)");
                const QString branch = stripHeads(pyStr(at(cm, "branch")));
                return format("{user} pushed to {repo} ({branch}). \"{summary}\"",
                    { { "user", fasUser.isEmpty() ? email : fasUser },
                        { "repo", repo },
                        { "branch", branch },
                        { "summary", summ } });
            }
            const QString repo = getProject(m, "repo");
            const QString agent = pyStr(at(m, "agent"));
            const QString n = pyStr(at(m, "total_commits"));
            const QString branch = stripHeads(pyStr(at(m, "branch")));
            return format("{user} pushed {n_commits} {commit_lbl} to {repo} ({branch})",
                { { "user", agent },
                    { "repo", repo },
                    { "branch", branch },
                    { "n_commits", n },
                    { "commit_lbl",
                        n == QLatin1String("1") ? QString::fromUtf8("commit")
                                                : QString::fromUtf8("commits") } });
        }
        return std::nullopt;
    }

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString project = projectOrUnknown(m);
        const QString user = pyStr(get(m, "agent"));
        if (std::optional<QString> s = issueSubtitle(c, project, user))
            return *s;
        if (std::optional<QString> s = issueChangeSubtitle(c, project, user))
            return *s;
        if (std::optional<QString> s = projectSubtitle(c, project, user))
            return *s;
        if (std::optional<QString> s = pullRequestSubtitle(c, project, user))
            return *s;
        if (std::optional<QString> s = requestSubtitle(c, project, user))
            return *s;
        if (std::optional<QString> s = pushSubtitle(c))
            return *s;
        if (c.topicHas("pagure.project.deleted"))
            return format("{user} deleted the project \"{project}\"",
                { { "user", user }, { "project", project } });
        if (c.topicHas("pagure.commit.flag.added") || c.topicHas("pagure.commit.flag.updated")) {
            const bool added = c.topicHas("pagure.commit.flag.added");
            const QString flagUser = pyStr(at(at(m, "flag"), "username"));
            const QString repo = getProject(m, "repo");
            const QString commit = Py::slice(pyStr(at(at(m, "flag"), "commit_hash")), 8);
            return format(added
                    ? "{user} added a flag on the commit {commit} of the project {project}"
                    : "{user} updated its flag on the commit {commit} of the project {project}",
                { { "user", flagUser }, { "project", repo }, { "commit", commit } });
        }
        if (c.topicHas("pagure.project.user.removed"))
            return format("{user} removed \"{removed_user}\" from the project {project}",
                { { "user", user },
                    { "project", project },
                    { "removed_user", pyStr(at(m, "removed_user")) } });
        return {};
    }

    QString secondaryIcon(const MetaContext &c) const override
    {
        const JsonValue &u = get(c.msg(), "agent");
        return truthy(u) ? avatar(pyStr(u)) : QString();
    }

    QStringList usernames(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        QString user = strIfTruthy(get(m, "agent"));
        if (user.isEmpty() && c.topicHas("pagure.git.receive"))
            user = c.fas.emailToFas(pyStr(at(at(m, "commit"), "email")));
        return user.isEmpty() ? QStringList {} : QStringList { user };
    }

    QStringList objects(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString project = projectOrUnknown(m);
        if (c.topicHas("pagure.project"))
            return { QStringLiteral("project/") + project };
        if (c.topicHas("pagure.issue"))
            return { QStringLiteral("issue/") + pyStr(at(at(m, "issue"), "id")),
                QStringLiteral("project/") + project };
        if (c.topicHas("pagure.pull-request"))
            return { QStringLiteral("pull-request/") + pyStr(at(at(m, prKey(m)), "id")),
                QStringLiteral("project/") + project };
        if (c.topicHas("pagure.request"))
            return { QStringLiteral("pull-request/") + pyStr(at(at(m, "request"), "id")),
                QStringLiteral("project/") + project };
        if (c.topicHas("pagure.git.receive"))
            return { QStringLiteral("project/")
                + (has(m, "commit") ? getProject(at(m, "commit"), "repo")
                                    : getProject(m, "repo")) };
        if (c.topicHas("pagure.commit.flag"))
            return { QStringLiteral("project/") + getProject(m, "repo") };
        return {};
    }

private:
    QString m_stgLink;
};

} // namespace

std::unique_ptr<MetaProcessor> makePagureProcessor(ServiceInfo i)
{
    return std::make_unique<PagureProcessor>(std::move(i), QStringLiteral("https://stg.pagure.io"));
}
std::unique_ptr<MetaProcessor> makeDistGitPagureProcessor(ServiceInfo i)
{
    return std::make_unique<PagureProcessor>(
        std::move(i), QStringLiteral("https://src.stg.fedoraproject.org"));
}

} // namespace fedmsg::render
