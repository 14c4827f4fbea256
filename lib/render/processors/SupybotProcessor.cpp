// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"

#include <QRegularExpression>

namespace fedmsg::render {

namespace {

class SupybotProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    QString link(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("meetbot.meeting.complete"))
            return S(at(m, "url")).replace(QStringLiteral("http://"), QStringLiteral("https://"))
                + QStringLiteral(".html");
        if (c.topicHas("meetbot.meeting.item.link")) {
            // (https?:\/\/[a-z0-9\.:].*?)[ $] -- the class [ $] is a space or a dollar sign
            static const QRegularExpression re(QStringLiteral("(https?://[a-z0-9\\.:].*?)[ $]"));
            const auto match = re.match(S(at(at(m, "details"), "line")));
            return match.hasMatch() ? match.captured(1) : QString();
        }
        return {};
    }

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        QString tmpl;
        QString action = QStringLiteral("None");
        QString line = QStringLiteral("None");
        QString agent = QStringLiteral("None");
        const bool titled = truthy(at(m, "meeting_topic"));
        if (c.topicHas("meetbot.meeting.start"))
            tmpl = titled ? L("{owner} started meeting \"{name}\" in {channel}")
                          : L("{owner} started a meeting in {channel}");
        else if (c.topicHas("meetbot.meeting.complete"))
            tmpl = titled ? L("{owner}'s meeting titled \"{name}\" ended in {channel}")
                          : L("{owner}'s meeting ended in {channel}");
        else if (c.topicHas("meetbot.meeting.topic.update"))
            tmpl = titled
                ? L("The topic of {owner}'s \"{name}\" meeting changed to \"{topic}\" in {channel}")
                : L("The topic of {owner}'s meeting changed to \"{topic}\" in {channel}");
        else if (c.topicHas("meetbot.meeting.item.")) {
            tmpl = titled ? L("{agent} {action} in the \"{name}\" meeting in {channel}: \"{line}\"")
                          : L("{agent} {action} in a meeting in {channel}: \"{line}\"");
            const QString key = c.topic.split(QLatin1Char('.')).last();
            static const QHash<QString, QString> lookup = {
                { QStringLiteral("agreed"), QStringLiteral("noted agreement") },
                { QStringLiteral("accepted"), QStringLiteral("accepted an item") },
                { QStringLiteral("rejected"), QStringLiteral("rejected an item") },
                { QStringLiteral("action"), QStringLiteral("noted an action") },
                { QStringLiteral("info"), QStringLiteral("raised a point of information") },
                { QStringLiteral("idea"), QStringLiteral("proposed an idea") },
                { QStringLiteral("help"), QStringLiteral("called for help") },
                { QStringLiteral("link"), QStringLiteral("linked to more information") },
            };
            if (!lookup.contains(key))
                throw MetaFailure { "KeyError" };
            action = lookup.value(key);
            line = S(at(at(m, "details"), "line"));
        } else {
            throw MetaFailure { "NotImplementedError" };
        }
        if (has(m, "details"))
            agent = c.fas.nickToFas(S(at(at(m, "details"), "nick")));
        return format(tmpl,
            { { "owner", c.fas.nickToFas(S(at(m, "owner"))) },
                { "agent", agent },
                { "name", S(at(m, "meeting_topic")) },
                { "channel", S(at(m, "channel")) },
                { "topic", getS(m, "topic", L("no topic")) },
                { "action", action },
                { "line", line } });
    }

    static QStringList attendees(const MetaContext &c)
    {
        QStringList out;
        for (const QString &nick : iter(at(c.msg(), "attendees")))
            if (nick != QLatin1String("zodbot"))
                out << c.fas.nickToFas(nick);
        return out;
    }

    QStringList usernames(const MetaContext &c) const override { return attendees(c); }

    QString secondaryIcon(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (has(m, "details"))
            return avatar(c.fas.nickToFas(S(at(at(m, "details"), "nick"))));
        return avatar(c.fas.nickToFas(S(at(m, "owner"))));
    }

    QStringList objects(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        QStringList objs;
        for (const QString &a : attendees(c))
            objs << QStringLiteral("attendees/") + a;
        objs << QStringLiteral("channels/") + S(at(m, "channel"));
        if (truthy(at(m, "meeting_topic")))
            objs << QStringLiteral("titles/") + S(at(m, "meeting_topic"));
        if (truthy(get(m, "topic")))
            objs << QStringLiteral("topics/") + S(at(m, "topic"));
        return objs;
    }
};

class NagiosProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    static QStringList users(const JsonValue &m)
    {
        QStringList out;
        for (const char *k : { "service_ack_author", "host_ack_author" }) {
            const JsonValue &v = at(m, k);
            if (truthy(v))
                out << S(v).split(QStringLiteral("://")).last().split(QLatin1Char('.')).first();
        }
        return Py::sortedUnique(out);
    }

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString st = S(at(m, "state"));
        QString state = QStringLiteral("in an unknown state");
        if (st == QLatin1String("CRITICAL"))
            state = QStringLiteral("down");
        else if (st == QLatin1String("WARNING"))
            state = QStringLiteral("having problems");
        else if (st == QLatin1String("OK"))
            state = QStringLiteral("back up");
        const QString host = S(at(m, "host"));
        QString result;
        bool haveResult = false;
        if (c.topicEnds("host.state.change")) {
            result = QStringLiteral("%1 is %2").arg(host, state);
            haveResult = true;
        } else if (c.topicEnds("service.state.change")) {
            result = QStringLiteral("%1 is %2 on %3")
                         .arg(getS(m, "service", L("some service")), state, host);
            haveResult = true;
        }
        if (S(at(m, "type")) == QLatin1String("ACKNOWLEDGEMENT")) {
            const QStringList u = users(m);
            if (!haveResult)
                throw MetaFailure { "TypeError" };
            result =
                QStringLiteral("%1 acknowledged that ").arg(u.isEmpty() ? L("somebody") : u.first())
                + result;
        }
        if (haveResult && !result.isEmpty() && has(m, "output"))
            result += QStringLiteral(": \"%1\"").arg(S(at(m, "output")));
        return result;
    }

    QString link(const MetaContext &c) const override
    {
        return QStringLiteral(
                   "https://admin.fedoraproject.org/nagios/cgi-bin/status.cgi?navbarsearch=1&host=")
            + S(at(c.msg(), "host"));
    }

    QString secondaryIcon(const MetaContext &c) const override
    {
        const QStringList u = users(c.msg());
        return u.isEmpty() ? info().icon : avatar(u.first());
    }

    QStringList usernames(const MetaContext &c) const override { return users(c.msg()); }

    QStringList objects(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        QString service = getS(m, "service", L("unknown"));
        if (c.topicEnds("host.state.change"))
            service = QStringLiteral("state");
        return { S(at(m, "host")) + QLatin1Char('/') + service };
    }
};

} // namespace

std::unique_ptr<MetaProcessor> makeSupybotProcessor(ServiceInfo i)
{
    return std::make_unique<SupybotProcessor>(std::move(i));
}
std::unique_ptr<MetaProcessor> makeNagiosProcessor(ServiceInfo i)
{
    return std::make_unique<NagiosProcessor>(std::move(i));
}

} // namespace fedmsg::render
