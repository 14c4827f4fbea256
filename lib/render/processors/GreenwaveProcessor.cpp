// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"

#include <QUrl>

namespace fedmsg::render {

namespace {

class GreenwaveProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    static bool satisfied(const JsonValue &m)
    {
        if (has(m, "policies_satisfied"))
            return truthy(at(m, "policies_satisfied"));
        return truthy(at(m, "policies_satisified"));
    }

    QString link(const MetaContext &c) const override
    {
        const JsonValue &subject = at(c.msg(), "subject");
        if (!truthy(subject))
            return {};
        const JsonValue &first = at(subject, 0);
        if (!first.isObject())
            throw MetaFailure {};
        QStringList pairs;
        for (const auto &[k, v] : first.object()) // sorted by key like sorted(items())
            pairs << QString::fromLatin1(
                         QUrl::toPercentEncoding(QString::fromStdString(k)).replace("%20", "+"))
                    + QLatin1Char('=')
                    + QString::fromLatin1(QUrl::toPercentEncoding(pyStr(v)).replace("%20", "+"));
        return QStringLiteral("https://taskotron.fedoraproject.org/resultsdb/results?")
            + pairs.join(QLatin1Char('&'));
    }

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString decision =
            satisfied(m) ? QStringLiteral("is a GO") : QStringLiteral("says NO-GO");
        QString item;
        const JsonValue &ident = get(m, "subject_identifier");
        if (truthy(ident)) {
            item = pyStr(ident);
        } else {
            QStringList items;
            for (const JsonValue &e : at(m, "subject").array())
                if (truthy(get(e, "item")))
                    items << pyStr(get(e, "item"));
            item = items.isEmpty() ? QStringLiteral("\"something\"") : items.first();
        }
        return formatDict(
            "greenwave {decision} on {item} for \"{decision_context}\" ({product_version})",
            m,
            { { "decision", decision }, { "item", item } });
    }

    static QStringList packagesOf(const JsonValue &m)
    {
        QStringList out;
        const JsonValue &subject = at(m, "subject");
        if (!subject.isArray())
            throw MetaFailure {};
        for (const JsonValue &e : subject.array())
            if (truthy(get(e, "item")) && pyStr(get(e, "type")) == QLatin1String("koji_build"))
                out << Py::nvrName(pyStr(get(e, "item")));
        return Py::sortedUnique(out);
    }

    QString secondaryIcon(const MetaContext &c) const override
    {
        const QStringList p = packagesOf(c.msg());
        return p.isEmpty() ? QString()
                           : QStringLiteral("https://apps.fedoraproject.org/packages/images/icons/")
                + p.first() + QStringLiteral(".png");
    }

    QStringList packages(const MetaContext &c) const override { return packagesOf(c.msg()); }
};

} // namespace

std::unique_ptr<MetaProcessor> makeGreenwaveProcessor(ServiceInfo i)
{
    return std::make_unique<GreenwaveProcessor>(std::move(i));
}

} // namespace fedmsg::render
