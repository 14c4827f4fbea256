// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"

#include <QRegularExpression>

namespace fedmsg::render {

namespace {

/// email.utils.parseaddr(...)[1] for the common forms: "Name <a@b>", "a@b", "a@b (Name)".
QString parseAddr(const QString &full)
{
    const qsizetype lt = full.lastIndexOf(QLatin1Char('<'));
    const qsizetype gt = full.lastIndexOf(QLatin1Char('>'));
    if (lt >= 0 && gt > lt)
        return full.mid(lt + 1, gt - lt - 1).trimmed();
    QString s = full.trimmed();
    const qsizetype paren = s.indexOf(QLatin1Char('('));
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
        const QString lst = pyStr(at(at(m, "mlist"), "list_name"));
        const JsonValue &d = at(m, "msg");
        const QString subject =
            pyStr(at(d, "subject")).replace(QLatin1Char('\n'), QLatin1Char(' '));
        QString user = c.fas.emailToFas(parseAddr(pyStr(at(d, "from"))));
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
        const QString email = parseAddr(pyStr(Py::path(c.msg(), { "msg", "from" })));
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
        QString a = pyStr(v);
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
        const QString user =
            c.fas.emailToFas(parseAddr(pyStr(Py::path(c.msg(), { "msg", "from" }))));
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
                pyStr(refs).split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts))
                references << r.mid(1, r.size() - 2);
        const QString mid = pyStr(at(d, "message-id"));
        const QString messageId = mid.mid(1, mid.size() - 2);
        QStringList tokens { pyStr(Py::path(c.msg(), { "mlist", "list_name" })) };
        if (!references.isEmpty())
            tokens << references.join(QLatin1Char('/'));
        tokens << messageId << QStringLiteral("message");
        return { tokens.join(QLatin1Char('/')) };
    }
};

} // namespace

std::unique_ptr<MetaProcessor> makeMailmanProcessor(ServiceInfo i)
{
    return std::make_unique<MailmanProcessor>(std::move(i));
}

} // namespace fedmsg::render
