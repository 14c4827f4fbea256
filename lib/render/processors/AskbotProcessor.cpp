// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"

namespace fedmsg::render {

namespace {

class AskbotProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString user = pyStr(at(m, "agent"));
        QString title;
        QString tmpl;
        auto isQuestion = [&](std::string_view k) {
            return pyStr(at(at(m, k), "post_type")) == QLatin1String("question");
        };
        if (c.topicHas("askbot.post.edit")) {
            title = pyStr(at(at(m, "thread"), "title"));
            if (truthy(at(m, "created")))
                tmpl = isQuestion("post")
                    ? QString::fromUtf8("{user} asked the question '{title}'")
                    : QString::fromUtf8("{user} suggested an answer to the question '{title}'");
            else
                tmpl = isQuestion("post")
                    ? QString::fromUtf8("{user} updated the question '{title}'")
                    : QString::fromUtf8("{user} updated an answer to the question '{title}'");
        } else if (c.topicHas("askbot.tag.update")) {
            title = pyStr(at(at(m, "thread"), "title"));
            tmpl = QString::fromUtf8("{user} altered tags on askbot question '{title}'");
        } else if (c.topicHas("askbot.post.flag_offensive.add")) {
            title = pyStr(at(at(m, "thread"), "title"));
            tmpl = isQuestion("instance")
                ? QString::fromUtf8("{user} flagged a question as offensive!")
                : QString::fromUtf8("{user} flagged an answer as offensive!");
        } else if (c.topicHas("askbot.post.flag_offensive.delete")) {
            tmpl = isQuestion("instance")
                ? QString::fromUtf8("{user} unflagged a question as offensive...")
                : QString::fromUtf8("{user} unflagged an answer as offensive...");
        } else if (c.topicHas("askbot.post.delete")) {
            title = pyStr(at(at(m, "thread"), "title"));
            tmpl = isQuestion("instance")
                ? QString::fromUtf8("{user} deleted the question '{title}'")
                : QString::fromUtf8("{user} deleted an answer on '{title}'");
        } else {
            throw MetaFailure { "NotImplementedError" };
        }
        return format(tmpl, { { "user", user }, { "title", title } });
    }

    QString secondaryIcon(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const JsonValue *a = m.isObject() ? m.find("agent") : nullptr;
        if (!m.isObject())
            throw MetaFailure {};
        if (!a || !truthy(*a))
            return { QLatin1String("") };
        return avatar(pyStr(*a));
    }

    QStringList usernames(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        QStringList users;
        if (has(m, "agent"))
            users << pyStr(at(m, "agent"));
        const JsonValue &mentioned = get(m, "newly_mentioned_users");
        if (!mentioned.isNull())
            users << iter(mentioned);
        return users;
    }

    QStringList objects(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        QStringList objs;
        JsonValue tags;
        if (has(m, "tags"))
            tags = at(m, "tags");
        else if (has(m, "thread"))
            tags = at(at(m, "thread"), "tagnames");
        if (!tags.isNull())
            for (const QString &t : iter(tags))
                if (!t.isEmpty())
                    objs << QStringLiteral("tags/") + t;
        if (has(m, "thread"))
            objs << QStringLiteral("threads/") + pyStr(at(at(m, "thread"), "pk"));
        return objs;
    }

    QString link(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString base = c.topicHas("stg")
            ? QStringLiteral("https://ask.stg.fedoraproject.org/question/%1/")
            : QStringLiteral("https://ask.fedoraproject.org/question/%1/");
        return base.arg(pyStr(at(m, "topmost_post_id")));
    }
};

} // namespace

std::unique_ptr<MetaProcessor> makeAskbotProcessor(ServiceInfo i)
{
    return std::make_unique<AskbotProcessor>(std::move(i));
}

} // namespace fedmsg::render
