// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"

#include <algorithm>
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

    /// The release: the message's branch, else the topic's rawhide, epelbeta or two-digit part.
    static QString releaseOf(const MetaContext &c)
    {
        const JsonValue &m = c.msg();
        if (m.isObject() && m.contains("branch"))
            return Py::capitalize(pyStr(at(m, "branch")).split(QStringLiteral("Modular-")).last());
        const QStringList comps = c.topic.split(QLatin1Char('.'));
        if (comps.contains(QStringLiteral("rawhide")))
            return QStringLiteral("Rawhide");
        if (comps.contains(QStringLiteral("epelbeta")))
            return QStringLiteral("EPEL Beta");
        for (const QString &comp : comps)
            if (comp.size() == 2 && allDigits(comp))
                return comp;
        return QStringLiteral("(unknown release)");
    }

    static bool allDigits(const QString &s)
    {
        return std::all_of(s.cbegin(), s.cend(), [](QChar ch) {
            return ch.isDigit();
        });
    }

    /// What was composed when the message does not say ("short"): Fedora, Fedora-Modular, or
    /// for a release's full compose of the old kind all four products.
    static QString productOf(
        const MetaContext &c, const QString &release, bool noArch, bool oldEvent)
    {
        const JsonValue &m = c.msg();
        const bool fullCompose = !release.isEmpty() && allDigits(release) && !oldEvent
            && !m.contains("compose_id") && noArch && !c.topic.contains(QLatin1String("branched"));
        const bool modular =
            getStr(m, "branch", QString()).toLower().contains(QLatin1String("modular"));
        if (fullCompose)
            return QStringLiteral("Fedora, Fedora-Atomic, Fedora-Cloud or Fedora-Docker");
        return modular ? QStringLiteral("Fedora-Modular") : QStringLiteral("Fedora");
    }

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

        const QString release = releaseOf(c);

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

        const QString shortName = m.contains("short")
            ? pyStr(at(m, "short"))
            : productOf(c, release, arch.isEmpty(), event != nullptr && event->old);

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
