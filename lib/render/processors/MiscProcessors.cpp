// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
// Small native processors: mailman, koschei, greenwave, mdapi, infragit.
#include "render/processors/Native.h"

#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

namespace fedmsg::render {

namespace {

/// email.utils.parseaddr(...)[1] for the common forms: "Name <a@b>", "a@b", "a@b (Name)".
QString parseAddr(const QString &full)
{
    const int lt = full.lastIndexOf(QLatin1Char('<'));
    const int gt = full.lastIndexOf(QLatin1Char('>'));
    if (lt >= 0 && gt > lt)
        return full.mid(lt + 1, gt - lt - 1).trimmed();
    QString s = full.trimmed();
    const int paren = s.indexOf(QLatin1Char('('));
    if (paren > 0)
        s = s.left(paren).trimmed();
    return s;
}

class MailmanProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    QString subtitle(const MetaContext &c) const override
    {
        if (!c.topicHas("receive"))
            return {};
        const JsonValue &m = c.msg();
        const QString lst = S(at(at(m, "mlist"), "list_name"));
        const JsonValue &d = at(m, "msg");
        const QString subject = S(at(d, "subject")).replace(QLatin1Char('\n'), QLatin1Char(' '));
        QString user = c.fas.emailToFas(parseAddr(S(at(d, "from"))));
        if (user.isEmpty())
            user = QStringLiteral("someone");
        if (truthy(at(d, "references")) || truthy(at(d, "in-reply-to")))
            return format("On the {lst} list, {user} replied to '{subject}'",
                { { "lst", lst }, { "user", user }, { "subject", subject } });
        return format("{user} wrote '{subject}' to the {lst} list",
            { { "lst", lst }, { "user", user }, { "subject", subject } });
    }

    QString secondaryIcon(const MetaContext &c) const override
    {
        const QString email = parseAddr(S(Py::path(c.msg(), { "msg", "from" })));
        const QString user = c.fas.emailToFas(email);
        if (user.contains(QLatin1Char('@')))
            return avatarEmail(email);
        return Avatar::forOpenId(user);
    }

    QString link(const MetaContext &c) const override
    {
        const JsonValue &v = Py::path(c.msg(), { "msg", "archived-at" });
        if (!truthy(v))
            return {};
        QString a = S(v);
        if (a.startsWith(QLatin1Char('<')))
            a.remove(0, 1);
        if (a.endsWith(QLatin1Char('>')))
            a.chop(1);
        if (a.startsWith(QLatin1String("http")))
            return a;
        if (!a.isEmpty())
            return QStringLiteral("https://lists.fedoraproject.org/archives") + a;
        return {};
    }

    QStringList usernames(const MetaContext &c) const override
    {
        const QString user = c.fas.emailToFas(parseAddr(S(Py::path(c.msg(), { "msg", "from" }))));
        if (!user.isEmpty() && !user.contains(QLatin1Char('@')))
            return { user };
        return {};
    }

    QStringList objects(const MetaContext &c) const override
    {
        const JsonValue &d = Py::path(c.msg(), { "msg" });
        JsonValue refs = at(d, "references");
        if (!truthy(refs))
            refs = at(d, "in-reply-to");
        QStringList references;
        if (truthy(refs))
            for (const QString &r :
                S(refs).split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts))
                references << r.mid(1, r.size() - 2);
        const QString mid = S(at(d, "message-id"));
        const QString messageId = mid.mid(1, mid.size() - 2);
        QStringList tokens { S(Py::path(c.msg(), { "mlist", "list_name" })) };
        if (!references.isEmpty())
            tokens << references.join(QLatin1Char('/'));
        tokens << messageId << QStringLiteral("message");
        return { tokens.join(QLatin1Char('/')) };
    }
};

class KoscheiProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("koschei.package.state.change")) {
            const QString nw = S(at(m, "new"));
            QString info;
            if (nw == QLatin1String("ok") && S(at(m, "old")) == QLatin1String("ignored"))
                info = QStringLiteral("{name} added to Koschei");
            else if (nw == QLatin1String("failing"))
                info = QStringLiteral("{name}'s builds started to fail");
            else if (nw == QLatin1String("ok"))
                info = QStringLiteral("{name}'s builds are back to normal");
            else if (nw == QLatin1String("ignored"))
                info = QStringLiteral("{name} became retired or ignored");
            else if (nw == QLatin1String("unresolved"))
                info = QStringLiteral("{name}'s dependencies failed to resolve");
            else
                throw MetaFailure { "KeyError" };
            info += QStringLiteral(" in {collection}");
            const QString inst = S(at(m, "koji_instance"));
            if (inst != QLatin1String("primary"))
                info += QStringLiteral(" ({koji_instance})");
            const QString collection =
                has(m, "collection_name") ? S(at(m, "collection_name")) : S(get(m, "repo"));
            return format(info,
                { { "name", S(at(m, "name")) },
                    { "collection", collection },
                    { "koji_instance", inst } });
        }
        if (c.topicHas("koschei.collection.state.change")) {
            const QString nw = S(at(m, "new"));
            QString info;
            if (nw == QLatin1String("ok") && S(at(m, "old")) == QLatin1String("unknown"))
                info = QStringLiteral("{collection} added to Koschei");
            else if (nw == QLatin1String("ok"))
                info = QStringLiteral("{collection} buildroot was fixed");
            else if (nw == QLatin1String("unresolved"))
                info = QStringLiteral("{collection} buildroot was broken");
            else
                throw MetaFailure { "KeyError" };
            const QString inst = S(at(m, "koji_instance"));
            if (inst != QLatin1String("primary"))
                info += QStringLiteral(" ({koji_instance})");
            return format(
                info, { { "collection", S(at(m, "collection_name")) }, { "koji_instance", inst } });
        }
        throw MetaFailure { "NotImplementedError" };
    }

    QString secondaryIcon(const MetaContext &c) const override
    {
        if (c.topicHas("koschei.package.state.change"))
            return QStringLiteral("https://apps.fedoraproject.org/packages/images/icons/%1.png")
                .arg(S(at(c.msg(), "name")));
        return {};
    }

    QString link(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString base = QStringLiteral("https://apps.fedoraproject.org/koschei");
        if (c.topicHas("koschei.package.state.change")) {
            QString url = base + QStringLiteral("/package/") + S(at(m, "name"));
            if (has(m, "collection"))
                url += QStringLiteral("?collection=") + S(at(m, "collection"));
            return url;
        }
        if (c.topicHas("koschei.collection.state.change"))
            return base + QStringLiteral("/collection/") + S(at(m, "collection"));
        throw MetaFailure { "NotImplementedError" };
    }

    QStringList packages(const MetaContext &c) const override
    {
        if (c.topicHas("koschei.package.state.change"))
            return { S(at(c.msg(), "name")) };
        throw MetaFailure { "NotImplementedError" };
    }
};

class GreenwaveProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    static bool satisfied(const JsonValue &m)
    {
        if (has(m, "policies_satisfied"))
            return truthy(at(m, "policies_satisfied"));
        return truthy(at(m, "policies_satisified"));
    }

    QString link(const MetaContext &c) const override
    {
        const JsonValue &subject = at(c.msg(), "subject");
        if (!truthy(subject))
            return {};
        const JsonValue &first = at(subject, 0);
        if (!first.isObject())
            throw MetaFailure {};
        QStringList pairs;
        for (const auto &[k, v] : first.object()) // sorted by key like sorted(items())
            pairs << QString::fromLatin1(
                         QUrl::toPercentEncoding(QString::fromStdString(k)).replace("%20", "+"))
                    + QLatin1Char('=')
                    + QString::fromLatin1(QUrl::toPercentEncoding(S(v)).replace("%20", "+"));
        return QStringLiteral("https://taskotron.fedoraproject.org/resultsdb/results?")
            + pairs.join(QLatin1Char('&'));
    }

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString decision =
            satisfied(m) ? QStringLiteral("is a GO") : QStringLiteral("says NO-GO");
        QString item;
        const JsonValue &ident = get(m, "subject_identifier");
        if (truthy(ident)) {
            item = S(ident);
        } else {
            QStringList items;
            for (const JsonValue &e : at(m, "subject").array())
                if (truthy(get(e, "item")))
                    items << S(get(e, "item"));
            item = items.isEmpty() ? QStringLiteral("\"something\"") : items.first();
        }
        return formatDict(
            "greenwave {decision} on {item} for \"{decision_context}\" ({product_version})",
            m,
            { { "decision", decision }, { "item", item } });
    }

    static QStringList packagesOf(const JsonValue &m)
    {
        QStringList out;
        const JsonValue &subject = at(m, "subject");
        if (!subject.isArray())
            throw MetaFailure {};
        for (const JsonValue &e : subject.array())
            if (truthy(get(e, "item")) && S(get(e, "type")) == QLatin1String("koji_build"))
                out << Py::nvrName(S(get(e, "item")));
        return Py::sortedUnique(out);
    }

    QString secondaryIcon(const MetaContext &c) const override
    {
        const QStringList p = packagesOf(c.msg());
        return p.isEmpty() ? QString()
                           : QStringLiteral("https://apps.fedoraproject.org/packages/images/icons/")
                + p.first() + QStringLiteral(".png");
    }

    QStringList packages(const MetaContext &c) const override { return packagesOf(c.msg()); }
};

class MdapiProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    template <typename F>
    static void eachDifference(const JsonValue &m, F f)
    {
        const JsonValue &diffs = at(m, "differences");
        for (const QString &category : iter(diffs))
            for (const QString &action : iter(at(diffs, category.toStdString())))
                for (const JsonValue &details :
                    at(at(diffs, category.toStdString()), action.toStdString()).array()) {
                    const QString first = S(at(details, 0));
                    const QString name =
                        first.contains(QLatin1Char('/')) ? S(at(details, -1)) : first;
                    f(category, action, name);
                }
    }

    QString subtitle(const MetaContext &c) const override
    {
        if (!c.topicHas("mdapi.repo.update"))
            throw MetaFailure { "NotImplementedError" };
        const JsonValue &m = c.msg();
        QString summary;
        if (has(m, "differences")) {
            QStringList parts;
            QStringList categories = iter(at(m, "differences"));
            std::sort(categories.begin(), categories.end());
            for (const QString &cat : categories) {
                const JsonValue &d = at(at(m, "differences"), cat.toStdString());
                const auto a = at(d, "added").size();
                const auto r = at(d, "removed").size();
                if (!a && !r)
                    continue;
                parts << QStringLiteral("%1: +%2/-%3").arg(cat).arg(a).arg(r);
            }
            summary = parts.join(QStringLiteral(", "));
        } else {
            summary = Py::listToSeries(Py::strList(at(m, "packages")));
        }
        return format("mdapi noticed a {repo} repomd change: {summary}",
            { { "repo", S(at(m, "name")) }, { "summary", summary } });
    }

    QString secondaryIcon(const MetaContext &) const override { return info().icon; }

    QString link(const MetaContext &c) const override
    {
        const QString url = S(at(c.msg(), "url"));
        return url.startsWith(QLatin1String("http"))
            ? url
            : QStringLiteral("https://download.fedoraproject.org/pub/") + url;
    }

    QStringList objects(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString repo = S(at(m, "name"));
        QStringList out;
        if (has(m, "differences"))
            eachDifference(m, [&](const QString &cat, const QString &action, const QString &name) {
                out << QStringLiteral("%1/%2/%3/%4").arg(repo, cat, action, name);
            });
        else
            for (const QString &p : iter(at(m, "packages")))
                out << repo + QLatin1Char('/') + p;
        return out;
    }

    QStringList packages(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        QStringList out;
        if (has(m, "differences"))
            eachDifference(m, [&](const QString &, const QString &, const QString &name) {
                out << name.split(QLatin1Char('(')).first();
            });
        else
            out = iter(at(m, "packages"));
        return out;
    }
};

class InfraGitProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    static QString repo(const JsonValue &m)
    {
        return S(Py::path(m, { "commit", "path" })).split(QLatin1Char('/')).last();
    }

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString r = repo(m);
        const JsonValue &commit = at(m, "commit");
        const QString user = S(at(commit, "username"));
        QString summ = S(at(commit, "summary"));
        if (summ.trimmed() != S(at(commit, "message")).trimmed())
            summ += QStringLiteral(" (..more)");
        return format(
            "{user} pushed a commit to the fedora-infra {repo} repo ({branch}):  \"{summary}\"",
            { { "user", user },
                { "repo", r },
                { "branch", S(at(commit, "branch")) },
                { "summary", summ } });
    }

    QString link(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString r = repo(m);
        if (r == QLatin1String("puppet"))
            return QString(QLatin1String(""));
        return QStringLiteral(
            "https://infrastructure.fedoraproject.org/cgit/%1.git/commit/?h=%2&id=%3")
            .arg(r, S(Py::path(m, { "commit", "branch" })), S(Py::path(m, { "commit", "rev" })));
    }

    std::optional<QString> agent(const MetaContext &c) const override
    {
        return S(Py::path(c.msg(), { "commit", "username" }));
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

std::unique_ptr<MetaProcessor> makeMailmanProcessor(ServiceInfo i)
{
    return std::make_unique<MailmanProcessor>(std::move(i));
}
std::unique_ptr<MetaProcessor> makeKoscheiProcessor(ServiceInfo i)
{
    return std::make_unique<KoscheiProcessor>(std::move(i));
}
std::unique_ptr<MetaProcessor> makeGreenwaveProcessor(ServiceInfo i)
{
    return std::make_unique<GreenwaveProcessor>(std::move(i));
}
std::unique_ptr<MetaProcessor> makeMdapiProcessor(ServiceInfo i)
{
    return std::make_unique<MdapiProcessor>(std::move(i));
}
std::unique_ptr<MetaProcessor> makeInfraGitProcessor(ServiceInfo i)
{
    return std::make_unique<InfraGitProcessor>(std::move(i));
}

} // namespace fedmsg::render
