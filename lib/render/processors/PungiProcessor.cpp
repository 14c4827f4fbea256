// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"

namespace fedmsg::render {

namespace {

/// Python str.strip(chars)
QString pyStrip(QString s, const QString &chars)
{
    while (!s.isEmpty() && chars.contains(s.front()))
        s.remove(0, 1);
    while (!s.isEmpty() && chars.contains(s.back()))
        s.chop(1);
    return s;
}

class PungiProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString compose = pyStr(get(m, "compose_id"));
        if (c.topicEnds("pungi.compose.status.change")) {
            const QString st = pyStr(at(m, "status"));
            QString status = st;
            if (st == QLatin1String("STARTED"))
                status = QStringLiteral("started");
            else if (st == QLatin1String("FINISHED"))
                status = QStringLiteral("just finished");
            else if (st == QLatin1String("DOOMED"))
                status = QStringLiteral("failed in a horrible fire");
            else if (st == QLatin1String("TERMINATED"))
                status = QStringLiteral("was terminated");
            return format("pungi-koji compose of {compose} {status}",
                { { "compose", compose }, { "status", status } });
        }
        if (c.topicEnds("pungi.compose.phase.start"))
            return format("pungi-koji started the {phase} phase of the {compose} compose",
                { { "compose", compose }, { "phase", pyStr(at(m, "phase_name")) } });
        if (c.topicEnds("pungi.compose.phase.stop"))
            return format("pungi-koji finished the {phase} phase of the {compose} compose",
                { { "compose", compose }, { "phase", pyStr(at(m, "phase_name")) } });
        if (c.topicEnds("pungi.compose.createiso.imagedone"))
            return format("pungi-koji finished createiso for {image}",
                { { "image", pyStr(at(m, "file")).split(QStringLiteral("compose/")).last() } });
        if (c.topicEnds("pungi.compose.createiso.imagefail"))
            return format("pungi-koji createiso for {image} failed!",
                { { "image", pyStr(at(m, "file")).split(QStringLiteral("compose/")).last() } });
        if (c.topicEnds("pungi.compose.createiso.targets"))
            return format("pungi-koji assigned {N} createiso targets",
                { { "N", QString::number(at(m, "deliverables").size()) } });
        if (c.topicEnds("pungi.compose.ostree"))
            return format("pungi-koji ostree compose {compose} produced ostree commit {commitid} "
                          "for {arch} {ref}",
                { { "compose", compose },
                    { "arch", pyStr(at(m, "arch")) },
                    { "commitid", pyStr(at(m, "commitid")) },
                    { "ref", pyStr(at(m, "ref")) } });
        if (c.topicEnds("pungi.compose.fail.to.start"))
            return format("failed to compose from {config}: \"{detail}\"",
                { { "config", pyStr(get(m, "config")) }, { "detail", pyStr(get(m, "detail")) } });
        return {};
    }

    QString link(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (has(m, "location"))
            return pyStrip(
                pyStrip(pyStr(at(m, "location")), QStringLiteral("/")), QStringLiteral("/compose"));
        return {};
    }

    QStringList objects(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (has(m, "deliverables")) {
            QStringList out;
            for (const QString &d : iter(at(m, "deliverables")))
                out << pyStrip(d, QStringLiteral("/"));
            return out;
        }
        if (has(m, "file"))
            return { pyStrip(pyStr(at(m, "file")), QStringLiteral("/")) };
        if (has(m, "compose_id"))
            return { QStringLiteral("rawhide/")
                + pyStr(at(m, "compose_id")).split(QLatin1Char('.')).join(QLatin1Char('/')) };
        return {};
    }
};

} // namespace

std::unique_ptr<MetaProcessor> makePungiProcessor(ServiceInfo i)
{
    return std::make_unique<PungiProcessor>(std::move(i));
}

} // namespace fedmsg::render
