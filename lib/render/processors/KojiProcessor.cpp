// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"

#include <array>
#include <utility>

namespace fedmsg::render {

namespace {

class KojiProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    static QString instance(const JsonValue &m)
    {
        return getStr(m, "instance", QStringLiteral("primary"));
    }

    /// " (instance)" for a secondary Koji instance, "" for the primary one.
    static QString instanceSuffix(const JsonValue &m)
    {
        const QString inst = instance(m);
        return inst == QLatin1String("primary") ? QString() : QStringLiteral(" (%1)").arg(inst);
    }

    /// Tags, repositories, package lists and signatures.
    static std::optional<QString> tagSubtitle(const MetaContext &c, const QString &inst)
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("buildsys.tag"))
            return formatDict(
                "{owner}'s {name}-{version}-{release} tagged into {tag} by {user}{inst}",
                m,
                { { "inst", inst } });
        if (c.topicHas("buildsys.untag"))
            return formatDict(
                "{owner}'s {name}-{version}-{release} untagged from {tag} by {user}{inst}",
                m,
                { { "inst", inst } });
        if (c.topicHas("buildsys.repo.init"))
            return format("Repo initialized:  {tag}{inst}",
                { { "inst", inst }, { "tag", getStr(m, "tag", QStringLiteral("unknown")) } });
        if (c.topicHas("buildsys.repo.done"))
            return format("Repo done:  {tag}{inst}",
                { { "inst", inst }, { "tag", getStr(m, "tag", QStringLiteral("unknown")) } });
        if (c.topicHas("buildsys.package.list.change"))
            return formatDict(
                "Package list change for {package}:  '{tag}'{inst}", m, { { "inst", inst } });
        if (c.topicHas("buildsys.rpm.sign")) {
            const QString tmpl = QStringLiteral(
                "Koji build {name}-{version}-{release}.{arch}.rpm signed with sigkey '{sigkey}'");
            if (has(m, "info"))
                return formatDict(tmpl, at(m, "info"));
            const JsonValue &rpm = at(m, "rpm");
            return formatDict(tmpl, rpm, { { "sigkey", pyStr(at(m, "sigkey")) } });
        }
        return std::nullopt;
    }

    /// A build's state.
    static std::optional<QString> buildSubtitle(const MetaContext &c, const QString &inst)
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("buildsys.build.state.change")) {
            static const auto templates = std::to_array<const char *>({
                "{owner}'s {name}-{version}-{release} started building{inst}",
                "{owner}'s {name}-{version}-{release} completed{inst}",
                "{owner}'s {name}-{version}-{release} was deleted{inst}",
                "{owner}'s {name}-{version}-{release} failed to build{inst}",
                "{owner}'s {name}-{version}-{release} was cancelled{inst}",
            });
            const JsonValue &nv = at(m, "new");
            if (!nv.isInteger())
                throw MetaFailure { "TypeError" };
            long long idx = nv.toInt64();
            if (idx < 0)
                idx += 5;
            if (idx < 0 || idx >= 5)
                throw MetaFailure { "IndexError" };
            QString tmpl = QString::fromUtf8(templates[idx]);
            if (!truthy(at(m, "owner")))
                tmpl = tmpl.mid(10);
            return formatDict(tmpl, m, { { "inst", inst } });
        }
        return std::nullopt;
    }

    /// " for a, b and c": the targets of a scratch build's request (not the .rpm files).
    static QString scratchTarget(const JsonValue &m)
    {
        const JsonValue &infoV = get(m, "info");
        const JsonValue &request =
            infoV.isNull() && !has(m, "info") ? JsonValue() : get(infoV, "request");
        if (!truthy(request))
            return {};
        QStringList targets;
        for (const JsonValue &item : at(at(m, "info"), "request").array()) {
            if (item.isObject() || item.isArray())
                continue;
            if (!item.isString())
                throw MetaFailure { "AttributeError" };
            if (!pyStr(item).endsWith(QLatin1String(".rpm")))
                targets << pyStr(item);
        }
        return targets.isEmpty() ? QString() : QStringLiteral(" for ") + Py::listToSeries(targets);
    }

    /// What a scratch build's new task state says happened to it.
    static QString scratchOutcome(const QString &state)
    {
        static const std::array<std::pair<const char *, const char *>, 4> outcomes { {
            { "OPEN", "started" },
            { "FAILED", "failed" },
            { "CLOSED", "completed" },
            { "CANCELED", "was cancelled" },
        } };
        for (const auto &[name, outcome] : outcomes)
            if (state == QLatin1String(name))
                return QString::fromLatin1(outcome);
        return QStringLiteral("changed");
    }

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString inst = instanceSuffix(m);
        if (std::optional<QString> s = tagSubtitle(c, inst))
            return *s;
        if (std::optional<QString> s = buildSubtitle(c, inst))
            return *s;
        if (c.topicHas("buildsys.task.state.change")) {
            const QString target = scratchTarget(m);
            QString tmpl = QStringLiteral("{owner}'s scratch build of {srpm}{target} %1{inst}")
                               .arg(scratchOutcome(pyStr(at(m, "new"))));
            if (!truthy(at(m, "owner")))
                tmpl = tmpl.mid(10);
            return formatDict(tmpl, m, { { "inst", inst }, { "target", target } });
        }
        return {};
    }

    QString secondaryIcon(const MetaContext &c) const override
    {
        const JsonValue &o = get(c.msg(), "owner");
        return truthy(o) ? avatar(pyStr(o)) : info().icon;
    }

    QStringList usernames(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("buildsys.tag") || c.topicHas("buildsys.untag"))
            return { pyStr(at(m, "owner")), pyStr(at(m, "user")) };
        if (c.topicHas("buildsys.build.state.change") || c.topicHas("buildsys.task.state.change"))
            return truthy(at(m, "owner")) ? QStringList { pyStr(at(m, "owner")) } : QStringList {};
        return {};
    }

    QStringList packages(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("buildsys.tag") || c.topicHas("buildsys.untag"))
            return { pyStr(at(m, "name")) };
        if (c.topicHas("buildsys.package.list.change"))
            return { pyStr(at(m, "package")) };
        if (c.topicHas("buildsys.rpm.sign"))
            return { pyStr(at(at(m, has(m, "info") ? "info" : "rpm"), "name")) };
        if (c.topicHas("buildsys.build.state.change"))
            return { pyStr(at(m, "name")) };
        return {};
    }

    QString link(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString inst = instance(m);
        QString base;
        if (inst == QLatin1String("primary"))
            base = QStringLiteral("http://koji.fedoraproject.org/koji");
        else if (inst == QLatin1String("ppc"))
            base = QStringLiteral("http://ppc.koji.fedoraproject.org/koji");
        else if (inst == QLatin1String("s390"))
            base = QStringLiteral("http://s390.koji.fedoraproject.org/koji");
        else if (inst == QLatin1String("arm"))
            base = QStringLiteral("http://arm.koji.fedoraproject.org/koji");
        else
            throw MetaFailure { "NotImplementedError" };
        if (c.topicHas(".stg."))
            base = QStringLiteral("http://koji.stg.fedoraproject.org/koji");
        for (const char *t :
            { "buildsys.tag", "buildsys.untag", "buildsys.repo.init", "buildsys.repo.done" })
            if (c.topicHas(t) && has(m, "tag_id"))
                return base + QStringLiteral("/taginfo?tagID=") + Py::percentInt(at(m, "tag_id"));
        if (c.topicHas("buildsys.build.state.change"))
            return base + QStringLiteral("/buildinfo?buildID=") + Py::percentInt(at(m, "build_id"));
        if (c.topicHas("buildsys.task.state.change"))
            return base + QStringLiteral("/taskinfo?taskID=") + Py::percentInt(at(m, "id"));
        if (c.topicHas("buildsys.package.list.change"))
            return {};
        if (c.topicHas("buildsys.rpm.sign"))
            return base + QStringLiteral("/buildinfo?buildID=")
                + Py::percentInt(at(at(m, has(m, "info") ? "info" : "rpm"), "build_id"));
        return base;
    }

    QStringList objects(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString inst = instance(m);
        auto build = [&] {
            return QStringList { inst,
                QStringLiteral("builds"),
                pyStr(at(m, "name")),
                pyStr(at(m, "version")),
                pyStr(at(m, "release")) }
                .join(QLatin1Char('/'));
        };
        if (c.topicHas("buildsys.tag"))
            return { build(), inst + QStringLiteral("/tags/") + pyStr(at(m, "tag")) };
        if (c.topicHas("buildsys.untag"))
            return { build(),
                inst + QStringLiteral("/tags/") + getStr(m, "tag", QStringLiteral("unknown")) };
        if (c.topicHas("buildsys.build.state.change"))
            return { build() };
        if (c.topicHas("buildsys.task.state.change"))
            return { inst + QStringLiteral("/scratch_builds/") + pyStr(at(m, "srpm")) };
        if (c.topicHas("buildsys.repo.init") || c.topicHas("buildsys.repo.done"))
            return { inst + QStringLiteral("/repos/")
                + getStr(m, "tag", QStringLiteral("unknown")) };
        if (c.topicHas("buildsys.package.list.change"))
            return { inst + QStringLiteral("/tags/")
                + getStr(m, "tag", QStringLiteral("unknown")) };
        if (c.topicHas("buildsys.rpm.sign"))
            return { QStringLiteral("signatures/")
                + pyStr(at(at(m, has(m, "info") ? "info" : "rpm"), "name")) };
        return {};
    }
};

} // namespace

std::unique_ptr<MetaProcessor> makeKojiProcessor(ServiceInfo i)
{
    return std::make_unique<KojiProcessor>(std::move(i));
}

} // namespace fedmsg::render
