# SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# fedmsg_target_defaults(<target>): the compile settings every target of this project gets.
# Targets only: nothing here touches global include paths or definitions.
function(fedmsg_target_defaults target)
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII
        QT_NO_CAST_TO_ASCII
        QT_NO_KEYWORDS
        QT_NO_URL_CAST_FROM_STRING
        QT_USE_QSTRINGBUILDER
        QT_DISABLE_DEPRECATED_BEFORE=0x060400
        FEDMSG_NOTIFY_VERSION="${PROJECT_VERSION}")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic
        -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        target_compile_options(${target} PRIVATE -Wshadow=local)
    else()
        target_compile_options(${target} PRIVATE -Wshadow-uncaptured-local)
    endif()
    if(FEDMSG_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    if(FEDMSG_ENABLE_ASAN)
        target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer
            -fno-sanitize-recover=undefined)
        target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    endif()
endfunction()

# fedmsg_add_library(<name> FOLDER <dir> SOURCES ... [PUBLIC_LIBS ...] [PRIVATE_LIBS ...])
# One static library per lib/ folder, so dependencies between stages are explicit and a
# folder can never reach "up" the message path without it showing in CMake.
function(fedmsg_add_library name)
    cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES})
    add_library(FedmsgNotify::${name} ALIAS ${name})
    target_include_directories(${name} PUBLIC "${PROJECT_SOURCE_DIR}/lib")
    target_link_libraries(${name} PUBLIC ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
    fedmsg_target_defaults(${name})
    set_property(GLOBAL APPEND PROPERTY FEDMSG_LIB_TARGETS ${name})
endfunction()
