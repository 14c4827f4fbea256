#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
# SPDX-License-Identifier: LGPL-2.1-or-later
# Fails when any C++ source under app/, lib/ or tests/ is not formatted with the repo's .clang-format.
set -euo pipefail
cd "${1:-$(dirname "$0")/../..}"
cf=$(command -v clang-format || command -v clang-format-14 || true)
if [[ -z "$cf" ]]; then
    echo "SKIP: clang-format not installed"
    exit 77
fi
mapfile -t files < <(find app lib tests -name '*.cpp' -o -name '*.h' | sort)
# One process for all files is fast; only when it complains, find out which files it meant.
if "$cf" --dry-run --Werror "${files[@]}" >/dev/null 2>&1; then
    echo "${#files[@]} passed, 0 failed"
    exit 0
fi
bad=0
for f in "${files[@]}"; do
    if ! "$cf" --dry-run --Werror "$f" >/dev/null 2>&1; then
        echo "not formatted: $f (run: clang-format -i $f)"
        bad=$((bad + 1))
    fi
done
echo "$((${#files[@]} - bad)) passed, $bad failed"
[[ $bad -eq 0 ]]
