// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// fuzz_archive_page: datagrepper's answers come over the network from a server the user names
// (or from whatever sits between). Input: the body of one /raw or /v2/search answer. It goes
// through ArchivePage::parse and every entry kept through ArchivedEnvelope::fromArchive (the /raw
// form) and ArchivedEnvelope::fromSearch (the /v2/search form) for a fedmsg bus and for a
// fedora-messaging bus, as the backfill does. Invariants: nothing crashes or hangs; a
// refused page says why in one line; a kept page has no negative counts; an entry refused says
// why; an envelope made keeps the bus's name and the archive URL and has a topic.

#include "FuzzInput.h"
#include "backfill/ArchivePage.h"
#include "backfill/ArchivedEnvelope.h"
#include "bus/BusConfig.h"
#include "json/JsonWriter.h"

#include <QLoggingCategory>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace fedmsg;

namespace {

void check(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "invariant violated: %s\n", what);
        std::abort();
    }
}

BusConfig bus(BusConfig::Transport transport, const char *name)
{
    BusConfig b;
    b.name = QString::fromLatin1(name);
    b.transport = transport;
    return b;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const bool quiet = [] {
        QLoggingCategory::setFilterRules(QStringLiteral("fedmsg.*=false"));
        return true;
    }();
    (void)quiet;
    static const BusConfig buses[] = { bus(BusConfig::Transport::ZeroMq, "fedmsg"),
        bus(BusConfig::Transport::Amqp, "broker") };
    static const QString url = QStringLiteral("https://archive.example/datagrepper");

    const QByteArray body = fuzz::inputBytes(data, size);
    QString error;
    const std::optional<ArchivePage> page = ArchivePage::parse(body, &error);
    if (!page) {
        check(!error.isEmpty(), "a refused page says why");
        check(!error.contains(QLatin1Char('\n')), "the reason is one line");
        return 0;
    }
    check(page->total >= 0 && page->pages >= 0, "a kept page has no negative counts");
    for (const JsonValue &archived : page->messages) {
        for (const BusConfig &b : buses) {
            for (const bool search : { false, true }) {
                QString why;
                const std::optional<Envelope> env = search
                    ? ArchivedEnvelope::fromSearch(archived, b, url, &why)
                    : ArchivedEnvelope::fromArchive(archived, b, url, &why);
                if (!env) {
                    check(!why.isEmpty(), "a refused entry says why");
                    continue;
                }
                check(env->busName() == b.name, "the envelope keeps the bus's name");
                check(env->endpoint() == url, "the envelope names the archive");
                check(!env->topic().isEmpty() || archived["topic"].toQString().isEmpty(),
                    "the envelope has the archived topic");
                (void)JsonWriter::canonical(env->body());
                (void)env->msgId();
            }
        }
    }
    return 0;
}
