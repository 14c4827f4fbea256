// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"

#include <algorithm>

namespace fedmsg::render {

namespace {

class MdapiProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    template <typename F>
    static void eachDifference(const JsonValue &m, F f)
    {
        const JsonValue &diffs = at(m, "differences");
        for (const QString &category : iter(diffs))
            for (const QString &action : iter(at(diffs, category.toStdString())))
                for (const JsonValue &details :
                    at(at(diffs, category.toStdString()), action.toStdString()).array()) {
                    const QString first = pyStr(at(details, 0));
                    const QString name =
                        first.contains(QLatin1Char('/')) ? pyStr(at(details, -1)) : first;
                    f(category, action, name);
                }
    }

    QString subtitle(const MetaContext &c) const override
    {
        if (!c.topicHas("mdapi.repo.update"))
            throw MetaFailure { "NotImplementedError" };
        const JsonValue &m = c.msg();
        QString summary;
        if (has(m, "differences")) {
            QStringList parts;
            QStringList categories = iter(at(m, "differences"));
            std::sort(categories.begin(), categories.end());
            for (const QString &cat : categories) {
                const JsonValue &d = at(at(m, "differences"), cat.toStdString());
                const auto a = at(d, "added").size();
                const auto r = at(d, "removed").size();
                if (a == 0 && r == 0)
                    continue;
                parts << QStringLiteral("%1: +%2/-%3").arg(cat).arg(a).arg(r);
            }
            summary = parts.join(QStringLiteral(", "));
        } else {
            summary = Py::listToSeries(Py::strList(at(m, "packages")));
        }
        return format("mdapi noticed a {repo} repomd change: {summary}",
            { { "repo", pyStr(at(m, "name")) }, { "summary", summary } });
    }

    QString secondaryIcon(const MetaContext & /*c*/) const override { return info().icon; }

    QString link(const MetaContext &c) const override
    {
        const QString url = pyStr(at(c.msg(), "url"));
        return url.startsWith(QLatin1String("http"))
            ? url
            : QStringLiteral("https://download.fedoraproject.org/pub/") + url;
    }

    QStringList objects(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString repo = pyStr(at(m, "name"));
        QStringList out;
        if (has(m, "differences"))
            eachDifference(m, [&](const QString &cat, const QString &action, const QString &name) {
                out << QStringLiteral("%1/%2/%3/%4").arg(repo, cat, action, name);
            });
        else
            for (const QString &p : iter(at(m, "packages")))
                out << repo + QLatin1Char('/') + p;
        return out;
    }

    QStringList packages(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        QStringList out;
        if (has(m, "differences"))
            eachDifference(m, [&](const QString &, const QString &, const QString &name) {
                out << name.split(QLatin1Char('(')).first();
            });
        else
            out = iter(at(m, "packages"));
        return out;
    }
};

} // namespace

std::unique_ptr<MetaProcessor> makeMdapiProcessor(ServiceInfo i)
{
    return std::make_unique<MdapiProcessor>(std::move(i));
}

} // namespace fedmsg::render
