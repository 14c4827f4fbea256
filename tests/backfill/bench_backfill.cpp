// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// bench_backfill: time to catch up on 5 000 archived messages served by a local datagrepper
// (50 pages of 100, over HTTP on 127.0.0.1), from the first request to the last envelope handed
// on. Baseline in the same run: the same pages fetched with the same client and parser but no
// envelope made (an archive whose every message the subscriptions filter out). Then the same
// with signature validation on: one real Fedora production message (datagrepper's copy, 2017
// CA) served 5 000 times, each checked after fedmsg's datagrepper fix.
//
// Through the whole engine (CatchUp -> Engine: validation, rendering, rules -> History, a SQLite
// file in a temporary folder), from the catch-up's start to its summary (every message has its
// history id; the COMMIT that follows within HistoryOptions::commitDelay is not counted):
// the 5 000 distinct demo messages unsigned, then each signed with the test vectors'
// shell-app01 key and validated against their CA. Rules: everything pops up but bodhi's.

#include "BenchReport.h"
#include "DatagrepperTestServer.h"

#include "backfill/BackfillClient.h"
#include "backfill/CatchUp.h"
#include "engine/Engine.h"
#include "history/History.h"
#include "history/HistoryQuery.h"
#include "render/Renderer.h"
#include "rules/Rule.h"
#include "rules/RuleError.h"
#include "rules/RuleSet.h"
#include "trust/Signer.h"
#include "json/JsonParser.h"
#include "json/JsonWriter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cstdio>

using namespace fedmsg;
using fedmsg::bench::report;
using fedmsg::test::DatagrepperTestServer;

namespace {

constexpr int Messages = 5000;

struct Timing
{
    qint64 ms = 0;
    int handedOn = 0;
    int trusted = 0;
    int forYou = 0; ///< runEngine: counted "for you" by the rules
};

Timing runOnce(const BusConfig &bus)
{
    BackfillClient client(bus);
    BackfillOptions options;
    options.maxMessages = Messages;
    client.setOptions(options);
    Timing t;
    QEventLoop loop;
    QObject::connect(&client, &BackfillClient::envelopesReceived, [&](const QList<Envelope> &b) {
        for (const Envelope &e : b)
            t.trusted += e.trust() == TrustState::Trusted ? 1 : 0;
    });
    QObject::connect(&client, &BackfillClient::finished, [&](const BackfillResult &r) {
        t.ms = r.elapsedMs;
        t.handedOn = r.messages + r.duplicates;
        if (r.outcome != BackfillResult::Outcome::Complete)
            std::fprintf(stderr, "backfill did not complete: %s\n", qPrintable(r.reason));
        loop.quit();
    });
    const QDateTime now = QDateTime::currentDateTimeUtc();
    client.start(now.addSecs(-3600), now);
    loop.exec();
    return t;
}

rules::RuleSet benchRules()
{
    rules::RuleSet set;
    set.defaultAction = rules::RuleAction::notify();
    const QJsonObject quiet { { QStringLiteral("name"), QStringLiteral("Quiet bodhi") },
        { QStringLiteral("when"),
            QJsonObject { { QStringLiteral("field"), QStringLiteral("service") },
                { QStringLiteral("value"), QStringLiteral("bodhi") } } },
        { QStringLiteral("then"), rules::RuleAction::historyOnly().toJson() } };
    rules::RuleError error;
    if (std::optional<rules::Rule> rule = rules::Rule::fromJson(quiet, 0, nullptr, &error))
        set.rules.append(*rule);
    return set;
}

// One catch-up through CatchUp, Engine and History, timed to its summary.
Timing runEngine(BusConfig bus)
{
    QTemporaryDir dir;
    HistoryOptions options;
    options.databasePath = dir.filePath(QStringLiteral("history.sqlite"));
    History history(options);
    Renderer renderer;
    Engine engine(&history, &renderer);
    engine.setRules(benchRules());
    CatchUp catchUp(&engine, &history);
    BackfillOptions backfill;
    backfill.maxMessages = Messages;
    catchUp.setOptions(backfill);
    bus.enabled = true;
    catchUp.setBuses({ bus });
    Timing t;
    int trusted = 0;
    QObject::connect(&engine, &Engine::messagesStored, [&](const QList<EngineMessage> &stored) {
        for (const EngineMessage &m : stored) {
            catchUp.absorb(m, m.record.decision == Engine::decisionNotify());
            trusted += m.record.envelope.trust() == TrustState::Trusted ? 1 : 0;
        }
    });
    QEventLoop loop;
    QObject::connect(&catchUp,
        &CatchUp::caughtUp,
        [&](const QString &, int stored, int forYou, const BackfillResult &) {
            t.handedOn = stored;
            t.forYou = forYou;
            loop.quit();
        });
    if (!history.isReady()) {
        QObject::connect(&history, &History::ready, &loop, &QEventLoop::quit);
        loop.exec();
    }
    QElapsedTimer clock;
    clock.start();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!catchUp.catchUp(bus.name, now.addSecs(-3600)))
        return t;
    loop.exec();
    // The summary comes once every message has its history id (written in the open
    // transaction); the COMMIT follows within HistoryOptions::commitDelay (10 s by default),
    // which is waiting, not work, and is left out.
    t.ms = clock.elapsed();
    t.trusted = trusted;
    return t;
}

void print(const char *what, const Timing &t)
{
    std::printf("%-46s %6lld ms  %6d messages  %8.0f msg/s\n",
        what,
        static_cast<long long>(t.ms),
        t.handedOn,
        t.ms > 0 ? 1000.0 * t.handedOn / double(t.ms) : 0.0);
}

/// "406 ms (12 300 msg/s)" for a report row.
QString msText(const Timing &t)
{
    return QStringLiteral("%1 ms (%2 msg/s)")
        .arg(t.ms)
        .arg(t.ms > 0 ? qRound(1000.0 * t.handedOn / double(t.ms)) : 0);
}

/// "; 3.1 x" — how many times the fetch-and-parse baseline the run took.
QString ratioText(const Timing &t, const Timing &base)
{
    if (base.ms <= 0)
        return {};
    return QStringLiteral("; %1 x").arg(double(t.ms) / double(base.ms), 0, 'f', 1);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    DatagrepperTestServer server;
    server.setMessages(DatagrepperTestServer::demoMessages(Messages));
    BusConfig bus;
    bus.name = QStringLiteral("bench");
    bus.trust.validateSignatures = false;
    bus.archiveUrl = server.archiveUrl();

    BusConfig filtered = bus;
    filtered.topics = { QStringLiteral("org.example.nothing.matches") };
    std::printf("bench_backfill: %d archived messages, 100 per page, local HTTP\n", Messages);
    Timing fetched;
    Timing handed;
    for (int round = 0; round < 2; ++round) {
        fetched = runOnce(filtered);
        print("baseline: pages fetched and parsed, all filtered", fetched);
        handed = runOnce(bus);
        print("backfill: envelopes handed on (unsigned bus)", handed);
    }
    const QString perPage = QStringLiteral("%1 archived, 100 per page, local HTTP").arg(Messages);
    const QString baseline = QStringLiteral("fetch + parse only: %1 ms").arg(fetched.ms);
    report({ QStringLiteral("Backfill"),
        QStringLiteral("envelopes handed on, unsigned bus (%1)").arg(perPage),
        msText(handed),
        baseline + ratioText(handed, fetched),
        QStringLiteral("-"),
        std::nullopt });

    QFile page(QStringLiteral(FEDMSG_TEST_DATA_DIR "/datagrepper/raw-page.json"));
    if (!page.open(QIODevice::ReadOnly))
        return 1;
    const QByteArray text = page.readAll();
    const auto parsed =
        JsonParser::parse(std::string_view(text.constData(), std::size_t(text.size())));
    if (!parsed)
        return 1;
    const QByteArray one =
        QByteArray::fromStdString(JsonWriter::canonical((*parsed)["raw_messages"][0]));
    server.setMessages(QList<QByteArray>(Messages, one));
    BusConfig validated = bus;
    validated.trust.validateSignatures = true;
    validated.trust.caLocation =
        QStringLiteral(FEDMSG_TEST_DATA_DIR "/vectors/certs/fedora_ca.crt");
    validated.trust.crlLocation.clear();
    validated.trust.verifyTime = QDateTime(QDate(2023, 6, 1), QTime(0, 0), Qt::UTC);
    const Timing v = runOnce(validated);
    print("backfill: signatures validated (fedmsg bus)", v);
    report({ QStringLiteral("Backfill"),
        QStringLiteral("envelopes handed on, every signature checked (%1)").arg(perPage),
        msText(v),
        baseline + ratioText(v, fetched),
        QStringLiteral("-"),
        std::nullopt });
    std::printf(
        "(validated run: %d of %d envelopes trusted; the repeats of one msg_id are counted)\n",
        v.trusted,
        Messages);

    // The whole engine: validation, rendering, rules, history.
    server.setMessages(DatagrepperTestServer::demoMessages(Messages));
    const Timing e = runEngine(bus);
    print("engine: rendered, rules, stored (unsigned bus)", e);
    report({ QStringLiteral("Backfill"),
        QStringLiteral("whole engine: rendered, rules, stored, unsigned bus (%1)").arg(perPage),
        msText(e),
        baseline + ratioText(e, fetched),
        QStringLiteral("-"),
        std::nullopt });
    std::printf(
        "(until the summary; %d of them for you: bodhi's kept in the history only)\n", e.forYou);
    std::optional<Signer> signer =
        Signer::fromFiles(QStringLiteral(FEDMSG_TEST_DATA_DIR
                              "/vectors/certs/shell-app01.phx2.fedoraproject.org.crt"),
            QStringLiteral(
                FEDMSG_TEST_DATA_DIR "/vectors/certs/shell-app01.phx2.fedoraproject.org.key"));
    if (!signer)
        return 1;
    QList<QByteArray> signedArchive;
    for (const QByteArray &archived : DatagrepperTestServer::demoMessages(Messages)) {
        JsonValue body = *JsonParser::parse(
            std::string_view(archived.constData(), std::size_t(archived.size())));
        body.remove("source_name");
        body.remove("source_version");
        body.remove("headers");
        if (const JsonValue *ts = body.find("timestamp"); ts && ts->isNumber())
            body.insert("timestamp", JsonValue(std::int64_t(ts->toDouble())));
        std::optional<JsonValue> sealed = signer->sign(body);
        if (!sealed)
            return 1;
        signedArchive.append(DatagrepperTestServer::archived(*sealed));
    }
    server.setMessages(signedArchive);
    BusConfig signedBus = bus;
    signedBus.trust.validateSignatures = true;
    signedBus.trust.caLocation = QStringLiteral(FEDMSG_TEST_DATA_DIR "/vectors/certs/ca.crt");
    signedBus.trust.crlLocation.clear();
    const Timing s = runEngine(signedBus);
    print("engine: validated, rendered, rules, stored", s);
    report({ QStringLiteral("Backfill"),
        QStringLiteral("whole engine: validated, rendered, rules, stored (%1)").arg(perPage),
        msText(s),
        baseline + ratioText(s, fetched),
        QStringLiteral("-"),
        std::nullopt });
    std::printf("(%d of %d stored trusted; %d of them for you)\n", s.trusted, s.handedOn, s.forYou);
    return 0;
}
