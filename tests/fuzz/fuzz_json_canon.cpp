// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// fuzz_json_canon FILE...: one line per file, "<file>\tOK <canonical>" or "<file>\tERR <python
// exception text>", the same format python_differential.py prints with CPython's json module.

#include "json/JsonParser.h"
#include "json/JsonWriter.h"

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        std::ifstream f(argv[i], std::ios::binary);
        const std::string text(
            (std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
        fedmsg::JsonParseError error;
        // CPython 3.11 called from a short script runs out of recursion at ~995 levels.
        const auto value = fedmsg::JsonParser::parse(text, &error, 990);
        const std::string out =
            value ? "OK " + fedmsg::JsonWriter::canonical(*value) : "ERR " + error.pythonText();
        std::printf("%s\t%s\n", argv[i], out.c_str());
    }
    return 0;
}
