// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// fuzz_renderer: messages are untrusted, and rendering runs every template, filter and native
// handler of the built-in rules over them. Input: one JSON object, either a fedmsg message
// {"topic", "msg", ...} or a fedora-messaging record {"topic", "body", "headers", "id"}.
// Invariants: nothing crashes or hangs; the base-Message rendering is exactly the topic and the
// Id/Topic/Headers/Body dump; fedmsg lists are sorted and unique.

#include "FuzzInput.h"
#include "render/Renderer.h"
#include "json/JsonParser.h"

#include <QDateTime>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

using namespace fedmsg;

namespace {

void check(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "invariant violated: %s\n", what);
        std::abort();
    }
}

bool sortedUnique(const QStringList &l)
{
    for (qsizetype i = 1; i < l.size(); ++i)
        if (!(l.at(i - 1) < l.at(i)))
            return false;
    return true;
}

QString stringAt(const JsonValue &v, const char *key)
{
    const JsonValue *s = v.find(key);
    return s && s->isString() ? s->toQString() : QString();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const Renderer *const renderer = [] {
        auto *r = new Renderer(QStringLiteral(FEDMSG_SOURCE_DIR "/resources/render/services.json"));
        check(r->loadWarnings().isEmpty(), "built-in rules load without warnings");
        const QDateTime clock =
            QDateTime::fromString(QStringLiteral("2024-06-01T12:00:00Z"), Qt::ISODate);
        r->setClock([clock] {
            return QDateTime(clock); // a copy: the captured one is const
        });
        return r;
    }();
    const auto v = JsonParser::parse(fuzz::inputText(data, size));
    if (!v || !v->isObject())
        return 0;
    const QString topic = stringAt(*v, "topic");
    if (v->contains("body") && v->contains("headers")) {
        const JsonValue &headers = (*v)["headers"];
        const QString schema = stringAt(headers, "fedora_messaging_schema");
        const QString id = stringAt(*v, "id");
        const Rendering r = renderer->renderSchema(schema, topic, (*v)["body"], headers, id);
        (void)r;
        const Rendering base =
            renderer->renderSchema(schema, topic, (*v)["body"], headers, id, /*baseOnly=*/true);
        check(base.fallback && base.subtitle == topic, "base summary is the topic");
        check(base.longForm.startsWith(QStringLiteral("Id: ") + id + QStringLiteral("\nTopic: ")),
            "base long form is the dump");
        return 0;
    }
    const Rendering r = renderer->renderFedmsg(*v);
    check(sortedUnique(r.usernames) && sortedUnique(r.packages) && sortedUnique(r.objects),
        "fedmsg lists sorted and unique");
    (void)renderer->agent(*v);
    return 0;
}
