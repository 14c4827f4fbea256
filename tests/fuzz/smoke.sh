#!/bin/bash
# SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Fuzz smoke run for CI: builds the libFuzzer targets with the `fuzz` preset (clang,
# -fsanitize=fuzzer,address) into BUILD_DIR, writes seed corpora from tests/data/vectors,
# tests/data/samples, tests/config/data, tests/amqp/data and resources/render, and runs each target
# for FUZZ_SECONDS (default 2: six targets x 2 s, about what three targets x 5 s took before;
# a target first runs all its seeds once, which max_total_time does not cut short).
# Fails when a target crashes or an invariant is violated.
#
#   tests/fuzz/smoke.sh BUILD_DIR [TEST_DATA_DIR]
set -euo pipefail

if [ $# -lt 1 ]; then
    echo "usage: $0 BUILD_DIR [TEST_DATA_DIR]" >&2
    exit 2
fi
SRC="$(cd "$(dirname "$0")/../.." && pwd)"
BUILD="$(mkdir -p "$1" && cd "$1" && pwd)"
DATA="${2:-${FEDMSG_TEST_DATA_DIR:-$SRC/tests/data}}"
SECONDS_PER_TARGET="${FUZZ_SECONDS:-2}"
JOBS="${FUZZ_BUILD_JOBS:-2}"

# The preset turns BUILD_TESTING off; the fuzz targets live under tests/, so turn it back on
# (only the fuzz targets are built).
cmake --preset fuzz -S "$SRC" -B "$BUILD" -DBUILD_TESTING=ON -DFEDMSG_TEST_DATA_DIR="$DATA" >"$BUILD/fuzz-configure.log" 2>&1 \
    || { cat "$BUILD/fuzz-configure.log" >&2; exit 1; }
TARGETS="json_parser:json envelope_validator:envelope renderer:render fedmsg_config:fedmsgd
fedora_messaging_config:toml render_data:renderdata rules_import:rules archive_page:archive"
fuzzers=""
for target in $TARGETS; do fuzzers="$fuzzers fuzz_${target%%:*}"; done
# shellcheck disable=SC2086
cmake --build "$BUILD" --target $fuzzers fuzz_seed_corpus fuzz_json_canon -j"$JOBS"

CORPUS="$BUILD/fuzz-corpus"
rm -rf "$CORPUS"
FEDMSG_TEST_DATA_DIR="$DATA" "$BUILD/tests/fuzz/fuzz_seed_corpus" "$CORPUS" "$DATA"

status=0
started=$(date +%s)
for target in $TARGETS; do
    name="fuzz_${target%%:*}"
    seeds="$CORPUS/${target##*:}"
    work="$BUILD/fuzz-work/$name"
    rm -rf "$work"
    mkdir -p "$work"
    echo "== $name: ${SECONDS_PER_TARGET}s on $(find "$seeds" -type f | wc -l) seeds"
    # New inputs go to $work; the seed folder stays untouched. Crash files land in $work too.
    if ! FEDMSG_TEST_DATA_DIR="$DATA" "$BUILD/tests/fuzz/$name" "$work" "$seeds" \
        -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$work/" -print_final_stats=1 >"$work.log" 2>&1; then
        echo "FAILED: $name (log: $work.log)" >&2
        tail -n 40 "$work.log" >&2
        status=1
    else
        grep -E "stat::number_of_executed_units|Done [0-9]+ runs" "$work.log" | tail -n 2
    fi
done
echo "== fuzzing took $(($(date +%s) - started)) s for $(echo $TARGETS | wc -w) targets"
# Everything the JSON fuzzer found (plus the seeds) must parse exactly as CPython's json does.
if command -v python3 >/dev/null 2>&1; then
    echo "== differential against CPython json"
    mkdir -p "$BUILD/fuzz-work/differential"
    cp -f "$CORPUS/json/"* "$BUILD/fuzz-work/fuzz_json_parser/"* "$BUILD/fuzz-work/differential/" 2>/dev/null || true
    python3 "$SRC/tests/fuzz/python_differential.py" "$BUILD/tests/fuzz/fuzz_json_canon" "$BUILD/fuzz-work/differential" \
        | tail -n 20 || status=1
else
    echo "== differential against CPython json skipped: python3 not found"
fi
exit $status
