// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"

#include <optional>

namespace fedmsg::render {

namespace {

class InfraGitProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    static QString repo(const JsonValue &m)
    {
        return pyStr(Py::path(m, { "commit", "path" })).split(QLatin1Char('/')).last();
    }

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString r = repo(m);
        const JsonValue &commit = at(m, "commit");
        const QString user = pyStr(at(commit, "username"));
        QString summ = pyStr(at(commit, "summary"));
        if (summ.trimmed() != pyStr(at(commit, "message")).trimmed())
            summ += QStringLiteral(" (..more)");
        return format(
            "{user} pushed a commit to the fedora-infra {repo} repo ({branch}):  \"{summary}\"",
            { { "user", user },
                { "repo", r },
                { "branch", pyStr(at(commit, "branch")) },
                { "summary", summ } });
    }

    QString link(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString r = repo(m);
        if (r == QLatin1String("puppet"))
            return { QLatin1String("") };
        return QStringLiteral(
            "https://infrastructure.fedoraproject.org/cgit/%1.git/commit/?h=%2&id=%3")
            .arg(r,
                pyStr(Py::path(m, { "commit", "branch" })),
                pyStr(Py::path(m, { "commit", "rev" })));
    }

    std::optional<QString> agent(const MetaContext &c) const override
    {
        return pyStr(Py::path(c.msg(), { "commit", "username" }));
    }
    QString secondaryIcon(const MetaContext &c) const override { return avatar(*agent(c)); }
    QStringList usernames(const MetaContext &c) const override { return { *agent(c) }; }

    QStringList objects(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString r = repo(m);
        QStringList out;
        for (const QString &f : iter(Py::path(m, { "commit", "stats", "files" })))
            out << r + QLatin1Char('/') + f;
        return out;
    }
};

} // namespace

std::unique_ptr<MetaProcessor> makeInfraGitProcessor(ServiceInfo i)
{
    return std::make_unique<InfraGitProcessor>(std::move(i));
}

} // namespace fedmsg::render
