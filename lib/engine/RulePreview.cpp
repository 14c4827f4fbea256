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

// The stored message as the rules see it; with @p withBody its body parsed (nullopt when that
// fails), else only what the row holds (no need to parse the body).
std::optional<Envelope> envelopeOf(const StoredMessage &m, bool withBody)
{
    std::optional<Envelope> envelope;
    if (withBody) {
        envelope = m.toEnvelope();
        if (!envelope)
            return std::nullopt;
    } else {
        JsonValue::Object body;
        body.emplace_back("topic", JsonValue(m.topic));
        envelope.emplace(m.transport, JsonValue(std::move(body)));
    }
    envelope->setBusName(m.busName);
    envelope->setTrust(m.trust, m.trustReason);
    return envelope;
}
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
            const std::optional<Envelope> envelope = envelopeOf(m, needsBody);
            if (!envelope)
                continue; // a body that no longer parses matches nothing
            const rules::RuleSubject subject { *envelope,
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
