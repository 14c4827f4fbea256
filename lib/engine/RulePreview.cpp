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
#include <string_view>

namespace fedmsg {

namespace {
constexpr int PageSize = 2000; // usersSeen()

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

namespace {

// What a rule's conditions read of a stored message besides what a scan always reads.
struct RuleNeeds
{
    bool body = false; ///< body conditions, "by me" (its agent may be in the body)
    bool extra = false; ///< usernames, packages, the agent's name
    bool type = false; ///< the message type (MessageTypeCatalog::typeOf)
};

void collectNeeds(const rules::RuleCondition &c, RuleNeeds *needs)
{
    using Kind = rules::RuleCondition::Kind;
    switch (c.kind()) {
    case Kind::Body:
        needs->body = true;
        break;
    case Kind::ByMe:
        needs->body = true;
        needs->extra = true;
        break;
    case Kind::Usernames:
    case Kind::MentionsMe:
    case Kind::Packages:
    case Kind::MaintainedByMe:
    case Kind::MaintainedBy:
    case Kind::Installed:
        needs->extra = true;
        break;
    case Kind::Type:
        needs->type = true;
        break;
    default:
        break;
    }
    for (const rules::RuleCondition &child : c.children())
        collectNeeds(child, needs);
}

} // namespace

RulePreviewResult RulePreview::run(
    const rules::Rule &rule, const QDateTime &from, int keepIds) const
{
    RulePreviewResult result;
    HistoryQuery query;
    query.from = from.isValid() ? from : QDateTime::currentDateTimeUtc().addDays(-7);
    query.limit = 0;
    RuleNeeds needs;
    if (rule.when)
        collectNeeds(*rule.when, &needs);
    HistoryColumns columns;
    columns.setFlag(HistoryColumn::Body, needs.body);
    columns.setFlag(HistoryColumn::Extra, needs.extra);
    rules::RuleContext context = m_stage.context();
    if (!context.now.isValid())
        context.now = QDateTime::currentDateTimeUtc();
    // The envelope of the first pass: everything a rule reads of it but the body is set per row
    // (bus, trust; the transport picks the shell).
    Envelope zeroMqShell(Envelope::Transport::ZeroMq, JsonValue(JsonValue::Object {}));
    Envelope amqpShell(Envelope::Transport::Amqp, JsonValue(JsonValue::Object {}));
    using Result = rules::RuleCondition::Result;
    m_history.scan(
        query,
        columns,
        [&](const StoredMessage &m) {
            ++result.examined;
            Envelope &shell = m.transport == Envelope::Transport::Amqp ? amqpShell : zeroMqShell;
            shell.setBusName(m.busName);
            shell.setTrust(m.trust, m.trustReason);
            const QString type =
                needs.type ? m_stage.catalog().typeOf(m.topic, m.rendering) : QString();
            // First without the body: conditions that need it are Unknown, so a tree that is
            // False here (most rows: a topic or service condition failed) is False whatever the
            // body holds, and the body is not parsed.
            rules::RuleSubject subject {
                shell, m.rendering, m.topic, type, std::nullopt, &m_renderer
            };
            subject.bodyDeferred = needs.body;
            subject.bodyText = std::string_view(m.body.constData(), std::size_t(m.body.size()));
            Result r =
                rule.when ? rule.when->evaluate(subject, context, nullptr, false) : Result::True;
            if (needs.body && r != Result::False) {
                // A body that no longer parses matches nothing, decided without it or not.
                const std::optional<Envelope> parsed = envelopeOf(m, true);
                if (!parsed)
                    return true;
                if (r == Result::Unknown) {
                    const rules::RuleSubject full {
                        *parsed, m.rendering, m.topic, type, std::nullopt, &m_renderer
                    };
                    r = rule.when->evaluate(full, context, nullptr, false);
                }
            }
            if (r == Result::True) {
                ++result.matched;
                if (result.ids.size() < keepIds) {
                    result.ids.append(m.id);
                    result.titles.append(m.rendering.title);
                }
            }
            return true;
        },
        &result.error);
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
