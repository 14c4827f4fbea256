// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"

namespace fedmsg::render {

namespace {

QString stringOrDict(const JsonValue &m, std::string_view key)
{
    const JsonValue &v = at(m, key);
    if (v.isString())
        return pyStr(v);
    if (has(v, "username"))
        return pyStr(at(v, "username"));
    return pyStr(at(v, "name"));
}

class FasProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("fas.user.create"))
            return format("New FAS account:  '{user}'  (created by '{agent}')",
                { { "agent", stringOrDict(m, "agent") }, { "user", stringOrDict(m, "user") } });
        if (c.topicHas("fas.user.update"))
            return format("{agent} edited the following fields of {user}'s FAS profile:  {fields}",
                { { "agent", stringOrDict(m, "agent") },
                    { "user", stringOrDict(m, "user") },
                    { "fields", Py::strList(at(m, "fields")).join(QStringLiteral(", ")) } });
        if (c.topicHas("fas.group.member.")) {
            const QString action = c.topic.split(QLatin1Char('.')).last();
            const QString agent = stringOrDict(m, "agent");
            const QString user = stringOrDict(m, "user");
            const QString group = stringOrDict(m, "group");
            QString tmpl = QStringLiteral("<unhandled action in fedmsg.meta.fas>");
            if (action == QLatin1String("apply"))
                tmpl =
                    QStringLiteral("{agent} applied for {user}'s membership in the {group} group");
            else if (action == QLatin1String("sponsor"))
                tmpl = QStringLiteral("{agent} sponsored {user}'s membership in the {group} group");
            else if (action == QLatin1String("remove"))
                tmpl = QStringLiteral("{agent} removed {user} from the {group} group");
            return format(tmpl, { { "agent", agent }, { "user", user }, { "group", group } });
        }
        if (c.topicHas("fas.group.create"))
            return format("{agent} created new FAS group {group}",
                { { "agent", stringOrDict(m, "agent") }, { "group", stringOrDict(m, "group") } });
        if (c.topicHas("fas.group.update"))
            return format("{agent} edited the following fields of the {group} FAS group:  {fields}",
                { { "agent", stringOrDict(m, "agent") },
                    { "group", stringOrDict(m, "group") },
                    { "fields", Py::strList(at(m, "fields")).join(QStringLiteral(", ")) } });
        if (c.topicHas("fas.role.update")) {
            QString tmpl = QStringLiteral("{agent} changed {user}'s role in the {group} group");
            const QString agent = stringOrDict(m, "agent");
            const QString user = stringOrDict(m, "user");
            const QString group = stringOrDict(m, "group");
            QString status = QStringLiteral("None");
            if (has(m, "status")) {
                status = stringOrDict(m, "status");
                tmpl += QStringLiteral(" to {status}");
            }
            return format(tmpl,
                { { "agent", agent }, { "group", group }, { "user", user }, { "status", status } });
        }
        throw MetaFailure { "NotImplementedError" };
    }

    QString secondaryIcon(const MetaContext &c) const override
    {
        return avatar(stringOrDict(c.msg(), "agent"));
    }

    QStringList usernames(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        QStringList users;
        for (const char *k : { "agent", "user" }) {
            try {
                users << stringOrDict(m, k);
            } catch (const MetaFailure &) {}
        }
        return users;
    }

    QStringList objects(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        QStringList objs;
        if (has(m, "user"))
            objs << QStringLiteral("users/") + stringOrDict(m, "user");
        if (has(m, "group"))
            objs << QStringLiteral("groups/") + stringOrDict(m, "group");
        return objs;
    }
};

} // namespace

std::unique_ptr<MetaProcessor> makeFasProcessor(ServiceInfo i)
{
    return std::make_unique<FasProcessor>(std::move(i));
}

} // namespace fedmsg::render
