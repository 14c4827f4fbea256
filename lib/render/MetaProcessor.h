// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "render/FasLookup.h"
#include "render/ServiceInfo.h"
#include "json/JsonValue.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace fedmsg {

/// @brief fedmsg config keys the processors read (namespace, bodhi_url, ...).
struct MetaConfig
{
    QHash<QString, QString> values;
    QString value(const QString &key, const QString &fallback = {}) const
    {
        return values.value(key, fallback);
    }
};

/// @brief What a processor sees: the whole fedmsg dict (topic, msg, ...) plus config.
struct MetaContext
{
    const JsonValue &env; ///< the message dict: {"topic":..., "msg":..., ...}
    QString topic;
    const MetaConfig &config;
    const FasLookup &fas;

    const JsonValue &msg() const; ///< env["msg"], throws MetaFailure when missing
    bool topicHas(const char *s) const { return topic.contains(QLatin1String(s)); }
    bool topicEnds(const char *s) const { return topic.endsWith(QLatin1String(s)); }
};

/**
 * @brief One fedmsg.meta processor. Each method mirrors the Python method of the same name;
 * a method may throw render::MetaFailure (missing key, wrong type), which the Renderer turns into
 * the field's fallback value as fedmsg.meta's @graceful does.
 */
class MetaProcessor
{
public:
    explicit MetaProcessor(ServiceInfo info)
        : m_info(std::move(info))
    {}
    virtual ~MetaProcessor() = default;
    MetaProcessor(const MetaProcessor &) = default;
    MetaProcessor &operator=(const MetaProcessor &) = default;
    MetaProcessor(MetaProcessor &&) = default;
    MetaProcessor &operator=(MetaProcessor &&) = default;
    const ServiceInfo &info() const { return m_info; }

    virtual QString title(const MetaContext &ctx) const;
    virtual QString subtitle(const MetaContext & /*ctx*/) const { return {}; }
    virtual QString link(const MetaContext & /*ctx*/) const { return {}; }
    virtual QString icon(const MetaContext & /*ctx*/) const { return m_info.icon; }
    virtual QString secondaryIcon(const MetaContext & /*ctx*/) const { return {}; }
    virtual QStringList usernames(const MetaContext & /*ctx*/) const { return {}; }
    virtual QStringList packages(const MetaContext & /*ctx*/) const { return {}; }
    virtual QStringList objects(const MetaContext & /*ctx*/) const { return {}; }
    /// Empty means "use the subtitle" (msg2long_form's fallback).
    virtual QString longForm(const MetaContext & /*ctx*/) const { return {}; }
    /// Single responsible user; nullopt = not implemented (msg2agent then picks from usernames).
    virtual std::optional<QString> agent(const MetaContext & /*ctx*/) const { return std::nullopt; }

private:
    ServiceInfo m_info;
};

} // namespace fedmsg
