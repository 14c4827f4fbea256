// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/Conglomerator.h"

#include "render/Avatar.h"
#include "render/Py.h"
#include "render/Renderer.h"

#include <QRegularExpression>

#include <algorithm>
#include <functional>
#include <optional>

namespace fedmsg {

using render::MetaFailure;
using render::Py;

namespace {

struct Item
{
    const JsonValue *msg = nullptr; ///< a single message not merged yet
    std::optional<Conglomerate> group;
};

struct Rule
{
    const char *kind;
    std::function<bool(const JsonValue &)> canHandle;
    std::function<bool(const JsonValue &, const JsonValue &)> matches;
    std::function<void(const std::vector<const JsonValue *> &, Conglomerate &)> merge;
};

QString topicOf(const JsonValue &m)
{
    const JsonValue *t = m.find("topic");
    return t && t->isString() ? t->toQString() : QString();
}

const JsonValue &p(const JsonValue &m, std::initializer_list<std::string_view> keys)
{
    return Py::path(m, keys);
}

QString s(const JsonValue &m, std::initializer_list<std::string_view> keys)
{
    return Py::str(Py::path(m, keys));
}

QString firstPackage(const JsonValue &m)
{
    static const QRegularExpression sep(QStringLiteral("[ ,]"));
    return Py::nvrName(s(m, { "msg", "update", "title" }).split(sep).first());
}

std::vector<Rule> rules()
{
    auto topicHas = [](const char *needle) {
        return [needle](const JsonValue &m) {
            return topicOf(m).contains(QLatin1String(needle));
        };
    };
    auto requestTopics = [](const JsonValue &m) {
        const QString t = topicOf(m);
        return t.contains(QLatin1String("bodhi.update.request.testing"))
            || t.contains(QLatin1String("bodhi.update.request.stable"));
    };
    auto sameAgent = [](const JsonValue &a, const JsonValue &b) {
        return p(a, { "msg", "agent" }) == p(b, { "msg", "agent" });
    };
    auto branches = [](const std::vector<const JsonValue *> &ms) {
        QStringList out;
        for (const JsonValue *m : ms)
            out << s(*m, { "msg", "update", "release", "name" });
        return Py::listToSeries(out);
    };
    const QString updates = QStringLiteral("https://bodhi.fedoraproject.org/updates/");
    std::vector<Rule> r;
    // bodhi requests
    for (const auto &[kind, needle, verb] : { std::tuple { "bodhi.requests.ByUserAndPackageTesting",
                                                  "bodhi.update.request.testing",
                                                  "submitted %1 %2 testing updates for %3" },
             std::tuple { "bodhi.requests.ByUserAndPackageStable",
                 "bodhi.update.request.stable",
                 "requested %1 %2 stable updates for %3" } }) {
        const QString v = QString::fromUtf8(verb);
        r.push_back({ kind,
            topicHas(needle),
            [sameAgent](const JsonValue &a, const JsonValue &b) {
                return sameAgent(a, b) && firstPackage(a) == firstPackage(b);
            },
            [v, branches, updates](const std::vector<const JsonValue *> &ms, Conglomerate &c) {
                const QString agent = s(*ms[0], { "msg", "agent" });
                const QString pkg = firstPackage(*ms[0]);
                c.subtitle = agent + QLatin1Char(' ') + v.arg(ms.size()).arg(pkg, branches(ms));
                c.secondaryIcon = Avatar::forUser(agent);
                c.link = updates + pkg;
            } });
    }
    r.push_back({ "bodhi.requests.ByPackage",
        requestTopics,
        [](const JsonValue &a, const JsonValue &b) {
            return firstPackage(a) == firstPackage(b);
        },
        [branches, updates](const std::vector<const JsonValue *> &ms, Conglomerate &c) {
            const QString pkg = firstPackage(*ms[0]);
            c.subtitle = QStringLiteral("%1 submitted %2 %3 updates for %4")
                             .arg(Py::listToSeries(c.usernames))
                             .arg(ms.size())
                             .arg(pkg, branches(ms));
            c.secondaryIcon = c.icon;
            c.link = updates + pkg;
        } });
    r.push_back({ "bodhi.requests.ByUser",
        requestTopics,
        sameAgent,
        [branches](const std::vector<const JsonValue *> &ms, Conglomerate &c) {
            const QString agent = s(*ms[0], { "msg", "agent" });
            c.subtitle = QStringLiteral("%1 submitted %2 updates for %3")
                             .arg(agent, Py::listToSeries(c.packages), branches(ms));
            c.secondaryIcon = Avatar::forUser(agent);
            c.link = QStringLiteral("https://bodhi.fedoraproject.org/users/") + agent;
        } });
    // bodhi comments
    r.push_back({ "bodhi.comments.ByUpdate",
        topicHas("bodhi.update.comment"),
        [](const JsonValue &a, const JsonValue &b) {
            return p(a, { "msg", "comment", "update_title" })
                == p(b, { "msg", "comment", "update_title" });
        },
        [updates](const std::vector<const JsonValue *> &ms, Conglomerate &c) {
            const QString update = s(*ms[0], { "msg", "comment", "update_title" });
            c.subtitle =
                QStringLiteral("%1 commented on %2").arg(Py::listToSeries(c.usernames), update);
            c.secondaryIcon = c.icon;
            c.link = updates + update;
        } });
    r.push_back({ "bodhi.comments.ByUser",
        topicHas("bodhi.update.comment"),
        sameAgent,
        [](const std::vector<const JsonValue *> &ms, Conglomerate &c) {
            const QString agent = s(*ms[0], { "msg", "agent" });
            QStringList titles;
            for (const JsonValue *m : ms)
                titles << s(*m, { "msg", "comment", "update_title" });
            c.subtitle = QStringLiteral("%1 commented on %2").arg(agent, Py::listToSeries(titles));
            c.secondaryIcon = Avatar::forUser(agent);
            c.link = QStringLiteral("https://bodhi.fedoraproject.org/users/") + agent;
        } });
    // pagure tickets and commits
    for (const auto &[kind, entityKey, entityName] :
        { std::tuple { "pagure.ByPR", "pullrequest", "pull-request" },
            std::tuple { "pagure.ByIssue", "issue", "issue" } }) {
        const std::string key = entityKey;
        const QString name = QString::fromUtf8(entityName);
        const bool pr = key == "pullrequest";
        r.push_back({ kind,
            [name](const JsonValue &m) {
                return topicOf(m).contains(QStringLiteral("pagure.%1.").arg(name));
            },
            [key, pr](const JsonValue &a, const JsonValue &b) {
                const JsonValue &ea = p(a, { "msg", key });
                const JsonValue &eb = p(b, { "msg", key });
                const JsonValue &pa =
                    pr ? p(ea, { "project", "name" }) : p(a, { "msg", "project", "name" });
                const JsonValue &pb =
                    pr ? p(eb, { "project", "name" }) : p(b, { "msg", "project", "name" });
                return p(ea, { "id" }) == p(eb, { "id" }) && pa == pb;
            },
            [key, name, pr](const std::vector<const JsonValue *> &ms, Conglomerate &c) {
                QStringList agents;
                for (const JsonValue *m : ms)
                    agents << s(*m, { "msg", "agent" });
                const QString idx = s(*ms[0], { "msg", key, "id" });
                const QString repo = pr ? s(*ms[0], { "msg", key, "project", "name" })
                                        : s(*ms[0], { "msg", "project", "name" });
                c.subtitle = QStringLiteral("%1 interacted with %2 #%3 of project \"%4\" %5 times")
                                 .arg(Py::listToSeries(agents), name, idx, repo)
                                 .arg(ms.size());
                c.secondaryIcon = Avatar::forUser(s(*ms[0], { "msg", "agent" }));
                c.link = QStringLiteral("https://pagure.io/%1/%2/%3").arg(repo, name, idx);
            } });
    }
    r.push_back({ "pagure.ByNewStyleCommit",
        [](const JsonValue &m) {
            return topicOf(m).contains(QLatin1String(".pagure.git.receive"))
                && !Py::has(p(m, { "msg" }), "commit");
        },
        [](const JsonValue &a, const JsonValue &b) {
            return p(a, { "msg", "repo", "name" }) == p(b, { "msg", "repo", "name" });
        },
        [](const std::vector<const JsonValue *> &ms, Conglomerate &c) {
            long long count = 0;
            QStringList agents;
            QStringList branchList;
            for (const JsonValue *m : ms) {
                count += p(*m, { "msg", "total_commits" }).toInt64();
                agents << s(*m, { "msg", "agent" });
                branchList
                    << s(*m, { "msg", "branch" }).replace(QStringLiteral("refs/heads/"), QString());
            }
            const QString repo = s(*ms[0], { "msg", "repo", "name" });
            c.subtitle = QStringLiteral("%1 pushed %2 commits to %3 (%4)")
                             .arg(Py::listToSeries(agents))
                             .arg(count)
                             .arg(repo, Py::listToSeries(branchList));
            c.secondaryIcon = Avatar::forUser(s(*ms[0], { "msg", "agent" }));
            c.link = QStringLiteral("https://pagure.io/%1/commits").arg(repo);
        } });
    return r;
}

void fillTemplate(
    const Renderer &renderer, const std::vector<const JsonValue *> &ms, Conglomerate &c)
{
    double sum = 0;
    bool first = true;
    for (const JsonValue *m : ms) {
        const Rendering r = renderer.renderFedmsg(*m);
        c.usernames << r.usernames;
        c.packages << r.packages;
        const QString topic = topicOf(*m);
        c.topics << topic;
        c.categories << topic.split(QLatin1Char('.')).value(3);
        const JsonValue *id = m->find("msg_id");
        c.msgIds << (id && id->isString() ? id->toQString() : QString());
        const JsonValue *ts = m->find("timestamp");
        const double t = ts ? ts->toDouble() : 0.0;
        sum += t;
        c.startTime = first ? t : std::min(c.startTime, t);
        c.endTime = first ? t : std::max(c.endTime, t);
        if (first) {
            c.icon = r.icon;
            c.serviceName = r.serviceName;
            c.subtitle = r.subtitle;
            c.link = r.link;
            c.secondaryIcon = r.secondaryIcon;
        }
        first = false;
    }
    c.usernames = Py::sortedUnique(c.usernames);
    c.packages = Py::sortedUnique(c.packages);
    c.topics = Py::sortedUnique(c.topics);
    c.categories = Py::sortedUnique(c.categories);
    c.count = static_cast<int>(ms.size());
    c.timestamp = ms.empty() ? 0 : sum / static_cast<double>(ms.size());
}

template <typename Match>
bool safely(Match f)
{
    try {
        return f();
    } catch (const MetaFailure &) {
        return false;
    }
}

/// The first message the rule handles that matches later ones, followed by those later ones
/// (empty when the rule merges nothing more).
std::vector<std::size_t> pickForRule(const Rule &rule, const std::vector<Item> &items)
{
    auto handles = [&](std::size_t i) {
        return items[i].msg != nullptr && safely([&] {
            return rule.canHandle(*items[i].msg);
        });
    };
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (!handles(i))
            continue;
        std::vector<std::size_t> picked { i };
        for (std::size_t j = i + 1; j < items.size(); ++j)
            if (handles(j) && safely([&] {
                    return rule.matches(*items[i].msg, *items[j].msg);
                }))
                picked.push_back(j);
        if (picked.size() > 1)
            return picked;
    }
    return {};
}

std::vector<const JsonValue *> messagesAt(
    const std::vector<Item> &items, const std::vector<std::size_t> &picked)
{
    std::vector<const JsonValue *> ms;
    ms.reserve(picked.size());
    for (std::size_t idx : picked)
        ms.push_back(items[idx].msg);
    return ms;
}

/// Removes the picked (ascending) items and puts the group where the first of them was.
void replaceByGroup(
    std::vector<Item> &items, const std::vector<std::size_t> &picked, Conglomerate c)
{
    const std::size_t at = picked.front();
    // Last first, so the indices before stay valid. (Not std::views::reverse: the fuzz build's
    // clang 14 cannot compile it over libstdc++ 12's ranges.)
    std::for_each(picked.rbegin(), picked.rend(), [&items](std::size_t idx) {
        items.erase(items.begin() + static_cast<std::ptrdiff_t>(idx));
    });
    items.insert(items.begin() + static_cast<std::ptrdiff_t>(at), Item { nullptr, std::move(c) });
}

/// select_constituents / merge, repeated until the rule merges nothing more (fedmsg's algorithm).
void mergeByRule(const Renderer &renderer, const Rule &rule, std::vector<Item> &items)
{
    for (;;) {
        const std::vector<std::size_t> picked = pickForRule(rule, items);
        if (picked.empty())
            return;
        const std::vector<const JsonValue *> ms = messagesAt(items, picked);
        Conglomerate c;
        fillTemplate(renderer, ms, c);
        c.kind = QString::fromUtf8(rule.kind);
        try {
            rule.merge(ms, c);
        } catch (const MetaFailure &) {
            c.kind = QStringLiteral("generic");
        }
        replaceByGroup(items, picked, std::move(c));
    }
}

/// generic: the remaining singles of one service become "N <label> events".
void mergeByService(const Renderer &renderer, std::vector<Item> &items)
{
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].msg == nullptr)
            continue;
        const MetaProcessor &proc = renderer.processorFor(topicOf(*items[i].msg));
        std::vector<std::size_t> picked { i };
        for (std::size_t j = i + 1; j < items.size(); ++j)
            if (items[j].msg != nullptr && &renderer.processorFor(topicOf(*items[j].msg)) == &proc)
                picked.push_back(j);
        if (picked.size() < 2)
            continue;
        const std::vector<const JsonValue *> ms = messagesAt(items, picked);
        Conglomerate c;
        fillTemplate(renderer, ms, c);
        c.kind = QStringLiteral("generic");
        const QString who = c.usernames.isEmpty()
            ? QString()
            : Py::listToSeries(c.usernames) + QStringLiteral(": ");
        c.subtitle =
            QStringLiteral("%1%2 %3 events").arg(who).arg(ms.size()).arg(proc.info().label);
        c.link = proc.info().link;
        c.secondaryIcon = c.usernames.size() == 1 ? Avatar::forUser(c.usernames.first()) : c.icon;
        replaceByGroup(items, picked, std::move(c));
    }
}

} // namespace

Conglomerator::Conglomerator(const Renderer &renderer)
    : m_renderer(renderer)
{}

QList<Conglomerate> Conglomerator::conglomerate(
    const std::vector<JsonValue> &messages, bool generic) const
{
    std::vector<Item> items;
    items.reserve(messages.size());
    for (const JsonValue &m : messages)
        items.push_back({ &m, std::nullopt });

    for (const Rule &rule : rules())
        mergeByRule(m_renderer, rule, items);
    if (generic)
        mergeByService(m_renderer, items);

    QList<Conglomerate> out;
    for (Item &item : items) {
        if (item.group) {
            out << std::move(*item.group);
            continue;
        }
        Conglomerate c;
        fillTemplate(m_renderer, { item.msg }, c);
        c.kind = QStringLiteral("single");
        out << c;
    }
    return out;
}

} // namespace fedmsg
