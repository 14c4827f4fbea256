// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Any input: the parser never crashes. Accepted input: the canonical form is a fixed point,
// re-parses to an equal value, and the pretty form parses back to the same value.

#include "FuzzInput.h"
#include "json/JsonParser.h"
#include "json/JsonWriter.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace fedmsg;

namespace {

[[noreturn]] void violated(const char *what, const std::string &detail)
{
    std::fprintf(stderr, "invariant violated: %s\n%s\n", what, detail.c_str());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view input = fuzz::inputText(data, size);
    JsonParseError error;
    const auto value = JsonParser::parse(input, &error);
    if (!value) {
        if (error.reason.empty() || error.offset > size)
            violated("error without reason or with an offset past the input", error.pythonText());
        return 0;
    }
    const std::string canonical = JsonWriter::canonical(*value);
    for (const char c : canonical) {
        if (static_cast<unsigned char>(c) >= 0x80)
            violated("canonical form is not ASCII", canonical);
    }
    JsonParseError again;
    const auto reparsed = JsonParser::parse(canonical, &again);
    if (!reparsed)
        violated("canonical form does not parse", again.pythonText() + "\n" + canonical);
    if (!(*reparsed == *value))
        violated("canonical form parses to another value", canonical);
    if (JsonWriter::canonical(*reparsed) != canonical)
        violated("canonical form is not a fixed point", canonical);
    const std::string pretty = JsonWriter::pretty(*value);
    const auto fromPretty = JsonParser::parse(pretty);
    if (!fromPretty || !(*fromPretty == *value))
        violated("pretty form does not round-trip", pretty);
    return 0;
}
