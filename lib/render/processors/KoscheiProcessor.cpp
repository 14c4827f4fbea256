// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"

namespace fedmsg::render {

namespace {

class KoscheiProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (c.topicHas("koschei.package.state.change")) {
            const QString nw = pyStr(at(m, "new"));
            QString info;
            if (nw == QLatin1String("ok") && pyStr(at(m, "old")) == QLatin1String("ignored"))
                info = QStringLiteral("{name} added to Koschei");
            else if (nw == QLatin1String("failing"))
                info = QStringLiteral("{name}'s builds started to fail");
            else if (nw == QLatin1String("ok"))
                info = QStringLiteral("{name}'s builds are back to normal");
            else if (nw == QLatin1String("ignored"))
                info = QStringLiteral("{name} became retired or ignored");
            else if (nw == QLatin1String("unresolved"))
                info = QStringLiteral("{name}'s dependencies failed to resolve");
            else
                throw MetaFailure { "KeyError" };
            info += QStringLiteral(" in {collection}");
            const QString inst = pyStr(at(m, "koji_instance"));
            if (inst != QLatin1String("primary"))
                info += QStringLiteral(" ({koji_instance})");
            const QString collection =
                has(m, "collection_name") ? pyStr(at(m, "collection_name")) : pyStr(get(m, "repo"));
            return format(info,
                { { "name", pyStr(at(m, "name")) },
                    { "collection", collection },
                    { "koji_instance", inst } });
        }
        if (c.topicHas("koschei.collection.state.change")) {
            const QString nw = pyStr(at(m, "new"));
            QString info;
            if (nw == QLatin1String("ok") && pyStr(at(m, "old")) == QLatin1String("unknown"))
                info = QStringLiteral("{collection} added to Koschei");
            else if (nw == QLatin1String("ok"))
                info = QStringLiteral("{collection} buildroot was fixed");
            else if (nw == QLatin1String("unresolved"))
                info = QStringLiteral("{collection} buildroot was broken");
            else
                throw MetaFailure { "KeyError" };
            const QString inst = pyStr(at(m, "koji_instance"));
            if (inst != QLatin1String("primary"))
                info += QStringLiteral(" ({koji_instance})");
            return format(info,
                { { "collection", pyStr(at(m, "collection_name")) }, { "koji_instance", inst } });
        }
        throw MetaFailure { "NotImplementedError" };
    }

    QString secondaryIcon(const MetaContext &c) const override
    {
        if (c.topicHas("koschei.package.state.change"))
            return QStringLiteral("https://apps.fedoraproject.org/packages/images/icons/%1.png")
                .arg(pyStr(at(c.msg(), "name")));
        return {};
    }

    QString link(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString base = QStringLiteral("https://apps.fedoraproject.org/koschei");
        if (c.topicHas("koschei.package.state.change")) {
            QString url = base + QStringLiteral("/package/") + pyStr(at(m, "name"));
            if (has(m, "collection"))
                url += QStringLiteral("?collection=") + pyStr(at(m, "collection"));
            return url;
        }
        if (c.topicHas("koschei.collection.state.change"))
            return base + QStringLiteral("/collection/") + pyStr(at(m, "collection"));
        throw MetaFailure { "NotImplementedError" };
    }

    QStringList packages(const MetaContext &c) const override
    {
        if (c.topicHas("koschei.package.state.change"))
            return { pyStr(at(c.msg(), "name")) };
        throw MetaFailure { "NotImplementedError" };
    }
};

} // namespace

std::unique_ptr<MetaProcessor> makeKoscheiProcessor(ServiceInfo i)
{
    return std::make_unique<KoscheiProcessor>(std::move(i));
}

} // namespace fedmsg::render
