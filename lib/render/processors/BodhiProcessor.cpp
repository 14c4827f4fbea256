// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"
#include <algorithm>
#include <array>

#include <QRegularExpression>

namespace fedmsg::render {

namespace {

const JsonValue &emptyObject()
{
    static const JsonValue e = JsonValue::emptyObject();
    return e;
}

/// d.get(k, {}) for dicts (AttributeError on non-dicts).
const JsonValue &getDict(const JsonValue &d, std::string_view k)
{
    if (!d.isObject())
        throw MetaFailure { "AttributeError" };
    const JsonValue *v = d.find(k);
    return v ? *v : emptyObject();
}

QString truncate40(const QString &t)
{
    return Py::len(t) >= 40 ? Py::slice(t, 40) + QStringLiteral("...") : t;
}

QStringList u2p(const QString &update)
{
    static const QRegularExpression sep(QStringLiteral("[ ,]"));
    QStringList out;
    for (const QString &build : update.split(sep))
        out << Py::nvrName(build);
    return out;
}

bool isDigits(const QString &s)
{
    return !s.isEmpty() && std::ranges::all_of(s, [](QChar c) {
        return c.isDigit();
    });
}

class BodhiProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    static bool isFtpSync(const MetaContext &c)
    {
        return c.topicHas("bodhi.updates.") && c.topicEnds(".sync");
    }
    static QString syncProduct(const MetaContext &c)
    {
        const QStringList p = c.topic.split(QLatin1Char('.'));
        QString product = p.size() >= 2 ? p.at(p.size() - 2) : QString();
        if (product == QLatin1String("fedora"))
            return QStringLiteral("Fedora");
        if (product == QLatin1String("epel"))
            return QStringLiteral("EPEL");
        return product;
    }
    static std::pair<QString, bool> syncRelease(const JsonValue &m)
    {
        QString release = pyStr(at(m, "release"));
        const bool modular = release.endsWith(QLatin1Char('m'));
        while (release.endsWith(QLatin1Char('m')))
            release.chop(1);
        return { release, modular };
    }
    static bool updateTopic(const MetaContext &c)
    {
        static constexpr std::array kUpdateTopics = { "bodhi.update.comment",
            "bodhi.update.complete",
            "bodhi.update.request",
            "bodhi.update.edit",
            "bodhi.update.eject",
            "bodhi.update.karma.threshold",
            "bodhi.update.requirements_met",
            "bodhi.errata.publish" };
        return std::ranges::any_of(kUpdateTopics, [&](const char *t) {
            return c.topicHas(t);
        });
    }
    static QString authorOf(const JsonValue &d, const char *first, const char *second)
    {
        JsonValue a = has(d, first) ? at(d, first) : get(d, second);
        if (a.isObject())
            a = get(a, "name");
        return a.isNull() ? QString() : pyStr(a);
    }
    static std::optional<QString> commentAuthor(const JsonValue &m)
    {
        const JsonValue &comment = getDict(m, "comment");
        const QString a = authorOf(comment, "user", "author");
        JsonValue raw = has(comment, "user") ? at(comment, "user") : get(comment, "author");
        if (raw.isObject())
            raw = get(raw, "name");
        if (raw.isNull())
            return std::nullopt;
        return a;
    }
    static std::optional<QString> updateAuthor(const JsonValue &m)
    {
        const JsonValue &update = getDict(m, "update");
        JsonValue raw = has(update, "user") ? at(update, "user") : get(update, "submitter");
        if (raw.isObject())
            raw = get(raw, "name");
        if (raw.isNull())
            return std::nullopt;
        return pyStr(raw);
    }
    static std::optional<QString> overrideAuthor(const JsonValue &m)
    {
        const JsonValue &o = get(m, "override");
        if (!truthy(o))
            return std::nullopt;
        JsonValue a = at(o, "submitter");
        if (a.isObject())
            a = at(a, "name");
        if (a.isNull())
            return std::nullopt;
        return pyStr(a);
    }
    static JsonValue overrideNvr(const JsonValue &m)
    {
        const JsonValue &b = get(getDict(m, "override"), "build");
        if (b.isObject())
            return get(b, "nvr");
        return b;
    }
    static QString titleString(const JsonValue &m)
    {
        const JsonValue &comment = getDict(m, "comment");
        const JsonValue &update = has(m, "update") ? at(m, "update") : getDict(comment, "update");
        if (!truthy(update))
            return getStr(comment, "update_title", QString());
        const JsonValue &title = get(update, "title");
        if (truthy(title))
            return pyStr(title);
        QStringList nvrs;
        for (const JsonValue &b : getDict(update, "builds").isObject() && !has(update, "builds")
                ? JsonValue::Array {}
                : at(update, "builds").array())
            nvrs << pyStr(at(b, "nvr"));
        return nvrs.join(QLatin1Char(' '));
    }
    static QString titleOrAlias(const JsonValue &m)
    {
        const JsonValue &comment = getDict(m, "comment");
        const JsonValue &update = has(m, "update") ? at(m, "update") : getDict(comment, "update");
        JsonValue v = get(update, "alias");
        if (!truthy(v))
            v = get(update, "title");
        if (!truthy(v))
            v = get(comment, "update_alias");
        if (!truthy(v))
            return getStr(comment, "update_title", QString());
        return pyStr(v);
    }

    QString secondaryIcon(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        std::optional<QString> user;
        if (c.topicHas("bodhi.update.comment"))
            user = commentAuthor(m);
        else if (c.topicHas("bodhi.buildroot_override"))
            user = overrideAuthor(m);
        else if (c.topicHas("bodhi.stack"))
            user = pyStr(at(m, "agent"));
        else if (const auto ua = updateAuthor(m); ua && !ua->isEmpty())
            user = ua;
        else if (const JsonValue &a = get(m, "agent"); !a.isNull())
            user = pyStr(a);
        if (user && !user->isEmpty())
            return avatar(*user);
        const QString ts = titleString(m);
        if (!ts.isEmpty()) {
            const QStringList pk = u2p(ts);
            if (!pk.isEmpty())
                return QStringLiteral("https://apps.fedoraproject.org/packages/images/icons/%1.png")
                    .arg(pk.first());
        }
        return info().icon;
    }

    QString longForm(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("bodhi.update.comment"))
            return pyStr(at(at(m, "comment"), "text"));
        if (c.topicHas("bodhi.errata.publish"))
            return pyStr(at(m, "body"));
        if ((c.topicHas("bodhi.masher.start") || c.topicHas("bodhi.composer.start"))
            && has(m, "updates"))
            return QStringLiteral("\n- ")
                + Py::strList(at(m, "updates")).join(QStringLiteral("\n- ")) + QLatin1Char('\n');
        return {};
    }

    /// Mirror syncs and mash requests.
    static std::optional<QString> pushSubtitle(const MetaContext &c)
    {
        const JsonValue &m = c.msg();
        if (isFtpSync(c)) {
            const auto [release, modular] = syncRelease(m);
            return formatDict("New {product} {truerelease} {repo}{modular} content synced out "
                              "({bytes} changed with {deleted} files deleted)",
                m,
                { { "product", syncProduct(c) },
                    { "truerelease", release },
                    { "modular", modular ? QString::fromUtf8(" modular") : QString() } });
        }
        if (c.topicHas("bodhi.masher.start") || c.topicHas("bodhi.composer.start")) {
            const QString agent = pyStr(at(m, "agent"));
            if (has(m, "updates"))
                return format("{agent} requested a mash of {updates} updates",
                    { { "agent", agent },
                        { "updates", QString::number(at(m, "updates").size()) } });
            return format("{agent} requested a mash of some updates", { { "agent", agent } });
        }
        return std::nullopt;
    }

    /// Comments on updates and their pushes, edits and requests.
    static std::optional<QString> updateSubtitle(const MetaContext &c)
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("bodhi.update.comment")) {
            const JsonValue &comment = at(m, "comment");
            const auto author = commentAuthor(m);
            const QString karma = pyStr(at(comment, "karma"));
            const QString title = has(comment, "update_title")
                ? pyStr(at(comment, "update_title"))
                : getStr(getDict(comment, "update"), "title", QString());
            return format("{author} commented on bodhi update {title} (karma: {karma})",
                { { "author", author ? *author : QString::fromUtf8("None") },
                    { "karma", karma },
                    { "title", truncate40(title) } });
        }
        auto authorText = [&]() -> QString {
            const auto a = updateAuthor(m);
            return a ? *a : QString::fromUtf8("None");
        };
        if (c.topicHas("bodhi.update.complete.")) {
            const JsonValue &update = at(m, "update");
            return format("{author}'s {pkgs} bodhi update completed push to {status}",
                { { "author", authorText() },
                    { "pkgs", truncate40(titleString(m)) },
                    { "status", pyStr(at(update, "status")) } });
        }
        if (c.topicHas("bodhi.update.eject")) {
            at(m, "update");
            return format("{author}'s {pkgs} bodhi update was ejected from the {repo} mash.  "
                          "Reason: \"{reason}\"",
                { { "author", authorText() },
                    { "pkgs", truncate40(titleString(m)) },
                    { "repo", pyStr(at(m, "repo")) },
                    { "reason", pyStr(at(m, "reason")) } });
        }
        if (c.topicHas("bodhi.update.edit"))
            return format("{author} edited {pkgs}",
                { { "author", pyStr(at(m, "agent")) }, { "pkgs", truncate40(titleString(m)) } });
        if (c.topicHas("bodhi.update.request")) {
            QString status = c.topic.split(QLatin1Char('.')).last();
            const QString author = pyStr(get(m, "agent"));
            const QString title = truncate40(titleString(m));
            if (status == QLatin1String("unpush") || status == QLatin1String("obsolete")
                || status == QLatin1String("revoke")) {
                status +=
                    status.endsWith(QLatin1Char('e')) ? QStringLiteral("d") : QStringLiteral("ed");
                return format("{author} {status} {title}",
                    { { "author", author }, { "status", status }, { "title", title } });
            }
            return format("{author} submitted {title} to {status}",
                { { "author", author }, { "status", status }, { "title", title } });
        }
        return std::nullopt;
    }

    /// The masher's and the composer's runs.
    static std::optional<QString> composeSubtitle(const MetaContext &c)
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("bodhi.mashtask.start"))
            return QStringLiteral("bodhi masher started a push");
        if (c.topicHas("bodhi.mashtask.mashing"))
            return format(
                "bodhi masher started mashing {repo}", { { "repo", pyStr(get(m, "repo")) } });
        if (c.topicHas("bodhi.mashtask.complete")) {
            const bool ok = truthy(at(m, "success"));
            return format(ok ? "bodhi masher successfully mashed {repo}"
                             : "bodhi masher failed to mash {repo}",
                { { "repo", pyStr(get(m, "repo")) } });
        }
        if (c.topicHas("bodhi.mashtask.sync.wait"))
            return format("bodhi masher is waiting for {repo} to hit the master mirror",
                { { "repo", pyStr(get(m, "repo")) } });
        if (c.topicHas("bodhi.mashtask.sync.done"))
            return format("bodhi masher finished waiting for {repo} to hit the master mirror",
                { { "repo", pyStr(get(m, "repo")) } });
        if (c.topicHas("bodhi.compose.start"))
            return QStringLiteral("bodhi composer started a run");
        if (c.topicHas("bodhi.compose.composing"))
            return format("bodhi {ctype} compose of repo {repo} started",
                { { "ctype", getStr(m, "ctype", QString::fromUtf8("unknown type")) },
                    { "repo", getStr(m, "repo", QString::fromUtf8("unknown repo")) } });
        if (c.topicHas("bodhi.repo.done"))
            return format("bodhi repo {repo} created",
                { { "repo", getStr(m, "repo", QString::fromUtf8("unknown repo")) } });
        if (c.topicHas("bodhi.compose.complete")) {
            QString result = getStr(m, "success", QString::fromUtf8("completed"));
            const JsonValue &s = get(m, "success");
            if (s.isBool())
                result = s.toBool() ? QString::fromUtf8("succeeded") : QString::fromUtf8("failed");
            return format("bodhi {ctype} compose of repo {repo} {result}",
                { { "ctype", getStr(m, "ctype", QString::fromUtf8("unknown type")) },
                    { "repo", getStr(m, "repo", QString::fromUtf8("unknown repo")) },
                    { "result", result } });
        }
        if (c.topicHas("bodhi.compose.sync.wait"))
            return format("bodhi composer is waiting for {repo} to hit the master mirror",
                { { "repo", pyStr(get(m, "repo")) } });
        if (c.topicHas("bodhi.compose.sync.done"))
            return format("bodhi composer finished waiting for {repo} to hit the master mirror",
                { { "repo", pyStr(get(m, "repo")) } });
        return std::nullopt;
    }

    QString subtitle(const MetaContext &c) const override
    {
        if (std::optional<QString> s = pushSubtitle(c))
            return *s;
        if (std::optional<QString> s = updateSubtitle(c))
            return *s;
        if (std::optional<QString> s = composeSubtitle(c))
            return *s;
        const JsonValue &m = c.msg();
        if (c.topicHas("bodhi.buildroot_override.tag")
            || c.topicHas("bodhi.buildroot_override.untag")) {
            const bool tag = c.topicHas("bodhi.buildroot_override.tag");
            const auto sub = overrideAuthor(m);
            return format(tag ? "{submitter} submitted a buildroot override for {build}"
                              : "{submitter} expired a buildroot override for {build}",
                { { "submitter", sub ? *sub : QString::fromUtf8("None") },
                    { "build", pyStr(overrideNvr(m)) } });
        }
        if (c.topicHas("bodhi.stack.save"))
            return format("{agent} updated the \"{name}\" stack",
                { { "agent", pyStr(at(m, "agent")) },
                    { "name", pyStr(at(at(m, "stack"), "name")) } });
        if (c.topicHas("bodhi.stack.delete"))
            return format("{agent} deleted the \"{name}\" stack",
                { { "agent", pyStr(at(m, "agent")) },
                    { "name", pyStr(at(at(m, "stack"), "name")) } });
        if (c.topicHas("bodhi.update.karma.threshold"))
            return format("{title} reached the {status} karma threshold",
                { { "title", truncate40(titleString(m)) }, { "status", pyStr(at(m, "status")) } });
        if (c.topicHas("bodhi.update.requirements_met"))
            return format("{title} reached the {status} testing threshold",
                { { "title", truncate40(titleString(m)) },
                    { "status", c.topic.split(QLatin1Char('.')).last() } });
        if (c.topicHas("bodhi.errata.publish"))
            return pyStr(at(m, "subject"));
        return {};
    }

    QString link(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        QString prefix = QStringLiteral("https://bodhi.fedoraproject.org");
        if (updateTopic(c))
            return prefix + QStringLiteral("/updates/") + titleOrAlias(m);
        if (c.topicHas("bodhi.stack"))
            return prefix + QStringLiteral("/stacks/") + pyStr(at(at(m, "stack"), "name"));
        if (c.topicHas("bodhi.buildroot_override"))
            return prefix + QStringLiteral("/overrides/") + pyStr(overrideNvr(m));
        if (isFtpSync(c)) {
            QString link = QStringLiteral("https://download.fedoraproject.org/pub/");
            const QString repo = pyStr(at(m, "repo"));
            const auto [release, modular] = syncRelease(m);
            const QString product = syncProduct(c).toLower();
            link += product + QLatin1Char('/');
            if (product == QLatin1String("fedora"))
                link += repo == QLatin1String("atomic") ? QStringLiteral("linux/atomic/")
                                                        : QStringLiteral("linux/updates/");
            if (repo.endsWith(QLatin1String("testing")))
                link += QStringLiteral("testing/");
            link += release + QLatin1Char('/');
            if (modular)
                link += QStringLiteral("Modular/");
            else if (isDigits(release)) {
                const long long r = release.toLongLong();
                if ((product == QLatin1String("fedora") && r > 27)
                    || (product == QLatin1String("epel") && r > 7))
                    link += QStringLiteral("Everything/");
            }
            return link;
        }
        return prefix;
    }

    static QStringList packagesOf(const MetaContext &c)
    {
        const JsonValue &m = c.msg();
        if (updateTopic(c))
            return u2p(titleString(m));
        if (c.topicHas("bodhi.buildroot_override."))
            return u2p(pyStr(overrideNvr(m)));
        if (c.topicHas("bodhi.stack")) {
            QStringList out;
            const JsonValue &pk = at(at(m, "stack"), "packages");
            if (!pk.isArray())
                throw MetaFailure {};
            for (const JsonValue &p : pk.array())
                out << pyStr(at(p, "name"));
            return out;
        }
        if (c.topicHas("bodhi.masher.start")) {
            QStringList out;
            const JsonValue &u = get(m, "updates");
            if (!u.isNull())
                for (const QString &x : Py::strList(u))
                    out << u2p(x);
            return out;
        }
        return {};
    }
    QStringList packages(const MetaContext &c) const override { return packagesOf(c); }

    QStringList usernames(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        QStringList users;
        for (const auto &u : { commentAuthor(m), updateAuthor(m), overrideAuthor(m) })
            if (u)
                users << *u;
        if (has(m, "comment")) {
            static const QRegularExpression mention(
                QStringLiteral("@(\\w+)"), QRegularExpression::UseUnicodePropertiesOption);
            auto it = mention.globalMatch(pyStr(at(at(m, "comment"), "text")));
            while (it.hasNext())
                users << it.next().captured(1);
        }
        if (has(m, "agent") && !at(m, "agent").isNull())
            users << pyStr(at(m, "agent"));
        return users;
    }

    QStringList objects(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (isFtpSync(c))
            return { syncProduct(c).toLower() + QLatin1Char('/') + pyStr(at(m, "repo"))
                + QLatin1Char('/') + syncRelease(m).first };
        if (has(m, "repo")
            && (c.topicHas("bodhi.mashtask") || c.topicHas("bodhi.compose")
                || c.topicHas("bodhi.repo.done"))) {
            const JsonValue &r = at(m, "repo");
            if (!r.isString())
                throw MetaFailure { "TypeError" };
            return { QStringLiteral("repos/") + pyStr(r) };
        }
        if (updateTopic(c) || c.topicHas("bodhi.masher.start")) {
            QStringList out;
            for (const QString &p : packagesOf(c))
                out << QStringLiteral("packages/") + p;
            return out;
        }
        if (c.topicHas("bodhi.buildroot_override.")) {
            QStringList out;
            for (const QString &p : u2p(pyStr(overrideNvr(m))))
                out << QStringLiteral("packages/") + p;
            return out;
        }
        if (c.topicHas("bodhi.stack")) {
            QStringList out;
            for (const QString &p : packagesOf(c))
                out << QStringLiteral("packages/") + p;
            out << QStringLiteral("stacks/") + pyStr(at(at(m, "stack"), "name"));
            return out;
        }
        return {};
    }
};

} // namespace

std::unique_ptr<MetaProcessor> makeBodhiProcessor(ServiceInfo i)
{
    return std::make_unique<BodhiProcessor>(std::move(i));
}

} // namespace fedmsg::render
