// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"

namespace fedmsg::render {

namespace {

QString statusText(const JsonValue &v)
{
    if (v.isInteger() || v.isBool()) {
        const long long s = v.isBool() ? (v.toBool() ? 1 : 0) : v.toInt64();
        switch (s) {
        case 0:
            return QStringLiteral("failed");
        case 1:
            return QStringLiteral("success");
        case 3:
            return QStringLiteral("running");
        case 5:
            return QStringLiteral("skipped");
        default:
            break;
        }
    }
    return QStringLiteral("unknown");
}

/// apply_backwards_compat on a copy of msg['msg'].
JsonValue compat(const JsonValue &in)
{
    if (!in.isObject())
        throw MetaFailure { "AttributeError" };
    JsonValue m = in;
    const JsonValue &pkg = get(m, "pkg");
    const JsonValue &version = get(m, "version");
    if (truthy(pkg) && truthy(version) && !pyStr(pkg).contains(pyStr(version)))
        m.insert("pkg", JsonValue(pyStr(pkg) + QLatin1Char('-') + pyStr(version)));
    if (has(m, "user") && !has(m, "owner"))
        m.insert("owner", at(m, "user"));
    return m;
}

class CoprsProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    QString longForm(const MetaContext &c) const override
    {
        if (!c.topicHas("copr.build.end"))
            return {};
        JsonValue m = compat(c.msg());
        const QString status = statusText(get(m, "status"));
        const JsonValue &build = at(m, "build");
        if (!build.isInteger())
            throw MetaFailure { "TypeError" };
        const QString buildId = QStringLiteral("%1").arg(build.toInt64(), 8, 10, QLatin1Char('0'));
        QString name;
        if (!pyStr(at(m, "version")).contains(QLatin1Char('-')))
            name = QStringLiteral("?? WHO KNOWS ??");
        else {
            const QStringList parts = Py::rsplit(pyStr(at(m, "pkg")), QStringLiteral("-"), 2);
            if (parts.size() != 3)
                throw MetaFailure { "ValueError" };
            name = parts.first();
        }
        const QString tmpl = QStringLiteral(
            "Package:  {pkg}\nCOPR:     {owner}/{copr}\nBuilt by: {user}\nStatus:   {status}\nID:  "
            "     {build}\n\n"
            "Logs:\n"
            "  Build:     "
            "https://copr-be.cloud.fedoraproject.org/results/{owner}/{copr}/{chroot}/"
            "{build}-{pkg_name}/build.log.gz\n"
            "  Root:      "
            "https://copr-be.cloud.fedoraproject.org/results/{owner}/{copr}/{chroot}/"
            "{build}-{pkg_name}/root.log.gz\n"
            "  Copr:      "
            "https://copr-be.cloud.fedoraproject.org/results/{owner}/{copr}/{chroot}/"
            "build-{build}.log\n"
            "  Mockchain: "
            "https://copr-be.cloud.fedoraproject.org/results/{owner}/{copr}/{chroot}/"
            "{build}-{pkg_name}/mockchain.log.gz\n"
            "Results:     "
            "https://copr-be.cloud.fedoraproject.org/results/{owner}/{copr}/{chroot}/"
            "{build}-{pkg_name}/\n"
            "Repodata:    "
            "https://copr-be.cloud.fedoraproject.org/results/{owner}/{copr}/{chroot}/repodata/\n");
        return formatDict(
            tmpl, m, { { "status", status }, { "build", buildId }, { "pkg_name", name } });
    }

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue m = compat(c.msg());
        const JsonValue &user = get(m, "user");
        QString tmpl;
        if (c.topicHas("copr.build.start"))
            tmpl = truthy(user)
                ? QString::fromUtf8("{user} started a new build of the {copr} copr")
                : QString::fromUtf8("Automated build of the {copr} copr has been started");
        else if (c.topicHas("copr.build.end"))
            tmpl = truthy(user)
                ? QString::fromUtf8(
                    "{user}'s {copr} copr build of {pkg} for {chroot} finished with '{status}'")
                : QString::fromUtf8(
                    "Automated {copr} copr build of {pkg} for {chroot} finished with '{status}'");
        else if (c.topicHas("copr.chroot.start"))
            tmpl = QString::fromUtf8("{user}'s {copr} copr started a new {chroot} chroot");
        else if (c.topicHas("copr.worker.create"))
            tmpl = QString::fromUtf8("a new worker was created");
        else
            throw MetaFailure { "NotImplementedError" };
        return format(tmpl,
            { { "user", pyStr(user) },
                { "copr", pyStr(get(m, "copr")) },
                { "pkg", pyStr(get(m, "pkg")) },
                { "chroot", pyStr(get(m, "chroot")) },
                { "status", statusText(get(m, "status")) } });
    }

    QString link(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        JsonValue user = has(m, "owner") ? at(m, "owner") : get(m, "user");
        QString u = pyStr(user);
        if (truthy(user) && u.startsWith(QLatin1Char('@')))
            u.replace(QLatin1Char('@'), QStringLiteral("g/"));
        const QString copr = pyStr(get(m, "copr"));
        const QString chroot = pyStr(get(m, "chroot"));
        const QString build = pyStr(get(m, "build"));
        if (c.topicHas("chroot"))
            return QStringLiteral("https://copr-be.cloud.fedoraproject.org/results/%1/%2/%3/")
                .arg(u, copr, chroot);
        if (c.topicHas("build"))
            return QStringLiteral("https://copr.fedoraproject.org/coprs/%1/%2/build/%3/")
                .arg(u, copr, build);
        return QStringLiteral("https://copr.fedoraproject.org");
    }

    QString secondaryIcon(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        return has(m, "user") ? avatar(pyStr(at(m, "user"))) : QString();
    }

    QStringList usernames(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        QStringList out;
        for (const char *k : { "user", "owner" })
            if (has(m, k) && truthy(at(m, k)))
                out << pyStr(at(m, k));
        return out;
    }

    QStringList objects(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        QStringList items { QStringLiteral("coprs") };
        if (has(m, "copr"))
            items << pyStr(at(m, "copr"));
        items << c.topic.split(QLatin1Char('.'))
                     .mid(std::max<qsizetype>(0, c.topic.count(QLatin1Char('.')) - 1))
                     .join(QLatin1Char('.'));
        if (c.topicHas("chroot"))
            items << pyStr(at(m, "chroot"));
        return { items.join(QLatin1Char('/')) };
    }
};

} // namespace

std::unique_ptr<MetaProcessor> makeCoprsProcessor(ServiceInfo i)
{
    return std::make_unique<CoprsProcessor>(std::move(i));
}

} // namespace fedmsg::render
