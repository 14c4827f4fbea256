#!/bin/bash
# SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# tests/fuzz/long-run.sh BUILD_DIR SECONDS_PER_TARGET [TARGET...]: the long fuzzing run. Builds
# the targets as smoke.sh does (it runs smoke.sh with 1 s per target first, which also checks
# the seeds), then runs each target (default: all of smoke.sh's) for SECONDS_PER_TARGET, one
# after the other, at the lowest CPU priority, keeping each target's corpus in
# BUILD_DIR/fuzz-long/NAME across runs (a later run goes on where this one stopped). Crash
# files land in BUILD_DIR/fuzz-long/NAME-artifacts/. Prints, per target, the executions of this
# run and the corpus size, and exits non-zero when a target found a crash or an invariant broke.
# A target's 10 s timeout is wall-clock time (libFuzzer's alarm): pausing it (SIGSTOP, to benchmark
# on a quiet machine) for longer reports a false timeout. Interrupt it instead (Ctrl-C, or
# SIGINT: it prints its final stats) and run it again later; the corpus is kept.
set -uo pipefail
if [ $# -lt 2 ]; then
    echo "usage: $0 BUILD_DIR SECONDS_PER_TARGET [TARGET...]" >&2
    exit 2
fi
SRC="$(cd "$(dirname "$0")/../.." && pwd)"
BUILD="$(mkdir -p "$1" && cd "$1" && pwd)"
SECONDS_PER_TARGET=$2
shift 2
FUZZ_SECONDS=1 "$SRC/tests/fuzz/smoke.sh" "$BUILD" >"$BUILD/long-run-smoke.log" 2>&1 \
    || { tail -40 "$BUILD/long-run-smoke.log" >&2; exit 1; }
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(awk '/^TARGETS="/ {f = 1} f {print} f && /"$/ {exit}' \
        "$SRC/tests/fuzz/smoke.sh" | sed 's/^TARGETS=//' | tr -d '"' | tr ' ' '\n' \
        | sed -n 's/^\([a-z_]*\):[a-z]*$/\1/p')
fi
status=0
printf '%-32s %14s %10s %8s\n' target executions exec/s corpus
for t in "${targets[@]}"; do
    name=fuzz_$t
    corpus=$BUILD/fuzz-long/$name
    artifacts=$BUILD/fuzz-long/$name-artifacts
    mkdir -p "$corpus" "$artifacts"
    seeds=$(sed -n "s/.*\b$t:\([a-z]*\).*/\1/p" "$SRC/tests/fuzz/smoke.sh" | head -1)
    log=$BUILD/fuzz-long/$name.log
    FEDMSG_TEST_DATA_DIR="$SRC/tests/data" nice -n 19 "$BUILD/tests/fuzz/$name" "$corpus" \
        "$BUILD/fuzz-corpus/$seeds" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 \
        -rss_limit_mb=2048 -artifact_prefix="$artifacts/" -print_final_stats=1 >"$log" 2>&1
    rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
    printf '%-32s %14s %10s %8s' "$name" "${runs:-?}" \
        "$([[ -n $runs && -n $secs && $secs -gt 0 ]] && echo $((runs / secs)) || echo '?')" \
        "$(find "$corpus" -type f | wc -l)"
    if [ $rc -ne 0 ]; then
        printf '  FOUND SOMETHING (log: %s)\n' "$log"
        status=1
    else
        printf '\n'
    fi
done
exit $status
