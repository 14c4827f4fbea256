// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"

namespace fedmsg::render {

namespace {

class AutocloudProcessor : public MetaProcessor
{
public:
    using MetaProcessor::MetaProcessor;

    static bool v2(const MetaContext &c)
    {
        const JsonValue &m = c.msg();
        return has(m, "compose_id") || has(m, "compose_job_id") || c.topicHas("autocloud.compose");
    }

    QString subtitle(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const QString status = pyStr(at(m, "status"));
        auto pick = [&](std::initializer_list<std::pair<const char *, const char *>> l) {
            QString t;
            for (const auto &[k, v] : l)
                if (status == QLatin1String(k))
                    t = QString::fromUtf8(v);
            if (t.isEmpty())
                throw MetaFailure { "UnboundLocalError" };
            return t;
        };
        if (v2(c)) {
            if (c.topicHas("autocloud.image")) {
                const QString composeId = pyStr(at(m, "compose_id"));
                QString image = pyStr(at(m, "image_name"));
                const JsonValue &release = get(m, "release");
                const QString tmpl =
                    pick({ { "queued", "{image_name}({compose_id}) is {status} for testing" },
                        { "running",
                            "The tests for the {image_name}({compose_id}) have started {status}" },
                        { "aborted",
                            "The tests for the {image_name}({compose_id}) have been {status}" },
                        { "failed", "The tests for the {image_name}({compose_id}) {status}" },
                        { "success",
                            "The tests for {image_name}({compose_id}) were a {status}" } });
                if (truthy(release))
                    image = QStringLiteral("%1 (%2)").arg(image, pyStr(release));
                return format(tmpl,
                    { { "image_name", image }, { "status", status }, { "compose_id", composeId } });
            }
            if (c.topicHas("autocloud.compose")) {
                QString composeId;
                if (has(m, "id"))
                    composeId = pyStr(at(m, "id"));
                else
                    composeId = getStr(m, "compose_id", QStringLiteral("A compose"));
                const QString tmpl = pick({ { "queued", "{compose_id} is {status} for testing" },
                    { "running", "{compose_id} tests have started {status}" },
                    { "completed", "{compose_id} tests have {status}" } });
                return format(tmpl, { { "compose_id", composeId }, { "status", status } });
            }
            return {};
        }
        QString image = pyStr(at(m, "image_name"));
        const JsonValue &release = get(m, "release");
        if (c.topicHas("autocloud.image")) {
            const QString tmpl = pick({ { "queued", "{image_name} is {status} for testing" },
                { "running", "The tests for the {image_name} have started {status}" },
                { "aborted", "The tests for the {image_name} have been {status}" },
                { "failed", "The tests for the {image_name} {status}" },
                { "success", "The tests for {image_name} were a {status}" } });
            if (truthy(release))
                image = QStringLiteral("%1 (%2)").arg(image, pyStr(release));
            return format(tmpl, { { "image_name", image }, { "status", status } });
        }
        return {};
    }

    QString secondaryIcon(const MetaContext & /*c*/) const override { return info().icon; }

    QString link(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        if (v2(c)) {
            if (c.topicHas("autocloud.image")) {
                const JsonValue &job = get(m, "job_id");
                if (truthy(job))
                    return QStringLiteral("https://apps.fedoraproject.org/autocloud/jobs/%1/output")
                        .arg(pyStr(job));
                return pyStr(at(m, "image_url"));
            }
            if (c.topicHas("autocloud.compose")) {
                const JsonValue &job = get(m, "compose_job_id");
                if (!job.isNull())
                    return QStringLiteral("https://apps.fedoraproject.org/autocloud/jobs/%1")
                        .arg(pyStr(job));
            }
            return QStringLiteral("https://apps.fedoraproject.org/autocloud/");
        }
        const JsonValue &job = get(m, "job_id");
        if (truthy(job))
            return QStringLiteral("https://apps.fedoraproject.org/autocloud/jobs/%1/output")
                .arg(pyStr(job));
        return pyStr(at(m, "image_url"));
    }

    QStringList objects(const MetaContext &c) const override
    {
        const JsonValue &m = c.msg();
        const JsonValue &st = at(m, "status");
        if (!st.isString())
            throw MetaFailure { "TypeError" };
        const QString status = pyStr(st);
        if (v2(c)) {
            if (c.topicHas("autocloud.image"))
                return { QStringLiteral("autocloud/image/") + status };
            if (c.topicHas("autocloud.compose"))
                return { QStringLiteral("autocloud/compose/") + status };
            return {};
        }
        return { QStringLiteral("autocloud/image/") + status };
    }
};

} // namespace

std::unique_ptr<MetaProcessor> makeAutocloudProcessor(ServiceInfo i)
{
    return std::make_unique<AutocloudProcessor>(std::move(i));
}

} // namespace fedmsg::render
