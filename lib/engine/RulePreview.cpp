// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "engine/RulePreview.h"

#include "history/History.h"
#include "packages/PackageSets.h"
#include "render/Renderer.h"
#include "rules/RuleContext.h"
#include "rules/RuleExplainer.h"
#include "rules/RuleSet.h"
#include "rules/RuleSubject.h"

#include <QCoreApplication>
#include <QSet>

#include <optional>

namespace fedmsg {

namespace {
constexpr int PageSize = 2000;

// The envelope a rule sees for a stored message: the stored body when @p withBody (nullopt if it
// no longer parses), else the row's fields only.
std::optional<Envelope> envelopeOf(const StoredMessage &m, bool withBody)
{
    std::optional<Envelope> parsed;
    if (withBody) {
        parsed = m.toEnvelope();
        if (!parsed)
            return std::nullopt;
    } else {
        // Everything but the body is in the row: no need to parse it.
        JsonValue::Object body;
        body.emplace_back("topic", JsonValue(m.topic));
        parsed.emplace(m.transport, JsonValue(std::move(body)));
    }
    parsed->setBusName(m.busName);
    parsed->setTrust(m.trust, m.trustReason);
    return parsed;
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
            std::optional<Envelope> parsed = envelopeOf(m, needsBody);
            if (!parsed)
                continue; // a body that no longer parses matches nothing
            const Envelope &envelope = *parsed;
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
                if (result.ids.size() < keepIds) {
                    result.ids.append(m.id);
                    result.titles.append(m.rendering.title);
                }
            }
        }
        if (page.size() < PageSize)
            break;
        query.afterRowId = page.constLast().id;
    }
    return result;
}

QStringList RulePreview::explain(const rules::Rule &rule, qint64 id, QString *error) const
{
    QString readError;
    const std::optional<StoredMessage> m = m_history.message(id, &readError);
    if (!m) {
        if (error)
            *error = readError.isEmpty()
                ? QCoreApplication::translate("fedmsg::RulePreview", "message %1 is not stored")
                      .arg(id)
                : readError;
        return {};
    }
    const std::optional<Envelope> envelope = envelopeOf(*m, true);
    if (!envelope) {
        if (error)
            *error = QCoreApplication::translate(
                "fedmsg::RulePreview", "the stored message no longer parses");
        return {};
    }
    rules::RuleContext context = m_stage.context();
    if (!context.now.isValid())
        context.now = QDateTime::currentDateTimeUtc();
    rules::RuleSet one;
    one.rules.append(rule);
    one.rules.front().enabled = true;
    one.rules.front().renumber();
    const rules::RuleSubject subject { *envelope,
        m->rendering,
        m->topic,
        m_stage.catalog().typeOf(m->topic, m->rendering),
        std::nullopt,
        &m_renderer };
    return rules::RuleExplainer::lines(one, one.explain(subject, context));
}

QStringList RulePreview::usersSeen(int max) const
{
    HistoryQuery query;
    query.from = QDateTime::currentDateTimeUtc().addDays(-7);
    query.limit = PageSize;
    QSet<QString> users;
    for (;;) {
        QString error;
        const QList<StoredMessage> page = m_history.search(query, &error);
        if (!error.isEmpty())
            break;
        for (const StoredMessage &m : page)
            for (const QString &u : m.rendering.usernames)
                if (users.size() < max)
                    users.insert(u);
        if (page.size() < PageSize || users.size() >= max)
            break;
        query.afterRowId = page.constLast().id;
    }
    QStringList out(users.cbegin(), users.cend());
    out.sort();
    return out;
}

QStringList RulePreview::myPackages() const
{
    const rules::RuleContext &context = m_stage.context();
    if (context.account.isEmpty() || !context.packages)
        return {};
    const packages::PackageSetView view = context.packages->maintainedBy(context.account);
    if (view.state != packages::PackageSetView::State::Ready || !view.names)
        return {};
    QStringList out(view.names->cbegin(), view.names->cend());
    out.sort();
    return out;
}

} // namespace fedmsg
