// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"

#include <optional>

namespace fedmsg::render {

namespace {

QString taggerPackage(const JsonValue &package)
{
    if (package.isObject()) {
        if (package.object().empty())
            throw MetaFailure { "IndexError" };
        return QString::fromStdString(package.object().front().first);
    }
    return pyStr(package);
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
        QString p =
            pack.isObject() ? taggerPackage(pack) : (truthy(pack) ? pyStr(pack) : QString());
        if (p.isEmpty() && has(m, "rating"))
            p = pyStr(Py::path(m, { "rating", "package", "name" }));
        if (has(m, "package"))
            p = pyStr(at(at(m, "package"), "name"));
        return p.isEmpty() ? QString(QLatin1String(""))
                           : QStringLiteral("https://apps.fedoraproject.org/tagger/") + p;
    }

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("fedoratagger.tag.update")) {
            const JsonValue &vote = at(m, "vote");
            return format("{user} {verb}voted \"{tag}\" on {package}",
                { { "user", pyStr(Py::path(vote, { "user", "username" })) },
                    { "tag", pyStr(Py::path(vote, { "tag", "tag" })) },
                    { "verb",
                        truthy(at(vote, "like")) ? QString::fromUtf8("up")
                                                 : QString::fromUtf8("down") },
                    { "package", taggerPackage(Py::path(vote, { "tag", "package" })) } });
        }
        if (c.topicHas("fedoratagger.rating.update")) {
            const JsonValue &user = Py::path(m, { "rating", "user" });
            const QString u = truthy(get(user, "anonymous"))
                ? QString::fromUtf8("An anonymous user")
                : pyStr(at(user, "username"));
            return format("{user} gave {package} a rating of {rating}",
                { { "user", u },
                    { "package", pyStr(Py::path(m, { "rating", "package", "name" })) },
                    { "rating", pyStr(Py::path(m, { "rating", "rating" })) } });
        }
        if (c.topicHas("fedoratagger.tag.create")) {
            const JsonValue &vote = at(m, "vote");
            return format("{user} added tag \"{tag}\" to {package}",
                { { "user", pyStr(Py::path(vote, { "user", "username" })) },
                    { "tag", pyStr(Py::path(vote, { "tag", "tag" })) },
                    { "package", taggerPackage(Py::path(vote, { "tag", "package" })) } });
        }
        if (c.topicHas("fedoratagger.user.rank.update"))
            return format("{user}'s rank changed to {rank}",
                { { "user", pyStr(Py::path(m, { "user", "username" })) },
                    { "rank", pyStr(Py::path(m, { "user", "rank" })) } });
        if (c.topicHas("fedoratagger.usage.toggle")) {
            const JsonValue &user = at(m, "user");
            const QString u = truthy(get(user, "anonymous"))
                ? QString::fromUtf8("An anonymous user")
                : pyStr(at(user, "username"));
            return format(truthy(at(m, "usage"))
                    ? "{user} declared that they use {package}"
                    : "{user} declared that they no longer use {package}",
                { { "user", u }, { "package", pyStr(Py::path(m, { "package", "name" })) } });
        }
        throw MetaFailure { "NotImplementedError" };
    }

    static std::optional<QString> user(const MetaContext &c)
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("fedoratagger.tag."))
            return pyStr(Py::path(m, { "vote", "user", "username" }));
        if (c.topicHas("fedoratagger.user.rank.update"))
            return pyStr(Py::path(m, { "user", "username" }));
        if (c.topicHas("fedoratagger.rating.update"))
            return pyStr(Py::path(m, { "rating", "user", "username" }));
        if (c.topicHas("fedoratagger.usage.toggle"))
            return pyStr(Py::path(m, { "user", "username" }));
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
            return { pyStr(Py::path(m, { "rating", "package", "name" })) };
        if (c.topicHas("fedoratagger.usage.toggle"))
            return { pyStr(Py::path(m, { "package", "name" })) };
        return {};
    }
    QStringList packages(const MetaContext &c) const override { return packagesOf(c); }

    QStringList objects(const MetaContext &c) const override
    {
        QStringList out;
        for (const QString &p : packagesOf(c))
            out << QStringLiteral("packages/") + p;
        if (has(c.msg(), "vote"))
            out << QStringLiteral("labels/") + pyStr(Py::path(c.msg(), { "vote", "tag", "tag" }));
        return out;
    }
};

} // namespace

std::unique_ptr<MetaProcessor> makeTaggerProcessor(ServiceInfo i)
{
    return std::make_unique<TaggerProcessor>(std::move(i));
}

} // namespace fedmsg::render
