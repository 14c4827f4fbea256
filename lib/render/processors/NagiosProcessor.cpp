// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"

namespace fedmsg::render {

namespace {

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
                out << pyStr(v).split(QStringLiteral("://")).last().split(QLatin1Char('.')).first();
        }
        return Py::sortedUnique(out);
    }

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString st = pyStr(at(m, "state"));
        QString state = QStringLiteral("in an unknown state");
        if (st == QLatin1String("CRITICAL"))
            state = QStringLiteral("down");
        else if (st == QLatin1String("WARNING"))
            state = QStringLiteral("having problems");
        else if (st == QLatin1String("OK"))
            state = QStringLiteral("back up");
        const QString host = pyStr(at(m, "host"));
        QString result;
        bool haveResult = false;
        if (c.topicEnds("host.state.change")) {
            result = QStringLiteral("%1 is %2").arg(host, state);
            haveResult = true;
        } else if (c.topicEnds("service.state.change")) {
            result = QStringLiteral("%1 is %2 on %3")
                         .arg(getStr(m, "service", QString::fromUtf8("some service")), state, host);
            haveResult = true;
        }
        if (pyStr(at(m, "type")) == QLatin1String("ACKNOWLEDGEMENT")) {
            const QStringList u = users(m);
            if (!haveResult)
                throw MetaFailure { "TypeError" };
            result = QStringLiteral("%1 acknowledged that ")
                         .arg(u.isEmpty() ? QString::fromUtf8("somebody") : u.first())
                + result;
        }
        if (haveResult && !result.isEmpty() && has(m, "output"))
            result += QStringLiteral(": \"%1\"").arg(pyStr(at(m, "output")));
        return result;
    }

    QString link(const MetaContext &c) const override
    {
        return QStringLiteral(
                   "https://admin.fedoraproject.org/nagios/cgi-bin/status.cgi?navbarsearch=1&host=")
            + pyStr(at(c.msg(), "host"));
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
        QString service = getStr(m, "service", QString::fromUtf8("unknown"));
        if (c.topicEnds("host.state.change"))
            service = QStringLiteral("state");
        return { pyStr(at(m, "host")) + QLatin1Char('/') + service };
    }
};

} // namespace

std::unique_ptr<MetaProcessor> makeNagiosProcessor(ServiceInfo i)
{
    return std::make_unique<NagiosProcessor>(std::move(i));
}

} // namespace fedmsg::render
