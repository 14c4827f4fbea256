// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"
#include <array>

namespace fedmsg::render {

namespace {

struct Event
{
    const char *key;
    const char *text;
    bool makeUp;
    bool old;
};

// topic substrings -> event text, in the order fedmsg.meta's dicts iterate
const auto kEvents = std::to_array<Event>({
    { ".make-updates.", "", true, true },
    { ".cloudimg-build.", " building images for", true, true },
    { ".mash-atomic", " Atomic updates mash for", true, true },
    { ".atomic-lorax", " Atomic lorax run for", true, true },
    { ".cloudimg-checksum.", " image checksum generation for", true, true },
    { ".cloudimg-staging.", " master mirror publication for", true, true },
    { ".mash.", " mashing", false, true },
    { ".pungify.", " building boot.iso for", false, true },
    { ".image.", " building other images for", false, true },
    { ".rsync.", " master mirror publication for", false, false },
});

class ComposeProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const Event *event = nullptr;
        for (const Event &e : kEvents)
            if (c.topic.contains(QLatin1String(e.key))) {
                event = &e;
                break;
            }
        const QString evtext = event ? QString::fromUtf8(event->text) : QString();

        QString release = QStringLiteral("(unknown release)");
        if (m.isObject() && m.contains("branch")) {
            release =
                Py::capitalize(pyStr(at(m, "branch")).split(QStringLiteral("Modular-")).last());
        } else {
            const QStringList comps = c.topic.split(QLatin1Char('.'));
            if (comps.contains(QStringLiteral("rawhide")))
                release = QStringLiteral("Rawhide");
            else if (comps.contains(QStringLiteral("epelbeta")))
                release = QStringLiteral("EPEL Beta");
            else
                for (const QString &comp : comps) {
                    bool digits = comp.size() == 2;
                    for (QChar ch : comp)
                        digits = digits && ch.isDigit();
                    if (digits) {
                        release = comp;
                        break;
                    }
                }
        }

        QString arch = getStr(m, "arch", QString());
        if (arch == QLatin1String("None"))
            arch.clear();
        if (!arch.isEmpty())
            arch = QStringLiteral(" (%1)").arg(arch);

        QString comptext = (event && event->makeUp)
            ? QStringLiteral("post-release Cloud/Atomic/Docker respin compose")
            : QStringLiteral("compose");
        const JsonValue &cid = get(m, "compose_id");
        if (truthy(cid))
            comptext += QLatin1Char(' ') + pyStr(cid);

        QString shortName;
        if (m.contains("short")) {
            shortName = pyStr(at(m, "short"));
        } else {
            shortName = QStringLiteral("Fedora");
            if (getStr(m, "branch", QString()).toLower().contains(QLatin1String("modular")))
                shortName = QStringLiteral("Fedora-Modular");
            bool isDigit = !release.isEmpty();
            for (QChar ch : release)
                isDigit = isDigit && ch.isDigit();
            const bool oldEvent = event != nullptr && event->old;
            if (isDigit && !oldEvent) {
                if (!m.contains("compose_id") && arch.isEmpty()
                    && !c.topic.contains(QLatin1String("branched")))
                    shortName =
                        QStringLiteral("Fedora, Fedora-Atomic, Fedora-Cloud or Fedora-Docker");
            }
        }

        QString action = QStringLiteral("Did something to do with");
        const QString last = c.topic.split(QLatin1Char('.')).last();
        if (last == QLatin1String("start"))
            action = QStringLiteral("Started");
        else if (last == QLatin1String("complete") || last == QLatin1String("done")
            || last == QLatin1String("stop"))
            action = QStringLiteral("Completed");

        return action + evtext + QLatin1Char(' ') + shortName + QLatin1Char(' ') + release + arch
            + QLatin1Char(' ') + comptext;
    }

    QString link(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (!m.isObject())
            throw MetaFailure {};
        const JsonValue *loc = m.find("location");
        return loc ? pyStr(*loc) : QStringLiteral("https://kojipkgs.fedoraproject.org/compose/");
    }

    QStringList objects(const MetaContext &c) const override
    {
        const QStringList parts = c.topic.split(QLatin1Char('.'));
        if (parts.size() < 5)
            throw MetaFailure {};
        QString arch = strIfTruthy(get(c.msg(), "arch"));
        if (arch.isEmpty())
            arch = QStringLiteral("primary");
        return { parts.at(4) + QLatin1Char('/') + arch };
    }
};

} // namespace

std::unique_ptr<MetaProcessor> makeComposeProcessor(ServiceInfo i)
{
    return std::make_unique<ComposeProcessor>(std::move(i));
}

} // namespace fedmsg::render
