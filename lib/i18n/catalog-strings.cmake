# SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# cmake -DINPUT=services.json -DOUTPUT=CatalogStrings.cpp -P catalog-strings.cmake
# Writes every service "label" and "description" of the rendering data file as a
# QT_TRANSLATE_NOOP("catalog", ...) entry, so lupdate finds them; MessageTypeCatalog looks them up
# with QCoreApplication::translate("catalog", ...).
file(READ "${INPUT}" json)
string(JSON count LENGTH "${json}" services)
set(seen "")
set(body "")
math(EXPR last "${count} - 1")
foreach(i RANGE ${last})
    foreach(field label description)
        string(JSON text ERROR_VARIABLE missing GET "${json}" services ${i} ${field})
        if(missing OR text STREQUAL "")
            continue()
        endif()
        list(FIND seen "${text}" at)
        if(NOT at EQUAL -1)
            continue()
        endif()
        list(APPEND seen "${text}")
        string(REPLACE "\\" "\\\\" text "${text}")
        string(REPLACE "\"" "\\\"" text "${text}")
        string(APPEND body "    QT_TRANSLATE_NOOP(\"catalog\", \"${text}\"),\n")
    endforeach()
endforeach()
set(content "// Generated from resources/render/services.json by lib/i18n/catalog-strings.cmake; do not edit.
#include <QtGlobal>

namespace {
[[maybe_unused]] constexpr const char *catalogStrings[] = {
${body}};
} // namespace
")
# Rewritten only when it changes, so lupdate and the compiler see a stable file.
if(EXISTS "${OUTPUT}")
    file(READ "${OUTPUT}" old)
    if(old STREQUAL content)
        return()
    endif()
endif()
file(WRITE "${OUTPUT}" "${content}")
