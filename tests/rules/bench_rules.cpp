// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// bench_rules [rows...]: the rules stage's cost beside rendering's, and preview() over a stored
// history, each beside a baseline measured in the same run.
// 1. A 50-rule set (most rules do not match, so a message usually passes all 50; the conditions
//    mix globs, regexes, sets, body paths, package sets, "by me") over the public samples:
//    messages/s rendered alone, and rendered + toggles + rules; the rules' share of the time.
// 2. preview() of a rule without body conditions, of one with a body path and of one whose body
//    path is reached only after a topic condition over `rows` stored messages of the last 7 days
//    (default 10000 and 100000), beside History::search reading the same rows whole, page by
//    page (what the preview read before it read only the columns a rule needs).

#include "BenchReport.h"
#include "TestData.h"
#include "engine/RulePreview.h"
#include "history/History.h"
#include "rules/MessageTypeCatalog.h"
#include "rules/RuleSamples.h"
#include "rules/RuleSet.h"
#include "rules/RulesStage.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTextStream>

using namespace fedmsg;
using namespace fedmsg::rules;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

RuleSet fiftyRules(const MessageTypeCatalog &catalog)
{
    QByteArray rules;
    int n = 0;
    auto add = [&](const QByteArray &when, const char *action) {
        if (!rules.isEmpty())
            rules += ',';
        rules += "{\"name\":\"r" + QByteArray::number(n++) + "\",\"when\":" + when
            + ",\"then\":{\"action\":\"" + action + "\"}}";
    };
    // Services that are not in the samples' hot path, with "not by me" (reads the agent).
    int services = 0;
    for (const MessageType &t : catalog.services()) {
        if (services++ >= 20)
            break;
        add("{\"all\":[{\"field\":\"service\",\"value\":\"" + t.id.toUtf8()
                + "\"},{\"field\":\"title\",\"op\":\"contains\",\"value\":\"zzz\"},{\"not\":{"
                  "\"field\":\"by-me\"}}]}",
            "notify");
    }
    for (int i = 0; i < 10; ++i)
        add("{\"field\":\"topic\",\"op\":\"glob\",\"value\":\"*.nothing" + QByteArray::number(i)
                + ".*.change\"}",
            "digest");
    for (int i = 0; i < 5; ++i)
        add("{\"field\":\"topic\",\"op\":\"regex\",\"value\":\"\\\\.(x" + QByteArray::number(i)
                + "|y)\\\\.build$\"}",
            "drop");
    for (int i = 0; i < 5; ++i)
        add("{\"all\":[{\"field\":\"body\",\"path\":\"msg.update.builds[0].nvr\",\"op\":"
            "\"matches\",\"value\":\"^nope"
                + QByteArray::number(i)
                + "\"},{\"field\":\"usernames\",\"op\":\"any\",\"value\":[\"a\",\"b\"]}]}",
            "notify");
    for (int i = 0; i < 5; ++i)
        add("{\"any\":[{\"field\":\"packages\",\"op\":\"maintained-by-me\"},{\"field\":\"mentions-"
            "me\"}]}",
            "notify");
    add("{\"field\":\"packages\",\"op\":\"installed\"}", "notify");
    add("{\"field\":\"text\",\"op\":\"matches\",\"value\":\"(?i)failed\"}", "notify");
    add("{\"field\":\"bus\",\"value\":[\"nowhere\"]}", "drop");
    add("{\"field\":\"trust\",\"value\":\"untrusted\"}", "history");
    add("{\"field\":\"packages\",\"op\":\"in\",\"value\":[\"p1\",\"p2\",\"p3\"]}", "notify");
    QList<RuleError> errors;
    std::optional<RuleSet> set = RuleSet::fromJson(
        "{\"format\":\"fedmsg-notify-rules\",\"version\":1,\"rules\":[" + rules + "]}",
        &catalog,
        &errors);
    if (!set || !errors.isEmpty() || set->rules.size() != 50) {
        QTextStream(stderr) << "bench_rules: the rule set is wrong: " << errors.value(0).toString()
                            << "\n";
        std::exit(1);
    }
    return *set;
}

void benchRules(const Renderer &renderer,
    const test::RuleSamples &samples,
    const std::shared_ptr<MessageTypeCatalog> &catalog,
    test::FixedPackageSets &packages)
{
    RulesStage stage(catalog);
    stage.setRules(fiftyRules(*catalog));
    stage.setToggles(MessageTypeToggles(
        { QStringLiteral("wiki"), QStringLiteral("bodhi/update.karma.threshold") }));
    stage.setContext(RuleContext {
        QStringLiteral("nobody-at-all"), &packages, QDateTime::currentDateTimeUtc() });
    // Each measured alone (rules over renderings made beforehand), best of 5 runs of 40 rounds
    // each: the machine may be shared, and the best run is the one least disturbed.
    const int rounds = 40;
    std::vector<Rendering> renderings;
    for (const test::RuleSample &s : samples.all)
        renderings.push_back(renderer.render(s.envelope));
    std::size_t sink = 0;
    double renderSecs = 1e9;
    double rulesSecs = 1e9;
    QElapsedTimer t;
    for (int run = 0; run < 5; ++run) {
        t.start();
        for (int r = 0; r < rounds; ++r)
            for (const test::RuleSample &s : samples.all)
                sink += std::size_t(renderer.render(s.envelope).title.size());
        renderSecs = std::min(renderSecs, double(t.nsecsElapsed()) / 1e9);
        t.restart();
        for (int r = 0; r < rounds; ++r)
            for (std::size_t i = 0; i < samples.all.size(); ++i) {
                const RuleDecision d =
                    stage.decide(samples.all[i].envelope, renderings[i], renderer);
                sink += std::size_t(d.ruleIndex + 1);
            }
        rulesSecs = std::min(rulesSecs, double(t.nsecsElapsed()) / 1e9);
    }
    const double n = double(rounds) * double(samples.all.size());
    out() << "rules: " << stage.rules().rules.size() << " rules, " << samples.all.size()
          << " samples x " << rounds << " rounds, best of 5\n";
    out() << "  rendering:               " << QString::number(n / renderSecs, 'f', 0) << " msg/s ("
          << QString::number(renderSecs / n * 1e6, 'f', 1) << " us each)\n";
    out() << "  toggles + 50 rules:      " << QString::number(n / rulesSecs, 'f', 0) << " msg/s ("
          << QString::number(rulesSecs / n * 1e6, 'f', 1) << " us each)\n";
    out() << "  rules / rendering:       " << QString::number(rulesSecs / renderSecs, 'f', 2)
          << "  (sink " << sink << ")\n";
    bench::report({ QStringLiteral("Rules"),
        QStringLiteral("message-type toggles + 50 rules per message"),
        QStringLiteral("%1 us per message").arg(QString::number(rulesSecs / n * 1e6, 'f', 1)),
        QStringLiteral("rendering the same message %1 us (x%2)")
            .arg(QString::number(renderSecs / n * 1e6, 'f', 1),
                QString::number(rulesSecs / renderSecs, 'f', 2)),
        QStringLiteral("-"),
        std::nullopt });
}

void benchPreview(int rows,
    const Renderer &renderer,
    const test::RuleSamples &samples,
    const std::shared_ptr<MessageTypeCatalog> &catalog)
{
    QTemporaryDir dir;
    HistoryOptions options;
    options.databasePath = dir.filePath(QStringLiteral("history.sqlite"));
    options.maxCount = 0;
    options.commitDelay = std::chrono::milliseconds(0);
    History history(options);
    QElapsedTimer t;
    t.start();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<HistoryRecord> batch;
    for (int i = 0; i < rows; ++i) {
        const test::RuleSample &s = samples.all[std::size_t(i) % samples.all.size()];
        JsonValue body = s.envelope.body();
        body.insert("msg_id", JsonValue(QStringLiteral("bench-%1").arg(i)));
        Envelope e(s.envelope.transport(), body);
        e.setHeaders(s.envelope.headers());
        e.setBusName(s.envelope.busName());
        e.setTrust(s.envelope.trust(), s.envelope.trustReason());
        e.setReceivedAt(now.addMSecs(-qint64(i) * 5000)); // 100 000 rows span 6 days
        batch.append(HistoryRecord { e, s.rendering, {}, {} });
        if (batch.size() == 1000 || i == rows - 1) {
            history.store(batch);
            batch.clear();
        }
    }
    history.commitNow();
    HistoryQuery all;
    all.limit = 0;
    while (history.count(all) < rows) {
        // Asleep until the next commit (processEvents(flags, ms) returns at once when nothing
        // is pending: this loop counted rows as fast as it could while the writer wrote).
        QEventLoop wait;
        QObject::connect(&history, &History::stored, &wait, &QEventLoop::quit);
        wait.exec();
    }
    out() << "preview over " << rows << " stored messages (filled in "
          << double(t.elapsed()) / 1000.0 << " s)\n";
    // Baseline: reading the same rows whole (bodies too), page by page, without evaluating: what
    // a preview reads for a rule with body conditions (one without reads no bodies).
    t.restart();
    HistoryQuery query;
    query.from = now.addDays(-7);
    query.limit = 2000;
    qint64 read = 0;
    for (;;) {
        const QList<StoredMessage> page = history.search(query);
        read += page.size();
        if (page.size() < 2000)
            break;
        query.afterRowId = page.constLast().id;
    }
    const double readMs = double(t.nsecsElapsed()) / 1e6;
    RulesStage stage(catalog);
    stage.setContext(RuleContext { QStringLiteral("kalev"), nullptr, {} });
    const RulePreview preview(history, renderer, stage);
    for (const auto &[name, when] :
        { std::pair { "service + glob",
              R"({"all":[{"field":"service","value":["bodhi","buildsys"]},{"field":"topic","op":"glob","value":"*.update.*"}]})" },
            std::pair { "body path + by-me",
                R"({"all":[{"field":"body","path":"msg.comment.update.user.name","op":"==","value":"kalev"},{"not":{"field":"by-me"}}]})" },
            std::pair { "topic glob, then body path",
                R"({"all":[{"field":"topic","op":"glob","value":"*.bodhi.update.*"},{"field":"body","path":"msg.comment.update.user.name","op":"==","value":"kalev"}]})" } }) {
        RuleError error;
        const Rule rule =
            *Rule::fromJson(QJsonDocument::fromJson(QByteArray("{\"name\":\"p\",\"when\":") + when
                                + ",\"then\":{\"action\":\"notify\"}}")
                                .object(),
                0,
                catalog.get(),
                &error);
        t.restart();
        const RulePreviewResult r = preview.run(rule);
        const double ms = double(t.nsecsElapsed()) / 1e6;
        const bool goal = rows == 10000; // the rules issue's goal: 10 000 in well under 200 ms
        bench::report({ QStringLiteral("Rules"),
            QStringLiteral("rule preview (%1) over %2 stored messages")
                .arg(QLatin1String(name))
                .arg(rows),
            QStringLiteral("%1 ms").arg(QString::number(ms, 'f', 1)),
            QStringLiteral("reading the rows whole %1 ms (x%2)")
                .arg(QString::number(readMs, 'f', 1), QString::number(ms / readMs, 'f', 2)),
            goal ? QStringLiteral("< 200 ms") : QStringLiteral("-"),
            goal ? std::optional<bool>(ms < 200) : std::nullopt });
        out() << "  " << name << ": " << QString::number(ms, 'f', 1) << " ms for " << r.examined
              << " messages (" << r.matched
              << " match); reading them only: " << QString::number(readMs, 'f', 1) << " ms ("
              << read << "); ratio " << QString::number(ms / readMs, 'f', 2) << "\n";
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Renderer renderer(Renderer::builtinDataFile());
    auto catalog = std::make_shared<MessageTypeCatalog>(renderer);
    test::RuleSamples samples(renderer);
    if (!samples.loadError.isEmpty()) {
        QTextStream(stderr) << samples.loadError << "\n";
        return 1;
    }
    test::FixedPackageSets packages;
    packages.maintained.insert(QStringLiteral("nobody-at-all"),
        test::FixedPackageSets::ready({ QStringLiteral("vim"), QStringLiteral("emacs") }));
    packages.installedView =
        test::FixedPackageSets::ready({ QStringLiteral("bash"), QStringLiteral("glibc") });
    benchRules(renderer, samples, catalog, packages);
    QList<int> rows;
    for (int i = 1; i < argc; ++i)
        rows << QString::fromLocal8Bit(argv[i]).toInt();
    if (rows.isEmpty())
        rows = { 10000, 100000 };
    for (int n : rows)
        if (n > 0)
            benchPreview(n, renderer, samples, catalog);
    out().flush();
    return 0;
}
