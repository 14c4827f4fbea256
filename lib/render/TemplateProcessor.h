// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "render/MetaProcessor.h"
#include "json/JsonValue.h"

#include <QHash>

#include <vector>

namespace fedmsg {

/**
 * @brief A processor described entirely by data-file rules.
 *
 * Rules are tried in order for each field separately (like the Python if/elif chain of each
 * method): the first rule whose topic test and `when` conditions hold and that defines the field
 * gives the value. Templates are text with `{expression}` slots; an expression is a JSON path
 * (`msg.update.title`, `topic`, `env.username`, `config.namespace`, `'literal'`), optionally ending
 * in `?` (missing -> None instead of failing), followed by `|filter:arg` steps. See
 * resources/render/README.md for the filter list.
 */
class TemplateProcessor : public MetaProcessor
{
public:
    /// @p spec is the service object of the data file; errors are appended to *errors.
    TemplateProcessor(ServiceInfo info, const JsonValue &spec, QStringList *errors = nullptr);

    QString subtitle(const MetaContext &ctx) const override;
    QString link(const MetaContext &ctx) const override;
    QString icon(const MetaContext &ctx) const override;
    QString secondaryIcon(const MetaContext &ctx) const override;
    QStringList usernames(const MetaContext &ctx) const override;
    QStringList packages(const MetaContext &ctx) const override;
    QStringList objects(const MetaContext &ctx) const override;
    QString longForm(const MetaContext &ctx) const override;

    /// Evaluates one template against a message (exposed for tests and for schema rules).
    static JsonValue evaluate(
        const QString &tmpl, const MetaContext &ctx, const JsonValue &maps = {});
    /// True when every condition of a `when` array holds (throws MetaFailure on a missing path).
    static bool conditionsHold(
        const JsonValue &when, const MetaContext &ctx, const JsonValue &maps = {});

private:
    struct Rule
    {
        JsonValue spec;
    };
    bool ruleMatches(const JsonValue &rule, const MetaContext &ctx) const;
    const JsonValue *fieldFor(const char *field, const MetaContext &ctx) const;
    QString textField(const char *field, const MetaContext &ctx, const QString &fallback) const;
    QStringList listField(const char *field, const MetaContext &ctx) const;

    std::vector<JsonValue> m_rules;
    JsonValue m_defaults;
    JsonValue m_maps;
};

} // namespace fedmsg
