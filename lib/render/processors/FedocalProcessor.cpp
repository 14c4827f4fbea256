// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"
#include <array>

#include <QDateTime>
#include <QTimeZone>

namespace fedmsg::render {

namespace {

QString optPath(const JsonValue &m, std::string_view a, std::string_view b)
{
    try {
        return pyStr(at(at(m, a), b));
    } catch (const MetaFailure &) {
        return QStringLiteral("None");
    }
}

/// dateutil.relativedelta(meeting, now) rendered as "in N <unit>" like fedocal's processor.
QString casualTimedelta(const JsonValue &meeting)
{
    const QString dt = pyStr(at(meeting, "meeting_date")) + QLatin1Char(' ')
        + pyStr(at(meeting, "meeting_time_start"));
    QDateTime when = QDateTime::fromString(dt, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!when.isValid())
        throw MetaFailure { "ValueError" };
    when.setTimeZone(QTimeZone::utc());
    QDateTime now = QDateTime::currentDateTimeUtc();
    const bool future = when >= now;
    QDateTime a = future ? now : when;
    const QDateTime b = future ? when : now;
    int months = (b.date().year() - a.date().year()) * 12 + (b.date().month() - a.date().month());
    if (a.addMonths(months) > b)
        --months;
    a = a.addMonths(months);
    const qint64 secs = a.secsTo(b);
    constexpr long long monthsPerYear = 12;
    constexpr long long secsPerDay = 86400;
    constexpr long long secsPerHour = 3600;
    constexpr long long secsPerMinute = 60;
    const auto parts = std::to_array<std::pair<long long, const char *>>({
        { months / monthsPerYear, "years" },
        { months % monthsPerYear, "months" },
        { secs / secsPerDay, "days" },
        { (secs % secsPerDay) / secsPerHour, "hours" },
        { (secs % secsPerHour) / secsPerMinute, "minutes" },
    });
    for (const auto &[amount, unit] : parts) {
        const long long v = future ? amount : -amount;
        if (v != 0) {
            QString n = QString::fromUtf8(unit);
            if (v == 1)
                n.chop(1);
            return QStringLiteral("in %1 %2").arg(v).arg(n);
        }
    }
    return QStringLiteral("right now");
}

class FedocalProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString user = optPath(c.env, "msg", "agent");
        const QString calendar =
            has(m, "calendar") ? optPath(m, "calendar", "calendar_name") : QStringLiteral("None");
        const QString meeting =
            has(m, "meeting") ? optPath(m, "meeting", "meeting_name") : QStringLiteral("None");
        QString timestring = QStringLiteral("None");
        QString tmpl;
        if (c.topicHas("fedocal.meeting.reminder")) {
            timestring = casualTimedelta(at(m, "meeting"));
            tmpl = QString::fromUtf8(
                "Friendly reminder!  The \"{meeting}\" meeting from the \"{calendar}\" "
                "calendar starts {timestring}");
        } else if (c.topicHas("fedocal.meeting.update"))
            tmpl = QString::fromUtf8(
                R"({user} updated the "{meeting}" meeting from the "{calendar}" calendar)");
        else if (c.topicHas("fedocal.meeting.delete"))
            tmpl = QString::fromUtf8(
                R"({user} deleted the "{meeting}" meeting from the "{calendar}" calendar)");
        else if (c.topicHas("fedocal.meeting.new"))
            tmpl = QString::fromUtf8(
                R"({user} created a "{meeting}" meeting in the "{calendar}" calendar)");
        else if (c.topicHas("fedocal.calendar.new"))
            tmpl = QString::fromUtf8("{user} created a whole new \"{calendar}\" calendar");
        else if (c.topicHas("fedocal.calendar.update"))
            tmpl = QString::fromUtf8("{user} updated the \"{calendar}\" calendar");
        else if (c.topicHas("fedocal.calendar.delete"))
            tmpl = QString::fromUtf8("{user} deleted the \"{calendar}\" calendar");
        else if (c.topicHas("fedocal.calendar.clear"))
            tmpl =
                QString::fromUtf8("{user} cleared the \"{calendar}\" calendar of all its meetings");
        else if (c.topicHas("fedocal.calendar.upload"))
            tmpl = QString::fromUtf8(
                "{user} uploaded an iCalendar file into the calendar \"{calendar}\"");
        return format(tmpl,
            { { "user", user },
                { "calendar", calendar },
                { "meeting", meeting },
                { "timestring", timestring } });
    }

    QString secondaryIcon(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        return has(m, "agent") ? avatar(pyStr(at(m, "agent"))) : QString();
    }

    QString link(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString base = QStringLiteral("https://apps.fedoraproject.org/calendar/");
        try {
            const JsonValue &id = at(at(m, "meeting"), "meeting_id");
            if (!id.isInteger())
                throw MetaFailure { "TypeError" };
            return base + QStringLiteral("meeting/%1/").arg(pyStr(id));
        } catch (const MetaFailure &) {
            return base + pyStr(at(at(m, "calendar"), "calendar_name")) + QLatin1Char('/');
        }
    }

    QStringList usernames(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        return has(m, "agent") ? QStringList { pyStr(at(m, "agent")) } : QStringList {};
    }

    QStringList objects(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString calendar =
            has(m, "calendar") ? optPath(m, "calendar", "calendar_name") : QStringLiteral("None");
        const bool hasMeeting = has(m, "meeting") && has(at(m, "meeting"), "meeting_name")
            && truthy(at(at(m, "meeting"), "meeting_name"));
        const QString action = c.topic.split(QLatin1Char('.')).last();
        if (!hasMeeting)
            return { calendar + QLatin1Char('/') + action };
        return { QStringList { calendar,
            QStringLiteral("meetings"),
            pyStr(at(at(m, "meeting"), "meeting_name")),
            action }
                     .join(QLatin1Char('/')) };
    }
};

} // namespace

std::unique_ptr<MetaProcessor> makeFedocalProcessor(ServiceInfo i)
{
    return std::make_unique<FedocalProcessor>(std::move(i));
}

} // namespace fedmsg::render
