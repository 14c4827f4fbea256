#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# packaging/screenshots/take.sh [BUILD_DIR] [OUTDIR]: the applet's windows as PNG files (tray
# menu, history window, each preferences page, About box), drawn by tests/app/take_screenshots
# on its demo bus in the headless environment (tests/run-headless.sh). The language is the one
# LANG names, e.g. `LANG=de_DE.UTF-8 packaging/screenshots/take.sh build/ci /tmp/shots-de`.
# BUILD_DIR defaults to build/ci (configured), OUTDIR to BUILD_DIR/screenshots/<language>.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=$(realpath -m "${1:-build/ci}")
lang=${LANG:-C}
out=$(realpath -m "${2:-$build/screenshots/${lang%%.*}}")
cmake --build "$build" --target take_screenshots >/dev/null
LANG=$lang tests/run-headless.sh "$build" --run "$build/tests/app/take_screenshots" "$out"
