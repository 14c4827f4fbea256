// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"

namespace fedmsg::render {

namespace {

class OpenQaProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    static QString type(const MetaContext &c)
    {
        if (c.topicHas(".job."))
            return QStringLiteral("job");
        if (c.topicHas(".comment."))
            return QStringLiteral("comment");
        return {};
    }

    /// "[staging ]job N (test T on M for iso I) ": the job, and its test when it has one.
    static QString jobTitle(const MetaContext &c)
    {
        const JsonValue &m = c.msg();
        const QString job = getStr(m, "id", QString());
        const JsonValue &test = get(m, "TEST");
        const QString machine = pyStr(get(m, "MACHINE"));
        const JsonValue &iso = get(m, "ISO");
        const JsonValue &hdd1 = get(m, "HDD_1");
        QString t;
        if (c.topicHas(".stg"))
            t = QStringLiteral("staging ");
        t += QStringLiteral("job %1 ").arg(job);
        if (!truthy(test))
            return t;
        t += QStringLiteral("(test %1 on %2").arg(pyStr(test), machine);
        if (truthy(iso))
            return t + QStringLiteral(" for iso %1) ").arg(pyStr(iso));
        if (truthy(hdd1))
            return t + QStringLiteral(" for disk %1) ").arg(pyStr(hdd1));
        return t + QStringLiteral(") ");
    }

    /// A job's state and result.
    static std::optional<QString> jobSubtitle(const MetaContext &c)
    {
        const JsonValue &m = c.msg();
        if (type(c) == QLatin1String("job")) {
            const QString t = jobTitle(c);
            const QString build =
                has(m, "BUILD") ? pyStr(at(m, "BUILD")) : getStr(m, "build", QString());
            const QString remain = getStr(m, "remaining", QString());
            const QString result = pyStr(get(m, "result"));
            if (c.topicEnds("job.duplicate")) {
                QString autoS = getStr(m, "auto", QString());
                if (autoS == QLatin1String("0"))
                    autoS = QStringLiteral("manually ");
                if (autoS == QLatin1String("1"))
                    autoS = QStringLiteral("automatically ");
                return t + QStringLiteral("%1duplicated as %2 for %3").arg(autoS, result, build);
            }
            if (c.topicEnds("job.restart"))
                return t + QStringLiteral("restarted as %1 for %2").arg(result, build);
            if (c.topicEnds("job.done")) {
                if (truthy(get(m, "result")))
                    return t
                        + QStringLiteral("completed with result %1 for %2, %3 remaining jobs")
                              .arg(result, build, remain);
                return t + QStringLiteral("completed for %1, %2 remaining jobs").arg(build, remain);
            }
            return QString();
        }
        return std::nullopt;
    }

    QString subtitle(const MetaContext &c) const override
    {
        if (std::optional<QString> s = jobSubtitle(c))
            return *s;
        const JsonValue &m = c.msg();
        if (type(c) == QLatin1String("comment")) {
            QString extract = getStr(m, "text", QString());
            if (Py::len(extract) > 30)
                extract = Py::slice(extract, 30) + QStringLiteral("...");
            const QString user = getStr(m, "user", QStringLiteral("someone"));
            const QString comment = pyStr(get(m, "id"));
            const JsonValue &job = get(m, "job_id");
            const JsonValue &group = get(m, "group_id");
            QString action = QStringLiteral("did something to");
            if (c.topicEnds("comment.create"))
                action = QStringLiteral("created");
            else if (c.topicEnds("comment.update"))
                action = QStringLiteral("updated");
            else if (c.topicEnds("comment.delete"))
                action = QStringLiteral("deleted");
            QString s = QStringLiteral("%1 %2 comment #%3 on openQA").arg(user, action, comment);
            if (truthy(job))
                s += QStringLiteral(" job ") + pyStr(job);
            else if (truthy(group))
                s += QStringLiteral(" group ") + pyStr(group);
            if (!extract.isEmpty())
                s += QStringLiteral(", text: ") + extract;
            return s;
        }
        return {};
    }

    QString link(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        QString base = c.topicHas(".stg") ? QStringLiteral("https://openqa.stg.fedoraproject.org")
                                          : QStringLiteral("https://openqa.fedoraproject.org");
        if (type(c) == QLatin1String("job"))
            return QStringLiteral("%1/tests/%2").arg(base, pyStr(get(m, "id")));
        if (type(c) == QLatin1String("comment")) {
            const JsonValue &job = get(m, "job_id");
            const JsonValue &group = get(m, "group_id");
            if (truthy(job))
                return QStringLiteral("%1/tests/%2#comments").arg(base, pyStr(job));
            if (truthy(group))
                return QStringLiteral("%1/group_overview/%2").arg(base, pyStr(group));
            return base;
        }
        return {};
    }

    QStringList objects(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        QStringList objs;
        if (has(m, "build"))
            objs << pyStr(at(m, "build"));
        else if (has(m, "BUILD"))
            objs << pyStr(at(m, "BUILD"));
        if (has(m, "ISO"))
            objs << pyStr(at(m, "ISO"));
        else if (has(m, "HDD_1"))
            objs << pyStr(at(m, "HDD_1"));
        if (type(c) == QLatin1String("comment")) {
            if (truthy(get(m, "job_id")))
                objs << pyStr(at(m, "job_id"));
            if (truthy(get(m, "group_id")))
                objs << pyStr(at(m, "group_id"));
        }
        return objs;
    }

    QStringList usernames(const MetaContext &c) const override
    {
        const JsonValue &u = get(c.msg(), "user");
        return truthy(u) ? QStringList { pyStr(u) } : QStringList {};
    }
};

} // namespace

std::unique_ptr<MetaProcessor> makeOpenQaProcessor(ServiceInfo i)
{
    return std::make_unique<OpenQaProcessor>(std::move(i));
}

} // namespace fedmsg::render
