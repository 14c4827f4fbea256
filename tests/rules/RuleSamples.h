// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// Real sample messages for the rules tests, rendered once: the demo bus's fedmsg envelopes
// (resources/demo, marked trusted as the demo CA signs them) and the public fedora-messaging
// corpus (tests/data/samples, broker-unsigned). And a PackageSets the test fills in.

#include "JsonLines.h"
#include "TestData.h"
#include "message/Envelope.h"
#include "packages/PackageSets.h"
#include "render/Renderer.h"
#include "render/Rendering.h"
#include "rules/RulesStage.h"

#include <QHash>
#include <QString>

#include <deque>
#include <memory>

namespace fedmsg::test {

struct RuleSample
{
    Envelope envelope;
    Rendering rendering;
    QString agent;
};

/// Every sample, fedmsg ones first; topic() finds one by the end of its topic.
class RuleSamples
{
public:
    explicit RuleSamples(const Renderer &renderer)
    {
        QString error;
        for (const JsonValue &v : readJsonLines(sampleEnvelopesPath(), &error)) {
            Envelope e(Envelope::Transport::ZeroMq, v);
            e.setBusName(QStringLiteral("demo"));
            e.setTrust(TrustState::Trusted, QStringLiteral("demo CA"));
            add(renderer, std::move(e));
        }
        for (const JsonValue &r :
            readJsonLines(testDataPath("samples/fm-corpus-public.jsonl"), &error)) {
            JsonValue::Object body;
            const JsonValue topic = r["prod_topic"].isString() ? r["prod_topic"] : r["topic"];
            if (!topic.isString() || topic.toStdString().empty())
                continue;
            body.emplace_back("topic", topic);
            body.emplace_back("msg", r["body"]);
            body.emplace_back("msg_id", r["properties"]["message_id"]);
            Envelope e(Envelope::Transport::Amqp, JsonValue(std::move(body)));
            e.setHeaders(r["headers"]);
            e.setBusName(QStringLiteral("fedora"));
            e.setTrust(TrustState::BrokerUnsigned, QStringLiteral("broker"));
            add(renderer, std::move(e));
        }
        loadError = error;
    }

    /// The first sample whose topic ends with @p suffix (nullptr when none).
    const RuleSample *topic(const QString &suffix, int skip = 0) const
    {
        for (const RuleSample &s : all)
            if (s.envelope.topic().endsWith(suffix) && skip-- == 0)
                return &s;
        return nullptr;
    }

    std::deque<RuleSample> all;
    QString loadError;

private:
    void add(const Renderer &renderer, Envelope e)
    {
        RuleSample s { std::move(e), {}, {} };
        s.rendering = renderer.render(s.envelope);
        s.agent = rules::RulesStage::agentOf(renderer, s.envelope, s.rendering);
        all.push_back(std::move(s));
    }
};

/// A test double of lib/packages' PackageSets interface (its real sources are another part's
/// work): sets the test writes in, every one Ready unless said otherwise.
class FixedPackageSets : public packages::PackageSets
{
public:
    void track(const QStringList &maintainers) override { tracked = maintainers; }
    packages::PackageSetView maintainedBy(const QString &maintainer) const override
    {
        return maintained.value(maintainer, unavailable(QStringLiteral("unknown account")));
    }
    packages::PackageSetView installed() const override { return installedView; }

    static packages::PackageSetView ready(const QStringList &names)
    {
        packages::PackageSetView v;
        v.state = packages::PackageSetView::State::Ready;
        v.names = std::make_shared<const QSet<QString>>(names.cbegin(), names.cend());
        return v;
    }
    static packages::PackageSetView unavailable(const QString &reason)
    {
        packages::PackageSetView v;
        v.state = packages::PackageSetView::State::Unavailable;
        v.reason = reason;
        return v;
    }

    QHash<QString, packages::PackageSetView> maintained;
    packages::PackageSetView installedView; ///< Loading until set
    QStringList tracked;
};

} // namespace fedmsg::test
