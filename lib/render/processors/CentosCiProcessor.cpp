// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"
#include <array>

namespace fedmsg::render {

namespace {

QString orDefault(const JsonValue &v, const char *fallback)
{
    return truthy(v) ? pyStr(v) : QString::fromUtf8(fallback);
}

QString ciStatus(const QString &status)
{
    const QString s = status.toLower();
    if (s == QLatin1String("success"))
        return QStringLiteral("passed");
    if (s == QLatin1String("aborted"))
        return QStringLiteral("was aborted on");
    if (s == QLatin1String("unstable"))
        return QStringLiteral("errored");
    return QStringLiteral("failed");
}

struct Step
{
    const char *suffix;
    bool usesStatus;
    const char *tmpl;
};

const auto kSteps = std::to_array<Step>({
    { ".package.complete",
        true,
        "{revtype} {rev} of package {ns}/{pkg} {status} building in the {pipeline_name} pipeline "
        "on branch {branch}" },
    { ".package.queued",
        false,
        "{revtype} {rev} of package {ns}/{pkg} is queued to be built in the {pipeline_name} "
        "pipeline on branch {branch}" },
    { ".package.running",
        false,
        "{revtype} {rev} of package {ns}/{pkg} is being built in the {pipeline_name} pipeline on "
        "branch {branch}" },
    { ".package.test.functional.complete",
        true,
        "{revtype} {rev} of package {ns}/{pkg} {status} its functional tests in the "
        "{pipeline_name} pipeline on branch {branch}" },
    { ".package.test.functional.queued",
        false,
        "{revtype} {rev} of package {ns}/{pkg} is queued for functional testing in the "
        "{pipeline_name} pipeline on branch {branch}" },
    { ".package.test.functional.running",
        false,
        "{revtype} {rev} of package {ns}/{pkg} is running its functional tests in the "
        "{pipeline_name} pipeline on branch {branch}" },
    { ".container.test.functional.complete",
        true,
        "{revtype} {rev} of container {ns}/{pkg} {status} its functional tests in the "
        "{pipeline_name} pipeline on branch {branch}" },
    { ".container.test.functional.queued",
        false,
        "{revtype} {rev} of container {ns}/{pkg} is queued for functional testing in the "
        "{pipeline_name} pipeline on branch {branch}" },
    { ".container.test.functional.running",
        false,
        "{revtype} {rev} of container {ns}/{pkg} is running its functional tests in the "
        "{pipeline_name} pipeline on branch {branch}" },
    { ".compose.complete",
        true,
        "{revtype} {rev} of package {ns}/{pkg} {status} a compose in the {pipeline_name} pipeline "
        "on branch {branch}" },
    { ".compose.queued",
        false,
        "{revtype} {rev} of package {ns}/{pkg} is queued for a compose in the {pipeline_name} "
        "pipeline on branch {branch}" },
    { ".compose.running",
        false,
        "{revtype} {rev} of package {ns}/{pkg} is being part of a compose in the {pipeline_name} "
        "pipeline on branch {branch}" },
    { ".compose.test.integration.complete",
        true,
        "{revtype} {rev} of package {ns}/{pkg} {status} its tests as part of a compose in the "
        "{pipeline_name} pipeline on branch {branch}" },
    { ".compose.test.integration.queued",
        false,
        "{revtype} {rev} of package {ns}/{pkg} is queued for tests as part of a compose in the "
        "{pipeline_name} pipeline on branch {branch}" },
    { ".compose.test.integration.running",
        false,
        "{revtype} {rev} of package {ns}/{pkg} is being tested as part of a compose in the "
        "{pipeline_name} pipeline on branch {branch}" },
    { ".image.complete",
        true,
        "{revtype} {rev} of package {ns}/{pkg} {status} being built in an image in the "
        "{pipeline_name} pipeline on branch {branch}" },
    { ".image.queued",
        false,
        "{revtype} {rev} of package {ns}/{pkg} is queued to be built in an image in the "
        "{pipeline_name} pipeline on branch {branch}" },
    { ".image.running",
        false,
        "{revtype} {rev} of package {ns}/{pkg} is being built in an image in the {pipeline_name} "
        "pipeline on branch {branch}" },
    { ".image.test.smoke.complete",
        true,
        "{revtype} {rev} of package {ns}/{pkg} {status} its tests in an image in the "
        "{pipeline_name} pipeline on branch {branch}" },
    { ".image.test.smoke.queued",
        false,
        "{revtype} {rev} of package {ns}/{pkg} is queued to be tested in an image in the "
        "{pipeline_name} pipeline on branch {branch}" },
    { ".image.test.smoke.running",
        false,
        "{revtype} {rev} of package {ns}/{pkg} is being tested in an image in the {pipeline_name} "
        "pipeline on branch {branch}" },
});

/// CentOS CI pipelines (ci.pipeline and the old allpackages/container pipelines).
class CentosCiProcessor : public MetaProcessor
{
public:
    CentosCiProcessor(ServiceInfo i, QString pipelineName)
        : MetaProcessor(std::move(i))
        , m_pipelineName(std::move(pipelineName))
    {}

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        QString rev = truthy(at(m, "rev")) ? pyStr(at(m, "rev")) : QString();
        QString revtype;
        if (rev.startsWith(QLatin1String("kojitask-"))) {
            revtype = QStringLiteral("Koji task");
            rev = rev.split(QStringLiteral("kojitask-")).value(1);
        } else if (rev.startsWith(QLatin1String("PR-"))) {
            revtype = QStringLiteral("Pull request");
            rev = rev.split(QStringLiteral("PR-")).value(1);
        } else {
            revtype = QStringLiteral("Commit");
            rev = Py::slice(rev, 8);
        }
        const QString branch = orDefault(at(m, "branch"), "unknown_branch");
        const QString pkg = orDefault(at(m, "repo"), "unknown_repo");
        const QString ns = orDefault(at(m, "namespace"), "unknown_namespace");
        QString status = orDefault(at(m, "status"), "unknown_status");

        QString name = info().name;
        QString pipeline = m_pipelineName;
        auto in = [&](const QString &s) {
            return c.topic.contains(s);
        };
        if (in(name + QStringLiteral(".allpackages-build"))) {
            name = QStringLiteral("ci.pipeline.allpackages-build");
            pipeline = QStringLiteral("All Packages (Build) CI");
        } else if (in(name + QStringLiteral(".allpackages-pr"))) {
            name = QStringLiteral("ci.pipeline.allpackages-pr");
            pipeline = QStringLiteral("All Packages (PR) CI");
        } else if (in(name + QStringLiteral(".allpackages"))) {
            name = QStringLiteral("ci.pipeline.allpackages");
            pipeline = QStringLiteral("All Packages CI");
        } else if (in(name + QStringLiteral(".container"))) {
            name = QStringLiteral("ci.pipeline.container-pr");
            pipeline = QStringLiteral("Container CI");
        }

        QString tmpl;
        if (in(name + QStringLiteral(".package.ignore"))) {
            tmpl =
                QStringLiteral("{revtype} \"{rev}\" of package {ns}/{pkg} is being ignored by the "
                               "{pipeline_name} pipeline on branch {branch}");
        } else if (in(name + QStringLiteral(".complete"))) {
            status = ciStatus(status);
            tmpl = pipeline == QLatin1String("Container CI")
                ? QStringLiteral("{revtype} \"{rev}\" of container {ns}/{pkg} {status} the "
                                 "{pipeline_name} pipeline on branch {branch}")
                : QStringLiteral("{revtype} \"{rev}\" of package {ns}/{pkg} {status} the "
                                 "{pipeline_name} pipeline on branch {branch}");
        } else {
            for (const Step &s : kSteps) {
                if (in(name + QString::fromUtf8(s.suffix))) {
                    if (s.usesStatus)
                        status = ciStatus(status);
                    tmpl = QString::fromUtf8(s.tmpl);
                    break;
                }
            }
        }
        return format(tmpl,
            { { "revtype", revtype },
                { "rev", rev },
                { "ns", ns },
                { "pkg", pkg },
                { "branch", branch },
                { "status", status },
                { "pipeline_name", pipeline } });
    }

    QString secondaryIcon(const MetaContext &c) const override
    {
        const JsonValue &u = get(c.msg(), "username");
        return truthy(u) ? avatar(pyStr(u)) : QString();
    }

    QString link(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (m.isObject() && m.find("build_url"))
            return pyStr(at(m, "build_url"));
        if (!m.isObject())
            throw MetaFailure {};
        return info().link;
    }

    QStringList usernames(const MetaContext &c) const override
    {
        const JsonValue &u = get(c.msg(), "username");
        return truthy(u) ? QStringList { pyStr(u) } : QStringList {};
    }

    QStringList objects(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString ns = orDefault(at(m, "namespace"), "unknown_namespace");
        const QString pkg = orDefault(at(m, "repo"), "unknown_pkg");
        const QString rev = orDefault(at(m, "rev"), "unknown_rev");
        const QString branch = orDefault(at(m, "branch"), "unknown_branch");
        const qsizetype idx = c.topic.indexOf(QLatin1String(".pipeline."));
        if (idx < 0)
            throw MetaFailure { "IndexError" };
        const QStringList actions = c.topic.mid(idx + 10).split(QLatin1Char('.'));
        return { (QStringList { ns, pkg, rev, branch } + actions).join(QLatin1Char('/')) };
    }

private:
    QString m_pipelineName;
};

} // namespace

std::unique_ptr<MetaProcessor> makeAtomicCiProcessor(ServiceInfo i)
{
    return std::make_unique<CentosCiProcessor>(std::move(i), QStringLiteral("Atomic CI"));
}
std::unique_ptr<MetaProcessor> makeOldAllpackagesCiProcessor(ServiceInfo i)
{
    return std::make_unique<CentosCiProcessor>(std::move(i), QStringLiteral("All Packages CI"));
}
std::unique_ptr<MetaProcessor> makeOldContainerCiProcessor(ServiceInfo i)
{
    return std::make_unique<CentosCiProcessor>(std::move(i), QStringLiteral("Container CI"));
}

} // namespace fedmsg::render
