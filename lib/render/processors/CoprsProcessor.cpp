// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"

namespace fedmsg::render {

namespace {

QString statusText(const JsonValue &v)
{
    if (v.isInteger() || v.isBool()) {
        const long long s = v.isBool() ? (v.toBool() ? 1 : 0) : v.toInt64();
        switch (s) {
        case 0:
            return QStringLiteral("failed");
        case 1:
            return QStringLiteral("success");
        case 3:
            return QStringLiteral("running");
        case 5:
            return QStringLiteral("skipped");
        default:
            break;
        }
    }
    return QStringLiteral("unknown");
}

/// apply_backwards_compat on a copy of msg['msg'].
JsonValue compat(const JsonValue &in)
{
    if (!in.isObject())
        throw MetaFailure { "AttributeError" };
    JsonValue m = in;
    const JsonValue &pkg = get(m, "pkg");
    const JsonValue &version = get(m, "version");
    if (truthy(pkg) && truthy(version) && !S(pkg).contains(S(version)))
        m.insert("pkg", JsonValue(S(pkg) + QLatin1Char('-') + S(version)));
    if (has(m, "user") && !has(m, "owner"))
        m.insert("owner", at(m, "user"));
    return m;
}

class CoprsProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    QString longForm(const MetaContext &c) const override
    {
        if (!c.topicHas("copr.build.end"))
            return {};
        JsonValue m = compat(c.msg());
        const QString status = statusText(get(m, "status"));
        const JsonValue &build = at(m, "build");
        if (!build.isInteger())
            throw MetaFailure { "TypeError" };
        const QString buildId = QStringLiteral("%1").arg(build.toInt64(), 8, 10, QLatin1Char('0'));
        QString name;
        if (!S(at(m, "version")).contains(QLatin1Char('-')))
            name = QStringLiteral("?? WHO KNOWS ??");
        else {
            const QStringList parts = Py::rsplit(S(at(m, "pkg")), QStringLiteral("-"), 2);
            if (parts.size() != 3)
                throw MetaFailure { "ValueError" };
            name = parts.first();
        }
        const QString tmpl = QStringLiteral(
            "Package:  {pkg}\nCOPR:     {owner}/{copr}\nBuilt by: {user}\nStatus:   {status}\nID:  "
            "     {build}\n\n"
            "Logs:\n"
            "  Build:     "
            "https://copr-be.cloud.fedoraproject.org/results/{owner}/{copr}/{chroot}/"
            "{build}-{pkg_name}/build.log.gz\n"
            "  Root:      "
            "https://copr-be.cloud.fedoraproject.org/results/{owner}/{copr}/{chroot}/"
            "{build}-{pkg_name}/root.log.gz\n"
            "  Copr:      "
            "https://copr-be.cloud.fedoraproject.org/results/{owner}/{copr}/{chroot}/"
            "build-{build}.log\n"
            "  Mockchain: "
            "https://copr-be.cloud.fedoraproject.org/results/{owner}/{copr}/{chroot}/"
            "{build}-{pkg_name}/mockchain.log.gz\n"
            "Results:     "
            "https://copr-be.cloud.fedoraproject.org/results/{owner}/{copr}/{chroot}/"
            "{build}-{pkg_name}/\n"
            "Repodata:    "
            "https://copr-be.cloud.fedoraproject.org/results/{owner}/{copr}/{chroot}/repodata/\n");
        return formatDict(
            tmpl, m, { { "status", status }, { "build", buildId }, { "pkg_name", name } });
    }

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue m = compat(c.msg());
        const JsonValue &user = get(m, "user");
        QString tmpl;
        if (c.topicHas("copr.build.start"))
            tmpl = truthy(user) ? L("{user} started a new build of the {copr} copr")
                                : L("Automated build of the {copr} copr has been started");
        else if (c.topicHas("copr.build.end"))
            tmpl = truthy(user)
                ? L("{user}'s {copr} copr build of {pkg} for {chroot} finished with '{status}'")
                : L("Automated {copr} copr build of {pkg} for {chroot} finished with '{status}'");
        else if (c.topicHas("copr.chroot.start"))
            tmpl = L("{user}'s {copr} copr started a new {chroot} chroot");
        else if (c.topicHas("copr.worker.create"))
            tmpl = L("a new worker was created");
        else
            throw MetaFailure { "NotImplementedError" };
        return format(tmpl,
            { { "user", S(user) },
                { "copr", S(get(m, "copr")) },
                { "pkg", S(get(m, "pkg")) },
                { "chroot", S(get(m, "chroot")) },
                { "status", statusText(get(m, "status")) } });
    }

    QString link(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        JsonValue user = has(m, "owner") ? at(m, "owner") : get(m, "user");
        QString u = S(user);
        if (truthy(user) && u.startsWith(QLatin1Char('@')))
            u.replace(QLatin1Char('@'), QStringLiteral("g/"));
        const QString copr = S(get(m, "copr"));
        const QString chroot = S(get(m, "chroot"));
        const QString build = S(get(m, "build"));
        if (c.topicHas("chroot"))
            return QStringLiteral("https://copr-be.cloud.fedoraproject.org/results/%1/%2/%3/")
                .arg(u, copr, chroot);
        if (c.topicHas("build"))
            return QStringLiteral("https://copr.fedoraproject.org/coprs/%1/%2/build/%3/")
                .arg(u, copr, build);
        return QStringLiteral("https://copr.fedoraproject.org");
    }

    QString secondaryIcon(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        return has(m, "user") ? avatar(S(at(m, "user"))) : QString();
    }

    QStringList usernames(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        QStringList out;
        for (const char *k : { "user", "owner" })
            if (has(m, k) && truthy(at(m, k)))
                out << S(at(m, k));
        return out;
    }

    QStringList objects(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        QStringList items { QStringLiteral("coprs") };
        if (has(m, "copr"))
            items << S(at(m, "copr"));
        items << c.topic.split(QLatin1Char('.'))
                     .mid(std::max<qsizetype>(0, c.topic.count(QLatin1Char('.')) - 1))
                     .join(QLatin1Char('.'));
        if (c.topicHas("chroot"))
            items << S(at(m, "chroot"));
        return { items.join(QLatin1Char('/')) };
    }
};

QString taggerPackage(const JsonValue &package)
{
    if (package.isObject()) {
        if (package.object().empty())
            throw MetaFailure { "IndexError" };
        return QString::fromStdString(package.object().front().first);
    }
    return S(package);
}

class TaggerProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    QString link(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const JsonValue *vote = m.find("vote");
        JsonValue pack;
        if (vote && vote->isObject()) {
            const JsonValue *tag = vote->find("tag");
            if (tag && tag->isObject() && tag->find("package"))
                pack = *tag->find("package");
        }
        QString p = pack.isObject() ? taggerPackage(pack) : (truthy(pack) ? S(pack) : QString());
        if (p.isEmpty() && has(m, "rating"))
            p = S(Py::path(m, { "rating", "package", "name" }));
        if (has(m, "package"))
            p = S(at(at(m, "package"), "name"));
        return p.isEmpty() ? QString(QLatin1String(""))
                           : QStringLiteral("https://apps.fedoraproject.org/tagger/") + p;
    }

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("fedoratagger.tag.update")) {
            const JsonValue &vote = at(m, "vote");
            return format("{user} {verb}voted \"{tag}\" on {package}",
                { { "user", S(Py::path(vote, { "user", "username" })) },
                    { "tag", S(Py::path(vote, { "tag", "tag" })) },
                    { "verb", truthy(at(vote, "like")) ? L("up") : L("down") },
                    { "package", taggerPackage(Py::path(vote, { "tag", "package" })) } });
        }
        if (c.topicHas("fedoratagger.rating.update")) {
            const JsonValue &user = Py::path(m, { "rating", "user" });
            const QString u =
                truthy(get(user, "anonymous")) ? L("An anonymous user") : S(at(user, "username"));
            return format("{user} gave {package} a rating of {rating}",
                { { "user", u },
                    { "package", S(Py::path(m, { "rating", "package", "name" })) },
                    { "rating", S(Py::path(m, { "rating", "rating" })) } });
        }
        if (c.topicHas("fedoratagger.tag.create")) {
            const JsonValue &vote = at(m, "vote");
            return format("{user} added tag \"{tag}\" to {package}",
                { { "user", S(Py::path(vote, { "user", "username" })) },
                    { "tag", S(Py::path(vote, { "tag", "tag" })) },
                    { "package", taggerPackage(Py::path(vote, { "tag", "package" })) } });
        }
        if (c.topicHas("fedoratagger.user.rank.update"))
            return format("{user}'s rank changed to {rank}",
                { { "user", S(Py::path(m, { "user", "username" })) },
                    { "rank", S(Py::path(m, { "user", "rank" })) } });
        if (c.topicHas("fedoratagger.usage.toggle")) {
            const JsonValue &user = at(m, "user");
            const QString u =
                truthy(get(user, "anonymous")) ? L("An anonymous user") : S(at(user, "username"));
            return format(truthy(at(m, "usage"))
                    ? "{user} declared that they use {package}"
                    : "{user} declared that they no longer use {package}",
                { { "user", u }, { "package", S(Py::path(m, { "package", "name" })) } });
        }
        throw MetaFailure { "NotImplementedError" };
    }

    static std::optional<QString> user(const MetaContext &c)
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("fedoratagger.tag."))
            return S(Py::path(m, { "vote", "user", "username" }));
        if (c.topicHas("fedoratagger.user.rank.update"))
            return S(Py::path(m, { "user", "username" }));
        if (c.topicHas("fedoratagger.rating.update"))
            return S(Py::path(m, { "rating", "user", "username" }));
        if (c.topicHas("fedoratagger.usage.toggle"))
            return S(Py::path(m, { "user", "username" }));
        return std::nullopt;
    }

    QString secondaryIcon(const MetaContext &c) const override
    {
        const auto u = user(c);
        return u && *u != QLatin1String("anonymous") ? avatar(*u) : info().icon;
    }

    QStringList usernames(const MetaContext &c) const override
    {
        const auto u = user(c);
        return u && *u != QLatin1String("anonymous") ? QStringList { *u } : QStringList {};
    }

    static QStringList packagesOf(const MetaContext &c)
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("fedoratagger.tag."))
            return { taggerPackage(Py::path(m, { "vote", "tag", "package" })) };
        if (c.topicHas("fedoratagger.rating.update"))
            return { S(Py::path(m, { "rating", "package", "name" })) };
        if (c.topicHas("fedoratagger.usage.toggle"))
            return { S(Py::path(m, { "package", "name" })) };
        return {};
    }
    QStringList packages(const MetaContext &c) const override { return packagesOf(c); }

    QStringList objects(const MetaContext &c) const override
    {
        QStringList out;
        for (const QString &p : packagesOf(c))
            out << QStringLiteral("packages/") + p;
        if (has(c.msg(), "vote"))
            out << QStringLiteral("labels/") + S(Py::path(c.msg(), { "vote", "tag", "tag" }));
        return out;
    }
};

} // namespace

std::unique_ptr<MetaProcessor> makeCoprsProcessor(ServiceInfo i)
{
    return std::make_unique<CoprsProcessor>(std::move(i));
}
std::unique_ptr<MetaProcessor> makeTaggerProcessor(ServiceInfo i)
{
    return std::make_unique<TaggerProcessor>(std::move(i));
}

} // namespace fedmsg::render
