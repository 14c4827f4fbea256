#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# packaging/screenshots/windows.sh BUILD_DIR OUT_DIR [LANG]
# Screenshots of the applet's windows on the demo bus, in a language:
#   packaging/screenshots/windows.sh build/dev /tmp/shots de_DE.UTF-8
# writes OUT_DIR/history-<lang>.png and preferences-<lang>.png. Runs its own Xvfb and D-Bus
# session (xvfb-run, dbus-run-session, ImageMagick's import) and a fresh HOME, so nothing of
# yours is read or changed. The locale need not be generated: Qt reads LANG itself.
set -euo pipefail
if [[ $# -lt 2 ]]; then
    echo "usage: $0 BUILD_DIR OUT_DIR [LANG]" >&2
    exit 2
fi
build=$(realpath "$1")
mkdir -p "$2"
out=$(realpath "$2")
lang=${3:-${LANG:-C.UTF-8}}
if [[ -z "${FEDMSG_SCREENSHOT_INNER:-}" ]]; then
    export FEDMSG_SCREENSHOT_INNER=1
    exec xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
        dbus-run-session -- "$(realpath "$0")" "$build" "$out" "$lang"
fi

home=$(mktemp -d)
trap 'kill "${pid:-}" 2>/dev/null; wait "${pid:-}" 2>/dev/null; rm -rf "$home"' EXIT
export HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share"
export XDG_CACHE_HOME="$home/.cache" XDG_RUNTIME_DIR="$home/run"
mkdir -m 700 "$XDG_RUNTIME_DIR"
export QT_QPA_PLATFORM=xcb
unset LC_ALL LC_MESSAGES LANGUAGE
short=${lang%%[_.]*}

LANG="$lang" "$build/app/tray/fedmsg-notify" --demo >"$home/applet.log" 2>&1 &
pid=$!
control=(--session --dest org.fedoraproject.FedmsgNotify
    --object-path /org/fedoraproject/FedmsgNotify/Control)
for _ in $(seq 100); do
    gdbus introspect "${control[@]}" >/dev/null 2>&1 && break
    sleep 0.1 # waiting for another process to own its bus name; no signal to wait for here
done
shot() { # METHOD NAME: ask the applet to show a window, give it a moment to paint, take it
    gdbus call "${control[@]}" --method "org.fedoraproject.FedmsgNotify.Control.$1" >/dev/null
    sleep 2
    import -window root "$out/$2-$short.png"
}
shot ShowHistory history
shot ShowPreferences preferences
echo "wrote $out/history-$short.png $out/preferences-$short.png"
