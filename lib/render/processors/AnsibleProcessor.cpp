// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"

#include <utility>

namespace fedmsg::render {

namespace {

class AnsibleProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    static std::pair<bool, QString> relative(const QString &playbook)
    {
        static const QString prefix = QStringLiteral("/srv/web/infra/ansible/");
        if (playbook.startsWith(prefix))
            return { true, playbook.mid(prefix.size()) };
        return { false, playbook.split(QLatin1Char('/')).last() };
    }

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString user = getStr(m, "userid", QString::fromUtf8("(no user specified)"));
        const QString playbook = relative(pyStr(at(m, "playbook"))).second;
        if (c.topicHas("ansible.playbook.start"))
            return format("{user} started an ansible run of {playbook}",
                { { "user", user }, { "playbook", playbook } });
        if (c.topicHas("ansible.playbook.complete"))
            return format("{user}'s {playbook} playbook run completed",
                { { "user", user }, { "playbook", playbook } });
        return {};
    }

    QString secondaryIcon(const MetaContext &c) const override
    {
        const JsonValue &u = get(c.msg(), "userid");
        return truthy(u) ? avatar(pyStr(u)) : QString();
    }

    QString link(const MetaContext &c) const override
    {
        const auto [controlled, playbook] = relative(pyStr(at(c.msg(), "playbook")));
        if (!controlled)
            return {};
        return QStringLiteral("http://infrastructure.fedoraproject.org/cgit/ansible.git/tree/")
            + playbook;
    }

    QStringList usernames(const MetaContext &c) const override
    {
        const JsonValue &u = get(c.msg(), "userid");
        return truthy(u) ? QStringList { pyStr(u) } : QStringList {};
    }

    QStringList objects(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        auto [controlled, playbook] = relative(pyStr(at(m, "playbook")));
        if (!controlled)
            playbook = QStringLiteral("uncontrolled-playbooks/") + playbook;
        QStringList out { playbook };
        if (has(m, "results")) {
            const JsonValue &r = at(m, "results");
            if (!r.isObject())
                throw MetaFailure { "AttributeError" };
            for (const QString &h : iter(r))
                out << QStringLiteral("inventory/") + h;
        }
        return out;
    }
};

} // namespace

std::unique_ptr<MetaProcessor> makeAnsibleProcessor(ServiceInfo i)
{
    return std::make_unique<AnsibleProcessor>(std::move(i));
}

} // namespace fedmsg::render
