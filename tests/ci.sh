#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# tests/ci.sh: the whole CI run, from the repository root (README command (2), .ci/run):
#   1. the `ci` preset (Debug, -Werror): configure, build, and every test under
#      tests/run-headless.sh — including the format check (lint) and the libFuzzer smoke (fuzz),
#      which builds its own clang + ASan + libFuzzer binaries;
#   2. the `asan` preset (ASan + LSan + UBSan, -Werror): configure, build, and every test again
#      under tests/run-headless.sh except labels lint and fuzz: the format check reads only the
#      sources (nothing a sanitizer could see) and the fuzz smoke is already sanitized and builds
#      the same binaries either way, so each runs once, in step 1.
# Both steps run even when the first fails; the exit code is non-zero if either failed.
# FEDMSG_CI_PRESETS="ci" (or "asan") runs one step only.
set -uo pipefail
cd "$(dirname "$0")/.."

presets=${FEDMSG_CI_PRESETS:-"ci asan"}
status=0
for preset in $presets; do
    case $preset in
    ci) exclude=() ;;
    asan) exclude=(-LE 'fuzz|lint') ;;
    *) echo "tests/ci.sh: unknown preset $preset" >&2; exit 2 ;;
    esac
    echo "== tests/ci.sh: preset $preset: configure, build, test"
    start=$SECONDS
    if cmake --preset "$preset" && cmake --build --preset "$preset" -j2; then
        built=$SECONDS
        tests/run-headless.sh "build/$preset" -j2 "${exclude[@]}" || status=1
        [[ $preset == ci ]] && { packaging/check.sh "build/$preset" || status=1; } # validators, .deb, RPM, Flatpak manifest
        echo "== tests/ci.sh: preset $preset: build $((built - start)) s, tests $((SECONDS - built)) s"
    else
        echo "== tests/ci.sh: preset $preset: configure or build failed" >&2
        status=1
    fi
done
exit $status
