#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# tests/run-headless.sh BUILD_DIR [ctest args...]
# tests/run-headless.sh BUILD_DIR --run COMMAND [args...]   (the command instead of ctest)
#
# Runs the test suite the way a desktop would see it, with nothing shared with the real session:
#   Xvfb (1280x800x24)  ->  a private D-Bus session bus  ->  fresh HOME and XDG dirs
#   -> an unlocked gnome-keyring (secrets)  ->  dunst (org.freedesktop.Notifications)
#   -> trayer (XEmbed system tray)  ->  a private RabbitMQ broker (tests/rabbitmq/broker.sh)
#   -> ctest --output-on-failure --no-tests=error
# Each piece is waited for by its D-Bus name or X window. Nothing it starts outlives it.
# Set FEDMSG_NO_BROKER=1 to skip the broker (the AMQP tests then skip, naming it).
set -euo pipefail

if [[ $# -lt 1 ]]; then
    echo "usage: $0 BUILD_DIR [ctest args...]" >&2
    exit 2
fi

if [[ -z "${FEDMSG_HEADLESS_INNER:-}" ]]; then
    export FEDMSG_HEADLESS_INNER=1
    # Xvfb first, then the bus, so D-Bus-activated services (dunst) see DISPLAY.
    exec xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
        dbus-run-session -- "$(realpath "$0")" "$@"
fi

here=$(cd "$(dirname "$0")" && pwd)
build_dir=$(realpath "$1")
shift

scratch=$(mktemp -d "${TMPDIR:-/tmp}/fedmsg-headless.XXXXXX")
pids=()
broker_dir=""
cleanup() {
    local rc=$?
    if [[ -n "$broker_dir" && -x "$here/rabbitmq/broker.sh" ]]; then
        "$here/rabbitmq/broker.sh" stop "$broker_dir" >/dev/null 2>&1 || true
    fi
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
    # gnome-keyring-daemon daemonizes: find it by its private HOME in its environment.
    for p in $(pgrep -f gnome-keyring-daemon 2>/dev/null || true); do
        if tr '\0' '\n' <"/proc/$p/environ" 2>/dev/null | grep -qx "HOME=$scratch/home"; then
            kill "$p" 2>/dev/null || true
        fi
    done
    rm -rf "$scratch"
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export HOME=$scratch/home
export XDG_RUNTIME_DIR=$scratch/run
export XDG_DATA_HOME=$HOME/.local/share XDG_CONFIG_HOME=$HOME/.config XDG_CACHE_HOME=$HOME/.cache
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
export NO_AT_BRIDGE=1

has_owner() {
    dbus-send --session --print-reply --dest=org.freedesktop.DBus / \
        org.freedesktop.DBus.NameHasOwner "string:$1" 2>/dev/null | grep -q 'boolean true'
}
wait_for() {
    local what=$1
    shift
    for _ in $(seq 150); do
        "$@" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "run-headless: timed out waiting for $what" >&2
    return 1
}

echo -n fedmsg-test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null
wait_for "gnome-keyring (org.freedesktop.secrets)" has_owner org.freedesktop.secrets

dunst -verbosity warn >"$scratch/dunst.log" 2>&1 &
pids+=($!)
wait_for "dunst (org.freedesktop.Notifications)" has_owner org.freedesktop.Notifications

trayer --edge bottom --align right --widthtype pixel --width 200 --height 32 >/dev/null 2>&1 &
pids+=($!)
wait_for "trayer (XEmbed tray window)" xwininfo -name panel

if [[ -z "${FEDMSG_NO_BROKER:-}" && -x "$here/rabbitmq/broker.sh" ]] && command -v rabbitmq-server >/dev/null 2>&1; then
    broker_dir=$scratch/broker
    mkdir -p "$broker_dir"
    if "$here/rabbitmq/broker.sh" start "$broker_dir" >"$scratch/broker-start.log" 2>&1; then
        export FEDMSG_TEST_BROKER_ENV=$broker_dir/broker.env
    else
        echo "run-headless: RabbitMQ test broker failed to start; AMQP tests will skip. Log:" >&2
        tail -n 30 "$scratch/broker-start.log" >&2 || true
    fi
fi

echo "run-headless: DISPLAY=$DISPLAY, session bus, keyring, dunst, trayer${FEDMSG_TEST_BROKER_ENV:+, rabbitmq} ready"
if [[ ${1:-} == --run ]]; then
    shift
    "$@" # a command in the same environment (tests/benchmarks.sh runs the benchmarks so)
    exit $?
fi
ctest --test-dir "$build_dir" --output-on-failure --no-tests=error "$@"
