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
            return pyStr(at(m, "url"))
                       .replace(QStringLiteral("http://"), QStringLiteral("https://"))
                + QStringLiteral(".html");
        if (c.topicHas("meetbot.meeting.item.link")) {
            // (https?:\/\/[a-z0-9\.:].*?)[ $] -- the class [ $] is a space or a dollar sign
            static const QRegularExpression re(QStringLiteral("(https?://[a-z0-9\\.:].*?)[ $]"));
            const auto match = re.match(pyStr(at(at(m, "details"), "line")));
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
            tmpl = titled ? QString::fromUtf8("{owner} started meeting \"{name}\" in {channel}")
                          : QString::fromUtf8("{owner} started a meeting in {channel}");
        else if (c.topicHas("meetbot.meeting.complete"))
            tmpl = titled
                ? QString::fromUtf8("{owner}'s meeting titled \"{name}\" ended in {channel}")
                : QString::fromUtf8("{owner}'s meeting ended in {channel}");
        else if (c.topicHas("meetbot.meeting.topic.update"))
            tmpl = titled
                ? QString::fromUtf8(
                    R"(The topic of {owner}'s "{name}" meeting changed to "{topic}" in {channel})")
                : QString::fromUtf8(
                    "The topic of {owner}'s meeting changed to \"{topic}\" in {channel}");
        else if (c.topicHas("meetbot.meeting.item.")) {
            tmpl = titled
                ? QString::fromUtf8(
                    R"({agent} {action} in the "{name}" meeting in {channel}: "{line}")")
                : QString::fromUtf8("{agent} {action} in a meeting in {channel}: \"{line}\"");
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
            line = pyStr(at(at(m, "details"), "line"));
        } else {
            throw MetaFailure { "NotImplementedError" };
        }
        if (has(m, "details"))
            agent = c.fas.nickToFas(pyStr(at(at(m, "details"), "nick")));
        return format(tmpl,
            { { "owner", c.fas.nickToFas(pyStr(at(m, "owner"))) },
                { "agent", agent },
                { "name", pyStr(at(m, "meeting_topic")) },
                { "channel", pyStr(at(m, "channel")) },
                { "topic", getStr(m, "topic", QString::fromUtf8("no topic")) },
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
            return avatar(c.fas.nickToFas(pyStr(at(at(m, "details"), "nick"))));
        return avatar(c.fas.nickToFas(pyStr(at(m, "owner"))));
    }

    QStringList objects(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        QStringList objs;
        for (const QString &a : attendees(c))
            objs << QStringLiteral("attendees/") + a;
        objs << QStringLiteral("channels/") + pyStr(at(m, "channel"));
        if (truthy(at(m, "meeting_topic")))
            objs << QStringLiteral("titles/") + pyStr(at(m, "meeting_topic"));
        if (truthy(get(m, "topic")))
            objs << QStringLiteral("topics/") + pyStr(at(m, "topic"));
        return objs;
    }
};

} // namespace

std::unique_ptr<MetaProcessor> makeSupybotProcessor(ServiceInfo i)
{
    return std::make_unique<SupybotProcessor>(std::move(i));
}

} // namespace fedmsg::render
