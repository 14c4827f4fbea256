#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# tests/benchmarks.sh [--output FILE]: the one benchmark command. Builds the release preset
# (build/release), runs every benchmark program in the headless environment of
# tests/run-headless.sh (Xvfb, private session bus, dunst, keyring, a private RabbitMQ), keeps
# each program's own output in build/release/benchmarks/NAME.txt, and writes one Markdown report
# (default BENCHMARKS.md at the top of the repo): the machine, then one row per measurement beside
# its same-run baseline, read against the goal (met / not met). Each program adds its rows
# through tests/BenchReport.h (FEDMSG_BENCH_REPORT). A program that fails is named in the report
# and makes the exit status non-zero; the others still run.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
root=$PWD
output=$root/BENCHMARKS.md
if [[ ${1:-} == --output ]]; then
    output=$(realpath -m "$2")
    shift 2
fi
build=$root/build/release

if [[ -z ${FEDMSG_BENCH_INNER:-} ]]; then
    cmake --preset release >/dev/null || exit 1
    cmake --build --preset release -j"$(nproc)" --target benchmarks || exit 1
    export FEDMSG_BENCH_INNER=1
    exec tests/run-headless.sh "$build" --run "$root/tests/benchmarks.sh" --output "$output"
fi

logs=$build/benchmarks
rm -rf "$logs"
mkdir -p "$logs"
export FEDMSG_BENCH_REPORT=$logs/rows.tsv
: >"$FEDMSG_BENCH_REPORT"
failed=()
run() { # run NAME [args...]: one program, its output kept and shown
    local name=$1
    shift
    local exe
    exe=$(find "$build/tests" -type f -name "$name" -perm -u+x | head -1)
    if [[ -z $exe ]]; then
        failed+=("$name (not built)")
        return
    fi
    echo "== $name $*"
    local t=$SECONDS
    if ! "$exe" "$@" >"$logs/$name.txt" 2>&1; then
        failed+=("$name")
    fi
    cat "$logs/$name.txt"
    echo "== $name: $((SECONDS - t)) s"
}

run bench_wire 2
run bench_bus
run bench_amqp
run bench_render
run bench_rules
run bench_history 100000
run bench_backfill
for extra in "$build"/tests/*/bench_*; do # benchmarks added later run with their defaults
    name=${extra##*/}
    case $name in
    bench_wire | bench_bus | bench_amqp | bench_render | bench_rules | bench_history | bench_backfill) ;;
    *) [[ -x $extra && -f $extra ]] && run "$name" ;;
    esac
done

# OpenSSL's own number for the signature kind fedmsg certificates use, beside bench_wire's rows.
if speed=$(openssl speed -seconds 2 rsa1024 2>/dev/null | awk '/^rsa 1024 bits/ {print $7}') \
    && [[ -n $speed ]]; then
    printf 'Validation\tRSA-1024 verify, openssl speed (OpenSSL %s)\t%.0f verify/s\t-\t-\t-\n' \
        "$(openssl version | cut -d' ' -f2)" "$speed" >>"$FEDMSG_BENCH_REPORT"
fi

machine() {
    local cpu cores mem
    cpu=$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)
    cores=$(nproc)
    mem=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
    echo "- Machine: ${cpu:-unknown CPU}, $cores cores, $mem RAM; $(uname -sr)"
    echo "- System: $(. /etc/os-release && echo "$PRETTY_NAME"); $(c++ --version | head -1);" \
        "Qt $(pkg-config --modversion Qt6Core 2>/dev/null || echo unknown)"
    echo "- Build: release preset (CMAKE_BUILD_TYPE=Release), commit $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet || echo ' + local changes')"
    echo "- Load: $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min load average when the report was written)"
}

# Before the report is opened for writing: truncating BENCHMARKS.md made every run say "+ local
# changes".
description=$(machine)
{
    echo "# Benchmarks"
    echo
    echo "Written by \`tests/benchmarks.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'); do not edit by hand."
    echo "Each row is read against its goal; baselines are measured in the same run, so a ratio"
    echo "holds better than an absolute number across machines. Each program's full output:"
    echo "\`build/release/benchmarks/\`."
    echo
    echo "$description"
    echo
    echo "| Area | Measurement | Value | Baseline (same run) | Goal | Met |"
    echo "|---|---|---|---|---|---|"
    while IFS=$'\t' read -r area what value baseline goal met; do
        case $met in yes) met="met" ;; no) met="**not met**" ;; *) met="-" ;; esac
        echo "| $area | $what | $value | $baseline | $goal | $met |"
    done <"$FEDMSG_BENCH_REPORT"
    if ((${#failed[@]})); then
        echo
        echo "Failed to run: ${failed[*]} (see build/release/benchmarks/)."
    fi
} >"$output"
echo "benchmarks: report in $output ($(wc -l <"$FEDMSG_BENCH_REPORT") rows)"
((${#failed[@]} == 0))
