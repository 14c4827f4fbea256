// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "engine/RulePreview.h"

#include "history/History.h"
#include "render/Renderer.h"
#include "rules/RuleContext.h"
#include "rules/RuleSubject.h"

namespace fedmsg {

namespace {
constexpr int PageSize = 2000;
} // namespace

RulePreview::RulePreview(
    const History &history, const Renderer &renderer, const rules::RulesStage &stage)
    : m_history(history)
    , m_renderer(renderer)
    , m_stage(stage)
{}

RulePreviewResult RulePreview::run(
    const rules::Rule &rule, const QDateTime &from, int keepIds) const
{
    RulePreviewResult result;
    HistoryQuery query;
    query.from = from.isValid() ? from : QDateTime::currentDateTimeUtc().addDays(-7);
    query.limit = PageSize;
    const bool needsBody = rule.when && rule.when->needsBody();
    query.withBody = needsBody;
    rules::RuleContext context = m_stage.context();
    if (!context.now.isValid())
        context.now = QDateTime::currentDateTimeUtc();
    for (;;) {
        const QList<StoredMessage> page = m_history.search(query, &result.error);
        if (!result.error.isEmpty())
            return result;
        for (const StoredMessage &m : page) {
            ++result.examined;
            std::optional<Envelope> parsed;
            if (needsBody) {
                parsed = m.toEnvelope();
                if (!parsed)
                    continue; // a body that no longer parses matches nothing
            } else {
                // Everything but the body is in the row: no need to parse it.
                JsonValue::Object body;
                body.emplace_back("topic", JsonValue(m.topic));
                parsed.emplace(m.transport, JsonValue(std::move(body)));
            }
            Envelope &envelope = *parsed;
            envelope.setBusName(m.busName);
            envelope.setTrust(m.trust, m.trustReason);
            const rules::RuleSubject subject { envelope,
                m.rendering,
                m.topic,
                m_stage.catalog().typeOf(m.topic, m.rendering),
                std::nullopt,
                &m_renderer };
            const bool matches = !rule.when
                || rule.when->evaluate(subject, context, nullptr, false)
                    == rules::RuleCondition::Result::True;
            if (matches) {
                ++result.matched;
                if (result.ids.size() < keepIds)
                    result.ids.append(m.id);
            }
        }
        if (page.size() < PageSize)
            break;
        query.afterRowId = page.constLast().id;
    }
    return result;
}

} // namespace fedmsg
